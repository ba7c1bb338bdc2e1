"""An article: a seed understood and enriched, with every value a page needs and where it came from."""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property

from hiwar.model.editorial import Bilingual, SourceError
from hiwar.model.seed import ParsedSeed, Seed
from hiwar.model.translation import Translation

SEED, EDITORIAL, AUTOMATIC = "seed", "editorial", "automatic"


@dataclass(frozen=True)
class Sourced:
    """A value and where it came from (SEED, EDITORIAL or AUTOMATIC)."""

    value: object
    origin: str


@dataclass
class Article:
    seed: Seed  # its identity (name, sha256, encoding); its text lives on, understood, in parsed
    parsed: ParsedSeed
    title: dict[str, Sourced]  # per language; English may be None until translated
    date: Sourced  # DateValue (a day, month, year or interval) or None
    date_evidence: Bilingual | None
    author: Bilingual | None
    author_origin: str | None
    publisher: Bilingual | None
    summary: dict[str, Sourced]
    tags: Sourced  # list of tag ids
    words: int
    translation: Translation | None
    entities: Sourced = field(default_factory=lambda: Sourced([], AUTOMATIC))  # list of Entity
    mentions: dict[str, list[int]] = field(default_factory=dict)  # name id -> ¶ numbers
    events: dict[str, list[int]] = field(default_factory=dict)  # event id -> ¶ numbers that discuss it
    terms: dict[str, list[int]] = field(default_factory=dict)  # glossary term id -> ¶ numbers
    source_errors: list[SourceError] = field(default_factory=list)

    @cached_property
    def id(self) -> str:
        return self.seed.stem

    @cached_property
    def newest_first_key(self) -> tuple:
        """Sorts newest first (latest last day, then latest first day); unknown dates last; equal dates by id,
        so builds are identical."""
        date = self.date.value
        return (date is None, tuple(-part for part in date.sort_key()) if date else (), self.id)

    @property
    def translation_status(self) -> str:
        """complete, partial or missing: how much of the article reads in English."""
        if self.translation is None:
            return "missing"
        return self.translation.status([block.line for block in self.parsed.numbered])

    @property
    def translated_paragraphs(self) -> int:
        if self.translation is None:
            return 0
        return sum(1 for block in self.parsed.numbered if self.translation.has(block.line))

    def reading_minutes(self, words_per_minute: int) -> int:
        return max(1, math.ceil(self.words / words_per_minute))
