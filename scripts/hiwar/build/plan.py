"""The generated pages of an edition, as the converter's Markdown (YAML front-matter and body), planned with what
each is made of, so that a page whose inputs did not change is neither rendered nor written again.

A page's key is its Markdown's digest (with the site's fingerprint and the edition): the same Markdown renders to
the same HTML. To avoid making the Markdown of every page on every build, a page also has an inputs key, what it
is made of; when the inputs key is the one recorded with the page, its Markdown is not made at all:
- an article page: the article (its conversion key covers the seed, its editorial files, the shared editorial data
  and the conversion code) and what it shows of the articles it lists as related (their cards: title and date);
- a side-by-side page: the article;
- a listing page: its own Markdown (listings are cheap to make: plain HTML lists of links);
and, for every page, the site's fingerprint (templates, theme, configuration, site code) and the edition.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from hiwar.build.listed import Listing, listed, listed_digest, listed_parts, shown_digest
from hiwar.enrich.cache import ArticleCache
from hiwar.enrich.collection import Collection
from hiwar.memo import Memo
from hiwar.model.article import Article
from hiwar.site.editions import Edition
from hiwar.site.listings import (
    GLOSSARY_PAGE,
    INDEX_PAGE,
    NAMES_DIR,
    TIMELINE_DIR,
    TIMELINE_PAGE,
    TOPICS_DIR,
    TRANSLATIONS_PAGE,
    made_now,
    render_glossary,
    render_index,
    render_timeline,
    render_topics,
    render_translation_status,
)
from hiwar.site.pages import (
    ARTICLES_DIR,
    PARALLEL_DIR,
    article_path,
    has_parallel,
    page_title,
    parallel_path,
    render_article,
    render_home,
    render_parallel,
)
from hiwar.site.related import feature_signature, related_map, render_related
from hiwar.site.views import parallel_view

RELATED_KEY = "(related articles)"  # cached: it changes only when some article's features change

# What each listing reads of the articles (build/listed.py): it is handed nothing else, and is made again only when
# that changed (in a preview, which keeps the last build's listings in memory).
_CARD = ("id", "title", "date", "newest_first_key")
HOME = Listing("home page", frozenset({*_CARD, "summary", "reading_minutes", "translation_status"}))
TRANSLATIONS = Listing("translations", frozenset({*_CARD, "translation_status", "translated_paragraphs", "parsed"}))
TOPICS = Listing("topics", frozenset({*_CARD, "tags", "events", "translation_status"}))
TIMELINE = Listing("timeline", frozenset({*_CARD, "events", "translation_status"}))
INDEX = Listing("index", frozenset({*_CARD, "mentions", "translation_status"}))


@dataclass(frozen=True)
class PlannedPage:
    src_uri: str  # in the layout of docs/: "ar/articles/NAME.md"
    key: str  # the digest of its Markdown (with the fingerprint and the edition)
    inputs: str  # what it is made of
    markdown: str | None  # None: not rendered, because the store holds it made of the same Markdown

    @property
    def rendered(self) -> bool:
        return self.markdown is not None

    def handed_over(self) -> PlannedPage:
        """What the build keeps of the page once its Markdown is the engine's: not the Markdown (0.5 GB at 10,000
        articles, until the build ends)."""
        return PlannedPage(self.src_uri, self.key, self.inputs, "" if self.rendered else None)


@dataclass(frozen=True)
class Recorded:
    """What an earlier build made of a page, as its record says (and the store still holds it whole)."""

    key: str
    inputs: str


def related_articles(collection: Collection) -> dict[str, list[Article]]:
    """For each article, the articles it lists as related (kept in the cache while no article's features change)."""
    articles = collection.articles
    cache = collection.cache or ArticleCache(None, [])
    by_id = {article.id: article for article in articles}
    signatures = hashlib.sha256("\n".join(sorted(feature_signature(a) for a in articles)).encode()).hexdigest()
    made = lambda: json.dumps(related_map(articles))  # noqa: E731
    try:
        related_ids = json.loads(cache.page(RELATED_KEY, signatures, made))
        return {article.id: [by_id[i] for i in related_ids[article.id]] for article in articles}
    except (ValueError, KeyError, TypeError):  # a cached text that is not what it says: made again
        cache.pages.pop(RELATED_KEY, None)
        related_ids = json.loads(cache.page(RELATED_KEY, signatures, made))
        return {article.id: [by_id[i] for i in related_ids[article.id]] for article in articles}


def plan_edition(
    collection: Collection,
    edition: Edition,
    editions: tuple[Edition, ...],
    related: dict[str, list[Article]],
    fingerprint: str,
    recorded: Callable[[str], Recorded | None] = lambda src_uri: None,
    downloads: str = "",
    memo: Memo | None = None,
) -> dict[str, PlannedPage]:
    """Every generated page of one edition; `recorded(src_uri)` tells what an earlier build made of a page (then a
    page made of the same inputs or the same Markdown is not rendered); `downloads`: the home page's paragraph
    offering the edition's books; `memo`: the listings the last build in this process made."""
    lang = edition.lang
    articles, vocabulary = collection.articles, collection.vocabulary
    cache = collection.cache or ArticleCache(None, [])
    plan: dict[str, PlannedPage] = {}

    def key_of(*parts: str) -> str:
        return hashlib.sha256("\0".join((fingerprint, lang, *parts)).encode()).hexdigest()

    def listing(kind: Listing | None, render: Callable[..., dict[str, str] | str], *inputs: str):
        """A listing's pages, handed the articles as that listing sees them; from the memo when what it reads of
        them, the shared editorial data (cache.common covers it) and `inputs` are the last build's. A listing made
        again takes from the memo each of its paginated listings (a topic's pages …) made of the same."""
        if memo is None or collection.cache is None:
            return render(listed(articles, kind, editions) if kind else [], made_now)
        name = kind.name if kind else "glossary"
        made = []

        def kept(path: str, shown: Sequence, make: Callable[[], dict[str, str]]) -> dict[str, str]:
            return memo.get(
                f"pages:{lang}:{name}:{path}", key_of(path, cache.common, shown_digest(shown, parts_of)), make
            )

        def shown() -> dict[str, str] | str:
            made.append(True)
            return render(listed(articles, kind, editions) if kind else [], kept)

        key = key_of(name, cache.common, listed_digest(articles, kind, editions, parts_of) if kind else "", *inputs)
        pages = memo.get(f"listing:{lang}:{name}", key, shown)
        if not made:  # taken whole: its paginated listings stay in the memo for the next listing made again
            memo.keep(f"pages:{lang}:{name}:")
        return pages

    speeds = ",".join(str(e.words_per_minute) for e in editions)

    def parts_of(article: Article) -> dict[str, bytes]:
        """What the listings may read of an article; kept while the article is made of the same inputs."""
        converted = cache.keys.get(article.id)
        if converted is None:
            return listed_parts(article, editions)
        made_of = f"{converted}|{','.join(e.lang for e in editions)}|{speeds}"
        return memo.get(f"listed:{article.id}", made_of, lambda: listed_parts(article, editions))

    cards: dict[str, str] = {}

    def card(article: Article) -> str:
        """What a listing shows of an article: its link, title and date."""
        if article.id not in cards:
            date = article.date.value
            cards[article.id] = f"{article.id}|{page_title(article, edition)}|{date.edtf() if date else ''}"
        return cards[article.id]

    def content_key(src_uri: str, markdown: str, shown: str) -> str:
        return key_of(
            src_uri, hashlib.sha256(markdown.encode()).hexdigest(), hashlib.sha256(shown.encode()).hexdigest()
        )

    def planned(src_uri: str, inputs: str, markdown: str, shown: str = "") -> PlannedPage:
        """`shown`: what the page's templates show besides what its Markdown states (the side-by-side rows)."""
        key, known = content_key(src_uri, markdown, shown), recorded(src_uri)
        return PlannedPage(src_uri, key, inputs, None if known and known.key == key else markdown)

    def listed_page(path: str, markdown: str) -> None:
        src_uri = f"{lang}/{path}"
        plan[src_uri] = planned(src_uri, "", markdown)

    def lazy(path: str, inputs: str, render: Callable[[], str], shown: Callable[[], str] = str) -> None:
        src_uri = f"{lang}/{path}"
        known = recorded(src_uri)
        if known and known.inputs == inputs:
            plan[src_uri] = PlannedPage(src_uri, known.key, inputs, None)
        else:
            plan[src_uri] = planned(src_uri, inputs, render(), shown())

    listed_page(
        "index.md",
        listing(
            HOME,
            lambda shown, kept: render_home(shown, edition, f"{TOPICS_DIR}/index.md#by-year", downloads),
            downloads,
        ),
    )
    made = [
        listing(TRANSLATIONS, lambda shown, kept: render_translation_status(shown, edition, editions)),
        listing(TOPICS, lambda shown, kept: render_topics(shown, edition, vocabulary, collection.calendar, kept)),
        listing(TIMELINE, lambda shown, kept: render_timeline(shown, edition, collection.calendar, kept)),
        listing(INDEX, lambda shown, kept: render_index(shown, edition, editions, collection.names, kept)),
    ]
    for pages in made:
        for path, text in pages.items():
            listed_page(path, text)
    listed_page(
        GLOSSARY_PAGE, listing(None, lambda shown, kept: render_glossary(edition, editions, collection.glossary))
    )
    for article in articles:
        shown = related[article.id]
        lazy(
            article_path(article),
            key_of(f"{article.id}={cache.keys.get(article.id, '')}", *map(card, shown)),
            lambda a=article, s=shown: render_article(
                a, edition, editions, vocabulary, collection.glossary, render_related(s, edition, article_path(a))
            ),
        )
        if has_parallel(article, edition, editions):
            lazy(
                parallel_path(article),
                key_of("parallel", f"{article.id}={cache.keys.get(article.id, '')}"),
                lambda a=article: render_parallel(a, edition, editions, vocabulary),
                lambda a=article: repr(parallel_view(a, edition, editions)),
            )  # its rows are its template's
    return plan


def render_pages(collection: Collection, editions: tuple[Edition, ...]) -> dict[str, str]:
    """Every generated page of every edition, by path in the layout of docs/ (`make pages`)."""
    related = related_articles(collection)
    pages: dict[str, str] = {}
    for edition in editions:
        for src_uri, page in plan_edition(collection, edition, editions, related, "").items():
            pages[src_uri] = page.markdown
    return pages


def generated_paths(editions: tuple[Edition, ...]) -> list[str]:
    """What the converter owns inside an output folder; everything else there is hand-written."""
    return [
        f"{edition.lang}/{name}"
        for edition in editions
        for name in (
            "index.md",
            TRANSLATIONS_PAGE,
            TRANSLATIONS_PAGE[:-3],
            ARTICLES_DIR,
            PARALLEL_DIR,
            TOPICS_DIR,
            TIMELINE_PAGE,
            TIMELINE_DIR,
            INDEX_PAGE,
            NAMES_DIR,
            GLOSSARY_PAGE,
        )
    ]
