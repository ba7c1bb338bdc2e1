"""One build of the whole site (SiteBuild) and of each of its editions (EditionBuild).

The conversion runs once; each edition is an ordinary MkDocs build of that edition's pages into its part of the
site folder, with the edition's language, names and navigation applied to its configuration.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import time
import shutil
import sys
from functools import cached_property
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from hiwar.enrich.collection import Collection, collect
from hiwar.enrich.report import report
from hiwar.site import downloads, exports, feeds, offline, sitemap  # wiring: epub (downloads)
from hiwar.site.atom import ATOM_FILE, ATOM_TYPE
from hiwar.site.adapter import GeneratedPage
from hiwar.site.archive import zip_site
from hiwar.site.config import HiwarConfig
from hiwar.site.contents import ContentStore
from hiwar.site.editions import Edition
from hiwar.site.fingerprint import site_fingerprint
from hiwar.site.generate import Recorded, plan_edition, related_articles
from hiwar.site.pages import has_parallel, newest_first, parallel_path
from hiwar.site.markup import escaped_view
from hiwar.site import search_pages
from hiwar.site.progress import Progress, Stage
from hiwar.site.search import TermCache, search_assets, search_context, write_index
from hiwar.site.outputs import Manifest, OutsideOutput, inside, remove_stale, unlink_before_write, write_atomically
from hiwar.site.view import PageView
from hiwar.site.views import article_view

log = logging.getLogger("mkdocs.plugins.hiwar")

MANIFEST = "site-manifest.json"
SEARCH_TERMS = "search-terms.pickle"


class SiteBuild:
    def __init__(self, project: Path, options: HiwarConfig, editions: tuple[Edition, ...], *, serving: bool,
                 dirty: bool, previous: "SiteBuild | None" = None):
        self.project, self.options, self.editions = project, options, editions
        self.serving, self.dirty = serving, dirty
        self.seeds = self._path(options.seeds)
        self.editorial = self._path(options.editorial)
        self.cache_dir = self._path(options.cache_dir)
        self.offline_dir = self._path(options.offline_dir) if options.offline_dir else None
        self.offline_zip = self._path(options.offline_zip) if options.offline_zip else None
        self.previous_site = self._path(options.previous_site) if options.previous_site else None
        self.previous_offline = self._path(options.previous_offline) if options.previous_offline else None
        self.previous_zip = self._path(options.previous_zip) if options.previous_zip else None
        # Under `mkdocs serve` the site folder is kept between rebuilds, and so is what it holds.
        self.manifest = previous.manifest if previous else Manifest()
        # What each search document is indexed under: kept in memory by a preview, on disk between builds.
        self.search_terms = previous.search_terms if previous else TermCache(self.cache_dir / SEARCH_TERMS)
        self.config_file = ""
        self.site_dir = Path()
        self.collection = Collection()
        self.problems: list[str] = []
        self._internal: set[str] = set()  # where in the code the unexpected errors of this build happened
        self.related: dict = {}
        self.search_documents: list = []
        self.contents = ContentStore(self.cache_dir / "contents")
        self.fingerprint = ""
        self.children: dict[int, Edition] = {}
        self.pending: list[Edition] = []
        self.progress = Progress()
        # Pages rendered so far, per edition: shared memory, so a forked edition's count reaches the bar here.
        self.rendered = {edition.lang: multiprocessing.RawValue("q", 0) for edition in editions}
        self.rendering: Stage | None = None

    def _path(self, value: str) -> Path:
        return (self.project / value).resolve() if not Path(value).is_absolute() else Path(value)

    def edition_build(self, edition: Edition, config: MkDocsConfig) -> "EditionBuild":
        if edition is self.editions[0]:
            self.config_file, self.site_dir = config.config_file_path, Path(config.site_dir).resolve()
        return EditionBuild(self, edition, config)

    # ---- before the pages -----------------------------------------------------------------------------------
    def prepare(self, config: MkDocsConfig, *, dirty: bool) -> None:
        """After the conversion (`convert`, which may have failed under `mkdocs serve`): what every page is made of,
        and in a dirty build, what an earlier build left that can be reused."""
        self.fingerprint = site_fingerprint(
            Path(config.config_file_path),
            [Path(config.docs_dir), *([Path(config.theme.custom_dir)] if config.theme.custom_dir else []),
             *([Path(self.options.languages_dir)] if self.options.languages_dir else [])],
            # Every page shows the problems (the preview's banner): a page made before they changed is not reused.
            [str(config.site_url), ",".join(e.lang for e in self.editions), *self.problems])
        if not self.serving:
            self.manifest = Manifest.load(self.cache_dir / MANIFEST)
        if dirty:
            self._reuse_previous()

    def convert(self) -> None:
        with self.progress.stage("seeds converted", unit="seeds") as stage:
            def told(done: int, total: int) -> None:
                stage.bar.total = total
                stage.set(done)
            collection = collect(self.seeds, self.editorial if self.editorial.is_dir() else None, self.cache_dir,
                                 progress=told, languages=tuple(e.lang for e in self.editions))
        self.collection = collection
        lines = [str(problem) for problem in collection.problems]
        if lines and not self.serving:
            for line in lines:
                log.error(line)
            raise PluginError(f"{len(lines)} problem(s) in seeds or editorial files; nothing was written")
        self.problems = lines
        for line in lines:
            print(f"PROBLEM -  {line}", file=sys.stderr)
        if lines:
            print("PROBLEM -  the preview shows the other articles; fix the problems above and save again", file=sys.stderr)
        target = self._path(self.options.report)
        write_atomically(target.parent, target.name, ("\n".join(report(collection)) + "\n").encode())
        self.related = related_articles(collection)
        if collection.cache is not None and not collection.problems:
            collection.cache.save({a.seed.name for a in collection.articles}, {"(related articles)"})
        log.info("hiwar: %d article(s), %d converted (the others unchanged); report in %s",
                 len(collection.articles), len(collection.converted), self.options.report)

    def _reuse_previous(self) -> None:
        if self.manifest.fingerprint != self.fingerprint:
            # Templates, configuration or code changed: nothing of the earlier build is reused.
            self.manifest = Manifest()
            for folder in (self.site_dir, self.offline_dir):
                if folder is not None and folder.is_dir():
                    shutil.rmtree(folder)
            return
        if self.previous_site is not None:
            taken = self.manifest.take_from(self.previous_site, self.site_dir, self.previous_offline, self.offline_dir)
            log.info("hiwar: %d unchanged page(s) taken from %s", taken, self.previous_site)

    def add_internal_error(self, line: str, where: str) -> bool:
        """Record an unexpected error for the preview's banner: once per place in the code (a step that fails for
        every page is one line). Returns whether it was new."""
        if where in self._internal:
            return False
        self._internal.add(where)
        self.problems.append(f"internal error: {line}")
        return True

    # ---- the other editions -----------------------------------------------------------------------------------
    def start_other_editions(self, builder) -> None:
        others = list(self.editions[1:])
        self._rendering = self.progress.stage("pages rendered", unit="pages")
        self.rendering = self._rendering.__enter__()
        if not self.serving and self.options.parallel and _can_fork():
            for edition in others:
                sys.stdout.flush()
                sys.stderr.flush()
                pid = os.fork()
                if pid == 0:
                    status = 1
                    try:
                        builder(edition)
                        status = 0
                    except BaseException as err:  # noqa: BLE001 — reported by the parent as a failed edition
                        log.error("hiwar: the %s edition failed: %s", edition.lang, err)
                    finally:
                        logging.shutdown()
                        os._exit(status)
                self.children[pid] = edition
        else:
            self.pending = others
        self._builder = builder

    def page_rendered(self, lang: str) -> None:
        self.rendered[lang].value += 1
        if self.rendering is not None:
            self.rendering.set(sum(count.value for count in self.rendered.values()))

    def _wait_for_editions(self) -> None:
        for edition in self.pending:
            self._builder(edition)
        self.pending = []
        failed = []
        while self.children:
            for pid, edition in list(self.children.items()):
                done, status = os.waitpid(pid, os.WNOHANG)
                if done:
                    del self.children[pid]
                    if os.waitstatus_to_exitcode(status) != 0:
                        failed.append(edition.lang)
            if self.rendering is not None:
                self.rendering.set(sum(count.value for count in self.rendered.values()))
            if self.children:
                time.sleep(0.1)
        if self.rendering is not None:
            self._rendering.__exit__(None, None, None)
            self.rendering = None
        if failed:
            raise PluginError(f"the {', '.join(failed)} edition(s) could not be built (see the messages above)")

    def abandon(self) -> None:
        for pid in list(self.children):
            try:
                os.kill(pid, 15)
                os.waitpid(pid, 0)
            except OSError:
                pass
        self.children.clear()

    # ---- after the pages --------------------------------------------------------------------------------------
    def finish(self) -> None:
        self._wait_for_editions()
        for edition in self.editions[1:]:
            part = self.cache_dir / f"{MANIFEST}.{edition.lang}"
            if part.exists():  # written by a forked edition
                self.manifest.pages.update(Manifest.load(part).pages)
                part.unlink()
        sitemap.write(self.site_dir, self.editions, self.site_url, self.primary_paths)
        documents = list(self.search_documents)
        for edition in self.editions[1:]:
            documents += search_pages.load(self.cache_dir, f"search-documents.{edition.lang}.json")
        with self.progress.stage("search index", unit="pages") as stage:
            stats = write_index(search_pages.ordered(documents), self.site_dir / "search", self.search_terms,
                                previous=self.previous_site / "search" if self.previous_site else None)
            stage.set(stats.documents)
        exports.write_collection(self.site_dir, self.editions, newest_first(self.collection.articles), self.site_url,
                                 self.previous_site)
        self.contents.prune({entry[0] for pages in self.manifest.pages.values() for entry in pages.values()})
        if not self.serving:
            self.manifest.fingerprint = self.fingerprint
            self.manifest.save(self.cache_dir / MANIFEST)
        else:
            self.manifest.fingerprint = self.fingerprint
        if self.offline_dir is not None:
            # What the editions' own processes derived (EditionBuild.finish) is not walked again: only the rest,
            # such as the search index and the collection's files written since.
            done = () if self.serving else tuple(e.prefix for e in self.editions if e.prefix)
            with self.progress.stage("offline edition", unit="files") as stage:
                pages, files = offline.derive(self.site_dir, self.offline_dir, progress=stage.advance, leave=done)
            log.info("hiwar: offline edition in %s (%d pages rewritten, %d files linked)", self.offline_dir, pages, files)
            if self.offline_zip is not None:
                with self.progress.stage("offline zip", unit="files") as stage:
                    count = zip_site(self.offline_dir, self.offline_zip, self.offline_zip.stem, progress=stage.advance,
                                     previous=self.previous_zip)
                log.info("hiwar: %s: %d files", self.offline_zip, count)

    @property
    def site_url(self) -> str:
        return self._site_url

    def articles_by_id(self):
        return self._articles_by_id

    @cached_property
    def _articles_by_parallel_path(self):
        return {parallel_path(article): article for article in self.collection.articles}

    @cached_property
    def _articles_by_id(self):
        return {article.id: article for article in self.collection.articles}

    def page_paths(self, generated: list[str]) -> dict[str, dict[str, str]]:
        """Every page of the site by its edition-independent path (`articles/NAME.md`): its URL path in each edition.
        Every edition generates the same pages (`generated`, paths inside an edition) but side-by-side ones, which are
        only where the edition has the article's text beside another (pages.has_parallel); hand-written ones may
        differ."""
        parallel = self._articles_by_parallel_path
        paths: dict[str, dict[str, str]] = {}
        for rest in generated:
            article = parallel.get(rest)
            for edition in self.editions:
                if article is None or has_parallel(article, edition, self.editions):
                    paths.setdefault(rest, {})[edition.lang] = edition.prefix + url_of(rest)
        for edition in self.editions:
            for doc in _hand_written(Path(self._docs_dir) / edition.lang):
                paths.setdefault(doc, {})[edition.lang] = edition.prefix + url_of(doc)
        return paths


class EditionBuild:
    """One edition's MkDocs build: its configuration, its files, the view each page's template gets."""

    def __init__(self, site: SiteBuild, edition: Edition, config: MkDocsConfig):
        self.site, self.edition, self.config = site, edition, config
        self.generated: dict[str, GeneratedPage] = {}
        self.keys: dict[str, str] = {}
        self.search_documents: dict = {}  # src_uri -> SearchDocument, of the pages rendered in this build
        self.files_of_pages: list[File] = []
        self.rendered_count = 0
        self.download = None  # wiring: epub (the output contract will own this)

    @property
    def primary(self) -> bool:
        return self.edition is self.site.editions[0]

    def configure(self) -> None:
        config, edition = self.config, self.edition
        config.site_name = edition.t("site.name")
        config.site_description = edition.t("site.description")
        config.copyright = edition.t("site.copyright")
        config.theme["language"] = edition.lang
        for palette in config.theme.get("palette") or []:
            toggle = palette.get("toggle")
            if toggle:
                toggle["name"] = edition.t("site.light_mode" if palette.get("scheme") == "slate" else "site.dark_mode")
        toc = (config.mdx_configs or {}).get("toc")
        if toc is not None and toc.get("permalink"):  # the heading links' tooltip, in the page's language
            toc["permalink_title"] = edition.t("site.permalink")
        config.nav = [{edition.t(f"nav.{key}"): f"{edition.lang}/{path}"} for item in (config.nav or [])
                      for key, path in item.items()]
        config.extra["homepage"] = edition.prefix or None
        # The language selector links every page to its counterparts (the view's alternates; partials/header.html).
        config.extra["alternate"] = None
        config.theme.static_templates.discard("sitemap.xml")  # one sitemap for every edition (sitemap.py)
        if not self.primary:
            config.theme.static_templates.discard("404.html")
        config.watch.extend(str(p) for p in (self.site.seeds, self.site.editorial) if p.is_dir())
        if self.primary:
            self.site._site_url = config.site_url or ""
            self.site._docs_dir = config.docs_dir

    # ---- files --------------------------------------------------------------------------------------------
    def files(self, files: Files) -> Files:
        """This edition's hand-written pages (docs/<lang>/), its generated pages, and, in the default edition, the
        shared assets; every path checked to stay inside the site folder."""
        config, lang, prefix = self.config, self.edition.lang, self.edition.prefix
        others = {e.lang for e in self.site.editions} - {lang}
        kept: list[File] = []
        for file in files:
            top = file.src_uri.split("/", 1)[0]
            if top in others:
                continue
            if top == lang:
                kept.append(File(file.src_path, file.src_dir, file.dest_dir, file.use_directory_urls,
                                 dest_uri=prefix + _dest_of(file.src_uri.split("/", 1)[1], file.use_directory_urls),
                                 inclusion=file.inclusion))
            elif self.primary:
                kept.append(file)  # shared assets and the theme's files, copied once
        site = self.site

        def recorded(src_uri: str) -> Recorded | None:
            known = site.dirty and site.manifest.written(lang, site.site_dir, self._dest(src_uri))
            return Recorded(*known) if known else None

        # wiring: epub (the output contract will own this): the edition's book, written by MkDocs, linked from its home
        # page (in its Markdown, so that a book of another size makes the page again) and its About page (page_markdown)
        self.download = downloads.edition_epub(site.collection, self.edition, site.editions, site.site_url,
                                               site._path(site.options.assets_dir) / "fonts", site.cache_dir,
                                               site.previous_site or site.site_dir)
        kept.append(File.generated(config, self.download.path, content=self.download.data))
        plan = plan_edition(site.collection, self.edition, site.editions, site.related, site.fingerprint, recorded,
                            downloads.markdown(self.download, self.edition))
        clashes = sorted(f.src_uri for f in kept if f.src_uri in plan)
        if clashes:
            raise PluginError(f"{self.config.docs_dir}/{clashes[0]}: a hand-written page where the build makes one "
                              f"({len(clashes)} such page(s)); remove it, generated pages are never kept in docs/")
        for src_uri, planned in plan.items():
            dest = self._dest(src_uri)
            page = GeneratedPage(src_uri, None, config.site_dir, config.use_directory_urls, dest_uri=dest,
                                 inclusion=InclusionLevel.UNDEFINED if self._in_nav(src_uri) else InclusionLevel.NOT_IN_NAV)
            page.reused = planned.markdown is None
            page.content_string = planned.markdown or ""
            page.generated_by = "hiwar"
            self.generated[src_uri] = page
            self.keys[dest] = (planned.key, planned.inputs)
            kept.append(page)
        self.paths = site.page_paths([_edition_path(src_uri) for src_uri in plan])
        if self.primary:
            site.primary_paths = self.paths
        if self.primary:
            kept.extend(self._bundled_assets())
            kept.extend(File.generated(self.config, path, content=text) for path, text in search_assets().items())
        self.files_of_pages = [f for f in kept if f.is_documentation_page()]
        # wiring: epub (the output contract will own this): a hand-written page that shows the book's size is made again
        # when the size it shows changes
        for file in self.files_of_pages if self.download.label_changed(self.edition) else ():
            if file.src_uri not in self.generated and downloads.shows_book(Path(file.abs_src_path)):
                Path(file.abs_dest_path).unlink(missing_ok=True)
        for file in kept:
            if file.is_modified():  # MkDocs writes it in place: first detach a file shared with an earlier build
                unlink_before_write(Path(file.abs_dest_path))
        return Files(kept)

    def _dest(self, src_uri: str) -> str:
        """Where a generated page goes, inside the site folder or nowhere: ids are checked where they are read, and
        this is the second line (outputs.inside), so no value from a file can put a page elsewhere."""
        dest = self.edition.prefix + _dest_of(_edition_path(src_uri), self.config.use_directory_urls)
        try:
            inside(self.site.site_dir, dest)
        except OutsideOutput:
            raise PluginError(f"{src_uri}: this page would be written outside the site folder ({dest}); "
                              "nothing was written") from None
        return dest

    def _bundled_assets(self) -> list[File]:
        folder = self.site._path(self.site.options.assets_dir)
        if not folder.is_dir():
            raise PluginError(f"{self.site.options.assets_dir}: missing; `make build` builds the site's assets "
                              "(python -m hiwar assets --out build/assets)")
        return [File.generated(self.config, "assets/" + p.relative_to(folder).as_posix(), abs_src_path=str(p))
                for p in sorted(folder.rglob("*")) if p.is_file()]

    def _in_nav(self, src_uri: str) -> bool:
        return any(src_uri == path for item in self.config.nav for path in item.values())

    # ---- pages ----------------------------------------------------------------------------------------------
    def page_markdown(self, markdown: str, page: Page) -> str:
        markdown = downloads.fill(markdown, self.download, self.edition)  # wiring: epub (the output contract will own this)
        if page.file.src_uri in self.generated:
            # What the theme prints from the front-matter, escaped once; the rest of the page reads the view.
            data = page.meta
            page.meta = escaped_view({key: data[key] for key in ("title", "description", "hide") if key in data})
        return markdown

    @cached_property
    def search_view(self):
        """The search box's strings: the same on every page of the edition."""
        return search_context(self.edition, self.site.editions)

    def view(self, page: Page):
        site, edition = self.site, self.edition
        rest = _edition_path(page.file.src_uri)
        alternates = []
        paths = self.paths
        for other in site.editions:
            url = paths.get(rest, {}).get(other.lang, other.prefix)
            alternates.append(_alternate(other, url, page.url, other is edition))
        article = self._article_of(page)
        view = PageView(
            lang=edition.lang, dir=edition.dir, site_name=edition.t("site.name"),
            title=_title(page, edition), heading=page.title or _title(page, edition),
            alternates=alternates, problems=list(site.problems),
            article=article_view(article, edition, site.editions, site.site_url, page.url) if article else None,
            feeds=[_feed_link(edition.t("feeds.atom"), f"{edition.prefix}{ATOM_FILE}", ATOM_TYPE, page.url),
                   _feed_link(edition.t("feeds.json"), f"{edition.prefix}{feeds.JSON_FILE}", feeds.JSON_TYPE, page.url)],
            search=self.search_view, edition=edition)
        return escaped_view(view)

    def _article_of(self, page: Page):
        return self._article_of_file(page.file)

    def _article_of_file(self, file: File):
        src = file.src_uri
        if src not in self.generated:
            return None
        parts = src.split("/")
        if len(parts) == 3 and parts[1] == "articles":
            stem = parts[2][:-3]
            return self.site.articles_by_id().get(stem)
        return None

    def page_content(self, html: str, page: Page) -> None:
        """Keep an article page's body as rendered, for what is made from it after the pages (feeds); describe
        every other page for the search from its rendered text."""
        if self._article_of(page) is not None:
            self.site.contents.put(self.keys[page.file.dest_uri][0], html)
        elif search_pages.indexed(_edition_path(page.file.src_uri)):
            title = _title(page, self.edition)  # as the page's <title> shows it
            self.search_documents[page.file.src_uri] = search_pages.page_document(str(title), html, page.url,
                                                                                  self.edition.lang)

    def _search_documents(self) -> list:
        """Every page of the edition the search knows: articles from the model, other pages from their text as
        rendered now or, when a page was not rendered again, from its file."""
        site, edition = self.site, self.edition
        names = {name.id: name for name in site.collection.names}
        tags = {tag.id: tag.labels[edition.lang] for tag in site.collection.vocabulary.values()}
        documents = dict(self.search_documents)
        for file in self.files_of_pages:
            path = _edition_path(file.src_uri)
            if not search_pages.indexed(path) or file.src_uri in documents:
                continue
            url = "" if file.url in (".", "./") else file.url  # as MkDocs gives a page's URL: the home page is ""
            article = self._article_of_file(file)
            if article is not None:
                document = search_pages.article_document(article, edition, url, names, tags)
            else:
                document = search_pages.page_from_file(Path(file.abs_dest_path), url, edition.lang)
            if document is not None:
                documents[file.src_uri] = document
        return list(documents.values())

    def article_html(self, article) -> str | None:
        """The article's body as its page shows it in this edition (rendered now, or when its page was last made)."""
        from hiwar.site.pages import article_path
        key = self.keys.get(self._dest(f"{self.edition.lang}/{article_path(article)}"))
        return self.site.contents.get(key[0]) if key else None

    def rendered(self, page: Page) -> None:
        self.rendered_count += 1
        self.site.page_rendered(self.edition.lang)

    def finish(self) -> None:
        site, lang = self.site, self.edition.lang
        feeds.write_feeds(site.site_dir, self.edition, site.editions, site.collection, site.site_url, self.article_html)
        exports.write_edition(site.site_dir, self.edition, site.editions, site.collection.articles, site.site_url,
                              site.previous_site)
        if site.offline_dir is not None and not site.serving:
            # Each edition's process derives its own pages of the offline edition, in parallel with the others.
            others = tuple(e.prefix for e in site.editions if e.prefix and e is not self.edition)
            offline.derive(site.site_dir, site.offline_dir, within=self.edition.prefix, leave=others)
        documents = self._search_documents()
        if self.primary:
            site.search_documents = documents
        else:
            search_pages.save(documents, site.cache_dir, f"search-documents.{lang}.json")
        previous = set(site.manifest.pages.get(lang, {}))
        remove_stale(site.site_dir, sorted(previous - set(self.keys)))
        site.manifest.record(lang, site.site_dir, self.keys)
        if not self.primary and not site.serving:
            # A forked edition hands its part of the manifest to the default edition's process.
            part = Manifest(site.fingerprint, {lang: site.manifest.pages[lang]})
            part.save(site.cache_dir / f"{MANIFEST}.{lang}")
        log.info("hiwar: %s edition: %d page(s) rendered, %d reused", lang, self.rendered_count,
                 sum(p.reused for p in self.generated.values()))


def _title(page: Page, edition: Edition) -> str:
    """The page's title for <title>: its own (front-matter) title, else its navigation title."""
    return (page.meta.get("title") if page.meta else None) or page.title or edition.t("site.name")


def _can_fork() -> bool:
    return hasattr(os, "fork") and sys.platform.startswith("linux")


def _edition_path(src_uri: str) -> str:
    return src_uri.split("/", 1)[1] if "/" in src_uri else src_uri


def _dest_of(path: str, use_directory_urls: bool) -> str:
    """Where MkDocs writes a page found at `path` (relative to its edition's folder)."""
    return File(path, None, "", use_directory_urls).dest_uri


def url_of(path: str) -> str:
    return File(path, None, "", True).url.replace("./", "") if path.endswith(".md") else path


def _hand_written(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.md")) if folder.is_dir() else []


def _feed_link(label: str, path: str, media_type: str, page_url: str):
    from hiwar.site.view import LinkView
    return LinkView(label, get_relative_url(path, page_url), media_type)


def _alternate(edition: Edition, url: str, page_url: str, current: bool):
    from hiwar.site.view import Alternate
    return Alternate(edition.lang, edition.name, get_relative_url(url or ".", page_url), current)

