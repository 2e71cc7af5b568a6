"""Stride in Notebook 7 (the `notebook` package, pinned in requirements-test.txt) in headless Chromium.

Notebook 7 is built from JupyterLab's parts but is its own application: its own page per notebook
(/notebooks/PATH), its own shell, and the same widget manager (jupyterlab_widgets) loaded as a
prebuilt extension. The tests open a notebook there, run it with the application's own command
`notebook:run-all-cells` (the app is exposed with `expose_app_in_browser`), and check what a
student sees: the convolution explorer's widgets drawn from the kernel's comm messages and redrawn
by the kernel when a click moves a slider, and a heatmap's image on the page.
Needs Debian's `chromium`. Screenshots: out/notebook7/.
"""
from __future__ import annotations

import os

import pytest

from lab_screenshot import NotebookServer
from test_lab_widgets import _STATE_JS, _open_and_run, _poll, served

pytest.importorskip("websocket")
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "out", "notebook7")
EXPLORER = "convolutionExplorer(input: 7, kernel: 3, padding: 1, stride: 2)"
CHART = 'Tensor.random([6, 6], seed: 1).heatmap(title: "six by six")'

_TRACK_JS = """(() => {
  const slider = [...document.querySelectorAll('.jp-OutputArea .widget-slider')]
    .find(s => s.innerText.includes('kernel F'));
  const base = slider && slider.querySelector('.noUi-base');
  const handle = slider && slider.querySelector('.noUi-handle');
  if (!base || !handle) return null;
  base.scrollIntoView({block: 'center'});
  const r = base.getBoundingClientRect();
  return {left: r.left, width: r.width, y: r.top + r.height / 2,
          min: +handle.getAttribute('aria-valuemin'), max: +handle.getAttribute('aria-valuemax'),
          now: +handle.getAttribute('aria-valuenow')};
})()"""

_IMAGES_JS = """(() => [...document.querySelectorAll('.jp-OutputArea-output img')].map(img => ({
  complete: img.complete, naturalWidth: img.naturalWidth,
  width: img.getBoundingClientRect().width, height: img.getBoundingClientRect().height})))()"""


@pytest.fixture
def notebook7():
    """(server, browser, folder): Notebook 7 (app exposed) on a temp folder, headless Chromium."""
    yield from served(NotebookServer, "notebook", "--JupyterNotebookApp.expose_app_in_browser=True", OUT)


def test_notebook7_draws_the_explorer_and_a_slider_move_redraws_it(notebook7):
    _, browser, _ = notebook7
    _open_and_run(notebook7, "explorer.ipynb", EXPLORER)
    state, drawn = _poll(browser, lambda s: len(s["sliders"]) == 4 and any("W' =" in h for h in s["html"]), 60)
    browser.screenshot().save(os.path.join(OUT, "explorer-before.png"))
    assert drawn, f"the widgets were not drawn: {state}\n{notebook7[0].log()}"
    assert state["svgs"] == 1 and any("(7 − 3 + 2×1)/2 + 1 = 4" in h for h in state["html"])
    # Notebook 7 keeps arrow keys for its own commands: a student clicks the slider's track one
    # step to the right of the handle, as with a mouse.
    track = browser.evaluate(_TRACK_JS)
    assert track is not None, "the kernel slider has no track"
    x = track["left"] + (track["now"] + 1 - track["min"]) / (track["max"] - track["min"]) * track["width"]
    for kind in ("mousePressed", "mouseReleased"):
        browser.send("Input.dispatchMouseEvent", type=kind, x=x, y=track["y"], button="left", clickCount=1)
    state, redrawn = _poll(browser, lambda s: any("(7 − 4 + 2×1)/2" in h for h in s["html"]), 20)
    browser.screenshot().save(os.path.join(OUT, "explorer-after.png"))
    assert redrawn, f"the explorer was not redrawn after the slider moved: {state}"
    assert "kernel F\n4" in state["sliders"] and state["svgs"] == 1


def test_notebook7_shows_a_heatmap(notebook7):
    _, browser, _ = notebook7
    _open_and_run(notebook7, "heatmap.ipynb", CHART)
    images, shown = _poll(browser, lambda imgs: len(imgs) == 1 and imgs[0]["complete"]
                          and imgs[0]["naturalWidth"] > 0, 60, script=_IMAGES_JS)
    browser.screenshot().save(os.path.join(OUT, "heatmap.png"))
    assert shown, f"no heatmap image on the page: {images}\n{notebook7[0].log()}"
    assert images[0]["width"] >= 100 and images[0]["height"] >= 100, images
