"""The glossary (editorial/glossary.yml): recurring terms, defined in both languages, glossed in the text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from hiwar.ingest.schema import (
    Context,
    Identifier,
    ListOf,
    Record,
    Text,
    TextsOf,
    load_checked,
)
from hiwar.knowledge.rules import char_class, rules
from hiwar.model.languages import SOURCE_LANGUAGE
from hiwar.model.texts import Texts

_RULES = rules()
_LETTERS = _RULES["fold"]["letters"]
_MARKS = char_class(_RULES["fold"]["remove"]) + "*"  # tashkeel and tatweel may sit between letters
# Clitics a word may carry before a term (search_rules.yml): two together, or one.
_SOURCE = _RULES["languages"][SOURCE_LANGUAGE]  # terms are found in the seeds' text
_CLITICS = "|".join([*_SOURCE["clitic_pairs"], f"[{''.join(_SOURCE['clitics'])}]"])


def _spellings(ch: str) -> str:
    """The letter and every letter that folds together with it (see text.fold): ي, ى, ی, ئ."""
    folded = _LETTERS.get(ch, ch)
    return folded + "".join(sorted(letter for letter, target in _LETTERS.items() if target == folded))


def spelling_pattern(phrase: str) -> str:
    parts = []
    for ch in phrase:
        if ch.isspace():
            parts.append(r"\s+")
        else:
            parts.append(f"[{re.escape(_spellings(ch))}]{_MARKS}")
    return "".join(parts)


_PATTERNS = ListOf(Text(words=True), "a list of spellings", min_items=1)
# glossary.yml: terms: [{id, ar, en, match: [source-language spellings], match_en: [English spellings],
#                        definition: {ar, en}}]; match_<lang> is optional for each translation language.
SCHEMA = Record(
    {
        "terms": ListOf(
            Record(
                {"id": Identifier(), "match": _PATTERNS, "definition": TextsOf(required=True)},
                required=("id", "match", "definition"),
                expected="a mapping of id:, ar:, en:, match:, definition:",
                labels=True,
                labels_required=True,
                per_translation={"match_{}": _PATTERNS},
            ),
            "a list of terms",
            label="entry {}",
            identified=True,
        )
    },
    expected="a mapping with terms:",
    top_level=True,
)


@dataclass(frozen=True)
class Term:
    id: str
    labels: Texts  # the term in every edition language
    definitions: Texts  # its definition in every edition language
    arabic: re.Pattern  # the term in source-language text, any spelling, as a whole word (with attached clitics)
    others: dict[str, re.Pattern]  # by translation language: the term in that language's text, where given

    def pattern(self, lang: str) -> re.Pattern | None:
        """What finds the term in text of `lang`; None when glossary.yml gives no spelling in that language."""
        return self.arabic if lang == SOURCE_LANGUAGE else self.others.get(lang)


def load_glossary(path: Path, source: str | None = None, ctx: Context = Context()) -> list[Term]:
    _, data = load_checked(path, source, SCHEMA, ctx)
    entries = data.get("terms", []) if data else []
    terms = []
    for entry in entries:
        arabic = "|".join(spelling_pattern(m) for m in entry["match"])
        others = {}
        for lang in ctx.languages:
            spellings = entry.get(f"match_{lang}")
            if spellings:
                others[lang] = re.compile(
                    rf"(?<![\w-])(?:{'|'.join(re.escape(m) for m in spellings)})(?!\w)", re.IGNORECASE
                )
        terms.append(
            Term(
                entry["id"],
                entry["labels"],
                entry["definition"],
                re.compile(rf"(?<![\w])(?:{_CLITICS})?(?:{arabic})(?!\w)"),
                others,
            )
        )
    return terms


def terms_in(paragraphs: list[tuple[int, str]], glossary: list[Term]) -> dict[str, list[int]]:
    """Each glossary term the Arabic text uses, with the ¶ numbers where it does."""
    found: dict[str, list[int]] = {}
    for term in glossary:
        numbers = [number for number, text in paragraphs if term.arabic.search(text)]
        if numbers:
            found[term.id] = sorted(set(numbers))
    return found
