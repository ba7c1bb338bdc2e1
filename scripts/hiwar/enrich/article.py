"""Enrichment: a ParsedSeed plus editorial files becomes an Article with every value a page needs.

Each value records where it came from: the seed text itself, the editor, or automatic inference.
"""
from __future__ import annotations

from dataclasses import replace

from hiwar.knowledge.dating import Inference, infer_date
from hiwar.knowledge.events import Calendar, events_in
from hiwar.knowledge.glossary import Term, terms_in
from hiwar.knowledge.names import Name, find_names
from hiwar.knowledge.summary import summarise
from hiwar.knowledge.text import words
from hiwar.knowledge.vocabulary import Tag, automatic_tags
from hiwar.model.article import AUTOMATIC, EDITORIAL, SEED, Article, Sourced
from hiwar.model.editorial import Bilingual, Editorial, Entity
from hiwar.model.seed import HEADING, ParsedSeed, Seed
from hiwar.model.translation import Translation

TITLE_WORDS = 12  # an automatic title: the opening words of the text


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
