"""Each edition's book (outputs/epub): an output made before the edition's pages (they offer it with its size), in
dist/ (`hiwar-ar.epub`) and in the site for download (`downloads/hiwar-ar.epub`). A book made of the same inputs as
the last build's is taken from the store; each article's document is kept between builds (ArticleDocuments), so
after one edited article a book makes one document again, not all of them."""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Sequence
from importlib.metadata import version
from pathlib import Path

from hiwar.enrich.collection import Collection
from hiwar.outputs.contract import Context, Files, Moment, Output, Scope, Target
from hiwar.outputs.epub import MEDIA_TYPE, epub_bytes, file_name
from hiwar.outputs.paths import write_atomically
from hiwar.site.downloads import FOLDER
from hiwar.site.editions import Edition


class EditionBook(Output):
    name = "epub"
    target = Target.DIST
    scope = Scope.EDITION
    moment = Moment.BEFORE_PAGES
    media_type = MEDIA_TYPE

    def inputs(self, context: Context) -> str | None:
        return _inputs_key(
            context.converted.collection,
            context.edition,
            context.editions,
            context.site_url,
            context.options.assets_dir / "fonts",
        )

    def produce(self, context: Context, files: Files) -> None:
        collection, edition = context.converted.collection, context.edition
        documents = kept = None
        if collection.cache is not None and all(a.id in collection.cache.keys for a in collection.articles):
            keys = _document_keys(collection, edition, context.editions, context.site_url)
            documents = ArticleDocuments(context.options.cache_dir / "epub" / edition.lang, keys)
            # Only a preview makes another book in this process: a build would hold every part until it ends.
            kept = KeptParts(context.memo, edition.lang, keys, documents) if context.options.serving else None
        with context.progress.stage(f"e-book {edition.lang}", unit="books") as stage:
            data = epub_bytes(
                collection,
                edition,
                context.editions,
                context.site_url,
                context.options.assets_dir / "fonts",
                documents=kept if kept is not None else documents,
                kept=kept,
            )
            stage.advance()
        if documents is not None:
            documents.save()
        digest = files.add(file_name(edition), data)
        files.add_blob(f"{FOLDER}/{file_name(edition)}", digest, Target.SITE)

    def reused(self, context: Context, entry) -> None:
        """The book's parts kept for the next book this process makes; a preview's first build (which takes the last
        build's book) makes them, so that its first edit does not make them all."""
        for part in ("document", "entry", "file", "cover"):
            context.memo.keep(f"epub-{part}:{context.edition.lang}:")
        if context.options.serving and not context.memo.has_prefix(f"epub-file:{context.edition.lang}:"):
            self.produce(context, Files(context.store, self.name, self.target))


# What a book is made of besides its articles: the code that makes it (the site's and the outputs' packages) and the
# libraries whose output it holds.
CODE = [Path(__file__).resolve().parents[1] / "site", Path(__file__).resolve().parent]
LIBRARIES = ("Jinja2", "lxml", "fonttools", "pillow")


def _inputs_key(
    collection: Collection, edition: Edition, editions: Sequence[Edition], site_url: str, fonts_dir: Path
) -> str | None:
    """A digest of everything the book is made of; None when the articles' own keys are not known (no cache)."""
    cache = collection.cache
    if cache is None or any(article.id not in cache.keys for article in collection.articles):
        return None
    return _digest(
        [
            _common(edition, editions, site_url),
            os.environ.get("SOURCE_DATE_EPOCH", ""),
            *(f"{a.id}={cache.keys[a.id]}" for a in collection.articles),
        ],
        [fonts_dir],
    )


def _document_keys(
    collection: Collection, edition: Edition, editions: Sequence[Edition], site_url: str
) -> dict[str, str]:
    """What each article's document is made of: the article (its conversion key covers its seed, its editorial files,
    the shared editorial data and the conversion's code) and what every document is made of."""
    common = _common(edition, editions, site_url)
    return {a.id: _digest([common, a.id, collection.cache.keys[a.id]]) for a in collection.articles}


def _common(edition: Edition, editions: Sequence[Edition], site_url: str) -> str:
    """What every document of an edition's book is made of: the code, the libraries, the language tables, the site."""
    return _digest(
        [
            edition.lang,
            site_url,
            *(f"{name}={version(name)}" for name in LIBRARIES),
            *(
                f"{e.lang}:{json.dumps(sorted(e.table.strings.items()), ensure_ascii=False, default=str)}"
                for e in editions
            ),
        ],
        CODE,
    )


def _digest(parts: list[str], folders: list[Path] = ()) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode() + b"\0")
    for file in sorted(
        p for folder in folders for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts
    ):
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

    def keep(self, article_id: str) -> None:
        """The article's document, taken from memory (KeptParts), stays in the cache folder."""
        entry, key = self.index.get(article_id), self.keys.get(article_id)
        if isinstance(entry, list) and len(entry) == 3 and entry[0] == key:
            self.used.setdefault(article_id, entry)

    def put(self, article_id: str, document: bytes, terms: tuple[str, ...]) -> None:
        key = self.keys[article_id]
        try:
            write_atomically(self.folder, f"{key}.xhtml", document)
        except OSError:  # a cache: the book is made all the same, and its next build makes the document again
            return
        self.used[article_id] = [key, hashlib.sha256(document).hexdigest(), list(terms)]

    def save(self) -> None:
        try:
            write_atomically(self.folder, self.INDEX, json.dumps(self.used, sort_keys=True).encode())
            kept = {f"{entry[0]}.xhtml" for entry in self.used.values()} | {self.INDEX}
            for path in self.folder.iterdir():
                if path.name not in kept and not path.name.startswith("."):
                    path.unlink()
        except OSError:  # a cache (above)
            pass


class KeptParts:
    """The parts of an edition's book that the last build in this process made (build/memo): each article's document
    (else from ArticleDocuments), its entry in the package, every file's compressed bytes and the cover, each taken
    while it is made of the same (the article's document key; the file's bytes; what the cover shows)."""

    def __init__(self, memo, lang: str, keys: dict[str, str], documents: ArticleDocuments):
        self.memo, self.lang, self.keys, self.documents = memo, lang, keys, documents

    def get(self, article_id: str) -> tuple[bytes, tuple[str, ...]] | None:
        found = self.memo.get(
            f"epub-document:{self.lang}:{article_id}", self.keys[article_id], lambda: self.documents.get(article_id)
        )
        if found is not None:
            self.documents.keep(article_id)
        return found

    def put(self, article_id: str, document: bytes, terms: tuple[str, ...]) -> None:
        self.documents.put(article_id, document, terms)
        self.memo.put(f"epub-document:{self.lang}:{article_id}", self.keys[article_id], (document, terms))

    def article_doc(self, article_id: str, name: str, make):
        return self.memo.get(f"epub-entry:{self.lang}:{article_id}", f"{self.keys[article_id]}:{name}", make)

    def deflated(self, path: str, data: bytes, make) -> tuple[int, bytes]:
        return self.memo.get(f"epub-file:{self.lang}:{path}", hashlib.sha256(data).hexdigest(), make)

    def cover(self, key: str, make) -> bytes:
        return self.memo.get(f"epub-cover:{self.lang}", key, make)


KEY = re.compile(r"[0-9a-f]{64}")  # a document's file name in the cache: its digest, nothing else
