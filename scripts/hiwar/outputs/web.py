"""The site's files besides its pages, as outputs: each edition's feeds and citation files, and the site's
citation collection, sitemap and search index (the modules of hiwar.site make their bytes)."""

from __future__ import annotations

import hashlib
import os

from hiwar.outputs.contract import Context, Files, Moment, Output, Scope, Target, inputs_digest
from hiwar.outputs.store import digest_of
from hiwar.site import exports, feeds, search_pages
from hiwar.site.pages import newest_first
from hiwar.site.search import TermCache, index_files
from hiwar.site.sitemap import sitemap_files

SEARCH_FOLDER = "search"
SEARCH_TERMS = "search-terms"


def _article_keys(context: Context) -> dict[str, str]:
    """What each article is made of: its conversion key (seed, editorial files, shared data, converter)."""
    return context.converted.collection.cache.keys if context.converted.collection.cache else {}


def _articles_digest(context: Context) -> str:
    keys = _article_keys(context)
    return inputs_digest({article.id: keys.get(article.id, "") for article in context.converted.collection.articles})


class Feeds(Output):
    """`feed.json` (JSON Feed 1.1) and `feed.xml` (Atom) of each edition: the newest articles with their full text."""

    name = "feeds"
    scope = Scope.EDITION

    def inputs(self, context: Context) -> str:
        """The newest articles (those a feed may hold) and their bodies as their pages show them; an undated article is
        dated by SOURCE_DATE_EPOCH."""
        edition, keys = context.edition, _article_keys(context)
        newest = newest_first(context.converted.collection.articles)[: feeds.FEED_ITEMS]
        return inputs_digest(
            context.fingerprint,
            edition.lang,
            context.site_url,
            os.environ.get("SOURCE_DATE_EPOCH", ""),
            *(f"{article.id}={keys.get(article.id, '')}" for article in newest),
            *(context.body_of(article, edition) or "" for article in newest),
        )

    def produce(self, context: Context, files: Files) -> None:
        edition = context.edition
        made = feeds.feed_files(
            edition,
            context.editions,
            context.converted.collection,
            context.site_url,
            lambda article: context.body_of(article, edition),
        )
        for path, data in made.items():
            files.add(path, data)


class CitationFiles(Output):
    """Each article's reference as CSL-JSON, RIS and BibTeX, in each edition that has its text."""

    name = "citations"
    scope = Scope.EDITION

    def inputs(self, context: Context) -> str:
        return inputs_digest(context.fingerprint, context.edition.lang, context.site_url, _articles_digest(context))

    def produce(self, context: Context, files: Files) -> None:
        edition, keys = context.edition, _article_keys(context)
        for article in context.converted.collection.articles:  # each article's files, kept while it is unchanged

            def made(a=article) -> dict[str, bytes]:
                return exports.edition_files(
                    edition, context.editions, [a], context.site_url, context.converted.collection.vocabulary
                )

            key = keys.get(article.id)
            if key is None:
                blobs = {path: files.store.put(data) for path, data in made().items()}
            else:
                blobs = files.kept(
                    self._memo_name(context, article), self._article_key(context, key), made, context.memo
                )
            for path, digest in blobs.items():
                files.add_blob(path, digest)

    def reused(self, context: Context, entry) -> None:
        """Each article's files of the last build, for the memo: made of the articles as they are now."""
        made, keys = entry.of(self.target.value), _article_keys(context)
        for article in context.converted.collection.articles:
            paths = exports.article_paths(article, context.edition)
            if article.id in keys and all(path in made for path in paths):
                context.memo.put(
                    self._memo_name(context, article),
                    self._article_key(context, keys[article.id]),
                    {path: made[path] for path in paths},
                )

    @staticmethod
    def _memo_name(context: Context, article) -> str:
        return f"citations:{context.edition.lang}:{article.id}"

    @staticmethod
    def _article_key(context: Context, key: str) -> str:
        return inputs_digest(context.fingerprint, context.site_url, key)


class CitationCollection(Output):
    """The whole archive in every edition, one file per format (`citations/hiwar.*`)."""

    name = "citation-collection"
    moment = Moment.BEFORE_PAGES  # made of the articles alone

    def inputs(self, context: Context) -> str:
        return inputs_digest(context.fingerprint, context.site_url, _articles_digest(context))

    def produce(self, context: Context, files: Files) -> None:
        made = exports.collection_files(
            context.editions,
            newest_first(context.converted.collection.articles),
            context.site_url,
            context.converted.collection.vocabulary,
            lambda article: self._items(context, article),
        )
        for path, data in made.items():
            files.add(path, data)

    @staticmethod
    def _items(context: Context, article) -> list[dict]:
        """The article's records, kept while it is unchanged (they are read, never changed)."""

        def made() -> list[dict]:
            return exports.items_of(
                article, context.editions, context.site_url, context.converted.collection.vocabulary
            )

        key = _article_keys(context).get(article.id)
        if key is None:
            return made()
        return context.memo.get(
            f"citation-items:{article.id}", inputs_digest(context.fingerprint, context.site_url, key), made
        )

    def reused(self, context: Context, entry) -> None:
        context.memo.keep("citation-items:")
        if context.options.serving and not context.memo.has_prefix("citation-items:"):
            for article in context.converted.collection.articles:  # a preview's first build: for its first edit
                self._items(context, article)


class Sitemap(Output):
    """One sitemap for every edition, each page with its counterparts."""

    name = "sitemap"

    def inputs(self, context: Context) -> str:
        """Every page's address in each edition (the code and the editions are in the fingerprint)."""
        return inputs_digest(
            context.fingerprint,
            context.site_url,
            *(f"{path}\0{inputs_digest(urls)}" for path, urls in sorted(context.page_paths.items())),
        )

    def produce(self, context: Context, files: Files) -> None:
        for path, data in sitemap_files(context.editions, context.site_url, context.page_paths).items():
            files.add(path, data)


class SearchIndex(Output):
    """The search index of every edition (`search/`), in small script files that load online and from disk."""

    name = "search"

    def inputs(self, context: Context) -> str:
        digest = hashlib.sha256(context.fingerprint.encode())
        for document in search_pages.ordered(context.documents):
            for part in (
                document.url,
                document.lang,
                document.title,
                document.text,
                document.extra,
                str(document.boost),
                document.date,
            ):
                digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
        return digest.hexdigest()

    def produce(self, context: Context, files: Files) -> None:
        cache = self._terms(context)
        with context.progress.stage("search index", unit="pages") as stage:
            made, stats = index_files(search_pages.ordered(context.documents), cache, again=context.options.serving)
            stage.set(stats.documents)
        # A preview's index keeps the bytes of the files no edit changed: their blobs are known without hashing.
        earlier = cache.blobs
        cache.blobs = {}
        for path, data in made.items():
            known = earlier.get(path)
            if known is not None and known[0] is data and files.store.has(known[1]):
                files.add_blob(f"{SEARCH_FOLDER}/{path}", known[1])
            else:
                known = (data, files.add(f"{SEARCH_FOLDER}/{path}", data))
            if context.options.serving:
                cache.blobs[path] = known

    @staticmethod
    def _terms(context: Context) -> TermCache:
        """What each document is indexed under: read from its file once per process (a preview's next build takes it
        from memory), while the rules that make it are the same."""
        path = context.options.cache_dir / SEARCH_TERMS
        return context.memo.get(
            "search-terms", f"{path}|{TermCache().version}", lambda: _KeptTerms(path, context.progress.note)
        )

    def reused(self, context: Context, entry) -> None:
        context.memo.keep("search-terms")
        if context.options.serving:  # a preview's first build: the index its first edit patches, made now
            cache = self._terms(context)
            if cache.last is None:
                made, _ = index_files(search_pages.ordered(context.documents), cache, again=True)
                recorded = entry.of(Target.SITE.value)
                cache.blobs = {}
                for path, data in made.items():
                    blob = recorded.get(f"{SEARCH_FOLDER}/{path}")
                    if blob is not None and blob == digest_of(data):  # the same documents make the same files
                        cache.blobs[path] = (data, blob)


class _KeptTerms(TermCache):
    """The search's term cache; one that cannot be written (the build folder is not writable) is said in one line and
    made again by the next build: the index is made all the same."""

    def __init__(self, path, say):
        super().__init__(path, say)
        self._say = say

    def save(self) -> None:
        try:
            super().save()
        except OSError as err:
            self._say(f"{self.path}: cannot be written ({err.strerror}); the next build indexes every page again")
