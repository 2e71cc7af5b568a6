"""A whole notebook through nbclient (what `jupyter nbconvert --execute` and nbgrader use)."""
from __future__ import annotations

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbformat.v4 import new_code_cell, new_notebook

from conftest import KERNEL_NAME


def execute(cells: list[str]) -> nbformat.NotebookNode:
    notebook = new_notebook(cells=[new_code_cell(source) for source in cells])
    NotebookClient(notebook, kernel_name=KERNEL_NAME, timeout=60).execute()
    return notebook


def test_notebook_runs_top_to_bottom():
    notebook = execute(['let n = 6 * 7\nprint("n =", n)', "n + 1", 'display(HTML("<i>hi</i>"))'])
    first, second, third = notebook.cells
    assert first.outputs[0].output_type == "stream" and first.outputs[0].text == "n = 42\n"
    assert second.outputs[0].data["text/plain"] == "43"
    assert [c.execution_count for c in notebook.cells] == [1, 2, 3]
    assert third.outputs[0].data["text/html"] == "<i>hi</i>"
    assert notebook.metadata.language_info.name == "swift"


def test_a_failing_cell_stops_the_notebook_with_its_error():
    with pytest.raises(CellExecutionError) as failure:
        execute(["let a = [1, 2]", "a[5]", 'print("never")'])
    assert "IndexError" in str(failure.value)
