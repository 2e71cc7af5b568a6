"""Widget state saved in a notebook: nbclient (`store_widget_state=True`, as `jupyter nbconvert
--execute` runs it) records every model the kernel opened in the notebook's metadata
(`application/vnd.jupyter.widget-state+json`), so nbconvert's HTML (and any viewer with the
widget HTML manager) draws the widgets without a kernel."""
from __future__ import annotations

import base64

import nbformat
from nbclient import NotebookClient
from nbconvert import HTMLExporter
from nbformat.v4 import new_code_cell, new_notebook

from conftest import KERNEL_NAME

STATE = "application/vnd.jupyter.widget-state+json"
VIEW = "application/vnd.jupyter.widget-view+json"


def test_executed_notebook_keeps_widget_state_and_its_html_shows_it():
    cells = ['let k = IntSlider(value: 3, in: 1...7, description: "kernel")\nk.value = 5\ndisplay(k)',
             "display(ImageWidget(Tensor.ones([8, 8]), width: 32))",
             "poolingExplorer()"]
    nb = new_notebook(cells=[new_code_cell(c) for c in cells])
    NotebookClient(nb, kernel_name=KERNEL_NAME, timeout=60, store_widget_state=True).execute()
    saved = nb.metadata.widgets[STATE]
    assert (saved["version_major"], saved["version_minor"]) == (2, 0)
    models = saved["state"]
    slider_id = nb.cells[0].outputs[0].data[VIEW]["model_id"]
    slider = models[slider_id]
    assert (slider["model_name"], slider["model_module"]) == ("IntSliderModel", "@jupyter-widgets/controls")
    assert slider["state"]["value"] == 5  # the update sent after the open is folded in
    layout = slider["state"]["layout"].removeprefix("IPY_MODEL_")
    assert models[layout]["model_name"] == "LayoutModel"
    image_id = nb.cells[1].outputs[0].data[VIEW]["model_id"]
    [buffer] = models[image_id]["buffers"]
    assert buffer["path"] == ["value"] and base64.b64decode(buffer["data"]).startswith(b"\x89PNG")
    names = {m["model_name"] for m in models.values()}
    assert {"PlayModel", "LinkModel", "HTMLModel", "VBoxModel"} <= names
    # Written and read back as nbformat, then converted: the HTML embeds the state for the
    # widget manager and the view of each displayed widget.
    nb = nbformat.reads(nbformat.writes(nb), as_version=4)
    html, _ = HTMLExporter().from_notebook_node(nb)
    assert STATE in html and slider_id in html and image_id in html
    assert VIEW in html
