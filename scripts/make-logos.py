"""Draws Stride's kernelspec logos (kernelspec/logo-{32x32,64x64}.png, logo-svg.svg).

Three white chevrons (strides) on a Swift-orange rounded square. Needs Pillow (in .venv).
Run: .venv/bin/python scripts/make-logos.py
"""
import os

from PIL import Image, ImageDraw

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "kernelspec")
ORANGE, WHITE = (240, 81, 56, 255), (255, 255, 255, 255)
# chevron polylines in a 64x64 design space
CHEVRONS = [[(14, 18), (26, 32), (14, 46)], [(26, 18), (38, 32), (26, 46)], [(38, 18), (50, 32), (38, 46)]]


def png(size: int) -> None:
    scale = 8  # draw big, downsample for anti-aliasing
    big = size * scale
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle([0, 0, big - 1, big - 1], radius=big // 6, fill=ORANGE)
    k = big / 64
    for line in CHEVRONS:
        draw.line([(x * k, y * k) for x, y in line], fill=WHITE, width=int(6 * k), joint="curve")
    image.resize((size, size), Image.LANCZOS).save(os.path.join(HERE, f"logo-{size}x{size}.png"))


def svg() -> None:
    lines = "".join(
        f'<polyline points="{" ".join(f"{x},{y}" for x, y in line)}"/>' for line in CHEVRONS)
    text = ('<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">'
            '<rect width="64" height="64" rx="10.7" fill="#f05138"/>'
            '<g fill="none" stroke="#fff" stroke-width="6" stroke-linejoin="round">'
            f"{lines}</g></svg>\n")
    with open(os.path.join(HERE, "logo-svg.svg"), "w") as handle:
        handle.write(text)


if __name__ == "__main__":
    png(32)
    png(64)
    svg()
