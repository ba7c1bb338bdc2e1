"""An article as a reference (site/reference.py) and everything made from that one record: the suggested citation
and biblatex (site/citations.py), the CSL-JSON, RIS and BibTeX files (site/exports.py) and the metadata a page
carries (site/metadata.py). Dates are exact where the format can hold them, and never claim more than the article's
date fixes where it cannot."""

from __future__ import annotations

import dataclasses
import json

import bibtexparser
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bibtex_reader import read_bibtex
from conftest import ROOT
from hiwar.ingest.naming import slug
from hiwar.ingest.seed import normalise
from hiwar.knowledge.vocabulary import load_vocabulary
from hiwar.model.article import AUTOMATIC, Sourced
from hiwar.model.dates import DateRange, PartialDate, parse_date_value
from hiwar.site.citations import biblatex, bibtex_text, bibtex_url, citation_text
from hiwar.site.editions import load_editions
from hiwar.site.exports import FORMATS, bibtex, collection_files, csl_json, edition_files, ris
from hiwar.site.markup import Run, escaped_view, language_runs
from hiwar.site.metadata import article_metadata
from hiwar.site.reference import csl_date, csl_item, date_value, items_of, machine_date, page_url
from hiwar.site.urls import href as url_path

EDITIONS = load_editions(["ar", "en"])
ARABIC, ENGLISH = EDITIONS
SITE_URL = "https://hiwar.example.org/"
BY_AUTHOR, INTERVAL, PUBLISHED_BY = "001_9f79dd596af1e7b3", "002_344b185d2b28595d", "004_619acb7bf2d5c641"
VOCABULARY = load_vocabulary(ROOT / "editorial" / "tags.yml")


@pytest.fixture(scope="module")
def articles(project_collection):
    return {article.id: article for article in project_collection.articles}


def record(articles, article_id, edition=ARABIC):
    return csl_item(articles[article_id], edition, EDITIONS, SITE_URL, VOCABULARY)


def metadata_of(article, edition, description):
    return article_metadata(
        article, edition, EDITIONS, SITE_URL, description, csl_item(article, edition, EDITIONS, SITE_URL, VOCABULARY)
    )


# ---- the record ----------------------------------------------------------------------------------------------------------
def test_the_record_of_the_original_holds_what_the_text_and_the_editors_state(articles):
    item = record(articles, BY_AUTHOR)
    assert {key: item[key] for key in ("id", "type", "author", "issued", "container-title", "URL", "language")} == {
        "id": "hiwar:001_9f79dd596af1e7b3:ar",
        "type": "webpage",
        "author": [{"literal": "دعاء عبدالنبي"}],
        "issued": {"date-parts": [[2021, 7, 25]]},
        "container-title": "حوار",
        "URL": "https://hiwar.example.org/articles/001_9f79dd596af1e7b3/",
        "language": "ar",
    }
    assert item["title"] == articles[BY_AUTHOR].title["ar"].value
    assert item["abstract"] == articles[BY_AUTHOR].summary["ar"].value
    assert not {"translator", "original-title", "custom", "publisher"} & set(item)
    assert record(articles, PUBLISHED_BY)["publisher"] == "حفريات" and "author" not in record(articles, PUBLISHED_BY)


def test_the_record_of_a_translation_names_its_original_and_its_translator(articles):
    item = record(articles, BY_AUTHOR, ENGLISH)
    assert (item["id"], item["language"], item["container-title"]) == ("hiwar:001_9f79dd596af1e7b3:en", "en", "Hiwar")
    assert item["original-title"] == articles[BY_AUTHOR].title["ar"].value
    assert item["translator"] == [{"literal": "Hiwar team"}]
    assert item["custom"] == {
        "translation-of": "hiwar:001_9f79dd596af1e7b3:ar",
        "original-language": "ar",
        "original-URL": "https://hiwar.example.org/articles/001_9f79dd596af1e7b3/",
    }


def test_only_editions_that_have_the_text_give_a_record(articles):
    untranslated = dataclasses.replace(articles[BY_AUTHOR], translations={})
    assert [item["language"] for item in items_of(untranslated, EDITIONS, SITE_URL, VOCABULARY)] == ["ar"]
    assert [item["language"] for item in items_of(articles[BY_AUTHOR], EDITIONS, SITE_URL, VOCABULARY)] == ["ar", "en"]


def test_an_address_percent_encodes_a_slug_in_arabic_letters(articles):
    arabic_slug = dataclasses.replace(articles[BY_AUTHOR], id="مقال")
    assert (
        page_url("https://hiwar.example.org", ENGLISH, arabic_slug)
        == "https://hiwar.example.org/en/articles/%D9%85%D9%82%D8%A7%D9%84/"
    )


@pytest.mark.parametrize(
    "text,parts",
    [
        ("2021-07-25", [[2021, 7, 25]]),
        ("2021-07", [[2021, 7]]),
        ("2021", [[2021]]),
        ("2024-01-30/2024-02-02", [[2024, 1, 30], [2024, 2, 2]]),
        ("2021-07/2021-08", [[2021, 7], [2021, 8]]),
    ],
)
def test_a_date_is_written_exactly_as_date_parts_and_read_back(text, parts):
    value = parse_date_value(text, 2030)
    assert csl_date(value) == {"date-parts": parts}
    assert date_value(csl_date(value)) == value


@pytest.mark.parametrize(
    "text,machine",
    [
        ("2021-07-25", "2021-07-25"),
        ("2021-07-26/2021-07-31", "2021-07"),
        ("2024-01-30/2024-02-02", "2024"),
        ("2023-12-30/2024-01-02", None),  # no year holds it: no date at all rather than a wrong one
    ],
)
def test_a_format_without_intervals_gets_the_smallest_unit_that_holds_the_date_or_none(text, machine):
    found = machine_date(parse_date_value(text, 2030))
    assert (found.iso() if found else None) == machine
    assert machine_date(None) is None


# ---- the suggested citation and biblatex -----------------------------------------------------------------------------------
def test_the_suggested_citation_is_written_in_the_pages_language(articles):
    original, translation = record(articles, BY_AUTHOR), record(articles, BY_AUTHOR, ENGLISH)
    assert citation_text(original, ARABIC) == (
        f"دعاء عبدالنبي، «{original['title']}»، حوار، 25 تموز/يوليو 2021. {original['URL']}"
    )
    assert citation_text(translation, ENGLISH) == (
        f"Doaa Abdelnabi. “{translation['title']}.” Translated from the Arabic “{original['title']}” by the Hiwar team. "
        f"Hiwar, 25 July 2021. {translation['URL']}"
    )


def test_a_citation_gives_an_interval_in_words_and_says_when_there_is_no_date(articles):
    assert "Hiwar, between 30 January and 2 February 2024." in citation_text(
        record(articles, INTERVAL, ENGLISH), ENGLISH
    )
    undated = dataclasses.replace(articles[INTERVAL], date=Sourced(None, AUTOMATIC))
    assert "Hiwar, undated. https://" in citation_text(
        csl_item(undated, ENGLISH, EDITIONS, SITE_URL, VOCABULARY), ENGLISH
    )


def test_a_title_that_ends_with_its_own_punctuation_takes_no_added_full_stop(articles):
    asked = dataclasses.replace(
        articles[BY_AUTHOR], title={**articles[BY_AUTHOR].title, "en": Sourced("Who wins?", "editorial")}
    )
    assert "“Who wins?” Translated" in citation_text(csl_item(asked, ENGLISH, EDITIONS, SITE_URL, VOCABULARY), ENGLISH)


def test_a_citation_is_text_in_runs_and_an_arabic_run_on_another_languages_page_says_its_language():
    assert language_runs("Al-Kadhimi «الكاظمي» & <co>", "en") == [
        Run("Al-Kadhimi «"),
        Run("الكاظمي»", "ar", "rtl"),
        Run(" & <co>"),
    ]
    assert language_runs("الكاظمي & <co>", "ar") == [Run("الكاظمي & <co>")]
    # The template prints the escaped view: no text reads as an attribute to a tool that scans the page for links
    # (zimcheck).
    assert escaped_view(Run("<img src='x'> \"y\"")).text == "&lt;img src=&#39;x&#39;&gt; &#34;y&#34;"


def test_biblatex_keeps_the_date_exact_names_whole_and_links_a_translation_to_its_original(articles):
    entry = biblatex(record(articles, INTERVAL, ENGLISH), EDITIONS, related=True)
    assert entry.startswith("@online{hiwar:002_344b185d2b28595d:en,\n")
    for line in (
        "  date = {2024-01-30/2024-02-02},",
        "  translator = {{Hiwar team}},",
        "  langid = {british},",
        "  origlanguage = {arabic},",
        "  related = {hiwar:002_344b185d2b28595d:ar},",
        "  relatedtype = {translationof},",
    ):
        assert line in entry.splitlines()
    assert "related" not in biblatex(record(articles, INTERVAL, ENGLISH), EDITIONS, related=False)
    assert "  author = {{دعاء عبدالنبي}}," in biblatex(record(articles, BY_AUTHOR), EDITIONS).splitlines()


def test_characters_bibtex_gives_meaning_to_print_as_themselves():
    assert bibtex_text("50% of {a_b} & $c #1 ^ ~ \\ x") == (
        r"50\% of {\textbraceleft}a\_b{\textbraceright} \& \$c \#1 "
        r"{\textasciicircum} {\textasciitilde} {\textbackslash} x"
    )
    assert (
        bibtex_text("a -- b --- c '' d `` e !` f ?` g ,, h << i >> j")
        == "a -{}- b -{}-{}- c '{}' d `{}` e !{}` f ?{}` g ,{}, h <{}< i >{}> j"
    )
    assert bibtex_text(" two\n lines ") == "two lines"
    assert bibtex_url("https://x.example/a b/{c}\\d%D8%A7/") == "https://x.example/a%20b/%7Bc%7D%5Cd%D8%A7/"


# ---- BibTeX holds text as text: read back by pybtex (and bibtexparser) --------------------------------------------------
# Text as the schema and the seed reader hand it on (seed.normalise, runs of whitespace made one space), made of what
# BibTeX and LaTeX give a meaning to: braces alone or in pairs, backslashes before them, comment, math and macro
# characters, ligatures, quotes, ` and ` in a name, what would start a field or an entry, Arabic.
PIECES = [
    "{",
    "}",
    "\\",
    "\\{",
    "\\}",
    "%",
    "#",
    "~",
    "$",
    "&",
    "_",
    "^",
    "@",
    '"',
    "'",
    "`",
    "-",
    "--",
    "''",
    "``",
    "!`",
    "?`",
    ",",
    "<<",
    ">>",
    "=",
    " and ",
    "{}",
    "}, url = {https://evil.example/",
    '} @misc{x, title = "',
    "\\textbf{x}",
    "العراق",
    "الحوار ",
    "\n",
    " ",
]
TEXT = (
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(min_size=1, max_size=3)), min_size=1, max_size=12)
    .map(lambda parts: " ".join(normalise("".join(parts)).split()))
    .filter(bool)
)
SLUG = st.text(min_size=1, max_size=20).map(slug).filter(bool)
TRANSLATION_FIELDS = {
    "title",
    "author",
    "translator",
    "date",
    "organization",
    "publisher",
    "url",
    "langid",
    "origtitle",
    "origlanguage",
    "related",
    "relatedtype",
}


def translation_record(article_id, title, authors, translator, site, publisher, original_title) -> dict:
    """A translation's record as reference.csl_item makes it, every text field given."""
    return {
        "id": f"hiwar:{article_id}:en",
        "type": "webpage",
        "title": title,
        "author": [{"literal": a} for a in authors],
        "issued": {"date-parts": [[2024, 1, 30], [2024, 2, 2]]},
        "container-title": site,
        "publisher": publisher,
        "URL": f"{SITE_URL}{url_path(f'en/articles/{article_id}/')}",
        "language": "en",
        "original-title": original_title,
        "translator": [{"literal": translator}],
        "custom": {
            "translation-of": f"hiwar:{article_id}:ar",
            "original-language": "ar",
            "original-URL": f"{SITE_URL}{url_path(f'articles/{article_id}/')}",
        },
    }


@given(
    article_id=SLUG,
    title=TEXT,
    authors=st.lists(TEXT, min_size=1, max_size=2),
    translator=TEXT,
    site=TEXT,
    publisher=TEXT,
    original_title=TEXT,
)
@settings(max_examples=150, deadline=None)
def test_every_text_field_of_a_biblatex_entry_reads_back_as_its_text(
    article_id, title, authors, translator, site, publisher, original_title
):
    item = translation_record(article_id, title, authors, translator, site, publisher, original_title)
    written = biblatex(item, EDITIONS, related=True)
    entries = read_bibtex(written)
    assert list(entries) == [item["id"]]
    entry = entries[item["id"]]
    assert entry.type == "online"
    assert set(entry.fields) | set(entry.names) == TRANSLATION_FIELDS
    assert (entry.text("title"), entry.text("origtitle")) == (title, original_title)
    assert (entry.text("organization"), entry.text("publisher")) == (site, publisher)
    assert entry.names_text("author") == authors and entry.names_text("translator") == [translator]
    assert (entry.fields["url"], entry.fields["related"]) == (item["URL"], f"hiwar:{article_id}:ar")
    assert (
        entry.fields["date"],
        entry.fields["langid"],
        entry.fields["origlanguage"],
        entry.fields["relatedtype"],
    ) == ("2024-01-30/2024-02-02", "british", "arabic", "translationof")
    # bibtexparser, the other Python reader, sees the same entry and the same values
    library = bibtexparser.parse_string(written)
    assert not library.failed_blocks and [e.key for e in library.entries] == [item["id"]]
    assert {f.key: f.value for f in library.entries[0].fields} == {
        **entry.fields,
        **{role: " and ".join(names) for role, names in entry.names.items()},
    }


def test_a_collection_with_a_hostile_article_reads_back_whole(articles):
    hostile = {"ar": "عنوان } فيه @online{x, title = {", "en": "A } title, url = {https://evil.example/} \\ -- ''50%''"}
    article = dataclasses.replace(
        articles[BY_AUTHOR], title={lang: Sourced(text, "editorial") for lang, text in hostile.items()}
    )
    items = [
        item
        for a in (*articles.values(), article)
        if a is not articles[BY_AUTHOR]
        for item in items_of(a, EDITIONS, SITE_URL, VOCABULARY)
    ]
    entries = read_bibtex(bibtex(items, EDITIONS, related=True).decode("utf-8"))
    assert list(entries) == [item["id"] for item in items]  # every entry, and nothing more
    for item in items:
        assert entries[item["id"]].text("title") == item["title"]
        assert entries[item["id"]].fields["url"] == item["URL"]
    assert entries["hiwar:001_9f79dd596af1e7b3:en"].text("origtitle") == hostile["ar"]


# ---- the reference files -------------------------------------------------------------------------------------------------
def ris_fields(data: bytes) -> list[tuple[str, str]]:
    return [(line[:2], line[6:]) for line in data.decode("utf-8").splitlines() if line[2:6] == "  - "]


def test_ris_gives_an_interval_as_its_enclosing_unit_and_the_exact_window_in_words(articles):
    data = ris([record(articles, INTERVAL, ENGLISH)], EDITIONS)
    fields = ris_fields(data)
    assert ("PY", "2024") in fields and ("DA", "2024///") in fields
    assert ("N1", "Published: between 30 January and 2 February 2024") in fields
    assert ("A4", "Hiwar team") in fields and ("OP", articles[INTERVAL].title["ar"].value) in fields
    assert data.decode("utf-8").startswith("TY  - ELEC")  # no numbered line before a record


def test_ris_states_no_date_for_a_window_across_years(articles):
    across = dataclasses.replace(
        articles[INTERVAL], date=Sourced(DateRange(PartialDate(2023, 12, 30), PartialDate(2024, 1, 2)), "editorial")
    )
    fields = ris_fields(ris([csl_item(across, ENGLISH, EDITIONS, SITE_URL, VOCABULARY)], EDITIONS))
    assert not [f for f in fields if f[0] in ("PY", "DA")]
    assert ("N1", "Published: between 30 December 2023 and 2 January 2024") in fields


def test_the_csl_json_file_gives_an_interval_as_one_date_reference_managers_read_and_the_window_in_the_note(articles):
    """Zotero's import keeps the first end of a two-date `issued` (a day the evidence does not fix); citeproc-py fails
    on an interval inside a month: the file gives the unit enclosing the window, the record stays exact."""
    item = record(articles, INTERVAL, ENGLISH)
    assert item["issued"] == {"date-parts": [[2024, 1, 30], [2024, 2, 2]]}
    (written,) = json.loads(csl_json([item], EDITIONS))
    assert written["issued"] == {"date-parts": [[2024]]}
    assert written["note"] == "Published: between 30 January and 2 February 2024"
    assert {k: v for k, v in written.items() if k not in ("issued", "note")} == {
        k: v for k, v in item.items() if k != "issued"
    }


def test_the_csl_json_file_states_no_date_for_a_window_across_years_and_keeps_a_single_date_as_it_is(articles):
    across = dataclasses.replace(
        articles[INTERVAL], date=Sourced(DateRange(PartialDate(2023, 12, 30), PartialDate(2024, 1, 2)), "editorial")
    )
    (written,) = json.loads(csl_json([csl_item(across, ENGLISH, EDITIONS, SITE_URL, VOCABULARY)], EDITIONS))
    assert "issued" not in written and written["note"] == "Published: between 30 December 2023 and 2 January 2024"
    single = record(articles, BY_AUTHOR, ENGLISH)
    assert json.loads(csl_json([single], EDITIONS)) == [single]


def test_each_edition_has_three_files_per_article_it_has_the_text_of(articles):
    kept = [articles[BY_AUTHOR], dataclasses.replace(articles[INTERVAL], translations={})]
    files = edition_files(ENGLISH, EDITIONS, kept, SITE_URL, VOCABULARY)
    assert sorted(files) == [
        "en/citations/001_9f79dd596af1e7b3.en.bib",
        "en/citations/001_9f79dd596af1e7b3.en.csl.json",
        "en/citations/001_9f79dd596af1e7b3.en.ris",
    ]
    assert json.loads(files["en/citations/001_9f79dd596af1e7b3.en.csl.json"]) == [record(articles, BY_AUTHOR, ENGLISH)]


def test_the_collection_holds_every_edition_of_every_article_in_each_format(articles):
    files = collection_files(EDITIONS, [articles[BY_AUTHOR], articles[INTERVAL]], SITE_URL, VOCABULARY)
    assert sorted(files) == sorted(f"citations/hiwar.{fmt.suffix}" for fmt in FORMATS)
    items = json.loads(files["citations/hiwar.csl.json"])
    assert [item["id"] for item in items] == [
        "hiwar:001_9f79dd596af1e7b3:ar",
        "hiwar:001_9f79dd596af1e7b3:en",
        "hiwar:002_344b185d2b28595d:ar",
        "hiwar:002_344b185d2b28595d:en",
    ]
    assert files["citations/hiwar.bib"].decode("utf-8").count("relatedtype = {translationof}") == 2


# ---- the page's metadata ----------------------------------------------------------------------------------------------------
def tags_of(metadata) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for tag in metadata.tags:
        found.setdefault(tag.key, []).append(tag.content)
    return found


def test_a_pages_metadata_states_the_date_each_format_can_hold(articles):
    day = tags_of(metadata_of(articles[BY_AUTHOR], ARABIC, "d"))
    assert day["citation_publication_date"] == ["2021/07/25"] and day["DC.date"] == ["2021-07-25"]
    window = tags_of(metadata_of(articles[INTERVAL], ENGLISH, "d"))
    assert window["citation_publication_date"] == ["2024"] and window["article:published_time"] == ["2024"]


def test_a_translations_metadata_names_its_original_and_the_originals_names_its_translations(articles):
    english = metadata_of(articles[INTERVAL], ENGLISH, "A description")
    original_url = "https://hiwar.example.org/articles/002_344b185d2b28595d/"
    tags = tags_of(english)
    assert tags["DC.source"] == [original_url] and tags["DC.relation"] == [original_url]
    assert (tags["og:locale"], tags["og:locale:alternate"], tags["og:description"]) == (
        ["en_GB"],
        ["ar_AR"],
        ["A description"],
    )
    data = json.loads(str(english.json_ld))
    assert data["translationOfWork"]["@id"] == original_url and data["isBasedOn"] == original_url
    assert "workTranslation" not in data
    arabic = json.loads(str(metadata_of(articles[INTERVAL], ARABIC, "d").json_ld))
    assert arabic["workTranslation"] == [
        {
            "@type": "AnalysisNewsArticle",
            "inLanguage": "en",
            "@id": "https://hiwar.example.org/en/articles/002_344b185d2b28595d/",
        }
    ]
    assert "DC.source" not in tags_of(metadata_of(articles[INTERVAL], ARABIC, "d"))


def test_the_people_and_places_an_article_is_about_leave_out_its_author(articles):
    article = articles[BY_AUTHOR]
    data = json.loads(str(metadata_of(article, ENGLISH, "d").json_ld))
    about = {entry["name"] for entry in data["about"]}
    assert data["author"] == [{"@type": "Person", "name": "Doaa Abdelnabi"}]
    assert "Doaa Abdelnabi" not in about
    assert {entry["@type"] for entry in data["about"]} <= {"Person", "Place"}  # organisations are not asked for
    named = dataclasses.replace(
        article,
        entities=Sourced(
            [
                *article.entities.value,
                dataclasses.replace(article.entities.value[0], kind="person", labels=article.author),
            ],
            "editorial",
        ),
    )
    assert "Doaa Abdelnabi" not in {
        e["name"] for e in json.loads(str(metadata_of(named, ENGLISH, "d").json_ld))["about"]
    }


def test_json_ld_cannot_close_its_script_element(articles):
    hostile = dataclasses.replace(
        articles[BY_AUTHOR],
        title={**articles[BY_AUTHOR].title, "en": Sourced("</script><script>alert(1)</script>", "editorial")},
    )
    text = str(metadata_of(hostile, ENGLISH, "d").json_ld)
    assert "<" not in text and json.loads(text)["headline"] == "</script><script>alert(1)</script>"
