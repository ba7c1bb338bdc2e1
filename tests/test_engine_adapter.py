"""Everything engine/adapter.py relies on in how MkDocs (or ProperDocs) and the theme behave today; these tests fail
when that changes, so that a framework update is a review of the adapter, not a silent breakage. The seam itself:
only engine/ imports the engine."""

from __future__ import annotations

import ast
import difflib
import inspect
import logging
from pathlib import Path

import material
import pytest
from mkdocs.commands import build
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from conftest import ROOT
from hiwar.build.seam import EditionSettings
from hiwar.engine.adapter import (
    CHECKBOX_AUTOCOMPLETE,
    COMPILED_TEMPLATES,
    DIRTY_BUILD_WARNING,
    TOC_LABEL,
    WITHOUT_DIRTY_WARNING,
    GeneratedPage,
    HeldHtml,
    compile_once,
    drop_dirty_warning,
    edition_files,
    engine_name,
    nested_config,
    release_html,
    release_markdown,
    static_files,
    theme_markup_fixed,
    theme_once,
    written,
)
from hiwar.site.urls import page_dest, page_url, relative_url

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
    html = (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
        '<input type="text" autocomplete="off">' + TOC_LABEL
    )
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
    assert "page.markdown" not in inspect.getsource(build.build) and "page.content" not in inspect.getsource(
        build.build
    )


def test_mkdocs_sets_a_pages_html_after_on_page_content_and_reads_it_only_after_on_page_context():
    """What lets the adapter hold every page's HTML compressed between its conversion and its rendering."""
    populate, render = inspect.getsource(build._populate_page), inspect.getsource(build._build_page)
    assert "page.content = config.plugins.on_page_content(" in populate
    assert "page.content" not in render.split("on_page_context", 1)[0]
    assert "page.content" not in inspect.getsource(build.get_context)


def test_held_html_is_released_from_the_next_conversion_to_its_rendering_and_comes_back_whole():
    class Page:
        def __init__(self, name: str, content: str | None):
            self.file, self.content = File(name, None, "/site", True), content

    texts = {"a.md": '<p dir="rtl">نص عربي \ud800 ' + "x" * 5000 + "</p>", "b.md": "<p>b</p>", "c.md": None}
    pages = [Page(name, None) for name in texts]
    held = HeldHtml()
    for page in pages:
        held.converted(page)
        page.content = texts[page.file.src_uri]  # what the engine does once the event returns
    assert pages[0].content is None and pages[1].content is None and pages[2].content is None
    held.hold_last()
    for page in reversed(pages):
        held.restore(page)
        assert page.content == texts[page.file.src_uri]
    held.restore(pages[0])  # restored once: a page rendered again keeps what it has
    assert pages[0].content == texts["a.md"]


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


def test_only_the_engine_package_imports_the_engine():
    importing = set()
    for path in (ROOT / "scripts" / "hiwar").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            if any(name.split(".")[0] in ("mkdocs", "properdocs", "material") for name in names):
                importing.add(path.relative_to(ROOT / "scripts" / "hiwar").as_posix())
    assert importing <= {"engine/plugin.py", "engine/config.py", "engine/adapter.py", "engine/__init__.py"}, importing
    assert len(importing - {"engine/__init__.py"}) <= 3


@pytest.mark.parametrize(
    "path",
    [
        "index.md",
        "about.md",
        "articles/000_683b6dac8a733867.md",
        "topics/index.md",
        "topics/iran/2.md",
        "articles/مقال.md",
    ],
)
def test_the_engine_serves_a_page_where_the_sites_url_rule_says(path):
    file = File(path, None, "", True)
    assert file.dest_uri == page_dest(path)
    assert ("" if file.url in (".", "./") else file.url) == page_url(path).replace("مقال", "%D9%85%D9%82%D8%A7%D9%84")


@pytest.mark.parametrize(
    "target", ["", ".", "articles/x/", "en/articles/x/", "assets/a.css", "en/", "../x/", "a/../b/"]
)
@pytest.mark.parametrize("origin", ["", ".", "articles/x/", "en/topics/iran/", "404.html", "en/", "a/b/c.html"])
def test_the_engine_links_pages_as_the_sites_url_rule_does(target, origin):
    assert relative_url(target, origin) == get_relative_url(target, origin)


def test_the_engine_writes_a_page_as_utf8_with_references_for_what_it_cannot_encode():
    source = inspect.getsource(build._build_page)
    assert "output.encode('utf-8', errors='xmlcharrefreplace')" in source
    assert written("a\udc80b") == "a\udc80b".encode("utf-8", errors="xmlcharrefreplace")


def test_the_files_the_engine_copies_are_the_ones_the_adapter_keeps():
    copy = inspect.getsource(Files.copy_static_files)
    assert "if not file.is_documentation_page() and inclusion(file.inclusion):" in copy
    kept = File("assets/x.css", None, "/site", True)
    kept.content_bytes = b"x"
    page = File("ar/about.md", str(ROOT / "docs"), "/site", True)
    assert list(static_files(Files([kept, page]), serving=False)) == [("assets/x.css", b"x")]


def test_a_theme_template_taken_out_of_its_static_templates_would_be_copied_as_a_plain_file():
    source = inspect.getsource(Files.add_files_from_theme)
    assert "patterns.extend(config.theme.static_templates)" in source
    theme = File("sitemap.xml", "/theme", "/site", True)
    own = File("en/about.md", "/docs", "/site", True)
    shared, mine = edition_files(Files([theme, own]), "en", {"ar"}, primary=True, without=("sitemap.xml",))
    assert shared == [] and mine == [own]


def test_a_nested_build_gets_the_plugin_instance_the_engine_made_for_its_configuration():
    config, plugin = nested_config(str(ROOT / "mkdocs.yml"), "/tmp/nowhere")
    assert type(plugin).__name__ == "HiwarPlugin" and config.plugins["hiwar"] is plugin
    assert config.site_dir == "/tmp/nowhere"


def test_the_dirty_warning_is_dropped_under_the_engines_own_logger():
    drop_dirty_warning()
    assert WITHOUT_DIRTY_WARNING in build.log.filters and build.log.name == f"{engine_name()}.commands.build"
    record = logging.LogRecord(build.log.name, logging.WARNING, "", 0, DIRTY_BUILD_WARNING + ", this will", (), None)
    assert not WITHOUT_DIRTY_WARNING.filter(record)


@pytest.mark.parametrize("name", ["header.html", "content.html", "alternate.html"])
def test_the_theme_partials_the_site_overrides_differ_from_the_installed_originals_only_as_recorded(name):
    """overrides/partials/ holds copies of Material's partials with the site's changes; each recorded diff
    (tests/fixtures/theme/) is what those changes are. A theme update that changes an original fails here, so that
    the copy is made again from the new original, not left behind it."""
    original = (THEME / "partials" / name).read_text(encoding="utf-8").splitlines(keepends=True)
    copy = (ROOT / "overrides" / "partials" / name).read_text(encoding="utf-8").splitlines(keepends=True)
    diff = "".join(list(difflib.unified_diff(original, copy, n=3))[2:])
    assert diff == (ROOT / "tests" / "fixtures" / "theme" / f"{name}.diff").read_text(encoding="utf-8")


def test_strict_mode_counts_only_the_warnings_a_quiet_logger_lets_through_so_the_adapter_lets_them_through():
    """mkdocs#4126: `--quiet` sets the engine's logger to ERROR and strict mode counts warnings with a handler on that
    logger, so a broken link does not stop a quiet strict build; `warnings_counted` sets the logger back to WARNING.
    (tests/test_markdown_contract.py shows a quiet strict build stopped by a broken link.)"""
    from mkdocs import __main__ as cli

    from hiwar.engine.adapter import ENGINE_LOGGER, warnings_counted

    assert "state.logger.setLevel(logging.ERROR)" in inspect.getsource(cli.quiet_option)
    assert "logging.getLogger('mkdocs').addHandler(warning_counter)" in inspect.getsource(build.build)
    assert "warning_counter.setLevel(logging.WARNING)" in inspect.getsource(build.build)
    logger = logging.getLogger(ENGINE_LOGGER)
    level = logger.level
    try:
        logger.setLevel(logging.ERROR)
        warnings_counted()
        assert logger.level == logging.WARNING
        logger.setLevel(logging.INFO)  # a verbose logger stays as verbose
        warnings_counted()
        assert logger.level == logging.INFO
    finally:
        logger.setLevel(level)


def test_the_notes_back_links_title_is_the_editions_and_taken_as_text():
    from hiwar.engine.adapter import configure

    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    settings = EditionSettings("Hiwar", "d", "c", "en", {}, "Link", "Back to {the} note", [], None, (), (), ())
    configure(config, settings)
    footnotes = config.mdx_configs["footnotes"]
    assert footnotes["BACKLINK_TITLE"].format(1) == "Back to {the} note"  # the extension formats it with the number
    from markdown.extensions.footnotes import FootnoteExtension

    assert FootnoteExtension(**footnotes).getConfig("BACKLINK_TITLE").format(1) == "Back to {the} note"


def test_the_engine_makes_a_new_template_environment_for_every_build_and_takes_a_bytecode_cache():
    """9: each build's environment compiles every template again unless it has a bytecode cache; Jinja compares the
    source it compiled with the template's, so an edited template is compiled again."""
    assert "env = config.theme.get_env()" in inspect.getsource(build.build)
    config = load_config(str(ROOT / "mkdocs.yml"))
    env = compile_once(config.theme.get_env())
    assert env.bytecode_cache is COMPILED_TEMPLATES
    env.get_template("main.html")
    again = compile_once(config.theme.get_env())
    assert again.get_template("main.html").render  # compiled code from the cache
    assert any(True for _ in COMPILED_TEMPLATES._code)


def test_the_theme_environment_kept_once_lists_what_the_engine_would_and_sees_a_new_file(tmp_path):
    """10: the engine lists the theme's folders through its environment and leaves out dot-paths by its own patterns;
    the kept environment gives the engine the same static files; a file added to a folder is listed, in another
    environment."""
    source = inspect.getsource(Files.add_files_from_theme)
    assert "env.list_templates(filter_func=filter)" in source
    assert "patterns = ['.*', '*/.*'," in source
    (tmp_path / "overrides" / "assets").mkdir(parents=True)
    (tmp_path / "overrides" / "assets" / "a.css").write_text("a")
    config = load_config(str(ROOT / "mkdocs.yml"))
    config.theme.dirs.insert(0, str(tmp_path / "overrides"))

    def theme_files() -> list[str]:
        files = Files([])
        files.add_files_from_theme(config.theme.get_env(), config)
        return sorted(f.src_uri for f in files)

    plain = theme_files()
    theme_once(config)
    assert theme_files() == plain and "assets/a.css" in plain
    kept = config.theme.get_env()
    assert config.theme.get_env() is kept and kept.auto_reload
    (tmp_path / "overrides" / "assets" / "b.css").write_text("b")
    assert theme_files() == sorted(plain + ["assets/b.css"])
    assert config.theme.get_env() is not kept  # a file added to a theme folder: another environment
