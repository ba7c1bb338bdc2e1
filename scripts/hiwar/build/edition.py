"""One edition's build: the settings the engine takes from it, the pages it generates (planned, rendered or reused),
the view each page's template reads, what it captures of every rendered page, and its own outputs.

An edition may be built in a process of its own: what it made goes back to the site's build as an EditionPart
(plain, typed data), never through files the other process would have to trust.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from hiwar.build.plan import PlannedPage, Recorded, plan_edition
from hiwar.build.seam import BuildProblem, EditionSettings, GeneratedFile, PageSource
from hiwar.model.article import Article
from hiwar.outputs import offline
from hiwar.outputs.contract import Moment, Scope, Target, run
from hiwar.outputs.paths import OutsideOutput, check_relative
from hiwar.outputs.record import OutputEntry, PageEntry
from hiwar.outputs.registry import outputs_of
from hiwar.site import feeds, search_pages, webapp
from hiwar.site.atom import ATOM_FILE, ATOM_TYPE
from hiwar.site.downloads import Download, fill, markdown
from hiwar.site.editions import Edition
from hiwar.site.error_pages import SECTIONS as ERROR_TEMPLATES
from hiwar.site.error_pages import error_page_view
from hiwar.site.markup import escaped_view
from hiwar.site.pages import PARALLEL_DIR, article_path
from hiwar.site.policy import ONLINE, with_policy
from hiwar.site.search import SearchDocument, search_assets, search_context
from hiwar.site.urls import page_dest, page_url, relative_url
from hiwar.site.view import Alternate, LinkView, PageView, ParallelView
from hiwar.site.views import article_view, parallel_view

if TYPE_CHECKING:
    from hiwar.build.site import SiteBuild

log = logging.getLogger("hiwar")


class Document(msgspec.Struct, frozen=True):
    """A search document, as it crosses from an edition's process."""

    url: str
    lang: str
    title: str
    text: str
    extra: str
    boost: float
    date: str

    @classmethod
    def of(cls, document: SearchDocument) -> "Document":
        return cls(
            document.url, document.lang, document.title, document.text, document.extra, document.boost, document.date
        )

    def search_document(self) -> SearchDocument:
        return SearchDocument(
            url=self.url,
            lang=self.lang,
            title=self.title,
            text=self.text,
            extra=self.extra,
            boost=self.boost,
            date=self.date,
        )


class EditionPart(msgspec.Struct):
    """What one edition made: its pages (with their search documents), its outputs' files, the search documents of
    its hand-written pages, the offline versions of the pages it rendered, and the files only the default edition
    makes (assets, the theme's pages)."""

    lang: str
    pages: dict[str, PageEntry] = {}  # generated pages, by path from the site root
    files: dict[str, str] = {}  # every other file of the edition: hand-written pages, assets, theme pages
    outputs: dict[str, OutputEntry] = {}
    documents: list[Document] = []
    derived: dict[str, str] = {}
    rendered: int = 0
    reused: int = 0


@dataclass
class EditionBuild:
    site: SiteBuild
    edition: Edition
    planned: dict[str, PlannedPage] = field(default_factory=dict)  # src_uri -> plan, of the generated pages
    dests: dict[str, str] = field(default_factory=dict)  # src_uri -> path from the site root, of every page
    paths: dict[str, dict[str, str]] = field(default_factory=dict)  # page path -> its URL in each edition
    pages: dict[str, PageEntry] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)
    bodies: dict[str, str] = field(default_factory=dict)  # src_uri -> blob of an article's rendered body
    documents: dict[str, SearchDocument] = field(default_factory=dict)  # src_uri -> page rendered now
    outputs: dict[str, OutputEntry] = field(default_factory=dict)  # the edition's outputs made so far
    downloads: list[Download] = field(default_factory=list)  # what its pages offer for download (its book)
    offered: list[GeneratedFile] = field(default_factory=list)  # those files, for the engine
    rendered_count: int = 0

    @property
    def primary(self) -> bool:
        return self.edition is self.site.editions[0]

    @property
    def lang(self) -> str:
        return self.edition.lang

    # ---- configuration --------------------------------------------------------------------------------------
    def settings(self, nav: list[tuple[str, str]]) -> EditionSettings:
        """`nav`: (key, page path) of each navigation entry as configured; titles are keys of the language table."""
        edition = self.edition
        return EditionSettings(
            site_name=edition.t("site.name"),
            site_description=edition.t("site.description"),
            copyright=edition.t("site.copyright"),
            language=edition.lang,
            mode_names={"slate": edition.t("site.light_mode"), "default": edition.t("site.dark_mode")},
            permalink_title=edition.t("site.permalink"),
            note_back_title=edition.t("notes.back"),
            nav=[(edition.t(f"nav.{key}"), f"{edition.lang}/{path}") for key, path in nav],
            homepage=edition.prefix or None,
            # One sitemap for every edition (sitemap.py); each edition has its own 404 and offline pages (template_dest).
            without_templates=("sitemap.xml",),
            with_templates=(webapp.OFFLINE_PAGE,),
            watch=tuple(p for p in (self.site.options.seeds, self.site.options.editorial) if p.is_dir()),
        )

    # ---- files ----------------------------------------------------------------------------------------------
    def plan(self, hand_written: list[str], nav_paths: set[str]) -> list[GeneratedFile]:
        """The edition's generated pages (and, in the default edition, the site's assets); `hand_written`: the pages
        of docs/ in this edition (paths as in docs/, "en/about.md")."""
        site = self.site
        plan = plan_edition(
            site.converted.collection,
            self.edition,
            site.editions,
            site.converted.related,
            site.fingerprint,
            self._recorded,
            "".join(markdown(d, self.edition) for d in self.downloads),
            site.memo if site.options.serving else None,
        )  # a build is the last of its process
        clashes = sorted(set(hand_written) & set(plan))
        if clashes:
            raise BuildProblem(
                [
                    f"{site.options.docs_dir.name}/{clashes[0]}: a hand-written page where the build "
                    f"makes one ({len(clashes)} such page(s)); remove it, generated pages are never "
                    "kept in docs/"
                ],
                "1 problem; nothing was written",
            )
        made = []
        for src_uri, planned in plan.items():
            dest = self.dests[src_uri] = self._dest(src_uri)
            made.append(GeneratedFile(src_uri, dest, page=True, markdown=planned.markdown, in_nav=src_uri in nav_paths))
        self.planned = {src_uri: planned.handed_over() for src_uri, planned in plan.items()}
        for src_uri in hand_written:
            self.dests[src_uri] = self._dest(src_uri)
        self.paths = site.page_paths([_edition_path(src_uri) for src_uri in plan])
        made.extend(self.offered)
        if self.primary:
            made.extend(self._assets())
        return made

    def offer(self) -> None:
        """The edition's outputs its pages offer (its book), made before its pages: given to the engine too (plan),
        which then writes them and checks every link to them."""
        context = self.site.context(self.edition)
        offered = []
        for output in outputs_of(Scope.EDITION, moment=Moment.BEFORE_PAGES):
            name, entry = run(output, context, self.site.previous)
            self.outputs[name] = entry
            for path, digest in entry.of(Target.SITE.value).items():
                data = self.site.store.get(digest)
                if data is None:
                    raise FileNotFoundError(f"{path}: made by {name}, missing from the build's store")
                self.downloads.append(Download(path, len(data), getattr(output, "media_type", "")))
                offered.append(GeneratedFile(path, path, page=False, content=data))
        self.offered = offered

    def own_dest(self, src_uri: str, page: bool) -> str:
        """Where a file of the edition's own folder (docs/<lang>/…) goes: under the edition's prefix."""
        if page:
            return self.dests[src_uri]
        try:
            return check_relative(self.edition.prefix + _edition_path(src_uri), "the site folder")
        except OutsideOutput:
            raise BuildProblem(
                [f"{src_uri}: would be written outside the site folder"], "1 problem; nothing was written"
            ) from None

    def _dest(self, src_uri: str) -> str:
        """Where a page goes, inside the site folder or nowhere: ids are checked where they are read, and this is the
        second line (paths.check_relative), so no value from a file can put a page elsewhere."""
        dest = self.edition.prefix + page_dest(_edition_path(src_uri))
        try:
            return check_relative(dest, "the site folder")
        except OutsideOutput:
            raise BuildProblem(
                [f"{src_uri}: this page would be written outside the site folder ({dest})"],
                "1 problem; nothing was written",
            ) from None

    def _recorded(self, src_uri: str) -> Recorded | None:
        """What the last build made of a page, when the store still holds it whole (and its body, for an article)."""
        if not self.site.reuse:
            return None  # the engine renders every page (a clean build): each needs its Markdown
        entry = self.site.previous.pages.get(self.lang, {}).get(self._dest(src_uri))
        store = self.site.store
        if entry is None or not all(store.has(blob) for blob in (entry.html, entry.body, entry.search) if blob):
            return None
        return Recorded(entry.key, entry.inputs)

    def _assets(self) -> list[GeneratedFile]:
        folder = self.site.options.assets_dir
        if not folder.is_dir():
            raise BuildProblem(
                [
                    f"{folder}: missing; `make build` builds the site's assets "
                    "(python -m hiwar assets --out build/assets)"
                ],
                "1 problem; nothing was written",
            )
        made = [
            GeneratedFile(
                "assets/" + p.relative_to(folder).as_posix(),
                "assets/" + p.relative_to(folder).as_posix(),
                page=False,
                source=p,
            )
            for p in sorted(folder.rglob("*"))
            if p.is_file()
        ]
        made += [
            GeneratedFile(path, path, page=False, content=text.encode("utf-8"))
            for path, text in {**search_assets(), **webapp.app_assets()}.items()
        ]
        return made

    # ---- pages ----------------------------------------------------------------------------------------------
    def page_markdown(self, src_uri: str, markdown_text: str) -> str:
        """A hand-written page's Markdown with what the edition offers for download where it has the marker."""
        return (
            markdown_text
            if src_uri in self.planned
            else fill(markdown_text, self.downloads[0] if self.downloads else None, self.edition)
        )

    def page_meta(self, src_uri: str, meta: dict) -> dict:
        """What the theme prints from a generated page's front-matter, escaped once; the rest reads the view."""
        if src_uri in self.planned:
            return escaped_view({key: meta[key] for key in ("title", "description", "hide") if key in meta})
        return meta

    @cached_property
    def search_view(self):
        """The search box's strings: the same on every page of the edition."""
        return search_context(self.edition, self.site.editions)

    def view(self, page: PageSource) -> PageView:
        site, edition = self.site, self.edition
        rest = _edition_path(page.src_uri)
        alternates = [
            Alternate(
                other.lang,
                other.name,
                relative_url(self.paths.get(rest, {}).get(other.lang, other.prefix) or ".", page.url),
                other is edition,
            )
            for other in site.editions
        ]
        article = self._article_of(page.src_uri)
        title = page.title or edition.t("site.name")
        view = PageView(
            lang=edition.lang,
            dir=edition.dir,
            site_name=edition.t("site.name"),
            title=title,
            heading=page.heading or title,
            alternates=alternates,
            problems=list(site.problems),
            article=article_view(
                article, edition, site.editions, site.options.site_url, page.url, site.converted.collection.vocabulary
            )
            if article
            else None,
            feeds=[
                LinkView(edition.t("feeds.atom"), relative_url(f"{edition.prefix}{ATOM_FILE}", page.url), ATOM_TYPE),
                LinkView(
                    edition.t("feeds.json"),
                    relative_url(f"{edition.prefix}{feeds.JSON_FILE}", page.url),
                    feeds.JSON_TYPE,
                ),
            ],
            search=self.search_view,
            edition=edition,
            parallel=self._parallel_view(page.src_uri),
        )
        return escaped_view(view)

    def _parallel_view(self, src_uri: str) -> ParallelView | None:
        """A side-by-side page's rows (the template lays them out)."""
        parts = src_uri.split("/")
        if src_uri not in self.planned or len(parts) != 3 or parts[1] != PARALLEL_DIR:
            return None
        article = self.site.articles_by_id.get(parts[2][:-3])
        return parallel_view(article, self.edition, self.site.editions) if article else None

    def _article_of(self, src_uri: str) -> Article | None:
        if src_uri not in self.planned:
            return None
        parts = src_uri.split("/")
        if len(parts) == 3 and parts[1] == "articles":
            return self.site.articles_by_id.get(parts[2][:-3])
        return None

    def template_view(self, template_name: str) -> PageView | None:
        """The view of one of the theme's own pages (the 404 and offline pages), in the edition's language."""
        return error_page_view(
            template_name, self.edition, self.site.editions, self.search_view, self.site.options.site_url
        )

    def with_policy(self, html: str) -> str:
        """A page with its Content-Security-Policy (not under the engine's own server: its live reload injects an
        inline script with a new text per request; the preview's is a file of the site's origin, which it allows)."""
        return with_policy(html, ONLINE) if self.site.options.policy_in_pages else html

    def template_dest(self, template_name: str) -> tuple[str, bool]:
        """Where one of the theme's own pages goes, and whether the engine writes it there: the other editions' 404
        and offline pages go into their folders (a server answers /en/… with the English page), which the engine
        does not know; the build puts them there (outputs/tree.py)."""
        if self.primary or template_name not in ERROR_TEMPLATES:
            return template_name, True
        return self.edition.prefix + template_name, False

    def page_content(self, page: PageSource, html: str) -> None:
        """Keep an article page's body as rendered, for what is made from it after the pages (feeds); describe
        every other page for the search from its rendered text."""
        if self._article_of(page.src_uri) is not None:
            self.bodies[page.src_uri] = self.site.store.put(html.encode("utf-8"))
        elif search_pages.indexed(_edition_path(page.src_uri)):
            title = page.title or self.edition.t("site.name")  # as the page's <title> shows it
            self.documents[page.src_uri] = search_pages.page_document(title, html, page.url, self.lang)

    def rendered(self, page: PageSource, written: bytes) -> None:
        """A page as the engine writes it."""
        digest = self.site.store.put(written)
        planned = self.planned.get(page.src_uri)
        if planned is not None:
            self.pages[page.dest] = PageEntry(
                planned.key, planned.inputs, digest, self.bodies.get(page.src_uri), self._search_blob(page.src_uri)
            )
        else:
            self.files[page.dest] = digest
        self.rendered_count += 1
        self.site.page_rendered(self.lang)

    def _search_blob(self, src_uri: str) -> str | None:
        document = self.documents.get(src_uri)
        return self.site.store.put(msgspec.json.encode(Document.of(document))) if document is not None else None

    def file(self, dest: str, data: bytes) -> None:
        """A file the engine writes besides the pages: an asset, the theme's own pages (404.html)."""
        self.files[check_relative(dest, "the site folder")] = self.site.store.put(data)

    # ---- after the pages ------------------------------------------------------------------------------------
    def finish(self) -> EditionPart:
        site, lang = self.site, self.lang
        previous = site.previous.pages.get(lang, {})
        reused = 0
        for src_uri, planned in self.planned.items():
            dest = self.dests[src_uri]
            if not planned.rendered:  # not rendered: the last build's page, made of the same inputs or Markdown
                entry = previous[dest]
                if entry.inputs != planned.inputs:  # the same Markdown from other inputs: recorded with these
                    article = self._article_of(src_uri) is not None  # its search document is made of the inputs
                    entry = msgspec.structs.replace(
                        entry, inputs=planned.inputs, **({"search": None} if article else {})
                    )
                self.pages[dest] = entry
                reused += 1
        destinations = set(self.dests.values())
        missing = [dest for dest in self.pages if dest not in destinations]
        if missing:
            raise RuntimeError(f"pages rendered that were not planned: {missing[:3]}")
        documents = self._search_documents()
        context = site.context(self.edition, body_of=self._body_of)
        outputs = {**self.outputs, **dict(run(output, context, site.previous) for output in outputs_of(Scope.EDITION))}
        if site.options.offline_dir is not None and not site.options.serving:
            # The offline versions of this edition's pages, made here, in parallel with the other editions.
            offline.derive_pages({dest: entry.html for dest, entry in self.pages.items()}, site.store, context.derived)
        log.info("hiwar: %s edition: %d page(s) rendered, %d reused", lang, self.rendered_count, reused)
        return EditionPart(
            lang,
            self.pages,
            self.files,
            outputs,
            [Document.of(d) for d in documents],
            context.derived.made,
            self.rendered_count,
            reused,
        )

    def _body_of(self, article: Article, edition: Edition) -> str | None:
        """The article's body as its page shows it in this edition (rendered now, or when its page was last made)."""
        src_uri = f"{edition.lang}/{article_path(article)}"
        entry = self.pages.get(self.dests.get(src_uri, ""))
        data = self.site.store.get(entry.body) if entry is not None and entry.body else None
        return data.decode("utf-8") if data is not None else None

    def _search_documents(self) -> list[SearchDocument]:
        """What the search knows of the edition's pages. A generated page's document is kept with it (PageEntry.search),
        which the site's build reads: an article's is made from the model, and kept while its page is made of the same
        inputs (the article's conversion key covers the names and topics it spells out); another page's is made from
        its text as rendered, when it is rendered. Returned are the documents of the hand-written pages, which have
        no entry."""
        site, edition = self.site, self.edition
        collection = site.converted.collection
        names = {name.id: name for name in collection.names}
        tags = {tag.id: tag.labels[edition.lang] for tag in collection.vocabulary.values()}
        hand_written = []
        for src_uri, dest in self.dests.items():
            path = _edition_path(src_uri)
            if not search_pages.indexed(path):
                continue
            entry = self.pages.get(dest)
            if entry is None:
                if src_uri in self.documents:
                    hand_written.append(self.documents[src_uri])
                continue
            article = self._article_of(src_uri)
            if article is not None and not (entry.search and site.store.has(entry.search)):
                url = page_url(path)
                url = edition.prefix + url if url else edition.prefix
                document = search_pages.article_document(article, edition, url, names, tags)
                blob = site.store.put(msgspec.json.encode(Document.of(document))) if document else None
                self.pages[dest] = msgspec.structs.replace(entry, search=blob)
        return hand_written


def stored_document(store, blob: str) -> SearchDocument | None:
    """A page's search document as kept with it (PageEntry.search); None when the store lost it."""
    data = store.get(blob)
    if data is None:
        return None
    try:
        return msgspec.json.decode(data, type=Document).search_document()
    except (msgspec.ValidationError, msgspec.DecodeError):
        return None


def _edition_path(src_uri: str) -> str:
    return src_uri.split("/", 1)[1] if "/" in src_uri else src_uri


def hand_written(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*.md")) if folder.is_dir() else []
