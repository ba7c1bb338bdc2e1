"""Every machine-readable date the site states about an article — in its pages, its feeds and its reference files —
is the article's date value, or a day, month or year that encloses it; feeds, whose formats need a moment, state a
moment inside it. None states a day or a month the evidence does not fix (002 is 2024-01-30/2024-02-02: "2024",
never "2024-01-30" outside a feed)."""

from __future__ import annotations

import json
import re

import bibtexparser
import extruct
import feedparser
import pytest
import rispy

from citable_support import ARTICLES, EDITIONS, assert_exact, assert_honest
from conftest import html

DATE_KEYS = re.compile(r"date|time|issued|published|updated", re.IGNORECASE)
BY_STEM = {article.stem: article for article in ARTICLES}


def json_dates(node, found: list[str]) -> list[str]:
    """Every string under a key that names a date, anywhere in a JSON-LD document."""
    if isinstance(node, dict):
        for key, value in node.items():
            if DATE_KEYS.search(key) and isinstance(value, str):
                found.append(value)
            json_dates(value, found)
    elif isinstance(node, list):
        for item in node:
            json_dates(item, found)
    return found


@pytest.mark.parametrize("lang", EDITIONS)
def test_dates_in_article_pages(site, lang):
    for article in ARTICLES:
        page = article.page(site, lang)
        soup = html(page)
        stated = [
            meta["content"]
            for meta in soup.head.find_all("meta")
            if DATE_KEYS.search(meta.get("name", "") + meta.get("property", ""))
        ]
        stated += [time["datetime"] for time in soup.find_all("time", datetime=True)]
        data = extruct.extract(page.read_text(encoding="utf-8"), syntaxes=["json-ld"], uniform=True)
        stated += json_dates(data["json-ld"], [])
        assert len(stated) >= 6, stated
        for text in stated:
            assert_honest(text, article.date)


@pytest.mark.parametrize("lang", EDITIONS)
def test_dates_in_feeds(site, lang):
    atom = feedparser.parse((site / EDITIONS[lang] / "feed.xml").read_bytes())
    for entry in atom.entries:
        article = BY_STEM[entry.id.rstrip("/").rsplit("/", 1)[-1]]
        for text in (entry.published, entry.updated):
            assert_honest(text, article.date, moment=True)
    feed = json.loads((site / EDITIONS[lang] / "feed.json").read_text(encoding="utf-8"))
    for item in feed["items"]:
        article = BY_STEM[item["_hiwar"]["path"].rstrip("/").rsplit("/", 1)[-1]]
        assert_honest(item["date_published"], article.date, moment=True)
        assert_exact(item["_hiwar"]["date"], article.date)


def test_dates_in_reference_files(site):
    files = sorted((site / "citations").glob("*")) + sorted((site / "en" / "citations").glob("*"))
    assert len(files) == 3 + 3 * len(ARTICLES) * len(EDITIONS)
    for path in files:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".json":
            for item in json.loads(text):
                (parts,) = item["issued"]["date-parts"]
                assert_honest(
                    "-".join(f"{p:02d}" if i else f"{p:04d}" for i, p in enumerate(parts)),
                    BY_STEM[item["id"].split(":")[1]].date,
                )
        elif path.suffix == ".ris":
            for entry in rispy.loads(text):
                for key in ("date", "year"):
                    if key in entry:
                        assert_honest(entry[key], BY_STEM[entry["id"].split(":")[1]].date)
        else:
            for entry in bibtexparser.parse_string(text).entries:
                assert_exact(entry["date"], BY_STEM[entry.key.split(":")[1]].date)
