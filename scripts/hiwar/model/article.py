"""An article: a seed understood and enriched, with every value a page needs and where it came from."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property

from hiwar.model.dates import DateValue
from hiwar.model.editorial import Note
from hiwar.model.languages import SOURCE_LANGUAGE
from hiwar.model.seed import ParsedSeed, Seed
from hiwar.model.texts import Texts
from hiwar.model.translation import Translation

SEED, EDITORIAL, AUTOMATIC = "seed", "editorial", "automatic"


@dataclass(frozen=True)
class Sourced:
    """A value and where it came from (SEED, EDITORIAL or AUTOMATIC)."""

    value: object
    origin: str


@dataclass
class Article:
    id: str  # the URL slug made from the seed's file name (ingest/naming.py); seed.name keeps the file name
    seed: Seed  # its identity (name, sha256, encoding); its text lives on, understood, in parsed
    parsed: ParsedSeed
    title: dict[str, Sourced]  # per language; a translation's may be None until translated
    date: Sourced  # DateValue (a day, month, year or interval) or None
    date_evidence: Texts | None
    author: Texts | None
    author_origin: str | None
    publisher: Texts | None
    summary: dict[str, Sourced]  # per language
    tags: Sourced  # list of tag ids
    words: int
    translations: dict[str, Translation] = field(default_factory=dict)  # by language
    entities: Sourced = field(default_factory=lambda: Sourced([], AUTOMATIC))  # list of Entity
    mentions: dict[str, list[int]] = field(default_factory=dict)  # name id -> ¶ numbers
    events: dict[str, list[int]] = field(default_factory=dict)  # event id -> ¶ numbers that discuss it
    terms: dict[str, list[int]] = field(default_factory=dict)  # glossary term id -> ¶ numbers
    notes: list[Note] = field(default_factory=list)  # each one's `at` phrases found in its ¶

    @cached_property
    def newest_first_key(self) -> tuple[bool, tuple[int, ...], str]:
        """Sorts newest first (latest last day, then latest first day); unknown dates last; equal dates by id,
        so builds are identical."""
        date = self.date.value
        assert date is None or isinstance(date, DateValue)
        return (date is None, tuple(-part for part in date.sort_key()) if date else (), self.id)

    def translation_status(self, lang: str) -> str:
        """complete, partial or missing: how much of the article reads in `lang` (the source is complete)."""
        if lang == SOURCE_LANGUAGE:
            return "complete"
        return self._translation_statuses.get(lang, "missing")

    @cached_property
    def _translation_statuses(self) -> dict[str, str]:
        """Each translation's status, counted once: listings, pages and books ask for it thousands of times."""
        lines = [block.line for block in self.parsed.numbered]
        return {lang: translation.status(lines) for lang, translation in self.translations.items()}

    def translated_paragraphs(self, lang: str) -> int:
        if lang == SOURCE_LANGUAGE:
            return len(self.parsed.numbered)
        translation = self.translations.get(lang)
        if translation is None:
            return 0
        return sum(1 for block in self.parsed.numbered if translation.has(block.line))

    def reading_minutes(self, words_per_minute: int) -> int:
        return max(1, math.ceil(self.words / words_per_minute))
