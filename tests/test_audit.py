"""The checks CI holds at zero: accessibility (axe-core), HTML validity (Nu HTML Checker), links and anchors,
and requests to other hosts — on the online site and the offline edition."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT

AUDIT = ROOT / "tools" / "audit" / "node_modules"


def pages_of(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html" or p.parent == site)


# Every page of both editions through axe, the Nu HTML Checker and a link checker: make test-long (CI runs it).
pytestmark = pytest.mark.long


@pytest.fixture(scope="module")
def offline_site(offline_root) -> Path:
    return offline_root


@pytest.mark.parametrize("edition", ["site", "offline"])
def test_html_is_valid(site, offline_site, edition):
    folder = site if edition == "site" else offline_site
    result = subprocess.run(
        [
            "java",
            "-Xss1024k",
            "-jar",
            str(AUDIT / "vnu-jar" / "build" / "dist" / "vnu.jar"),
            "--format",
            "json",
            "--skip-non-html",
            "--exit-zero-always",
            str(folder),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(result.stderr)["messages"]
    errors = [f"{m['url'].rsplit('/', 3)[-3:]}: {m['message']}" for m in messages if m["type"] == "error"]
    assert errors == []


def _targets(page: Path, soup: BeautifulSoup):
    for tag in soup.find_all(["a", "link", "script", "img"]):
        url = tag.get("href") or tag.get("src")
        if not url or tag.get("rel") in (["canonical"],) or url.startswith(("mailto:", "javascript:")):
            continue
        yield url


@pytest.mark.parametrize("edition", ["site", "offline"])
def test_every_link_and_anchor_resolves(site, offline_site, edition):
    folder = site if edition == "site" else offline_site
    broken, checked, cache = [], 0, {}
    for page in pages_of(folder):
        if page.name == "404.html":
            continue  # absolute links by design: it is served for any missing path
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for url in _targets(page, soup):
            parts = urlsplit(url)
            if parts.scheme or parts.netloc:
                continue  # other hosts: covered by the outside-request checks
            if parts.path.startswith("/"):  # root-relative (online only): from the site's root
                target = (folder / unquote(parts.path).lstrip("/")).resolve()
            else:
                target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            checked += 1
            if not target.exists():
                broken.append(f"{page.relative_to(folder)} -> {url}")
                continue
            if parts.fragment and target.suffix == ".html":
                if target not in cache:
                    cache[target] = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
                if cache[target].find(id=unquote(parts.fragment)) is None:
                    broken.append(f"{page.relative_to(folder)} -> {url} (no such anchor)")
    assert broken == []
    assert checked > 1000


def axe_violations(page) -> list[str]:
    page.add_script_tag(path=str(AUDIT / "axe-core" / "axe.min.js"))
    found = page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']})).violations
        .map(v => `${v.id} (${v.impact}): ${v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', ')}`)""")
    return found


def axe_problems(browser, urls: dict[str, str], own_origin: tuple[str, ...]) -> tuple[dict, list[str]]:
    """axe-core violations per page, and every request that left the site, over the given pages."""
    # axe-core goes into each page as an inline script, which the page's own Content-Security-Policy refuses: the
    # checker's context lets it in (test_app_browser.py checks the pages under their policy).
    context = browser.new_context(bypass_csp=True, service_workers="block")
    page = context.new_page()
    outside: list[str] = []
    page.on(
        "request", lambda r: outside.append(r.url) if not r.url.startswith((*own_origin, "data:", "blob:")) else None
    )
    problems = {}
    for name, url in urls.items():
        page.goto(url)
        found = axe_violations(page)
        if found:
            problems[name] = found
    context.close()
    return problems, outside


def test_no_accessibility_violations_on_any_page(site, http_site, browser):
    urls = {}
    for path in pages_of(site):
        if path.name != "404.html":
            relative = path.relative_to(site).parent.as_posix()
            urls[relative] = http_site + ("" if relative == "." else relative + "/")
    problems, outside = axe_problems(browser, urls, (http_site,))
    assert problems == {}
    assert outside == []


def test_no_accessibility_violations_offline_and_no_outside_request(offline_site, browser):
    pages = (
        "index.html",
        "en/index.html",
        "articles/004_619acb7bf2d5c641/index.html",
        "en/articles/001_9f79dd596af1e7b3/index.html",
        "en/parallel/004_619acb7bf2d5c641/index.html",
        "timeline/index.html",
    )
    problems, outside = axe_problems(browser, {p: (offline_site / p).as_uri() for p in pages}, ("file:",))
    assert problems == {}
    assert outside == []
