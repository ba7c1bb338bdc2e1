"""The index writer: documents in, a folder of small script files out.

    search/manifest.js      the directory: languages, rank tiers, each document's language and tier,
                            and the first word of each word chunk (loaded when the reader turns to search)
    search/words/N.js       word chunks: consecutive words of the sorted vocabulary and their postings;
                            a query loads only the chunks its words fall in
    search/pages/N.js       one per document: URL, language, title, date and text (for the excerpt);
                            loaded for the results shown

Every file is JavaScript that hands its data to the query module (`hiwarSearchIndex(key, data)`), so the
same files load by <script> from file:// (where fetch is blocked) and over http. Same documents in,
same bytes out.
"""
from __future__ import annotations

import json
import shutil
from array import array
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from hiwar.knowledge.searchtext import index_tokens
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


def write_index(documents: Iterable[SearchDocument], folder: Path) -> IndexStats:
    """Write the search index of these documents under `folder` (the site's search/ folder)."""
    documents = _in_order(documents)
    for name in (MANIFEST + ".js", WORDS, PAGES):  # only what this writer makes: an old index goes
        target = folder / name
        shutil.rmtree(target) if target.is_dir() else target.unlink(missing_ok=True)
    (folder / WORDS).mkdir(parents=True)
    (folder / PAGES).mkdir()
    postings = _postings(documents)
    words = sorted(postings, key=_utf16)  # the browser compares strings by UTF-16 code units
    chunks = _chunks(words, postings)
    sizes = [_write(folder, f"{WORDS}/{n}", {"w": chunk, "p": [postings[word] for word in chunk]})
             for n, chunk in enumerate(chunks)]
    for number, document in enumerate(documents):
        page = {"u": document.url, "l": document.lang, "t": document.title, "d": document.date,
                "x": document.text[:EXCERPT_SOURCE]}
        sizes.append(_write(folder, f"{PAGES}/{number}", page))
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
    sizes.append(_write(folder, MANIFEST, manifest))
    return IndexStats(len(documents), len(words), len(chunks), len(sizes), sum(sizes), max(sizes))


def _in_order(documents: Iterable[SearchDocument]) -> list[SearchDocument]:
    ordered = sorted(documents, key=lambda d: d.url)
    for first, second in zip(ordered, ordered[1:]):
        if first.url == second.url:
            raise ValueError(f"two search documents have the URL {first.url!r}")
    return ordered


def _postings(documents: list[SearchDocument]) -> dict[str, str]:
    lists: dict[str, array] = defaultdict(lambda: array("I"))
    for number, document in enumerate(documents):
        counts = Counter(index_tokens(document.text))
        counts.update(index_tokens(document.extra))
        title = set(index_tokens(document.title))
        for word in counts.keys() | title:
            lists[word].append(number << WEIGHT_BITS | weight(word in title, counts.get(word, 0)))
    return {word: encode(numbers) for word, numbers in lists.items()}


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


def _write(folder: Path, key: str, data) -> int:
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # JSON allows these two line ends inside strings; older JavaScript does not.
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    body = f'{REGISTER}("{key}",{text});\n'.encode("utf-8")
    (folder / f"{key}.js").write_bytes(body)
    return len(body)
