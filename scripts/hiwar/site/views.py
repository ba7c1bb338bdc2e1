"""Views of an article for one edition, made from the model (see view.py for what templates get)."""
from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from hiwar.model.article import AUTOMATIC, EDITORIAL, SEED, Article
from hiwar.model.languages import SOURCE_LANGUAGE
from hiwar.site.citations import biblatex, citation_text, html_with_languages
from hiwar.site.dateformat import html_datetime
from hiwar.site.editions import Edition
from hiwar.site.exports import FORMATS, article_file
from hiwar.site.metadata import article_metadata
from hiwar.site.pages import description, is_translated, page_title
from hiwar.site.reference import csl_item, source_edition
from hiwar.site.urls import relative_url
from hiwar.site.view import ArticleView, EntityView, LinkView

ORIGIN_LABELS = {EDITORIAL: "about.origin_editorial", SEED: "about.origin_seed", AUTOMATIC: "about.origin_automatic"}


def article_view(article: Article, edition: Edition, editions: Sequence[Edition], site_url: str,
                 page_path: str) -> ArticleView:
    """`page_path`: the page's URL relative to the site root (`en/articles/NAME/`)."""
    lang = edition.lang
    date = article.date.value
    summary = article.summary[lang]
    title = page_title(article, edition)
    author = article.author.get(lang) if article.author else None
    publisher = article.publisher.get(lang) if article.publisher else None
    original = article.title[SOURCE_LANGUAGE].value if lang != SOURCE_LANGUAGE else None
    source = source_edition(editions)
    reference = csl_item(article, edition, editions, site_url)  # every citation of the page comes from it
    translated = is_translated(article, edition)
    metadata = article_metadata(article, edition, editions, site_url, description(summary.value or title),
                                reference) if translated else None
    return ArticleView(
        date_iso=html_datetime(date), date_display=edition.format_date(date),
        date_precision=edition.date_precision(date),
        date_origin=edition.t(ORIGIN_LABELS[article.date.origin]), date_automatic=article.date.origin == AUTOMATIC,
        evidence=article.date_evidence.get(lang) if article.date_evidence else None,
        author=author, publisher=publisher,
        reading_time=edition.t("article.reading_time", minutes=article.reading_minutes(edition.words_per_minute)),
        summary=summary.value, summary_automatic=summary.origin == AUTOMATIC,
        translation_status=edition.t(f"about.status_{article.translation_status(lang)}"),
        translated_paragraphs=article.translated_paragraphs(lang), paragraphs=len(article.parsed.numbered),
        pending=not translated,
        original_title=original, original_lang=source.lang, original_dir=source.dir,
        seed=article.seed.name, seed_sha256=article.seed.sha256,
        entities=[EntityView(e.labels[lang], None if lang == SOURCE_LANGUAGE else e.labels[SOURCE_LANGUAGE])
                  for e in article.entities.value],
        entities_automatic=article.entities.origin == AUTOMATIC,
        cite_html=Markup(html_with_languages(citation_text(reference, edition), lang)),
        bibtex=Markup(html_with_languages(biblatex(reference, editions).rstrip("\n"), lang)),
        print_url=reference["URL"],
        meta=metadata.tags if metadata else [],
        json_ld=Markup(metadata.json_ld) if metadata else None,
        downloads=[LinkView(fmt.label, relative_url(article_file(article, edition, fmt), page_path), fmt.media_type)
                   for fmt in FORMATS] if translated else [],
    )
