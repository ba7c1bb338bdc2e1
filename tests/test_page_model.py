"""An article page's front matter is one typed value (model/page.py): the converter writes it (`make pages`), MkDocs
reads it back, and the reader checks it into the same value; the feeds, exports and the templates' view read it."""

from __future__ import annotations

import dataclasses

import pytest
import yaml

from conftest import read_article_page, split_page
from hiwar.model.article import AUTOMATIC, Sourced
from hiwar.model.page import ArticlePage, PageFormatError
from hiwar.site.editions import load_editions
from hiwar.site.pages import article_page, front_matter, render_article

EDITIONS = load_editions(["ar", "en"])
ARABIC, ENGLISH = EDITIONS
# The keys of the documented interface (README, "The converter's Markdown"), in the order the converter writes them.
KEYS = [
    "title",
    "description",
    "date",
    "date_precision",
    "date_display",
    "date_precision_label",
    "date_datetime",
    "date_published",
    "date_evidence",
    "date_origin",
    "author",
    "publisher",
    "summary",
    "tags",
    "tag_ids",
    "automatic",
    "editorial",
    "article",
    "seed",
    "seed_sha256",
    "words",
    "reading_minutes",
    "translation",
    "translations",
    "translated_paragraphs",
    "paragraphs",
    "original_title",
    "entities",
    "mentions",
    "notes",
]


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda e: e.lang)
def test_every_article_page_reads_back_as_the_value_the_converter_wrote(project_collection, edition):
    for article in project_collection.articles:
        page = article_page(article, edition, project_collection.vocabulary)
        data, _ = split_page(render_article(article, edition, EDITIONS, project_collection.vocabulary))
        assert list(data) == [key for key in KEYS if key in page.front_matter()]
        assert ArticlePage.from_front_matter(data) == page


def test_author_and_publisher_are_left_out_when_the_text_states_none_and_every_other_key_is_always_there(
    project_collection,
):
    article = dataclasses.replace(
        project_collection.articles[0], author=None, publisher=None, date=Sourced(None, AUTOMATIC)
    )
    data = article_page(article, ENGLISH, project_collection.vocabulary).front_matter()
    assert "author" not in data and "publisher" not in data
    assert data["date"] is None and data["date_precision"] == "unknown" and list(data)[:3] == KEYS[:3]
    assert ArticlePage.from_front_matter(data).date_value is None


def test_entities_are_written_flat_with_one_label_per_language(project_collection):
    article = next(a for a in project_collection.articles if a.entities.value)
    data = yaml.safe_load(
        front_matter(article_page(article, ENGLISH, project_collection.vocabulary).front_matter()).strip("-\n")
    )
    entity = article.entities.value[0]
    assert data["entities"][0] == {"kind": entity.kind, **entity.labels}


@pytest.mark.parametrize(
    "change,where",
    [
        ({"words": "many"}, "$.words"),
        ({"translation": "half"}, "$.translation"),
        ({"surprise": 1}, "surprise"),
        ({"date": "2021-13-01"}, "$.date"),
        ({"date": "2024-02-02/2024-01-30"}, "$.date"),
        ({"notes": [{"kind": "editor"}]}, "paragraph"),
    ],
)
def test_a_front_matter_that_is_not_an_article_pages_is_refused_naming_the_key(project_collection, change, where):
    data = article_page(project_collection.articles[0], ENGLISH, project_collection.vocabulary).front_matter()
    with pytest.raises(PageFormatError, match=where.replace("$", r"\$")):
        ArticlePage.from_front_matter({**data, **change})
    missing = dict(data)
    del missing["seed_sha256"]
    with pytest.raises(PageFormatError, match="seed_sha256"):
        ArticlePage.from_front_matter(missing)


def test_the_pages_of_make_pages_read_as_article_pages(pages):
    for lang in ("ar", "en"):
        for path in sorted((pages / lang / "articles").glob("*.md")):
            page, body = read_article_page(path)
            assert page.article == path.stem and page.date_value is not None and body
