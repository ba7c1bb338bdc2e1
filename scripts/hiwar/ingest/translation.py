"""Translations (editorial/NAME.<lang>.txt), aligned line by line with their seed.

One translated line per non-empty seed line, same order; bullet lines keep their bullet. A hard-wrapped
paragraph (hardwrap.py) counts as one line, in the seed and in the translation.
Alignment is checked here so a drifted translation fails the build with the first
paragraph that differs, instead of publishing a translation beside the wrong original.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

from hiwar.ingest.files import read_bytes
from hiwar.ingest.reader import seed_lines
from hiwar.ingest.seed import ARTICLE_TEXT_LIMIT, decode, normalise
from hiwar.knowledge.text import BULLET
from hiwar.model.seed import ParsedSeed
from hiwar.model.translation import Translation
from hiwar.problems import InputError

DIGITS = re.compile(r"\d+")


def load_translation(path: Path, source: str, lang: str, parsed: ParsedSeed, seed_text: str) -> Translation:
    text, _ = decode(read_bytes(path, source, ARTICLE_TEXT_LIMIT), source)
    # Line for line, a hard-wrapped paragraph counting as one line on either side.
    translated = [line for _, line in seed_lines(normalise(text))]
    original = [line for _, line in seed_lines(seed_text)]
    difference = _first_difference(original, translated)
    if difference is not None:
        index, why = difference
        raise InputError(
            source,
            f"does not match its seed at {_where(parsed, index)}: {why}; "
            "a translation has one line per non-empty seed line, in the same order (see editorial/README.md)",
        )
    return Translation(lang, {number: _strip_bullet(line) for number, line in zip(parsed.content_lines, translated)})


def _strip_bullet(line: str) -> str:
    match = BULLET.match(line)
    return (match.group("text") if match else line).strip()


def _shape(line: str) -> str:
    match = BULLET.match(line)
    return f"bullet at indent {len(match.group('indent'))}" if match else "plain line"


def _first_difference(original: list[str], translated: list[str]) -> tuple[int, str] | None:
    if len(original) != len(translated):
        index = _first_unmatched(original, translated)
        return index, f"{len(translated)} lines for {len(original)} in the seed: a line is missing or extra here"
    for index, (line, other) in enumerate(zip(original, translated)):
        if _shape(line) != _shape(other):
            return index, f"the seed has a {_shape(line)}, the translation a {_shape(other)}"
    return None


EXPECTED_RATIO = math.log(1.25)  # a translation runs about a quarter longer than the Arabic, in characters
SKIP_COST = 2.0
# How far the alignment may stray from the diagonal, in lines: a drift is reported where it starts,
# so a wider band only costs time (the check is linear: lines × band).
BAND = 32
DIAGONAL, UP, LEFT = 0, 1, 2  # the step into a cell: a pair, a seed line left unpaired, a translated line left unpaired


@dataclass(frozen=True)
class _Features:
    """What the alignment compares of a line, computed once per line."""

    log_length: float
    digits: frozenset[str]
    shape: str

    @classmethod
    def of(cls, line: str) -> _Features:
        return cls(math.log(len(line) + 10), frozenset(DIGITS.findall(line)), _shape(line))


def _pair_cost(original: _Features, translated: _Features) -> float:
    cost = abs(translated.log_length - original.log_length - EXPECTED_RATIO)
    if not original.digits <= translated.digits:
        cost += 1.0  # numbers of the original missing from the translation
    if original.shape != translated.shape:
        cost += 1.0
    return cost


def _first_unmatched(original: list[str], translated: list[str]) -> int:
    """Align the two texts by length (Gale–Church style) and return the first seed line left unpaired.

    A dynamic programme over a band of BAND lines either side of the diagonal, with a free end: the
    alignment may stop at the last line of either text, the other's remaining lines counted as unpaired.
    Time and memory grow with min(lines) × BAND, whatever the difference in length.
    """
    n, m = len(original), len(translated)
    a = [_Features.of(line) for line in original]
    b = [_Features.of(line) for line in translated]
    width, inf = 2 * BAND + 1, math.inf
    # Row i holds the cells (i, j) for j = i - BAND … i + BAND, at index j - i + BAND.
    steps: list[bytearray] = []
    previous: list[float] = []
    best, end = inf, (0, 0)
    for i in range(min(n, m + BAND) + 1):
        row, step = [inf] * width, bytearray(width)
        for k in range(width):
            j = i + k - BAND
            if j < 0 or j > m:
                continue
            if i == 0 and j == 0:
                row[k] = 0.0
                continue
            cost, how = inf, DIAGONAL
            if i and j:
                cost = previous[k] + _pair_cost(a[i - 1], b[j - 1])
            if i and k + 1 < width and previous[k + 1] + SKIP_COST < cost:
                cost, how = previous[k + 1] + SKIP_COST, UP
            if j and k and row[k - 1] + SKIP_COST < cost:
                cost, how = row[k - 1] + SKIP_COST, LEFT
            row[k], step[k] = cost, how
            if (i == n or j == m) and cost + SKIP_COST * ((n - i) + (m - j)) < best:
                best, end = cost + SKIP_COST * ((n - i) + (m - j)), (i, j)
        steps.append(step)
        previous = row
    # Walk back from the end; the first step that is not a pair, counted from the start, is the answer.
    i, j = end
    first = i  # every line up to the end was paired: what follows is unpaired
    while (i, j) != (0, 0):
        how = steps[i][j - i + BAND]
        if how == DIAGONAL:
            i, j = i - 1, j - 1
        else:
            i, j = (i - 1, j) if how == UP else (i, j - 1)
            first = i
    return first


def _where(parsed: ParsedSeed, index: int) -> str:
    """Name a position as the reader sees it: the ¶ number, or the seed line."""
    if index >= len(parsed.content_lines):
        return "the end of the text"
    line = parsed.content_lines[index]
    for block in parsed.blocks:
        if block.line == line:
            return f"¶{block.number} (seed line {line})" if block.number else f"the heading on seed line {line}"
    return f"seed line {line}"
