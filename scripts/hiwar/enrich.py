"""Enrichment: a ParsedSeed plus editorial files becomes an Article with every value a page needs.

Each value records where it came from: the seed text itself, the editor, or automatic inference.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from functools import cached_property

from .article import HEADING, ParsedSeed
from .dates import PartialDate
from .dating import Inference, infer_date
from .editorial import Bilingual, Editorial, Entity, SourceError
from .events import Calendar, events_in
from .glossary import Term, terms_in
from .names import Name, find_names
from .seed import Seed
from .summary import summarise
from .text import words
from .translation import Translation
from .vocabulary import Tag, automatic_tags

SEED, EDITORIAL, AUTOMATIC = "seed", "editorial", "automatic"
TITLE_WORDS = 12  # an automatic title: the opening words of the text


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
    date: Sourced  # PartialDate or None
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
        """Sorts newest first; unknown dates last; equal dates by id, so builds are identical."""
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


def enrich(seed: Seed, parsed: ParsedSeed, editorial: Editorial, translation: Translation | None,
           vocabulary: dict[str, Tag], calendar: Calendar = Calendar(), names: list[Name] | None = None,
           glossary: list[Term] | None = None) -> Article:
    body = [block.text for block in parsed.blocks if block.kind != HEADING]
    text = "\n".join(body)
    inference = infer_date(text, calendar) if not (editorial.date or parsed.date) else None
    numbered = [(block.number, block.text) for block in parsed.blocks if block.number]
    mentions = find_names(numbered, names or [])
    return Article(
        seed=replace(seed, text=""),  # kept once, in parsed: the cache holds a thousand articles
        parsed=parsed,
        title=_titles(parsed, editorial, body),
        date=_date(parsed, editorial, inference),
        date_evidence=editorial.date_evidence if editorial.date else _date_evidence(parsed, inference),
        author=editorial.author or (Bilingual(parsed.author, None) if parsed.author else None),
        author_origin=EDITORIAL if editorial.author else SEED if parsed.author else None,
        publisher=editorial.publisher,
        summary=_summaries(editorial, body),
        tags=Sourced(editorial.tags, EDITORIAL) if editorial.tags is not None
        else Sourced(automatic_tags(text, vocabulary), AUTOMATIC),
        words=sum(len(words(block.text)) for block in parsed.blocks),
        translation=translation,
        entities=Sourced(editorial.entities, EDITORIAL) if editorial.entities
        else Sourced(_named(mentions, names or []), AUTOMATIC),
        mentions=mentions,
        events=events_in(numbered, calendar),
        terms=terms_in(numbered, glossary or []),
        source_errors=editorial.source_errors,
    )


def _titles(parsed: ParsedSeed, editorial: Editorial, body: list[str]) -> dict[str, Sourced]:
    given = editorial.title or Bilingual(None, None)
    if parsed.title:
        arabic = Sourced(parsed.title, SEED)
    elif given.ar:
        arabic = Sourced(given.ar, EDITORIAL)
    else:
        opening = (body[0] if body else "").split()
        arabic = Sourced(" ".join(opening[:TITLE_WORDS]) + (" …" if len(opening) > TITLE_WORDS else ""), AUTOMATIC)
    english = Sourced(given.en, EDITORIAL) if given.en else Sourced(None, AUTOMATIC)
    return {"ar": arabic, "en": english}


def _date(parsed: ParsedSeed, editorial: Editorial, inference: Inference | None) -> Sourced:
    if editorial.date:
        return Sourced(editorial.date, EDITORIAL)
    if parsed.date:
        return Sourced(parsed.date, SEED)
    return Sourced(inference.date if inference else None, AUTOMATIC)


def _date_evidence(parsed: ParsedSeed, inference: Inference | None) -> Bilingual | None:
    if parsed.date_line:
        return Bilingual(parsed.date_line, "A line of the original gives the date (day/month/year).")
    if inference and inference.evidence:
        verdict = "" if inference.date else " The date is therefore unknown."
        return Bilingual(" … ".join(inference.evidence[:3]), f"Inferred automatically: {inference.explain()}.{verdict}")
    return None


def _named(mentions: dict[str, list[int]], names: list[Name]) -> list[Entity]:
    """The names found in the text, most mentioned first."""
    by_id = {name.id: name for name in names}
    ordered = sorted(mentions, key=lambda name_id: (-len(mentions[name_id]), name_id))
    return [Entity(by_id[i].kind, by_id[i].ar, by_id[i].en) for i in ordered]


def _summaries(editorial: Editorial, body: list[str]) -> dict[str, Sourced]:
    if editorial.summary:
        return {"ar": Sourced(editorial.summary.ar, EDITORIAL), "en": Sourced(editorial.summary.en, EDITORIAL)}
    return {"ar": Sourced(summarise(body), AUTOMATIC), "en": Sourced(None, AUTOMATIC)}
