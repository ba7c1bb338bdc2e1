"""People, organisations and places: found in a text from the bilingual name list (editorial/names.yml)."""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from hiwar.ingest.schema import (
    Choice,
    Context,
    Identifier,
    ListOf,
    Record,
    Text,
    load_checked,
)
from hiwar.knowledge.rules import rules
from hiwar.knowledge.text import word_keys
from hiwar.model.languages import SOURCE_LANGUAGE
from hiwar.model.texts import Texts

KINDS = ("person", "organisation", "place")
_SOURCE = rules()["languages"][SOURCE_LANGUAGE]  # names are found in the seeds' text
# Clitics a word may carry before a name (search_rules.yml): a clitic with the article, two clitics, one
# clitic ("والكاظمي", "وبايدن", "لبايدن", "بالعراق"). The article itself stays: names are listed with it.
PREFIXES = (
    *(p for p in _SOURCE["article_prefixes"] if p[0] in _SOURCE["clitics"] and p.endswith("ال")),
    *_SOURCE["clitic_pairs"],
    *_SOURCE["clitics"],
)


_SPELLINGS = ListOf(Text(words=True), "a list of spellings")
# names.yml: names: [{id, kind, ar, en, variants: [other spellings], ambiguous: [forms that are also words]}]
SCHEMA = Record(
    {
        "names": ListOf(
            Record(
                {"id": Identifier(), "kind": Choice(KINDS), "variants": _SPELLINGS, "ambiguous": _SPELLINGS},
                required=("id", "kind"),
                expected="a mapping of id:, kind:, ar:, en:",
                labels=True,
                labels_required=True,
            ),
            "a list of names",
            label="entry {}",
            identified=True,
        )
    },
    expected="a mapping with names:",
    top_level=True,
)


@dataclass(frozen=True)
class Name:
    id: str
    kind: str
    labels: Texts  # labels[SOURCE_LANGUAGE] is the name as the texts write it
    forms: tuple[tuple[str, ...], ...]  # folded word sequences, unambiguous first
    ambiguous: frozenset[tuple[str, ...]]


def load_names(path: Path, source: str | None = None, ctx: Context = Context()) -> list[Name]:
    _, data = load_checked(path, source, SCHEMA, ctx)
    entries = data.get("names", []) if data else []
    names = []
    for entry in entries:
        forms = [tuple(word_keys(form)) for form in [entry["labels"][SOURCE_LANGUAGE], *entry.get("variants", [])]]
        ambiguous = frozenset(tuple(word_keys(form)) for form in entry.get("ambiguous", []))
        names.append(Name(entry["id"], entry["kind"], entry["labels"], tuple(f for f in forms if f), ambiguous))
    return names


@functools.lru_cache(maxsize=16384)  # the same words recur throughout a text
def _readings(word: str) -> frozenset[str]:
    """A word as written and without each clitic it may carry (للكاظمي → الكاظمي, والكاظمي → الكاظمي)."""
    readings = {word}
    if word.startswith("لل") and len(word) > 4:
        readings.add("ال" + word[2:])
    for prefix in PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            rest = word[len(prefix) :]
            readings.add(rest)
            if prefix.endswith("ال"):
                readings.add("ال" + rest)
    return frozenset(readings)


def find_names(paragraphs: list[tuple[int, str]], names: list[Name]) -> dict[str, list[int]]:
    """Each name the text mentions, with the ¶ numbers where it does.

    An ambiguous form (also an ordinary word) counts only from the first clear mention on.
    """
    keyed = [(number, [_readings(w) for w in word_keys(text)]) for number, text in paragraphs]
    where: dict[str, list[tuple[int, int]]] = defaultdict(list)  # reading -> (paragraph index, word index)
    for p_index, (_, readings) in enumerate(keyed):
        for w_index, options in enumerate(readings):
            for option in options:
                where[option].append((p_index, w_index))
    found: dict[str, list[int]] = {}
    for name in names:
        hits: list[tuple[int, bool]] = []  # (paragraph index, clear?)
        for form in name.forms:
            for p_index, w_index in where.get(form[0], ()):
                words = keyed[p_index][1]
                if all(w_index + k < len(words) and word in words[w_index + k] for k, word in enumerate(form[1:], 1)):
                    hits.append((p_index, form not in name.ambiguous))
        clear = [p for p, is_clear in hits if is_clear]
        if clear:
            first = min(clear)
            found[name.id] = sorted({keyed[p][0] for p, is_clear in hits if is_clear or p >= first})
    return found
