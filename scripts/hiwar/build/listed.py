"""What a listing shows of an article, so that a listing is made again only when that changed.

The listings (site/listings.py, and the home page of site/pages.py) are each handed the articles as ListedArticle
objects that answer only the fields their entry in LISTINGS names: reading another field is an error that names this
module. The digest of those fields (`listed_digest`) is then everything the listing reads of the articles, by
construction, and a listing whose digest is the last build's is not made again: an edit of a paragraph's text makes
no listing again; a new summary makes the home page again, not the index of names.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from hiwar.model.article import Article
from hiwar.site.editions import Edition

# Fields answered as they are; "parsed" answers only how many numbered paragraphs there are (parsed.numbered, whose
# items are placeholders); the calls are answered for the editions' languages (and reading speeds) only.
FIELDS = frozenset({"id", "title", "date", "tags", "summary", "events", "mentions", "newest_first_key", "parsed"})
CALLS = frozenset({"translation_status", "translated_paragraphs", "reading_minutes"})


@dataclass(frozen=True)
class Listing:
    """A listing and what it reads of each article (names of FIELDS and CALLS)."""

    name: str
    reads: frozenset[str]


class NotListed(AttributeError):
    pass


class _Paragraphs:
    """`parsed` as a listing sees it: as many numbered paragraphs as the article has, and nothing of them."""

    __slots__ = ("numbered",)

    def __init__(self, count: int):
        self.numbered = range(count)


class ListedArticle:
    __slots__ = ("_article", "_reads", "_languages", "_speeds", "_listing")

    def __init__(self, article: Article, listing: Listing, editions: Sequence[Edition]):
        self._article, self._reads, self._listing = article, listing.reads, listing.name
        self._languages = frozenset(e.lang for e in editions)
        self._speeds = frozenset(e.words_per_minute for e in editions)

    def __getattr__(self, name: str):
        if name not in self._reads:
            raise NotListed(
                f"the {self._listing} listing reads article.{name}, which build/listed.py does not give it: "
                "name it in that listing's entry of LISTINGS, so that a change to it makes the listing again"
            )
        if name == "parsed":
            return _Paragraphs(len(self._article.parsed.numbered))
        value = getattr(self._article, name)
        if name in CALLS:
            allowed = self._speeds if name == "reading_minutes" else self._languages
            return _only(value, allowed, f"article.{name}")
        return value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ListedArticle) and other._article is self._article

    def __hash__(self) -> int:
        return id(self._article)


def _only(call: Callable, allowed: frozenset, what: str) -> Callable:
    def answered(value):
        if value not in allowed:
            raise NotListed(f"{what}({value!r}): only the editions' languages and reading speeds are covered")
        return call(value)

    return answered


def listed(articles: Iterable[Article], listing: Listing, editions: Sequence[Edition]) -> list[ListedArticle]:
    return [ListedArticle(article, listing, editions) for article in articles]


def listed_parts(article: Article, editions: Sequence[Edition]) -> dict[str, bytes]:
    """Every field and call a listing may read of the article, each as the text of its value (the calls answered
    for every edition's language and reading speed)."""
    languages = sorted(e.lang for e in editions)
    speeds = sorted({e.words_per_minute for e in editions})
    parts = {}
    for name in sorted(FIELDS | CALLS):
        if name == "parsed":
            value = len(article.parsed.numbered)
        elif name == "reading_minutes":
            value = [article.reading_minutes(speed) for speed in speeds]
        elif name in CALLS:
            value = [getattr(article, name)(lang) for lang in languages]
        else:
            value = getattr(article, name)
        parts[name] = repr(value).encode("utf-8", "surrogatepass")
    return parts


def listed_digest(
    articles: Sequence[Article],
    listing: Listing,
    editions: Sequence[Edition],
    parts_of: Callable[[Article], dict[str, bytes]] | None = None,
) -> str:
    """A digest of everything the listing may read of the articles, in their order; `parts_of` gives an article's
    listed_parts (kept between the listings of a build)."""
    parts_of = parts_of or (lambda article: listed_parts(article, editions))
    reads = sorted(listing.reads)
    digest = hashlib.sha256()
    for article in articles:
        parts = parts_of(article)
        digest.update(b"\0".join(parts[name] for name in reads) + b"\1")
    return digest.hexdigest()


def shown_digest(shown: Sequence[ListedArticle], parts_of: Callable[[Article], dict[str, bytes]]) -> str:
    """A digest of what a listing may read of the articles it was handed (a part of it: one listing's pages), in
    their order; `parts_of` gives an article's listed_parts."""
    digest = hashlib.sha256()
    for item in shown:
        parts = parts_of(item._article)
        digest.update(b"\0".join(parts[name] for name in sorted(item._reads)) + b"\1")
    return digest.hexdigest()
