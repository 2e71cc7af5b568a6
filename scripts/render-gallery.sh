#!/usr/bin/env bash
# Renders one example of every Plot figure to out/gallery/ (SVG, PNG at 2x, PNG at 1x) with the
# stride-gallery executable, then screenshots each SVG with headless Chromium into
# out/gallery/chromium/, so a person can compare our rasteriser with a browser's rendering.
# Usage: scripts/render-gallery.sh [out-folder]   (Chromium: apt-get install -y chromium)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-out/gallery}"
scratch="${STRIDE_SCRATCH:-.build-gallery}"

swift build -c release --scratch-path "$scratch" --product stride-gallery
rm -rf "$out"
"$scratch/release/stride-gallery" "$out"

browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
  echo "render-gallery: chromium not found; skipping screenshots (apt-get install -y chromium)" >&2
  exit 0
fi
mkdir -p "$out/chromium"
for svg in "$out"/*.svg; do
  name="$(basename "$svg" .svg)"
  # The SVG's own width and height set the window, so the screenshot is the figure at 1x.
  read -r width height < <(sed -n 's/.*<svg[^>]* width="\([0-9.]*\)" height="\([0-9.]*\)".*/\1 \2/p' "$svg" | head -1)
  width="${width%.*}"; height="${height%.*}"
  "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --force-device-scale-factor=1 --window-size="${width},${height}" \
    --screenshot="$PWD/$out/chromium/$name.png" "file://$PWD/$svg" >/dev/null 2>&1 \
    || echo "render-gallery: chromium failed on $svg" >&2
  echo "screenshot $out/chromium/$name.png"
done
