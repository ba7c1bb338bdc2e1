"""The typed model (model/seed.py, model/translation.py, model/article.py, model/languages.py): what a reader makes
of a seed, a translation line by line, and an article that knows how much of it reads in each language and where it
sorts among the others."""

from __future__ import annotations

import dataclasses

from conftest import FIXTURES
from hiwar.enrich.article import enrich
from hiwar.ingest.reader import read_article
from hiwar.ingest.seed import read_seed
from hiwar.ingest.translation import load_translation
from hiwar.model.article import SEED, Sourced
from hiwar.model.dates import parse_date_value
from hiwar.model.editorial import Editorial
from hiwar.model.languages import SOURCE_LANGUAGE, translation_languages
from hiwar.model.seed import PARAGRAPH, Block
from hiwar.model.translation import UNTRANSLATED, Translation

SEED_FILE = FIXTURES / "translations" / "headings.txt"
TRANSLATION_FILE = FIXTURES / "translations" / "headings.en.txt"


def parsed_seed():
    seed = read_seed(SEED_FILE)
    return seed, read_article(seed)


def article(translations=None):
    seed, parsed = parsed_seed()
    return enrich(seed, parsed, Editorial(), translations, {})


def test_the_source_language_is_the_first_edition_and_every_other_needs_a_translation():
    assert SOURCE_LANGUAGE == "ar"
    assert translation_languages(("ar", "en", "fr")) == ("en", "fr")
    assert translation_languages(("ar",)) == ()


def test_a_seed_is_known_by_its_file_name_and_its_stem():
    seed, _ = parsed_seed()
    assert (seed.name, seed.stem, seed.source) == ("headings.txt", "headings", "translations/headings.txt")
    assert len(seed.sha256) == 64 and seed.encoding == "utf_8"


def test_a_long_lines_parts_share_its_number_and_are_anchored_apart():
    assert Block(PARAGRAPH, "نص", 7, number=3).anchor == "p-3"
    assert Block(PARAGRAPH, "نص", 7, number=3, part=2).anchor == "p-3-2"


def test_numbered_blocks_are_paragraphs_and_items_once_each_whatever_their_parts():
    _, parsed = parsed_seed()
    assert [(b.number, b.line) for b in parsed.numbered] == [(1, 3), (2, 7), (3, 11)]
    assert parsed.content_lines == [1, 3, 5, 7, 9, 11]
    split = dataclasses.replace(parsed, blocks=[*parsed.blocks, Block(PARAGRAPH, "تتمة", 11, 0, 3, 2)])
    assert [b.number for b in split.numbered] == [1, 2, 3]


def test_a_translation_is_complete_partial_or_missing_by_its_numbered_lines():
    translation = Translation("en", {3: "One.", 7: UNTRANSLATED, 11: "Three."})
    assert translation.has(3) and not translation.has(7) and not translation.has(5)
    assert translation.status([3, 11]) == "complete"
    assert translation.status([3, 7, 11]) == "partial"
    assert translation.status([7, 9]) == "missing"


def test_an_article_reads_completely_in_its_source_and_as_far_as_each_translation_goes():
    _, parsed = parsed_seed()
    english = load_translation(
        TRANSLATION_FILE, "editorial/headings.en.txt", "en", parsed, SEED_FILE.read_text(encoding="utf-8")
    )
    translated = article({"en": english})
    assert [translated.translation_status(lang) for lang in ("ar", "en", "fr")] == ["complete", "complete", "missing"]
    assert [translated.translated_paragraphs(lang) for lang in ("ar", "en", "fr")] == [3, 3, 0]
    half = article({"en": Translation("en", {**english.lines, 7: UNTRANSLATED})})
    assert (half.translation_status("en"), half.translated_paragraphs("en")) == ("partial", 2)


def test_reading_time_is_whole_minutes_and_never_zero():
    short = article()
    assert short.words == 28
    assert short.reading_minutes(200) == 1
    assert dataclasses.replace(short, words=401).reading_minutes(200) == 3


def dated(article_, id_, text):
    return dataclasses.replace(article_, id=id_, date=Sourced(parse_date_value(text, 2030) if text else None, SEED))


def test_articles_sort_newest_first_by_last_day_undated_last_and_ties_by_id():
    base = article()
    articles = [
        dated(base, "a-undated", None),
        dated(base, "b-day", "2021-07-25"),
        dated(base, "c-month", "2021-07"),
        dated(base, "a-month", "2021-07"),
        dated(base, "d-window", "2021-07-26/2021-09-30"),
        dated(base, "e-old", "2020"),
    ]
    assert [a.id for a in sorted(articles, key=lambda a: a.newest_first_key)] == [
        "d-window",
        "a-month",
        "c-month",
        "b-day",
        "e-old",
        "a-undated",
    ]
