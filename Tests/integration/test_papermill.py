"""Papermill parameters for Swift notebooks (python/stride-papermill), unit and end to end.

The unit tests call the translator; the end-to-end tests run the real `papermill` command on a
notebook through the installed Stride kernelspec and read what the kernel printed.
"""
import math
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from papermill.exceptions import PapermillException
from papermill.translators import papermill_translators

from stride_papermill import SwiftTranslator

T = SwiftTranslator


def test_papermill_finds_the_translator_for_swift_notebooks():
    assert papermill_translators.find_translator("stride", "swift") is SwiftTranslator


@pytest.mark.parametrize("module", ["stride_papermill", "stride_papermill.translator",
                                    "stride_papermill.engine", "papermill"])
def test_any_import_order_registers_the_translator(module):
    code = (f"import {module}\nfrom papermill.translators import papermill_translators as t\n"
            "print(t.find_translator('stride', 'swift').__name__)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "SwiftTranslator"


@pytest.mark.parametrize("value, swift", [
    (None, "nil"), (True, "true"), (False, "false"), (1, "1"), (-42, "-42"),
    (0.01, "0.01"), (1e-05, "1e-05"), (2.5e20, "2.5e+20"), (3.0, "3.0"),
    (math.inf, "Double.infinity"), (-math.inf, "-Double.infinity"), (math.nan, "Double.nan"),
    ("adam", '"adam"'), ('say "hi"', r'"say \"hi\""'), ("a\\b", r'"a\\b"'),
    ("\\(x)", r'"\\(x)"'), ("line1\nline2\ttab\r", r'"line1\nline2\ttab\r"'),
    ("bell\x07", r'"bell\u{7}"'), ("naïve ✓", '"naïve ✓"'),
    ([], "[]"), ([1, 2, 3], "[1, 2, 3]"), ([1, "x", None, [0.5]], '[1, "x", nil, [0.5]]'),
    ((4, 5), "[4, 5]"), ({}, "[:]"), ({"lr": 0.1, "epochs": 2}, '["lr": 0.1, "epochs": 2]'),
    ({"nested": {"a": [True]}}, '["nested": ["a": [true]]]'),
])
def test_translate(value, swift):
    assert T.translate(value) == swift


def test_codify_declares_each_parameter_after_a_comment():
    code = T.codify({"epochs": 1, "learningRate": 0.01}, comment="Injected-Parameters")
    assert code == "// Injected-Parameters\nlet epochs = 1\nlet learningRate = 0.01\n"


@pytest.mark.parametrize("name", ["my-var", "2fast", "let", "in", "a b", ""])
def test_names_that_are_not_swift_identifiers_are_refused(name):
    with pytest.raises(PapermillException, match="not a Swift identifier"):
        T.assign(name, "1")


def test_inspect_reads_declarations_of_the_parameters_cell():
    cell = nbformat.v4.new_code_cell(
        'let epochs = 3  // passes over the data\nvar learningRate: Double = 0.1\n'
        'let optimizer = "sgd"\nprint("not a parameter")')
    params = T.inspect(cell)
    assert [(p.name, p.inferred_type_name, p.default, p.help) for p in params] == [
        ("epochs", "None", "3", "passes over the data"),
        ("learningRate", "Double", "0.1", ""),
        ("optimizer", "None", '"sgd"', "")]


# End to end: the papermill command and the Stride kernel.

TRICKY = 'tab\t "quoted" \\(notInterpolated) naïve\nsecond line'


def notebook(path):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "stride", "display_name": "Swift (Stride)", "language": "swift"}
    nb.metadata["language_info"] = {"name": "swift"}
    params = nbformat.v4.new_code_cell(
        'let epochs = 3\nlet learningRate = 0.1\nlet note = "default"\nlet sizes = [8]\n'
        'let verbose = false\nlet limit: Int? = 5',
        metadata={"tags": ["parameters"]})
    report = nbformat.v4.new_code_cell(
        'print("epochs \\(epochs * 2) lr \\(learningRate) verbose \\(verbose)")\n'
        'print("sizes \\(sizes.count) limit \\(limit == nil)")\n'
        'print(note)')
    nb.cells = [nbformat.v4.new_code_cell("let before = 1"), params, report]
    nbformat.write(nb, path)


def papermill(*args):
    return subprocess.run([sys.executable, "-m", "papermill", *map(str, args)],
                          capture_output=True, text=True, timeout=120)


def printed(cell):
    return "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")


def test_papermill_injects_let_declarations_and_the_kernel_uses_them(tmp_path):
    source, out = tmp_path / "in.ipynb", tmp_path / "out.ipynb"
    notebook(source)
    result = papermill(source, out, "-p", "epochs", 1, "-p", "learningRate", 0.01,
                       "-p", "note", TRICKY, "-y", "sizes: [16, 32, 64]\nverbose: true\nlimit: null",
                       "--kernel", "stride")
    assert result.returncode == 0, result.stderr
    nb = nbformat.read(out, as_version=4)
    injected = nb.cells[2]
    assert "injected-parameters" in injected.metadata["tags"]
    lines = injected.source.split("\n")
    assert lines[0] == "// Parameters"
    for line in ("let epochs = 1", "let learningRate = 0.01", "let sizes = [16, 32, 64]",
                 "let verbose = true", "let limit = nil"):
        assert line in lines
    assert printed(nb.cells[3]) == (
        "epochs 2 lr 0.01 verbose true\nsizes 3 limit true\n" + TRICKY + "\n")


def test_papermill_without_parameters_keeps_the_defaults(tmp_path):
    source, out = tmp_path / "in.ipynb", tmp_path / "out.ipynb"
    notebook(source)
    result = papermill(source, out)
    assert result.returncode == 0, result.stderr
    nb = nbformat.read(out, as_version=4)
    assert printed(nb.cells[-1]) == "epochs 6 lr 0.1 verbose false\nsizes 1 limit false\ndefault\n"


def test_papermill_help_notebook_lists_the_swift_parameters(tmp_path):
    source = tmp_path / "in.ipynb"
    notebook(source)
    result = papermill("--help-notebook", source)
    assert result.returncode == 0, result.stderr
    assert "epochs" in result.stdout and "learningRate" in result.stdout
