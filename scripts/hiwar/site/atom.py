"""The Atom 1.0 feed (RFC 4287) of an edition (`feed.xml`, `en/feed.xml`), beside its JSON Feed: what most feed
readers expect.

Each entry: the article's title, summary and full text (HTML, in a block marked with its language and direction),
its author where the text states one, its topics, its page in this edition (the alternate link) and in every other
edition that has its text (related links, with their languages). The feed says its language (xml:lang). Dates: `published` and `updated` are a moment inside the
article's date (DateValue.feed_datetime: noon UTC of its first day), as in the JSON Feed; Atom requires `updated`,
so an undated article takes the build's date (SOURCE_DATE_EPOCH, as MkDocs dates its own outputs), and the feed's
`updated` is its newest entry's. Atom also requires an author for entries whose text names none: the feed's, the
site.

Written with ElementTree, as the sitemap is. Not with feedgen (1.0.0, the usual Python feed library): it drops the
rel, type and hreflang of an entry's links (so the two editions' links of an entry come out as two identical
alternates, which Atom forbids), and stamps the build's clock on anything not given a date.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import TYPE_CHECKING

from hiwar.site.dateformat import build_moment
from hiwar.site.editions import Edition

if TYPE_CHECKING:
    from hiwar.site.feeds import FeedItem

ATOM_FILE = "feed.xml"
ATOM_TYPE = "application/atom+xml"
ATOM_NS = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def atom_feed(edition: Edition, items: Sequence[FeedItem], site_url: str, json_feed: tuple[str, str]) -> bytes:
    """The feed; `json_feed`: the JSON Feed's address and media type, linked as the same feed in another format."""
    ET.register_namespace("", ATOM_NS)
    base = site_url.rstrip("/") + "/"
    home, url = base + edition.prefix, f"{base}{edition.prefix}{ATOM_FILE}"
    feed = ET.Element(_atom("feed"), {XML_LANG: edition.lang})
    _text(feed, "id", url)
    _text(feed, "title", edition.t("site.name"))
    _text(feed, "subtitle", edition.t("site.description"))
    updated = _text(feed, "updated", "")
    author = ET.SubElement(feed, _atom("author"))
    _text(author, "name", edition.t("site.name"))
    _text(author, "uri", home)
    _link(feed, url, "self", ATOM_TYPE)
    _link(feed, home, "alternate", "text/html", edition.lang)
    _link(feed, json_feed[0], "alternate", json_feed[1])
    built = build_moment().strftime("%Y-%m-%dT%H:%M:%SZ")
    moments = []
    for item in items:
        entry = ET.SubElement(feed, _atom("entry"))
        _text(entry, "id", item.url)
        _text(entry, "title", item.title)
        moment = item.date_published or built
        moments.append(moment)
        if item.date_published:
            _text(entry, "published", item.date_published)
        _text(entry, "updated", moment)
        if item.author:
            _text(ET.SubElement(entry, _atom("author")), "name", item.author)
        for lang, page in item.pages:
            # One alternate, the page in this edition (readers take it as the entry's link, some the first, some the
            # last); the other editions as related pages in their languages.
            _link(entry, page, "alternate" if lang == edition.lang else "related", "text/html", lang)
        for tag in item.tags:
            ET.SubElement(entry, _atom("category"), {"term": tag})
        if item.summary:
            _text(entry, "summary", item.summary).set("type", "text")
        if item.content_html:
            _text(entry, "content", item.content_html).set("type", "html")  # escaped HTML, as Atom's type="html" has it
    updated.text = max(moments, default=built)  # RFC 3339 in UTC: ordered as text
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _atom(name: str) -> str:
    return f"{{{ATOM_NS}}}{name}"


def _text(parent: ET.Element, name: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, _atom(name))
    element.text = text
    return element


def _link(parent: ET.Element, href: str, rel: str, media_type: str, hreflang: str | None = None) -> None:
    attributes = {"href": href, "rel": rel, "type": media_type}
    if hreflang:
        attributes["hreflang"] = hreflang
    ET.SubElement(parent, _atom("link"), attributes)
