"""The books a reader can download from the site: each edition's EPUB (outputs/epub), in `downloads/` at the site
root, linked with its size from the edition's home page and its About page.

The site's MkDocs build adds each edition's book to that edition's files, so MkDocs writes it and checks every link to
it; the offline edition keeps the books (a reader of the offline copy can send one to an e-reader), and `make build`
publishes them in `dist/` too (`python -m hiwar publish --downloads dist`).
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from hiwar.enrich.collection import Collection
from hiwar.outputs.epub import MEDIA_TYPE, epub_bytes, file_name
from hiwar.site.editions import Edition
from hiwar.site.markup import literal
from hiwar.site.outputs import write_atomically

FOLDER = "downloads"
# Where a hand-written page (docs/<lang>/about.md) shows its edition's downloads: an HTML comment of its own line.
MARKER = re.compile(r"^<!-- hiwar:downloads -->$", re.MULTILINE)


@dataclass(frozen=True)
class Download:
    path: str  # relative to the site root, in the layout of docs/ (no edition prefix: one folder for all)
    size: int  # bytes
    data: bytes
    size_before: int | None = None  # the size of the earlier build's book, when known

    def label(self, edition: Edition, size: int | None = None) -> str:
        return edition.t("downloads.epub_link", size=size_in_words(self.size if size is None else size, edition))

    def label_changed(self, edition: Edition) -> bool:
        """Whether the pages that show the book say something else than after the earlier build."""
        return self.size_before is None or self.label(edition, self.size_before) != self.label(edition)


def edition_epub(collection: Collection, edition: Edition, editions: Sequence[Edition], site_url: str,
                 fonts_dir: Path, cache_dir: Path | None = None, previous: Path | None = None) -> Download:
    """The edition's book. With a cache folder and an earlier site folder (`previous`), a book made of the same inputs
    as the one that folder holds is taken from it rather than made again (at 1,000 articles, making one takes
    seconds)."""
    path = f"{FOLDER}/{file_name(edition)}"
    key = _inputs_key(collection, edition, editions, site_url, fonts_dir)
    record = cache_dir / f"epub-{edition.lang}.json" if cache_dir is not None and key else None
    known = _record(record) if record is not None else {}
    size_before = known.get("size") if isinstance(known.get("size"), int) else None
    if record is not None and previous is not None:
        earlier = _earlier(known, key, previous / path)
        if earlier is not None:
            return Download(path, len(earlier), earlier, size_before)
    documents = ArticleDocuments(cache_dir / "epub" / edition.lang, _document_keys(collection, edition, editions,
                                                                                  site_url)) if record else None
    data = epub_bytes(collection, edition, editions, site_url, fonts_dir, documents=documents)
    if documents is not None:
        documents.save()
    if record is not None:
        write_atomically(record.parent, record.name, json.dumps(
            {"key": key, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}).encode())
    return Download(path, len(data), data, size_before)


# What a book is made of besides its articles: the code that makes it (the site's and the outputs' packages) and the
# libraries whose output it holds.
CODE = [Path(__file__).resolve().parent, Path(__file__).resolve().parents[1] / "outputs"]
LIBRARIES = ("Jinja2", "lxml", "fonttools", "pillow")


def _inputs_key(collection: Collection, edition: Edition, editions: Sequence[Edition], site_url: str,
                fonts_dir: Path) -> str | None:
    """A digest of everything the book is made of; None when the articles' own keys are not known (no cache)."""
    cache = collection.cache
    if cache is None or any(article.id not in cache.keys for article in collection.articles):
        return None
    return _digest([_common(edition, editions, site_url), os.environ.get("SOURCE_DATE_EPOCH", ""),
                    *(f"{a.id}={cache.keys[a.id]}" for a in collection.articles)], [fonts_dir])


def _document_keys(collection: Collection, edition: Edition, editions: Sequence[Edition], site_url: str) -> dict[str, str]:
    """What each article's document is made of: the article (its conversion key covers its seed, its editorial files,
    the shared editorial data and the conversion's code) and what every document is made of."""
    common = _common(edition, editions, site_url)
    return {a.id: _digest([common, a.id, collection.cache.keys[a.id]]) for a in collection.articles}


def _common(edition: Edition, editions: Sequence[Edition], site_url: str) -> str:
    """What every document of an edition's book is made of: the code, the libraries, the language tables, the site."""
    return _digest([edition.lang, site_url, *(f"{name}={version(name)}" for name in LIBRARIES),
                    *(f"{e.lang}:{json.dumps(sorted(e.table.strings.items()), ensure_ascii=False, default=str)}"
                      for e in editions)], CODE)


def _digest(parts: list[str], folders: list[Path] = ()) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode() + b"\0")
    for file in sorted(p for folder in folders for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(str(file).encode() + b"\0" + hashlib.sha256(file.read_bytes()).digest())
    return digest.hexdigest()


class ArticleDocuments:
    """The documents of one edition's book, kept between builds in the cache folder: one file per document, named
    by what it is made of (a digest), and an index of them with each one's checksum and glossary terms. An entry
    that is not as it was written is made again; files no document of this book uses are removed on saving."""

    INDEX = "index.json"

    def __init__(self, folder: Path, keys: dict[str, str]):
        self.folder, self.keys = folder, keys
        self.index: dict[str, list] = {}
        try:
            index = json.loads((folder / self.INDEX).read_text(encoding="utf-8"))
            if isinstance(index, dict):
                self.index = index
        except (OSError, ValueError):
            pass
        self.used: dict[str, list] = {}

    def get(self, article_id: str) -> tuple[bytes, tuple[str, ...]] | None:
        entry, key = self.index.get(article_id), self.keys.get(article_id)
        if not (isinstance(entry, list) and len(entry) == 3 and entry[0] == key and KEY.fullmatch(key or "")):
            return None
        try:
            data = (self.folder / f"{key}.xhtml").read_bytes()
        except OSError:
            return None
        if hashlib.sha256(data).hexdigest() != entry[1] or not all(isinstance(t, str) for t in entry[2]):
            return None
        self.used[article_id] = entry
        return data, tuple(entry[2])

    def put(self, article_id: str, document: bytes, terms: tuple[str, ...]) -> None:
        key = self.keys[article_id]
        write_atomically(self.folder, f"{key}.xhtml", document)
        self.used[article_id] = [key, hashlib.sha256(document).hexdigest(), list(terms)]

    def save(self) -> None:
        write_atomically(self.folder, self.INDEX, json.dumps(self.used, sort_keys=True).encode())
        kept = {f"{entry[0]}.xhtml" for entry in self.used.values()} | {self.INDEX}
        for path in self.folder.iterdir():
            if path.name not in kept and not path.name.startswith("."):
                path.unlink()


KEY = re.compile(r"[0-9a-f]{64}")  # a document's file name in the cache: its digest, nothing else


def _record(record: Path) -> dict:
    try:
        known = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return known if isinstance(known, dict) else {}


def _earlier(known: dict, key: str, book: Path) -> bytes | None:
    """The earlier build's book when it was made of the same inputs and is still as it was written."""
    if known.get("key") != key:
        return None
    try:
        data = book.read_bytes()
    except OSError:
        return None
    return data if hashlib.sha256(data).hexdigest() == known.get("sha256") else None


def size_in_words(size: int, edition: Edition) -> str:
    """"180 kB", "1.2 MB": one decimal place under 10 MB, in the edition's words (1 kB = 1,000 bytes)."""
    if size < 1_000_000:
        return edition.t("downloads.kb", size=max(1, round(size / 1000)))
    megabytes = size / 1_000_000
    return edition.t("downloads.mb", size=f"{megabytes:.1f}" if megabytes < 10 else f"{megabytes:.0f}")


def markdown(download: Download | None, edition: Edition) -> str:
    """The download as a page of the edition shows it (a page at the edition folder's top: index.md, about.md), as
    Markdown whose link MkDocs resolves and checks: a paragraph saying what the book is, with its size."""
    if download is None:
        return ""
    link = f"[{literal(download.label(edition))}](../{download.path}){{: type=\"{MEDIA_TYPE}\" }}"
    # The paragraph's class underlines its link (hiwar.css): a link in running text is told apart by more than colour.
    return (f"## {literal(edition.t('downloads.title'))} {{#downloads}}\n\n{literal(edition.t('downloads.epub'))} {link}\n"
            "{: .hiwar-downloads }\n")


def shows_book(page: Path) -> bool:
    """Whether a hand-written page shows the downloads: it is made again when the book's size as shown changes (its
    own file does not change, and a dirty build would keep the page as it was)."""
    try:
        return MARKER.search(page.read_text(encoding="utf-8")) is not None
    except (OSError, UnicodeDecodeError):
        return False


def fill(page: str, download: Download | None, edition: Edition) -> str:
    """A hand-written page with its marker replaced by the edition's downloads (or by nothing, without a book)."""
    return MARKER.sub(lambda _: markdown(download, edition), page)


def staged_books(stage: Path, site: str, target: Path) -> list[tuple[str, Path]]:
    """The books of a staged site (stage/site/downloads/), copied beside it in the stage so that publishing moves them
    into `target` with the rest; books of an earlier build that this one no longer makes are removed from `target`."""
    moves = []
    books = sorted((stage / site / FOLDER).glob("*.epub"))
    for book in books:
        staged = stage / book.name
        staged.unlink(missing_ok=True)
        shutil.copyfile(book, staged)  # a copy: an edit of one output never changes another
        moves.append((book.name, target / book.name))
    made = {book.name for book in books}
    for stale in sorted(target.glob("hiwar-*.epub")) if target.is_dir() else []:
        if stale.name not in made:
            stale.unlink()
    return moves
