"""The site's files besides its pages, as outputs: each edition's feeds and citation files, and the site's
citation collection, sitemap and search index (the modules of hiwar.site make their bytes)."""
from __future__ import annotations

import hashlib

from hiwar.outputs.contract import Context, Files, Output, Scope, Target, inputs_digest
from hiwar.site import exports, feeds, search_pages
from hiwar.site.pages import newest_first
from hiwar.site.search import TermCache, index_files
from hiwar.site.sitemap import sitemap_files

SEARCH_FOLDER = "search"
SEARCH_TERMS = "search-terms"


def _articles_digest(context: Context) -> str:
    """What the articles are made of: their conversion keys (seed, editorial files, shared data, converter)."""
    keys = context.converted.collection.cache.keys if context.converted.collection.cache else {}
    return inputs_digest({article.id: keys.get(article.id, "") for article in context.converted.collection.articles})


class Feeds(Output):
    """`feed.json` (JSON Feed 1.1) and `feed.xml` (Atom) of each edition: the newest articles with their full text."""

    name = "feeds"
    scope = Scope.EDITION

    def produce(self, context: Context, files: Files) -> None:
        edition = context.edition
        made = feeds.feed_files(edition, context.editions, context.converted.collection, context.site_url,
                                lambda article: context.body_of(article, edition))
        for path, data in made.items():
            files.add(path, data)


class CitationFiles(Output):
    """Each article's reference as CSL-JSON, RIS and BibTeX, in each edition that has its text."""

    name = "citations"
    scope = Scope.EDITION

    def inputs(self, context: Context) -> str:
        return inputs_digest(context.fingerprint, context.edition.lang, context.site_url, _articles_digest(context))

    def produce(self, context: Context, files: Files) -> None:
        collection = context.converted.collection
        made = exports.edition_files(context.edition, context.editions, collection.articles, context.site_url,
                                     collection.vocabulary)
        for path, data in made.items():
            files.add(path, data)


class CitationCollection(Output):
    """The whole archive in every edition, one file per format (`citations/hiwar.*`)."""

    name = "citation-collection"

    def inputs(self, context: Context) -> str:
        return inputs_digest(context.fingerprint, context.site_url, _articles_digest(context))

    def produce(self, context: Context, files: Files) -> None:
        collection = context.converted.collection
        made = exports.collection_files(context.editions, newest_first(collection.articles), context.site_url,
                                        collection.vocabulary)
        for path, data in made.items():
            files.add(path, data)


class Sitemap(Output):
    """One sitemap for every edition, each page with its counterparts."""

    name = "sitemap"

    def produce(self, context: Context, files: Files) -> None:
        for path, data in sitemap_files(context.editions, context.site_url, context.page_paths).items():
            files.add(path, data)


class SearchIndex(Output):
    """The search index of every edition (`search/`), in small script files that load online and from disk."""

    name = "search"

    def inputs(self, context: Context) -> str:
        digest = hashlib.sha256(context.fingerprint.encode())
        for document in search_pages.ordered(context.documents):
            for part in (document.url, document.lang, document.title, document.text, document.extra,
                         str(document.boost), document.date):
                digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
        return digest.hexdigest()

    def produce(self, context: Context, files: Files) -> None:
        cache = TermCache(context.options.cache_dir / SEARCH_TERMS, context.progress.note)
        with context.progress.stage("search index", unit="pages") as stage:
            made, stats = index_files(search_pages.ordered(context.documents), cache)
            stage.set(stats.documents)
        for path, data in made.items():
            files.add(f"{SEARCH_FOLDER}/{path}", data)
