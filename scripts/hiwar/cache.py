"""Unchanged seeds are not read again: a cache of understood articles, keyed by content hash.

The key covers everything an article is made from: the seed's bytes, its editorial files, the
shared editorial data (tags, events, names, glossary) and the converter's own code, so a
change to any of them re-converts exactly the articles it can affect.
"""
from __future__ import annotations

import hashlib
import pickle
from pathlib import Path

from .enrich import Article

CODE = Path(__file__).resolve().parent
VERSION = 2


def _digest(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes() if path.exists() else b"<missing>")
    return digest.hexdigest()


class ArticleCache:
    def __init__(self, folder: Path | None, shared: list[Path]):
        self.path = folder / "articles.pickle" if folder else None
        self.common = _digest(sorted(CODE.glob("*.py")) + shared) + str(VERSION)
        self.entries: dict[str, tuple[str, Article]] = {}
        self.pages: dict[str, tuple[str, str]] = {}  # page path -> (what it was made from, its text)
        self.keys: dict[str, str] = {}  # article id -> key of this run
        self.converted: list[str] = []  # the seeds read this time (not found in the cache)
        if self.path and self.path.exists():
            try:
                self.entries, self.pages = pickle.loads(self.path.read_bytes())
            except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
                self.entries, self.pages = {}, {}  # a cache from another version of the code: start afresh

    def key(self, seed: Path, own_files: list[Path]) -> str:
        return hashlib.sha256((self.common + _digest([seed, *own_files])).encode()).hexdigest()

    def get(self, name: str, key: str) -> Article | None:
        entry = self.entries.get(name)
        if entry and entry[0] == key:
            self.keys[entry[1].id] = key
            return entry[1]
        return None

    def put(self, name: str, key: str, article: Article) -> None:
        self.entries[name] = (key, article)
        self.keys[article.id] = key
        self.converted.append(name)

    def page(self, path: str, made_from: str, render) -> str:
        """A page's text: from the cache when it was made from the same inputs, else rendered now."""
        cached = self.pages.get(path)
        if cached and cached[0] == made_from:
            return cached[1]
        text = render()
        self.pages[path] = (made_from, text)
        return text

    def save(self, names: set[str], pages: set[str]) -> None:
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        entries = {name: entry for name, entry in self.entries.items() if name in names}
        kept_pages = {path: entry for path, entry in self.pages.items() if path in pages}
        partial = self.path.with_suffix(".partial")
        partial.write_bytes(pickle.dumps((entries, kept_pages), protocol=pickle.HIGHEST_PROTOCOL))
        partial.replace(self.path)
