"""A Stride course directory for nbgrader, made from the repository's notebooks.

The instructor notebook is notebooks/07-assignment-solution.ipynb (source:
notebooks/src/07-assignment-solution.swift, with `// BEGIN SOLUTION` … `// END SOLUTION` and
`// BEGIN HIDDEN TESTS` … `// END HIDDEN TESTS` regions). `make_course` lays out nbgrader's
standard course directory around it, with this folder's nbgrader_config.py at its root:

    ROOT/nbgrader_config.py
    ROOT/source/ASSIGNMENT/07-assignment.ipynb      the instructor notebook, outputs cleared

`nbgrader(root, *args)` runs the real `nbgrader` command there, and `student_notebook()` is what
`nbgrader generate_assignment` makes of the instructor notebook: the committed
notebooks/07-assignment.ipynb is that output (scripts/notebooks.py build writes it, check
compares them).
"""
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
CONFIG = HERE / "nbgrader_config.py"
INSTRUCTOR = REPO / "notebooks" / "07-assignment-solution.ipynb"
ASSIGNMENT = "cnn-basics-07"
NOTEBOOK = "07-assignment"


def make_course(root, instructor=INSTRUCTOR):
    """Lays out a course directory at `root` whose assignment's source is `instructor`."""
    root = Path(root)
    source = root / "source" / ASSIGNMENT
    source.mkdir(parents=True, exist_ok=True)
    shutil.copy(CONFIG, root / "nbgrader_config.py")
    nb = nbformat.read(instructor, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    nbformat.write(nb, source / f"{NOTEBOOK}.ipynb")
    return root


def nbgrader(root, *args):
    """Runs `nbgrader ARGS` in the course directory; raises with its output if it fails.

    nbgrader runs `alembic` (its database migrations) from PATH: the environment's bin comes first.
    """
    env = dict(os.environ)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    result = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=root, env=env,
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"nbgrader {' '.join(args)} failed ({result.returncode}):\n"
                           f"{result.stdout}\n{result.stderr}")
    return result.stdout + result.stderr


def generate(root):
    """`nbgrader generate_assignment`: the student version, as written to ROOT/release/."""
    nbgrader(root, "generate_assignment", ASSIGNMENT, "--force")
    return nbformat.read(Path(root) / "release" / ASSIGNMENT / f"{NOTEBOOK}.ipynb", as_version=4)


def student_notebook(instructor=INSTRUCTOR):
    """What `nbgrader generate_assignment` makes of `instructor`, in a throwaway course."""
    with tempfile.TemporaryDirectory(prefix="stride-course-") as root:
        return generate(make_course(root, instructor))


def cells_of(nb):
    """A notebook's cells as nbgrader leaves them: type, source and metadata (no outputs, and
    none of the timings that executing a notebook records in its cells' metadata)."""
    return [(c.cell_type, c.source, {k: v for k, v in c.metadata.items() if k != "execution"})
            for c in nb.cells]
