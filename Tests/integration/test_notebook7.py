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

import importlib.util
import json
import os
import shutil
import tempfile
import time

import pytest

from lab_screenshot import Chromium, NotebookServer, find_chromium
from test_lab_widgets import _RUN_JS, _STATE_JS, _notebook, _poll

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
    if importlib.util.find_spec("notebook") is None:
        pytest.skip("notebook (Notebook 7) is not installed in this Python (see requirements-test.txt)")
    binary = find_chromium()
    if binary is None:
        pytest.skip("Chromium not installed: `apt-get install -y chromium`, or set STRIDE_CHROMIUM")
    folder = tempfile.mkdtemp(prefix="stride-notebook7-")
    server = NotebookServer(folder)
    server.extra_args = ["--JupyterNotebookApp.expose_app_in_browser=True"]
    browser = Chromium(binary)
    os.makedirs(OUT, exist_ok=True)
    try:
        server.launch()
        browser.start()
        server.wait()
        browser.send("Emulation.setFocusEmulationEnabled", enabled=True)
        yield server, browser, folder
    finally:
        browser.stop()
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(server.state, ignore_errors=True)


def _open_and_run(notebook7, name: str, source: str) -> None:
    server, browser, folder = notebook7
    with open(os.path.join(folder, name), "w") as f:
        json.dump(_notebook(source), f)
    browser.navigate(server.notebook_url(name))
    deadline, ran = time.monotonic() + 60, None
    while time.monotonic() < deadline and ran != "ran":
        time.sleep(0.5)
        try:
            ran = browser.evaluate(_RUN_JS)
        except Exception:  # noqa: BLE001 - the page is still loading
            ran = None
    assert ran == "ran", f"Notebook 7 did not run the cell: {ran}\n{server.log()}"


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
