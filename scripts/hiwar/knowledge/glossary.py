"""The glossary (editorial/glossary.yml): recurring terms, defined in both languages, glossed in the text."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from hiwar.ingest.datafile import read_yaml
from hiwar.knowledge.rules import char_class, rules
from hiwar.problems import InputError

_RULES = rules()
_LETTERS = _RULES["fold"]["letters"]
_MARKS = char_class(_RULES["fold"]["remove"]) + "*"  # tashkeel and tatweel may sit between letters
# Clitics a word may carry before a term (search_rules.yml): two together, or one.
_CLITICS = "|".join([*_RULES["arabic"]["clitic_pairs"], f"[{''.join(_RULES['arabic']['clitics'])}]"])


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


@dataclass(frozen=True)
class Term:
    id: str
    ar: str
    en: str
    definition_ar: str
    definition_en: str
    arabic: re.Pattern  # the term in Arabic text, any spelling, as a whole word (with attached clitics)
    english: re.Pattern

    def pattern(self, lang: str) -> re.Pattern:
        return self.arabic if lang == "ar" else self.english

    def gloss(self, lang: str) -> str:
        """What a reader of `lang` sees on hover: the term in the other language."""
        return self.en if lang == "ar" else self.ar


def load_glossary(path: Path) -> list[Term]:
    source = f"{path.parent.name}/{path.name}"
    if not path.exists():
        return []
    data = read_yaml(path, source)
    try:
        terms = []
        for entry in data["terms"]:
            arabic = "|".join(spelling_pattern(m) for m in entry["match"])
            english = "|".join(re.escape(m) for m in entry["match_en"])
            terms.append(Term(str(entry["id"]), entry["ar"], entry["en"], entry["definition"]["ar"],
                              entry["definition"]["en"],
                              re.compile(rf"(?<![\w])(?:{_CLITICS})?(?:{arabic})(?!\w)"),
                              re.compile(rf"(?<![\w-])(?:{english})(?!\w)", re.IGNORECASE)))
    except (KeyError, TypeError) as err:
        raise InputError(source, f"has a term without id, ar, en, match, match_en or definition ({err})") from None
    return terms


def terms_in(paragraphs: list[tuple[int, str]], glossary: list[Term]) -> dict[str, list[int]]:
    """Each glossary term the Arabic text uses, with the ¶ numbers where it does."""
    found: dict[str, list[int]] = {}
    for term in glossary:
        numbers = [number for number, text in paragraphs if term.arabic.search(text)]
        if numbers:
            found[term.id] = sorted(set(numbers))
    return found
