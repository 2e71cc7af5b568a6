"""nbgrader end to end on the Stride kernel: generate, autograde three submissions, feedback.

The course is deploy/nbgrader (nbgrader_config.py, course.py) around the instructor notebook
notebooks/07-assignment-solution.ipynb; every step is the real `nbgrader` command.
"""
import re
import sys
from pathlib import Path

import nbformat
import pytest
from nbgrader.api import Gradebook

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "deploy" / "nbgrader"))
import course  # noqa: E402

SOLUTION = re.compile(r"^\s*// (BEGIN|END) SOLUTION\s*$")
WRONG_MODEL = "let model = Sequential(input: [1, 28, 28]) {\n    Flatten()\n    Dense(10)\n}"


def solution_of(instructor, grade_id):
    """The instructor's answer for a solution cell, without the region's delimiter lines."""
    cell = next(c for c in instructor.cells if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id)
    return "\n".join(line for line in cell.source.split("\n") if not SOLUTION.match(line))


def submit(root, student, released, answers, tamper=None):
    """Writes ROOT/submitted/STUDENT/ASSIGNMENT/07-assignment.ipynb: the released notebook with
    `answers` (grade_id → source) filled in, and `tamper` (grade_id → source) over test cells."""
    nb = nbformat.from_dict(released)
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        for edits in (answers, tamper or {}):
            if grade_id in edits:
                cell.source = edits[grade_id]
    folder = root / "submitted" / student / course.ASSIGNMENT
    folder.mkdir(parents=True)
    nbformat.write(nb, folder / f"{course.NOTEBOOK}.ipynb")


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """A course with three submissions, autograded and with feedback generated."""
    root = course.make_course(tmp_path_factory.mktemp("course"))
    released = course.generate(root)
    instructor = nbformat.read(course.INSTRUCTOR, as_version=4)
    solved = {g: solution_of(instructor, g) for g in ("q1", "q2")}
    submit(root, "unanswered", released, {})
    submit(root, "solved", released, solved)
    submit(root, "half", released, {"q1": solved["q1"], "q2": WRONG_MODEL},
           tamper={"q2-test": "// the tests were deleted"})
    course.nbgrader(root, "autograde", course.ASSIGNMENT)
    course.nbgrader(root, "generate_feedback", course.ASSIGNMENT)
    return root, released


def autograded(root, student):
    path = root / "autograded" / student / course.ASSIGNMENT / f"{course.NOTEBOOK}.ipynb"
    return nbformat.read(path, as_version=4)


def test_committed_student_notebook_is_what_nbgrader_generates(graded):
    _, released = graded
    committed = nbformat.read(ROOT / "notebooks" / f"{course.NOTEBOOK}.ipynb", as_version=4)
    assert course.cells_of(committed) == course.cells_of(released)


def test_student_version_has_stubs_and_no_hidden_tests(graded):
    _, released = graded
    text = "\n".join(c.source for c in released.cells)
    assert 'fatalError("not answered yet")' in text and "// YOUR CODE HERE" in text
    assert "HIDDEN TESTS" not in text and "answer1 == 32" not in text
    assert "BEGIN SOLUTION" not in text and "(64 - 7 + 2 * 3)" not in text


@pytest.mark.parametrize("student, expected", [("unanswered", 0), ("solved", 4), ("half", 2)])
def test_autograde_scores(graded, student, expected):
    root, _ = graded
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}", course_id="stride-cnn-basics") as gb:
        submission = gb.find_submission(course.ASSIGNMENT, student)
        assert (submission.score, submission.max_score) == (expected, 4)


def test_failed_asserts_are_error_outputs_and_hidden_tests_run(graded):
    root, _ = graded
    for student, failing in (("unanswered", {"q1-test", "q2-test"}), ("solved", set()), ("half", {"q2-test"})):
        nb = autograded(root, student)
        tests = {c.metadata.nbgrader.grade_id: c for c in nb.cells
                 if c.metadata.get("nbgrader", {}).get("grade")}
        assert all("// BEGIN HIDDEN TESTS" in c.source for c in tests.values())
        errors = {g for g, c in tests.items() if any(o.output_type == "error" for o in c.outputs)}
        assert errors == failing, student
        for grade_id in failing:
            names = [o.ename for o in tests[grade_id].outputs if o.output_type == "error"]
            assert names and all(n for n in names)


def test_feedback_written_with_scores(graded):
    root, _ = graded
    for student, score in (("unanswered", "0.0"), ("solved", "4.0"), ("half", "2.0")):
        html = (root / "feedback" / student / course.ASSIGNMENT / f"{course.NOTEBOOK}.html").read_text()
        assert f"Score: {score} / 4.0" in html, student
        assert "answer1" in html
