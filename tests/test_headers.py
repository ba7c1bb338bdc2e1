"""The headers the site is served with: one table (site/headers.py), written as `_headers` for static hosts and as
the locations of deploy/nginx.conf; Debian's nginx, started with that configuration, sends exactly the table's headers
for a page, an asset, a feed, a reference file and a missing page of each edition, compressed, with each edition's
own 404 page."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
import requests
from bs4 import BeautifulSoup

from hiwar.site import headers
from hiwar.site.headers import Match, Rule, headers_file, headers_for, nginx_locations, rules, site_in

ARTICLE = "004_619acb7bf2d5c641"


@pytest.fixture(scope="module")
def table(site):
    return rules(site_in(site))


@pytest.fixture(scope="module")
def site_paths(site):
    return sorted(headers.paths_of(site))


# ---- the table ------------------------------------------------------------------------------------------------
def test_the_sites_headers_file_is_the_table(site, table):
    assert (site / "_headers").read_text(encoding="utf-8") == headers_file(table)


def test_every_response_gets_the_security_headers_and_the_pages_policy_with_frame_ancestors(site, table):
    sent = headers_for(table, "articles/x/")
    policy = sent["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in policy and "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    assert sent["X-Content-Type-Options"] == "nosniff"
    assert sent["Strict-Transport-Security"].startswith("max-age=")
    assert {"Referrer-Policy", "Permissions-Policy", "X-Frame-Options"} <= set(sent)
    assert sent["Cache-Control"] == headers.PAGES_CACHE


def test_materials_fingerprinted_files_are_immutable_and_this_sites_own_files_revalidate(site_paths, table):
    bundle = next(p for p in site_paths if p.startswith("assets/javascripts/bundle."))
    assert headers_for(table, bundle)["Cache-Control"] == headers.IMMUTABLE
    for own in ("assets/javascripts/hiwar-search.js", "assets/stylesheets/hiwar.css", "search/manifest.js"):
        assert headers_for(table, own)["Cache-Control"] == headers.PAGES_CACHE
    assert headers_for(table, "assets/fonts/noto-naskh-arabic-400.woff2")["Cache-Control"] == headers.STABLE
    assert headers_for(table, "sw.js")["Cache-Control"] == "no-cache"


def test_each_file_of_the_site_is_named_by_at_most_one_rule_besides_the_general_one(site_paths, table):
    """So that no host has to choose between two rules (nginx picks one location)."""
    for path in site_paths:
        specific = [rule for rule in table[1:] if rule.match.matches(path)]
        assert len(specific) <= 1, (path, specific)


def test_the_headers_file_stays_within_cloudflare_pages_limits_and_detaches_what_it_replaces(site, table):
    text = (site / "_headers").read_text(encoding="utf-8")
    assert len([line for line in text.splitlines() if line.startswith("/")]) <= 100
    assert max(len(line) for line in text.splitlines()) <= 2000
    general = {name for name, _ in table[0].headers}
    blocks = text.split("\n\n")[1:]
    for block in blocks[1:]:
        lines = block.strip().splitlines()
        detached = {line.strip()[2:] for line in lines if line.strip().startswith("! ")}
        set_here = {line.strip().split(":", 1)[0] for line in lines[1:] if not line.strip().startswith("!")}
        assert detached == set_here & general


def test_netlifys_own_reader_of_the_headers_file_gives_every_file_the_tables_headers(site, site_paths, table):
    """@netlify/headers-parser (tools/hosting), as Netlify reads the file: no error, and for every file of the site,
    every page by its folder's address and a missing page, exactly the table's headers (the `! Name` lines for
    Cloudflare Pages are no header to it)."""
    import json
    import subprocess

    from conftest import ROOT

    reader = ROOT / "tools" / "hosting" / "netlify-headers.js"
    if not (ROOT / "tools" / "hosting" / "node_modules" / "@netlify" / "headers-parser").is_dir():
        pytest.fail("tools/hosting is not installed: `make test` installs it (scripts/install-test-tools.sh)")
    paths = {"/" + p: p for p in site_paths if p != headers.HEADERS_FILE}
    paths.update({"/" + p[: -len("index.html")]: p for p in site_paths if p.endswith("index.html")})
    paths.update({"/en/no/such/page/": "en/no/such/page/", "/no/such.bib": "no/such.bib"})
    result = subprocess.run(
        ["node", str(reader), str(site / headers.HEADERS_FILE)],
        input=json.dumps(list(paths)),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    read = json.loads(result.stdout)
    assert read["errors"] == []
    for request, path in paths.items():
        assert read["headers"][request] == headers_for(table, path), request


def test_types_of_feeds_reference_files_books_and_the_manifest(table):
    types = {
        path: headers_for(table, path).get("Content-Type")
        for path in (
            "feed.xml",
            "en/feed.json",
            "citations/a.ar.bib",
            "en/citations/a.en.ris",
            "citations/hiwar.csl.json",
            "dist/hiwar.epub",
            "hiwar_ar.zim",
            "en/manifest.webmanifest",
        )
    }
    assert types == {
        "feed.xml": "application/atom+xml; charset=utf-8",
        "en/feed.json": "application/feed+json; charset=utf-8",
        "citations/a.ar.bib": "application/x-bibtex; charset=utf-8",
        "en/citations/a.en.ris": "application/x-research-info-systems; charset=utf-8",
        "citations/hiwar.csl.json": "application/vnd.citationstyles.csl+json; charset=utf-8",
        "dist/hiwar.epub": "application/epub+zip",
        "hiwar_ar.zim": "application/x-zim",
        "en/manifest.webmanifest": "application/manifest+json; charset=utf-8",
    }


def test_nginx_locations_repeat_the_general_headers_and_refuse_what_nginx_would_read_as_syntax():
    table = [
        Rule(Match("all"), (("X-A", "1"), ("Cache-Control", "c"))),
        Rule(Match("exact", "feed.xml"), (("Content-Type", "application/atom+xml; charset=utf-8"),)),
    ]
    text = nginx_locations(table, "/site/")
    feed = text.split("location = /site/feed.xml {", 1)[1].split("\n    }", 1)[0]
    assert 'default_type "application/atom+xml";' in feed and 'add_header X-A "1" always;' in feed
    with pytest.raises(ValueError):
        nginx_locations([Rule(Match("all"), (("X-A", 'a"; evil'),))])
    with pytest.raises(ValueError):
        nginx_locations([Rule(Match("all"), (("X-A", "$host"),))])


def test_a_site_under_a_path_gets_its_rules_under_that_path(site):
    facts = site_in(site, "https://example.github.io/hiwar/")
    text = headers_file(rules(facts), facts.root)
    assert "\n/hiwar/*\n" in text and "\n/hiwar/sw.js\n" in text
    assert headers.error_pages(facts)[0] == ("/hiwar/en/", "/hiwar/en/404.html")


# ---- nginx ---------------------------------------------------------------------------------------------------
def _get(url: str, **kwargs) -> requests.Response:
    return requests.get(url, headers={"Accept-Encoding": "gzip"}, allow_redirects=False, timeout=10, **kwargs)


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_nginx_sends_the_tables_headers_for_a_page_an_asset_a_feed_a_reference_file_and_a_missing_page(
    nginx_site, site, site_paths, table, prefix
):
    bundle = next(p for p in site_paths if p.startswith("assets/javascripts/bundle."))
    lang = "en" if prefix else "ar"
    requests_and_types = {
        prefix: "text/html; charset=utf-8",
        f"{prefix}articles/{ARTICLE}/": "text/html; charset=utf-8",
        bundle: None,
        "assets/fonts/noto-naskh-arabic-400.woff2": "font/woff2",
        f"{prefix}feed.xml": "application/atom+xml; charset=utf-8",
        f"{prefix}feed.json": "application/feed+json; charset=utf-8",
        f"{prefix}citations/{ARTICLE}.{lang}.bib": "application/x-bibtex; charset=utf-8",
        f"{prefix}citations/{ARTICLE}.{lang}.ris": "application/x-research-info-systems; charset=utf-8",
        f"{prefix}citations/{ARTICLE}.{lang}.csl.json": "application/vnd.citationstyles.csl+json; charset=utf-8",
        f"{prefix}manifest.webmanifest": "application/manifest+json; charset=utf-8",
        f"downloads/hiwar-{lang}.epub": "application/epub+zip",  # the books the home and About pages offer
        "sw.js": None,
        f"{prefix}no/such/page/": "text/html; charset=utf-8",
    }
    for path, media_type in requests_and_types.items():
        response = _get(nginx_site + path)
        missing = path.endswith("no/such/page/")
        assert response.status_code == (404 if missing else 200), path
        expected = headers_for(table, path)
        for name, value in expected.items():
            assert response.headers.get(name) == value, (path, name)
        if media_type:
            assert response.headers["Content-Type"] == media_type, path
        if not missing:
            assert (
                response.content
                == (site / (path + "index.html" if path.endswith("/") or not path else path)).read_bytes()
            ), path
        else:  # the 404 page of the edition the address is in
            page = BeautifulSoup(response.content, "html.parser")
            assert page.html["lang"] == lang
            assert response.content == (site / prefix / "404.html").read_bytes()


def test_nginx_compresses_text_and_keeps_the_host_files_to_itself(nginx_site, site):
    for path in ("", "feed.xml", "en/feed.json", "citations/hiwar.bib", "search/words/0.js"):
        response = requests.get(nginx_site + path, headers={"Accept-Encoding": "gzip"}, timeout=10, stream=True)
        assert response.headers.get("Content-Encoding") == "gzip", path
        assert "Accept-Encoding" in response.headers.get("Vary", ""), path
        raw = response.raw.read(decode_content=False)
        assert gzip.decompress(raw) == (site / (path or "index.html")).read_bytes()
    hidden = _get(nginx_site + "_headers")
    assert hidden.status_code == 404 and b"Content-Security-Policy:" not in hidden.content


def test_nginx_sends_a_folder_without_its_slash_to_the_folder_by_a_relative_address(nginx_site):
    response = _get(f"{nginx_site}en/articles/{ARTICLE}")
    assert response.status_code == 301
    assert response.headers["Location"] == f"/en/articles/{ARTICLE}/"


def test_the_nginx_configuration_takes_only_plain_words_for_its_parameters(site, tmp_path):
    from hiwar.site.hosting import nginx_conf

    text = nginx_conf(site, root=tmp_path / "www", listen="127.0.0.1:8080", server_name="hiwar.example.org")
    assert f"root {tmp_path / 'www'};" in text and "listen 127.0.0.1:8080;" in text
    assert "~^/en/ /en/404.html;" in text and "default /404.html;" in text
    for bad in (
        {"root": Path("/srv/a site")},
        {"root": Path("/srv/x;evil")},
        {"server_name": "a}b"},
        {"listen": "80; include /etc/passwd"},
    ):
        with pytest.raises(ValueError):
            nginx_conf(site, **bad)


def test_the_theme_pages_view_is_for_the_404_and_offline_pages_only():
    from hiwar.site.editions import load_editions
    from hiwar.site.error_pages import error_page_view

    editions = load_editions(["ar", "en"])
    view = error_page_view("404.html", editions[1], editions, None, "https://example.github.io/hiwar/")
    assert view.lang == "en" and str(view.heading) == "Page not found"
    assert [(a.lang, a.href, a.current) for a in view.alternates] == [
        ("ar", "/hiwar/", False),
        ("en", "/hiwar/en/", True),
    ]
    assert error_page_view("sitemap.xml", editions[0], editions, None, None) is None
