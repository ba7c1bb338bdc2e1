"""Adds normalised fields to the search index so that Arabic spelling variants and attached
prefixes find each other (see scripts/hiwar/searchtext.py; the query side is search.js).

Runs after mkdocs-static-i18n has merged both editions into one index, and rewrites the
offline edition's inlined copy (search_index.js) too.
"""
from __future__ import annotations

import html
import json
import os
import re
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(os.path.abspath(__file__)).parent.parent / "scripts"))

from hiwar.knowledge.names import load_names
from hiwar.knowledge.searchtext import index_tokens

ROOT = Path(os.path.abspath(__file__)).parent.parent

TAG = re.compile(r"<[^>]+>")
# What the theme shows around an article but the body does not hold (its date, summary, author, tags),
# and the names its text mentions (from the front-matter: found once, by the converter).
_article_facts: dict[str, str] = {}
_article_names: dict[str, list[str]] = {}


def on_config(config):
    """The iframe-worker shim runs search from file://; online it would only hold up the first paint."""
    offline = config.plugins.get("material/offline") or config.plugins.get("offline")
    if not (offline and offline.config.enabled):
        config.extra["polyfills"] = [url for url in config.extra.get("polyfills") or [] if "iframe-worker" not in url]
    return config


def on_page_markdown(markdown, page, config, files):
    meta = page.meta
    if "article" in meta:
        facts = [meta.get("date_display"), meta.get("date"), meta.get("summary"), meta.get("author"),
                 meta.get("publisher"), " ".join(meta.get("tags") or [])]
        if config.theme["language"] != "ar":  # the notes the English page shows (they were inline in the translation)
            facts += [note["en"] for note in meta.get("source_errors") or []]
        _article_facts[page.url] = " ".join(str(fact) for fact in facts if fact)
        _article_names[page.url] = sorted(meta.get("mentions") or {})
    return markdown


def _plain(markup: str) -> str:
    return html.unescape(TAG.sub(" ", markup or ""))


@event_priority(-110)  # after i18n (-100) merged the editions and offline (-100) inlined the index
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # an inner, per-language build: the merged index is written later
    folder = Path(config.site_dir) / "search"
    path = folder / "search_index.json"
    if not path.exists():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    names = load_names(ROOT / "editorial" / "names.yml")
    forms = {name.id: " ".join([*name.labels.values(), *(" ".join(f) for f in name.forms)]) for name in names}
    for doc in index["docs"]:
        title, text = _plain(doc.get("title", "")), _plain(doc.get("text", ""))
        # On an article's own entry (not its sections, #…): its facts, and every spelling of every name
        # it mentions (قاءأني finds قاآني; Kadhimi finds الكاظمي).
        facts = _article_facts.get(doc["location"], "")
        spellings = [forms[name_id] for name_id in _article_names.get(doc["location"], []) if name_id in forms]
        # Each normalised form once per entry: the field is searched, never shown, and the text field
        # keeps the counts that rank results.
        doc["ntitle"] = " ".join(dict.fromkeys(index_tokens(title)))
        doc["norm"] = " ".join(dict.fromkeys(index_tokens(" ".join([text, facts, *spellings]))))
    index["config"]["fields"].update({"ntitle": {"boost": 1000.0}, "norm": {"boost": 1.0}})
    data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    path.write_text(data, encoding="utf-8")
    inlined = folder / "search_index.js"
    if inlined.exists():
        inlined.write_text(f"var __index = {data}", encoding="utf-8")
