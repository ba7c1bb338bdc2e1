"""What templates see: one object per page (`hiwar` in the template context), made from the typed model.

Every string in a view comes from the model or a language table and is escaped once at the end
(markup.escaped_view), so templates print values as they are and never filter them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from hiwar.site.editions import Edition
from hiwar.site.markup import Run
from hiwar.site.metadata import MetaTag


@dataclass(frozen=True)
class Alternate:
    lang: str
    name: str
    href: str  # relative to the page
    current: bool


@dataclass(frozen=True)
class LinkView:
    """A link to a file made from the page's data (a feed, a reference file): its name, address and media type."""

    label: str
    href: str  # relative to the page
    type: str


@dataclass(frozen=True)
class EntityView:
    label: str
    original: str | None  # the name in the source language, shown beside a translated label


@dataclass(frozen=True)
class ArticleView:
    date_iso: str | None
    date_display: str
    date_precision: str | None
    date_origin: str
    date_automatic: bool
    evidence: str | None
    author: str | None
    publisher: str | None
    reading_time: str
    summary: str | None
    summary_automatic: bool
    translation_status: str
    translated_paragraphs: int
    paragraphs: int
    pending: bool  # no translation yet: the page shows a notice instead of the text
    original_title: str | None
    original_lang: str  # the language and direction of the original (the source edition's): marks its title and names
    original_dir: str
    seed: str
    seed_sha256: str
    entities: list[EntityView]
    entities_automatic: bool
    cite: list[Run]  # the suggested citation, Arabic runs marked on another language's page
    bibtex: list[Run]
    print_url: str
    meta: list[MetaTag]  # Highwire, Dublin Core, Open Graph, Twitter (metadata.py); none while not translated
    json_ld: Markup | None  # schema.org, ready for a <script> element
    downloads: list[LinkView]  # the reference as CSL-JSON, RIS and BibTeX files (exports.py)


@dataclass(frozen=True)
class ParallelCell:
    """One language's side of a row: a heading, a paragraph or a list item (its ¶ number and depth), its text as runs
    (Arabic marked on another language's side), or None where the translation has none yet."""

    lang: str
    dir: str
    kind: str  # heading, paragraph or item (as the seed's block)
    number: int | None  # the ¶ number; None for a heading
    level: int  # of a list item
    number_label: str | None  # "Paragraph 3", in the cell's language
    text: list[Run] | None
    missing: str  # what stands for a text not translated yet


@dataclass(frozen=True)
class ParallelRow:
    anchor: str | None  # p-N, the ¶'s anchor, the same as on the article's page
    cells: list[ParallelCell]


@dataclass(frozen=True)
class ParallelView:
    """The side-by-side page's rows (overrides/partials/parallel.html): the original and its translations."""

    rows: list[ParallelRow]


@dataclass(frozen=True)
class SearchView:
    """The search box (overrides/partials/hiwar-search.html): its strings, and the same as data for its script."""

    strings: dict
    data: Markup  # JSON for the <script type="application/json"> the query module reads
    script: str  # site-relative paths
    stylesheet: str


@dataclass(frozen=True)
class PageView:
    lang: str
    dir: str
    site_name: str
    title: str  # for <title>
    heading: str  # for the page's <h1>
    alternates: list[Alternate]
    problems: list[str]
    article: ArticleView | None = None
    feeds: list[LinkView] = field(default_factory=list)  # the edition's feeds (online only: see offline.py)
    search: "SearchView | None" = None
    parallel: ParallelView | None = None  # on a side-by-side page
    edition: Edition | None = field(default=None, compare=False, repr=False, metadata={"escape": False})

    def t(self, key: str, **values: Any) -> Markup:
        """A UI string of the page's language, escaped; an unknown key is an error naming it."""
        return escape(self.edition.t(key, **values))
