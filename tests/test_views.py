"""What templates see (site/view.py, site/views.py): one view of the article per edition, made from the model and
the language tables, every string escaped once, so templates print values as they are."""

from __future__ import annotations

import dataclasses

import pytest

from conftest import ROOT
from hiwar.knowledge.vocabulary import load_vocabulary
from hiwar.model.article import AUTOMATIC, Sourced
from hiwar.site.editions import MissingString, load_editions
from hiwar.site.markup import escaped_view
from hiwar.site.pages import article_page
from hiwar.site.view import PageView
from hiwar.site.views import article_view

EDITIONS = load_editions(["ar", "en"])
ARABIC, ENGLISH = EDITIONS
SITE_URL = "https://hiwar.example.org/"


VOCABULARY = load_vocabulary(ROOT / "editorial" / "tags.yml")


@pytest.fixture(scope="module")
def articles(project_collection):
    return {article.id: article for article in project_collection.articles}


def view_of(article, edition=ENGLISH):
    return article_view(article, edition, EDITIONS, SITE_URL, f"{edition.prefix}articles/{article.id}/", VOCABULARY)


def test_an_articles_view_gives_its_date_author_and_reading_time_in_the_editions_words(articles):
    view = view_of(articles["001_9f79dd596af1e7b3"])
    assert (view.date_iso, view.date_display, view.date_precision) == ("2021-07-25", "25 July 2021", "day")
    assert (view.date_origin, view.date_automatic) == (ENGLISH.t("about.origin_editorial"), False)
    assert view.author == "Doaa Abdelnabi" and view.publisher is None
    minutes = articles["001_9f79dd596af1e7b3"].reading_minutes(ENGLISH.words_per_minute)
    assert view.reading_time == f"{minutes} min read"
    assert (view.translation_status, view.pending) == (ENGLISH.t("about.status_complete"), False)


def test_a_translations_view_names_the_original_title_and_each_entity_in_both_languages(articles):
    article = articles["001_9f79dd596af1e7b3"]
    view = view_of(article)
    assert view.original_title == article.title["ar"].value
    assert view.entities[0].label == article.entities.value[0].labels["en"]
    assert view.entities[0].original == article.entities.value[0].labels["ar"]
    original = view_of(article, ARABIC)
    assert original.original_title is None and original.entities[0].original is None


def test_the_original_is_marked_with_the_language_and_direction_of_the_source_edition(articles):
    article = articles["001_9f79dd596af1e7b3"]
    assert (view_of(article).original_lang, view_of(article).original_dir) == ("ar", "rtl")
    # the direction is the source edition's table's, not the code's
    table = dataclasses.replace(ARABIC.table, strings={**ARABIC.table.strings, "language.direction": "ltr"})
    editions = (dataclasses.replace(ARABIC, table=table), ENGLISH)
    view = article_view(article, ENGLISH, editions, SITE_URL, f"en/articles/{article.id}/", VOCABULARY)
    assert (view.original_lang, view.original_dir) == ("ar", "ltr")


def test_the_reference_files_are_linked_relative_to_the_page(articles):
    view = view_of(articles["001_9f79dd596af1e7b3"])
    assert [(link.label, link.href) for link in view.downloads] == [
        ("CSL-JSON", "../../citations/001_9f79dd596af1e7b3.en.csl.json"),
        ("RIS", "../../citations/001_9f79dd596af1e7b3.en.ris"),
        ("BibTeX", "../../citations/001_9f79dd596af1e7b3.en.bib"),
    ]
    assert view.print_url == "https://hiwar.example.org/en/articles/001_9f79dd596af1e7b3/"


def test_before_its_translation_a_page_has_no_metadata_or_files_to_cite_and_says_it_is_pending(articles):
    article = articles["002_344b185d2b28595d"]
    pending = dataclasses.replace(article, translations={}, title={**article.title, "en": Sourced(None, AUTOMATIC)})
    view = view_of(pending)
    assert view.pending and view.meta == [] and view.json_ld is None and view.downloads == []
    assert view.translation_status == ENGLISH.t("about.status_missing")
    assert view.translated_paragraphs == 0 and view.paragraphs == len(article.parsed.numbered)


def test_the_citation_is_text_whose_arabic_runs_are_marked_on_an_english_page(articles):
    view = view_of(articles["001_9f79dd596af1e7b3"])
    arabic = [run.text for run in view.cite if run.lang == "ar"]
    assert arabic and all(run.dir == "rtl" for run in view.cite if run.lang)
    assert "".join(run.text for run in view.cite).startswith("Doaa Abdelnabi. “Shortly before")
    assert view.bibtex[0].text.startswith("@online{hiwar:001_9f79dd596af1e7b3:en,")


def test_what_the_view_says_of_the_article_is_what_its_front_matter_says(articles):
    article = articles["002_344b185d2b28595d"]
    view, page = view_of(article), article_page(article, ENGLISH, VOCABULARY)
    assert (view.date_iso, view.date_display, view.date_precision, view.evidence) == (
        page.date_datetime,
        page.date_display,
        page.date_precision_label,
        page.date_evidence,
    )
    assert (view.author, view.publisher, view.summary, view.original_title, view.seed, view.seed_sha256) == (
        page.author,
        page.publisher,
        page.summary,
        page.original_title,
        page.seed,
        page.seed_sha256,
    )
    assert (view.translated_paragraphs, view.paragraphs) == (page.translated_paragraphs, page.paragraphs)
    assert [(e.label, e.original) for e in view.entities] == [(e.labels["en"], e.labels["ar"]) for e in page.entities]


def test_an_automatic_date_and_summary_are_marked_as_such(articles):
    article = dataclasses.replace(
        articles["004_619acb7bf2d5c641"],
        date=Sourced(None, AUTOMATIC),
        summary={**articles["004_619acb7bf2d5c641"].summary, "en": Sourced("Found.", AUTOMATIC)},
    )
    view = view_of(article)
    assert view.date_automatic and view.summary_automatic and view.date_iso is None
    assert view.date_display == ENGLISH.t("dates.unknown") and view.date_origin == ENGLISH.t("about.origin_automatic")


def page_view(**fields) -> PageView:
    return PageView(
        **{
            "lang": "en",
            "dir": "ltr",
            "site_name": "Hiwar",
            "title": "t",
            "heading": "h",
            "alternates": [],
            "problems": [],
            "edition": ENGLISH,
            **fields,
        }
    )


def test_a_page_views_strings_are_escaped_once_and_its_edition_is_left_as_an_object():
    view = escaped_view(page_view(problems=['seeds/<b>.txt: "bad"']))
    assert view.problems == ["seeds/&lt;b&gt;.txt: &#34;bad&#34;"]
    assert view.edition is ENGLISH


def test_a_template_asks_for_ui_strings_by_key_escaped_and_an_unknown_key_is_an_error():
    view = page_view()
    assert view.t("article.reading_time", minutes="<3>") == "&lt;3&gt; min read"
    with pytest.raises(MissingString, match="no string 'article.nothing'"):
        view.t("article.nothing")
