"""What a notebook looks like in JupyterLab: the images of its outputs, measured on screen.

`expected_images(nb)` counts, per cell, the outputs a reader should see as an image: every
display_data/execute_result carrying `image/png` or `image/svg+xml`. Opened untrusted, JupyterLab
shows an SVG only through its PNG fallback, so a chart without a PNG is a missing image.

`render_notebook(browser, url, nb, out_dir)` loads the notebook page, waits until its cells and
output images have loaded, then for each output image scrolls it into view, screenshots the
viewport and crops the image's box: `ImageShot.stddev` (grey-level standard deviation) and
`ImageShot.white_fraction` tell a blank box from a picture. Screenshots go to `out_dir`.
"""
from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field

from lab_screenshot import Chromium

IMAGE_TYPES = ("image/png", "image/svg+xml")
TEXT_OVER_IMAGES = ("text/html", "text/markdown", "text/latex")  # JupyterLab ranks these first

# A rendered image counts as blank below this grey-level standard deviation (0–255 scale), or
# when at least this fraction of its pixels is white (>= 250 in every channel).
BLANK_STDDEV = 4.0
BLANK_WHITE_FRACTION = 0.995

_STATE_JS = """(() => {
  %s
  const nb = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook');
  if (!nb) return null;
  const cells = [...nb.querySelectorAll('.jp-Cell')];
  const outputs = cells.map(cell => {
    const area = cell.querySelector('.jp-OutputArea');
    return area ? area.children.length : 0;
  });
  const images = cells.map(cell =>
    [...cell.querySelectorAll('.jp-OutputArea-output img')].map(img => ({
      complete: img.complete, naturalWidth: img.naturalWidth,
      naturalHeight: img.naturalHeight, width: img.getBoundingClientRect().width,
      height: img.getBoundingClientRect().height})));
  return {cells: images, outputs, text: nb.innerText,
          busy: !!document.querySelector('.jp-Dialog')};
})()"""

_SHOW_JS = """(async () => {
  %s
  const nb = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook');
  const cell = nb.querySelectorAll('.jp-Cell')[%d];
  const img = cell.querySelectorAll('.jp-OutputArea-output img')[%d];
  img.scrollIntoView({block: 'center', inline: 'nearest'});
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  await new Promise(r => setTimeout(r, 100));
  const b = img.getBoundingClientRect();
  return {x: b.left, y: b.top, width: b.width, height: b.height,
          vw: window.innerWidth, vh: window.innerHeight, dpr: window.devicePixelRatio};
})()"""


# Closes any JupyterLab dialog: "Select Kernel" (no kernelspec of the notebook's name: No Kernel),
# or a kernel error (its only button).
_DISMISS_JS = """for (const d of document.querySelectorAll('.jp-Dialog')) {
    const button = d.querySelector('.jp-mod-reject') || d.querySelector('.jp-Dialog-button');
    if (button) button.click();
  }"""
_STATE_JS = _STATE_JS % _DISMISS_JS
_SHOW_JS = _SHOW_JS.replace("%s", _DISMISS_JS, 1)
_HAS_DIALOG_JS = "!!document.querySelector('.jp-Dialog')"


@dataclass
class ImageShot:
    """One output image as it appears on screen."""
    cell: int
    index: int
    natural_width: int
    natural_height: int
    width: float
    height: float
    stddev: float = 0.0
    white_fraction: float = 1.0
    path: str = ""

    @property
    def blank(self) -> bool:
        return self.stddev < BLANK_STDDEV or self.white_fraction >= BLANK_WHITE_FRACTION


@dataclass
class Render:
    """The notebook page after loading: its text, its images per cell, the screenshots."""
    cell_count: int
    text: str
    images: list[ImageShot] = field(default_factory=list)
    page_screenshot: str = ""
    load_seconds: float = 0.0
    loaded: bool = False  # every cell, output and image was there before the timeout

    def images_in_cell(self, cell: int) -> list[ImageShot]:
        return [shot for shot in self.images if shot.cell == cell]


def load(path: str) -> dict:
    with open(path, encoding="utf-8") as f:
        return json.load(f)


NO_KERNEL = "stride-render-no-kernel"


def copy_without_kernel(src: str, folder: str) -> str:
    """Copies a notebook into `folder` naming a kernelspec that does not exist.

    JupyterLab then starts no kernel (its "Select Kernel" dialog is answered No Kernel), so the
    page shows the committed outputs without depending on a kernel starting."""
    nb = load(src)
    spec = nb.setdefault("metadata", {}).setdefault("kernelspec", {})
    spec.update(name=NO_KERNEL, display_name=spec.get("display_name", "none"))
    dst = os.path.join(folder, os.path.basename(src))
    with open(dst, "w", encoding="utf-8") as f:
        json.dump(nb, f)
    return dst


def shows_image(output: dict) -> bool:
    """Whether JupyterLab shows this output as an image when the notebook is trusted.

    Lab prefers text/html, text/markdown and text/latex over images, so an output with one of
    those shows that instead; otherwise an image/svg+xml or image/png output shows an image."""
    if output.get("output_type") not in ("display_data", "execute_result"):
        return False
    data = output.get("data", {})
    return (any(t in data for t in IMAGE_TYPES)
            and not any(t in data for t in TEXT_OVER_IMAGES))


def expected_images(nb: dict) -> dict[int, int]:
    """Cell index -> how many of its outputs a reader should see as an image (`shows_image`)."""
    counts = {}
    for i, cell in enumerate(nb.get("cells", [])):
        n = sum(1 for out in cell.get("outputs", []) if shows_image(out))
        if n:
            counts[i] = n
    return counts


def _source(cell: dict) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def first_text(nb: dict) -> str:
    """Text the page must show: the first markdown heading, else the first code line."""
    cells = nb.get("cells", [])
    for cell in cells:
        if cell.get("cell_type") == "markdown":
            for line in _source(cell).splitlines():
                if line.startswith("#") and len(line.lstrip("#").strip()) >= 3:
                    return line.lstrip("#").strip()
    for cell in cells:
        if cell.get("cell_type") == "code":
            for line in _source(cell).splitlines():
                if len(line.strip()) >= 3:
                    return line.strip()
    return ""


def output_areas(nb: dict) -> list[int]:
    """Per cell, how many output widgets JupyterLab shows: consecutive streams of one name merge."""
    counts = []
    for cell in nb.get("cells", []):
        n, last_stream = 0, None
        for out in cell.get("outputs", []):
            stream = out.get("name") if out.get("output_type") == "stream" else None
            if stream is None or stream != last_stream:
                n += 1
            last_stream = stream
        counts.append(n)
    return counts


def _wait_loaded(browser: Chromium, nb: dict, timeout: float) -> tuple[dict | None, bool]:
    """Polls until every cell and output is there and every output image has loaded.

    Returns the page state and whether it got there before `timeout` (else the last state)."""
    want = output_areas(nb)
    needle = first_text(nb)
    deadline = time.monotonic() + timeout
    state = None
    while time.monotonic() < deadline:
        state = browser.evaluate(_STATE_JS)
        if state and len(state["cells"]) >= len(want) and not state["busy"]:
            imgs = [img for cell in state["cells"] for img in cell]
            enough = all(have >= n for have, n in zip(state["outputs"], want))
            if enough and needle in state["text"] and all(img["complete"] for img in imgs):
                time.sleep(0.5)  # let layout settle after the last image decoded
                return browser.evaluate(_STATE_JS), True
        time.sleep(0.25)
    return state, False


def _measure(crop) -> tuple[float, float]:
    """(grey-level standard deviation, fraction of pixels >= 250 in every channel)."""
    from PIL import ImageChops, ImageStat

    stddev = ImageStat.Stat(crop.convert("L")).stddev[0]
    r, g, b = crop.convert("RGB").split()
    darkest = ImageChops.darker(r, ImageChops.darker(g, b))
    white = darkest.point(lambda v: 255 if v >= 250 else 0).histogram()[255]
    return stddev, white / max(1, crop.width * crop.height)


def _clean_screenshot(browser: Chromium, attempts: int = 5):
    """A viewport screenshot with no dialog over it (a late dialog is closed and shot again)."""
    for _ in range(attempts):
        browser.evaluate(f"(() => {{ {_DISMISS_JS} }})()")
        screen = browser.screenshot()
        if not browser.evaluate(_HAS_DIALOG_JS):
            return screen
        time.sleep(0.3)
    return screen


def _show(browser: Chromium, cell: int, index: int, attempts: int = 5):
    """Scrolls output image `index` of `cell` into view: (its box, a dialog-free screenshot)."""
    for _ in range(attempts):
        box = browser.evaluate(_SHOW_JS % (cell, index))
        screen = browser.screenshot()
        if not browser.evaluate(_HAS_DIALOG_JS):
            return box, screen
        time.sleep(0.3)
    return box, screen


def render_notebook(browser: Chromium, url: str, nb: dict, out_dir: str,
                    timeout: float = 45.0) -> Render:
    """Opens `url` (a /lab/tree/... notebook URL), waits, screenshots every output image."""
    os.makedirs(out_dir, exist_ok=True)
    start = time.monotonic()
    browser.navigate(url)
    state, loaded = _wait_loaded(browser, nb, timeout)
    render = Render(cell_count=0, text="", load_seconds=time.monotonic() - start, loaded=loaded)
    if state is None:
        return render
    render.cell_count, render.text = len(state["cells"]), state["text"]
    render.page_screenshot = os.path.join(out_dir, "page.png")
    _clean_screenshot(browser).save(render.page_screenshot)
    for c, imgs in enumerate(state["cells"]):
        for k, img in enumerate(imgs):
            shot = ImageShot(c, k, img["naturalWidth"], img["naturalHeight"], img["width"],
                             img["height"])
            render.images.append(shot)
            if shot.natural_width == 0 or shot.width < 1 or shot.height < 1:
                continue
            box, screen = _show(browser, c, k)
            scale = screen.width / box["vw"]
            left, top = max(0, box["x"]) * scale, max(0, box["y"]) * scale
            right = min(box["vw"], box["x"] + box["width"]) * scale
            bottom = min(box["vh"], box["y"] + box["height"]) * scale
            if right - left < 1 or bottom - top < 1:
                continue
            crop = screen.crop((round(left), round(top), round(right), round(bottom)))
            shot.stddev, shot.white_fraction = _measure(crop)
            shot.path = os.path.join(out_dir, f"cell{c:02d}-image{k}.png")
            crop.save(shot.path)
    return render


_SCROLLER_JS = """(() => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  const outer = panel && panel.querySelector('.jp-WindowedPanel-outer');
  if (!outer) return null;
  outer.scrollTop = 0;
  return {extra: outer.scrollHeight - outer.clientHeight, vh: window.innerHeight};
})()"""


def full_page_screenshot(browser: Chromium, path: str, max_height: int = 16000) -> str:
    """Screenshots the whole notebook by making the window as tall as its content (capped)."""
    size = browser.evaluate(_SCROLLER_JS)
    if not size:
        browser.screenshot().save(path)
        return path
    height = min(max_height, size["vh"] + max(0, size["extra"]))
    browser.send("Emulation.setDeviceMetricsOverride", width=browser.width, height=height,
                 deviceScaleFactor=1, mobile=False)
    try:
        browser.evaluate("new Promise(r => setTimeout(r, 500))")
        browser.screenshot().save(path)
    finally:
        browser.send("Emulation.clearDeviceMetricsOverride")
    return path
