"""Every format holds the text as text: a project whose article holds code points XML 1.0 cannot hold (U+FFFE, U+FFFF,
in the seed, the translation and YAML values) and everything BibTeX gives a meaning to, built once. Its feeds and
sitemaps are read with lxml's XML parser (which refuses what is not well-formed) and feedparser, its BibTeX files and
the page's biblatex entry with pybtex (bibtex_reader.py): each shows the text, the odd code points as U+FFFD."""

from __future__ import annotations

import feedparser
import pytest
from lxml import etree

from bibtex_reader import read_bibtex
from conftest import FIXTURES, html, make_project, mkdocs_build

# YAML refuses U+FFFE and U+FFFF written as they are; its escapes give them (and every other code point).
METADATA = r"""title:
  en: "A } title {with \\ braces\uFFFE and 50% of $x_1^2$ & #tags ~ @home -- ''quoted''"
author:
  ar: "كاتب } \uFFFF"
  en: "A {writer} \uFFFF"
publisher:
  ar: "ناشر {"
  en: "Publisher }, url = {https://evil.example/"
summary:
  ar: "ملخص\uFFFE فيه } و{ و\\"
  en: "A summary\uFFFF with } and { and \\"
"""
SEED_NONCHARACTERS = {
    "مستقبل الوجود الأمريكي": "مستقبل\ufffe الوجود } الأمريكي",
    "لإنهاء الوجود الأجنبي": "لإنهاء\uffff الوجود الأجنبي",
}
TITLE = {
    "ar": "مستقبل\ufffd الوجود } الأمريكي",
    "en": "A } title {with \\ braces\ufffd and 50% of $x_1^2$ & #tags ~ @home -- ''quoted''",
}
AUTHOR = {"ar": "كاتب } \ufffd", "en": "A {writer} \ufffd"}
PUBLISHER = {"ar": "ناشر {", "en": "Publisher }, url = {https://evil.example/"}
SUMMARY = {"ar": "ملخص\ufffd فيه } و{ و\\", "en": "A summary\ufffd with } and { and \\"}
FOLDER = {"ar": "", "en": "en/"}
URL = {lang: f"https://hiwar.example.org/{FOLDER[lang]}articles/headings/" for lang in FOLDER}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    base = tmp_path_factory.mktemp("formats")
    seeds = base / "seeds"
    seeds.mkdir()
    seed = (FIXTURES / "translations" / "headings.txt").read_text(encoding="utf-8")
    for text, odd in SEED_NONCHARACTERS.items():
        seed = seed.replace(text, odd)
    (seeds / "headings.txt").write_text(seed, encoding="utf-8")
    project = make_project(base, seeds)
    english = (FIXTURES / "translations" / "headings.en.txt").read_text(encoding="utf-8")
    (project / "editorial" / "headings.en.txt").write_text(
        english.replace("has grown", "has\ufffe grown"), encoding="utf-8"
    )
    (project / "editorial" / "headings.yml").write_text(METADATA, encoding="utf-8")
    result = mkdocs_build(project, base / "site")
    assert result.returncode == 0, result.stderr
    return base / "site"


@pytest.mark.parametrize("lang", FOLDER)
def test_the_atom_feed_is_well_formed_xml_and_shows_the_text(site, lang):
    data = (site / FOLDER[lang] / "feed.xml").read_bytes()
    etree.fromstring(data, etree.XMLParser(recover=False))  # raises on anything not well-formed
    feed = feedparser.parse(data)
    assert feed.bozo == 0, feed.get("bozo_exception")
    (entry,) = feed.entries
    assert (entry.title, entry.author, entry.summary) == (TITLE[lang], AUTHOR[lang], SUMMARY[lang])
    (content,) = entry.content
    assert {"ar": "لإنهاء\ufffd الوجود الأجنبي", "en": "has\ufffd grown"}[lang] in content.value


@pytest.mark.parametrize("lang", FOLDER)
def test_the_sitemap_is_well_formed_xml(site, lang):
    sitemap = etree.fromstring((site / FOLDER[lang] / "sitemap.xml").read_bytes(), etree.XMLParser(recover=False))
    assert set(URL.values()) <= {loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}


def test_every_bibtex_file_and_the_pages_biblatex_entry_read_back_as_the_text(site):
    collection = read_bibtex((site / "citations" / "hiwar.bib").read_text(encoding="utf-8"))
    assert list(collection) == ["hiwar:headings:ar", "hiwar:headings:en"]
    for lang in FOLDER:
        own = read_bibtex((site / FOLDER[lang] / "citations" / f"headings.{lang}.bib").read_text(encoding="utf-8"))
        page = html(site / FOLDER[lang] / "articles" / "headings" / "index.html")
        shown = read_bibtex(page.select_one(".hiwar-bibtex").get_text())
        for entries in (collection, own, shown):
            entry = entries[f"hiwar:headings:{lang}"]
            assert entry.text("title") == TITLE[lang]
            assert entry.names_text("author") == [AUTHOR[lang]]
            assert entry.text("publisher") == PUBLISHER[lang]
            assert entry.fields["url"] == URL[lang]
    assert collection["hiwar:headings:en"].text("origtitle") == TITLE["ar"]
    assert collection["hiwar:headings:en"].fields["related"] == "hiwar:headings:ar"
