"""What an article's body is in one edition, as data: its blocks in reading order and the notes after the text.

The blocks are headings, paragraphs (with their ¶ number and anchor, and, for a very long seed line shown as several
paragraphs, which part this is) and lists of items nested by level; a heading or a paragraph that a translation
does not have yet is a placeholder (its text is None). A paragraph's text is a row of inline segments: plain text,
the mark of a note (its number and kind), and a glossary term at its first use with its glosses in the other
editions' languages. The notes follow, numbered in the order their marks appear.

No markup here: the site's pages (pages.py) and the EPUB (outputs/epub) render the same data each in its own way.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import ClassVar, Union

from hiwar.knowledge.glossary import Term
from hiwar.model.article import Article
from hiwar.model.editorial import Note
from hiwar.model.languages import SOURCE_LANGUAGE
from hiwar.model.seed import HEADING, LIST_ITEM, Block
from hiwar.site.editions import Edition


# ---- editions and articles ---------------------------------------------------------------------------------------
def is_source(edition: Edition) -> bool:
    return edition.lang == SOURCE_LANGUAGE


def label_editions(edition: Edition, editions: Sequence[Edition]) -> list[Edition]:
    """The other editions a label is shown in: every other one on the original's pages, the original's elsewhere."""
    return [e for e in editions if e.lang != edition.lang and (is_source(edition) or is_source(e))]


def is_translated(article: Article, edition: Edition) -> bool:
    """Whether the edition has the article's text (the source always does)."""
    return article.translation_status(edition.lang) != "missing"


# ---- inline segments ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Text:
    kind: ClassVar[str] = "text"
    text: str


@dataclass(frozen=True)
class NoteMark:
    """Where a note is marked: after its phrase, or at the end of its paragraph."""

    kind: ClassVar[str] = "note"
    number: int  # the note's number on the page (1, 2, …, in reading order)
    note_kind: str  # EDITOR or TRANSLATOR


@dataclass(frozen=True)
class Gloss:
    lang: str
    label: str


@dataclass(frozen=True)
class GlossedTerm:
    """A glossary term at its first use in the body, with the term in the other editions' languages."""

    kind: ClassVar[str] = "term"
    id: str
    text: str  # as the paragraph writes it
    glosses: tuple[Gloss, ...]


Inline = Union[Text, NoteMark, GlossedTerm]


# ---- blocks ------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Heading:
    kind: ClassVar[str] = "heading"
    text: str | None  # None: the translation has no text for it yet


@dataclass(frozen=True)
class Paragraph:
    kind: ClassVar[str] = "paragraph"
    number: int  # the ¶ number, the same in every edition
    anchor: str  # p-N, or p-N-K for the K-th part of a long line
    part: int  # 1, or the part of a very long seed line shown as several paragraphs (the ¶ number shows on part 1)
    of_long_line: bool  # one of several parts of a long line
    content: tuple[Inline, ...] | None  # None: not translated yet


@dataclass(frozen=True)
class ListItem:
    number: int
    anchor: str
    level: int  # 0 at the top; the items of a deeper level are this item's `items`
    content: tuple[Inline, ...] | None
    items: tuple["ListItem", ...] = ()


@dataclass(frozen=True)
class BulletList:
    kind: ClassVar[str] = "list"
    items: tuple[ListItem, ...]


BodyBlock = Union[Heading, Paragraph, BulletList]


@dataclass(frozen=True)
class EndNote:
    """A note after the text, linked with its mark by its number."""

    number: int
    kind: str  # EDITOR or TRANSLATOR
    text: str  # in the edition's language


@dataclass(frozen=True)
class Body:
    blocks: tuple[BodyBlock, ...]
    notes: tuple[EndNote, ...]

    def headings(self) -> list[Heading]:
        return [block for block in self.blocks if isinstance(block, Heading)]


def article_body(
    article: Article, edition: Edition, editions: Sequence[Edition], glossary: Sequence[Term] = ()
) -> Body:
    """The body of the article's page in the edition (an edition without its text shows a notice instead: see
    is_translated)."""
    notes = _Notes(article.notes, edition)
    glossed: set[str] = set()  # each term is glossed at its first use only
    blocks: list[BodyBlock] = []
    source = is_source(edition)
    parsed = article.parsed.blocks
    index = 0
    while index < len(parsed):
        block = parsed[index]
        if block.kind == HEADING:
            blocks.append(Heading(block_text(article, block, edition) or None))
            index += 1
        elif block.kind == LIST_ITEM:
            run = []
            while index < len(parsed) and parsed[index].kind == LIST_ITEM:
                run.append(parsed[index])
                index += 1
            items = [(item, _content(article, item, edition, editions, glossary, glossed, notes)) for item in run]
            blocks.append(BulletList(tuple(_nested(items))))
        elif block.part > 1 and not source:
            index += 1  # the translation of a long line is one paragraph, under the first part's anchor
        else:
            following = parsed[index + 1] if index + 1 < len(parsed) else None
            long_line = block.part > 1 or (
                following is not None and following.line == block.line and following.part > 1
            )
            # A translation shows a long line whole: its one paragraph is the last; the source shows it in parts.
            last = not source or following is None or following.line != block.line
            blocks.append(
                Paragraph(
                    block.number,
                    block.anchor,
                    block.part,
                    long_line,
                    _content(article, block, edition, editions, glossary, glossed, notes, last),
                )
            )
            index += 1
    return Body(tuple(blocks), notes.placed)


def block_text(article: Article, block: Block, edition: Edition) -> str | None:
    """The block's text in the edition's language; None where the translation has no text yet."""
    if is_source(edition):
        return block.text
    translation = article.translations.get(edition.lang)
    return translation.lines[block.line] if translation and translation.has(block.line) else None


def _content(
    article: Article,
    block: Block,
    edition: Edition,
    editions: Sequence[Edition],
    glossary: Sequence[Term],
    glossed: set[str],
    notes: "_Notes",
    last: bool = True,
) -> tuple[Inline, ...] | None:
    text = block_text(article, block, edition)
    if text is None:
        return None
    text = " ".join(text.split())
    marks = notes.place(block.number, text, last)
    return tuple(_segments(text, edition, editions, glossary, glossed, marks))


def _segments(
    text: str,
    edition: Edition,
    editions: Sequence[Edition],
    glossary: Sequence[Term],
    glossed: set[str],
    marks: list[tuple[int, NoteMark]],
) -> Iterator[Inline]:
    """The text cut at the first use of each glossary term not yet glossed and at the notes' marks."""
    found = []
    for term in glossary:
        if term.id in glossed:
            continue
        pattern = term.pattern(edition.lang)
        match = pattern.search(text) if pattern else None
        if match:
            found.append((match.start(), match.end(), term))
    spans = []
    cursor = 0
    for start, end, term in sorted(found, key=lambda item: item[0]):
        if start >= cursor:  # overlapping terms: the first one wins
            spans.append((start, end, term))
            glossed.add(term.id)
            cursor = end
    # A mark that would fall inside a glossed term goes after it.
    marks = [
        (next((end for start, end, _ in spans if start < position < end), position), mark) for position, mark in marks
    ]
    events = sorted(
        [(start, 1, ("term", end, term)) for start, end, term in spans]
        + [(position, 0, ("mark", mark)) for position, mark in marks],
        key=lambda item: (item[0], item[1]),
    )
    others = label_editions(edition, editions)
    cursor = 0
    for position, _, event in events:
        if position > cursor:
            yield Text(text[cursor:position])
        cursor = position
        if event[0] == "mark":
            yield event[1]
        else:
            _, end, term = event
            yield GlossedTerm(term.id, text[position:end], tuple(Gloss(e.lang, term.labels[e.lang]) for e in others))
            cursor = end
    if cursor < len(text):
        yield Text(text[cursor:])


def _nested(items: list[tuple[Block, tuple[Inline, ...] | None]]) -> list[ListItem]:
    """List items with levels as a tree: each item holds the deeper items that follow it (a list opens at most one
    level below the item before it, as the reader makes them; a deeper jump nests under the item before)."""
    top: list[ListItem] = []
    stack: list[tuple[Block, tuple[Inline, ...] | None, list[ListItem]]] = []  # open items, outermost first

    def close() -> None:
        block, content, children = stack.pop()
        item = ListItem(block.number, block.anchor, block.level, content, tuple(children))
        (stack[-1][2] if stack else top).append(item)

    for block, content in items:
        while stack and stack[-1][0].level >= block.level:
            close()
        stack.append((block, content, []))
    while stack:
        close()
    return top


class _Notes:
    """The notes of one page, numbered in reading order: where each mark goes, and the list after the text."""

    def __init__(self, notes: Sequence[Note], edition: Edition):
        self.lang = edition.lang
        self.by_paragraph: dict[int, list[Note]] = {}
        for note in notes:
            self.by_paragraph.setdefault(note.paragraph, []).append(note)
        self.placed: tuple[EndNote, ...] = ()

    def place(self, paragraph: int | None, text: str, last: bool) -> list[tuple[int, NoteMark]]:
        """Where in `text` (a paragraph, or a part of a long one, as shown) its notes' marks go: after each note's
        phrase; in the paragraph's last part, the notes whose phrase was not found go at its end."""
        found, waiting = [], []
        for note in self.by_paragraph.get(paragraph, []) if paragraph else []:
            phrase = " ".join((note.at.get(self.lang) or "").split())
            at = text.find(phrase) if phrase else -1
            if at >= 0:
                found.append((at + len(phrase), note))
            elif last:
                found.append((len(text), note))
            else:
                waiting.append(note)
        if paragraph:
            self.by_paragraph[paragraph] = waiting
        marks = []
        for position, note in sorted(found, key=lambda item: item[0]):
            number = len(self.placed) + 1
            self.placed += (EndNote(number, note.kind, note.text.get(self.lang) or ""),)
            marks.append((position, NoteMark(number, note.kind)))
        return marks


# ---- the side-by-side page ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Cell:
    lang: str
    text: str | None  # the whole paragraph (a long line's parts joined); None: not translated yet


@dataclass(frozen=True)
class ParallelRow:
    """One heading or paragraph of the original beside its translations."""

    kind: str  # HEADING, PARAGRAPH or LIST_ITEM (as the seed's block)
    number: int | None  # the ¶ number; None for a heading
    anchor: str | None
    level: int  # of a list item
    cells: tuple[Cell, ...]


def parallel_rows(article: Article, sides: Sequence[Edition]) -> list[ParallelRow]:
    """The rows of a side-by-side page: whole seed lines, so that the original and its translations align."""
    rows = []
    for block in article.parsed.blocks:
        if block.part > 1:
            continue
        cells = []
        for side in sides:
            if block.kind == HEADING or not is_source(side):
                text = block_text(article, block, side)
                text = " ".join(text.split()) if text is not None else None
            else:
                text = " ".join(" ".join(b.text for b in article.parsed.blocks if b.line == block.line).split())
            cells.append(Cell(side.lang, text))
        rows.append(
            ParallelRow(block.kind, block.number, block.anchor if block.number else None, block.level, tuple(cells))
        )
    return rows
