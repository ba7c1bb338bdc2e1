"""Where the engine (MkDocs 1.x, or ProperDocs) falls short, or where the build relies on how it behaves, the code
is here, and tests/test_engine_adapter.py fails when the engine changes.

1. Reused pages. A dirty build renders a page only when `File.is_modified()` says so, but a file whose content is
   made in memory always counts as modified, and a file of docs/ counts as modified when it is newer than a file
   of the site folder. A generated page knows whether the store holds it, made of the same inputs (GeneratedPage);
   a hand-written page is rendered on every build (HandWrittenPage).
2. How a page is written: the engine encodes a page's HTML as UTF-8, characters it cannot encode as character
   references (`written`); the build keeps exactly those bytes.
3. Markup the theme writes where no template block reaches, that the Nu HTML Checker refuses: `autocomplete` on its
   checkbox toggles, and a table-of-contents label pointing at a toggle that only exists for pages in the navigation.
   Exact strings only: when the theme changes, nothing is touched and the adapter test fails.
4. Editions share one site folder. Every edition but the first is built without cleaning the folder (a dirty build),
   and the engine warns that a dirty build may leave stale pages, a warning strict mode turns into an abort. The build
   makes every folder hold exactly what it made (outputs/tree.py), so that one warning is dropped (under the engine's
   own logger name, `mkdocs.*` or `properdocs.*`).
5. Memory. The engine converts every page's Markdown before it renders any template, and keeps each page's Markdown
   and HTML to the end of the build: at 10,000 articles, gigabytes of text no step reads again. A generated page's
   Markdown is released once it is converted, and every page's HTML once its template is rendered. Between the two,
   the HTML of every page is held compressed (`HeldHtml`: 0.45 GB of text per edition at 10,000 articles): from the
   next event after its conversion (the engine sets `page.content` once on_page_content returns) to on_page_context,
   which comes before its template reads it.
6. Nested builds. Each edition is an engine build of its own: the configuration is loaded again (with the site
   folder of the first) and the plugin instance the engine made for it is handed the state of the first build,
   whether or not the engine reuses plugin instances between loads.
7. The configuration's files: the edition's hand-written pages are remapped to its folder, the other editions'
   dropped, and the theme's and the Markdown extensions' settings that depend on the language set per edition
   (`configure`: the heading links' and the notes' back links' titles).
8. Strict mode counts the warnings that reach the engine's logger, and a quiet logger (`--quiet`, and the command
   line's own output, which shows errors only) drops them first (mkdocs#4126): a link to a missing page or anchor
   would not stop the build. Under strict mode the logger lets warnings through (`warnings_counted`); each is shown,
   as the error it is.
9. Templates compiled once. The engine makes a new template environment for every build, which compiles every
   template it renders again (a second a build for the theme's); each edition's build, each rebuild of a preview and
   the next process take the compiled code from the cache instead (`compile_once`: Jinja's bytecode cache, which
   compares each template's source with the one compiled, so an edited template is compiled again; kept in memory and
   where Python keeps its compiled modules, under the environment's settings that compiled code depends on).
10. The theme's environment made once per process. Every build makes a new one, which reads every template it renders
   again, and lists every file of the theme's folders to find its static files (`Files.add_files_from_theme`:
   Material's templates folder holds some 14,000 icons, each then matched against a dozen patterns, half a second a
   build). The environment and its listing are kept while none of the folders changed (each folder's modification
   time: a file added, removed or renamed changes its folder's); the listing leaves out the paths under a dot-folder,
   which the engine's own patterns ('.*', '*/.*') leave out; the environment reloads a template whose file changed
   (`theme_once`).
"""

from __future__ import annotations

import functools
import logging
import os
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import jinja2
from mkdocs.commands import build as engine_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from hiwar.build.seam import EditionSettings, GeneratedFile
from hiwar.outputs.pycache import COMPILED_TEMPLATES

# In the theme's base.html and partials/toc.html.
CHECKBOX_AUTOCOMPLETE = (
    ' type="checkbox" id="__drawer" autocomplete="off">',
    ' type="checkbox" id="__search" autocomplete="off">',
)
TOC_LABEL = '<label class="md-nav__title" for="__toc">'

# The start of the engine's warning (commands/build.py).
DIRTY_BUILD_WARNING = "A 'dirty' build is being performed"
PLUGIN_NAME = "hiwar"
# The engine's logger: `mkdocs`, or ProperDocs' own name when it runs.
ENGINE_LOGGER = engine_build.log.name.split(".", 1)[0]


class GeneratedPage(File):
    """A page made in memory by the plugin; `reused` when the store holds it, made of the same inputs."""

    reused: bool = False

    def is_modified(self) -> bool:
        return not self.reused


def generated_file(config: MkDocsConfig, made: GeneratedFile) -> File:
    if not made.page:
        if made.source is not None:
            return File.generated(config, made.src_uri, abs_src_path=str(made.source))
        return File.generated(config, made.src_uri, content=made.content or b"")
    page = GeneratedPage(
        made.src_uri,
        None,
        config.site_dir,
        config.use_directory_urls,
        dest_uri=made.dest,
        inclusion=InclusionLevel.UNDEFINED if made.in_nav else InclusionLevel.NOT_IN_NAV,
    )
    page.reused = made.markdown is None
    page.content_string = made.markdown or ""
    page.generated_by = PLUGIN_NAME
    return page


def edition_files(
    files: Files, lang: str, others: set[str], primary: bool, without: tuple[str, ...]
) -> tuple[list[File], list[File]]:
    """The engine's files for one edition: the shared files (assets, the theme's), kept by the default edition only,
    and the edition's own (docs/<lang>/…); the other editions' are left out, and so are the theme's templates the
    edition does not render (`without`: a template taken out of the theme's static templates would otherwise be
    copied as a plain file)."""
    shared: list[File] = []
    own: list[File] = []
    for file in files:
        top = file.src_uri.split("/", 1)[0]
        if top == lang:
            own.append(file)
        elif top not in others and primary and file.src_uri not in without:
            shared.append(file)
    return shared, own


class HandWrittenPage(File):
    """A page of docs/<lang>/: rendered on every build (they are few), since the engine would otherwise compare its
    time with a file in the site folder, which the build never trusts."""

    def is_modified(self) -> bool:
        return True


def placed(file: File, dest: str) -> File:
    """A hand-written file of an edition, written where the edition's pages go."""
    kind = HandWrittenPage if file.is_documentation_page() else File
    return kind(
        file.src_path, file.src_dir, file.dest_dir, file.use_directory_urls, dest_uri=dest, inclusion=file.inclusion
    )


def written(html: str) -> bytes:
    """A page's bytes as the engine writes them (commands/build.py `_build_page`)."""
    return html.encode("utf-8", errors="xmlcharrefreplace")


def static_files(files: Files, serving: bool) -> Iterable[tuple[str, bytes]]:
    """The files the engine copies as they are (theme assets, docs/assets, the plugin's assets), with their bytes: the
    ones `Files.copy_static_files` copies (commands/build.py)."""
    inclusion = InclusionLevel.is_in_serve if serving else InclusionLevel.is_included
    for file in files:
        if not file.is_documentation_page() and inclusion(file.inclusion):
            yield file.dest_uri, file.content_bytes


def configure(config: MkDocsConfig, settings: EditionSettings) -> None:
    """The edition's language, names and navigation applied to the engine's configuration."""
    if config.strict:
        warnings_counted()
    config.site_name = settings.site_name
    config.site_description = settings.site_description
    config.copyright = settings.copyright
    config.theme["language"] = settings.language
    for palette in config.theme.get("palette") or []:
        toggle = palette.get("toggle")
        if toggle:
            toggle["name"] = settings.mode_names.get(palette.get("scheme"), toggle.get("name"))
    toc = (config.mdx_configs or {}).get("toc")
    if toc is not None and toc.get("permalink"):
        toc["permalink_title"] = settings.permalink_title
    if "footnotes" in config.markdown_extensions:
        # The extension formats the title with the note's number ({}); the edition's has none, its braces are text.
        footnotes = config.mdx_configs.setdefault("footnotes", {})
        footnotes["BACKLINK_TITLE"] = settings.note_back_title.replace("{", "{{").replace("}", "}}")
    config.nav = [{title: path} for title, path in settings.nav]
    config.extra["homepage"] = settings.homepage
    # The language selector links every page to its counterparts (the view's alternates; partials/header.html).
    config.extra["alternate"] = None
    for template in settings.without_templates:
        config.theme.static_templates.discard(template)
    config.theme.static_templates.update(settings.with_templates)
    config.watch.extend(str(path) for path in settings.watch)


def warnings_counted() -> None:
    """The engine's logger at WARNING at most, so that strict mode sees every warning (see 8 above)."""
    logger = logging.getLogger(ENGINE_LOGGER)
    if logger.level > logging.WARNING:
        logger.setLevel(logging.WARNING)


def theme_once(config: MkDocsConfig) -> None:
    """The theme's template environment made once per process (9, 10): the engine asks for one per build; it gets the
    one made for the same theme folders, language and files (a file added, removed or renamed in a folder makes a new
    one), which reloads a template edited since it was loaded (auto_reload: the file's time)."""
    theme = config.theme
    make_env = theme.get_env
    if getattr(make_env, "once", False):
        return

    def get_env() -> jinja2.Environment:
        folders = tuple(theme.dirs)
        times = _theme_listing(folders, None)[0]
        key = (folders, str(theme.locale), tuple(sorted(times.items())))
        env = _THEME_ENVIRONMENTS.get(key)
        if env is None:
            env = compile_once(make_env())
            env.auto_reload = True
            env.list_templates = functools.partial(_listed_templates, env)
            _THEME_ENVIRONMENTS[key] = env
        return env

    get_env.once = True
    theme.get_env = get_env


_THEME_ENVIRONMENTS: dict[tuple, jinja2.Environment] = {}
_THEME_LISTINGS: dict[tuple[str, ...], tuple[dict[str, int], list[str]]] = {}  # folders -> (their times, names)


def _theme_listing(folders: tuple[str, ...], env: jinja2.Environment | None) -> tuple[dict[str, int], list[str] | None]:
    """The folders' times and the names the environment's loader lists in them (listed once while none of them
    changed; None until an environment asked)."""
    known = _THEME_LISTINGS.get(folders)
    if known is None or not _unchanged(known[0]) or (known[1] is None and env is not None):
        times = _folder_times(folders)  # before listing: a change while it lists is seen next time
        names = (
            None
            if env is None
            else [name for name in env.loader.list_templates() if not (name.startswith(".") or "/." in name)]
        )
        known = _THEME_LISTINGS[folders] = (times, names)
    return known


def _listed_templates(env: jinja2.Environment, extensions=None, filter_func=None) -> list[str]:
    """jinja2.Environment.list_templates, with the names its loader lists kept while its folders are unchanged."""
    names = _theme_listing(tuple(getattr(env.loader, "searchpath", ())), env)[1]
    if extensions is not None:
        return [name for name in names if "." in name and name.rsplit(".", 1)[1] in extensions]
    return [name for name in names if filter_func(name)] if filter_func is not None else list(names)


def _folder_times(folders: tuple[str, ...]) -> dict[str, int]:
    times = {}
    for folder in folders:
        for root, _, _ in os.walk(folder):
            times[root] = os.stat(root).st_mtime_ns
    return times


def _unchanged(times: dict[str, int]) -> bool:
    try:
        return all(os.stat(folder).st_mtime_ns == time for folder, time in times.items())
    except OSError:
        return False


def nav_entries(config: MkDocsConfig) -> list[tuple[str, str]]:
    """The configured navigation: (key of the language table, page path inside an edition) of each entry."""
    return [(key, path) for item in (config.nav or []) for key, path in item.items()]


def nested_config(config_file: str, site_dir: str) -> tuple[MkDocsConfig, object]:
    """The configuration loaded again for another edition's build, and the plugin instance the engine made for it."""
    config = load_config(config_file=config_file, site_dir=site_dir)
    return config, config.plugins[PLUGIN_NAME]


def build(config: MkDocsConfig, *, dirty: bool) -> None:
    engine_build.build(config, dirty=dirty)


def build_site(config_file: Path, site_dir: Path) -> None:
    """One build of the whole site into `site_dir` (a dirty build: the store's unchanged pages are not rendered
    again), with the engine's own logging (`--quiet` unless MKDOCS_LOG asks for its messages)."""
    config = load_config(config_file=str(config_file), site_dir=str(site_dir))
    config.plugins.on_startup(command="build", dirty=True)
    try:
        build(config, dirty=True)
    finally:
        config.plugins.on_shutdown()


class Session:
    """Builds of one site in one process, each after the last: the preview's (hiwar.preview). Each build loads the
    configuration again (an edited mkdocs.yml is read) and is a dirty build, as `make build`'s is; the plugin instance
    the engine keeps between loads keeps what the last build made (a new instance, where the engine makes one per
    load, is handed it: 6). Returns the site's build (hiwar.build.site.SiteBuild), whose trees the preview serves."""

    def __init__(self, config_file: Path, site_dir: Path):
        self.config_file, self.site_dir = config_file, site_dir
        self.plugin = None

    def build(self):
        config = load_config(config_file=str(self.config_file), site_dir=str(self.site_dir))
        plugin = config.plugins[PLUGIN_NAME]
        if self.plugin is None:
            config.plugins.on_startup(command="serve", dirty=True)
        elif plugin is not self.plugin:
            plugin.on_startup(command="serve", dirty=True)
            plugin.site = self.plugin.site
        plugin.preview = True
        self.plugin = plugin
        build(config, dirty=True)
        return plugin.site

    def close(self) -> None:
        if self.plugin is not None:
            self.plugin.on_shutdown()


@dataclass(frozen=True)
class Configured:
    """What the command line needs of the plugin's configuration, read by the engine's own loader."""

    editions: list[str]
    languages_dir: Path | None
    cache_dir: Path
    palette: list | dict | None  # the theme's colour schemes
    theme_stylesheets: Path | None  # the theme's stylesheets (where the palette's colours are defined)
    inputs: tuple[Path, ...] = ()  # what a build reads besides the code: the configuration, docs/, the theme's
    # overrides, the seeds, the editorial files, the language tables and the assets (what the preview watches)


def plugin_options(config_file: Path) -> Configured:
    config = load_config(config_file=str(config_file))
    options = config.plugins[PLUGIN_NAME].config
    project = config_file.resolve().parent

    def absolute(value: str) -> Path:
        return Path(value) if Path(value).is_absolute() else (project / value).resolve()

    languages = absolute(options.languages_dir) if options.languages_dir else None
    inputs = (
        config_file.resolve(),
        Path(config.docs_dir),
        *([Path(config.theme.custom_dir)] if config.theme.custom_dir else []),
        absolute(options.seeds),
        absolute(options.editorial),
        *([languages] if languages else []),
        absolute(options.assets_dir),
    )
    return Configured(
        list(options.editions),
        languages,
        absolute(options.cache_dir),
        config.theme.get("palette"),
        theme_stylesheets(config),
        inputs,
    )


def theme_stylesheets(config: MkDocsConfig) -> Path | None:
    """The theme's own stylesheets folder (the first of its folders that has one: Material's, under overrides)."""
    for folder in config.theme.dirs:
        found = Path(folder) / "assets" / "stylesheets"
        if found.is_dir() and any(found.glob("*.min.css")):
            return found
    return None


class _WithoutDirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_BUILD_WARNING)


WITHOUT_DIRTY_WARNING = _WithoutDirtyWarning()


def drop_dirty_warning() -> None:
    """Under the engine's own logger (its module's: `mkdocs.commands.build`, or ProperDocs' name for it)."""
    engine_build.log.addFilter(WITHOUT_DIRTY_WARNING)


def compile_once(env: jinja2.Environment) -> jinja2.Environment:
    if env.bytecode_cache is None:
        env.bytecode_cache = COMPILED_TEMPLATES
    return env


def release_markdown(page) -> None:
    """After on_page_content: the engine reads a page's Markdown (`page.markdown`, and a generated file's
    `content_string`) only to convert it."""
    page.markdown = None
    if isinstance(page.file, GeneratedPage):
        page.file.content_string = ""


def release_html(page) -> None:
    """After on_post_page: the page is written; its HTML (`page.content`) is read by no later step."""
    page.content = None


class HeldHtml:
    """Every page's HTML from its conversion to its rendering (item 5), compressed: one per engine build."""

    def __init__(self) -> None:
        self._converted = None  # the page converted last, whose HTML the engine has set since
        self._held: dict[str, bytes] = {}  # by the page's source path

    def converted(self, page) -> None:
        """In on_page_content: the page converted before this one now holds its HTML."""
        self.hold_last()
        self._converted = page

    def hold_last(self) -> None:
        """The last page converted, held (also in on_env: every page is converted then)."""
        page, self._converted = self._converted, None
        if page is not None and page.content:
            self._held[page.file.src_uri] = zlib.compress(page.content.encode("utf-8", "surrogatepass"), 1)
            page.content = None

    def restore(self, page) -> None:
        """In on_page_context: the page's HTML back, for its template."""
        self.hold_last()
        held = self._held.pop(page.file.src_uri, None)
        if held is not None:
            page.content = zlib.decompress(held).decode("utf-8", "surrogatepass")


def theme_markup_fixed(html: str) -> str:
    for toggle in CHECKBOX_AUTOCOMPLETE:
        html = html.replace(toggle, toggle.replace(' autocomplete="off"', ""))
    if 'id="__toc"' not in html:
        html = html.replace(TOC_LABEL, '<label class="md-nav__title">')
    return html


def engine_name() -> str:
    """The engine this process runs (its top package: `mkdocs`, or `properdocs` when its import redirect is on)."""
    return engine_build.__name__.split(".", 1)[0]


__all__ = ["Path"]
