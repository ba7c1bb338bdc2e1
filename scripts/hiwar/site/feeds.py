"""Feeds per edition: JSON Feed 1.1 (`feed.json`, `en/feed.json`) and Atom 1.0 (`feed.xml`, `en/feed.xml`, atom.py),
with the same items: the newest articles, each with its summary and its full text.

How many: the FEED_ITEMS newest articles (by their date; undated ones last), not the whole archive: a feed is
fetched again and again by every reader subscribed to it, and with the full text an item weighs 10–30 kB, so a feed
of all 10,000 articles would be some 200 MB. The whole archive is in the citation collection (exports.py) and the
sitemap.

Each JSON Feed item carries an `_hiwar` extension naming the seed it was built from, the seed's SHA-256 and the
page's path relative to the site root, so a citation can be traced back to the exact source text.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from hiwar.enrich.collection import Collection
from hiwar.model.article import Article
from hiwar.site.atom import ATOM_FILE, atom_feed
from hiwar.site.editions import Edition
from hiwar.site.fulltext import feed_html
from hiwar.site.pages import article_page, article_path, is_translated, newest_first
from hiwar.site.reference import page_url as article_url
from hiwar.site.urls import page_url

FEED_VERSION = "https://jsonfeed.org/version/1.1"
FEED_ITEMS = 50
JSON_FILE = "feed.json"
JSON_TYPE = "application/feed+json"


@dataclass(frozen=True)
class FeedItem:
    """One article as both feeds give it."""

    url: str
    title: str
    summary: str
    content_html: str  # the full text; empty while the edition has no translation
    date_published: str | None  # RFC 3339, a moment inside the article's date
    author: str | None  # only where the text states one
    tags: list[str]
    pages: list[tuple[str, str]]  # (language, address) of the article in every edition that has its text
    json: dict


def feed_items(
    edition: Edition,
    editions: Sequence[Edition],
    collection: Collection,
    site_url: str,
    body_of: Callable[[Article], str | None],
) -> list[FeedItem]:
    """The FEED_ITEMS newest articles; `body_of` gives an article's body as its page in this edition shows it."""
    items = []
    for article in newest_first(collection.articles)[:FEED_ITEMS]:
        facts = article_page(article, edition, collection.vocabulary)  # what the article's page states
        path = edition.prefix + page_url(article_path(article))  # relative to the site root
        url = article_url(site_url, edition, article)  # percent-encoded, as in the citations and <meta>
        content = feed_html(body_of(article) or "", url, edition) if is_translated(article, edition) else ""
        summary = facts.summary or facts.description
        item = {
            "id": url,
            "url": url,
            "title": facts.title,
            "summary": summary,
            "content_text": summary,
            "language": edition.lang,
            "tags": facts.tags,
            "_hiwar": {
                "seed": facts.seed,
                "seed_sha256": facts.seed_sha256,
                "path": path,
                "date": facts.date,
                "date_precision": facts.date_precision,
                "translation": facts.translation,
            },
        }
        if content:
            item["content_html"] = content
        if facts.date_published:  # a moment inside the date's precision or window, never padded outside it
            item["date_published"] = facts.date_published
        if facts.author:
            item["authors"] = [{"name": facts.author}]
        elif facts.publisher:
            item["authors"] = [{"name": facts.publisher}]
        # The page in this edition first: readers take the first alternate link as the entry's.
        pages = [
            (e.lang, article_url(site_url, e, article))
            for e in sorted(editions, key=lambda e: e is not edition)
            if is_translated(article, e)
        ]
        items.append(
            FeedItem(url, facts.title, summary, content, facts.date_published, facts.author, facts.tags, pages, item)
        )
    items.sort(key=lambda item: (item.date_published or "", item.url), reverse=True)
    return items


def json_feed(edition: Edition, items: Sequence[FeedItem], site_url: str) -> dict:
    base = site_url.rstrip("/") + "/"
    return {
        "version": FEED_VERSION,
        "title": edition.t("site.name"),
        "description": edition.t("site.description"),
        "home_page_url": base + edition.prefix,
        "feed_url": f"{base}{edition.prefix}{JSON_FILE}",
        "language": edition.lang,
        "items": [item.json for item in items],
    }


def feed_files(
    edition: Edition,
    editions: Sequence[Edition],
    collection: Collection,
    site_url: str,
    body_of: Callable[[Article], str | None],
) -> dict[str, bytes]:
    """The edition's two feeds, by path relative to the site root."""
    items = feed_items(edition, editions, collection, site_url, body_of)
    feed = json_feed(edition, items, site_url)
    return {
        f"{edition.prefix}{JSON_FILE}": (json.dumps(feed, ensure_ascii=False, indent=2) + "\n").encode("utf-8"),
        f"{edition.prefix}{ATOM_FILE}": atom_feed(edition, items, site_url, (feed["feed_url"], JSON_TYPE)),
    }
