#!/usr/bin/env bash
# Screenshots notebooks as JupyterLab shows them, in headless Chromium (a manual tool).
#
#   scripts/screenshot-notebook.sh notebooks/02-lenet5.ipynb [more.ipynb ...]
#
# For each notebook: starts the project's JupyterLab (.venv, or $PYTHON) on a temporary copy
# (127.0.0.1, free port, token, isolated Jupyter dirs), opens it untrusted in headless Chromium
# and writes out/screenshots/<name>/: full.png (the whole notebook, up to 16000 px tall),
# page.png (the first screen) and cellNN-imageK.png (each output image as shown on screen),
# then prints every output image with its size and whether it looks blank.
# Needs Debian's `chromium` (apt-get install -y chromium) or $STRIDE_CHROMIUM.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
python="${PYTHON:-$root/.venv/bin/python}"
if [ "$#" -eq 0 ]; then
  echo "usage: $0 NOTEBOOK.ipynb [...]" >&2
  exit 2
fi
[ -x "$python" ] || { echo "no Python at $python: run 'make venv' or set PYTHON" >&2; exit 2; }
notebooks=()
for nb in "$@"; do
  [ -f "$nb" ] || { echo "no such notebook: $nb" >&2; exit 2; }
  notebooks+=("$(cd "$(dirname "$nb")" && pwd)/$(basename "$nb")")
done
cd "$root"
export PYTHONPATH="$root/Tests/integration${PYTHONPATH:+:$PYTHONPATH}"
exec "$python" - "${notebooks[@]}" <<'PY'
import os, shutil, sys, tempfile
from lab_render import (copy_without_kernel, expected_images, full_page_screenshot, load,
                        render_notebook)
from lab_screenshot import Chromium, LabServer, find_chromium

binary = find_chromium()
if binary is None:
    sys.exit("Chromium not found: apt-get install -y chromium (or set STRIDE_CHROMIUM)")
folder = tempfile.mkdtemp(prefix="stride-shot-")
for path in sys.argv[1:]:
    copy_without_kernel(path, folder)  # outputs as committed; no kernel is started
server, browser = LabServer(folder), Chromium(binary)
status = 0
try:
    server.launch()
    browser.start()
    server.wait()
    for path in sys.argv[1:]:
        name = os.path.basename(path)
        nb = load(path)
        out = os.path.join("out", "screenshots", os.path.splitext(name)[0])
        shutil.rmtree(out, ignore_errors=True)
        render = render_notebook(browser, server.notebook_url(name), nb, out)
        full = full_page_screenshot(browser, os.path.join(out, "full.png"))
        want = sum(expected_images(nb).values())
        if not render.loaded:
            print(f"{name}: WARNING: not fully loaded in time")
            status = 1
        print(f"{name}: {render.cell_count} cells, {len(render.images)} images shown "
              f"({want} image outputs), loaded in {render.load_seconds:.1f} s -> {full}")
        for s in render.images:
            flag = "BLANK" if s.blank or s.natural_width == 0 else "ok"
            print(f"  cell {s.cell:2d} image {s.index}: {s.natural_width}x{s.natural_height} "
                  f"shown {s.width:.0f}x{s.height:.0f} stddev {s.stddev:5.1f} {flag} {s.path}")
            status |= flag != "ok"
        status |= len(render.images) < want
finally:
    browser.stop()
    server.stop()
    shutil.rmtree(folder, ignore_errors=True)
    shutil.rmtree(server.state, ignore_errors=True)
sys.exit(status)
PY
