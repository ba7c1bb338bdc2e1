"""The cover, made at build time: the site's name and the book's title in the edition's language, set in the bundled
font on a PNG image (the format every reading system shows in its library, e-ink readers included).

Text is laid out by Pillow's Raqm engine: FriBiDi orders mixed Arabic and Latin (and digits) as the Unicode
bidirectional algorithm says, HarfBuzz joins the Arabic letters. Without FriBiDi (Debian's libfribidi0, which Pillow
loads at run time) Arabic would come out unjoined and reversed, so the cover is not made without it.
"""

from __future__ import annotations

import io
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont, features

WIDTH, HEIGHT, MARGIN = 1200, 1920, 60
TEXT_WIDTH = WIDTH - 4 * MARGIN
NAME_SIZE, TITLE_SIZE = 170, 80
BACKGROUND, FRAME = "#00695c", "#ffab91"
NAME_COLOUR, TITLE_COLOUR = "#ffab91", "#ffffff"


class CoverError(RuntimeError):
    """The cover cannot be made as it must look."""


@lru_cache(maxsize=8)  # the same cover for every build of a process (`make serve`, the tests)
def cover_png(name: str, title: str, bold_truetype: bytes, direction: str) -> bytes:
    """`direction`: the edition's ("rtl" or "ltr"), the paragraph direction of every line."""
    if not (features.check("raqm") and features.check("fribidi")):
        raise CoverError(
            "the EPUB cover needs Pillow with Raqm and FriBiDi (Debian: apt-get install libfribidi0) "
            "to lay out Arabic text"
        )
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle((MARGIN, MARGIN, WIDTH - MARGIN, HEIGHT - MARGIN), outline=FRAME, width=5)
    y = HEIGHT * 0.22
    for text, size, colour, gap in ((name, NAME_SIZE, NAME_COLOUR, 1.8), (title, TITLE_SIZE, TITLE_COLOUR, 1.75)):
        font = ImageFont.truetype(io.BytesIO(bold_truetype), size, layout_engine=ImageFont.Layout.RAQM)
        for line in _lines(draw, text, font, direction):
            width = draw.textlength(line, font=font, direction=direction)
            draw.text(((WIDTH - width) / 2, y), line, font=font, fill=colour, direction=direction)
            y += size * gap
        y += size * 0.5
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=9)  # a flat image: as small as optimize=True, five times faster
    return out.getvalue()


def _lines(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, direction: str) -> list[str]:
    """The text broken at spaces into lines that fit the cover."""
    lines: list[str] = []
    current: list[str] = []
    for word in text.split():
        trial = " ".join([*current, word])
        if current and draw.textlength(trial, font=font, direction=direction) > TEXT_WIDTH:
            lines.append(" ".join(current))
            current = [word]
        else:
            current.append(word)
    if current:
        lines.append(" ".join(current))
    return lines
