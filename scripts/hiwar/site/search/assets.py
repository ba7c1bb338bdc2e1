"""What each edition needs besides the index: the query module (with the spelling rules of
knowledge/search_rules.yml embedded, generated here and never copied by hand), its stylesheet, and the
context the search box's template reads (its UI strings, from site/languages/<lang>.yml)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Sequence

from hiwar.ingest.datafile import read_yaml
from hiwar.knowledge.rules import char_class, rules
from hiwar.problems import InputError

HERE = Path(__file__).parent
LANGUAGES = HERE.parent / "languages"
SCRIPT = "assets/javascripts/hiwar-search.js"
STYLESHEET = "assets/stylesheets/hiwar-search.css"
# The UI strings every language's search: section must give (results: one entry per plural category the
# language uses, "other" at least, with {count}; editions: the name of every edition in this language).
STRINGS = ("label", "placeholder", "results", "none", "more", "failed", "close", "reset", "editions")


def search_assets() -> dict[str, str]:
    """Path relative to the site root → file text, for the plugin to add to each edition."""
    classes = {"removed": char_class(rules()["fold"]["remove"]), "word_marks": char_class(rules()["words"]["marks"]),
               "arabic_letters": char_class(rules()["arabic"]["letters"])}
    query = (HERE / "query.js").read_text(encoding="utf-8")
    query = query.replace("/*RULES*/null", _json(rules())).replace("/*CLASSES*/null", _json(classes))
    return {SCRIPT: query + "\n" + (HERE / "ui.js").read_text(encoding="utf-8"),
            STYLESHEET: (HERE / "search.css").read_text(encoding="utf-8")}


def search_context(lang: str, languages: Sequence[str]) -> dict:
    """What overrides/partials/hiwar-search.html reads as `hiwar_search`, for a page of edition `lang`."""
    return {"strings": ui_strings(lang, languages), "script": SCRIPT, "stylesheet": STYLESHEET}


def ui_strings(lang: str, languages: Sequence[str]) -> dict:
    path = LANGUAGES / f"{lang}.yml"
    source = f"scripts/hiwar/site/languages/{lang}.yml"
    if not path.exists():
        raise InputError(source, "is missing: every edition's language needs its UI strings")
    strings = (read_yaml(path, source) or {}).get("search") or {}
    for key in STRINGS:
        if key not in strings:
            raise InputError(source, f"search.{key} is missing (no other language's text is used instead)")
    if "other" not in strings["results"] or any("{count}" not in text for text in strings["results"].values()):
        raise InputError(source, "search.results needs an 'other' entry, and each entry needs {count}")
    for edition in languages:
        if edition not in strings["editions"]:
            raise InputError(source, f"search.editions.{edition} is missing: the name of that edition in {lang}")
    return strings


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
