"""Independent checks of Stride's PNG and SVG output (Graphics and Plot modules).

The Swift tests GraphicsTests/ArtifactTests.swift and PlotTests/ArtifactTests.swift write PNG
files together with the exact bytes they encoded (.raw) and SVG files, plus a manifest.json per
area, into $STRIDE_ARTIFACTS/<area>. This module runs those two Swift tests itself, into a fresh
directory, when it is collected (so it never reads stale or missing files: if they cannot be made,
collection fails), then decodes the PNGs with Pillow and parses the SVGs with xml.etree.
"""

import json
import os
import pathlib
import subprocess
import tempfile
import xml.etree.ElementTree as ET

import pytest
from PIL import Image

REPO = pathlib.Path(__file__).resolve().parents[2]
SVG_NS = "{http://www.w3.org/2000/svg}"
AREAS = ("graphics", "plot")
WRITERS = "writesPNGsAndRawPixelsForPillow|writesEveryFigureForTheIntegrationTest"


def make_artifacts():
    """Runs the Swift tests that write the artifacts into a new directory; returns it."""
    root = pathlib.Path(tempfile.mkdtemp(prefix="stride-artifacts-"))
    scratch = os.environ.get("SCRATCH", ".build")
    command = ["swift", "test", "--scratch-path", scratch, "--disable-xctest", "--filter", WRITERS]
    done = subprocess.run(command, cwd=REPO, env=dict(os.environ, STRIDE_ARTIFACTS=str(root)),
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError("could not make the render artifacts (%s):\n%s%s"
                           % (" ".join(command), done.stdout[-3000:], done.stderr[-3000:]))
    return root


ROOT = make_artifacts()


def load_entries():
    entries = []
    for area in AREAS:
        manifest = ROOT / area / "manifest.json"
        assert manifest.exists(), "the Swift tests wrote no %s" % manifest
        for entry in json.loads(manifest.read_text()):
            entries.append((area, entry))
    return entries


ENTRIES = load_entries()
PNGS = [(area, e) for area, e in ENTRIES if "png" in e]
SVGS = [(area, e) for area, e in ENTRIES if "svg" in e]


def entry_id(item):
    area, entry = item
    return "%s/%s" % (area, entry.get("png") or entry.get("svg"))


def test_artifacts_exist():
    assert {area for area, _ in PNGS} == set(AREAS)
    assert {area for area, _ in SVGS} == set(AREAS)


@pytest.mark.parametrize("item", PNGS, ids=[entry_id(i) for i in PNGS])
def test_png_decodes_to_the_exact_pixels(item):
    area, entry = item
    folder = ROOT / area
    with Image.open(folder / entry["png"]) as image:
        image.verify()  # chunk CRCs and structure
    with Image.open(folder / entry["png"]) as image:
        image.load()  # inflates the zlib stream, which checks its Adler-32
        assert image.format == "PNG"
        assert image.mode == entry["mode"]
        assert image.size == (entry["width"], entry["height"])
        assert image.tobytes() == (folder / entry["raw"]).read_bytes()


def test_rasterised_scene_has_red_and_antialiased_pixels():
    path = ROOT / "graphics" / "scene.png"
    with Image.open(path) as image:
        rgba = image.convert("RGBA")
        # The sample scene's rectangle spans x 10..50, y 10..30 (scale 2: 20..100, 20..60).
        assert rgba.getpixel((80, 50)) == (255, 0, 0, 255)
        levels = {rgba.getpixel((x, 80))[0] for x in range(120, 220)} - {128, 255}
        assert any(0 < level < 255 for level in levels), "circle edge should be anti-aliased"


@pytest.mark.parametrize("item", SVGS, ids=[entry_id(i) for i in SVGS])
def test_svg_is_well_formed_with_expected_content(item):
    area, entry = item
    root = ET.parse(ROOT / area / entry["svg"]).getroot()
    assert root.tag == SVG_NS + "svg"
    assert root.get("version") == "1.1"
    assert float(root.get("width")) > 0 and float(root.get("height")) > 0
    tags = {element.tag.replace(SVG_NS, "") for element in root.iter()}
    for name in entry.get("elements", []):
        assert name in tags, "missing <%s>" % name
    texts = ["".join(element.itertext()) for element in root.iter(SVG_NS + "text")]
    for text in entry.get("texts", []):
        assert text in texts, "missing text %r" % text
