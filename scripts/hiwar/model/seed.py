"""What a reader understands of a seed: its parts, and what was left out and why."""

from __future__ import annotations

from dataclasses import dataclass, field

from hiwar.model.dates import PartialDate

HEADING, PARAGRAPH, LIST_ITEM = "heading", "paragraph", "item"


@dataclass(frozen=True)
class Block:
    kind: str  # HEADING, PARAGRAPH or LIST_ITEM
    text: str
    line: int  # 1-based line number in the seed
    level: int = 0  # nesting depth of a list item (0 = top level)
    number: int | None = None  # the ¶ number of paragraphs and list items; headings have none
    part: int = 1  # a very long line is shown as several paragraphs sharing its ¶ number

    @property
    def anchor(self) -> str:
        return f"p-{self.number}" if self.part == 1 else f"p-{self.number}-{self.part}"


@dataclass(frozen=True)
class RemovedLine:
    line: int
    text: str
    reason: str  # e.g. "site boilerplate", "repeated title", "image caption"


@dataclass
class ParsedSeed:
    """A seed understood: the article's own parts, in reading order."""

    title: str | None  # the title line, when the seed has one
    title_line: int | None
    author: str | None  # from a byline
    date: PartialDate | None  # from a line holding only a date
    date_line: str | None
    blocks: list[Block] = field(default_factory=list)
    removed: list[RemovedLine] = field(default_factory=list)
    # Where each of the seed's non-empty lines starts, in order (a hard-wrapped paragraph counts as one line):
    # a translation aligns to these.
    content_lines: list[int] = field(default_factory=list)
    wrap_width: int | None = None  # characters, when the seed is hard-wrapped

    @property
    def numbered(self) -> list[Block]:
        return [block for block in self.blocks if block.number is not None and block.part == 1]


@dataclass(frozen=True)
class Seed:
    name: str  # the file name: the seed's identity
    source: str  # how problems refer to it, e.g. "seeds/NAME"
    sha256: str  # of the bytes on disk
    encoding: str
    text: str  # decoded and normalised, LF line ends

    @property
    def stem(self) -> str:
        return self.name.rsplit(".", 1)[0]
