"""Temporary wiring of hiwar.site.search into today's hooks, for trials (the plugin will do this instead).

Every page becomes a SearchDocument (its text, and on an article its facts and every spelling of every
name it mentions); after both editions are built, write_index() writes the index into search/ and the
query module and its stylesheet are added; the search box's template gets `hiwar_search` in its context.
"""
from __future__ import annotations

import functools
import html
import os
import re
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(os.path.abspath(__file__)).parent.parent / "scripts"))

from hiwar.knowledge.names import load_names
from hiwar.site.search import SearchDocument, search_assets, search_context, write_index

ROOT = Path(os.path.abspath(__file__)).parent.parent
EDITIONS = ("ar", "en")
LISTING_BOOST = 0.25
TAG = re.compile(r"<[^>]+>")
_documents: dict[str, SearchDocument] = {}


def on_config(config):
    i18n = config.plugins.get("i18n")
    if i18n is None or not getattr(i18n, "building", False):  # not an inner, per-language build
        _documents.clear()
        _names.cache_clear()
    config.extra["polyfills"] = []  # no worker: the search is ours
    return config


def on_page_context(context, page, config, nav):
    context["hiwar_search"] = search_context(config.theme["language"], EDITIONS)
    return context


def on_template_context(context, template_name, config):
    """Pages rendered from a theme template alone (404.html) have the search box too."""
    context["hiwar_search"] = search_context(config.theme["language"], EDITIONS)
    return context


def on_page_content(content, page, config, files):
    meta = page.meta
    extra = ""
    if "article" in meta:
        names = _names()
        facts = [meta.get("date_display"), meta.get("date"), meta.get("summary"), meta.get("author"),
                 meta.get("publisher"), " ".join(meta.get("tags") or [])]
        spellings = [" ".join([names[i].ar, names[i].en, *(" ".join(f) for f in names[i].forms)])
                     for i in sorted(meta.get("mentions") or {}) if i in names]
        extra = " ".join(str(part) for part in [*facts, *spellings] if part)
    title = html.unescape(TAG.sub("", str(meta.get("title") or page.title or "")))
    _documents[page.url] = SearchDocument(
        url=page.url, lang=config.theme["language"], title=title, text=html.unescape(TAG.sub(" ", content)),
        extra=extra, boost=1.0 if "article" in meta else LISTING_BOOST,
        date=html.unescape(str(meta.get("date_display") or "")) if "article" in meta else "")
    return content


@functools.cache
def _names():
    return {name.id: name for name in load_names(ROOT / "editorial" / "names.yml")}


@event_priority(-110)  # after mkdocs-static-i18n (-100) built every edition
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # an inner, per-language build: the index is written once, after all of them
    site = Path(config.site_dir)
    write_index(_documents.values(), site / "search")
    for path, text in search_assets().items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(text, encoding="utf-8")
