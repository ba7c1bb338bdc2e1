"""Every generated page of every edition, as the converter's Markdown (YAML front-matter and body)."""
from __future__ import annotations

import hashlib
import json

from hiwar.enrich.cache import ArticleCache
from hiwar.enrich.collection import Collection
from hiwar.site.legacy_editions import EDITIONS
from hiwar.site.listings import (GLOSSARY_PAGE, INDEX_PAGE, NAMES_DIR, TIMELINE_PAGE, TOPICS_DIR, feature_signature,
                                 related_map, render_glossary, render_index, render_related, render_timeline,
                                 render_topics)
from hiwar.site.pages import (ARTICLES_DIR, PARALLEL_DIR, TRANSLATIONS_PAGE, article_path, parallel_path,
                              render_article, render_home, render_parallel, render_translation_status)

RELATED_KEY = "(related articles)"  # cached: it changes only when some article's features change


def render_pages(collection: Collection) -> dict[str, str]:
    """Every generated page of every edition, by path in the layout of docs/ (`ar/articles/NAME.md`)."""
    articles, vocabulary = collection.articles, collection.vocabulary
    cache = collection.cache or ArticleCache(None, [])
    by_id = {article.id: article for article in articles}
    signatures = hashlib.sha256("\n".join(sorted(feature_signature(a) for a in articles)).encode()).hexdigest()
    related_ids = json.loads(cache.page(RELATED_KEY, signatures, lambda: json.dumps(related_map(articles))))
    related = {article.id: [by_id[i] for i in related_ids[article.id]] for article in articles}
    pages: dict[str, str] = {}
    for edition in EDITIONS:
        lang = edition.lang
        pages[f"{lang}/index.md"] = render_home(articles, edition, f"{TOPICS_DIR}/index.md#by-year")
        pages[f"{lang}/{TRANSLATIONS_PAGE}"] = render_translation_status(articles, edition)
        for path, text in render_topics(articles, edition, vocabulary, collection.calendar).items():
            pages[f"{lang}/{path}"] = text
        pages[f"{lang}/{TIMELINE_PAGE}"] = render_timeline(articles, edition, collection.calendar)
        for path, text in render_index(articles, edition, collection.names).items():
            pages[f"{lang}/{path}"] = text
        pages[f"{lang}/{GLOSSARY_PAGE}"] = render_glossary(edition, collection.glossary)
        for article in articles:
            pages[f"{lang}/{article_path(article)}"] = render_article(
                article, edition, vocabulary, collection.glossary, render_related(related[article.id], edition))
            if article.translation_status != "missing":
                pages[f"{lang}/{parallel_path(article)}"] = render_parallel(article, edition, vocabulary)
    return pages


def generated_paths() -> list[str]:
    """What the build owns inside the docs folder; everything else there is hand-written."""
    return [f"{edition.lang}/{name}" for edition in EDITIONS
            for name in ("index.md", TRANSLATIONS_PAGE, ARTICLES_DIR, PARALLEL_DIR, TOPICS_DIR, TIMELINE_PAGE, INDEX_PAGE,
                         NAMES_DIR, GLOSSARY_PAGE)]


