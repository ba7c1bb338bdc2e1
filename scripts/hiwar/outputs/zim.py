"""The Kiwix edition: one ZIM file per edition (`dist/hiwar_ar.zim`, `dist/hiwar_en.zim`), made from the offline
edition's tree (never from a published folder).

Kiwix's library lists one language per ZIM file, so an edition's file holds that edition's pages (the default edition:
the offline edition without the other editions' folders; another edition: its folder) and the files those pages use
(styles, scripts, fonts, the icon, the reference files they offer), found by following their links (an HTML parser
reads the pages, a CSS tokenizer the style sheets), at the paths the offline edition gives them: the relative links
between pages, which point at `…/index.html` files, work in Kiwix as they do from disk. Two things change on the way in,
both made on the parsed page, which is then written out again:

- The site's own search box is left out (the template marks its first and last element: data-hiwar-site-search), and
  with it its index: that index spans every edition, so inside one edition's file its results would lead to pages the
  file does not hold; Kiwix searches the file's own full-text index, in the toolbar every Kiwix reader shows.
- A link to a page the file does not hold (the language menu's other editions) leads to that page on the site.

Search in Kiwix. libzim indexes each page with Xapian, in the edition's language, after stripping combining marks
(so hamza forms and tashkeel fold, in the text and in the query); Xapian's Arabic stemmer then takes off taa marbuta,
the article (ال, بال) and a single و, on both sides too, but not لل, فال or وال (measured with kiwix-serve 3.3). Each
page is indexed from its own text (the article, not the menus around it: the site's search's reading of a rendered
page, search_pages.page_document) and the forms the site's search folds its words to (knowledge/search_rules.yml:
alef maqsura, taa marbuta, Persian letters, Arabic-Indic digits, the article and the clitics before it), so that a
query written in a folded spelling finds them (مفاوضات finds والمفاوضات, مصطفي finds مصطفى). The query itself is folded
only by Xapian: one written with ى for ي, with Persian letters or with وال attached finds only the words written so.

Cost. libzim compresses every cluster with zstd at level 19 (fixed in libzim) and builds a Xapian index: at 1,000
articles about 25 s and 5 to 10 s of CPU per edition (107 MB of pages each), whatever else is done. So a file is made only when what it holds
changed: each edition's inputs (the offline tree's part it holds, its metadata, this code and libzim's version) are
digested, and an edition whose digest is the one its last file was made from keeps that file (the store holds it,
`derived` names it), which also keeps its bytes (libzim gives each new file a random UUID). Editions to make are made
at once, each in a process of its own. What the build learns from reading a page (its links, title and icon) is kept
by the page's blob, so an unchanged build reads no page.
"""

from __future__ import annotations

import datetime
import functools
import gc
import glob
import hashlib
import multiprocessing
import os
import posixpath
import re
import struct
import sys
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import lxml.html
import msgspec
import tinycss2
from libzim.writer import Creator, Hint, IndexData, Item, StringProvider

from hiwar.build.seam import BuildProblem
from hiwar.knowledge.searchtext import WORD_AS_WRITTEN, index_tokens
from hiwar.outputs import pycache
from hiwar.outputs.contract import Context, Derivations, Files, Output, Scope, Target, inputs_digest
from hiwar.outputs.offline import LINK_ATTRIBUTES, PARSER
from hiwar.outputs.store import Store
from hiwar.problems import Problem
from hiwar.site.dateformat import build_moment
from hiwar.site.editions import Edition
from hiwar.site.exports import FORMATS
from hiwar.site.search_pages import indexed, page_document

FILE_NAME = "hiwar_{lang}.zim"
INPUTS_METADATA = "X-Hiwar-Inputs"  # a key of our own: openZIM allows further metadata, readers ignore it
ILLUSTRATION_SIZE = 48  # Kiwix's library shows a 48×48 PNG; zimcheck requires it
# Plain-text articles: no pictures or videos, the whole text ("details"), a full-text index. Kiwix's library filters
# by these (openZIM's private tags).
KIWIX_TAGS = ("_category:other", "_pictures:no", "_videos:no", "_details:yes", "_ftindex:yes")
# Types by file name ending, longest first; the reference files' types are the ones the site serves them with.
MEDIA_TYPES = sorted(
    {
        ".html": "text/html",
        ".css": "text/css",
        ".js": "text/javascript",
        ".json": "application/json",
        ".xml": "application/xml",
        ".txt": "text/plain",
        ".png": "image/png",
        ".svg": "image/svg+xml",
        ".woff2": "font/woff2",
        **{f".{f.suffix}": f.media_type for f in FORMATS},
    }.items(),
    key=lambda pair: -len(pair[0]),
)
UNKNOWN_TYPE = "application/octet-stream"
ALREADY_COMPRESSED = ("font/woff2", "image/png")  # compressing them again costs time and saves nothing
SITE_SEARCH = "data-hiwar-site-search"  # marks the first and the last element of the site's search box
LINKS = " | ".join(f"//@{attribute}" for attribute in LINK_ATTRIBUTES)  # every link, as an attribute's value
ISO_639_3 = re.compile(r"[a-z]{3}")
RAW_TEXT = ("script", "style")  # elements whose text HTML does not read for references
# Pairs of Unicode noncharacters (U+FDD0…U+FDEF): marks for ' and " while a page is written (_with_quotes_escaped).
QUOTE_MARKS = tuple((chr(0xFDD0 + i), chr(0xFDD1 + i)) for i in range(0, 32, 2))
# What a build keeps by blob (contract.Derivations): a page's facts, a style sheet's links, an edition's file.
PAGE_FACTS, STYLE_LINKS, MADE_FILE = "kiwix-page", "kiwix-style", "kiwix-zim"
STAGE = "kiwix editions"
# Xapian (libzim's full-text index) holds the index of the documents added since its last flush in memory, and flushes
# every 10,000 documents by default: 0.7 GB for each edition's file at 10,000 articles. Every 1,000: 0.1 GB, as fast.
FLUSH_THRESHOLD = ("XAPIAN_FLUSH_THRESHOLD", "1000")
PROBLEM = "the Kiwix edition could not be made"


class ZimError(Exception):
    """What keeps a ZIM file from being made, as one line `FILE: what is wrong`."""

    def __init__(self, source: str, message: str):
        super().__init__(str(Problem(source, message)))


@dataclass(frozen=True)
class Book:
    """What Kiwix's library says about one edition's file (openZIM metadata)."""

    name: str  # stable across versions: the file name without .zim
    language: str  # ISO 639-3
    title: str
    description: str
    long_description: str
    creator: str
    publisher: str
    tags: tuple[str, ...]
    source: str  # the site's address

    def metadata(self, date: datetime.date) -> dict[str, str]:
        values = {
            "Name": self.name,
            "Title": self.title,
            "Language": self.language,
            "Creator": self.creator,
            "Publisher": self.publisher,
            "Date": date.isoformat(),
            "Description": self.description,
            "LongDescription": self.long_description,
            "Tags": ";".join((*self.tags, *KIWIX_TAGS)),
            "Scraper": f"hiwar {version('hiwar')} (python-libzim {version('libzim')})",
        }
        if self.source:
            values["Source"] = self.source
        return values


def book_of(edition: Edition, site_url: str) -> Book:
    """The edition's metadata, from its language table (`language.iso639_3`, the `kiwix:` section)."""
    tags = edition.table["kiwix.tags"]
    source = edition.table.source
    if not isinstance(tags, list) or not all(isinstance(tag, str) and tag.strip() and ";" not in tag for tag in tags):
        raise ZimError(source, "kiwix.tags must be a list of words, none holding ';' (Kiwix separates tags with it)")
    language = edition.t("language.iso639_3")
    if not ISO_639_3.fullmatch(language):
        raise ZimError(source, f"language.iso639_3 must be a three-letter ISO 639-3 code, not {language!r}")
    return Book(
        name=Path(FILE_NAME.format(lang=edition.lang)).stem,
        language=language,
        title=edition.t("kiwix.title"),
        description=edition.t("kiwix.description"),
        long_description=" ".join(edition.t("kiwix.long_description").split()),
        creator=edition.t("kiwix.creator"),
        publisher=edition.t("kiwix.publisher"),
        tags=tuple(tag.strip() for tag in tags),
        source=site_url,
    )


# ---- one page, read by a parser ------------------------------------------------------------------------------------
class PageFacts(msgspec.Struct, frozen=True):
    """What the edition's plan needs of a page: the files it uses (its links outside the site's search box, but those
    to other pages), its title and its icon."""

    uses: tuple[str, ...]
    title: str  # the <title>'s text, spaces collapsed
    icon: str | None  # the <link rel="icon">'s address


@dataclass(frozen=True)
class IndexText:
    """What the full-text index holds of a page (libzim's IndexData)."""

    title: str
    content: str
    keywords: str
    wordcount: int


class Page:
    """An offline page, parsed (lxml, UTF-8 whatever the page says), without the site's search box."""

    def __init__(self, html: bytes):
        self.html = html
        self.document = lxml.html.document_fromstring(html, parser=PARSER)
        _leave_out_site_search(self.document)

    def links(self) -> list[str]:
        """Every link: the values of the attributes the offline edition reads as links."""
        return [str(value) for value in self.document.xpath(LINKS)]  # plain strings: lxml's hold their page

    def title(self) -> str:
        title = self.document.find("head/title")
        return " ".join(title.text_content().split()) if title is not None else ""

    def facts(self) -> PageFacts:
        icon = next(
            (
                element.get("href")
                for element in self.document.iter("link")
                if "icon" in (element.get("rel") or "").lower().split() and element.get("href") is not None
            ),
            None,
        )
        uses = (url for url in self.links() if not (link_path(url) or ".html").endswith(".html"))
        return PageFacts(uses=tuple(dict.fromkeys(uses)), title=self.title(), icon=icon)

    def for_kiwix(self, path: str, held: Collection[str], site_url: str) -> bytes:
        """The page as the edition's file holds it: links to pages the file does not hold lead to the site (or,
        without a site address, nowhere). The page's tree is changed to be written: read nothing else of it after."""
        for marks in QUOTE_MARKS:
            document = self.document if marks is QUOTE_MARKS[0] else Page(self.html).document
            for value in document.xpath(LINKS):  # each knows its element (getparent()) and attribute (attrname)
                url = str(value)  # a plain string: lxml's holds its page, and link_path keeps what it was given
                target = target_of(path, url)
                if target is not None and target not in held:
                    value.getparent().set(value.attrname, _online(target, url, site_url) if site_url else "#")
            written = _with_quotes_escaped(document, marks)
            if written is not None:
                self.document = None  # marked for writing: no longer the page's text
                return written
        raise RuntimeError(f"{path}: the page holds every character the quotes could be marked with")

    def index_text(self, title: str) -> IndexText:
        """The page's text as the site's search reads a rendered page, and the folded forms of its words that differ
        from them (so that Kiwix finds the folded spellings); the title's folded forms weigh as keywords."""
        article = next(
            iter(
                self.document.xpath(
                    "//article[contains(concat(' ', normalize-space(@class), ' '), ' md-content__inner ')]"
                )
            ),
            None,
        )
        body = lxml.html.tostring(article, encoding="unicode", with_tail=False) if article is not None else ""
        text = page_document(title, body, "", "").text
        return IndexText(
            title=title,
            content="\n".join(filter(None, [text, " ".join(folded_forms(text))])),
            keywords=" ".join(folded_forms(title)),
            wordcount=len(text.split()),
        )


def _with_quotes_escaped(document: lxml.html.HtmlElement, marks: tuple[str, str]) -> bytes | None:
    """The page written out, its quotes in text and in attribute values written as the site's templates (MarkupSafe)
    write them, &#39; and &#34;: lxml writes them as they are (or quotes a value holding " with '), and tools that
    scan a page for links (zimcheck) read href='…' in a page's text as a link. lxml cannot be told to, so each quote
    is first replaced by a mark, a character that is no character of any text (Unicode's noncharacters), then each
    mark in what lxml wrote by the quote's reference; None when the page held a mark itself (the caller tries other
    marks)."""
    single, double = marks
    placed = 0

    def marked(text: str | None) -> str | None:
        nonlocal placed
        if not text or ("'" not in text and '"' not in text):
            return text
        placed += text.count("'") + text.count('"')
        return text.replace("'", single).replace('"', double)

    for element in document.iter():
        if isinstance(element.tag, str):
            if element.tag not in RAW_TEXT:  # a script's or a style's text is not HTML: no references there
                element.text = marked(element.text)
            for name, value in element.attrib.items():
                if "'" in value or '"' in value:
                    element.set(name, marked(value))
        element.tail = marked(element.tail)
    doctype = document.getroottree().docinfo.doctype or "<!doctype html>"
    written = lxml.html.tostring(document, encoding="utf-8", doctype=doctype) + b"\n"
    single_bytes, double_bytes = single.encode(), double.encode()
    if written.count(single_bytes) + written.count(double_bytes) != placed:
        return None
    return written.replace(single_bytes, b"&#39;").replace(double_bytes, b"&#34;")


def _leave_out_site_search(document: lxml.html.HtmlElement) -> None:
    """Remove the site's search box: its first and last elements (marked) and every element between them."""
    marked = document.xpath(f"//*[@{SITE_SEARCH}]")
    if not marked:
        return
    first, last = marked[0], marked[-1]
    block = [first, *first.itersiblings()]
    if last not in block:
        raise RuntimeError(f"the elements marked {SITE_SEARCH} are not siblings: the search box's template changed")
    block = block[: block.index(last) + 1]
    parent, tail = first.getparent(), last.tail
    previous = first.getprevious()
    for element in block:
        parent.remove(element)  # lxml moves an element's tail away with it
    if tail and tail.strip():  # text after the box stays where it was
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail


def page_facts(html: bytes) -> PageFacts:
    return Page(html).facts()


def kiwix_page(html: bytes, path: str, held: Collection[str], site_url: str) -> bytes:
    return Page(html).for_kiwix(path, held, site_url)


def style_links(css: bytes) -> tuple[str, ...]:
    """The addresses a style sheet uses (url(…) anywhere, @import "…"), read by a CSS tokenizer (tinycss2), which
    knows strings, comments and escapes."""
    rules, _ = tinycss2.parse_stylesheet_bytes(css, skip_comments=True, skip_whitespace=True)
    found: list[str] = []

    def walk(nodes) -> None:
        for node in nodes or ():
            if node.type == "url":
                found.append(node.value)
            elif node.type == "function" and node.lower_name == "url":
                found.extend(argument.value for argument in node.arguments if argument.type == "string")
            elif node.type == "at-rule" and node.lower_at_keyword == "import":
                found.extend(token.value for token in node.prelude if token.type == "string")
            for part in ("prelude", "content", "arguments"):  # rules, blocks and functions hold further tokens
                walk(getattr(node, part, None))

    walk(rules)
    return tuple(dict.fromkeys(found))


def page_title(title: str, site_name: str) -> str:
    """A page's <title>, without the site's name the template adds to it ("TITLE - SITE")."""
    suffix = f" - {site_name}"
    return title[: -len(suffix)] if title.endswith(suffix) and len(title) > len(suffix) else title or site_name


def folded_forms(text: str) -> list[str]:
    """For each word of the text, the forms the site's search indexes it under that are not the word as written
    (lower case aside): كاظمى → كاظمي, والمفاوضات → مفاوضات, الحكومة → الحكومه, حكومه."""
    forms: list[str] = []
    for word in WORD_AS_WRITTEN.findall(text):
        forms.extend(_other_forms(word))
    return forms


@functools.lru_cache(maxsize=262144)  # an archive's words recur from page to page
def _other_forms(word: str) -> tuple[str, ...]:
    written = word.lower()
    return tuple(form for form in index_tokens(word) if form != written)


def media_type(path: str) -> str:
    return next((kind for ending, kind in MEDIA_TYPES if path.endswith(ending)), UNKNOWN_TYPE)


@functools.lru_cache(maxsize=65536)  # pages repeat the same links (menus, assets)
def link_path(url: str) -> str | None:
    """The path of a relative link, unquoted; None for anything else (other sites, fragments, data:, …)."""
    if not url or url.startswith(("#", "/", "data:", "mailto:", "javascript:")):
        return None
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    return unquote(parts.path)


def target_of(source: str, url: str) -> str | None:
    """The offline tree's path a relative link of `source` leads to; None for anything else (other sites,
    fragments, data:, paths that leave the tree)."""
    path = link_path(url)
    if path is None:
        return None
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(source), path))
    if joined in (".", "..") or joined.startswith(("../", "/")):
        return None
    return joined


def _online(target: str, url: str, site_url: str) -> str:
    """Where a file of the offline edition is on the site: folders are served as folders there."""
    path = target[: -len("index.html")] if target == "index.html" or target.endswith("/index.html") else target
    fragment = urlsplit(url).fragment
    return site_url.rstrip("/") + "/" + quote(path, safe="/") + (f"#{fragment}" if fragment else "")


# ---- what an edition's file holds ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class EditionFolder:
    """Where an edition's pages are in the offline tree: under `prefix`, but not under another edition's prefix."""

    prefix: str  # "" or "en/"
    others: tuple[str, ...]  # the other editions' prefixes ("en/", …), left out of the default edition

    @classmethod
    def of(cls, edition: Edition, editions: Sequence[Edition]) -> EditionFolder:
        return cls(edition.prefix, tuple(e.prefix for e in editions if e.prefix and e is not edition))

    def holds_page(self, path: str) -> bool:
        return path.startswith(self.prefix) and not (self.others and path.startswith(self.others))

    def within(self, path: str) -> str:
        """The path inside the edition's folder, for the rules the site states that way (search_pages.indexed)."""
        return path[len(self.prefix) :]

    def listed(self, path: str) -> bool:
        """Whether a page is offered as an article (Kiwix's suggestions, random page) and indexed: the pages the
        site's search indexes."""
        folder = self.within(path)[: -len("index.html")].rstrip("/")
        return indexed(f"{folder}.md" if folder else "index.md")


@dataclass(frozen=True)
class Plan:
    """The files of one edition's ZIM: its pages and the other files they use, by path in the offline tree."""

    pages: tuple[str, ...]
    files: tuple[str, ...]

    @property
    def paths(self) -> frozenset[str]:
        return frozenset(self.pages) | frozenset(self.files)


def plan(tree: Collection[str], folder: EditionFolder, uses: Callable[[str], Sequence[str]]) -> Plan:
    """The edition's pages, and every file they (and the style sheets among those files) use."""
    pages = sorted(path for path in tree if path.endswith(".html") and folder.holds_page(path))
    files: set[str] = set()
    waiting = list(pages)
    while waiting:
        source = waiting.pop()
        for url in uses(source):
            target = target_of(source, url)
            if target is None or target in files or target.endswith(".html") or target not in tree:
                continue  # pages are only this edition's own, found above
            files.add(target)
            if target.endswith(".css"):
                waiting.append(target)
    return Plan(tuple(pages), tuple(sorted(files)))


class Reader:
    """The offline tree's files as the Kiwix edition reads them: their bytes from the store, and what is learnt
    from a page or a style sheet kept by its blob (`derived`), so that a file is read once, whatever the build."""

    def __init__(self, tree: Mapping[str, str], store: Store, derived: Derivations):
        self.tree, self.store, self.derived = tree, store, derived

    def content(self, path: str) -> bytes:
        data = self.store.get(self.tree[path])
        if data is None:
            raise FileNotFoundError(f"{path}: a file of the offline edition is missing from the build's store")
        return data

    def facts(self, path: str) -> PageFacts:
        return self._learnt(PAGE_FACTS, path, PageFacts, page_facts)

    def uses(self, path: str) -> tuple[str, ...]:
        """The addresses of the files a page or a style sheet uses."""
        if path.endswith(".html"):
            return self.facts(path).uses
        if path.endswith(".css"):
            return self._learnt(STYLE_LINKS, path, tuple[str, ...], style_links)
        return ()

    def _learnt(self, kind: str, path: str, type_, learn):
        blob = self.tree[path]
        key = f"{kind}/{code_digest()[:16]}:{blob}"

        def made() -> bytes:
            return msgspec.msgpack.encode(learn(self.content(path)))

        if kind == STYLE_LINKS:  # a theme's style sheet, the same in every project: read once for them all
            made = functools.partial(pycache.bytes_of, kind, f"{tinycss2.__version__}:{blob}", made)
        data = self.derived.bytes_of(key, self.store, made)
        return msgspec.msgpack.decode(data, type=type_)


@functools.cache
def code_digest() -> str:
    """This package's code and data (the folding rules, the language tables), and libzim's version."""
    return hashlib.sha256(f"libzim={version('libzim')}\0{pycache.code_digest()}".encode()).hexdigest()


# ---- one edition's file --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class EditionFile:
    """One edition's file: what it holds and what it is made of (`digest`)."""

    lang: str
    book: Book
    folder: EditionFolder
    site_name: str
    plan: Plan
    main: str
    illustration: str  # its path in the tree
    digest: str

    @property
    def name(self) -> str:
        return FILE_NAME.format(lang=self.lang)

    @property
    def size(self) -> int:
        return len(self.plan.pages) + len(self.plan.files)


def edition_file(edition: Edition, editions: Sequence[Edition], reader: Reader, site_url: str) -> EditionFile:
    folder = EditionFolder.of(edition, editions)
    main = f"{edition.prefix}index.html"
    if main not in reader.tree:
        raise ZimError(main, "missing: the ZIM file is made from the offline edition, which has no such page")
    book = book_of(edition, site_url)
    plan_ = plan(reader.tree, folder, reader.uses)
    icon = reader.facts(main).icon
    illustration = target_of(main, icon) if icon else None
    if illustration is None or illustration not in reader.tree:
        raise ZimError(main, 'no icon (<link rel="icon">) for Kiwix\'s library to show')
    site_name = edition.t("site.name")
    held = {path: reader.tree[path] for path in sorted(plan_.paths)}
    digest = inputs_digest(
        MADE_FILE,
        code_digest(),
        site_url,
        book.metadata(datetime.date.min),
        site_name,
        folder.prefix,
        *folder.others,
        main,
        illustration,
        held,
    )
    return EditionFile(edition.lang, book, folder, site_name, plan_, main, illustration, digest)


@dataclass(frozen=True)
class Entry:
    path: str
    title: str
    media_type: str
    content: bytes
    front: bool  # offered as an article: in the title suggestions and for "random article"
    index: IndexText | None


def entries(made: EditionFile, reader: Reader, site_url: str) -> Iterator[Entry]:
    held = made.plan.paths
    for path in made.plan.pages:
        page = Page(reader.content(path))
        title = page_title(page.title(), made.site_name)
        listed = made.folder.listed(path)
        index = page.index_text(title) if listed else None
        yield Entry(path, title, "text/html", page.for_kiwix(path, held, site_url), front=listed, index=index)
    for path in made.plan.files:
        yield Entry(path, "", media_type(path), reader.content(path), front=False, index=None)


def write(
    made: EditionFile,
    reader: Reader,
    site_url: str,
    date: datetime.date,
    target: Path,
    workers: int,
    progress: Callable[[int], object] = lambda count: None,
) -> None:
    """The edition's ZIM file at `target`."""
    illustration = reader.content(made.illustration)
    if (
        illustration[:8] != b"\x89PNG\r\n\x1a\n"
        or illustration[12:16] != b"IHDR"
        or struct.unpack(">II", illustration[16:24]) != (ILLUSTRATION_SIZE, ILLUSTRATION_SIZE)
    ):
        raise ZimError(
            made.illustration,
            f"Kiwix's library shows a {ILLUSTRATION_SIZE}×{ILLUSTRATION_SIZE} PNG; the site's icon is not one",
        )
    target.unlink(missing_ok=True)
    try:
        with (
            _quiet_stdout(),
            _environment(*FLUSH_THRESHOLD),
            Creator(target).config_indexing(True, made.book.language).config_nbworkers(workers) as creator,
        ):
            creator.set_mainpath(made.main)
            creator.add_illustration(ILLUSTRATION_SIZE, illustration)
            for name, value in {**made.book.metadata(date), INPUTS_METADATA: made.digest}.items():
                creator.add_metadata(name, value)
            for entry in entries(made, reader, site_url):
                creator.add_item(_Item(entry))
                progress(1)
    finally:
        for left in target.parent.glob(f"{glob.escape(target.name)}?*"):  # libzim's working files, after a failure
            _remove(left)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        for inner in path.iterdir():
            _remove(inner)
        path.rmdir()
    else:
        path.unlink(missing_ok=True)


class _Item(Item):
    def __init__(self, entry: Entry):
        super().__init__()
        self.entry = entry

    def get_path(self) -> str:
        return self.entry.path

    def get_title(self) -> str:
        return self.entry.title

    def get_mimetype(self) -> str:
        return self.entry.media_type

    def get_contentprovider(self):
        return StringProvider(self.entry.content)

    def get_hints(self) -> dict:
        return {Hint.FRONT_ARTICLE: self.entry.front, Hint.COMPRESS: self.entry.media_type not in ALREADY_COMPRESSED}

    def get_indexdata(self) -> IndexData:
        return _Index(self.entry.index)


class _Index(IndexData):
    def __init__(self, text: IndexText | None):
        super().__init__()
        self.text = text

    def has_indexdata(self) -> bool:
        return self.text is not None

    def get_title(self) -> str:
        return self.text.title if self.text else ""

    def get_content(self) -> str:
        return self.text.content if self.text else ""

    def get_keywords(self) -> str:
        return self.text.keywords if self.text else ""

    def get_wordcount(self) -> int:
        return self.text.wordcount if self.text else 0

    def get_geoposition(self):
        return None


@contextmanager
def _environment(name: str, value: str) -> Iterator[None]:
    """An environment variable for a library, unless the user set it, while the library runs."""
    if name in os.environ:
        yield
        return
    os.environ[name] = value
    try:
        yield
    finally:
        os.environ.pop(name, None)


@contextmanager
def _quiet_stdout() -> Iterator[None]:
    """libzim prints its stages ("ZIM file is ready!") on the process's standard output, whatever it is told: the
    build shows its own progress line instead."""
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 1)
        yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)


# ---- the output ----------------------------------------------------------------------------------------------------
class KiwixEditions(Output):
    """`dist/hiwar_<lang>.zim`: each edition the configuration lists, for Kiwix."""

    name = "kiwix"
    target = Target.DIST
    scope = Scope.SITE

    def __init__(self) -> None:
        self._planned: tuple[Mapping[str, str], list[EditionFile]] | None = None

    def inputs(self, context: Context) -> str:
        return inputs_digest(*(made.digest for made in self._files(context)))

    def produce(self, context: Context, files: Files) -> None:
        reader = Reader(context.trees[Target.OFFLINE], context.store, context.derived)
        wanted = []
        for made in self._files(context):
            earlier = earlier_file(context.derived, made)
            if earlier is not None and context.store.has(earlier):  # its pages, files and metadata are the same
                files.add_blob(made.name, earlier)
                remember(context.derived, made, earlier)
            else:
                wanted.append(made)
        if not wanted:
            return
        date = build_moment().date()
        with _as_problem(), context.progress.stage(STAGE, total=sum(m.size for m in wanted), unit="files") as stage:
            parallel = context.options.parallel and _can_fork()
            for made, path in make(wanted, reader, context.site_url, date, parallel, stage.set):
                files.add_file(made.name, path)
                remember(context.derived, made, files.files[made.name])

    def _files(self, context: Context) -> list[EditionFile]:
        tree = context.trees[Target.OFFLINE]
        if self._planned is None or self._planned[0] is not tree:
            reader = Reader(tree, context.store, context.derived)
            with _as_problem():
                self._planned = (
                    tree,
                    [edition_file(edition, context.editions, reader, context.site_url) for edition in context.editions],
                )
        return self._planned[1]


def earlier_file(derived: Derivations, made: EditionFile) -> str | None:
    """The blob of a file an earlier build made of the same inputs: the build's derivations name it by itself (so it
    is kept as long as a build publishes it) under a key that says what it was made of."""
    prefix = f"{MADE_FILE}/{made.lang}/{made.digest}:"
    for known in (derived.made, derived.known):
        for key, blob in known.items():
            if key.startswith(prefix):
                return blob
    return None


def remember(derived: Derivations, made: EditionFile, blob: str) -> None:
    derived[f"{MADE_FILE}/{made.lang}/{made.digest}:{blob}"] = blob


@contextmanager
def _as_problem() -> Iterator[None]:
    """A bad value in a language table or a site without an icon: one line, and the build stops."""
    try:
        yield
    except ZimError as err:
        raise BuildProblem([str(err)], PROBLEM) from None


def make(
    wanted: Sequence[EditionFile],
    reader: Reader,
    site_url: str,
    date: datetime.date,
    parallel: bool,
    progress: Callable[[int], object],
) -> Iterator[tuple[EditionFile, Path]]:
    """Each file, written at a temporary path of the store's file system: at once, each in a process of its own, when
    there are several and the platform can fork (libzim's compression threads and Xapian's index take one core each
    well, Python's part of the work one core per process); else one after the other, compressing on every core."""
    cores = os.cpu_count() or 1
    targets = [reader.store.temporary(".zim") for _ in wanted]
    try:
        if len(wanted) == 1 or not parallel:
            done = 0

            def count(n: int) -> None:
                nonlocal done
                done += n
                progress(done)

            for made, target in zip(wanted, targets):
                write(made, reader, site_url, date, target, cores, count)
                yield made, target
            return
        yield from _in_processes(wanted, targets, reader, site_url, date, max(1, cores // len(wanted)), progress)
    finally:
        for target in targets:
            target.unlink(missing_ok=True)


def _in_processes(wanted, targets, reader, site_url, date, workers, progress) -> Iterator[tuple[EditionFile, Path]]:
    fork = multiprocessing.get_context("fork")
    counters = [fork.RawValue("q", 0) for _ in wanted]
    running = []
    try:
        # The build's objects, shared with the children until written: a collection in a child would write to every
        # one of them (gc.freeze: the collector leaves them alone). At 10,000 articles: 5.6 GB at the peak without.
        gc.freeze()
        try:
            for made, target, counter in zip(wanted, targets, counters):
                receive, send = fork.Pipe(duplex=False)
                process = fork.Process(
                    target=_write_in_child,
                    args=(made, reader, site_url, date, target, workers, counter, send),
                    daemon=True,
                )
                process.start()
                send.close()
                running.append((made, target, process, receive))
        finally:
            gc.unfreeze()
        for made, target, process, receive in running:
            while not receive.poll(0.2):
                progress(sum(counter.value for counter in counters))
                if not process.is_alive() and not receive.poll(0):
                    raise RuntimeError(f"the Kiwix edition {made.name} stopped (exit code {process.exitcode})")
            failure = receive.recv()
            process.join()
            if failure is not None:
                kind, line = failure
                if kind == "zim":
                    raise BuildProblem([line], PROBLEM)
                raise RuntimeError(f"{made.name}: {line}")
            progress(sum(counter.value for counter in counters))
            yield made, target
    finally:
        for _, _, process, receive in running:
            if process.is_alive():
                process.terminate()
            process.join()
            receive.close()


def _write_in_child(made, reader, site_url, date, target, workers, counter, send) -> None:
    def count(n: int) -> None:
        counter.value += n

    try:
        write(made, reader, site_url, date, target, workers, count)
        send.send(None)
    except ZimError as err:
        send.send(("zim", str(err)))
    except BaseException as err:  # noqa: BLE001 — the parent says which file failed and why
        send.send(("error", f"{type(err).__name__}: {err}"))
    finally:
        send.close()


def _can_fork() -> bool:
    return hasattr(os, "fork") and sys.platform.startswith("linux")
