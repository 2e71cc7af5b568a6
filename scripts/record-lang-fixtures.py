#!/usr/bin/env python3
"""Fills EMPTY `// error:` blocks of Lang fixtures from a `swift test` log (review before committing).

Usage: swift test --filter LangTests > log; scripts/record-lang-fixtures.py log Tests/LangTests/Fixtures
"""
import re, sys, pathlib
log, folder = sys.argv[1], pathlib.Path(sys.argv[2])
text = open(log).read()
found = re.findall(r"↳ (\S+)#(\d+): output differs\n  --- expected\n((?:  .*\n)*?)  --- actual\n((?:  .*\n)*?)  ---\n", text)
for name, cell, expected, actual in found:
    if expected.strip():
        continue
    path = folder / name
    cells = path.read_text().split("\n// ---\n")
    index = int(cell) - 1
    lines = [l[2:] for l in actual.splitlines()]
    block = "".join("// " + l + "\n" if l else "//\n" for l in lines)
    chunk = cells[index]
    if "// error:\n" in chunk + "\n" and chunk.rstrip().endswith("// error:"):
        cells[index] = chunk.rstrip() + "\n" + block.rstrip("\n")
        path.write_text("\n// ---\n".join(cells))
        print("recorded", name, cell)
