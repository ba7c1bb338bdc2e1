"""The Hiwar plugin: the engine's events turned into calls of the build (hiwar.build), with plain data.

One engine build converts the seeds once, builds the default edition (at the site root) and every other edition
(under `<lang>/`) — in parallel processes where the platform can fork — and then the outputs. Generated pages are
in-memory files: nothing is written into docs/. Problems in the inputs stop a build with one line each; a preview
(`serve`) shows them in a banner on every page and goes on serving every article that could be read.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from hiwar.build.edition import EditionBuild, EditionPart
from hiwar.build.fingerprint import site_fingerprint
from hiwar.build.options import BuildOptions
from hiwar.build.seam import BuildProblem, PageSource
from hiwar.build.site import SiteBuild
from hiwar.engine import adapter
from hiwar.engine.config import HiwarConfig
from hiwar.outputs.lock import BuildLock
from hiwar.problems import InputError
from hiwar.site.editions import Edition, TableErrors, load_editions

log = logging.getLogger(f"{adapter.ENGINE_LOGGER}.plugins.hiwar")


class HiwarPlugin(BasePlugin[HiwarConfig]):
    def __init__(self):
        super().__init__()
        self.command = "build"
        self.dirty = False
        # The preview (python -m hiwar serve, adapter.Session) builds as `make build` does, into the store it serves
        # from; `mkdocs serve` is the engine's own server.
        self.preview = False
        # The whole build (conversion, editions); a preview keeps the last one, whose pages it reuses.
        self.site: SiteBuild | None = None
        # The edition a nested or forked build is making; None in the build the engine started (the default one).
        self.assigned: Edition | None = None
        self.current: EditionBuild | None = None
        self.lock: BuildLock | None = None  # a preview's: held while it rebuilds
        self._configured_nav: list[tuple[str, str]] = []  # (key of the language table, page path) per nav entry
        self.held = adapter.HeldHtml()

    # ---- events ---------------------------------------------------------------------------------------------
    def on_startup(self, *, command, dirty):
        self.command, self.dirty = command, dirty
        if dirty:  # this process makes dirty builds on purpose (see adapter.py)
            adapter.drop_dirty_warning()

    def on_config(self, config: MkDocsConfig):
        if self.assigned is None:
            self.site = self._new_site(config)
            edition = self.site.editions[0]
        else:
            edition = self.assigned
        self.current = self.site.edition_build(edition)
        adapter.configure(config, self.current.settings(self._nav))
        adapter.theme_once(config)
        return config

    def on_pre_build(self, config: MkDocsConfig):
        if self.assigned is None:
            if self.command == "serve":
                self.lock = BuildLock(self.site.options.work, "make serve")
                self.lock.acquire()
            self._guarded(self.site.convert)
            self._guarded(self.site.keep_conversion)
            fingerprint = site_fingerprint(
                Path(config.config_file_path),
                [
                    Path(config.docs_dir),
                    *([Path(config.theme.custom_dir)] if config.theme.custom_dir else []),
                    *([self.site.options.languages_dir] if self.site.options.languages_dir else []),
                ],
                # Every page shows the problems (the preview's banner): a page made before they changed is not reused.
                [
                    str(config.site_url),
                    ",".join(e.lang for e in self.site.editions),
                    adapter.engine_name(),
                    *self.site.problems,
                ],
            )
            self.site.reuse = self.dirty  # a clean build renders every page: none is taken from the store
            self.site.prepare(fingerprint)

    def on_files(self, files: Files, config: MkDocsConfig):
        return self._guarded(self._files, files, config, otherwise=files)

    def _files(self, files: Files, config: MkDocsConfig) -> Files:
        self.held = adapter.HeldHtml()  # this build's pages
        edition, site = self.current.edition, self.site
        others = {e.lang for e in site.editions} - {edition.lang}
        settings = self.current.settings(self._nav)
        shared, own = adapter.edition_files(
            files, edition.lang, others, self.current.primary, settings.without_templates
        )
        nav_paths = {path for _, path in settings.nav}
        if self.assigned is None:  # first: the other editions' processes work while this one plans its own
            site.start_other_editions(self._build_edition)
        self._guarded(self.current.offer)  # a preview goes on without the book when it cannot be made
        made = self.current.plan([f.src_uri for f in own if f.is_documentation_page()], nav_paths)
        result = shared + [
            adapter.placed(file, self.current.own_dest(file.src_uri, file.is_documentation_page())) for file in own
        ]
        result += [adapter.generated_file(config, generated) for generated in made]
        return Files(result)

    def on_env(self, env, config: MkDocsConfig, files: Files):
        self.held.hold_last()
        adapter.compile_once(env)
        for dest, data in adapter.static_files(
            files, self._engine_serving
        ):  # this edition's: on_files left out the others'
            self._guarded(self.current.file, dest, data)
        return env

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files):
        page.meta = self._guarded(self.current.page_meta, page.file.src_uri, page.meta, otherwise=page.meta)
        return self._guarded(self.current.page_markdown, page.file.src_uri, markdown, otherwise=markdown)

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files):
        self._guarded(self.current.page_content, _source(page), html)
        adapter.release_markdown(page)
        self.held.converted(page)
        return html

    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav):
        self.held.restore(page)
        context["hiwar"] = self._guarded(self.current.view, _source(page))
        return context

    def on_template_context(self, context, template_name: str, config: MkDocsConfig):
        context["hiwar"] = self._guarded(self.current.template_view, template_name)
        return context

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig):
        output = self._guarded(self.current.with_policy, adapter.theme_markup_fixed(output), otherwise=output)
        self._guarded(self.current.rendered, _source(page), adapter.written(output))
        adapter.release_html(page)
        return output

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig):
        if not template_name.endswith(".html"):
            return output_content
        output = self._guarded(
            self.current.with_policy, adapter.theme_markup_fixed(output_content), otherwise=output_content
        )
        dest, engine_writes = self.current.template_dest(template_name)
        self._guarded(self.current.file, dest, adapter.written(output))
        return output if engine_writes else ""  # the engine writes nothing for an empty page

    def on_post_build(self, config: MkDocsConfig):
        try:
            # Under a preview a step that failed gives None: the error is in the banner of the pages the engine
            # wrote, and the other editions are still built.
            part = self._guarded(self.current.finish) or EditionPart(self.current.lang)
            if self.assigned is None:
                self._guarded(self.site.finish, part, self.current.paths)
            else:
                self.site.edition_done(part)
        finally:
            self._unlock()

    def on_build_error(self, error: Exception):
        if self.site is not None and self.assigned is None:
            self.site.abandon()
        self._unlock()

    def on_shutdown(self):
        self._unlock()

    # ---- editions ---------------------------------------------------------------------------------------------
    @property
    def _engine_serving(self) -> bool:
        """Under the engine's own server (`mkdocs serve`): its live reload injects inline scripts into the pages."""
        return self.command == "serve" and not self.preview

    @property
    def _nav(self) -> list[tuple[str, str]]:
        return self._configured_nav

    def _new_site(self, config: MkDocsConfig) -> SiteBuild:
        self._configured_nav = adapter.nav_entries(config)
        try:
            editions = load_editions(
                list(self.config.editions),
                self._path(config, self.config.languages_dir) if self.config.languages_dir else None,
            )
        except TableErrors as err:
            for line in err.lines:
                log.error(line)
            raise PluginError(f"{len(err.lines)} problem(s) in the language tables") from None
        except InputError as err:
            raise PluginError(str(err)) from None
        previous = self.site if self.site is not None and self.command == "serve" else None
        return SiteBuild(self._options(config), editions, previous)

    def _options(self, config: MkDocsConfig) -> BuildOptions:
        option, path = self.config, lambda value: self._path(config, value)
        return BuildOptions(
            project=Path(config.config_file_path).resolve().parent,
            config_file=Path(config.config_file_path),
            docs_dir=Path(config.docs_dir),
            theme_dirs=(Path(config.theme.custom_dir),) if config.theme.custom_dir else (),
            site_dir=Path(config.site_dir).resolve(),
            site_url=config.site_url or "",
            seeds=path(option.seeds),
            editorial=path(option.editorial),
            editions=tuple(option.editions),
            languages_dir=path(option.languages_dir) if option.languages_dir else None,
            assets_dir=path(option.assets_dir),
            cache_dir=path(option.cache_dir),
            report=path(option.report),
            offline_dir=path(option.offline_dir) if option.offline_dir else None,
            dist_dir=path(option.dist_dir) if option.dist_dir else None,
            parallel=option.parallel,
            serving=self.command == "serve",
            policy_in_pages=not self._engine_serving,
            served_from_store=self.preview,
            palette=config.theme.get("palette"),
            theme_stylesheets=adapter.theme_stylesheets(config),
        )

    @staticmethod
    def _path(config: MkDocsConfig, value: str) -> Path:
        project = Path(config.config_file_path).resolve().parent
        return Path(value) if Path(value).is_absolute() else (project / value).resolve()

    def _build_edition(self, edition: Edition) -> None:
        """Build one more edition into the same site folder: the engine loads the configuration again, and the plugin
        instance it makes for that build takes this one's site and the edition to make (adapter.py, 6)."""
        config, plugin = adapter.nested_config(str(self.site.options.config_file), str(self.site.options.site_dir))
        primary = (plugin.site, plugin.assigned, plugin.current, plugin.command, plugin.dirty, plugin.preview)
        plugin.site, plugin.assigned, plugin.command, plugin.dirty = self.site, edition, self.command, True
        plugin.preview = self.preview
        plugin._configured_nav = self._configured_nav
        adapter.drop_dirty_warning()
        try:
            adapter.build(config, dirty=True)
        finally:
            plugin.site, plugin.assigned, plugin.current, plugin.command, plugin.dirty, plugin.preview = primary

    def _unlock(self) -> None:
        if self.lock is not None and self.assigned is None:
            self.lock.release()
            self.lock = None

    def _guarded(self, step, *args, otherwise=None, **kwargs):
        """Run a step of the build (every event goes through here). Problems with the inputs stop a build with one
        line each; under a preview an unexpected error becomes a problem in the banner, and the event goes on with
        `otherwise`."""
        try:
            return step(*args, **kwargs)
        except PluginError:
            raise
        except BuildProblem as problem:
            for line in problem.lines:
                log.error(line)
            raise PluginError(problem.summary) from None
        except Exception as err:  # noqa: BLE001 — the preview must go on; the error is shown, with where it happened
            if self.command != "serve" or self.site is None:
                raise
            where = traceback.extract_tb(err.__traceback__)[-1]
            if self.site.add_internal_error(
                f"{type(err).__name__}: {err} ({Path(where.filename).name}:{where.lineno})",
                f"{where.filename}:{where.lineno}",
            ):
                print(f"PROBLEM -  internal error: {err}", file=sys.stderr)
            return otherwise


def _source(page: Page) -> PageSource:
    # A generated page's title is escaped already (Markup, from its escaped front-matter): kept as it is.
    title = (page.meta.get("title") if page.meta else None) or page.title or ""
    url = "" if page.url in (".", "./") else page.url
    return PageSource(page.file.src_uri, page.file.dest_uri, url, title, page.title or title)
