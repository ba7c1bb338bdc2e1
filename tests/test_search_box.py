"""The search box in the header: our partial inside a copy of Material's header.html, with its UI strings
from the languages' data."""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import material

from conftest import ROOT, html
from hiwar.site.editions import load_editions
from hiwar.site.search.assets import search_context

MATERIAL_HEADER = Path(material.__file__).parent / "templates" / "partials" / "header.html"
OUR_HEADER = ROOT / "overrides" / "partials" / "header.html"
INCLUDE = '    {% include "partials/hiwar-search.html" %}'
# The language selector shows when the page has counterparts (the plugin's view), not when the site has alternates.
ALTERNATE = ("    {% if config.extra.alternate %}", "    {% if hiwar and hiwar.alternates %}")
EDITIONS = load_editions(["ar", "en"])


def test_the_header_is_materials_own_with_our_search_box_added():
    """When Material's header.html changes (a theme update), this fails: copy the new one, add the line, review."""
    theirs = MATERIAL_HEADER.read_text(encoding="utf-8").splitlines()
    ours = OUR_HEADER.read_text(encoding="utf-8").splitlines()
    changes = [
        line
        for line in difflib.unified_diff(theirs, ours, lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    assert changes == ["-" + ALTERNATE[0], "+" + ALTERNATE[1], "+" + INCLUDE]


def test_every_page_of_both_editions_has_one_search_box_in_its_language(site):
    for edition, folder in zip(EDITIONS, (site, site / "en")):
        strings = search_context(edition, EDITIONS).strings
        for path in [folder / "index.html", *sorted(folder.glob("articles/*/index.html"))]:
            soup = html(path)
            boxes = soup.select("header [data-hiwar-search]")
            assert len(boxes) == 1, path
            form = boxes[0].select_one("form[role=search]")
            assert form["aria-label"] == strings["label"] and form.get("name") != "search"  # Material's own stays off
            assert boxes[0].select_one("input[type=search]")["placeholder"] == strings["placeholder"]
            assert json.loads(boxes[0].select_one("script[type='application/json']").string) == strings
            script = soup.select_one("script[src$='hiwar-search.js']")
            assert (path.parent / script["src"]).resolve() == (site / "assets/javascripts/hiwar-search.js").resolve()
        assert not (site / "search" / "search_index.json").exists()
