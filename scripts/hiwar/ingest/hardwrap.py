"""Hard-wrapped text: paragraphs broken into lines of a fixed width by a tool (an e-mail client,
a text editor, a PDF export), not by the writer.

A web scrape holds one paragraph per line; a hard-wrapped file holds a paragraph over many lines, and
read line by line it would become a page of half-sentence "headings". A wrapping tool ends a line
when the next word would not fit on it, so a line followed by a word that would have fitted was
ended by the writer: a heading, a date line, a paragraph's last line. A text is taken as hard-wrapped
only when most of its line ends are of the first kind, and few of those fall at a sentence end (text
written a sentence or an item per line has lines of similar length too).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from hiwar.knowledge.text import BULLET, SPEAKER

MIN_WRAPPED_ENDS = 3  # fewer could be chance, in a text whose paragraphs lack a final full stop
WRAPPED_SHARE = 0.5  # of the line ends followed by another line of text
MAX_WIDTH = 200  # characters; lines wider than any wrapping tool's are a scrape's paragraphs
MIN_WIDTH = 40  # characters; narrower lines are a list of names or verse, more likely than a wrapped column
HEADER_LINES = 5  # a title, byline and date line come among the first lines, where they stand alone
WIDTH_PERCENTILE = 0.9  # a few overlong lines (a web address) do not widen the estimate
# Once a text is known to be hard-wrapped: widths are counted in characters, but text copied from a PDF
# or a web page was wrapped by its printed width, and a no-break space (made plain when the seed was read)
# glues words for a wrapping tool, so a line is taken as full this close to the width.
TOLERANCE = 0.1
BLANK_SHARE = 0.5  # of the lines ended before the width, followed by a blank line: paragraphs are marked
# A line that ends a sentence or a list item; a wrap falls there in 3% of EASC's wrapped line ends.
SENTENCE_END = re.compile(r"[.!?؟…;؛][\"”»'’)]*\s*$")
NUMBERED_ITEM = re.compile(r"^\s*[\d٠-٩]{1,2}\s*[-.)–]\s")  # "1- ...", "٢. ..."
ITEM_END = re.compile(r"[.:؛;!?؟][\"”»'’)]*\s*$")  # how the line before a list item ends
FIRST_WORD = re.compile(r"[^ \t]+")  # up to a space a wrapping tool breaks at


@dataclass(frozen=True)
class Wrapping:
    width: int  # characters
    blank_separated: bool  # paragraphs are apart by blank lines


def wrapping(lines: list[str]) -> Wrapping | None:
    """How the text was wrapped, or None when it is not hard-wrapped."""
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(lengths) <= MIN_WRAPPED_ENDS:
        return None
    width = lengths[int(WIDTH_PERCENTILE * (len(lengths) - 1))]
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        return None
    # Counted strictly (the next word would not have fitted at all, and no sentence ends there), so that
    # lines of similar length written one per paragraph are not taken for wrapped ones.
    ends = [
        _overflows(line, following, width, 0.0) and not SENTENCE_END.search(line)
        for line, following in zip(lines, lines[1:])
        if _continues(line, following, first=line)
    ]
    wrapped = sum(ends)
    if wrapped < MIN_WRAPPED_ENDS or wrapped < WRAPPED_SHARE * len(ends):
        return None
    return Wrapping(width, _blank_separated(lines, width))


def paragraph_lines(text: str, header_line: Callable[[str], bool] | None = None) -> list[tuple[int, str]]:
    """The text's non-empty lines as (first line number, line), a hard-wrapped paragraph's lines joined into one.

    header_line(line) tells the lines that stand alone among the first ones (a byline, a date line), so that a
    full title line is not joined to them.
    """
    lines = text.split("\n")
    return join_wrapped(lines, wrapping(lines), header_line)


def join_wrapped(
    lines: list[str], wrap: Wrapping | None, header_line: Callable[[str], bool] | None = None
) -> list[tuple[int, str]]:
    """paragraph_lines, for lines whose wrapping is already known (None: every line stands alone)."""
    joined: list[tuple[int, str]] = []
    previous, first = "", ""  # the last line read, and the first line of the block it belongs to
    continued = False  # previous is not that first line
    body_started = False
    for number, line in enumerate(lines, 1):
        if not line.strip():
            previous = ""
            continue
        # The header is the first lines, before the first wrapped paragraph: a date further on is part of a sentence.
        in_header = header_line is not None and not body_started and len(joined) < HEADER_LINES
        if (
            wrap
            and previous
            and _continues(previous, line, first)
            and _wrapped(previous, line, wrap)
            and not (continued and _dedented(previous, line, first))
            and not (in_header and (header_line(previous) or header_line(line)))
        ):
            start, so_far = joined[-1]
            joined[-1] = (start, f"{so_far.rstrip()} {line.strip()}")
            body_started = continued = True
        else:
            joined.append((number, line.rstrip()))
            first, continued = line, False
        previous = line
    return joined


def _blank_separated(lines: list[str], width: int) -> bool:
    """Most lines that end before the width (a paragraph's last line, a heading) are followed by a blank line."""
    text = [(index, line) for index, line in enumerate(lines) if line.strip()]
    early = [
        following_index > index + 1
        for (index, line), (following_index, following) in zip(text, text[1:])
        if not _overflows(line, following, width, TOLERANCE)
    ]
    return len(early) >= MIN_WRAPPED_ENDS and sum(early) >= BLANK_SHARE * len(early)


def _continues(line: str, following: str, first: str) -> bool:
    """Both lines hold text, and the second starts no block of its own: it may continue the first.

    A bullet, or an interview's question or answer, always starts a block. A number starts a list item only
    after a line that ends one ("…:", "…؛") or inside a numbered list: "25 - 30 ألف" may be a wrapped range.
    """
    if not (line.strip() and following.strip()) or BULLET.match(following) or SPEAKER.match(following):
        return False
    return not (NUMBERED_ITEM.match(following) and (ITEM_END.search(line) or NUMBERED_ITEM.match(first)))


def _wrapped(line: str, following: str, wrap: Wrapping) -> bool:
    """The line was ended by the wrapping tool: the next line's first word would not have fitted on it.

    Without blank lines between paragraphs, a full line that ends a sentence is ambiguous: a paragraph's
    last line, or a wrap that fell after a full stop. It ends the paragraph: that keeps two paragraphs
    apart, and a paragraph cut at a sentence end still reads well.
    """
    return _overflows(line, following, wrap.width, TOLERANCE) and (
        wrap.blank_separated or not SENTENCE_END.search(line)
    )


def _dedented(continuation: str, following: str, first: str) -> bool:
    """Inside a list item, the next line starts left of the item's continuation line: the item has ended."""
    in_item = bool(BULLET.match(first) or NUMBERED_ITEM.match(first))
    return in_item and _indent(following) < _indent(continuation)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _overflows(line: str, following: str, width: int, tolerance: float) -> bool:
    """The next line's first word would not have fitted on this line (give or take the tolerance)."""
    return len(line.rstrip()) + 1 + len(FIRST_WORD.search(following).group()) > (1 - tolerance) * width
