"""Papermill's parameter translator for Swift (Stride's cell language)."""
import math
import re

from papermill.exceptions import PapermillException
from papermill.models import Parameter
from papermill.translators import Translator, papermill_translators

IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
# Swift's keywords used in declarations, statements and expressions: not usable as a bare name.
KEYWORDS = frozenset(
    "associatedtype class deinit enum extension fileprivate func import init inout internal let "
    "open operator private protocol public rethrows static struct subscript typealias var break "
    "case continue default defer do else fallthrough for guard if in repeat return switch where "
    "while as Any catch false is nil super self Self throw throws true try".split())
# One `let`/`var` declaration per line: name, optional type, value, optional `// comment`.
DECLARATION = re.compile(
    r"^\s*(?:let|var)\s+(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*"
    r"(?::\s*(?P<type>[^=]+?))?\s*=\s*(?P<value>.*?)\s*(?://\s*(?P<help>.*))?$")
ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\0": "\\0"}


class SwiftTranslator(Translator):
    """Python values (from `-p`, `-y`, `-f` or the API) as Swift literals; `let name = value`.

    None → `nil`; bools → `true`/`false`; ints as written; floats in their shortest round-trip
    form (`0.01`, `1e-05`), infinities and NaN as `Double.infinity`/`Double.nan`; strings as
    Swift string literals with `\\`, `"`, control characters and `\\(` escaped (so no
    interpolation runs); lists and tuples as arrays `[1, 2]`; dicts as dictionaries
    `["lr": 0.1]` (empty: `[:]`).
    """

    @classmethod
    def translate_none(cls, val):
        return "nil"

    @classmethod
    def translate_bool(cls, val):
        return "true" if val else "false"

    @classmethod
    def translate_int(cls, val):
        return str(int(val))

    @classmethod
    def translate_float(cls, val):
        if math.isnan(val):
            return "Double.nan"
        if math.isinf(val):
            return "Double.infinity" if val > 0 else "-Double.infinity"
        return repr(float(val))

    @classmethod
    def translate_escaped_str(cls, str_val):
        return '"' + "".join(cls._escape(c) for c in str(str_val)) + '"'

    @staticmethod
    def _escape(char):
        if char in ESCAPES:
            return ESCAPES[char]
        if ord(char) < 0x20 or ord(char) == 0x7F:
            return "\\u{%x}" % ord(char)
        return char

    @classmethod
    def translate_list(cls, val):
        return "[" + ", ".join(cls.translate(v) for v in val) + "]"

    @classmethod
    def translate_dict(cls, val):
        if not val:
            return "[:]"
        return "[" + ", ".join(f"{cls.translate(k)}: {cls.translate(v)}" for k, v in val.items()) + "]"

    @classmethod
    def translate(cls, val):
        if isinstance(val, tuple):
            return cls.translate_list(list(val))
        return super().translate(val)

    @classmethod
    def comment(cls, cmt_str):
        return f"// {cmt_str}".strip()

    @classmethod
    def assign(cls, name, str_val):
        if not IDENTIFIER.match(name) or name in KEYWORDS:
            raise PapermillException(
                f"parameter name '{name}' is not a Swift identifier (letters, digits and _, "
                "not starting with a digit, not a keyword)")
        return f"let {name} = {str_val}"

    @classmethod
    def inspect(cls, parameters_cell):
        """The `let`/`var` declarations of the parameters cell, one per line."""
        params = []
        for line in parameters_cell.source.splitlines():
            match = DECLARATION.match(line)
            if match is None or not match.group("value"):
                continue
            params.append(Parameter(
                name=match.group("name"),
                inferred_type_name=(match.group("type") or "None").strip(),
                default=match.group("value"),
                help=(match.group("help") or "").strip()))
        return params


def register():
    """Registers `SwiftTranslator` with papermill for the language "swift" (idempotent)."""
    papermill_translators.register("swift", SwiftTranslator)
