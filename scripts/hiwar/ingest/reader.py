"""The seed reader: turns a scrape's lines into a ParsedSeed. It only understands the text.

Real scrapes carry a title line (sometimes repeated), a byline, a date line, short
heading lines, bullet lists nested by indentation, and site boilerplate, image captions
and pull-quotes. A hard-wrapped text's lines are first joined into paragraphs (hardwrap.py).
Each recognised leftover is recorded in ParsedSeed.removed with what it is: boilerplate (the
site's furniture), a teaser for another article (a "read also" link, or another article's
headline), an image caption, or a pull-quote — and a pull-quote only when the ¶ it repeats is
found, word for word, which the report names.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from hiwar.ingest.hardwrap import join_wrapped, paragraph_lines, wrapping
from hiwar.knowledge.dates import parse_date_line
from hiwar.knowledge.summary import sentences
from hiwar.knowledge.text import BULLET, SPEAKER, fold, word_keys, words
from hiwar.model.seed import HEADING, LIST_ITEM, PARAGRAPH, Block, ParsedSeed, RemovedLine, Seed

# "كتبت – دعاء عبدالنبي", "بقلم: فلان", "كتب/ فلان"
BYLINE = re.compile(r"^(?:كتبت|كتب|بقلم|إعداد|اعداد|تقرير|تحرير)\s*[-–—:/|]?\s*(?P<name>[^\d.،:؛!?؟]{3,60})$")
# In a translation: "By Ali Hassan", "3 May 2021", "May 3, 2021".
ENGLISH_BYLINE = re.compile(r"^(?:By|Written by|Report by)\s+(?P<name>[^\d.,:;!?]{3,60})$", re.IGNORECASE)
ENGLISH_DATE_LINE = re.compile(r"^(?:\d{1,2}\s+[A-Z][a-z]+\s+\d{4}|[A-Z][a-z]+\s+\d{1,2},?\s+\d{4})$")
# Lines a site adds around every article: recognised anywhere in the seed.
BOILERPLATE_LINE = re.compile(
    r"^(?:ربما يعجبك ايضا|قد يعجبك ايضا|اقرا ايضا|اقرا المزيد|انشر مقالك|لارسال مقال للنشر|اخر الاخبار|"
    r"الصفحه الرييسيه|شارك هذا المقال|شارك المقال|تابعونا على|مقالات ذات صله|اخبار ذات صله|الاكثر قراءه|"
    r"جميع الحقوق محفوظه|حقوق النشر محفوظه|اشترك في النشره)"
)
# After one of these near the end, everything else is the site's (related links, menus).
TRAILING_MARKER = re.compile(r"^(?:ربما يعجبك ايضا|قد يعجبك ايضا|انشر مقالك|مقالات ذات صله|اخبار ذات صله|الاكثر قراءه)")
SENTENCE_END = re.compile(r"[.!؟?:؛;…،,]\s*[\"”»']?\s*$")
# "اقرأ أيضاً: هل ستجري الانتخابات…؟" — a link to another article, on folded text (see text.fold).
READ_ALSO = re.compile(r"^\s*(?:اقرا|طالع|شاهد)\s+(?:ايضا|كذلك)\s*[:\-–—]\s*\S")
# "د. أحمد أنور لـ"حفريات": ..." — someone credited as speaking to the site: how its interview headlines open
# (pull-quotes may open so too).
SITE_ATTRIBUTION = re.compile(r"^[^:]{3,60}\s+لـ?\s*[\"“«][^\"”»]{2,40}[\"”»]\s*:\s*")

TITLE_MAX_WORDS = 25
BYLINE_MAX_WORDS = 5  # a name, not a sentence that starts with كتب
HEADING_MAX_WORDS = 12
CAPTION_MIN_WORDS = 7  # shorter lines that repeat the next paragraph are headings
PULL_QUOTE_MIN_WORDS = 8
PULL_QUOTE_MAX_WORDS = 60
PULL_QUOTE_OVERLAP = 0.75  # share of its words, in order, found in a nearby paragraph
PULL_QUOTE_REACH = 6  # pull-quotes sit near the paragraph they repeat
# A pull-quote repeats the body: every one of its words, in order, within a stretch of the ¶ at most this much
# longer than itself (it may leave a word out; it never adds or changes one). Anything looser only restates.
PULL_QUOTE_STRETCH = 1.25
TAIL_LINES = 12  # how close to the end a trailing marker must be
LONG_LINE_WORDS = 300  # a scrape that lost its paragraph breaks: split it at sentence ends
PART_WORDS = 120


@dataclass(frozen=True)
class Line:
    number: int
    raw: str
    text: str  # stripped
    key: str = field(init=False)  # folded words, for comparing lines however they are spelled

    def __post_init__(self):
        object.__setattr__(self, "key", " ".join(word_keys(self.text)))


def read_article(seed: Seed) -> ParsedSeed:
    raw_lines = seed.text.split("\n")
    wrap = wrapping(raw_lines)
    lines = [Line(n, raw, raw.strip()) for n, raw in join_wrapped(raw_lines, wrap, _header_line)]
    parsed = ParsedSeed(
        title=None,
        title_line=None,
        author=None,
        date=None,
        date_line=None,
        content_lines=[line.number for line in lines],
        wrap_width=wrap.width if wrap else None,
    )
    lines = _take_title(lines, parsed)
    lines = _drop_boilerplate(lines, parsed)
    lines = _take_byline(lines, parsed)
    lines = _take_date_line(lines, parsed)
    repeats: list[_Repeat] = []
    lines = _drop_captions_quotes_and_empty_items(lines, parsed, repeats)
    parsed.blocks = _blocks(lines)
    _report_repeats(repeats, parsed)
    return parsed


def seed_lines(text: str) -> list[tuple[int, str]]:
    """The lines the reader reads, as (first line number, line): a hard-wrapped paragraph's lines joined."""
    return paragraph_lines(text, _header_line)


def _header_line(text: str) -> bool:
    """A byline or a date line: a line of its own, even after a full title line (hard-wrapped text).

    English ones too, for a translation's lines are joined the same way.
    """
    text = text.strip()
    byline = BYLINE.match(text) or ENGLISH_BYLINE.match(text)
    return bool(
        (byline and len(words(byline.group("name"))) <= BYLINE_MAX_WORDS)
        or parse_date_line(text)
        or ENGLISH_DATE_LINE.match(text)
    )


@dataclass(frozen=True)
class _Repeat:
    """A line left out for what it shares with another line, whose ¶ number is known only once blocks are made."""

    line: Line
    reason: str  # with {where}: "¶N" of the other line
    other: Line


def _remove(parsed: ParsedSeed, line: Line, reason: str) -> None:
    parsed.removed.append(RemovedLine(line.number, line.text, reason))


def _report_repeats(repeats: list[_Repeat], parsed: ParsedSeed) -> None:
    paragraph = {block.line: block.number for block in parsed.blocks if block.number is not None}
    for repeat in repeats:
        number = paragraph.get(repeat.other.number)
        where = f"¶{number}" if number is not None else f"line {repeat.other.number}"
        _remove(parsed, repeat.line, repeat.reason.format(where=where))


def _is_sentence(text: str) -> bool:
    return bool(SENTENCE_END.search(text))


def _take_title(lines: list[Line], parsed: ParsedSeed) -> list[Line]:
    if not lines:
        return lines
    first = lines[0]
    if (
        BULLET.match(first.raw)
        or len(words(first.text)) > TITLE_MAX_WORDS
        or (_is_sentence(first.text) and not first.text.rstrip().endswith(("?", "؟", "!")))
    ):
        return lines  # the seed opens with its body: no title line
    parsed.title, parsed.title_line = first.text, first.number
    rest = []
    for line in lines[1:]:
        if line.key == first.key:
            _remove(parsed, line, "title repeated")
        else:
            rest.append(line)
    return rest


def _drop_boilerplate(lines: list[Line], parsed: ParsedSeed) -> list[Line]:
    tail_start = len(lines)
    for index in range(max(0, len(lines) - TAIL_LINES), len(lines)):
        if TRAILING_MARKER.match(lines[index].key):
            tail_start = index
            break
    kept = []
    for index, line in enumerate(lines):
        if index >= tail_start:
            _remove(parsed, line, "site boilerplate (end of page)")
        elif READ_ALSO.match(fold(line.text)):
            _remove(parsed, line, "teaser for another article (a “read also” link)")
        elif BOILERPLATE_LINE.match(line.key):
            _remove(parsed, line, "site boilerplate")
        else:
            kept.append(line)
    return kept


def _take_byline(lines: list[Line], parsed: ParsedSeed) -> list[Line]:
    for index, line in enumerate(lines[:4]):
        match = BYLINE.match(line.text if not line.text[:1].isdigit() else "")
        if not match or len(words(match.group("name"))) > BYLINE_MAX_WORDS:
            continue
        name = match.group("name").strip(" -–—:")
        parsed.author = name
        _remove(parsed, line, "byline (author)")
        rest = lines[:index] + lines[index + 1 :]
        # Sites often print the author's name alone just before the byline (seed 001).
        if index > 0 and fold(rest[index - 1].text) == fold(name):
            _remove(parsed, rest[index - 1], "author's name (repeats the byline)")
            del rest[index - 1]
        return rest
    return lines


def _take_date_line(lines: list[Line], parsed: ParsedSeed) -> list[Line]:
    for index, line in enumerate(lines[:5]):
        date = parse_date_line(line.text)
        if date:
            parsed.date, parsed.date_line = date, line.text
            _remove(parsed, line, "date line (publication date)")
            return lines[:index] + lines[index + 1 :]
    return lines


def _drop_captions_quotes_and_empty_items(lines: list[Line], parsed: ParsedSeed, repeats: list[_Repeat]) -> list[Line]:
    kept = []
    for index, line in enumerate(lines):
        bullet = BULLET.match(line.raw)
        if bullet:
            if bullet.group("text").strip():
                kept.append(line)
            else:
                _remove(parsed, line, "empty list item")
            continue
        following = lines[index + 1] if index + 1 < len(lines) else None
        nearby = lines[max(0, index - PULL_QUOTE_REACH) : index] + lines[index + 1 : index + 1 + PULL_QUOTE_REACH]
        if _is_caption(line, following):
            repeats.append(
                _Repeat(line, "image caption (every word of it is in the next paragraph, {where})", following)
            )
        elif restated := _restated_in(line, nearby):
            repeats.append(_what_restates(line, restated, nearby))
        else:
            kept.append(line)
    return kept


def _is_caption(line: Line, following: Line | None) -> bool:
    """A short unpunctuated line all of whose words the next paragraph states again."""
    tokens = line.key.split()
    if following is None or _is_sentence(line.text) or not CAPTION_MIN_WORDS <= len(tokens) <= HEADING_MAX_WORDS:
        return False
    return set(tokens) <= set(following.key.split())


def _quote_words(line: Line) -> list[str]:
    """The words a pull-quote or headline says, after a credit such as 'X لـ"Site":'."""
    return word_keys(SITE_ATTRIBUTION.sub("", line.text))


def _restated_in(line: Line, nearby: list[Line]) -> Line | None:
    """A longer nearby paragraph that says most of the line's words in the same order, or None.

    This decides what is left out; _what_restates then tells a pull-quote from a teaser.
    """
    tokens = _quote_words(line)
    if not PULL_QUOTE_MIN_WORDS <= len(tokens) <= PULL_QUOTE_MAX_WORDS:
        return None
    needed, counts = PULL_QUOTE_OVERLAP * len(tokens), Counter(tokens)
    for other in nearby:
        other_tokens = other.key.split()
        if len(other_tokens) <= len(tokens):
            continue
        # The words both share bound the matching blocks from above: most paragraphs are ruled out here.
        if sum((counts & Counter(other_tokens)).values()) < needed:
            continue
        matcher = SequenceMatcher(None, tokens, other_tokens, autojunk=False)
        shared = sum(block.size for block in matcher.get_matching_blocks())
        if shared >= needed:
            return other
    return None


def _what_restates(line: Line, restated: Line, nearby: list[Line]) -> _Repeat:
    """A pull-quote when a nearby ¶ holds it word for word; else another article's headline, or a rewording."""
    tokens = _quote_words(line)
    repeated = next((other for other in nearby if _repeats_words(tokens, other.key.split())), None)
    if repeated:
        return _Repeat(line, "pull-quote (repeats {where})", repeated)
    if SITE_ATTRIBUTION.match(line.text):
        return _Repeat(
            line, "teaser for another article (an interview headline; {where} words it differently)", restated
        )
    return _Repeat(line, "restates {where} in other words (a reworded pull-quote or a teaser)", restated)


def _repeats_words(quote: list[str], paragraph: list[str]) -> bool:
    """Whether every word of the quote occurs, in order, within a short enough stretch of the paragraph."""
    longest = int(len(quote) * PULL_QUOTE_STRETCH)
    for start, word in enumerate(paragraph):
        if word != quote[0]:
            continue
        position, found = start, 0
        while position < len(paragraph) and position - start < longest and found < len(quote):
            if paragraph[position] == quote[found]:
                found += 1
            position += 1
        if found == len(quote):
            return True
    return False


def _blocks(lines: list[Line]) -> list[Block]:
    blocks: list[Block] = []
    number = 0
    indents = sorted({len(m.group("indent")) for line in lines if (m := BULLET.match(line.raw))})
    for index, line in enumerate(lines):
        bullet = BULLET.match(line.raw)
        if bullet:
            number += 1
            level = indents.index(len(bullet.group("indent")))
            # A list cannot open deeper than one level below the item before it.
            previous = blocks[-1].level + 1 if blocks and blocks[-1].kind == LIST_ITEM else 0
            blocks.append(Block(LIST_ITEM, bullet.group("text").strip(), line.number, min(level, previous), number))
        elif _is_heading(line, lines[index + 1] if index + 1 < len(lines) else None):
            blocks.append(Block(HEADING, line.text, line.number))
        else:
            number += 1
            for part, text in enumerate(_parts(line.text), 1):
                blocks.append(Block(PARAGRAPH, text, line.number, 0, number, part))
    return blocks


def _parts(text: str) -> list[str]:
    """A very long line cut into paragraphs of whole sentences (at least PART_WORDS words each)."""
    if len(words(text)) <= LONG_LINE_WORDS:
        return [text]
    parts, current = [], []
    for sentence in sentences(text):
        current.append(sentence)
        if len(words(" ".join(current))) >= PART_WORDS:
            parts.append(" ".join(current))
            current = []
    if current:
        parts.append(" ".join(current))
    return parts


def _is_heading(line: Line, following: Line | None) -> bool:
    """A short line that does not end a sentence, before more text; an interview's short question is no heading."""
    return (
        following is not None
        and not _is_sentence(line.text)
        and not SPEAKER.match(line.text)
        and len(words(line.text)) <= HEADING_MAX_WORDS
    )
