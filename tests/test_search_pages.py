"""What the search knows of a page (site/search_pages.py): articles from the model, other pages from the text MkDocs
rendered (without their title, permalinks, glosses and ¶ numbers), continuation and side-by-side pages left out, and
an edition's documents handed from one process to another unchanged."""

from __future__ import annotations

import dataclasses

import msgspec
import pytest

from hiwar.build.edition import Document
from hiwar.model.article import AUTOMATIC, Sourced
from hiwar.site.editions import load_editions
from hiwar.site.search import SearchDocument
from hiwar.site.search_pages import ARTICLE_BOOST, PAGE_BOOST, article_document, indexed, ordered, page_document

ARABIC, ENGLISH = load_editions(["ar", "en"])
RENDERED = (
    '<h1 id="t">Topics</h1><h2 id="iran">Iran<a class="headerlink" href="#iran" title="Link">#</a></h2>'
    '<p><a aria-label="Paragraph 1" class="hiwar-pnum" href="#p-1">1</a> The <span class="hiwar-term">PMF'
    '<span class="hiwar-gloss" dir="rtl" lang="ar" role="tooltip">الحشد <span>الشعبي</span></span></span>'
    '&amp; Tehran<!-- a comment -->, <span lang="ar" dir="rtl">بغداد</span><br/>'
    '<time datetime="2021">2021</time></p>'
)


@pytest.mark.parametrize(
    "path,searched",
    [
        ("articles/x.md", True),
        ("topics/iran.md", True),
        ("index.md", True),
        ("about.md", True),
        ("topics/iran/2.md", False),
        ("people/kadhimi/3.md", False),  # the rest of a listing
        ("parallel/x.md", False),
        ("topics/years/2021.md", False),
    ],
)
def test_which_pages_are_searched(path, searched):
    assert indexed(path) is searched


def test_a_page_is_described_by_its_rendered_text_without_what_is_not_its_text():
    document = page_document("<b>Topics</b> - Hiwar", RENDERED, "en/topics/", "en")
    assert document == SearchDocument(
        url="en/topics/", lang="en", title="Topics - Hiwar", text="Iran The PMF & Tehran , بغداد 2021", boost=PAGE_BOOST
    )


def test_an_article_is_described_from_the_model_in_the_editions_language(project_collection):
    article = next(a for a in project_collection.articles if a.id == "000_683b6dac8a733867")
    names = {name.id: name for name in project_collection.names}
    tags = {tag.id: tag.labels["en"] for tag in project_collection.vocabulary.values()}
    document = article_document(article, ENGLISH, "en/articles/000_683b6dac8a733867/", names, tags)
    assert (document.lang, document.boost, document.date) == ("en", ARTICLE_BOOST, "between 17 and 19 August 2020")
    assert document.title == article.title["en"].value
    assert document.text.startswith(article.translations["en"].lines[article.parsed.numbered[0].line][:40])
    assert article.notes[0].text["en"] in document.text  # the notes are on the page too
    for name_id in article.mentions:  # every spelling of every name it mentions, in every language
        name = names[name_id]
        assert all(label in document.extra for label in name.labels.values())
        assert all(" ".join(form) in document.extra for form in name.forms)
    assert tags[article.tags.value[0]] in document.extra and article.summary["en"].value in document.extra


def test_an_article_an_edition_has_no_text_of_is_not_searched_there(project_collection):
    untranslated = dataclasses.replace(project_collection.articles[0], translations={})
    assert article_document(untranslated, ENGLISH, "en/articles/x/", {}, {}) is None
    assert article_document(untranslated, ARABIC, "articles/x/", {}, {}) is not None


def test_an_undated_article_has_no_date_beside_its_title(project_collection):
    undated = dataclasses.replace(project_collection.articles[0], date=Sourced(None, AUTOMATIC))
    assert article_document(undated, ARABIC, "articles/x/", {}, {}).date == ""


def test_an_editions_documents_cross_to_the_sites_build_unchanged_and_sort_by_edition_and_address():
    documents = [
        SearchDocument("en/b/", "en", "B", "نص"),
        SearchDocument("a/", "ar", "أ", "text", "extra", 0.25, "2021"),
        SearchDocument("en/a/", "en", "A", "t"),
    ]
    crossed = msgspec.msgpack.decode(msgspec.msgpack.encode([Document.of(d) for d in documents]), type=list[Document])
    assert [document.search_document() for document in crossed] == documents
    assert [d.url for d in ordered(documents)] == ["a/", "en/a/", "en/b/"]
