"""Views of an article for one edition, made from the model (see view.py for what templates get): its page's header
and "About this article", and its side-by-side page."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from markupsafe import Markup

from hiwar.knowledge.vocabulary import Tag
from hiwar.model.article import AUTOMATIC, EDITORIAL, SEED, Article
from hiwar.model.languages import SOURCE_LANGUAGE
from hiwar.model.seed import HEADING, LIST_ITEM
from hiwar.site.body import parallel_rows
from hiwar.site.citations import biblatex, citation_text
from hiwar.site.editions import Edition
from hiwar.site.exports import FORMATS, article_file
from hiwar.site.markup import Run, language_runs
from hiwar.site.metadata import article_metadata
from hiwar.site.pages import article_page, parallel_sides
from hiwar.site.reference import csl_item, source_edition
from hiwar.site.urls import relative_url
from hiwar.site.view import ArticleView, EntityView, LinkView, ParallelCell, ParallelRow, ParallelView

ORIGIN_LABELS = {EDITORIAL: "about.origin_editorial", SEED: "about.origin_seed", AUTOMATIC: "about.origin_automatic"}


def article_view(
    article: Article,
    edition: Edition,
    editions: Sequence[Edition],
    site_url: str,
    page_path: str,
    vocabulary: Mapping[str, Tag],
) -> ArticleView:
    """`page_path`: the page's URL relative to the site root (`en/articles/NAME/`). What the page states about the
    article comes from its front matter (the typed ArticlePage the converter writes); its citations from its
    CSL-JSON record."""
    lang = edition.lang
    source = source_edition(editions)
    facts = article_page(article, edition, vocabulary)
    reference = csl_item(article, edition, editions, site_url, vocabulary)  # every citation of the page comes from it
    translated = facts.translation != "missing"
    metadata = (
        article_metadata(article, edition, editions, site_url, facts.description, reference) if translated else None
    )
    return ArticleView(
        date_iso=facts.date_datetime,
        date_display=facts.date_display,
        date_precision=facts.date_precision_label,
        date_origin=edition.t(ORIGIN_LABELS[facts.date_origin]),
        date_automatic=facts.date_origin == AUTOMATIC,
        evidence=facts.date_evidence,
        author=facts.author,
        publisher=facts.publisher,
        reading_time=edition.t("article.reading_time", minutes=facts.reading_minutes),
        summary=facts.summary,
        summary_automatic="summary" in facts.automatic,
        translation_status=edition.t(f"about.status_{facts.translation}"),
        translated_paragraphs=facts.translated_paragraphs,
        paragraphs=facts.paragraphs,
        pending=not translated,
        original_title=facts.original_title,
        original_lang=source.lang,
        original_dir=source.dir,
        seed=facts.seed,
        seed_sha256=facts.seed_sha256,
        entities=[
            EntityView(e.labels[lang], None if lang == SOURCE_LANGUAGE else e.labels[SOURCE_LANGUAGE])
            for e in facts.entities
        ],
        entities_automatic="entities" in facts.automatic,
        cite=language_runs(citation_text(reference, edition), lang),
        bibtex=language_runs(biblatex(reference, editions).rstrip("\n"), lang),
        print_url=reference["URL"],
        meta=metadata.tags if metadata else [],
        json_ld=Markup(metadata.json_ld) if metadata else None,
        downloads=[
            LinkView(fmt.label, relative_url(article_file(article, edition, fmt), page_path), fmt.media_type)
            for fmt in FORMATS
        ]
        if translated
        else [],
    )


CELL_KINDS = {HEADING: "heading", LIST_ITEM: "item"}


def parallel_view(article: Article, edition: Edition, editions: Sequence[Edition]) -> ParallelView:
    """The side-by-side page's rows: whole seed lines, so that the original and its translations align; in the order
    of pages.parallel_sides."""
    sides = parallel_sides(article, edition, editions)
    rows = []
    for row in parallel_rows(article, sides):
        kind = CELL_KINDS.get(row.kind, "paragraph")
        cells = [
            ParallelCell(
                side.lang,
                side.dir,
                kind,
                row.number,
                row.level,
                f"{side.t('article.paragraph')} {row.number}" if row.number else None,
                None
                if cell.text is None
                else [Run(cell.text)]
                if kind == "heading"
                else language_runs(cell.text, side.lang),
                side.t("article.untranslated_heading" if kind == "heading" else "article.untranslated"),
            )
            for side, cell in zip(sides, row.cells)
        ]
        rows.append(ParallelRow(row.anchor, cells))
    return ParallelView(rows)
