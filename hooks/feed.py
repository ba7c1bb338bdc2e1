"""JSON Feed 1.1 per edition: site/feed.json and site/en/feed.json.

Each item carries an `_hiwar` extension naming the seed it was built from, the seed's
SHA-256 and the page's path relative to the site root, so a citation can be traced back
to the exact source text.
"""
from __future__ import annotations

import json
from pathlib import Path

FEED_VERSION = "https://jsonfeed.org/version/1.1"
_items: list[dict] = []


def on_config(config):
    _items.clear()


def on_page_markdown(markdown, page, config, files):
    meta = page.meta
    if "article" not in meta:
        return markdown
    site_url = (config.site_url or "").rstrip("/") + "/"
    language = config.theme["language"]
    item = {
        "id": f"{site_url}{page.url}",
        "url": f"{site_url}{page.url}",
        "title": meta["title"],
        "summary": meta.get("summary") or meta.get("description"),
        "content_text": meta.get("summary") or meta.get("description"),
        "language": language,
        "tags": list(meta.get("tags") or []),
        "_hiwar": {"seed": meta["seed"], "seed_sha256": meta["seed_sha256"], "path": page.url,
                   "date": meta.get("date"), "date_precision": meta.get("date_precision"),
                   "translation": meta.get("translation")},
    }
    if meta.get("date_published"):  # a moment inside the date's precision or window, never padded outside it
        item["date_published"] = meta["date_published"]
    if meta.get("author"):
        item["authors"] = [{"name": meta["author"]}]
    elif meta.get("publisher"):
        item["authors"] = [{"name": meta["publisher"]}]
    _items.append(item)
    return markdown


def on_post_build(config):
    language = config.theme["language"]
    default = config.plugins["i18n"].default_language if "i18n" in config.plugins else language
    prefix = "" if language == default else f"{language}/"
    site_url = (config.site_url or "").rstrip("/") + "/"
    # site_url of a non-default edition already ends in /en/ (set by the i18n plugin)
    root = site_url if not prefix or not site_url.endswith(f"/{prefix}") else site_url[: -len(prefix)]
    feed = {
        "version": FEED_VERSION,
        "title": config.site_name,
        "description": config.site_description,
        "home_page_url": f"{root}{prefix}",
        "feed_url": f"{root}{prefix}feed.json",
        "language": language,
        "items": sorted(_items, key=lambda item: (item.get("date_published") or "", item["id"]), reverse=True),
    }
    target = Path(config.site_dir) / prefix / "feed.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(feed, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

