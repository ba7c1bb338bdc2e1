"""The Hiwar plugin for MkDocs: seeds and editorial files in, every edition of the site out.

One `mkdocs build` converts the seeds once, builds the default edition (at the site root) and every other edition
(under `<lang>/`) — in parallel processes where the platform can fork — and, when asked, derives the offline edition
from the same rendering and packs it into a zip. Generated pages are in-memory files: nothing is written into docs/.

Problems in the inputs stop `mkdocs build` with one line each; `mkdocs serve` shows them in a banner on every page
and goes on serving every article that could be read.
"""
from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from hiwar.problems import InputError
from hiwar.site.adapter import BUILD_LOGGER, WITHOUT_DIRTY_WARNING, release_html, release_markdown, theme_markup_fixed
from hiwar.site.config import HiwarConfig
from hiwar.site.editions import Edition, TableErrors, load_editions
from hiwar.site.error_pages import error_page_view  # wiring: the 404 and offline pages (the output contract will own this)
from hiwar.site.policy import ONLINE, with_policy  # wiring: the pages' policy (the output contract will own this)
from hiwar.site.site_build import EditionBuild, SiteBuild

log = logging.getLogger("mkdocs.plugins.hiwar")


class HiwarPlugin(BasePlugin[HiwarConfig]):
    def __init__(self):
        super().__init__()
        self.command = "build"
        self.dirty = False
        # The whole build (conversion, editions); kept across `mkdocs serve` rebuilds, which reuse its pages.
        self.site: SiteBuild | None = None
        # The edition a nested or forked build is making; None in the build MkDocs started (the default edition).
        self.assigned: Edition | None = None
        self.current: EditionBuild | None = None

    # ---- events ---------------------------------------------------------------------------------------------
    def on_startup(self, *, command, dirty):
        self.command, self.dirty = command, dirty
        if dirty:  # this process makes dirty builds on purpose (see adapter.py)
            logging.getLogger(BUILD_LOGGER).addFilter(WITHOUT_DIRTY_WARNING)

    def on_config(self, config: MkDocsConfig):
        if self.assigned is None:
            self.site = self._new_site(config)
            edition = self.site.editions[0]
        else:
            edition = self.assigned
        self.current = self.site.edition_build(edition, config)
        self.current.configure()
        return config

    def on_pre_build(self, config: MkDocsConfig):
        if self.assigned is None:
            self._guarded(self.site.convert)
            self._guarded(self.site.prepare, config, dirty=self.dirty)  # knows the problems, internal errors included

    def on_files(self, files: Files, config: MkDocsConfig):
        files = self._guarded(self.current.files, files, otherwise=files)
        if self.assigned is None:
            self.site.start_other_editions(self._build_edition)
        return files

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files):
        return self._guarded(self.current.page_markdown, markdown, page, otherwise=markdown)

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files):
        self._guarded(self.current.page_content, html, page)
        release_markdown(page)
        return html

    def on_page_context(self, context, page: Page, config: MkDocsConfig, nav):
        context["hiwar"] = self._guarded(self.current.view, page)
        return context

    def on_template_context(self, context, template_name: str, config: MkDocsConfig):
        # wiring: the theme's own pages (404, offline) get the view in the edition's language (the output contract
        # will own this)
        context["hiwar"] = self._guarded(error_page_view, template_name, self.current.edition, self.site.editions,
                                         self.current.search_view, config.site_url)
        return context

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig):
        self._guarded(self.current.rendered, page)
        release_html(page)
        return self._with_policy(theme_markup_fixed(output))

    def on_post_template(self, output_content: str, template_name: str, config: MkDocsConfig):
        if not template_name.endswith(".html"):
            return output_content
        html = self._with_policy(theme_markup_fixed(output_content))
        return self.current.error_page(template_name, html)  # wiring: each edition's 404 page (the output contract will own this)

    def _with_policy(self, html: str) -> str:
        # wiring: the pages' Content-Security-Policy (the output contract will own this). Not in the preview:
        # `mkdocs serve` injects its live-reload script into every page it serves, inline, with a text per request.
        return html if self.command == "serve" else with_policy(html, ONLINE)

    def on_post_build(self, config: MkDocsConfig):
        self._guarded(self.current.finish)
        if self.assigned is None:
            self._guarded(self.site.finish)

    def on_build_error(self, error: Exception):
        if self.site is not None and self.assigned is None:
            self.site.abandon()

    # ---- editions ---------------------------------------------------------------------------------------------
    def _new_site(self, config: MkDocsConfig) -> SiteBuild:
        project = Path(config.config_file_path).resolve().parent
        languages = Path(self.config.languages_dir) if self.config.languages_dir else None
        try:
            editions = load_editions(list(self.config.editions), languages)
        except TableErrors as err:
            for line in err.lines:
                log.error(line)
            raise PluginError(f"{len(err.lines)} problem(s) in the language tables") from None
        except InputError as err:
            raise PluginError(str(err)) from None
        previous = self.site if self.site is not None and self.command == "serve" else None
        return SiteBuild(project, self.config, editions, serving=self.command == "serve", dirty=self.dirty,
                         previous=previous)

    def _build_edition(self, edition: Edition) -> None:
        """Build one more edition into the same site folder, with this plugin instance (MkDocs keeps one per process)."""
        from mkdocs.commands.build import build

        primary = (self.assigned, self.current)
        self.assigned = edition
        try:
            config = load_config(config_file=self.site.config_file, site_dir=str(self.site.site_dir))
            logger = logging.getLogger(BUILD_LOGGER)
            logger.addFilter(WITHOUT_DIRTY_WARNING)
            try:
                build(config, dirty=True)
            finally:
                if not self.dirty:
                    logger.removeFilter(WITHOUT_DIRTY_WARNING)
        finally:
            self.assigned, self.current = primary

    def _guarded(self, step, *args, otherwise=None, **kwargs):
        """Run a step of the build (every event goes through here); under `mkdocs serve` an unexpected error becomes a
        problem in the banner, and the event goes on with `otherwise`."""
        try:
            return step(*args, **kwargs)
        except PluginError:
            raise
        except Exception as err:  # noqa: BLE001 — the preview must go on; the error is shown, with where it happened
            if self.command != "serve" or self.site is None:
                raise
            where = traceback.extract_tb(err.__traceback__)[-1]
            if self.site.add_internal_error(f"{type(err).__name__}: {err} ({Path(where.filename).name}:{where.lineno})",
                                            f"{where.filename}:{where.lineno}"):
                print(f"PROBLEM -  internal error: {err}", file=sys.stderr)
            return otherwise

