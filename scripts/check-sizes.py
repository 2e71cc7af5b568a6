#!/usr/bin/env python3
"""Size budgets of the Swift sources: every file under 400 lines, every function under 60.

A function may be longer when a comment at its site says why: a line containing
`size-budget:` (e.g. `// size-budget: the 24 accumulators must stay in one function`) directly
above its declaration or on it. Checks Sources/, Tests/, Benchmarks/ and scripts/ (Swift files).
Exits 1 and lists every file and function over budget.
"""
import re
import sys
from pathlib import Path

FILE_LIMIT = 400
FUNCTION_LIMIT = 60
ROOTS = ["Sources", "Tests", "Benchmarks", "scripts"]
MODIFIERS = (r"(?:(?:@\w+(?:\([^)]*\))?|public|private|fileprivate|internal|package|open|static|class|"
             r"override|mutating|nonmutating|final|nonisolated|convenience|required|dynamic)\s+)*")
DECLARATION = re.compile(r"^\s*" + MODIFIERS + r"(func\s+[^\s(<]+|init[?!]?|deinit|subscript)\s*[(<{]?")


def code_only(line, in_multiline):
    """The line without comments and string contents (braces in them do not count)."""
    out, i = [], 0
    while i < len(line):
        if in_multiline:
            end = line.find('"""', i)
            if end < 0:
                return "".join(out), True
            i, in_multiline = end + 3, False
        elif line.startswith('"""', i):
            in_multiline, i = True, i + 3
        elif line.startswith("//", i):
            break
        elif line[i] == '"':
            i += 1
            while i < len(line) and line[i] != '"':
                i += 2 if line[i] == "\\" else 1
            i += 1
        else:
            out.append(line[i])
            i += 1
    return "".join(out), in_multiline


def function_spans(lines):
    """(name, first line, last line) of every function, initialiser and subscript with a body."""
    codes, multiline = [], False
    for line in lines:
        code, multiline = code_only(line, multiline)
        codes.append(code)
    spans = []
    for start, line in enumerate(lines):
        match = DECLARATION.match(codes[start])
        if not match or line.lstrip().startswith("//"):
            continue
        depth, opened = 0, False
        for end in range(start, len(lines)):
            for char in codes[end]:
                if char == "{":
                    depth, opened = depth + 1, True
                elif char == "}":
                    depth -= 1
            if opened and depth <= 0:
                spans.append((match.group(1), start, end))
                break
            if not opened and end > start and (codes[end].strip() == "" or DECLARATION.match(codes[end])):
                break  # a requirement without a body (protocols)
    return spans


def excused(lines, start):
    window = lines[max(0, start - 3):start + 1]
    return any("size-budget:" in line for line in window)


def main():
    root = Path(__file__).resolve().parent.parent
    problems = []
    for top in ROOTS:
        for path in sorted((root / top).rglob("*.swift")):
            if ".build" in path.parts:
                continue
            lines = path.read_text(encoding="utf-8").split("\n")
            if lines and lines[-1] == "":
                lines.pop()
            relative = path.relative_to(root)
            if len(lines) >= FILE_LIMIT:
                problems.append(f"{relative}: {len(lines)} lines (budget: under {FILE_LIMIT})")
            for name, start, end in function_spans(lines):
                length = end - start + 1
                if length >= FUNCTION_LIMIT and not excused(lines, start):
                    problems.append(f"{relative}:{start + 1}: {name} is {length} lines (budget: under "
                                    f"{FUNCTION_LIMIT}, or a `size-budget:` comment saying why)")
    for problem in problems:
        print("check-sizes: " + problem, file=sys.stderr)
    if problems:
        return 1
    print(f"check-sizes: every Swift file is under {FILE_LIMIT} lines and every function under {FUNCTION_LIMIT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
