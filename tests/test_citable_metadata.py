"""Every article page, in both editions, tells the tools that read pages what it is — read back with those tools:
extruct (JSON-LD, Open Graph, microdata, Dublin Core), Wikimedia's html-metadata (behind Wikipedia's citation tool:
Highwire, Dublin Core, Open Graph, JSON-LD) and pyld (JSON-LD expanded against schema.org, offline)."""

from __future__ import annotations

import json
import shutil
import subprocess
from functools import cache

import extruct
import pytest
from pyld import jsonld

from citable_support import ARTICLES, EDITIONS, OG_LOCALES, SITE_URL, assert_honest
from conftest import FIXTURES, ROOT, make_project, mkdocs_build

PAGES = [pytest.param(article, lang, id=f"{lang}-{article.stem}") for article in ARTICLES for lang in EDITIONS]
HTML_METADATA = ROOT / "tools" / "audit" / "html-metadata.js"
SCHEMA = "https://schema.org/"


def other(lang: str) -> str:
    return next(code for code in EDITIONS if code != lang)


def extruct_of(page):
    return extruct.extract(
        page.read_text(encoding="utf-8"), syntaxes=["json-ld", "opengraph", "dublincore", "microdata"], uniform=True
    )


@cache
def html_metadata(site) -> dict:
    """html-metadata's reading of every article page (one Node process for all of them)."""
    files = [str(article.page(site, lang)) for article in ARTICLES for lang in EDITIONS]
    result = subprocess.run(
        ["node", str(HTML_METADATA), *files], capture_output=True, text=True, timeout=120, check=True
    )
    return json.loads(result.stdout)


def dublin_core(data) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for element in data["dublincore"][0]["elements"]:
        found.setdefault(element["URI"].rsplit("/", 1)[-1], []).append(element["content"])
    return found


@pytest.mark.parametrize("article,lang", PAGES)
def test_extruct_reads_title_language_date_author_and_the_other_edition(site, article, lang):
    data = extruct_of(article.page(site, lang))
    title, url, other_url = article.title[lang], article.url(lang), article.url(other(lang))
    (ld,) = data["json-ld"]
    assert (ld["headline"], ld["inLanguage"], ld["@id"]) == (title, lang, url)
    assert_honest(ld["datePublished"], article.date)
    assert [a["name"] for a in ld.get("author", [])] == ([article.author[lang]] if article.author else [])
    if article.publisher:
        assert ld["publisher"]["name"] == article.publisher[lang]
    if lang == "ar":
        assert [(t["@id"], t["inLanguage"]) for t in ld["workTranslation"]] == [(other_url, "en")]
    else:
        original = ld["translationOfWork"]
        assert (original["@id"], original["headline"], original["inLanguage"]) == (other_url, article.title["ar"], "ar")
        assert ld["isBasedOn"] == other_url
    (og,) = data["opengraph"]
    assert (og["og:title"], og["og:url"], og["og:locale"], og["@type"]) == (title, url, OG_LOCALES[lang], "article")
    assert og["og:locale:alternate"] == OG_LOCALES[other(lang)]
    assert_honest(og["article:published_time"], article.date)
    dc = dublin_core(data)
    assert (dc["title"], dc["language"], dc["relation"]) == ([title], [lang], [other_url])
    assert dc.get("creator") == ([article.author[lang]] if article.author else None)
    assert_honest(dc["date"][0], article.date)
    assert dc.get("source") == ([other_url] if lang == "en" else None)  # a translation names its original


@pytest.mark.parametrize("article,lang", PAGES)
def test_html_metadata_reads_highwire_dublin_core_and_open_graph_as_wikipedia_does(site, article, lang):
    data = html_metadata(site)[str(article.page(site, lang))]
    highwire, dc, og = data["highwirePress"], data["dublinCore"], data["openGraph"]
    title = article.title[lang]
    assert (highwire["title"], highwire["language"], highwire["public_url"]) == (title, lang, article.url(lang))
    assert highwire.get("author") == (article.author[lang] if article.author else None)
    assert highwire.get("publisher") == (article.publisher[lang] if article.publisher else None)
    assert_honest(highwire["publication_date"], article.date)
    assert (dc["title"], dc["language"], dc["relation"]) == (title, lang, article.url(other(lang)))
    assert_honest(dc["date"], article.date)
    assert (og["title"], og["locale"]) == (title, OG_LOCALES[lang])
    assert data["general"]["lang"] == lang and data["general"]["canonical"] == article.url(lang)
    assert data["jsonLd"]["headline"] == title


def schema_org_loader(url, options=None):
    """schema.org's context as a local document: its vocabulary is schema.org's namespace. No network."""
    assert url.rstrip("/") in ("https://schema.org", "http://schema.org"), f"the JSON-LD asks for {url}"
    return {"contextUrl": None, "documentUrl": url, "document": {"@context": {"@vocab": SCHEMA}}}


def expanded_terms(node) -> set[str]:
    """Every property and type IRI in an expanded JSON-LD document."""
    terms: set[str] = set()
    if isinstance(node, list):
        for item in node:
            terms |= expanded_terms(item)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key == "@type":
                terms |= set(value)
            elif not key.startswith("@"):
                terms.add(key)
            terms |= expanded_terms(value)
    return terms


@pytest.mark.parametrize("article,lang", PAGES)
def test_json_ld_expands_to_schema_org_terms_only(site, article, lang):
    (data,) = extruct_of(article.page(site, lang))["json-ld"]
    expanded = jsonld.expand(data, {"documentLoader": schema_org_loader})
    assert expanded, "the JSON-LD expands to nothing"
    from rdflib.namespace import SDO  # schema.org's terms, as rdflib ships them

    known = {SCHEMA + name for name in SDO.__annotations__}
    terms = expanded_terms(expanded)
    assert terms - known == set(), "terms schema.org does not define"
    assert SCHEMA + ("workTranslation" if lang == "ar" else "translationOfWork") in terms
    assert SCHEMA + "about" in terms  # the people and places the article is about


def test_feed_links_online_and_none_offline(site, offline_root):
    from bs4 import BeautifulSoup

    for lang, folder in EDITIONS.items():
        for page in (site / folder / "index.html", ARTICLES[0].page(site, lang)):
            head = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").head
            links = {link["type"]: link["href"] for link in head.find_all("link", rel="alternate", type=True)}
            assert set(links) == {"application/atom+xml", "application/feed+json"}
            for href in links.values():  # in the edition's own folder, beside its sitemap.xml
                target = (page.parent / href).resolve()
                assert target.parent == (site / folder).resolve() and target.exists()
                assert (target.parent / "sitemap.xml").exists()
    for page in offline_root.rglob("*.html"):
        assert 'type="application/atom+xml"' not in page.read_text(encoding="utf-8"), page


HOSTILE_TITLE = "Quotes \" and ' & </script><script>alert(1)</script> <!-- end"
HOSTILE_AUTHOR = 'An "author" </script> & co'


def test_metadata_of_hostile_text_is_text_in_every_format(tmp_path):
    """Titles and names from files are escaped for each place they land: attributes, JSON inside <script>."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(FIXTURES / "translations" / "headings.txt", seeds / "headings.txt")
    project = make_project(tmp_path, seeds)
    shutil.copy(FIXTURES / "translations" / "headings.en.txt", project / "editorial" / "headings.en.txt")
    (project / "editorial" / "headings.yml").write_text(
        json.dumps(
            {
                "title": {"ar": HOSTILE_TITLE, "en": HOSTILE_TITLE},
                "author": {"ar": HOSTILE_AUTHOR, "en": HOSTILE_AUTHOR},
            }
        ),
        encoding="utf-8",
    )
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = tmp_path / "site" / "en" / "articles" / "headings" / "index.html"  # the English title is the editors'
    text = page.read_text(encoding="utf-8")
    assert "<script>alert(1)" not in text
    data = extruct_of(page)
    (ld,) = data["json-ld"]
    assert ld["headline"] == HOSTILE_TITLE and ld["author"][0]["name"] == HOSTILE_AUTHOR
    assert data["opengraph"][0]["og:title"] == HOSTILE_TITLE
    assert dublin_core(data)["title"] == [HOSTILE_TITLE] and dublin_core(data)["creator"] == [HOSTILE_AUTHOR]
    assert SITE_URL + "en/articles/headings/" == ld["@id"]
