"""Unchanged seeds are not read again, and derived data made from unchanged articles is not made again.

An article is cached under a key that covers everything it is made from: the seed's bytes, its
editorial files, the shared editorial data (tags, events, names, glossary) and the converter's
own code, so a change to any of them re-converts exactly the articles it can affect.

Input files are hashed once and then known by size and modification time, as git does, except
when they were modified too shortly before they were hashed to tell a later change apart.
(Pages are the site's business: site/outputs.py knows which it wrote, site/generate.py which to make.)
"""
from __future__ import annotations

import hashlib
import pickle
import time
from functools import cached_property
from pathlib import Path

from hiwar.ingest.files import read_bytes
from hiwar.ingest.naming import SEED_SUFFIX
from hiwar.ingest.seed import ARTICLE_TEXT_LIMIT
from hiwar.model.article import Article
from hiwar.problems import InputError

# The conversion is made by these packages; the site, the benchmarks and the audit are not part of it.
CONVERSION_CODE = [Path(__file__).resolve().parents[1] / package for package in ("ingest", "knowledge", "model", "enrich")]
CONVERSION_FILES = ("*.py", "*.yml")  # code, and the rules it reads (knowledge/search_rules.yml)
VERSION = 6
RACY_NS = 2_000_000_000  # a file modified within 2 s of being hashed is hashed again next time


class ArticleCache:
    def __init__(self, folder: Path | None, shared: list[Path], languages: tuple[str, ...] = ()):
        self.path = folder / "articles.pickle" if folder else None
        # seed name -> (key, the article pickled): an article read from the cache is not pickled again
        self.entries: dict[str, tuple[str, bytes]] = {}
        self.pages: dict[str, tuple[str, str]] = {}  # derived data -> (what it was made from, its text)
        self.inputs: dict[str, tuple[int, int, str]] = {}  # input file -> (size, mtime_ns, sha256)
        self.keys: dict[str, str] = {}  # article id -> key of this run
        self.converted: list[str] = []  # the seeds read this time (not found in the cache)
        self._inputs_seen: set[str] = set()
        if self.path and self.path.exists():
            try:
                version, self.entries, self.pages, self.inputs = pickle.loads(self.path.read_bytes())
                if version != VERSION:
                    self.entries, self.pages, self.inputs = {}, {}, {}
            except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
                pass  # a cache from another version of the code: start afresh
        self._shared = shared
        self._languages = languages  # an article holds its texts in these: another set is another conversion

    @cached_property
    def common(self) -> str:
        """What every article is also made from: the converter's code, the shared editorial data and the languages."""
        code = sorted(p for folder in CONVERSION_CODE for pattern in CONVERSION_FILES for p in folder.glob(pattern))
        return self._digest(code + self._shared) + str(VERSION) + ",".join(self._languages)

    def _sha(self, path: Path) -> str:
        try:
            stat = path.stat()
        except FileNotFoundError:
            return "<missing>"
        name = str(path)
        self._inputs_seen.add(name)
        known = self.inputs.get(name)
        if known and known[:2] == (stat.st_size, stat.st_mtime_ns):
            return known[2]
        try:
            # An article's text (a seed or a translation, the .txt inputs) is read within its size limit, here too:
            # one over it is refused when the article is read, never read whole to be hashed first.
            limit = ARTICLE_TEXT_LIMIT if path.suffix == SEED_SUFFIX else None
            sha = hashlib.sha256(read_bytes(path, name, limit)).hexdigest()
        except InputError:
            return "<unreadable>"  # not remembered: reading the file for the article reports why
        if time.time_ns() - stat.st_mtime_ns > RACY_NS:
            self.inputs[name] = (stat.st_size, stat.st_mtime_ns, sha)
        else:
            self.inputs.pop(name, None)
        return sha

    def _digest(self, paths: list[Path]) -> str:
        return hashlib.sha256("".join(f"{path.name}\0{self._sha(path)}\0" for path in paths).encode()).hexdigest()

    def key(self, seed: Path, own_files: list[Path]) -> str:
        return hashlib.sha256((self.common + self._digest([seed, *own_files])).encode()).hexdigest()

    def get(self, name: str, key: str) -> Article | None:
        entry = self.entries.get(name)
        if not entry or entry[0] != key:
            return None
        try:
            article = pickle.loads(entry[1])
        except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            return None  # unreadable: the seed is read again
        self.keys[article.id] = key
        return article

    def put(self, name: str, key: str, article: Article) -> None:
        self.entries[name] = (key, pickle.dumps(article, protocol=pickle.HIGHEST_PROTOCOL))
        self.keys[article.id] = key
        self.converted.append(name)

    def page(self, key: str, made_from: str, render) -> str:
        """Derived text (not a page file): from the cache when it was made from the same inputs, else made now."""
        cached = self.pages.get(key)
        if cached and cached[0] == made_from:
            return cached[1]
        text = render()
        self.pages[key] = (made_from, text)
        return text

    def save(self, names: set[str], keys: set[str]) -> None:
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        entries = {name: entry for name, entry in self.entries.items() if name in names}
        pages = {key: entry for key, entry in self.pages.items() if key in keys}
        inputs = {name: entry for name, entry in self.inputs.items() if name in self._inputs_seen}
        partial = self.path.with_suffix(".partial")
        partial.write_bytes(pickle.dumps((VERSION, entries, pages, inputs), protocol=pickle.HIGHEST_PROTOCOL))
        partial.replace(self.path)
