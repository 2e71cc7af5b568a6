"""Widgets in JupyterLab 4 in headless Chromium, with the Stride kernel running.

JupyterLab starts with `--expose-app-in-browser` (so `window.jupyterapp` is there); the test opens
a notebook holding `convolutionExplorer(…)`, runs it with JupyterLab's own command
`notebook:run-all-cells`, waits for the widgets that JupyterLab's widget manager (jupyterlab_widgets,
pinned) draws from the kernel's comm messages, moves the kernel-size slider with the keyboard
(DevTools `Input.dispatchKeyEvent` on the focused slider handle, as a user's arrow key), and checks
that the explorer's HTML (formula and SVG) is redrawn by the kernel; then runs a `fit(…, controls:
true)` and clicks its Stop button with the mouse (DevTools `Input.dispatchMouseEvent`) while it
trains. Needs Debian's `chromium`.
Screenshots: out/lab-widgets/.
"""
from __future__ import annotations

import importlib.util
import json
import os
import shutil
import tempfile
import time

import pytest

from conftest import KERNEL_NAME
from lab_screenshot import Chromium, LabServer, find_chromium

pytest.importorskip("websocket")
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUT = os.path.join(ROOT, "out", "lab-widgets")
CODE = "convolutionExplorer(input: 7, kernel: 3, padding: 1, stride: 2)"
TRAIN = """%seed 5
let data = FashionMNIST(padding: 2)
let model = Sequential(input: [1, 32, 32]) {
    Conv2D(4, kernel: 5, activation: .relu)
    MaxPool2D(2)
    Flatten()
    Dense(10)
}
let h = model.fit(data.train, epochs: 50, batchSize: 32, optimizer: SGD(learningRate: 0.05), seed: 5, controls: true)
print(h.stopReason)"""

_RUN_JS = """(() => {
  const app = window.jupyterapp;
  if (!app) return 'no app';
  // Headless, no widget has the focus (shell.currentWidget is null): activate the notebook panel
  // so that the notebook commands act on it.
  const panel = [...app.shell.widgets('main')].find(w => w.sessionContext);
  if (!panel) return 'no notebook panel';
  app.shell.activateById(panel.id);
  panel.activate();
  panel.content.activate();
  if (panel.content.activeCell) panel.content.activeCell.node.focus();
  if (!panel.sessionContext.isReady) return 'session not ready';  // never await: polled instead
  const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
  if (!kernel || kernel.status !== 'idle') return 'kernel ' + (kernel ? kernel.status : 'none');
  if (!app.commands.isEnabled('notebook:run-all-cells')) return 'run-all-cells disabled';
  app.commands.execute('notebook:run-all-cells');  // resolves when the cells end: not awaited
  return 'ran';
})()"""

_STATE_JS = """(() => {
  const sliders = [...document.querySelectorAll('.jp-OutputArea .widget-slider')];
  const html = [...document.querySelectorAll('.jp-OutputArea .widget-html-content')];
  return {sliders: sliders.map(s => s.innerText), html: html.map(h => h.innerText),
          svgs: document.querySelectorAll('.jp-OutputArea .widget-html-content svg').length};
})()"""

_FOCUS_JS = """(() => {
  const slider = [...document.querySelectorAll('.jp-OutputArea .widget-slider')]
    .find(s => s.innerText.includes('kernel F'));
  const handle = slider && slider.querySelector('.noUi-handle');
  if (!handle) return false;
  handle.scrollIntoView({block: 'center'});
  handle.focus();
  return document.activeElement === handle;
})()"""




def _notebook(source: str) -> dict:
    return {"cells": [{"cell_type": "code", "execution_count": None, "id": "cell", "metadata": {},
                       "outputs": [], "source": source}],
            "metadata": {"kernelspec": {"name": KERNEL_NAME, "display_name": "Swift (Stride)", "language": "swift"},
                         "language_info": {"name": "swift"}},
            "nbformat": 4, "nbformat_minor": 5}


def _poll(browser, predicate, timeout, script=_STATE_JS):
    deadline = time.monotonic() + timeout
    state = None
    while time.monotonic() < deadline:
        state = browser.evaluate(script)
        if predicate(state):
            return state, True
        time.sleep(0.2)
    return state, False


def served(server_class, app_package: str, expose_flag: str, out_dir: str):
    """Yields (server, browser, folder): `server_class` (app exposed by `expose_flag`) on a temp
    folder and headless Chromium; skips when `app_package` or Chromium is missing."""
    if importlib.util.find_spec(app_package) is None:
        pytest.skip(f"{app_package} is not installed in this Python (see requirements-test.txt)")
    binary = find_chromium()
    if binary is None:
        pytest.skip("Chromium not installed: `apt-get install -y chromium`, or set STRIDE_CHROMIUM")
    folder = tempfile.mkdtemp(prefix="stride-browser-")
    server = server_class(folder)
    server.extra_args = [expose_flag]
    browser = Chromium(binary)
    os.makedirs(out_dir, exist_ok=True)
    try:
        server.launch()
        browser.start()
        server.wait()
        browser.send("Emulation.setFocusEmulationEnabled", enabled=True)  # headless: the page has the focus
        yield server, browser, folder
    finally:
        browser.stop()
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(server.state, ignore_errors=True)


@pytest.fixture
def lab():
    """(server, browser, folder): JupyterLab (app exposed) on a temp folder, headless Chromium; a
    fresh pair per test (leaving a page whose notebook changed blocks it on a "leave?" dialog)."""
    yield from served(LabServer, "jupyterlab", "--LabApp.expose_app_in_browser=True", OUT)


def _open_and_run(lab, name: str, source: str) -> None:
    server, browser, folder = lab
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
    assert ran == "ran", f"{server.APP_MODULE} did not run the cell: {ran}\n{server.log()}"


def test_lab_draws_the_explorer_and_a_slider_move_redraws_it(lab):
    _, browser, _ = lab
    _open_and_run(lab, "explorer.ipynb", CODE)
    state, drawn = _poll(browser, lambda s: len(s["sliders"]) == 4 and any("W' =" in h for h in s["html"]), 60)
    browser.screenshot().save(os.path.join(OUT, "before.png"))
    assert drawn, f"the widgets were not drawn: {state}\n{lab[0].log()}"
    assert state["svgs"] == 1 and any("(7 − 3 + 2×1)/2 + 1 = 4" in h for h in state["html"])
    assert browser.evaluate(_FOCUS_JS), "the kernel slider's handle did not take the focus"
    for kind in ("keyDown", "keyUp"):
        browser.send("Input.dispatchKeyEvent", type=kind, key="ArrowRight", code="ArrowRight",
                     windowsVirtualKeyCode=39, nativeVirtualKeyCode=39)
    state, redrawn = _poll(browser, lambda s: any("(7 − 4 + 2×1)/2" in h for h in s["html"]), 20)
    browser.screenshot().save(os.path.join(OUT, "after.png"))
    assert redrawn, f"the explorer was not redrawn after the slider moved: {state}"
    assert any("not a whole number" in h for h in state["html"]) and state["svgs"] == 1


_STOP_JS = """(() => {
  const b = [...document.querySelectorAll('.jp-OutputArea button.jupyter-button')]
    .find(b => b.innerText.trim() === 'Stop');
  if (!b) return null;
  b.scrollIntoView({block: 'center'});
  const r = b.getBoundingClientRect();
  return {x: r.left + r.width / 2, y: r.top + r.height / 2, disabled: b.disabled};
})()"""

_OUTPUT_JS = "document.querySelector('.jp-OutputArea') ? document.querySelector('.jp-OutputArea').innerText : ''"


def test_lab_stop_button_ends_a_running_fit(lab):
    _, browser, _ = lab
    _open_and_run(lab, "train.ipynb", TRAIN)
    button, shown = _poll(browser, lambda b: b is not None, 90, script=_STOP_JS)
    assert shown, f"no Stop button while training\n{lab[0].log()}"
    time.sleep(2.0)  # training
    text = browser.evaluate(_OUTPUT_JS)
    assert "stopped by the user" not in text
    button = browser.evaluate(_STOP_JS)
    clicked = time.monotonic()
    for kind in ("mousePressed", "mouseReleased"):
        browser.send("Input.dispatchMouseEvent", type=kind, x=button["x"], y=button["y"],
                     button="left", clickCount=1)
    text, stopped = _poll(browser, lambda t: "stopped by the user" in t, 30, script=_OUTPUT_JS)
    waited = time.monotonic() - clicked
    browser.screenshot().save(os.path.join(OUT, "stopped.png"))
    assert stopped, f"the fit did not stop after the click: {text[-500:]}"
    assert waited < 5.0, f"the Stop click took {waited:.2f} s to end the fit"
