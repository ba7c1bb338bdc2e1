"""The browser applies the very rules the index was built with: Node runs the generated query module on
thousands of generated strings, read in each language (Arabic, English, and French, a third edition's language that
has no rules), and Python and JavaScript must agree on every answer."""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT
from hiwar.knowledge.rules import char_class, rules
from hiwar.knowledge.searchtext import TOKEN, WORD_AS_WRITTEN, highlight_forms, index_tokens, marked_words, query_terms
from hiwar.knowledge.text import fold
from hiwar.site.search import search_assets
from hiwar.site.search.assets import SCRIPT

RULES = rules()
ARABIC = re.compile(char_class(RULES["languages"]["ar"]["script"]))
LANGUAGES = ["ar", "en", "fr"]  # fr: a language without rules, which gets folding only
SEED_WORDS = sorted(
    {
        word
        for path in (ROOT / "seeds").glob("*.txt")
        for word in path.read_text(encoding="utf-8").split()
        if len(word) < 20
    }
)
ENGLISH_WORDS = [
    "Sudani",
    "al-Sudani",
    "AL-KADHIMI",
    "negotiations",
    "Elections",
    "studies",
    "studied",
    "Popular",
    "Mobilization",
    "al",
    "Al-",
    "-al-",
    "al-al-Sudani",
    "bal-x",
    "Kadhimi’s",
    "isn't",
    "US",
    "ings",
]
# French as a third edition writes it (tests/fixtures/third_edition), and words that English rules would change.
FRENCH_WORDS = sorted(
    {
        word.strip(".,:;")
        for path in (FIXTURES / "third_edition").rglob("*.fr.txt")
        for word in path.read_text(encoding="utf-8").split()
    }
    | {
        "négociations",
        "élections",
        "Soudani",
        "al-Soudani",
        "Al-Kazimi",
        "États-Unis",
        "irakiennes",
        "discussions",
        "accords",
        "présidence",
        "missions",
        "coalition",
        "retrait",
        "L'Irak",
        "aujourd’hui",
    }
)
# Characters that NFKC, case or Unicode classes treat specially: presentation forms and ligatures, full-width
# and mathematical letters, superscripts, Roman numerals, dotted I, final sigma, combining accents, astral
# letters, joiners and spaces.
UNUSUAL = [
    "ﻻ",
    "ﷲ",
    "ﺍﻟ",
    "ﻛ",
    "Ａｌ-",
    "ﬁ",
    "²",
    "Ⅻ",
    "İ",
    "ß",
    "ΣΑΣ",
    "é",
    "e\u0301",
    "𝐀𝐥-",
    "𠀀",
    "\u200c",
    "\u200d",
    "\u00a0",
    "ـ",
    "٫",
    "·",
    "'",
    "’",
    "_",
    "😀",
    "ٱ",
    "ۀ",
    "ی",
    "ک",
    "ى",
    "ة",
    "ؤ",
    "ئ",
    "آ",
    "إ",
    "أ",
    "ء",
]
MARKS = ["\u064e", "\u064f", "\u0650", "\u0651", "\u0652", "\u064b", "\u0670", "\u0640", "\u06d6", "\u0615"]
DIGITS = list("0123456789") + list("".join(RULES["fold"]["digits"]))
SEPARATORS = ["", " ", " ", "-", "،", ".", "\n", "/", "(", ")"]


def generated(count: int) -> list[str]:
    rng = random.Random(20261201)
    arabic = RULES["languages"]["ar"]
    prefixes = arabic["article_prefixes"] + arabic["clitics"] + arabic["clitic_pairs"]

    def piece() -> str:
        kind = rng.random()
        if kind < 0.35:
            word = rng.choice(SEED_WORDS)
            if rng.random() < 0.4:
                word = rng.choice(prefixes) + word
            if rng.random() < 0.3:  # marks inside the word
                at = rng.randrange(len(word) + 1)
                word = word[:at] + rng.choice(MARKS) + word[at:]
            return word
        if kind < 0.45:
            word = rng.choice(ENGLISH_WORDS)
            word = word.upper() if rng.random() < 0.2 else word
            return (rng.choice(["al-", "Al-", "al-al-", ""]) + word) if rng.random() < 0.4 else word
        if kind < 0.55:
            word = rng.choice(FRENCH_WORDS)
            return word.upper() if rng.random() < 0.2 else word
        if kind < 0.70:
            return "".join(rng.choice(DIGITS) for _ in range(rng.randint(1, 5)))
        if kind < 0.85:
            return rng.choice(UNUSUAL) + (rng.choice(SEED_WORDS) if rng.random() < 0.5 else "")
        return rng.choice(prefixes) + ("" if rng.random() < 0.5 else rng.choice(SEED_WORDS)[: rng.randint(1, 3)])

    texts = []
    for _ in range(count):
        parts = [piece() for _ in range(rng.randint(1, 6))]
        texts.append("".join(part + rng.choice(SEPARATORS) for part in parts).strip())
    return texts


EDGE_CASES = [
    "al-al-Sudani",
    "al-",
    "al",
    "-al-sudani",
    "ال",
    "لل",
    "الل",
    "الله",
    "وال",
    "والك",
    "والكا",
    "بالعراق",
    "للكاظمي",
    "كاظمي",
    "و",
    "وبايدن",
    "وبا",
    "ﻻ",
    "مُصْطَفَى",
    "الكـــاظمي",
    "٢٠٢١",
    "۲۰۲۴",
    "",
    " ",
    "---",
    "négociations",
    "al-Soudani",
    "Les négociations d'al-Soudani avec بايدن",
    "الsudani",
    "cafés",
    "ΣΑΣ",
]


def answers_in_python(text: str, lang: str) -> dict:
    terms = query_terms(text, lang)
    return {
        "fold": fold(text),
        "query_terms": terms,
        "index_tokens": index_tokens(text, lang),
        "written_words": WORD_AS_WRITTEN.findall(text),
        "highlight_forms": [highlight_forms(word, lang) for word in WORD_AS_WRITTEN.findall(text)],
        "marked_words": [text[start:end] for start, end in marked_words(text, terms, lang)],
        "first_marked_word": [text[start:end] for start, end in marked_words(text, terms, lang)][:1],
    }  # an excerpt's


@pytest.fixture(scope="module")
def module_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("search") / "hiwar-search.js"
    path.write_text(search_assets()[SCRIPT], encoding="utf-8")
    return path


def answers_in_javascript(module: Path, texts: list[str], languages: list[str]) -> dict[str, list[dict]]:
    node = shutil.which("node")
    assert node, "Node is needed for the parity test (README: Node 20)"
    result = subprocess.run(
        [node, str(ROOT / "tests" / "search_rules.js"), str(module)],
        capture_output=True,
        input=json.dumps({"texts": texts, "languages": languages}),
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return dict(zip(languages, json.loads(result.stdout)))


@pytest.fixture(scope="module")
def answers(module_file) -> dict[str, tuple[list[str], list[dict], list[dict]]]:
    """By language: the strings, and what Python and JavaScript make of each, read in that language."""
    texts = EDGE_CASES + generated(5000)
    in_javascript = answers_in_javascript(module_file, texts, LANGUAGES)
    return {lang: (texts, [answers_in_python(text, lang) for text in texts], in_javascript[lang]) for lang in LANGUAGES}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_python_and_javascript_agree_on_every_rule_in_every_language(answers, lang):
    texts, in_python, in_javascript = answers[lang]
    differences = [
        (text, key, py[key], js[key])
        for text, py, js in zip(texts, in_python, in_javascript)
        for key in py
        if py[key] != js[key]
    ]
    assert not differences, f"{len(differences)} differences, the first: {differences[:5]}"
    # The strings exercise every rule: articles and clitics come off, marks fold, and in English al- goes and
    # suffixes go.
    folded_words = [word for answer in in_python for word in fold_words(answer)]
    assert sum(term != word for term, word in folded_words) > 500
    assert sum(any(len(forms) > 1 for forms in answer["highlight_forms"]) for answer in in_python) > 500
    # (fewer in French: without endings or al- to drop, a query term finds its own word more often)
    assert sum(len(answer["marked_words"]) < len(answer["written_words"]) for answer in in_python) > 50


def test_each_language_analyses_the_words_no_script_claims_by_its_own_rules_or_none(answers):
    """Every word of the strings: an Arabic word is analysed as Arabic in every language; any other as English in
    Arabic and English text, and only folded in French, which has no rules."""
    assert "fr" not in RULES["languages"]
    words = sorted({word for text in answers["ar"][0] for word in TOKEN.findall(fold(text))})
    arabic = [word for word in words if ARABIC.search(word)]
    other = [word for word in words if not ARABIC.search(word)]
    assert len(arabic) > 1000 and len(other) > 100
    for word in arabic:
        assert query_terms(word, "ar") == query_terms(word, "en") == query_terms(word, "fr")
        assert index_tokens(word, "ar") == index_tokens(word, "en") == index_tokens(word, "fr")
    for word in other:
        assert query_terms(word, "ar") == query_terms(word, "en")
        assert query_terms(word, "fr") == index_tokens(word, "fr") == [word]  # folding only
    assert sum(query_terms(word, "en") != [word] for word in other) > 30  # endings English drops, French keeps


def fold_words(answer: dict) -> list[tuple[str, str]]:
    """(query term, the word it came from) where the query kept as many words as the text has."""
    words = [forms[0] for forms in answer["highlight_forms"] if forms]
    return list(zip(answer["query_terms"], words)) if len(words) == len(answer["query_terms"]) else []


def test_the_case_that_differed_before_the_rules_were_shared(module_file):
    answers = answers_in_javascript(module_file, ["al-al-Sudani"], ["en"])
    assert answers["en"][0]["query_terms"] == query_terms("al-al-Sudani", "en") == ["sudani"]
