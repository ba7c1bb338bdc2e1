"""The feeds of each edition: the Atom feed read by feedparser (the parser behind many feed readers; its 6.x releases
do not read JSON Feed, which is read as the JSON it is), both with every article, its full text in the edition's
language and direction, and honest dates."""

from __future__ import annotations

import json

import feedparser
import pytest
from bs4 import BeautifulSoup

from citable_support import ARTICLES, EDITIONS, assert_exact, assert_honest
from conftest import content, html

DIRECTION = {"ar": "rtl", "en": "ltr"}


def paragraphs(markup: str) -> list[str]:
    return [" ".join(p.get_text(" ").split()) for p in BeautifulSoup(markup, "html.parser").select("[id^=p-]")]


@pytest.mark.parametrize("lang", EDITIONS)
def test_the_atom_feed_parses_cleanly_with_every_article_and_its_full_text(site, lang):
    feed = feedparser.parse((site / EDITIONS[lang] / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.language == lang
    assert feed.feed.author == (
        "Hiwar" if lang == "en" else "حوار"
    )  # Atom's author of entries that name none: the site
    by_url = {entry.link: entry for entry in feed.entries}
    assert set(by_url) == {article.url(lang) for article in ARTICLES}
    for article in ARTICLES:
        entry = by_url[article.url(lang)]
        assert entry.title == article.title[lang]
        assert entry.summary
        (text,) = entry.content
        assert text.type == "text/html"
        block = BeautifulSoup(text.value, "html.parser").div
        assert (block["lang"], block["dir"]) == (lang, DIRECTION[lang])
        page = content(html(article.page(site, lang)))
        assert paragraphs(text.value) == paragraphs(str(page))  # the whole text, paragraph by paragraph
        assert entry.get("author") == (article.author[lang] if article.author else None)  # only where stated
        assert_honest(entry.published, article.date, moment=True)
        for link in BeautifulSoup(text.value, "html.parser").find_all("a", href=True):
            assert link["href"].startswith("https://"), link["href"]  # a reader shows the text away from the site
    dates = [entry.published_parsed for entry in feed.entries]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize("lang", EDITIONS)
def test_the_json_feed_keeps_its_interface_and_adds_the_full_text(site, lang):
    feed = json.loads((site / EDITIONS[lang] / "feed.json").read_text(encoding="utf-8"))
    assert len(feed["items"]) == len(ARTICLES)
    for item in feed["items"]:
        assert {"seed", "seed_sha256", "path"} <= set(item["_hiwar"])
        assert item["content_text"] and item["language"] == lang
        article = next(a for a in ARTICLES if item["_hiwar"]["path"] == f"{EDITIONS[lang]}articles/{a.stem}/")
        block = BeautifulSoup(item["content_html"], "html.parser").div
        assert (block["lang"], block["dir"]) == (lang, DIRECTION[lang])
        assert paragraphs(item["content_html"]) == paragraphs(str(content(html(article.page(site, lang)))))
        assert_exact(item["_hiwar"]["date"], article.date)
        assert_honest(item["date_published"], article.date, moment=True)


@pytest.mark.parametrize("lang", EDITIONS)
def test_the_atom_feed_links_each_entry_to_its_page_and_to_the_other_edition(site, lang):
    feed = feedparser.parse((site / EDITIONS[lang] / "feed.xml").read_bytes())
    for entry in feed.entries:
        pages = {link.hreflang: (link.rel, link.href) for link in entry.links}
        stem = entry.link.rstrip("/").rsplit("/", 1)[-1]
        assert pages == {
            code: ("alternate" if code == lang else "related", f"https://hiwar.example.org/{folder}articles/{stem}/")
            for code, folder in EDITIONS.items()
        }
        assert_honest(entry.updated, next(a for a in ARTICLES if a.stem == stem).date, moment=True)
