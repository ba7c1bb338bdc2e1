"""Translations (editorial/NAME.<lang>.txt), aligned line by line with their seed.

One translated line per non-empty seed line, same order; bullet lines keep their bullet. A hard-wrapped
paragraph (hardwrap.py) counts as one line, in the seed and in the translation.
Alignment is checked here so a drifted translation fails the build with the first
paragraph that differs, instead of publishing a translation beside the wrong original.
"""
from __future__ import annotations

import math
import re
from pathlib import Path

from hiwar.ingest.files import read_bytes
from hiwar.ingest.reader import seed_lines
from hiwar.ingest.seed import decode, normalise
from hiwar.knowledge.text import BULLET
from hiwar.model.seed import ParsedSeed
from hiwar.model.translation import Translation
from hiwar.problems import InputError

DIGITS = re.compile(r"\d+")




def load_translation(path: Path, source: str, lang: str, parsed: ParsedSeed, seed_text: str) -> Translation:
    text, _ = decode(read_bytes(path, source), source)
    # Line for line, a hard-wrapped paragraph counting as one line on either side.
    english = [line for _, line in seed_lines(normalise(text))]
    arabic = [line for _, line in seed_lines(seed_text)]
    difference = _first_difference(arabic, english)
    if difference is not None:
        index, why = difference
        raise InputError(source, f"does not match its seed at {_where(parsed, index)}: {why}; "
                         "a translation has one line per non-empty seed line, in the same order (see editorial/README.md)")
    return Translation(lang, {number: _strip_bullet(line) for number, line in zip(parsed.content_lines, english)})


def _strip_bullet(line: str) -> str:
    match = BULLET.match(line)
    return (match.group("text") if match else line).strip()


def _shape(line: str) -> str:
    match = BULLET.match(line)
    return f"bullet at indent {len(match.group('indent'))}" if match else "plain line"


def _first_difference(arabic: list[str], english: list[str]) -> tuple[int, str] | None:
    if len(arabic) != len(english):
        index = _first_unmatched(arabic, english)
        return index, f"{len(english)} lines for {len(arabic)} in the seed: a line is missing or extra here"
    for index, (ar, en) in enumerate(zip(arabic, english)):
        if _shape(ar) != _shape(en):
            return index, f"the seed has a {_shape(ar)}, the translation a {_shape(en)}"
    return None


EXPECTED_RATIO = math.log(1.25)  # English runs about a quarter longer than Arabic, in characters
SKIP_COST = 2.0


def _pair_cost(ar: str, en: str) -> float:
    cost = abs(math.log((len(en) + 10) / (len(ar) + 10)) - EXPECTED_RATIO)
    if set(DIGITS.findall(ar)) - set(DIGITS.findall(en)):
        cost += 1.0  # numbers of the original missing from the translation
    if _shape(ar) != _shape(en):
        cost += 1.0
    return cost


def _first_unmatched(arabic: list[str], english: list[str]) -> int:
    """Align the two texts by length (Gale–Church style) and return the first seed line left unpaired.

    The dynamic programme is banded around the diagonal, so a long article stays cheap.
    """
    n, m = len(arabic), len(english)
    band = abs(n - m) + 3
    inf = float("inf")
    cost = {(0, 0): 0.0}
    step: dict[tuple[int, int], tuple[int, int]] = {}
    for i in range(n + 1):
        for j in range(max(0, i - band), min(m, i + band) + 1):
            if (i, j) == (0, 0):
                continue
            options = []
            if i and j:
                options.append((cost.get((i - 1, j - 1), inf) + _pair_cost(arabic[i - 1], english[j - 1]), (i - 1, j - 1)))
            if i:
                options.append((cost.get((i - 1, j), inf) + SKIP_COST, (i - 1, j)))
            if j:
                options.append((cost.get((i, j - 1), inf) + SKIP_COST, (i, j - 1)))
            best = min(options)
            cost[(i, j)], step[(i, j)] = best
    path, point = [], (n, m)
    while point != (0, 0):
        previous = step[point]
        path.append((previous, point))
        point = previous
    for (i0, j0), (i1, j1) in reversed(path):
        if i1 - i0 != 1 or j1 - j0 != 1:
            return i0  # first line where one side has no partner
    return min(n, m)


def _where(parsed: ParsedSeed, index: int) -> str:
    """Name a position as the reader sees it: the ¶ number, or the seed line."""
    if index >= len(parsed.content_lines):
        return "the end of the text"
    line = parsed.content_lines[index]
    for block in parsed.blocks:
        if block.line == line:
            return f"¶{block.number} (seed line {line})" if block.number else f"the heading on seed line {line}"
    return f"seed line {line}"
