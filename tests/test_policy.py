"""The Content-Security-Policy of every page (site/policy.py): made from what the page itself inlines, placed before
anything it governs, strict (no 'unsafe-inline', no 'unsafe-eval', no other host), and for the offline edition one that
works from file://. The hashes are checked against html5lib, the HTML standard's parsing algorithm in Python."""

from __future__ import annotations

import base64
import hashlib

import html5lib
import pytest

from hiwar.site import policy
from hiwar.site.policy import OFFLINE, ONLINE, inline_code, page_policy, stated_sources, with_policy

PAGE = """<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>t</title>
    <script>var a = "</scr" + "ipt>";</script>
    <script type="application/ld+json">{"@context": "https://schema.org"}</script>
    <script src="x.js"></script>
    <style>p { color: red }</style>
  </head>
  <body><p style="--level: 1">x</p><script type="module">import "./m.js";</script></body>
</html>
"""


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def _directives(text: str) -> dict[str, list[str]]:
    return {name: sources for name, *sources in (d.split() for d in text.split(";"))}


def test_the_policy_names_each_executable_inline_script_by_the_hash_of_its_exact_text():
    code = inline_code(PAGE)
    assert code.scripts == {'var a = "</scr" + "ipt>";', 'import "./m.js";'}  # data blocks and src= scripts are not
    assert code.styles == {"p { color: red }"} and code.style_attributes == {"--level: 1"}
    directives = _directives(ONLINE.text(code.sources()))
    assert set(directives["script-src"]) == {"'self'", _sha('var a = "</scr" + "ipt>";'), _sha('import "./m.js";')}
    # a style attribute can only be allowed by hash with 'unsafe-hashes' (CSP 3)
    assert directives["style-src"] == ["'self'", "'unsafe-hashes'", _sha("--level: 1"), _sha("p { color: red }")]


def test_the_policy_is_strict_and_names_no_other_host():
    directives = _directives(ONLINE.text(inline_code(PAGE).sources()))
    everything = " ".join(" ".join(s) for s in directives.values())
    assert "'unsafe-inline'" not in everything and "'unsafe-eval'" not in everything
    assert "*" not in everything and "http" not in everything
    assert directives["object-src"] == ["'none'"] and directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'self'"] and directives["default-src"] == ["'self'"]
    assert "frame-ancestors" not in directives  # ignored in a <meta>, with a console error: the header has it


def test_the_meta_element_goes_right_after_the_charset_and_is_replaced_not_repeated():
    online = with_policy(PAGE, ONLINE)
    head = online.split("<head>", 1)[1].lstrip()
    assert head.startswith('<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="')
    assert page_policy(online) == ONLINE.text(inline_code(PAGE).sources())
    offline = with_policy(online, OFFLINE)
    assert offline.count("Content-Security-Policy") == 1
    assert page_policy(offline) == OFFLINE.text(inline_code(PAGE).sources())
    assert with_policy(offline, OFFLINE) == offline
    without_charset = "<!doctype html><html><head><title>t</title></head><body></body></html>"
    assert with_policy(without_charset, ONLINE).startswith(
        '<!doctype html><html><head><meta http-equiv="Content-Security-Policy"'
    )


def test_the_offline_policy_allows_the_files_beside_the_page_and_no_app():
    directives = _directives(OFFLINE.text(policy.Sources()))
    assert directives["script-src"] == ["'self'", "file:"]
    assert directives["worker-src"] == ["'none'"] and directives["manifest-src"] == ["'none'"]


def test_stated_sources_read_back_what_a_policy_gives():
    text = ONLINE.text(inline_code(PAGE).sources())
    assert stated_sources(text) == inline_code(PAGE).sources()


# ---- the built site -------------------------------------------------------------------------------------------
def _html5lib_sources(html: str) -> set[str]:
    """The hashes of the page's executable inline scripts, parsed as browsers parse (html5lib)."""
    document = html5lib.parse(html, namespaceHTMLElements=False)
    return {
        _sha(element.text or "")
        for element in document.iter("script")
        if element.get("src") is None and (element.get("type") or "").lower() in ("", "text/javascript", "module")
    }


@pytest.mark.parametrize("edition", ["site", "offline"])
def test_every_page_states_exactly_the_hashes_of_its_inline_scripts_and_no_style(site, offline_root, edition):
    folder = site if edition == "site" else offline_root
    expected_policy = ONLINE if edition == "site" else OFFLINE
    pages = sorted(folder.rglob("*.html"))
    assert len(pages) > 50
    for path in pages:
        html = path.read_text(encoding="utf-8")
        stated = page_policy(html)
        assert stated is not None, path
        sources = stated_sources(stated)
        assert set(sources.scripts) == _html5lib_sources(html), path
        assert sources.styles == (), path  # no inline style anywhere: style-src is 'self' alone
        assert stated == expected_policy.text(sources), path
        assert html.index("Content-Security-Policy") < html.index("<script"), path


def test_the_header_policy_holds_every_pages_hashes_and_frame_ancestors(site):
    header = _directives(policy.header_policy(p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.html"))))
    assert header["frame-ancestors"] == ["'none'"]
    for path in (site / "index.html", site / "en" / "404.html", site / "en" / "about" / "index.html"):
        for source in stated_sources(page_policy(path.read_text(encoding="utf-8"))).scripts:
            assert source in header["script-src"], path
