"""What a build keeps in memory for the next build of the same process (the preview's, hiwar/memo.py): each part is
taken only while it is made of the same inputs, so what comes out is what a build made afresh gives, byte for byte."""

from __future__ import annotations

import copy
import dataclasses
import io
import zipfile

import pytest

from conftest import ROOT
from hiwar.build.listed import NotListed, listed
from hiwar.build.plan import HOME, INDEX, TOPICS, plan_edition, related_articles
from hiwar.memo import Memo
from hiwar.model.article import EDITORIAL, Sourced
from hiwar.outputs import epub
from hiwar.outputs.books import ArticleDocuments, KeptParts, _document_keys
from hiwar.outputs.epub import epub_bytes
from hiwar.site.editions import load_editions
from hiwar.site.pages import newest_first

EDITIONS = load_editions(["ar", "en"])
ARABIC, ENGLISH = EDITIONS
SITE_URL = "https://hiwar.example.org/"
FONTS = ROOT / "build" / "assets" / "fonts"


def edited(collection, article, **changes):
    """The collection with one article changed, as a conversion gives it: the article's key changes too."""
    changed = dataclasses.replace(article, **changes)
    cache = copy.copy(collection.cache)
    cache.keys = {**cache.keys, article.id: f"edited {changes!r}"}
    return dataclasses.replace(
        collection, cache=cache, articles=[changed if a is article else a for a in collection.articles]
    )


def retitled(collection, article, title: str):
    return edited(collection, article, title={**article.title, "ar": Sourced(title, EDITORIAL)})


def test_a_book_made_again_from_the_parts_an_earlier_book_kept_is_the_same_bytes(
    project_collection, tmp_path, monkeypatch
):
    """Each article's entry, its document, every file's compressed bytes (outputs/books.py KeptParts, written into
    the zip as zipfile writes them) and the cover: the book is the one made afresh, before and after an article
    changes."""

    def made(collection, memo: Memo) -> bytes:
        keys = _document_keys(collection, ARABIC, EDITIONS, SITE_URL)
        kept = KeptParts(memo, ARABIC.lang, keys, ArticleDocuments(tmp_path / "ar", keys))
        return epub_bytes(collection, ARABIC, EDITIONS, SITE_URL, FONTS, documents=kept, kept=kept)

    first = Memo()
    assert made(project_collection, first) == epub_bytes(project_collection, ARABIC, EDITIONS, SITE_URL, FONTS)
    first.finished()
    changed = retitled(project_collection, newest_first(project_collection.articles)[2], "عنوان جديد للمقال")
    afresh = epub_bytes(changed, ARABIC, EDITIONS, SITE_URL, FONTS)
    monkeypatch.setattr(epub, "cover_png", lambda *shown: pytest.fail("the cover drawn again"))
    again = made(changed, Memo(first))
    assert again == afresh
    with zipfile.ZipFile(io.BytesIO(again)) as opened:
        assert opened.testzip() is None
        assert "عنوان جديد للمقال" in opened.read("EPUB/text/nav.xhtml").decode()


def plan(collection, edition, memo=None):
    return {
        src: page.markdown
        for src, page in plan_edition(
            collection, edition, EDITIONS, related_articles(collection), "fingerprint", memo=memo
        ).items()
    }


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda e: e.lang)
def test_listings_kept_from_the_last_build_are_the_listings_made_afresh(project_collection, edition):
    """A listing is taken from the memo only while what it reads of the articles is the same: after an article is
    retitled, every listing that shows titles is made again, and the plan is the one made without a memo."""
    memo = Memo()
    assert plan(project_collection, edition, memo) == plan(project_collection, edition)
    memo.finished()
    changed = retitled(project_collection, newest_first(project_collection.articles)[0], "عنوان جديد للمقال")
    kept = plan(changed, edition, Memo(memo))
    assert kept == plan(changed, edition)
    if edition is ARABIC:
        assert "عنوان جديد للمقال" in kept["ar/index.md"] and "عنوان جديد للمقال" in kept["ar/people.md"]


def test_a_listing_made_again_takes_the_pages_of_its_unchanged_parts_from_the_last_build(project_collection):
    """A listing of many listings (a page per topic and per year): after an article changes topic, only the topics
    that gain or lose it are made again, the other topics' pages are the last build's; also when a build in between
    took the whole listing as it was. The plan is the one made without a memo each time."""
    memo = Memo()
    first = plan(project_collection, ARABIC, memo)
    memo.finished()
    article = newest_first(project_collection.articles)[0]
    summary = {**article.summary, "ar": Sourced("ملخص آخر", EDITORIAL)}
    between = edited(project_collection, article, summary=summary)  # the topics listing does not read summaries
    memo = Memo(memo)
    assert plan(between, ARABIC, memo) == plan(between, ARABIC)
    memo.finished()
    moved = sorted({tag for a in project_collection.articles for tag in a.tags.value} - set(article.tags.value))[:1]
    retagged = edited(between, newest_first(between.articles)[0], tags=Sourced(moved, EDITORIAL))
    again = plan(retagged, ARABIC, Memo(memo))
    assert again == plan(retagged, ARABIC)
    topics = {f"ar/topics/{tag}.md" for tag in {*article.tags.value, *moved}}
    unchanged = [path for path in first if path.startswith("ar/topics/") and path.count("/") == 2]
    unchanged = [path for path in unchanged if path not in topics and path != "ar/topics/index.md"]
    assert unchanged and all(again[path] is first[path] for path in unchanged)
    assert all(again[path] != first[path] for path in topics if path in first and path in again)


def test_a_listing_reads_only_what_its_digest_covers(project_collection):
    """A listing is handed the articles as ListedArticle: a field its entry does not name is an error, so the digest
    that decides whether it is made again covers everything it reads."""
    article = project_collection.articles[0]
    (shown,) = listed([article], TOPICS, EDITIONS)
    assert shown.tags == article.tags and shown.id == article.id
    with pytest.raises(NotListed, match="the topics listing reads article.summary"):
        _ = shown.summary
    with pytest.raises(NotListed):
        _ = listed([article], INDEX, EDITIONS)[0].translations
    (home,) = listed([article], HOME, EDITIONS)
    assert home.translation_status("en") == article.translation_status("en")
    with pytest.raises(NotListed):
        home.translation_status("fr")
