"""Enrichment (enrich/article.py): a seed as the reader understood it, plus what the editors stated, becomes an
Article with every value a page needs and where each came from — the seed, an editor, or automatic inference. An
editor's value always wins over an automatic one."""

from __future__ import annotations

import pytest

from conftest import FIXTURES, ROOT
from hiwar.enrich.article import TITLE_WORDS, enrich
from hiwar.ingest.editorial import load_editorial
from hiwar.ingest.reader import read_article
from hiwar.ingest.schema import Context
from hiwar.ingest.seed import read_seed
from hiwar.ingest.translation import load_translation
from hiwar.knowledge.events import load_calendar
from hiwar.knowledge.glossary import load_glossary
from hiwar.knowledge.names import load_names
from hiwar.knowledge.summary import summarise
from hiwar.knowledge.text import words
from hiwar.knowledge.vocabulary import load_vocabulary
from hiwar.model.article import AUTOMATIC, EDITORIAL, SEED, Sourced
from hiwar.model.dates import PartialDate
from hiwar.model.editorial import Editorial
from hiwar.model.texts import Texts
from hiwar.site.editions import load_editions
from hiwar.site.pages import article_page

VOCABULARY = load_vocabulary(ROOT / "editorial" / "tags.yml")
CALENDAR = load_calendar(ROOT / "editorial" / "events.yml")
NAMES = load_names(ROOT / "editorial" / "names.yml")
GLOSSARY = load_glossary(ROOT / "editorial" / "glossary.yml")
ARABIC, ENGLISH = load_editions(["ar", "en"])
NEW_SEED = FIXTURES / "new_seed" / "kadhimi_heads_to_washington.txt"


def enriched(path, editorial=None, translations=None, languages=("ar", "en")):
    seed = read_seed(path)
    return enrich(
        seed,
        read_article(seed),
        editorial or Editorial(),
        translations,
        VOCABULARY,
        CALENDAR,
        NAMES,
        GLOSSARY,
        languages,
    )


def editorial(tmp_path, text: str) -> Editorial:
    path = tmp_path / "kadhimi_heads_to_washington.yml"
    path.write_text(text, encoding="utf-8")
    return load_editorial(path, f"editorial/{path.name}", Context(tags=tuple(VOCABULARY)))


# ---- a new seed: everything found automatically -------------------------------------------------------------------------
def test_new_seed_gets_summary_date_people_and_tags_marked_automatic():
    article = enriched(NEW_SEED)
    meta = article_page(article, ARABIC, VOCABULARY).front_matter()
    assert meta["automatic"] == ["date", "entities", "summary", "tags"] and meta["editorial"] == []
    assert article.date == Sourced(PartialDate(2021, 7, 25), AUTOMATIC)
    assert "tomorrow" in article.date_evidence["en"]
    assert article.summary["ar"].value.startswith("يتوجه رئيس الوزراء العراقي مصطفى الكاظمي اليوم الأحد")
    assert article.summary["en"] == Sourced(None, AUTOMATIC)  # no automatic summary in a translation's language
    assert {"strategic-dialogue", "us-military-presence"} <= set(article.tags.value)
    english_names = [entity.labels["en"] for entity in article.entities.value]
    for name in (
        "Mustafa al-Kadhimi",
        "Joe Biden",
        "Esmail Qaani",
        "Quds Force",
        "Popular Mobilization Forces (PMF)",
        "the White House",
        "Iran",
    ):
        assert name in english_names
    assert "Hamas" not in english_names  # حماس here is "enthusiasm"
    assert article.mentions["esmail-qaani"] == [2]  # found under the variant spelling قاءأني


def test_names_are_listed_most_mentioned_first_then_by_id():
    article = enriched(NEW_SEED)
    labels = {name.id: name.labels["en"] for name in NAMES}
    ordered = sorted(article.mentions, key=lambda name_id: (-len(article.mentions[name_id]), name_id))
    assert [entity.labels["en"] for entity in article.entities.value] == [labels[name_id] for name_id in ordered]
    assert [entity.labels["en"] for entity in article.entities.value][:3] == ["Iraq", "Washington", "Baghdad"]


def test_the_events_and_glossary_terms_a_text_discusses_are_found_by_paragraph():
    article = enriched(NEW_SEED)
    assert article.events == {"dialogue-round-4": [4], "biden-kadhimi-agreement": [1]}
    assert article.terms["strategic-dialogue"] == [1, 3]


def test_a_seed_without_title_line_gets_its_opening_words_as_title_and_an_unknown_date():
    article = enriched(FIXTURES / "traits" / "no_title_line.txt")
    opening = article.parsed.blocks[0].text.split()
    assert article.title["ar"] == Sourced(" ".join(opening[:TITLE_WORDS]) + " …", AUTOMATIC)
    assert article.title["en"] == Sourced(None, AUTOMATIC)
    assert article.date == Sourced(None, AUTOMATIC) and article.author is None and article.author_origin is None


# ---- what the seed states ----------------------------------------------------------------------------------------------
def test_the_seeds_title_byline_and_date_line_are_values_from_the_seed():
    article = enriched(FIXTURES / "traits" / "hard_wrapped.txt")
    assert article.title["ar"] == Sourced("الحوار الاستراتيجي بين بغداد وواشنطن: ما الذي تغيّر؟", SEED)
    assert (article.author, article.author_origin) == (Texts(ar="علي حسن"), SEED)
    assert article.date == Sourced(PartialDate(2021, 5, 3), SEED)
    assert article.date_evidence == Texts(
        ar="يذكر سطرٌ في النص الأصلي التاريخ (يوم/شهر/سنة): 03/05/2021",
        en="A line of the original gives the date (day/month/year).",
    )


def test_explanations_are_given_only_in_the_edition_languages_that_have_words_for_them():
    article = enriched(FIXTURES / "traits" / "date_line.txt", languages=("ar", "fr"))
    # knowledge/evidence.yml has Arabic and English words, not French: a French page goes without
    assert article.date_evidence == Texts(ar="يذكر سطرٌ في النص الأصلي التاريخ (يوم/شهر/سنة): 03/05/2021")
    assert set(article.title) == set(article.summary) == {"ar", "fr"}


def test_the_article_is_identified_by_the_slug_of_its_seed_and_keeps_no_second_copy_of_the_text(tmp_path):
    path = tmp_path / "Kadhimi in Washington!.txt"
    path.write_bytes(NEW_SEED.read_bytes())
    article = enriched(path)
    assert (article.id, article.seed.name) == ("kadhimi-in-washington", "Kadhimi in Washington!.txt")
    assert article.seed.text == "" and article.parsed.blocks  # the text lives on in the reader's blocks
    assert article.words == sum(len(words(block.text)) for block in article.parsed.blocks)
    assert article.summary["ar"].value == summarise([b.text for b in article.parsed.blocks if b.kind != "heading"])


# ---- what an editor states -----------------------------------------------------------------------------------------------
def test_an_editor_overrides_any_automatic_value(tmp_path):
    article = enriched(
        NEW_SEED,
        editorial(
            tmp_path,
            "date:\n  value: 2021-07\n  evidence:\n    ar: تقدير المحرر\n    en: The editor's estimate\n"
            "summary:\n  ar: ملخص من المحرر.\n  en: An editor's summary.\ntags: [elections]\n"
            "entities:\n  - kind: person\n    ar: مصطفى الكاظمي\n    en: Mustafa al-Kadhimi\n",
        ),
    )
    meta = article_page(article, ARABIC, VOCABULARY).front_matter()
    assert meta["automatic"] == []
    assert meta["editorial"] == ["date", "entities", "summary", "tags"]
    assert (meta["date"], meta["summary"], meta["tag_ids"]) == ("2021-07", "ملخص من المحرر.", ["elections"])
    assert [e["en"] for e in meta["entities"]] == ["Mustafa al-Kadhimi"]
    assert article.date_evidence == Texts(ar="تقدير المحرر", en="The editor's estimate")
    assert article.summary["en"] == Sourced("An editor's summary.", EDITORIAL)


def test_an_editor_can_state_that_an_article_has_no_tags(tmp_path):
    assert enriched(NEW_SEED, editorial(tmp_path, "tags: []\n")).tags == Sourced([], EDITORIAL)


def test_an_editorial_date_wins_over_the_seeds_date_line(tmp_path):
    article = enriched(FIXTURES / "traits" / "date_line.txt", editorial(tmp_path, "date:\n  value: 2021-05-02\n"))
    assert article.date == Sourced(PartialDate(2021, 5, 2), EDITORIAL) and article.date_evidence is None


def test_an_editorial_author_wins_over_the_byline(tmp_path):
    article = enriched(
        FIXTURES / "traits" / "byline_biqalam.txt",
        editorial(tmp_path, "author:\n  ar: علي حسن الموسوي\n  en: Ali Hassan al-Musawi\n"),
    )
    assert (article.author["en"], article.author_origin) == ("Ali Hassan al-Musawi", EDITORIAL)


@pytest.mark.parametrize(
    "stated,expected",
    [
        (
            "title:\n  ar: عنوان آخر\n  en: Another title\n",
            {"ar": Sourced("مستقبل الوجود الأمريكي", SEED), "en": Sourced("Another title", EDITORIAL)},
        ),
        (
            "",
            {"ar": Sourced("مستقبل الوجود الأمريكي", SEED), "en": Sourced("The future of the US presence", EDITORIAL)},
        ),
    ],
    ids=["the editor's title", "the translated title line"],
)
def test_a_translations_title_is_the_editors_or_else_the_translated_title_line(tmp_path, stated, expected):
    seed_path = FIXTURES / "translations" / "headings.txt"
    seed = read_seed(seed_path)
    parsed = read_article(seed)
    english = load_translation(
        FIXTURES / "translations" / "headings.en.txt", "editorial/headings.en.txt", "en", parsed, seed.text
    )
    article = enrich(seed, parsed, editorial(tmp_path, stated) if stated else Editorial(), {"en": english}, VOCABULARY)
    assert article.title == expected  # the seed's own title line stays the Arabic title
