"""Feeds per edition: JSON Feed 1.1 (`feed.json`, `en/feed.json`).

Each item carries an `_hiwar` extension naming the seed it was built from, the seed's SHA-256 and the page's path
relative to the site root, so a citation can be traced back to the exact source text.
"""
from __future__ import annotations

import json
from pathlib import Path

from hiwar.enrich.collection import Collection
from hiwar.site.editions import Edition
from hiwar.site.outputs import write_atomically
from hiwar.site.pages import article_meta

FEED_VERSION = "https://jsonfeed.org/version/1.1"


def json_feed(edition: Edition, collection: Collection, site_url: str) -> dict:
    base = site_url.rstrip("/") + "/"
    items = []
    for article in collection.articles:
        facts = article_meta(article, edition, collection.vocabulary)
        path = f"{edition.prefix}articles/{article.id}/"
        item = {
            "id": base + path,
            "url": base + path,
            "title": facts["title"],
            "summary": facts["summary"] or facts["description"],
            "content_text": facts["summary"] or facts["description"],
            "language": edition.lang,
            "tags": facts["tags"],
            "_hiwar": {"seed": article.seed.name, "seed_sha256": article.seed.sha256, "path": path,
                       "date": facts["date"], "date_precision": facts["date_precision"],
                       "translation": facts["translation"]},
        }
        if facts["date_published"]:  # a moment inside the date's precision or window, never padded outside it
            item["date_published"] = facts["date_published"]
        if facts.get("author"):
            item["authors"] = [{"name": facts["author"]}]
        elif facts.get("publisher"):
            item["authors"] = [{"name": facts["publisher"]}]
        items.append(item)
    items.sort(key=lambda item: (item.get("date_published") or "", item["id"]), reverse=True)
    return {
        "version": FEED_VERSION,
        "title": edition.t("site.name"),
        "description": edition.t("site.description"),
        "home_page_url": base + edition.prefix,
        "feed_url": f"{base}{edition.prefix}feed.json",
        "language": edition.lang,
        "items": items,
    }


def write_json_feed(site: Path, edition: Edition, collection: Collection, site_url: str) -> None:
    feed = json_feed(edition, collection, site_url)
    write_atomically(site, f"{edition.prefix}feed.json",
                     (json.dumps(feed, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))

