"""Site assets built from pinned npm packages (package.json): the web font.

The font is Noto Naskh Arabic (SIL OFL 1.1, @fontsource/noto-naskh-arabic). Fontsource ships
separate Arabic and Latin files per weight; they are merged and cut down to the Arabic
blocks plus Latin and common punctuation, so each weight is one small woff2 that still
covers any new article (subsetting to today's characters would break on new letters).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from fontTools import subset
from fontTools.merge import Merger
from fontTools.ttLib import TTFont

FONT_PACKAGE = Path("node_modules/@fontsource/noto-naskh-arabic")
WEIGHTS = (400, 700)
UNICODES = (
    "U+0020-007E,U+00A0-00FF,U+0131,U+0152-0153,U+02BC,U+02C6,U+02DA,U+02DC,"  # Latin
    "U+0600-06FF,U+0750-077F,U+FD3E-FD3F,"  # Arabic and Arabic Supplement (presentation forms come from shaping)
    "U+2000-206F,U+20AC,U+2122,U+2190-2193,U+25CC"  # punctuation, ¶ §, arrows, dotted circle
)


def build_assets(out_dir: Path, node_modules_root: Path = Path(".")) -> list[Path]:
    fonts_dir = out_dir / "fonts"
    fonts_dir.mkdir(parents=True, exist_ok=True)
    package = node_modules_root / FONT_PACKAGE
    written = []
    for weight in WEIGHTS:
        target = fonts_dir / f"noto-naskh-arabic-{weight}.woff2"
        sources = [
            package / "files" / f"noto-naskh-arabic-{script}-{weight}-normal.woff2" for script in ("arabic", "latin")
        ]
        if not target.exists() or any(s.stat().st_mtime > target.stat().st_mtime for s in sources):
            _merged_subset(sources, target)
        written.append(target)
    licence = fonts_dir / "LICENSE-NotoNaskhArabic-OFL.txt"
    shutil.copyfile(package / "LICENSE", licence)
    return written + [licence]


def _merged_subset(sources: list[Path], target: Path) -> None:
    staging = target.parent / f".{target.stem}"
    staging.mkdir(exist_ok=True)
    try:
        plain = []
        for source in sources:
            font = TTFont(source)
            font.flavor = None  # the merger works on plain TrueType
            path = staging / f"{source.stem}.ttf"
            font.save(path)
            plain.append(str(path))
        merged = Merger().merge(plain)
        options = subset.Options()
        options.flavor = "woff2"
        options.layout_features = ["*"]  # Arabic shaping needs init/medi/fina/rlig/mark…
        options.name_IDs = ["*"]  # keep the copyright and licence names
        options.hinting = False  # browsers hint outlines themselves; hints are a third of the file
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=subset.parse_unicodes(UNICODES))
        subsetter.subset(merged)
        merged.flavor = "woff2"
        merged.save(target)
        # Same input, same bytes: the source's timestamp, not the time of the build.
        built = TTFont(target, recalcTimestamp=False)
        source_head = TTFont(sources[0])["head"]
        built["head"].created, built["head"].modified = source_head.created, source_head.modified
        built.save(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
