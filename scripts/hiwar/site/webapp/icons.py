"""The web app's icons, drawn at build time (Pillow): the letter ح, the first of حوار, in the site's own font on the
theme's primary colour. "any" icons are rounded squares; "maskable" ones fill the square and keep the letter inside
the central circle that every launcher's mask leaves visible (80 % of the side)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from fontTools.ttLib import TTFont
from PIL import Image, ImageDraw, ImageFont

LETTER = "ح"
FOLDER = "assets/icons/"


@dataclass(frozen=True)
class Icon:
    path: str  # relative to the site root
    size: int
    purpose: str  # "any" or "maskable" (web app manifest), "apple-touch" (iOS home screen)
    letter: float  # the letter's height, as a part of the side


ICONS = (
    Icon(f"{FOLDER}hiwar-192.png", 192, "any", 0.56),
    Icon(f"{FOLDER}hiwar-512.png", 512, "any", 0.56),
    Icon(f"{FOLDER}hiwar-maskable-192.png", 192, "maskable", 0.42),
    Icon(f"{FOLDER}hiwar-maskable-512.png", 512, "maskable", 0.42),
    Icon(f"{FOLDER}apple-touch-icon.png", 180, "apple-touch", 0.5),
)
APPLE_TOUCH = next(icon for icon in ICONS if icon.purpose == "apple-touch")


def build_icons(out_dir: Path, colour: str, font: Path) -> list[Path]:
    """Write every icon under out_dir (the assets folder: out_dir/icons/…); returns their paths."""
    face = _truetype(font)
    written = []
    for icon in ICONS:
        target = out_dir / icon.path.removeprefix("assets/")
        target.parent.mkdir(parents=True, exist_ok=True)
        data = _png(_draw(icon, colour, face))
        if not target.exists() or target.read_bytes() != data:
            target.write_bytes(data)
        written.append(target)
    return written


def _draw(icon: Icon, colour: str, face: bytes) -> Image.Image:
    side = icon.size
    image = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    if icon.purpose == "any":
        draw.rounded_rectangle((0, 0, side - 1, side - 1), radius=round(side * 0.18), fill=colour)
    else:
        draw.rectangle((0, 0, side, side), fill=colour)
    font = _fitting(face, LETTER, side * icon.letter)
    left, top, right, bottom = draw.textbbox((0, 0), LETTER, font=font)
    draw.text(((side - (right - left)) / 2 - left, (side - (bottom - top)) / 2 - top), LETTER, font=font, fill="white")
    return image


def _fitting(face: bytes, text: str, height: float) -> ImageFont.FreeTypeFont:
    """The font at the largest size whose drawing of `text` is at most `height` pixels high."""

    def drawn_height(size: int) -> int:
        left, top, right, bottom = ImageFont.truetype(io.BytesIO(face), size).getbbox(text)
        return bottom - top

    low, high = 1, max(1, round(height * 4))
    while low < high:
        middle = (low + high + 1) // 2
        if drawn_height(middle) <= height:
            low = middle
        else:
            high = middle - 1
    return ImageFont.truetype(io.BytesIO(face), low)


def _truetype(path: Path) -> bytes:
    """The bundled font (woff2) as plain TrueType, which FreeType reads whatever it was built with."""
    font = TTFont(path)
    font.flavor = None
    buffer = io.BytesIO()
    font.save(buffer)
    return buffer.getvalue()


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
