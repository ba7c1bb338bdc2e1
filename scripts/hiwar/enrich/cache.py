"""Unchanged seeds are not read again, and derived data made from unchanged articles is not made again.

An article is cached under a key that covers everything it is made from: the bytes of the seed, of its editorial
files and of the shared editorial data (tags, events, names, glossary), and the converter's own code, so a change to
any of them re-converts exactly the articles it can affect. Inputs are known by their content (SHA-256), never by
size and time: an edit that keeps both is seen.

The cache is a cache, never a source of truth: its file is sealed (a damaged or edited one is reported in one line
and the seeds are converted again), and an entry that does not read back as the article it names is converted again.
(Pages are the site's business: build/plan.py decides which to make, outputs/record.py what was made.)
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable
from functools import cached_property
from pathlib import Path

from hiwar.ingest.files import read_bytes
from hiwar.ingest.naming import SEED_SUFFIX
from hiwar.ingest.seed import ARTICLE_TEXT_LIMIT
from hiwar.model.article import Article
from hiwar.problems import InputError
from hiwar.sealed import Unreadable, read_sealed, write_sealed

# The conversion is made by these packages; the site, the benchmarks and the audit are not part of it.
CONVERSION_CODE = [
    Path(__file__).resolve().parents[1] / package for package in ("ingest", "knowledge", "model", "enrich")
]
CONVERSION_FILES = ("*.py", "*.yml")  # code, and the rules it reads (knowledge/search_rules.yml)
VERSION = 7


class ArticleCache:
    def __init__(
        self,
        folder: Path | None,
        shared: list[Path],
        languages: tuple[str, ...] = (),
        say: Callable[[str], None] = lambda line: None,
    ):
        self.path = folder / "articles.pickle" if folder else None
        # seed name -> (key, the article pickled): an article read from the cache is not pickled again
        self.entries: dict[str, tuple[str, bytes]] = {}
        self.pages: dict[str, tuple[str, str]] = {}  # derived data -> (what it was made from, its text)
        self.keys: dict[str, str] = {}  # article id -> key of this run
        self.converted: list[str] = []  # the seeds read this time (not found in the cache)
        self.dropped: list[str] = []  # entries that did not read back as the article they name
        self.loaded: dict[
            str, tuple[str, Article]
        ] = {}  # seed name -> (key, article) read or converted in this process
        self._say = say
        self._changed = False  # since the file was read: save() writes it only then
        if self.path is not None:
            payload = read_sealed(self.path, f"articles/{VERSION}")
            if isinstance(payload, Unreadable):
                say(str(payload))
            elif payload is not None:
                self.entries, self.pages = _checked(payload, self.path, say)
        self._shared = shared
        self._languages = languages  # an article holds its texts in these: another set is another conversion

    def renewed(self, shared: list[Path], languages: tuple[str, ...], say: Callable[[str], None]) -> "ArticleCache":
        """This cache for another run in the same process (the preview's next build): its entries and the articles
        it read stay in memory, not read again from its file; what is said of a run starts afresh."""
        self.keys, self.converted, self.dropped = {}, [], []
        self._shared, self._languages, self._say = shared, languages, say
        self.__dict__.pop("common", None)  # the code or the shared editorial data may have changed
        return self

    @cached_property
    def common(self) -> str:
        """What every article is also made from: the converter's code, the shared editorial data and the languages."""
        code = sorted(p for folder in CONVERSION_CODE for pattern in CONVERSION_FILES for p in folder.glob(pattern))
        return self._digest(code + self._shared) + str(VERSION) + ",".join(self._languages)

    def _sha(self, path: Path) -> str:
        try:
            # An article's text (a seed or a translation, the .txt inputs) is read within its size limit, here too:
            # one over it is refused when the article is read, never read whole to be hashed first.
            limit = ARTICLE_TEXT_LIMIT if path.suffix == SEED_SUFFIX else None
            return hashlib.sha256(read_bytes(path, str(path), limit)).hexdigest()
        except InputError:
            return "<unreadable>"  # reading the file for the article reports why
        except FileNotFoundError:
            return "<missing>"

    def _digest(self, paths: list[Path]) -> str:
        return hashlib.sha256("".join(f"{path.name}\0{self._sha(path)}\0" for path in paths).encode()).hexdigest()

    def key(self, seed: Path, own_files: list[Path]) -> str:
        return hashlib.sha256((self.common + self._digest([seed, *own_files])).encode()).hexdigest()

    def get(self, name: str, key: str) -> Article | None:
        entry = self.entries.get(name)
        if not entry or entry[0] != key:
            return None
        loaded = self.loaded.get(name)
        if loaded is not None and loaded[0] == key:
            article = loaded[1]
        else:
            try:
                article = pickle.loads(entry[1])
            except Exception:  # noqa: BLE001 — whatever a damaged entry raises, the seed is read again
                article = None
            if not isinstance(article, Article) or article.seed.name != name:
                self.dropped.append(name)
                self._changed = True
                return None
            self.loaded[name] = (key, article)
        self.keys[article.id] = key
        return article

    def put(self, name: str, key: str, article: Article) -> None:
        self.entries[name] = (key, pickle.dumps(article, protocol=pickle.HIGHEST_PROTOCOL))
        self.loaded[name] = (key, article)
        self.keys[article.id] = key
        self.converted.append(name)
        self._changed = True

    def page(self, key: str, made_from: str, render) -> str:
        """Derived text (not a page file): from the cache when it was made from the same inputs, else made now."""
        cached = self.pages.get(key)
        if cached and cached[0] == made_from:
            return cached[1]
        text = render()
        self.pages[key] = (made_from, text)
        self._changed = True
        return text

    def release(self) -> None:
        """Once saved, the entries' bytes leave memory (a build's process keeps the articles themselves): at 10,000
        articles, some 300 MB that no later step reads. Nothing is saved after this."""
        self.entries, self.loaded, self.path = {}, {}, None

    def save(self, names: set[str], keys: set[str]) -> None:
        """The entries of these seeds and derived texts, written when they differ from the file's (or there is none)."""
        if self.path is None:
            return
        entries = {name: entry for name, entry in self.entries.items() if name in names}
        pages = {key: entry for key, entry in self.pages.items() if key in keys}
        if (
            not self._changed
            and len(entries) == len(self.entries)
            and len(pages) == len(self.pages)
            and self.path.is_file()
        ):
            return
        write_sealed(self.path, f"articles/{VERSION}", pickle.dumps((entries, pages), protocol=pickle.HIGHEST_PROTOCOL))
        self.entries, self.pages = entries, pages
        self.loaded = {name: loaded for name, loaded in self.loaded.items() if name in entries}
        self._changed = False


def _checked(payload: bytes, path: Path, say: Callable[[str], None]):
    """The entries and derived texts of a sealed cache file, when they have the shape this code writes."""
    try:
        entries, pages = pickle.loads(payload)
        if (
            isinstance(entries, dict)
            and isinstance(pages, dict)
            and all(
                isinstance(k, str)
                and isinstance(v, tuple)
                and len(v) == 2
                and isinstance(v[0], str)
                and isinstance(v[1], bytes)
                for k, v in entries.items()
            )
            and all(
                isinstance(k, str) and isinstance(v, tuple) and len(v) == 2 and all(isinstance(x, str) for x in v)
                for k, v in pages.items()
            )
        ):
            return entries, pages
    except Exception:  # noqa: BLE001 — a sealed file of another shape: made again
        pass
    say(str(Unreadable(path, "does not hold converted articles")))
    return {}, {}
