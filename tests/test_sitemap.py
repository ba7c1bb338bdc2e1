"""The sitemap (site/sitemap.py): every page of every edition with its counterparts in the other editions
(hreflang), no date the build cannot know, and a copy in each edition's folder, plain and gzipped."""

from __future__ import annotations

import gzip
import xml.etree.ElementTree as ET

from hiwar.site.editions import load_editions
from hiwar.site.sitemap import sitemap_files, sitemap_xml

EDITIONS = load_editions(["ar", "en"])
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
PATHS = {
    "index.md": {"ar": "", "en": "en/"},
    "articles/a.md": {"ar": "articles/a/", "en": "en/articles/a/"},
    "about.md": {"ar": "about/"},  # a hand-written page only one edition has
}


def entries(data: bytes) -> dict[str, list[tuple[str, str]]]:
    root = ET.fromstring(data)
    return {
        url.findtext("s:loc", namespaces=NS): [
            (link.get("hreflang"), link.get("href")) for link in url.findall("xhtml:link", NS)
        ]
        for url in root.findall("s:url", NS)
    }


def test_every_page_of_every_edition_is_listed_with_its_counterparts():
    data = sitemap_xml(EDITIONS, "https://hiwar.example.org", PATHS)
    base = "https://hiwar.example.org/"
    pair = [("ar", base + "articles/a/"), ("en", base + "en/articles/a/")]
    assert entries(data) == {
        base + "about/": [],
        base + "articles/a/": pair,
        base + "en/articles/a/": pair,
        base: [("ar", base), ("en", base + "en/")],
        base + "en/": [("ar", base), ("en", base + "en/")],
    }
    assert list(entries(data)) == [base + "about/", base + "articles/a/", base + "en/articles/a/", base, base + "en/"]


def test_the_sitemap_is_xml_with_its_namespaces_and_no_modification_date():
    data = sitemap_xml(EDITIONS, "https://hiwar.example.org/", PATHS)
    assert data.startswith(b"<?xml version='1.0' encoding='utf-8'?>\n<urlset xmlns=\"http://www.sitemaps.org/")
    assert b"lastmod" not in data and data.endswith(b"</urlset>\n")
    assert sitemap_xml(EDITIONS, "https://hiwar.example.org", PATHS) == data  # with or without the final slash


def test_each_edition_folder_gets_the_sitemap_and_its_gzip_the_same_bytes_each_build():
    files = sitemap_files(EDITIONS, "https://hiwar.example.org/", PATHS)
    assert sorted(files) == ["en/sitemap.xml", "en/sitemap.xml.gz", "sitemap.xml", "sitemap.xml.gz"]
    data = files["sitemap.xml"]
    assert files["en/sitemap.xml"] == data
    assert gzip.decompress(files["en/sitemap.xml.gz"]) == data
    packed = files["sitemap.xml.gz"]
    assert packed[4:8] == b"\0\0\0\0"  # no time stamped in the gzip header (RFC 1952 MTIME): the same bytes each build
