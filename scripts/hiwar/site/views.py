"""Views of an article for one edition, made from the model (see view.py for what templates get)."""
from __future__ import annotations

from markupsafe import Markup
from mkdocs.structure.pages import Page

from hiwar.enrich.collection import Collection
from hiwar.model.article import AUTOMATIC, Article
from hiwar.site.citations import bibtex, citation_text, html_with_languages
from hiwar.site.editions import Edition
from hiwar.site.legacy_editions import ARABIC, ENGLISH
from hiwar.site.pages import article_meta
from hiwar.site.view import ArticleView, EntityView, NoteView

_LEGACY = {"ar": ARABIC, "en": ENGLISH}


def article_facts(article: Article, edition: Edition, collection: Collection) -> dict:
    return article_meta(article, _LEGACY[edition.lang], collection.vocabulary)


def page_title_of(page: Page, article: Article | None, edition: Edition) -> str:
    """The page's title for <title>: its own (front-matter) title, else its navigation title."""
    title = page.meta.get("title") if page.meta else None
    return title or page.title or edition.t("site.name")


def article_view(article: Article, edition: Edition, page: Page, collection: Collection,
                 editions: tuple[Edition, ...]) -> ArticleView:
    meta = article_facts(article, edition, collection)
    lang, source = edition.lang, editions[0]
    url = page.canonical_url or page.url
    origin_key = {"editorial": "about.origin_editorial", "seed": "about.origin_seed"}.get(meta["date_origin"],
                                                                                         "about.origin_automatic")
    notes = [NoteView(number, edition.t("about.title"), error["ar"], error["en"])
             for number, error in enumerate(meta["source_errors"], 1)] if lang != source.lang else []
    return ArticleView(
        date_iso=meta["date_datetime"], date_display=meta["date_display"],
        date_precision=meta["date_precision_label"],
        date_origin=edition.t(origin_key), date_automatic="date" in meta["automatic"],
        evidence=meta["date_evidence"], author=meta.get("author"), publisher=meta.get("publisher"),
        reading_time=edition.t("article.reading_time", minutes=meta["reading_minutes"]),
        summary=meta["summary"], summary_automatic="summary" in meta["automatic"],
        translation_status=edition.t(f"about.status_{meta['translation']}"),
        translated_paragraphs=meta["translated_paragraphs"], paragraphs=meta["paragraphs"],
        pending=lang != source.lang and meta["translation"] == "missing",
        original_title=meta["original_title"],
        original_href=None,
        seed=meta["seed"], seed_sha256=meta["seed_sha256"],
        entities=[EntityView(e[lang] if lang in e else e["en"], None if lang == source.lang else e[source.lang])
                  for e in meta["entities"]],
        entities_automatic="entities" in meta["automatic"],
        notes=notes,
        cite_html=Markup(html_with_languages(citation_text(meta, url, lang), lang)),
        bibtex=Markup(html_with_languages(bibtex(meta, url, lang, edition.t("site.name")), lang)),
        print_url=url,
    )


__all__ = ["article_facts", "article_view", "page_title_of", "AUTOMATIC"]
