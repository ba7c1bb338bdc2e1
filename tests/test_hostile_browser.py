"""In a real browser, a site built from hostile inputs runs no script of theirs: every page of both editions, online
over http and offline from file://, is loaded, hovered and tabbed through while the browser watches for dialogs
(every payload calls alert or sets a flag), console errors, script-like elements or `on…` attributes added to the
page after it loaded, and requests to any other host."""

from __future__ import annotations

import dataclasses
import functools
import http.server
import re
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

import hostile
from conftest import QuietHandler, mkdocs_build

pytestmark = pytest.mark.long  # two sites built from hostile inputs, tabbed through in the browser: make test-long

# Each payload, run, would open a dialog or set window.hostileRan; between them they try every way into a page.
PAYLOADS = [
    "<script>alert('script')</script>",
    "<img src=x onerror=\"alert('img')\">",
    '" onmouseover="alert(\'attribute\') " x="',
    "' autofocus onfocus='alert(`focus`)' x='",
    "<svg/onload=alert('svg')>",
    "[link](javascript:alert('markdown'))",
    "<a href=\"javascript:alert('anchor')\">click</a>",
    "<iframe srcdoc=\"<script>parent.alert('srcdoc')</script>\"></iframe>",
    "</script><script>window.hostileRan = 'closed script'</script>",
    "</title><script>alert('title')</script>",
    "{: onclick=\"alert('attr_list')\" }",
    "{{ 'zq' ~ 7191*3 }}<script>alert('jinja')</script>",
    "<!--><script>alert('comment')</script>-->",
    "<![CDATA[<script>alert('cdata')</script>]]>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(\'refresh\')">',
    '<base href="https://evil.example/">',
    "<object data=\"javascript:alert('object')\"></object>",
    "<style>@import 'https://evil.example/x.css';</style>",
    "<link rel=stylesheet href=https://evil.example/y.css>",
    '<img src="https://evil.example/pixel.png">',
]
BYLINE_PAYLOAD = "<svg onload=alert()>"  # a byline: no digits, no . : ! ?


def hostile_fields() -> hostile.Fields:
    values = {}
    for index, field in enumerate(dataclasses.fields(hostile.Fields)):
        values[field.name] = PAYLOADS[index % len(PAYLOADS)] + " " + PAYLOADS[(index * 7 + 3) % len(PAYLOADS)]
    values.update(
        a_name="onerror=alert(1)#x",
        b_name="[x](javascript:alert(1))",
        a_byline="علي " + BYLINE_PAYLOAD,
        b_byline="سعيد " + BYLINE_PAYLOAD,
        a_title_line=PAYLOADS[0],
        b_title_line=PAYLOADS[1],
        a_en_title_line=PAYLOADS[2],
    )
    return hostile.Fields(**values)


# After the document is parsed, whatever adds a script-like element or an event handler to the page is not the page.
# (What the parser made is checked once the page has loaded: see STATIC.)
WATCH = """
window.hostileSeen = [];
document.addEventListener('DOMContentLoaded', () => new MutationObserver(records => {
  for (const record of records) {
    if (record.type === 'attributes' && record.attributeName.toLowerCase().startsWith('on')) {
      window.hostileSeen.push('attribute ' + record.attributeName);
    }
    for (const node of record.addedNodes || []) {
      if (node.nodeType !== 1) continue;
      for (const el of [node, ...node.querySelectorAll('*')]) {
        if (['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'FRAME', 'BASE', 'META'].includes(el.tagName)) {
          window.hostileSeen.push('element ' + el.tagName + ' ' + (el.src ? 'src ' + el.src : el.outerHTML.slice(0, 80)));
        }
        for (const attribute of el.attributes) {
          if (attribute.name.toLowerCase().startsWith('on')) window.hostileSeen.push('attribute ' + attribute.name);
        }
      }
    }
  }
}).observe(document, {subtree: true, childList: true, attributes: true}));
"""
STATIC = """() => {
  const seen = [];
  for (const el of document.querySelectorAll('*')) {
    for (const attribute of el.attributes) {
      if (attribute.name.toLowerCase().startsWith('on')) seen.push('attribute ' + attribute.name + ' on ' + el.tagName);
    }
  }
  for (const el of document.querySelectorAll('iframe, object, embed, frame, base, meta[http-equiv]')) {
    seen.push('element ' + el.outerHTML.slice(0, 80));
  }
  // A JSON-LD block is data the browser never runs: the hostile text is in it as text (checked by the HTML tests).
  for (const el of document.querySelectorAll('script:not([type="application/ld+json"])')) {
    if (/alert|hostileRan/.test(el.textContent)) seen.push('script ' + el.textContent.slice(0, 80));
  }
  for (const el of document.querySelectorAll('[href], [src], [action], [formaction]')) {
    for (const name of ['href', 'src', 'action', 'formaction']) {
      const value = el[name];
      if (typeof value === 'string' && value && !/^(https?|file|mailto):/.test(value)) seen.push(name + ' ' + value);
    }
  }
  return seen.concat(window.hostileSeen, window.hostileRan ? ['ran ' + window.hostileRan] : []);
}"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    return built(tmp_path_factory.mktemp("hostile-browser"), hostile_fields())


def built(base: Path, fields: hostile.Fields) -> Path:
    result = mkdocs_build(hostile.write_project(base, fields), base / "site", offline=True)
    assert result.returncode == 0, result.stderr
    return base


def serve(site: Path):
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="module")
def served(hostile_site):
    server, url = serve(hostile_site / "site-online")
    yield url
    server.shutdown()


@pytest.fixture(scope="module")
def benign_messages(browser, tmp_path_factory) -> set[str]:
    """What the browser says about the same site built from plain words (the offline edition's own complaints about
    file:// among them): only what a hostile build adds counts."""
    base = built(tmp_path_factory.mktemp("benign-browser"), hostile.benign())
    server, url = serve(base / "site-online")
    messages = set()
    try:
        for root, origin, site in (
            (url, url, base / "site-online"),
            ((base / "site").as_uri() + "/", "file", base / "site"),
        ):
            watched = Watched(browser, origin, root)
            kinds = {
                re.sub(r"^((?:en/)?(?:articles|parallel|topics|people))/[^/]+/", r"\1/*/", p): p for p in pages_of(site)
            }
            for path in sorted(set(kinds.values())):  # one page of each kind: the complaints are the template's
                messages |= {event.split(": ", 1)[1] for event in watched.visit(root + visited(path, origin))}
            watched.page.close()
    finally:
        server.shutdown()
    return messages


class Watched:
    """One browser page and everything it did that a site's own pages never do."""

    def __init__(self, browser, origin: str, root: str, expected: set[str] = frozenset()):
        self.page = browser.new_page()
        self.events: list[str] = []
        self.origin, self.root, self.expected = origin, root, expected
        self.page.add_init_script(WATCH)
        self.page.on("dialog", self.dialog)
        self.page.on(
            "console",
            lambda message: self.events.append(f"console {message.text}") if message.type == "error" else None,
        )
        self.page.on("pageerror", lambda error: self.events.append(f"page error {error}"))
        self.page.on("request", self.request)

    def dialog(self, dialog):
        self.events.append(f"dialog {dialog.message}")
        dialog.dismiss()

    def request(self, request):
        url = request.url
        if url.startswith(("data:", "blob:", "about:")):
            return
        if (self.origin == "file" and urlparse(url).scheme != "file") or (
            self.origin != "file" and not url.startswith(self.origin)
        ):
            self.events.append(f"request {url}")

    def visit(self, url: str, touched: bool = True) -> list[str]:
        """Load the page and, when `touched`, hover what carries the inputs' text and tab through the page (a handler
        that slipped in would run)."""
        page = self.page
        page.goto(url, wait_until="load")
        if touched:
            for element in page.locator("article a, article .hiwar-term, h1, .hiwar-author, .md-select__link").all()[
                :25
            ]:
                try:
                    element.hover(timeout=1000, force=True)
                except Exception:  # noqa: BLE001 — an element out of view or hidden: nothing to hover
                    pass
            for _ in range(20):
                page.keyboard.press("Tab")
        page.wait_for_timeout(50)
        found, self.events = self.events + page.evaluate(STATIC), []
        found = [event.replace(self.root, "") for event in found]
        return [f"{url}: {event}" for event in found if event not in self.expected]


def pages_of(site: Path) -> list[str]:
    """Every page but the server's 404 and the pages of the plain seeds (hostile.PLAIN_SEEDS: no field of theirs)."""
    return sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("*.html")
        if p.name != "404.html" and "zz-plain-" not in p.as_posix()
    )


def visited(path: str, origin: str) -> str:
    return path if origin == "file" else path.removesuffix("index.html")


def test_a_site_built_from_hostile_inputs_runs_no_script_online(browser, hostile_site, served, benign_messages):
    watched = Watched(browser, served, served, benign_messages)
    found = []
    for path in pages_of(hostile_site / "site-online"):
        found += watched.visit(served + visited(path, served))
    watched.page.close()
    assert found == [], "\n".join(found)


def test_the_offline_edition_built_from_hostile_inputs_runs_no_script_from_disk(browser, hostile_site, benign_messages):
    root = (hostile_site / "site").as_uri() + "/"
    watched = Watched(browser, "file", root, benign_messages)
    found = []
    for path in pages_of(hostile_site / "site"):
        found += watched.visit(root + path)
    watched.page.close()
    assert found == [], "\n".join(found)
