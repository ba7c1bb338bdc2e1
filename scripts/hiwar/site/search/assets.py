"""What each edition needs besides the index: the query module (with the spelling rules of
knowledge/search_rules.yml embedded, generated here and never copied by hand), its stylesheet, and the
context the search box's template reads (its UI strings, from site/languages/<lang>.yml)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Sequence

from hiwar.knowledge.rules import char_class, rules
from hiwar.problems import InputError
from hiwar.site.markup import json_for_script
from hiwar.site.search.postings import ALPHABET, IN_TITLE, WEIGHT_BITS
from hiwar.site.view import SearchView

HERE = Path(__file__).parent
SCRIPT = "assets/javascripts/hiwar-search.js"
STYLESHEET = "assets/stylesheets/hiwar-search.css"


def search_assets() -> dict[str, str]:
    """Path relative to the site root → file text, for the plugin to add to each edition."""
    classes = {
        "removed": char_class(rules()["fold"]["remove"]),
        "word_marks": char_class(rules()["words"]["marks"]),
        "scripts": {
            lang: char_class(entry["script"]) for lang, entry in rules()["languages"].items() if entry.get("script")
        },
    }
    query = (HERE / "query.js").read_text(encoding="utf-8")
    postings = {"alphabet": ALPHABET, "weight_bits": WEIGHT_BITS, "in_title": IN_TITLE}
    query = (
        query.replace("/*RULES*/null", _json(rules()))
        .replace("/*CLASSES*/null", _json(classes))
        .replace("/*POSTINGS*/null", _json(postings))
    )
    return {
        SCRIPT: query + "\n" + (HERE / "ui.js").read_text(encoding="utf-8"),
        STYLESHEET: (HERE / "search.css").read_text(encoding="utf-8"),
    }


def search_context(edition, editions: Sequence) -> SearchView:
    """What overrides/partials/hiwar-search.html reads (as `hiwar.search`), for a page of `edition`: the `search:`
    section of the edition's language table, and the editions' names as each edition calls itself."""
    strings = dict(edition.table.section("search"))
    results = strings.get("results")
    if (
        not isinstance(results, dict)
        or "other" not in results
        or any("{count}" not in str(v) for v in results.values())
    ):
        raise InputError(edition.table.source, "search.results needs an 'other' entry, and each entry needs {count}")
    strings["editions"] = {other.lang: other.name for other in editions}
    return SearchView(strings, json_for_script(strings), SCRIPT, STYLESHEET)


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
