"""The web app's files in the built site (site/webapp): a manifest per edition in its language with icons drawn at
build time and the theme's colours, the lists of each edition's files with their sizes, the service worker with this
build's version, each edition's offline and 404 pages; and none of it in the offline (file://) edition."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from conftest import ROOT, files_in
from hiwar.engine.adapter import plugin_options
from hiwar.site.editions import load_editions
from hiwar.site.webapp import FILE_LIST, MANIFEST, SUMMARY, WORKER, for_hosts_only
from hiwar.site.webapp.files import SiteFile, build_version, edition_files, site_files
from hiwar.site.webapp.manifest import theme_colours

THEME_STYLESHEETS = plugin_options(ROOT / "mkdocs.yml").theme_stylesheets

EDITIONS = {"": "ar", "en/": "en"}


def _json(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def _worker_config(site: Path) -> dict:
    text = (site / WORKER).read_text(encoding="utf-8")
    start = text.index("const CONFIG = ") + len("const CONFIG = ")
    return json.loads(text[start : text.index(";\n", start)])


@pytest.mark.parametrize("prefix,lang", EDITIONS.items())
def test_each_edition_has_a_manifest_in_its_language_with_icons_and_the_themes_colours(site, prefix, lang):
    edition = next(e for e in load_editions(["ar", "en"]) if e.lang == lang)
    manifest = _json(site / prefix / MANIFEST)
    assert manifest["name"] == edition.t("app.name") and manifest["short_name"] == edition.t("app.short_name")
    assert (manifest["lang"], manifest["dir"]) == (lang, "rtl" if lang == "ar" else "ltr")
    assert manifest["start_url"] == "./" and manifest["display"] == "standalone"
    base = site / prefix
    assert (base / manifest["scope"]).resolve() == site.resolve()  # the whole site: the language switch stays in
    assert manifest["theme_color"] == "#009485" and manifest["background_color"] == "#fff"  # Material's teal, white
    sizes = {}
    for icon in manifest["icons"]:
        with Image.open(base / icon["src"]) as image:
            assert image.format == "PNG" and f"{image.width}x{image.height}" == icon["sizes"], icon
            sizes.setdefault(icon["purpose"], set()).add(image.width)
            if icon["purpose"] == "maskable":  # the square is filled: no transparent corner for a mask to show
                assert image.convert("RGBA").getpixel((0, 0))[3] == 255
    assert sizes == {"any": {192, 512}, "maskable": {192, 512}}


def test_the_manifest_colours_come_from_the_theme_palette():
    assert theme_colours([{"primary": "teal", "scheme": "default"}], THEME_STYLESHEETS) == theme_colours(
        None, THEME_STYLESHEETS
    ).__class__("#009485", "#fff")
    assert theme_colours([{"primary": "indigo"}], THEME_STYLESHEETS).theme == "#4051b5"
    with pytest.raises(ValueError):
        theme_colours([{"primary": "no-such-colour"}], THEME_STYLESHEETS)


@pytest.mark.parametrize("prefix", EDITIONS)
def test_each_editions_list_has_its_pages_the_shared_files_and_their_real_sizes(site, prefix):
    listing = _json(site / prefix / FILE_LIST)
    summary = _json(site / prefix / SUMMARY)
    assert summary["version"] == listing["version"] == _worker_config(site)["version"]
    assert summary["bytes"] == sum(size for _, size, _ in listing["files"])
    assert summary["files"] == len(listing["files"])
    urls = {url for url, _, _ in listing["files"]}
    home = prefix or "./"
    assert {
        home,
        f"{prefix}articles/004_619acb7bf2d5c641/",
        f"{prefix}parallel/004_619acb7bf2d5c641/",
        "search/manifest.js",
        "assets/fonts/noto-naskh-arabic-400.woff2",
    } <= urls
    for url, size, _ in listing["files"]:
        path = site / (url + "index.html" if url.endswith("/") else url)
        assert path.stat().st_size == size, url
        assert not url.endswith((".map", "feed.xml", "feed.json", "404.html")) and "/lunr/" not in url, url
        assert not url.startswith("downloads/"), url  # the e-books are for e-readers: no edition saves them
    assert any((site / "downloads").glob("*.epub"))
    other = "en/" if not prefix else ""
    assert not any(url.startswith(other) and other for url in urls)


def test_the_version_follows_the_files(tmp_path):
    (tmp_path / "a.html").write_text("a")
    first = build_version(site_files(files_in(tmp_path)))
    assert build_version(site_files(files_in(tmp_path))) == first
    (tmp_path / "a.html").write_text("b")
    assert build_version(site_files(files_in(tmp_path))) != first


def test_the_default_edition_holds_everything_but_the_other_editions_folders():
    files = [
        SiteFile(p, 1, "d")
        for p in (
            "index.html",
            "en/index.html",
            "fr/index.html",
            "articles/a/index.html",
            "assets/x.css",
            "search/w/0.js",
            "feed.xml",
            "en/feed.json",
        )
    ]
    assert [f.path for f in edition_files(files, "", ["", "en/", "fr/"])] == [
        "index.html",
        "articles/a/index.html",
        "assets/x.css",
        "search/w/0.js",
    ]
    assert [f.url for f in edition_files(files, "en/", ["", "en/", "fr/"])] == ["en/", "assets/x.css", "search/w/0.js"]


def test_the_worker_keeps_the_shell_and_each_editions_home_and_offline_pages(site):
    config = _worker_config(site)
    shell = set(config["shell"])
    assert {
        "./",
        "en/",
        "503.html",
        "en/503.html",
        "assets/javascripts/hiwar-app.js",
        "assets/javascripts/hiwar-search.js",
        "assets/fonts/noto-naskh-arabic-400.woff2",
    } <= shell
    assert any(p.startswith("assets/javascripts/bundle.") for p in shell)
    assert any(p.startswith("assets/stylesheets/main.") for p in shell)
    assert not any(p.endswith(".map") or "/lunr/" in p or p.startswith("articles/") for p in shell)
    for path in shell:
        assert (site / (path + "index.html" if path.endswith("/") else path)).is_file(), path
    assert [e["prefix"] for e in config["editions"]] == ["en/", ""]  # the longest folder first


@pytest.mark.parametrize("prefix,lang,words", [("", "ar", "غير متصل"), ("en/", "en", "offline")])
def test_each_edition_has_its_offline_and_404_pages_in_its_language(site, prefix, lang, words):
    offline = BeautifulSoup((site / prefix / "503.html").read_text(encoding="utf-8"), "html.parser")
    assert offline.html["lang"] == lang and words in offline.h1.get_text()
    not_found = BeautifulSoup((site / prefix / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert not_found.html["lang"] == lang
    home = not_found.select_one("article a[href]")["href"]
    assert home == "/" + prefix  # links from the site root: the page is shown at any address


def test_the_offline_edition_has_no_web_app_and_no_host_files(offline_root):
    names = {p.relative_to(offline_root).as_posix() for p in offline_root.rglob("*") if p.is_file()}
    assert not {n for n in names if for_hosts_only(n) or n.endswith("404.html")}
    home = BeautifulSoup((offline_root / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.select_one("link[rel=manifest]") is None
    assert home.select_one("#save-offline") is None and home.select_one("script[src*=hiwar-app]") is None


@pytest.mark.parametrize("prefix", EDITIONS)
def test_the_save_button_is_on_each_home_page_only(site, prefix):
    home = BeautifulSoup((site / prefix / "index.html").read_text(encoding="utf-8"), "html.parser")
    button = home.select_one("#save-offline")
    assert button["data-state"] == "idle" and "{size}" in button["data-save-size"]
    assert home.select_one("[data-hiwar-offline]")["data-hiwar-offline"] == SUMMARY
    about = BeautifulSoup((site / prefix / "about" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert about.select_one("#save-offline") is None
