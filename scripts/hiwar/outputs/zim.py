"""The Kiwix edition: one ZIM file per edition (`hiwar_ar.zim`, `hiwar_en.zim`), made from the offline edition.

Kiwix's library lists one language per ZIM file, so an edition's file holds that edition's pages (the default edition:
the offline folder without the other editions' folders; another edition: its folder) and the files those pages use
(styles, scripts, fonts, the icon, the reference files they offer), found by following their links, at the paths the
offline edition gives them: the relative links between pages, which point at `…/index.html` files, work in Kiwix as
they do from disk. Two things change on the way in:

- The site's own search box is left out (the template marks where it starts and ends: data-hiwar-site-search), and
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

Same inputs, same entries: paths, titles, types, hints, content and metadata. Not the same bytes: libzim gives every
file a random UUID (python-libzim has no way to set one) and Xapian's databases carry their own. So that an unchanged
edition keeps its file, the digest of what went into it is stored in the file (metadata X-Hiwar-Inputs), and a build
whose digest is the same takes the earlier file as it is.
"""
from __future__ import annotations

import datetime
import functools
import hashlib
import html
import os
import posixpath
import re
import shutil
import struct
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from libzim.reader import Archive
from libzim.writer import Creator, Hint, IndexData, Item, StringProvider

from hiwar.knowledge.searchtext import WORD_AS_WRITTEN, index_tokens
from hiwar.problems import Problem
from hiwar.site.editions import Edition
from hiwar.site.exports import FORMATS
from hiwar.site.offline import LINK_ATTRIBUTE
from hiwar.site.search_pages import ARTICLE_ELEMENT, indexed, page_document

FILE_NAME = "hiwar_{lang}.zim"
INPUTS_METADATA = "X-Hiwar-Inputs"  # a key of our own: openZIM allows further metadata, readers ignore it
ILLUSTRATION_SIZE = 48  # Kiwix's library shows a 48×48 PNG; zimcheck requires it
CODE = Path(__file__).resolve().parents[1]  # the package: what the files are made with
# Plain-text articles: no pictures or videos, the whole text ("details"), a full-text index. Kiwix's library filters
# by these (openZIM's private tags).
KIWIX_TAGS = ("_category:other", "_pictures:no", "_videos:no", "_details:yes", "_ftindex:yes")
# Types by file name ending, longest first; the reference files' types are the ones the site serves them with.
MEDIA_TYPES = sorted({
    ".html": "text/html", ".css": "text/css", ".js": "text/javascript", ".json": "application/json",
    ".xml": "application/xml", ".txt": "text/plain", ".png": "image/png", ".svg": "image/svg+xml",
    ".woff2": "font/woff2", **{f".{f.suffix}": f.media_type for f in FORMATS},
}.items(), key=lambda pair: -len(pair[0]))
UNKNOWN_TYPE = "application/octet-stream"
ALREADY_COMPRESSED = ("font/woff2", "image/png")  # compressing them again only costs time
# The site's search box, as the template marks its first and last element (partials/hiwar-search.html); what lies
# between is the template's own markup and escaped strings, so nothing in it can end the match early.
SITE_SEARCH = re.compile(r"<link\b[^>]*\sdata-hiwar-site-search[^>]*>.*?"
                         r"<script\b[^>]*\sdata-hiwar-site-search[^>]*>\s*</script>", re.S)
CSS_URL = re.compile(r"""url\(\s*(?P<quote>["']?)(?P<url>[^"')]+)(?P=quote)\s*\)""")
TITLE_ELEMENT = re.compile(r"<title>(?P<title>.*?)</title>", re.S)
ICON_LINK = re.compile(r'<link rel="icon" href="(?P<url>[^"]*)"')


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
        values = {"Name": self.name, "Title": self.title, "Language": self.language, "Creator": self.creator,
                  "Publisher": self.publisher, "Date": date.isoformat(), "Description": self.description,
                  "LongDescription": self.long_description, "Tags": ";".join((*self.tags, *KIWIX_TAGS)),
                  "Scraper": f"hiwar {version('hiwar')} (python-libzim {version('libzim')})"}
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
    if not re.fullmatch(r"[a-z]{3}", language):
        raise ZimError(source, f"language.iso639_3 must be a three-letter ISO 639-3 code, not {language!r}")
    return Book(name=Path(FILE_NAME.format(lang=edition.lang)).stem, language=language,
                title=edition.t("kiwix.title"), description=edition.t("kiwix.description"),
                long_description=" ".join(edition.t("kiwix.long_description").split()),
                creator=edition.t("kiwix.creator"), publisher=edition.t("kiwix.publisher"),
                tags=tuple(tag.strip() for tag in tags), source=site_url)


# ---- what an edition's file holds ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Scope:
    """Where an edition's pages are in the offline folder: under `prefix`, but not under another edition's prefix."""

    prefix: str  # "" or "en/"
    others: tuple[str, ...]  # the other editions' prefixes ("en/", …), left out of the default edition

    def holds_page(self, path: str) -> bool:
        return path.startswith(self.prefix) and not (self.others and path.startswith(self.others))

    def within(self, path: str) -> str:
        """The path inside the edition's folder, for the rules the site states that way (search_pages.indexed)."""
        return path[len(self.prefix):]


@dataclass(frozen=True)
class Plan:
    """The files of one edition's ZIM: its pages and the other files they use, by path in the offline folder."""

    pages: tuple[str, ...]
    files: tuple[str, ...]

    @property
    def paths(self) -> frozenset[str]:
        return frozenset(self.pages) | frozenset(self.files)


def plan(offline: Path, scope: Scope) -> Plan:
    """The edition's pages, and every file they (and the style sheets among those files) link to."""
    every_file = set(_files(offline))
    pages = sorted(path for path in every_file if path.endswith(".html") and scope.holds_page(path))
    files: set[str] = set()
    waiting = list(reversed(pages))  # read one at a time: an archive's pages do not all fit in memory at once
    while waiting:
        source = waiting.pop()
        text = _read(offline, source)
        if source.endswith(".html"):
            links = LINK_ATTRIBUTE.finditer(without_site_search(text))
        else:
            links = CSS_URL.finditer(text)
        for link in links:
            target = _target(source, link.group("url"))
            if target is None or target in files or target.endswith(".html") or target not in every_file:
                continue  # pages are only this edition's own, found above
            files.add(target)
            if target.endswith(".css"):
                waiting.append(target)
    return Plan(tuple(pages), tuple(sorted(files)))


def without_site_search(page: str) -> str:
    return SITE_SEARCH.sub("", page)


def kiwix_page(page: str, path: str, held: frozenset[str], site_url: str) -> str:
    """An offline page as the edition's ZIM holds it: no site search, and links to pages it does not hold lead to
    the site (or, with no site address, nowhere)."""

    def relinked(match: re.Match) -> str:
        url = match.group("url")
        target = _target(path, url)
        if target is None or target in held:
            return match.group(0)
        return match.group("before") + (html.escape(_online(target, url, site_url)) if site_url else "#")

    return LINK_ATTRIBUTE.sub(relinked, without_site_search(page))


def _online(target: str, url: str, site_url: str) -> str:
    """Where a file of the offline edition is on the site: folders are served as folders there."""
    path = target[: -len("index.html")] if target == "index.html" or target.endswith("/index.html") else target
    fragment = urlsplit(url).fragment
    return site_url.rstrip("/") + "/" + quote(path, safe="/") + (f"#{fragment}" if fragment else "")


def _target(source: str, url: str) -> str | None:
    """The offline folder's path a relative link of `source` leads to; None for anything else (other sites,
    fragments, data:, paths that leave the folder)."""
    if not url or url.startswith(("#", "/", "data:", "mailto:", "javascript:")):
        return None
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(source), unquote(parts.path)))
    if joined == "." or joined.startswith("../") or joined == ".." or joined.startswith("/"):
        return None
    return joined


# ---- entries ----------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Entry:
    path: str
    title: str
    media_type: str
    content: bytes
    front: bool  # offered as an article: in the title suggestions and for "random article"
    index: "IndexText | None"


@dataclass(frozen=True)
class IndexText:
    """What the full-text index holds of a page (libzim's IndexData)."""

    title: str
    content: str
    keywords: str
    wordcount: int


def entries(offline: Path, plan_: Plan, scope: Scope, site_name: str, site_url: str) -> Iterator[Entry]:
    held = plan_.paths
    for path in plan_.pages:
        page = kiwix_page(_read(offline, path), path, held, site_url)
        title = page_title(page, site_name)
        own = scope.within(path)
        listed = indexed(_source_path(own))
        yield Entry(path, title, "text/html", page.encode("utf-8"), front=listed,
                    index=index_text(page, title) if listed else None)
    for path in plan_.files:
        yield Entry(path, "", media_type(path), (offline / path).read_bytes(), front=False, index=None)


def page_title(page: str, site_name: str) -> str:
    """The page's <title> as text, without the site's name the template adds to it ("TITLE - SITE")."""
    found = TITLE_ELEMENT.search(page)
    title = " ".join(html.unescape(found.group("title")).split()) if found else ""
    suffix = f" - {site_name}"
    return title[: -len(suffix)] if title.endswith(suffix) and len(title) > len(suffix) else title or site_name


def index_text(page: str, title: str) -> IndexText:
    """The page's text as the site's search reads a rendered page, and the folded forms of its words that differ from
    them (so that Kiwix finds the folded spellings); the title's folded forms weigh as keywords."""
    body = ARTICLE_ELEMENT.search(page)
    text = page_document(title, body.group(1) if body else "", "", "").text
    return IndexText(title=title, content="\n".join(filter(None, [text, " ".join(folded_forms(text))])),
                     keywords=" ".join(folded_forms(title)), wordcount=len(text.split()))


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


def _source_path(path: str) -> str:
    """A page's path inside its edition as the site's rules name it (articles/x/index.html → articles/x.md)."""
    folder = path[: -len("index.html")].rstrip("/")
    return f"{folder}.md" if folder else "index.md"


# ---- writing --------------------------------------------------------------------------------------------------------
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


@dataclass(frozen=True)
class Made:
    path: Path
    entries: int
    reused: bool


def write_edition(offline: Path, target: Path, edition: Edition, editions: Sequence[Edition], site_url: str,
                  date: datetime.date, previous: Path | None = None, progress=lambda count: None) -> Made:
    """The edition's ZIM file at `target`; the `previous` file is taken as it is when it was made from the same
    inputs."""
    scope = Scope(edition.prefix, tuple(e.prefix for e in editions if e.prefix and e is not edition))
    main = f"{edition.prefix}index.html"
    if not (offline / main).is_file():
        raise ZimError(str(offline / main), "missing: the ZIM file is made from the offline edition, build it first")
    book = book_of(edition, site_url)
    plan_ = plan(offline, scope)
    illustration = _illustration(offline, main)
    digest = inputs_digest(offline, plan_, book, illustration, site_url)
    target.parent.mkdir(parents=True, exist_ok=True)
    if previous is not None and _digest_of(previous) == digest:
        _take(previous, target)
        progress(len(plan_.paths))
        return Made(target, len(plan_.paths), reused=True)
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    try:
        with _quiet_stdout(), Creator(partial).config_indexing(True, book.language) \
                .config_nbworkers(os.cpu_count() or 1) as creator:
            creator.set_mainpath(main)
            creator.add_illustration(ILLUSTRATION_SIZE, illustration)
            for name, value in {**book.metadata(date), INPUTS_METADATA: digest}.items():
                creator.add_metadata(name, value)
            for entry in entries(offline, plan_, scope, edition.t("site.name"), site_url):
                creator.add_item(_Item(entry))
                progress(1)
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return Made(target, len(plan_.paths), reused=False)


def inputs_digest(offline: Path, plan_: Plan, book: Book, illustration: bytes, site_url: str) -> str:
    """What the file is made of: this package's code and libzim's version, the metadata (but its date), the icon and
    every file it holds."""
    digest = hashlib.sha256()
    code = sorted(p for p in CODE.rglob("*") if p.suffix in (".py", ".yml") and "__pycache__" not in p.parts)
    for path in code:
        digest.update(f"{path.relative_to(CODE)}\0".encode() + hashlib.sha256(path.read_bytes()).digest())
    digest.update(f"libzim={version('libzim')}\0{site_url}\0".encode())
    for name, value in sorted(book.metadata(datetime.date.min).items()):
        digest.update(f"{name}\0{value}\0".encode())
    digest.update(hashlib.sha256(illustration).digest())
    for kind, paths in (("page", plan_.pages), ("file", plan_.files)):
        for path in paths:
            digest.update(f"{kind}\0{path}\0".encode() + hashlib.sha256((offline / path).read_bytes()).digest())
    return digest.hexdigest()


def _digest_of(path: Path) -> str | None:
    try:
        return bytes(Archive(path).get_metadata(INPUTS_METADATA)).decode()
    except (RuntimeError, KeyError, OSError, UnicodeDecodeError):
        return None  # no such file, not a ZIM file, or one made without a digest


def _take(previous: Path, target: Path) -> None:
    if target.exists() and target.samefile(previous):
        return
    target.unlink(missing_ok=True)
    try:
        os.link(previous, target)
    except OSError:
        shutil.copy2(previous, target)


def _illustration(offline: Path, main: str) -> bytes:
    """The site's icon (the main page's <link rel="icon">), which Kiwix's library shows: a 48×48 PNG."""
    found = ICON_LINK.search(_read(offline, main))
    target = _target(main, found.group("url")) if found else None
    if target is None or not (offline / target).is_file():
        raise ZimError(main, 'no icon (<link rel="icon">) for Kiwix\'s library to show')
    data = (offline / target).read_bytes()
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR" or \
            struct.unpack(">II", data[16:24]) != (ILLUSTRATION_SIZE, ILLUSTRATION_SIZE):
        raise ZimError(target, f"Kiwix's library shows a {ILLUSTRATION_SIZE}×{ILLUSTRATION_SIZE} PNG; the site's icon "
                               "is not one")
    return data


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


def _files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def _read(folder: Path, path: str) -> str:
    return (folder / path).read_text(encoding="utf-8")


def write_editions(offline: Path, out: Path, editions: Sequence[Edition], site_url: str, date: datetime.date,
                   previous: Path | None = None, stage: Callable[[str], object] | None = None) -> list[Made]:
    """Every edition's ZIM file in `out` (FILE_NAME), each taken from `previous` (a folder) when unchanged."""
    made = []
    for edition in editions:
        name = FILE_NAME.format(lang=edition.lang)
        earlier = previous / name if previous is not None else None
        if stage is None:
            made.append(write_edition(offline, out / name, edition, editions, site_url, date, earlier))
            continue
        with stage(edition.lang) as progress:
            made.append(write_edition(offline, out / name, edition, editions, site_url, date, earlier,
                                      progress=progress.advance))
    return made
