"""The EPUB 3 edition of one language: every article the edition has, newest first, with its ¶ numbers, headings,
lists and notes (EPUB end notes, linked both ways), a navigation document, a glossary, a colophon, the bundled font
with its licence, a cover made at build time, and EPUB Accessibility 1.1 metadata.

Made from the converted collection and the edition's language table, with no site engine: `epub_bytes` returns the
file. Same inputs, same bytes: fixed entry times, entries in a fixed order, the `mimetype` entry first and stored,
dates from SOURCE_DATE_EPOCH or the articles (book.modified_time), a name-based identifier.

Every file is written by a Jinja template (templates/, autoescape on for XHTML, SVG and XML) from the data of
book.py; every XML document is parsed before it is packed, so a fault of ours stops the build rather than ship a
book a reader refuses. Written with zipfile and templates rather than EbookLib: EbookLib re-parses each document
with lxml's HTML parser and rebuilds it, stamps zip entries and dcterms:modified with the clock (not reproducible),
and is AGPL-licensed.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Protocol

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from lxml import etree

from hiwar.enrich.collection import Collection
from hiwar.outputs.epub import fonts
from hiwar.outputs.epub.book import TEXT, ArticleDoc, Book, article_text, book_of, modified_time, with_glossary
from hiwar.outputs.epub.cover import cover_png
from hiwar.outputs.pycache import COMPILED_TEMPLATES
from hiwar.site.body import is_source
from hiwar.site.editions import Edition
from hiwar.site.markup import ARABIC_RUN

TEMPLATES = Path(__file__).resolve().parent / "templates"
PACKAGE_DIR = "EPUB"
MEDIA_TYPE = "application/epub+zip"
# Every entry's time: any fixed value keeps builds identical (zip cannot store dates before 1980).
ENTRY_TIME = (2020, 1, 1, 0, 0, 0)


def file_name(edition: Edition) -> str:
    return f"hiwar-{edition.lang}.epub"


class EpubError(RuntimeError):
    """A book that a reading system would refuse: the build stops rather than publish it."""


@dataclass(frozen=True)
class Run:
    """A run of text, with its language when it is not the document's (Arabic quoted in English)."""

    text: str
    lang: str | None = None
    dir: str | None = None


class DocumentCache(Protocol):
    """Where an article's document may be kept between builds: the caller knows what each article is made of."""

    def get(self, article_id: str) -> tuple[bytes, tuple[str, ...]] | None:
        """The document and the glossary terms it links to, when made of the article as it is now."""

    def put(self, article_id: str, document: bytes, terms: tuple[str, ...]) -> None: ...


class KeptParts(Protocol):
    """Parts of a book an earlier book of the same process made (a preview's), each taken when it is made of the same:
    an article's entry in the package and its navigation, and a file's compressed bytes."""

    def article_doc(self, article_id: str, name: str, make: Callable[[], ArticleDoc]) -> ArticleDoc: ...

    def deflated(self, path: str, data: bytes, make: Callable[[], tuple[int, bytes]]) -> tuple[int, bytes]: ...

    def cover(self, key: str, make: Callable[[], bytes]) -> bytes: ...


def epub_bytes(
    collection: Collection,
    edition: Edition,
    editions: Sequence[Edition],
    site_url: str,
    fonts_dir: Path,
    modified: datetime | None = None,
    documents: DocumentCache | None = None,
    kept: KeptParts | None = None,
) -> bytes:
    """The edition's book; `fonts_dir` holds the font files the site bundles (build/assets/fonts). With `documents`,
    an article's document made of the same article is taken from there (its text is the costly part of a book); with
    `kept`, so are the other parts an earlier book made (the same bytes come out)."""
    truetype = {weight: fonts.truetype(fonts.font_file(fonts_dir, weight)) for weight in fonts.WEIGHTS}
    book = book_of(
        collection,
        edition,
        editions,
        site_url,
        fonts.licence_text(fonts_dir),
        modified or modified_time(collection),
        kept.article_doc if kept is not None else None,
    )
    files = _documents(
        book, collection, edition, editions, truetype, documents, kept.cover if kept is not None else None
    )
    return _packed(files, kept.deflated if kept is not None else None)


def _environment(edition: Edition, editions: Sequence[Edition]) -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        bytecode_cache=COMPILED_TEMPLATES,  # a new environment for every book: its templates compiled once
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=False,
        lstrip_blocks=False,
        keep_trailing_newline=True,
    )
    source = next(e for e in editions if is_source(e))

    def runs(text: str) -> list[Run]:
        if is_source(edition):
            return [Run(text)]
        found, cursor = [], 0
        for match in ARABIC_RUN.finditer(text):
            if match.start() > cursor:
                found.append(Run(text[cursor : match.start()]))
            found.append(Run(match.group(), source.lang, source.dir))
            cursor = match.end()
        if cursor < len(text):
            found.append(Run(text[cursor:]))
        return found

    env.filters["runs"] = runs
    env.globals.update(
        t=edition.t,
        lang=edition.lang,
        dir=edition.dir,
        source=source,
        css_href="../css/hiwar.css",
        glossary_href="glossary.xhtml",
    )
    return env


def _documents(
    book: Book,
    collection: Collection,
    edition: Edition,
    editions: Sequence[Edition],
    truetype: dict[int, bytes],
    cache: DocumentCache | None,
    kept_cover: Callable[[str, Callable[[], bytes]], bytes] | None = None,
) -> dict[str, bytes]:
    """Every file of the book but the mimetype, by path in the container."""
    env = _environment(edition, editions)
    base = f"{PACKAGE_DIR}/"
    text = f"{base}{TEXT}/"

    def render(template: str, **values) -> bytes:
        return _checked(env.get_template(template).render(book=book, **values).encode("utf-8"), template, edition)

    articles = {article.id: article for article in collection.articles}
    files, used = {}, set()
    for doc in book.articles:
        known = cache.get(doc.article_id) if cache is not None else None
        if known is None:
            shown = article_text(articles[doc.article_id], edition, editions, collection.glossary)
            known = (render("article.xhtml", doc=doc, blocks=shown.blocks, notes=shown.notes), shown.terms)
            if cache is not None:
                cache.put(doc.article_id, *known)
        files[f"{text}{doc.href}"], terms = known
        used.update(terms)
    with_glossary(book, collection.glossary, used, edition, editions)
    files.update(
        {
            "META-INF/container.xml": render("container.xml", package_path=f"{base}package.opf"),
            f"{base}package.opf": render("package.opf"),
            f"{text}nav.xhtml": render("nav.xhtml"),
            f"{text}{book.cover_href}": render("cover.xhtml"),
            f"{text}{book.about_href}": render("about.xhtml"),
            f"{text}{book.licence_href}": render("licence.xhtml"),
        }
    )
    if book.glossary:
        files[f"{text}{book.glossary_href}"] = render("glossary.xhtml")
    files[f"{base}css/hiwar.css"] = (TEMPLATES / "hiwar.css").read_bytes()
    name, title, font, direction = edition.t("site.name"), edition.t("home.title"), truetype[700], edition.dir
    drawn = lambda: cover_png(name, title, font, direction)  # noqa: E731
    if kept_cover is None:
        files[f"{base}images/cover.png"] = drawn()
    else:  # drawn again only when what it shows changed
        shown = repr((name, title, hashlib.sha256(font).hexdigest(), direction))
        files[f"{base}images/cover.png"] = kept_cover(hashlib.sha256(shown.encode()).hexdigest(), drawn)
    for weight, data in truetype.items():
        files[f"{base}fonts/noto-naskh-arabic-{weight}.ttf"] = data
    return files


def _checked(data: bytes, template: str, edition: Edition) -> bytes:
    """Well-formed XML, or the build stops: a book a reading system would refuse is never published."""
    try:
        etree.fromstring(data)
    except etree.XMLSyntaxError as err:
        raise EpubError(
            f"{file_name(edition)}: a document made by {template} is not well-formed XML ({err}); "
            "a fault of the EPUB's templates, not of the inputs"
        ) from None
    return data


def _packed(
    files: dict[str, bytes],
    kept: Callable[[str, bytes, Callable[[], tuple[int, bytes]]], tuple[int, bytes]] | None = None,
) -> bytes:
    """The container: `mimetype` first and stored (readers identify the file by its first bytes), then the rest,
    compressed, container.xml first and the others in sorted order. `kept`: a file's compressed bytes (and CRC) from an
    earlier book of the same process, when it held the same file."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(_entry("mimetype", zipfile.ZIP_STORED), MEDIA_TYPE)
        order = sorted(files, key=lambda name: (name != "META-INF/container.xml", name))
        for name in order:
            if kept is None:
                archive.writestr(_entry(name, zipfile.ZIP_DEFLATED), files[name])
            else:
                crc, data = kept(name, files[name], lambda name=name: deflated(files[name]))
                _write_deflated(archive, _entry(name, zipfile.ZIP_DEFLATED), len(files[name]), crc, data)
    return out.getvalue()


def deflated(data: bytes) -> tuple[int, bytes]:
    """A file's CRC and its bytes compressed as zipfile compresses a ZIP_DEFLATED entry (zipfile._get_compressor)."""
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    return zlib.crc32(data), compressor.compress(data) + compressor.flush()


def _write_deflated(archive: zipfile.ZipFile, info: zipfile.ZipInfo, size: int, crc: int, data: bytes) -> None:
    """An entry whose compressed bytes are known, written as ZipFile.writestr writes a deflated entry into a seekable
    file (its local header with the sizes and CRC, the bytes, then the central directory's record at close), through
    the same members of ZipFile; tests/test_epub.py compares the two byte for byte."""
    info.file_size, info.compress_size, info.CRC, info.flag_bits = size, len(data), crc, 0
    info.header_offset = archive.fp.tell()
    archive._writecheck(info)
    archive._didModify = True
    archive.fp.write(info.FileHeader(False))
    archive.fp.write(data)
    archive.start_dir = archive.fp.tell()
    archive.filelist.append(info)
    archive.NameToInfo[info.filename] = info


def _entry(name: str, compression: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=ENTRY_TIME)
    info.compress_type = compression
    info.create_system = 3  # Unix, whatever system builds it
    info.external_attr = 0o644 << 16
    return info
