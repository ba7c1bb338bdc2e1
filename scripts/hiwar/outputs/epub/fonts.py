"""The bundled font (build/assets/fonts, `python -m hiwar assets`) as the book embeds it: TrueType, which every
reading system takes (EPUB 3.3 lists WOFF2 among its core types, but e-ink readers' engines, Adobe's among them,
read TrueType and OpenType only). Same input, same bytes: the font's own timestamps are kept."""

from __future__ import annotations

import hashlib
import io
from functools import lru_cache
from pathlib import Path

import fontTools
from fontTools.ttLib import TTFont

from hiwar.outputs import pycache

WEIGHTS = (400, 700)
LICENCE = "LICENSE-NotoNaskhArabic-OFL.txt"


def font_file(fonts_dir: Path, weight: int) -> Path:
    return fonts_dir / f"noto-naskh-arabic-{weight}.woff2"


def truetype(woff2: Path) -> bytes:
    stat = woff2.stat()
    return _truetype(woff2, stat.st_size, stat.st_mtime_ns)


@lru_cache(maxsize=4)  # converted once per process while the file is unchanged (`make serve`, the editions, tests)
def _truetype(woff2: Path, size: int, mtime_ns: int) -> bytes:
    data = woff2.read_bytes()

    def converted() -> bytes:
        font = TTFont(io.BytesIO(data), recalcTimestamp=False)
        font.flavor = None
        out = io.BytesIO()
        font.save(out, reorderTables=True)
        return out.getvalue()

    # and once for every process and project while the font is the same (a third of a second per weight)
    return pycache.bytes_of("truetype", f"{fontTools.version}:{hashlib.sha256(data).hexdigest()}", converted)


def licence_text(fonts_dir: Path) -> str:
    return (fonts_dir / LICENCE).read_text(encoding="utf-8")
