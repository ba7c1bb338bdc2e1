"""The workarounds in site/adapter.py rest on how MkDocs and the theme behave today; these tests fail when that
changes, so that a framework update is a review of the adapter, not a silent breakage."""
from __future__ import annotations

import inspect
from pathlib import Path

import material
from mkdocs.commands import build
from mkdocs.structure.files import File

from hiwar.site.adapter import (
    CHECKBOX_AUTOCOMPLETE,
    DIRTY_BUILD_WARNING,
    TOC_LABEL,
    GeneratedPage,
    release_html,
    release_markdown,
    theme_markup_fixed,
)

THEME = Path(material.__file__).parent / "templates"


def test_mkdocs_dirty_builds_ask_each_page_whether_it_was_modified():
    for step in (build._populate_page, build._build_page):
        assert "if dirty and not page.file.is_modified():" in inspect.getsource(step)
    page = GeneratedPage("ar/articles/x.md", None, "/site", True, dest_uri="articles/x/index.html")
    page.content_string = ""
    page.reused = True
    assert not page.is_modified()
    page.reused = False
    assert page.is_modified()
    plain = File("ar/x.md", None, "/site", True)
    plain.content_string = ""
    assert plain.is_modified()  # without the adapter, a page made in memory always counts as modified


def test_mkdocs_still_warns_about_dirty_builds_with_the_text_the_adapter_drops():
    assert DIRTY_BUILD_WARNING in inspect.getsource(build.build)


def test_the_theme_still_writes_the_markup_the_adapter_corrects():
    base = (THEME / "base.html").read_text(encoding="utf-8")
    assert all(toggle in base for toggle in CHECKBOX_AUTOCOMPLETE)
    assert TOC_LABEL in (THEME / "partials" / "toc.html").read_text(encoding="utf-8")


def test_the_corrections_touch_only_what_they_name():
    html = ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
            '<input type="text" autocomplete="off">' + TOC_LABEL)
    fixed = theme_markup_fixed(html)
    assert 'id="__drawer">' in fixed and '<input type="text" autocomplete="off">' in fixed
    assert 'for="__toc"' not in fixed
    assert TOC_LABEL in theme_markup_fixed(TOC_LABEL + '<input id="__toc">')  # the toggle exists: the label stays


def test_mkdocs_reads_a_page_markdown_only_to_convert_it_and_its_html_only_to_render_it():
    """What lets the adapter release them: nothing in MkDocs reads page.markdown after on_page_content or
    page.content after on_post_page (the theme's templates read page.content while rendering, before that)."""
    populate, render = inspect.getsource(build._populate_page), inspect.getsource(build._build_page)
    assert "page.markdown" not in populate.split("on_page_content", 1)[1]
    assert "page.content" not in render.split("on_post_page", 1)[1]
    assert "page.markdown" not in inspect.getsource(build.build) and "page.content" not in inspect.getsource(build.build)


def test_released_pages_hold_no_text():
    page = GeneratedPage("ar/articles/x.md", None, "/site", True, dest_uri="articles/x/index.html")
    page.content_string = "# x"

    class Page:
        file, markdown, content = page, "# x", "<h1>x</h1>"

    shown = Page()
    release_markdown(shown)
    assert shown.markdown is None and page.content_string == "" and shown.content == "<h1>x</h1>"
    release_html(shown)
    assert shown.content is None
