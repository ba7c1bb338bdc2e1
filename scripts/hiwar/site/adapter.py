"""Where MkDocs falls short, the workaround lives here, and tests/test_site_adapter.py fails when MkDocs changes.

1. Reused pages. A dirty build (`mkdocs build --dirty`, `mkdocs serve --dirty`) renders a page only when
   `File.is_modified()` says so, but a file whose content is made in memory always counts as modified. A generated
   page knows whether it is made of the same inputs as the file already in the site folder.
2. Markup the theme writes where no template block reaches, that the Nu HTML Checker refuses: `autocomplete` on
   its checkbox toggles, and a table-of-contents label pointing at a toggle that only exists for pages in the
   navigation. Exact strings only: when the theme changes, nothing is touched and the adapter test fails.
3. Editions share one site folder. Every edition but the first is built without cleaning the folder (a dirty build),
   and MkDocs warns that a dirty build may leave stale pages — a warning strict mode turns into an abort. These builds
   know exactly which pages are stale (the plugin removes them), so that one warning is dropped.
4. Memory. MkDocs converts every page's Markdown before it renders any template, and keeps each page's Markdown
   and HTML to the end of the build: at 10,000 articles, gigabytes of text no step reads again. A generated page's
   Markdown is released once it is converted, and every page's HTML once its template is rendered.
"""
from __future__ import annotations

import logging

from mkdocs.structure.files import File

# In the theme's base.html and partials/toc.html.
CHECKBOX_AUTOCOMPLETE = ' type="checkbox" id="__drawer" autocomplete="off">', ' type="checkbox" id="__search" autocomplete="off">'
TOC_LABEL = '<label class="md-nav__title" for="__toc">'

# The start of MkDocs' warning (mkdocs/commands/build.py).
DIRTY_BUILD_WARNING = "A 'dirty' build is being performed"
BUILD_LOGGER = "mkdocs.commands.build"


class GeneratedPage(File):
    """A page made in memory by the plugin; `reused` when the site folder already holds it, made of the same inputs."""

    reused: bool = False

    def is_modified(self) -> bool:
        return not self.reused


def release_markdown(page) -> None:
    """After on_page_content: MkDocs reads a page's Markdown (`page.markdown`, and a generated file's
    `content_string`) only to convert it."""
    page.markdown = None
    if isinstance(page.file, GeneratedPage):
        page.file.content_string = ""


def release_html(page) -> None:
    """After on_post_page: the page is written; its HTML (`page.content`) is read by no later step."""
    page.content = None


class _WithoutDirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_BUILD_WARNING)


WITHOUT_DIRTY_WARNING = _WithoutDirtyWarning()


def theme_markup_fixed(html: str) -> str:
    for toggle in CHECKBOX_AUTOCOMPLETE:
        html = html.replace(toggle, toggle.replace(' autocomplete="off"', ""))
    if 'id="__toc"' not in html:
        html = html.replace(TOC_LABEL, '<label class="md-nav__title">')
    return html
