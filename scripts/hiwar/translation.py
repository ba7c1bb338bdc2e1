"""English translations (editorial/NAME.en.txt), aligned line by line with their seed.

One English line per non-empty seed line, same order; bullet lines keep their bullet.
Alignment is checked here so a drifted translation fails the build with the first
paragraph that differs, instead of publishing English beside the wrong Arabic.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .article import ParsedSeed
from .problems import InputError
from .reader import BULLET
from .seed import decode, normalise

DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class Translation:
    lines: dict[int, str]  # seed line number -> English text (bullet stripped)


def load_translation(path: Path, source: str, parsed: ParsedSeed, seed_text: str) -> Translation:
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise InputError(source, f"cannot be read ({err.strerror})") from None
    text, _ = decode(raw, source)
    english = [line for line in normalise(text).split("\n") if line.strip()]
    seed_lines = seed_text.split("\n")
    arabic = [seed_lines[number - 1] for number in parsed.content_lines]
    difference = _first_difference(arabic, english)
    if difference is not None:
        index, why = difference
        raise InputError(source, f"does not match its seed at {_where(parsed, index)}: {why}; "
                         "a translation has one line per non-empty seed line, in the same order (see editorial/README.md)")
    return Translation({number: _strip_bullet(line) for number, line in zip(parsed.content_lines, english)})


def _strip_bullet(line: str) -> str:
    match = BULLET.match(line)
    return (match.group("text") if match else line).strip()


def _shape(line: str) -> str:
    match = BULLET.match(line)
    return f"bullet at indent {len(match.group('indent'))}" if match else "plain line"


def _first_difference(arabic: list[str], english: list[str]) -> tuple[int, str] | None:
    for index, (ar, en) in enumerate(zip(arabic, english)):
        if _shape(ar) != _shape(en):
            return index, f"the seed has a {_shape(ar)}, the translation a {_shape(en)}"
    if len(arabic) != len(english):
        # Lines drift after a missing or extra line: numbers the two texts share show where.
        for index, (ar, en) in enumerate(zip(arabic, english)):
            if not set(DIGITS.findall(ar)) <= set(DIGITS.findall(en)) and DIGITS.findall(ar):
                return index, f"{len(english)} lines for {len(arabic)} in the seed (numbers of the seed's line are missing here)"
        return min(len(arabic), len(english)), f"{len(english)} lines for {len(arabic)} in the seed"
    return None


def _where(parsed: ParsedSeed, index: int) -> str:
    """Name a position as the reader sees it: the ¶ number, or the seed line."""
    if index >= len(parsed.content_lines):
        return "the end of the text"
    line = parsed.content_lines[index]
    for block in parsed.blocks:
        if block.line == line:
            return f"¶{block.number} (seed line {line})" if block.number else f"the heading on seed line {line}"
    return f"seed line {line}"
