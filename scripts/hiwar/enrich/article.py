"""Enrichment: a ParsedSeed plus editorial files becomes an Article with every value a page needs.

Each value records where it came from: the seed text itself, the editor, or automatic inference.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from hiwar.ingest.naming import slug
from hiwar.knowledge.dating import Inference, infer_date
from hiwar.knowledge.events import Calendar, events_in
from hiwar.knowledge.evidence import date_line_evidence, inferred_evidence
from hiwar.knowledge.glossary import Term, terms_in
from hiwar.knowledge.names import Name, find_names
from hiwar.knowledge.summary import summarise
from hiwar.knowledge.text import words
from hiwar.knowledge.vocabulary import Tag, automatic_tags
from hiwar.model.article import AUTOMATIC, EDITORIAL, SEED, Article, Sourced
from hiwar.model.editorial import Editorial, Entity
from hiwar.model.languages import EDITION_LANGUAGES, SOURCE_LANGUAGE
from hiwar.model.seed import HEADING, ParsedSeed, Seed
from hiwar.model.texts import Texts
from hiwar.model.translation import Translation

TITLE_WORDS = 12  # an automatic title: the opening words of the text


def enrich(
    seed: Seed,
    parsed: ParsedSeed,
    editorial: Editorial,
    translations: Mapping[str, Translation] | None,
    vocabulary: dict[str, Tag],
    calendar: Calendar = Calendar(),
    names: list[Name] | None = None,
    glossary: list[Term] | None = None,
    languages: tuple[str, ...] = EDITION_LANGUAGES,
) -> Article:
    """The article of a seed. `translations` by language; the article's id is the slug of the seed's name."""
    translations = dict(translations or {})
    body = [block.text for block in parsed.blocks if block.kind != HEADING]
    text = "\n".join(body)
    inference = infer_date(text, calendar) if not (editorial.date or parsed.date) else None
    numbered = [(block.number, block.text) for block in parsed.blocks if block.number]
    mentions = find_names(numbered, names or [])
    return Article(
        id=slug(seed.stem),
        seed=replace(seed, text=""),  # kept once, in parsed: the cache holds a thousand articles
        parsed=parsed,
        title=_titles(parsed, editorial, body, translations, languages),
        date=_date(parsed, editorial, inference),
        date_evidence=editorial.date_evidence if editorial.date else _date_evidence(parsed, inference, languages),
        author=editorial.author or (Texts({SOURCE_LANGUAGE: parsed.author}) if parsed.author else None),
        author_origin=EDITORIAL if editorial.author else SEED if parsed.author else None,
        publisher=editorial.publisher,
        summary=_summaries(editorial, body, languages),
        tags=Sourced(editorial.tags, EDITORIAL)
        if editorial.tags is not None
        else Sourced(automatic_tags(text, vocabulary), AUTOMATIC),
        words=sum(len(words(block.text)) for block in parsed.blocks),
        translations=translations,
        entities=Sourced(editorial.entities, EDITORIAL)
        if editorial.entities
        else Sourced(_named(mentions, names or []), AUTOMATIC),
        mentions=mentions,
        events=events_in(numbered, calendar),
        terms=terms_in(numbered, glossary or []),
        notes=list(editorial.notes),
    )


def _titles(
    parsed: ParsedSeed,
    editorial: Editorial,
    body: list[str],
    translations: dict[str, Translation],
    languages: tuple[str, ...],
) -> dict[str, Sourced]:
    given = editorial.title or Texts()
    titles = {}
    for lang in languages:
        if lang == SOURCE_LANGUAGE:
            if parsed.title:
                titles[lang] = Sourced(parsed.title, SEED)
            elif given.get(lang):
                titles[lang] = Sourced(given[lang], EDITORIAL)
            else:
                opening = (body[0] if body else "").split()
                titles[lang] = Sourced(
                    " ".join(opening[:TITLE_WORDS]) + (" …" if len(opening) > TITLE_WORDS else ""), AUTOMATIC
                )
        elif given.get(lang):
            titles[lang] = Sourced(given[lang], EDITORIAL)
        elif parsed.title_line is not None and lang in translations and translations[lang].has(parsed.title_line):
            titles[lang] = Sourced(translations[lang].lines[parsed.title_line], EDITORIAL)  # the title line, translated
        else:
            titles[lang] = Sourced(None, AUTOMATIC)
    return titles


def _date(parsed: ParsedSeed, editorial: Editorial, inference: Inference | None) -> Sourced:
    if editorial.date:
        return Sourced(editorial.date, EDITORIAL)
    if parsed.date:
        return Sourced(parsed.date, SEED)
    return Sourced(inference.date if inference else None, AUTOMATIC)


def _date_evidence(parsed: ParsedSeed, inference: Inference | None, languages: tuple[str, ...]) -> Texts | None:
    """Why the date is what it is, in each edition language knowledge/evidence.yml has words for (others go without)."""
    if parsed.date_line:
        return date_line_evidence(parsed.date_line, languages)
    if inference:
        return inferred_evidence(inference, languages)
    return None


def _named(mentions: dict[str, list[int]], names: list[Name]) -> list[Entity]:
    """The names found in the text, most mentioned first."""
    by_id = {name.id: name for name in names}
    ordered = sorted(mentions, key=lambda name_id: (-len(mentions[name_id]), name_id))
    return [Entity(by_id[i].kind, by_id[i].labels) for i in ordered]


def _summaries(editorial: Editorial, body: list[str], languages: tuple[str, ...]) -> dict[str, Sourced]:
    if editorial.summary:
        return {lang: Sourced(editorial.summary.get(lang), EDITORIAL) for lang in languages}
    return {lang: Sourced(summarise(body) if lang == SOURCE_LANGUAGE else None, AUTOMATIC) for lang in languages}
