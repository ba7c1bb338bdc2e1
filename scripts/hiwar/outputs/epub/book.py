"""One edition's book, as data for the templates: its articles (newest first, as the site lists them), each with its
header and its body (site/body.py), the glossary of the terms it glosses, the colophon, and the package's metadata,
manifest and spine. No markup here: the templates (templates/) write every file.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone

from hiwar.enrich.collection import Collection
from hiwar.knowledge.glossary import Term
from hiwar.knowledge.vocabulary import Tag
from hiwar.model.article import Article
from hiwar.model.dates import PartialDate
from hiwar.model.seed import HEADING
from hiwar.site.body import (
    Body,
    BodyBlock,
    BulletList,
    EndNote,
    GlossedTerm,
    Heading,
    ListItem,
    Paragraph,
    article_body,
    block_text,
    is_source,
    is_translated,
)
from hiwar.site.citations import citation_text
from hiwar.site.dateformat import html_datetime
from hiwar.site.editions import Edition
from hiwar.site.pages import newest_first, page_title
from hiwar.site.reference import csl_item, page_url

TEXT = "text"  # the folder of the XHTML documents, inside the package's folder
ACCESSIBILITY_FEATURES = (
    "structuralNavigation",
    "tableOfContents",
    "readingOrder",
    "alternativeText",
    "displayTransformability",
    "annotations",
)


@dataclass(frozen=True)
class ArticleDoc:
    href: str  # relative to the other XHTML documents
    id: str  # in the manifest
    title: str
    original_title: str | None  # a translation's: the original's title
    date: str  # in words
    date_iso: str | None  # for <time datetime>
    author: str | None
    publisher: str | None
    summary: str | None
    status_note: str | None  # a partial translation says so
    url: str  # the article's page on the site
    citation: str  # the site's suggested citation
    headings: tuple[tuple[str, str], ...]  # (id, text) of the body's headings, for the navigation
    article_id: str


@dataclass(frozen=True)
class ArticleText:
    """An article's text as its document shows it (site/body.py's data), and the glossary terms it links to."""

    blocks: tuple[tuple[BodyBlock, str | None], ...]  # each block, with the id of a heading (the navigation's)
    notes: tuple[EndNote, ...]
    terms: tuple[str, ...]  # ids of the glossary terms it glosses


@dataclass(frozen=True)
class OtherLabel:
    lang: str
    dir: str
    label: str


@dataclass(frozen=True)
class GlossaryEntry:
    id: str
    label: str
    others: tuple[OtherLabel, ...]
    definition: str


@dataclass(frozen=True)
class StatusRow:
    title: str
    state: str
    paragraphs: str


@dataclass(frozen=True)
class Item:
    id: str
    href: str  # relative to the package document
    media_type: str
    properties: str = ""
    linear: bool = True


@dataclass
class Book:
    lang: str
    dir: str
    identifier: str
    title: str
    creator: str
    translator: str | None
    publisher: str
    description: str
    rights: str
    site_url: str
    date: str  # dc:date, YYYY-MM-DD
    modified: str  # dcterms:modified, CCYY-MM-DDThh:mm:ssZ
    modified_words: str
    accessibility_summary: str
    accessibility_features: tuple[str, ...]
    articles: list[ArticleDoc]
    glossary: list[GlossaryEntry]
    status_summary: str
    status: list[StatusRow]
    cite_note: str
    font_licence: str
    cover_href: str = "cover.xhtml"
    cover_image_href: str = "../images/cover.png"
    glossary_href: str = "glossary.xhtml"
    about_href: str = "about.xhtml"
    licence_href: str = "font-licence.xhtml"
    manifest: list[Item] = field(default_factory=list)
    spine: list[Item] = field(default_factory=list)


def identifier(site_url: str, edition: Edition) -> str:
    """The same book keeps the same identifier from build to build: a name-based UUID of the site and the language."""
    name = site_url.rstrip("/") + f"/#epub-{edition.lang}"
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}"


def modified_time(collection: Collection) -> datetime:
    """When the book was last changed, the same for the same inputs: SOURCE_DATE_EPOCH (the Makefile sets it to the
    last commit's time) when given, else noon UTC of the newest article's last day, else 1 January 2020."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    ends = [article.date.value.last_day() for article in collection.articles if article.date.value is not None]
    if ends:
        last = max(ends)
        return datetime(last.year, last.month, last.day, 12, tzinfo=timezone.utc)
    return datetime(2020, 1, 1, tzinfo=timezone.utc)


def in_book(article: Article, edition: Edition) -> bool:
    """A translation's book holds the articles translated into its language (wholly or partly); the others, still in
    preparation, are in the source edition's book and on the site, and the colophon says so."""
    return is_translated(article, edition)


def book_of(
    collection: Collection,
    edition: Edition,
    editions: Sequence[Edition],
    site_url: str,
    font_licence: str,
    modified: datetime,
    kept: Callable[[str, str, Callable[[], ArticleDoc]], ArticleDoc] | None = None,
) -> Book:
    """The book but its glossary, which lists the terms its articles gloss (set once their texts are made:
    with_glossary). `kept(article id, name, make)`: an article's entry as an earlier book made it of the same."""
    t = edition.t
    articles = [a for a in newest_first(collection.articles) if in_book(a, edition)]
    width = max(3, len(str(len(articles))))
    kept = kept or (lambda article_id, name, make: make())
    docs = [
        kept(
            article.id,
            name,
            lambda article=article, name=name: _article_doc(
                article, edition, editions, site_url, name, collection.vocabulary
            ),
        )
        for n, article in enumerate(articles, 1)
        for name in [f"article-{n:0{width}d}"]
    ]
    return Book(
        lang=edition.lang,
        dir=edition.dir,
        identifier=identifier(site_url, edition),
        title=t("epub.title"),
        creator=t("site.name"),
        translator=None if is_source(edition) else t("cite.translator"),
        publisher=t("site.name"),
        description=t("site.description"),
        rights=t("site.copyright"),
        site_url=site_url.rstrip("/") + "/" + edition.prefix,
        date=modified.strftime("%Y-%m-%d"),
        modified=modified.strftime("%Y-%m-%dT%H:%M:%SZ"),
        modified_words=edition.format_date(PartialDate(modified.year, modified.month, modified.day)),
        accessibility_summary=t("epub.accessibility"),
        accessibility_features=ACCESSIBILITY_FEATURES,
        articles=docs,
        glossary=[],
        status_summary=_status_summary(collection.articles, docs, edition),
        status=_status_rows(collection.articles, edition, editions),
        cite_note=t("epub.cite", example=f"{docs[0].url}#p-3" if docs else f"{site_url}#p-3"),
        font_licence=font_licence,
    )


def with_glossary(
    book: Book, glossary: Sequence[Term], used: set[str], edition: Edition, editions: Sequence[Edition]
) -> Book:
    """The book with the glossary of the terms its articles gloss, and its manifest and spine."""
    book.glossary = _glossary(glossary, used, edition, editions)
    book.manifest, book.spine = _package(book)
    return book


def article_text(
    article: Article, edition: Edition, editions: Sequence[Edition], glossary: Sequence[Term]
) -> ArticleText:
    body: Body = article_body(article, edition, editions, glossary)
    blocks, headings = [], 0
    for block in body.blocks:
        anchor = None
        if isinstance(block, Heading):
            headings += 1
            anchor = _heading_id(headings)
        blocks.append((block, anchor))
    terms = tuple(
        dict.fromkeys(
            segment.id for block in body.blocks for segment in _segments(block) if isinstance(segment, GlossedTerm)
        )
    )
    return ArticleText(tuple(blocks), body.notes, terms)


def _heading_id(number: int) -> str:
    return f"h-{number}"


def _article_doc(
    article: Article,
    edition: Edition,
    editions: Sequence[Edition],
    site_url: str,
    name: str,
    vocabulary: Mapping[str, Tag],
) -> ArticleDoc:
    lang = edition.lang
    headings = [
        block_text(article, block, edition) or edition.t("article.untranslated_heading")
        for block in article.parsed.blocks
        if block.kind == HEADING
    ]
    date = article.date.value
    status = article.translation_status(lang)
    reference = csl_item(article, edition, editions, site_url, vocabulary)
    return ArticleDoc(
        href=f"{name}.xhtml",
        id=name,
        title=page_title(article, edition),
        original_title=None if is_source(edition) else page_title(article, next(e for e in editions if is_source(e))),
        date=edition.format_date(date),
        date_iso=html_datetime(date),
        author=article.author.get(lang) if article.author else None,
        publisher=article.publisher.get(lang) if article.publisher else None,
        summary=article.summary[lang].value,
        status_note=edition.t(f"about.status_{status}") if status == "partial" else None,
        url=page_url(site_url, edition, article),
        citation=citation_text(reference, edition),
        headings=tuple((_heading_id(n), text) for n, text in enumerate(headings, 1)),
        article_id=article.id,
    )


def _segments(block: BodyBlock):
    if isinstance(block, Paragraph):
        yield from block.content or ()
    elif isinstance(block, BulletList):
        stack: list[ListItem] = list(block.items)
        while stack:
            item = stack.pop()
            yield from item.content or ()
            stack.extend(item.items)


def _glossary(
    glossary: Sequence[Term], used: set[str], edition: Edition, editions: Sequence[Edition]
) -> list[GlossaryEntry]:
    """The terms the book glosses, in the glossary's order, each with its name in the other editions."""
    directions = {e.lang: e.dir for e in editions}
    return [
        GlossaryEntry(
            term.id,
            term.labels[edition.lang],
            tuple(
                OtherLabel(e.lang, directions[e.lang], term.labels[e.lang]) for e in editions if e.lang != edition.lang
            ),
            term.definitions[edition.lang],
        )
        for term in glossary
        if term.id in used
    ]


def _status_summary(articles: Sequence[Article], docs: Sequence[ArticleDoc], edition: Edition) -> str:
    if is_source(edition):
        return edition.t("epub.status_source", count=len(articles))
    if len(docs) == len(articles):
        return edition.t("epub.status_translation_all", total=len(articles), language=edition.name)
    return edition.t("epub.status_translation", count=len(docs), total=len(articles), language=edition.name)


def _status_rows(articles: Sequence[Article], edition: Edition, editions: Sequence[Edition]) -> list[StatusRow]:
    """Each article's translation: in a translation's book, into its language; in the source's, into each other."""
    languages = [edition] if not is_source(edition) else [e for e in editions if not is_source(e)]
    rows = []
    for article in newest_first(list(articles)):
        for other in languages:
            state = edition.t(f"status.{article.translation_status(other.lang)}")
            if len(languages) > 1:
                state = f"{other.name}: {state}"
            rows.append(
                StatusRow(
                    page_title(article, edition),
                    state,
                    f"{article.translated_paragraphs(other.lang)} / {len(article.parsed.numbered)}",
                )
            )
    return rows


def _package(book: Book) -> tuple[list[Item], list[Item]]:
    text = f"{TEXT}/"
    cover = Item("cover", text + book.cover_href, "application/xhtml+xml")
    nav = Item("nav", text + "nav.xhtml", "application/xhtml+xml", "nav")
    documents = [Item(doc.id, text + doc.href, "application/xhtml+xml") for doc in book.articles]
    glossary = [Item("glossary", text + book.glossary_href, "application/xhtml+xml")] if book.glossary else []
    about = Item("about", text + book.about_href, "application/xhtml+xml")
    licence = Item("font-licence", text + book.licence_href, "application/xhtml+xml", linear=False)
    resources = [
        Item("cover-image", "images/cover.png", "image/png", "cover-image"),
        Item("css", "css/hiwar.css", "text/css"),
        Item("font-400", "fonts/noto-naskh-arabic-400.ttf", "font/ttf"),
        Item("font-700", "fonts/noto-naskh-arabic-700.ttf", "font/ttf"),
    ]
    spine = [cover, nav, *documents, *glossary, about, licence]
    return [*spine, *resources], spine
