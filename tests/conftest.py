"""Shared fixtures: the real built sites, and sites built the same way from fixture seeds."""

from __future__ import annotations

import functools
import hashlib
import http.server
import os
import shutil
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.utils import meta

from hiwar_tools.browser import BROWSER, FLAGS

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
PYTHON = sys.executable
# Builds date what has no date of its own (an undated article in the Atom feed) by SOURCE_DATE_EPOCH, as the
# Makefile sets it, so that two builds of the same inputs are the same.
ENV = {
    **os.environ,
    "PYTHONPATH": str(ROOT / "scripts"),
    "NO_MKDOCS_2_WARNING": "1",
    "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "1577836800"),
}


def html(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def content(soup: BeautifulSoup):
    """The article as a reader sees it: Material's main content column, without what surrounds the text
    ("About this article", which repeats title, author and date; related articles; glosses shown on hover)."""
    article = soup.select_one("article.md-content__inner")
    for extra in article.select("section.hiwar-about, .hiwar-gloss"):
        extra.extract()
    related = article.find(id="related")
    if related is not None:
        for sibling in related.find_next_siblings():
            sibling.extract()
        related.extract()
    return article


def site_markdown():
    """Python-Markdown with the site's extensions, configured as mkdocs.yml configures them (read by MkDocs' loader)."""
    import markdown
    from mkdocs.utils.yaml import yaml_load

    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    names, configs = [], {}
    for entry in config["markdown_extensions"]:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        names.append(name)
        configs[name] = options or {}
    return markdown.Markdown(extensions=names, extension_configs=configs)


def rendered_markdown(text: str) -> BeautifulSoup:
    """Markdown as the site renders it (its extensions), as HTML to read."""
    return BeautifulSoup(site_markdown().convert(text), "html.parser")


def read_front_matter(path: Path) -> tuple[dict, str]:
    """Front-matter and body, parsed by MkDocs itself."""
    return split_page(path.read_text(encoding="utf-8"))


def read_article_page(path: Path):
    """An article page of `make pages`: its front matter read by MkDocs and checked into the typed model (the
    converter's contract, model/page.py), and its body."""
    from hiwar.model.page import ArticlePage

    data, body = read_front_matter(path)
    return ArticlePage.from_front_matter(data), body


def split_page(text: str) -> tuple[dict, str]:
    body, data = meta.get_data(text)
    assert data, "the page has no front-matter MkDocs can read"
    return data, body


def files_in(folder: Path):
    """(path, size, SHA-256) of every file of a folder, as a build's tree describes its files."""
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            yield path.relative_to(folder).as_posix(), len(data), hashlib.sha256(data).hexdigest()


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_pages(seeds: Path, out: Path, editorial: Path | None = None) -> subprocess.CompletedProcess:
    command = [PYTHON, "-m", "hiwar", "pages", "--seeds", str(seeds), "--out", str(out)]
    if editorial:
        command += ["--editorial", str(editorial)]
    return subprocess.run(command, capture_output=True, text=True, env=ENV, cwd=ROOT, timeout=300)


def repository_copy(tmp_path: Path) -> Path:
    """This repository's tracked files in tmp_path/repo, with its environments linked: the real Makefile, run on a copy."""
    copy = tmp_path / "repo"
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    for name in tracked:
        (copy / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, copy / name)
    for name in (".venv", "node_modules"):
        (copy / name).symlink_to(ROOT / name)
    return copy


def make_project(base: Path, seeds: Path, editorial: Path | None = None) -> Path:
    """A copy of this project's site configuration around another folder of seeds."""
    project = base / "project"
    project.mkdir()
    for name in ("mkdocs.yml",):
        shutil.copy(ROOT / name, project / name)
    (project / "overrides").symlink_to(ROOT / "overrides")
    (project / "build").mkdir()
    (project / "build" / "assets").symlink_to(ROOT / "build" / "assets")
    docs = project / "docs"
    for lang in ("ar", "en"):
        (docs / lang).mkdir(parents=True)
        shutil.copy(ROOT / "docs" / lang / "about.md", docs / lang / "about.md")
    (docs / "assets").symlink_to(ROOT / "docs" / "assets")
    shutil.copytree(seeds, project / "seeds")
    vocabulary_only(project)
    if editorial:
        for path in editorial.iterdir():
            shutil.copy(path, project / "editorial" / path.name)
    return project


def mkdocs_build(
    project: Path, site: Path, offline: bool = False, dirty: bool = False, dist: Path | None = None
) -> subprocess.CompletedProcess:
    """`mkdocs build` of a project into `site`; with offline=True, `site` receives the offline edition (the online
    one goes beside it, in `site`-online), and `dist`, when given, the downloads (the offline zip, …)."""
    online = site.with_name(f"{site.name}-online") if offline else site
    env = {
        **ENV,
        "HIWAR_SITE_DIR": str(online),
        "HIWAR_OFFLINE_DIR": str(site) if offline else "",
        "HIWAR_DIST_DIR": str(dist) if dist else "",
    }
    command = [str(Path(PYTHON).parent / "mkdocs"), "build", "--quiet", "-f", str(project / "mkdocs.yml")]
    return subprocess.run(
        command + (["--dirty"] if dirty else []), capture_output=True, text=True, env=env, cwd=project, timeout=300
    )


@pytest.fixture(scope="session")
def site() -> Path:
    path = ROOT / "site"
    assert (path / "index.html").exists(), "run `make build` first (make test does)"
    return path


@pytest.fixture(scope="session")
def offline_zip() -> Path:
    zips = sorted((ROOT / "dist").glob("*-offline.zip"))
    assert len(zips) == 1, f"expected exactly one dist/*-offline.zip, found {zips}"
    return zips[0]


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium-headless-shell driven by Playwright (make test installs it)."""
    from playwright.sync_api import sync_playwright

    if not Path(BROWSER).exists():
        pytest.fail(f"{BROWSER} is missing: `make test` installs it (scripts/install-test-tools.sh)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=BROWSER, args=FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def offline_root(offline_zip, tmp_path_factory) -> Path:
    """The offline edition, unpacked from its zip as a reader would."""
    target = tmp_path_factory.mktemp("offline")
    with zipfile.ZipFile(offline_zip) as archive:
        archive.extractall(target)
    (top,) = list(target.iterdir())
    return top


@pytest.fixture(scope="session")
def project_collection():
    """This project's seeds and editorial files converted, without a site: the input the site's modules take."""
    from hiwar.enrich.collection import collect

    collection = collect(ROOT / "seeds", ROOT / "editorial")
    assert not collection.problems, collection.problems
    return collection


@pytest.fixture(scope="session")
def traits_site(tmp_path_factory) -> Path:
    """A site built from tests/fixtures/traits: one seed per trait of real scrapes."""
    base = tmp_path_factory.mktemp("traits")
    project = make_project(base, FIXTURES / "traits")
    result = mkdocs_build(project, base / "site")
    assert result.returncode == 0, result.stderr
    return base / "site"


SHARED_EDITORIAL = ("tags.yml", "events.yml", "names.yml", "glossary.yml")


def vocabulary_only(base: Path) -> Path:
    """An editorial folder with the project's shared data (tags, events, names) and no article edited."""
    editorial = base / "editorial"
    editorial.mkdir(exist_ok=True)
    for name in SHARED_EDITORIAL:
        shutil.copy(ROOT / "editorial" / name, editorial / name)
    return editorial


@pytest.fixture(scope="session")
def pages(tmp_path_factory) -> Path:
    """The converter's Markdown pages of this project's seeds and editorial files (`make pages`)."""
    out = tmp_path_factory.mktemp("pages")
    result = run_pages(ROOT / "seeds", out, ROOT / "editorial")
    assert result.returncode == 0, result.stderr
    return out


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def http_site(site):
    """The online site served on 127.0.0.1 (a free port)."""
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def nginx_site(site, tmp_path_factory):
    """The online site served by Debian's nginx on 127.0.0.1 (a free port), with the configuration `make nginx-conf`
    makes (deploy/nginx.conf): in the foreground, with its own prefix and temporary folders; stopped at the end."""
    from hiwar_tools.nginx import NginxError, serving

    try:
        with serving(site, tmp_path_factory.mktemp("nginx")) as url:
            yield url
    except NginxError as err:
        pytest.fail(str(err))


# pytest-xdist (--dist loadfile --no-loadscope-reorder, as the Makefile runs it) hands the files out in the order they
# are collected: the longest go first (by their time in `make test`, longest first), so that the two workers end
# together instead of one waiting for a long file handed out last.
FIRST = (
    "test_hostile_classes.py",
    "test_app_browser.py",
    "test_build_faults.py",
    "test_zim.py",
    "test_rebuild_equals_clean.py",
    "test_incremental.py",
    "test_hostile_inputs.py",
    "test_bad_input.py",
    "test_epub.py",
    "test_preview.py",
    "test_search.py",
    "test_browser.py",
    "test_large_archive.py",
    "test_engines.py",
    "test_markdown_contract.py",
    "test_converter_cli.py",
    "test_search_index.py",
    "test_english_edition.py",
    "test_third_edition.py",
    "test_notes.py",
    "test_interval_dates.py",
)


def pytest_collection_modifyitems(items):
    items.sort(key=lambda item: FIRST.index(item.path.name) if item.path.name in FIRST else len(FIRST))
