"""The LeNet notebook, opened in JupyterLab in headless Chromium, shows its charts and images.

Starts this environment's JupyterLab (127.0.0.1, free port, token, isolated Jupyter dirs) on a
temporary folder holding copies of the notebooks, opens them in headless Chromium over the
DevTools protocol and checks what a reader sees: the notebook's text, one rendered <img> per
image output (naturalWidth > 0), and each image's screen region not blank (Pillow). The notebooks
are untrusted there, so SVG charts show only through their PNG fallback: a chart without a PNG
fails this test.

- test_fixture_*: a notebook made here with Pillow (PNG result, SVG+PNG chart, SVG-only chart,
  all-white PNG): proves the checks see PNG fallbacks, hidden SVGs and blank images.
- test_lenet_*: notebooks/02-lenet5.ipynb with its committed outputs (skipped while it has no
  image outputs); $STRIDE_LAB_NOTEBOOK points it at another notebook.
- test_milestones_*: notebooks/03-milestones.ipynb, its architecture diagrams.
- test_depth_*: notebooks/05-depth.ipynb, its gradient-norm and training-error charts.
All three also check that every image is shown at its own CSS width (not shrunk to the column).

The copies name a kernelspec that does not exist, so no kernel starts: the page shows the outputs
as committed. Needs Debian's `chromium` (skipped with a reason when missing; $STRIDE_CHROMIUM
overrides the binary). Screenshots: out/lab-render/<notebook>/ (page.png, one crop per image).
Run: .venv/bin/python -m pytest -v Tests/integration/test_jupyterlab_render.py
"""
from __future__ import annotations

import base64
import importlib.util
import io
import json
import os
import shutil
import tempfile

import pytest

from lab_render import (NO_KERNEL, copy_without_kernel, expected_images, first_text, load,
                        render_notebook, shows_image)
from lab_screenshot import Chromium, LabServer, find_chromium

PIL = pytest.importorskip("PIL")
pytest.importorskip("websocket")
from PIL import Image, ImageDraw  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
LENET = os.environ.get("STRIDE_LAB_NOTEBOOK", os.path.join(ROOT, "notebooks", "02-lenet5.ipynb"))
MILESTONES = os.path.join(ROOT, "notebooks", "03-milestones.ipynb")
DEPTH = os.path.join(ROOT, "notebooks", "05-depth.ipynb")
OUT = os.path.join(ROOT, "out", "lab-render")
FIXTURE = "render-fixture.ipynb"


def _png(image) -> str:
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    return base64.b64encode(buf.getvalue()).decode()


def _chart_png() -> str:
    """A loss-curve-like chart: axes and a falling polyline on white, 600x360 pixels (a 400x240
    figure at 1.5 device pixels per CSS pixel, as Stride's figures are)."""
    img = Image.new("RGB", (400, 240), "white")
    draw = ImageDraw.Draw(img)
    draw.line([(40, 200), (380, 200)], fill="black", width=2)
    draw.line([(40, 20), (40, 200)], fill="black", width=2)
    points = [(40 + 17 * i, 30 + int(160 * (1 - 0.85 ** i))) for i in range(21)]
    draw.line(points, fill=(31, 119, 180), width=3)
    return _png(img.resize((600, 360), Image.BILINEAR))


def _filters_png() -> str:
    """A grid of 6 grey 'learned filters', 6x enlarged like the notebook's filter images."""
    img = Image.new("L", (6 * 5 + 5, 5))
    img.putdata([(x * 37 + y * 91) % 256 for y in range(5) for x in range(35)])
    return _png(img.resize((6 * 35, 6 * 5), Image.NEAREST))


SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="240">'
       '<rect width="400" height="240" fill="white"/>'
       '<polyline points="40,30 200,150 380,190" stroke="#1f77b4" fill="none"/></svg>')


def _code(source: str, outputs: list) -> dict:
    return {"cell_type": "code", "execution_count": 1, "id": f"c{len(outputs)}{len(source)}",
            "metadata": {}, "outputs": outputs, "source": source}


def fixture_notebook() -> dict:
    """Cells: 0 heading, 1 PNG result, 2 SVG+PNG chart, 3 SVG-only chart, 4 all-white PNG."""
    white = _png(Image.new("RGB", (200, 120), "white"))
    result = {"output_type": "execute_result", "execution_count": 1, "metadata": {},
              "data": {"image/png": _filters_png(), "text/plain": "<filters 6x5x5>"}}

    def display(data):
        return {"output_type": "display_data", "metadata": {}, "data": data}

    cells = [
        {"cell_type": "markdown", "id": "m0", "metadata": {},
         "source": "# Stride render fixture\n\nOne image per output below."},
        _code("conv1.filters", [result]),
        _code("train(model) // chart", [dict(display({"image/svg+xml": SVG,
                                                      "image/png": _chart_png(),
                                                      "text/plain": "<chart>"}),
                                             metadata={"image/png": {"width": 400,
                                                                     "height": 240}})]),
        _code("svgOnly", [display({"image/svg+xml": SVG, "text/plain": "<svg only>"})]),
        _code("blank", [display({"image/png": white, "text/plain": "<white>"})]),
    ]
    return {"cells": cells, "nbformat": 4, "nbformat_minor": 5,
            "metadata": {"kernelspec": {"name": NO_KERNEL, "display_name": "Swift (Stride)",
                                        "language": "swift"},
                         "language_info": {"name": "swift"}}}


@pytest.fixture(scope="module")
def lab():
    """(server, browser, folder): JupyterLab on a temp folder and a headless Chromium."""
    if importlib.util.find_spec("jupyterlab") is None:
        pytest.skip("jupyterlab is not installed in this Python (see requirements-test.txt)")
    binary = find_chromium()
    if binary is None:
        pytest.skip("Chromium not installed: `apt-get install -y chromium` (Debian package "
                    "`chromium`), or set STRIDE_CHROMIUM to a Chromium binary")
    folder = tempfile.mkdtemp(prefix="stride-lab-notebooks-")
    with open(os.path.join(folder, FIXTURE), "w") as f:
        json.dump(fixture_notebook(), f)
    for path in (LENET, MILESTONES, DEPTH):
        if os.path.exists(path):
            copy_without_kernel(path, folder)
    server = LabServer(folder)
    browser = Chromium(binary)
    try:
        server.launch()
        browser.start()  # while JupyterLab starts
        server.wait()
        yield server, browser, folder
    finally:
        browser.stop()
        server.stop()
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(server.state, ignore_errors=True)


def _open(lab, name: str):
    server, browser, folder = lab
    nb = load(os.path.join(folder, name))
    out = os.path.join(OUT, os.path.splitext(name)[0])
    shutil.rmtree(out, ignore_errors=True)
    return nb, render_notebook(browser, server.notebook_url(name), nb, out)


def test_fixture_shows_png_fallbacks_and_flags_blank_and_svg_only(lab):
    nb, render = _open(lab, FIXTURE)
    assert render.loaded, f"page not loaded in time\n{lab[0].log()}"
    assert render.cell_count == 5, f"page shows {render.cell_count} cells\n{lab[0].log()}"
    assert first_text(nb) == "Stride render fixture" and first_text(nb) in render.text
    for cell in (1, 2):
        shots = render.images_in_cell(cell)
        assert len(shots) == 1, f"cell {cell}: {shots}"
        assert shots[0].natural_width > 0 and not shots[0].blank, shots[0]
    chart = render.images_in_cell(2)[0]
    assert (chart.natural_width, round(chart.width)) == (600, 400)  # the PNG, at its CSS size
    assert render.images_in_cell(3) == [], "untrusted SVG should be hidden"
    assert expected_images(nb)[3] == 1  # ...so a notebook with an SVG-only chart fails below
    html_and_png = {"output_type": "display_data", "data": {"text/html": "<b>t</b>",
                                                            "image/png": "iVBOR"}}
    assert expected_images({"cells": [{"outputs": [html_and_png]}]}) == {}  # Lab shows the HTML
    white = render.images_in_cell(4)
    assert len(white) == 1 and white[0].natural_width == 200 and white[0].blank, white


def test_lenet_notebook_renders_its_charts_and_images(lab):
    _check_renders(lab, LENET)


def test_milestones_notebook_diagrams_render_and_fit(lab):
    """03's architecture diagrams (stages, a U-Net as a U, a model drawn up to its error)."""
    _check_renders(lab, MILESTONES)


def test_depth_notebook_charts_render_and_fit(lab):
    """05's gradient-norm bar charts (41 layers) and the 10-epoch training-error chart."""
    _check_renders(lab, DEPTH)


def _css_widths(cell: dict) -> list:
    """The CSS width (PNG metadata) of each image output of a cell, None where not given."""
    return [out.get("metadata", {}).get("image/png", {}).get("width")
            for out in cell.get("outputs", []) if shows_image(out)]


def _check_renders(lab, path: str):
    """Every image output renders, is not blank, and fits the notebook's width: it is shown at
    its own CSS width, not shrunk to the column."""
    if not os.path.exists(path):
        pytest.skip(f"{path} does not exist")
    nb = load(path)
    want = expected_images(nb)
    if not want:
        pytest.skip(f"{os.path.relpath(path, ROOT)} has no image outputs yet "
                    "(commit it executed, with its outputs)")
    nb, render = _open(lab, os.path.basename(path))
    assert render.loaded, (f"cells, outputs or images not all loaded in time (see "
                           f"{render.page_screenshot})\n{lab[0].log()}")
    assert render.cell_count == len(nb["cells"]), f"page shows {render.cell_count} cells"
    assert first_text(nb) in render.text, "the notebook's first line is not on the page"
    problems = []
    for cell, n in sorted(want.items()):
        shots = [s for s in render.images_in_cell(cell) if s.natural_width > 0]
        if len(shots) < n:
            problems.append(f"cell {cell}: {len(shots)} of {n} images rendered "
                            "(an SVG without PNG fallback shows nothing when untrusted)")
        problems += [f"cell {cell}: image {s.index} is blank on screen (stddev "
                     f"{s.stddev:.1f}, white {s.white_fraction:.1%}): {s.path}"
                     for s in shots if s.blank]
        widths = _css_widths(nb["cells"][cell])
        if len(widths) == len(shots):
            problems += [f"cell {cell}: image {s.index} is shrunk to {s.width:.0f} px of its "
                         f"{w} px: wider than the notebook" for s, w in zip(shots, widths)
                         if w and s.width < w - 1.5]
    shots = os.path.dirname(render.page_screenshot)
    assert not problems, "\n".join(problems) + f"\nscreenshots: {shots}"
