#!/usr/bin/env python3
"""Build, execute and check Stride's teaching notebooks.

Sources live in notebooks/src/*.swift in the percent format (`// %%` starts a code cell,
`// %% [markdown]` a markdown cell whose lines start with `// `; `tags=[...]` and
`nbgrader={...}` after the marker become cell metadata). The .ipynb files in notebooks/ are
committed with their outputs. The student assignment 07-assignment has no source of its own: it is
what `nbgrader generate_assignment` makes of 07-assignment-solution (deploy/nbgrader/course.py).

  notebooks.py build            write notebooks/*.ipynb from the sources (no outputs), and the
                                student assignment with nbgrader from the instructor notebook
  notebooks.py execute [NAME]   run notebooks with nbclient through the installed kernelspec,
                                saving outputs in place (how committed outputs are made)
  notebooks.py check [NAME]     re-run each notebook into a temporary copy and fail if its text
                                outputs differ from the committed ones (timings aside), or if
                                the committed cells differ from the sources (for the student
                                assignment: from what nbgrader generates now)
"""
import argparse
import ast
import copy
import json
import re
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
SOURCES = NOTEBOOKS / "src"
KERNEL = "stride"
STUDENT = "07-assignment"
sys.path.insert(0, str(ROOT / "deploy" / "nbgrader"))
import course  # noqa: E402  (deploy/nbgrader/course.py: the nbgrader course around notebook 07)
TIMING = re.compile(r"\d[\d,]*(\.\d+)?\s*(ms|µs|us|s|min|img/s|images/s|it/s|MB/s)\b")
ETA = re.compile(r"(ETA|elapsed|took|time|Wall time|CPU time)[: ]+[^\n,)]*")


def parse_source(path):
    """Splits a percent-format source into nbformat cells."""
    cells, kind, meta, lines = [], None, {}, []

    def flush():
        if kind is None:
            return
        text = "\n".join(lines).strip("\n")
        if kind == "markdown":
            text = "\n".join(l[3:] if l.startswith("// ") else l[2:] for l in text.split("\n"))
            cells.append(nbformat.v4.new_markdown_cell(text, metadata=meta))
        else:
            cells.append(nbformat.v4.new_code_cell(text, metadata=meta))

    for line in path.read_text().split("\n"):
        if line.startswith("// %%"):
            flush()
            rest = line[5:].strip()
            kind = "markdown" if rest.startswith("[markdown]") else "code"
            meta, lines = parse_metadata(rest.replace("[markdown]", "", 1).strip()), []
        else:
            lines.append(line)
    flush()
    return cells


def parse_metadata(text):
    """Reads `tags=[...]` and `nbgrader={...}` marker options."""
    meta = {}
    for key, value in re.findall(r'(\w+)=(\[[^\]]*\]|\{[^}]*\})', text):
        meta[key] = ast.literal_eval(value.replace("true", "True").replace("false", "False"))
    return meta


def new_notebook(cells):
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": KERNEL, "display_name": "Swift (Stride)", "language": "swift"}
    nb.metadata["language_info"] = {"name": "swift", "file_extension": ".swift",
                                    "mimetype": "text/x-swift", "codemirror_mode": "swift"}
    return nb


def names(selected):
    all_names = sorted([p.stem for p in SOURCES.glob("*.swift")] + [STUDENT])
    return [n for n in all_names if not selected or n in selected]


def build(selected):
    """Sources first; then the student assignment, generated from the instructor notebook."""
    for name in names(selected):
        if name == STUDENT:
            continue
        nb = new_notebook(parse_source(SOURCES / f"{name}.swift"))
        nbformat.write(nb, NOTEBOOKS / f"{name}.ipynb")
        print(f"built notebooks/{name}.ipynb")
    if STUDENT in names(selected):
        nbformat.write(course.student_notebook(), NOTEBOOKS / f"{STUDENT}.ipynb")
        print(f"built notebooks/{STUDENT}.ipynb with nbgrader generate_assignment")


def cells_differ(name, committed):
    """Whether the committed cells differ from the source (or from nbgrader's student version)."""
    if name == STUDENT:
        return course.cells_of(committed) != course.cells_of(course.student_notebook())
    return [c.source for c in committed.cells] != [c.source for c in parse_source(SOURCES / f"{name}.swift")]


def run(nb, name):
    """Executes a notebook; the student assignment may fail its test cells."""
    client = NotebookClient(nb, kernel_name=KERNEL, timeout=600, allow_errors=(name == STUDENT),
                            resources={"metadata": {"path": str(NOTEBOOKS)}})
    start = time.time()
    client.execute()
    return time.time() - start


def execute(selected):
    for name in names(selected):
        path = NOTEBOOKS / f"{name}.ipynb"
        nb = nbformat.read(path, as_version=4)
        seconds = run(nb, name)
        nbformat.write(nb, path)
        print(f"executed {name} in {seconds:.1f} s")


def text_outputs(nb):
    """The text a reader sees per code cell: streams, text/plain, error names and values.

    Consecutive outputs of one stream read as one text (as Jupyter shows them): how the kernel's
    output batching cut the text into messages depends on timing, not on the notebook.
    """
    result = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        parts = []
        stream = None
        for out in cell.get("outputs", []):
            if out.output_type == "stream":
                parts.append(out.text if stream == out.name else f"[{out.name}] {out.text}")
                stream = out.name
                continue
            stream = None
            if out.output_type in ("execute_result", "display_data"):
                parts.append("[data] " + out.get("data", {}).get("text/plain", ""))
            elif out.output_type == "error":
                parts.append(f"[error] {out.ename}: {out.evalue}")
        result.append(normalise("".join(parts)))
    return result


def normalise(text):
    return ETA.sub(r"\1 <t>", TIMING.sub("<t>", text))


def check_assignment(nb):
    """The student version must fail every graded test cell with an AssertionError-like error."""
    failures = []
    for cell in nb.cells:
        grading = cell.metadata.get("nbgrader", {})
        if cell.cell_type == "code" and grading.get("grade"):
            errors = [o for o in cell.outputs if o.output_type == "error"]
            if not errors:
                failures.append(f"{grading.get('grade_id')}: expected a failing assert, got none")
    return failures


def check(selected):
    problems = []
    for name in names(selected):
        committed = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
        if cells_differ(name, committed):
            origin = "nbgrader generate_assignment" if name == STUDENT else f"notebooks/src/{name}.swift"
            problems.append(f"{name}: notebook cells differ from {origin} (run build)")
        fresh = copy.deepcopy(committed)
        seconds = run(fresh, name)
        print(f"ran {name} in {seconds:.1f} s")
        for index, (old, new) in enumerate(zip(text_outputs(committed), text_outputs(fresh))):
            if old != new:
                problems.append(f"{name}: code cell {index + 1} output differs\n--- committed\n{old}\n--- now\n{new}")
        if name == STUDENT:
            problems += [f"{name}: {p}" for p in check_assignment(fresh)]
    for problem in problems:
        print("FAIL", problem)
    print(f"{len(names(selected)) - len({p.split(':')[0] for p in problems})} passed, "
          f"{len({p.split(':')[0] for p in problems})} failed")
    return 1 if problems else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["build", "execute", "check"])
    parser.add_argument("names", nargs="*")
    args = parser.parse_args()
    if args.command == "build":
        build(args.names)
    elif args.command == "execute":
        execute(args.names)
    else:
        sys.exit(check(args.names))


if __name__ == "__main__":
    main()
