"""The index writer: documents in, a folder of small script files out.

    search/manifest.js      the directory: languages, rank tiers, each document's language and tier,
                            and the first word of each word chunk (loaded when the reader turns to search)
    search/words/N.js       word chunks: consecutive words of the sorted vocabulary and their postings;
                            a query loads only the chunks its words fall in
    search/pages/N.js       one per document: URL, language, title, date and text (for the excerpt);
                            loaded for the results shown

Every file is JavaScript that hands its data to the query module (`hiwarSearchIndex(key, data)`), so the
same files load by <script> from file:// (where fetch is blocked) and over http. Same documents in,
same bytes out; what each document is indexed under can be kept between builds (TermCache): folding every word of
an archive is most of the index's time.
"""

from __future__ import annotations

import bisect
import hashlib
import json
from array import array
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

import msgspec

from hiwar.knowledge import searchtext
from hiwar.knowledge.searchtext import index_tokens
from hiwar.sealed import Unreadable, read_sealed, write_sealed
from hiwar.site.search.document import SearchDocument
from hiwar.site.search.postings import ALPHABET, WEIGHT_BITS, encode, weight

REGISTER = "hiwarSearchIndex"  # the query module's global: the one way data reaches it
MANIFEST = "manifest"
WORDS = "words"
PAGES = "pages"
CHUNK_CHARACTERS = 24_000  # a word chunk closes past this size (~8 KB gzipped); a larger word gets one alone
EXCERPT_SOURCE = 30_000  # characters of a page's text kept for excerpts: a listing of the whole archive is cut
FORMAT = 1


@dataclass(frozen=True)
class IndexStats:
    documents: int
    words: int  # distinct index forms
    chunks: int  # word chunks
    files: int
    bytes: int
    largest_file: int  # bytes


def _terms_version() -> str:
    """The code and rules that decide what a document is indexed under: a change to any of them indexes afresh."""
    knowledge = Path(searchtext.__file__).parent
    sources = [
        *sorted(knowledge.glob("*.py")),
        *sorted(knowledge.glob("*.yml")),
        Path(__file__),
        Path(__file__).with_name("postings.py"),
    ]
    return hashlib.sha256(b"".join(path.read_bytes() for path in sources)).hexdigest()


class TermCache:
    """What each document is indexed under (its words with their weights), by the document's language, title, text
    and extra; kept in a sealed, typed file between builds when given one (a damaged one is reported and made again).
    Only the documents of the last index are kept."""

    def __init__(self, path: Path | None = None, say: Callable[[str], None] = lambda line: None):
        self.path = path
        self.version = _terms_version()
        self.known: dict[str, tuple[tuple[str, ...], bytes]] = {}
        self.used: set[str] = set()
        if path is not None:
            payload = read_sealed(path, f"search-terms/{self.version}")
            if isinstance(payload, Unreadable):
                say(str(payload))
            elif payload is not None:
                try:
                    self.known = msgspec.msgpack.decode(payload, type=dict[str, tuple[tuple[str, ...], bytes]])
                except (msgspec.ValidationError, msgspec.DecodeError) as err:
                    say(str(Unreadable(path, f"does not hold search terms ({err})")))
        self.last: _LastIndex | None = None  # what the last index of this process was made of (the preview's)
        self.blobs: dict[str, tuple[bytes, str]] = {}  # the last index's files: bytes and blob, for the build's store

    def terms(self, document: SearchDocument) -> tuple[tuple[str, ...], bytes]:
        return self.terms_by_key(document, self.key(document))

    @staticmethod
    def key(document: SearchDocument) -> str:
        # the language too: it decides the analysis of the words no script claims
        fields = (document.lang, document.title, document.text, document.extra)
        return hashlib.sha256("\0".join(fields).encode()).hexdigest()

    def terms_by_key(self, document: SearchDocument, key: str) -> tuple[tuple[str, ...], bytes]:
        self.used.add(key)
        found = self.known.get(key)
        if found is None or len(found[0]) != len(found[1]):
            found = self.known[key] = _terms(document)
        return found

    def save(self) -> None:
        self.known = {key: value for key, value in self.known.items() if key in self.used}
        self.used = set()
        if self.path is not None:
            write_sealed(self.path, f"search-terms/{self.version}", msgspec.msgpack.encode(self.known))


def index_files(
    documents: Iterable[SearchDocument], cache: TermCache | None = None, again: bool = False
) -> tuple[dict[str, bytes], IndexStats]:
    """The search index of these documents: its files by path inside the site's search/ folder, and its figures.
    `again`: the process will index again (the preview's), so the cache keeps this index to patch it next time."""
    documents = _in_order(documents)
    cache = cache or TermCache()
    files: dict[str, bytes] = {}
    written = cache.last.scripts if cache.last is not None else {}
    kept: dict[str, tuple[tuple, bytes]] = {}

    def write(key: str, data, shown: tuple) -> int:
        """The file's script, or the last index's when it showed the same (a preview's edit changes a few files)."""
        earlier = written.get(key)
        body = earlier[1] if earlier is not None and earlier[0] == shown else _script(key, data)
        files[f"{key}.js"] = body
        kept[key] = (shown, body)
        return len(body)

    last = _LastIndex.of(documents, cache)
    postings, words = last.postings, last.words
    cache.save()
    cache.last = last if again else None  # a build that indexes once does not hold it while its other outputs run
    chunks = _chunks(words, postings)
    sizes = []
    for n, chunk in enumerate(chunks):
        lists = [postings[word] for word in chunk]
        key = f"{WORDS}/{n}"
        sizes.append(write(key, {"w": chunk, "p": lists}, (tuple(chunk), tuple(lists))))
    for number, document in enumerate(documents):
        page = {
            "u": document.url,
            "l": document.lang,
            "t": document.title,
            "d": document.date,
            "x": document.text[:EXCERPT_SOURCE],
        }
        sizes.append(write(f"{PAGES}/{number}", page, tuple(page.values())))
    languages = sorted({document.lang for document in documents})
    tiers = sorted({document.boost for document in documents}, reverse=True)
    if len(languages) > len(ALPHABET) or len(tiers) > len(ALPHABET):
        raise ValueError(f"the search index holds at most {len(ALPHABET)} languages and {len(ALPHABET)} boosts")
    manifest = {
        "format": FORMAT,
        "languages": languages,
        "boosts": tiers,
        # two characters per document: its language and its tier, by index into the lists above
        "documents": "".join(ALPHABET[languages.index(d.lang)] + ALPHABET[tiers.index(d.boost)] for d in documents),
        "chunks": [chunk[0] for chunk in chunks],
    }
    sizes.append(write(MANIFEST, manifest, (repr(manifest),)))
    last.scripts = kept
    return files, IndexStats(len(documents), len(words), len(chunks), len(sizes), sum(sizes), max(sizes))


def _in_order(documents: Iterable[SearchDocument]) -> list[SearchDocument]:
    ordered = sorted(documents, key=lambda d: d.url)
    for first, second in zip(ordered, ordered[1:]):
        if first.url == second.url:
            raise ValueError(f"two search documents have the URL {first.url!r}")
    return ordered


def _terms(document: SearchDocument) -> tuple[tuple[str, ...], bytes]:
    """The words a document is indexed under, and the weight of each (one byte: WEIGHT_BITS < 8)."""
    counts = Counter(index_tokens(document.text, document.lang))
    counts.update(index_tokens(document.extra, document.lang))
    title = set(index_tokens(document.title, document.lang))
    words = tuple(sorted(counts.keys() | title))
    return words, bytes(weight(word in title, counts.get(word, 0)) for word in words)


class _LastIndex:
    """The postings of an index and what they were made of, kept by a process that indexes again (the preview): the
    next index of the same pages in the same order changes only the lists of the words its changed pages hold or held,
    and gives the same postings a whole index would."""

    PATCHED_AT_MOST = 0.05  # of the documents; past that, indexing afresh is as quick

    def __init__(self, urls: list[str], keys: list[str], terms: list, lists: dict[str, array]):
        self.urls, self.keys, self.terms, self.lists = urls, keys, terms, lists
        self.postings = {word: encode(numbers) for word, numbers in lists.items()}
        self.words = sorted(self.postings, key=_utf16)  # the browser compares strings by UTF-16 code units
        self.scripts: dict[str, tuple[tuple, bytes]] = {}

    @classmethod
    def of(cls, documents: list[SearchDocument], cache: TermCache) -> _LastIndex:
        urls = [document.url for document in documents]
        keys = [cache.key(document) for document in documents]
        last, cache.last = cache.last, None  # given up if patching fails half way
        if last is not None and last.urls == urls:
            changed = [number for number, (old, new) in enumerate(zip(last.keys, keys)) if old != new]
            if len(changed) <= cls.PATCHED_AT_MOST * len(documents):
                cache.used.update(keys)
                last.patch({number: cache.terms_by_key(documents[number], keys[number]) for number in changed}, keys)
                return last
        terms = [cache.terms_by_key(document, key) for document, key in zip(documents, keys)]
        lists: dict[str, array] = defaultdict(lambda: array("I"))
        for number, (words, weights) in enumerate(terms):
            for word, word_weight in zip(words, weights):
                lists[word].append(number << WEIGHT_BITS | word_weight)
        return cls(urls, keys, terms, dict(lists))

    def patch(self, changed: dict[int, tuple[tuple[str, ...], bytes]], keys: list[str]) -> None:
        touched: set[str] = set()
        for number, (words, weights) in changed.items():
            old_words, old_weights = self.terms[number]
            for word, word_weight in zip(old_words, old_weights):
                self.lists[word].remove(number << WEIGHT_BITS | word_weight)
                touched.add(word)
            for word, word_weight in zip(words, weights):
                numbers = self.lists.setdefault(word, array("I"))
                bisect.insort(numbers, number << WEIGHT_BITS | word_weight)
                touched.add(word)
            self.terms[number] = (words, weights)
        self.keys = keys
        for word in touched:
            numbers = self.lists[word]
            if numbers:
                if word not in self.postings:
                    bisect.insort(self.words, word, key=_utf16)
                self.postings[word] = encode(numbers)
            else:
                del self.lists[word]
                del self.postings[word]
                del self.words[bisect.bisect_left(self.words, _utf16(word), key=_utf16)]


def _utf16(word: str) -> bytes:
    return word.encode("utf-16-be")


def _chunks(words: list[str], postings: dict[str, str]) -> list[list[str]]:
    chunks: list[list[str]] = [[]]
    size = 0
    for word in words:
        if size >= CHUNK_CHARACTERS:
            chunks.append([])
            size = 0
        chunks[-1].append(word)
        size += 2 * len(word) + len(postings[word]) + 6
    return [chunk for chunk in chunks if chunk]


def _script(key: str, data) -> bytes:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # JSON allows these two line ends inside strings; older JavaScript does not.
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f'{REGISTER}("{key}",{text});\n'.encode("utf-8")
