"""The browser applies the very rules the index was built with: Node runs the generated query module on
thousands of generated strings, and Python and JavaScript must agree on every answer."""
from __future__ import annotations

import json
import random
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT
from hiwar.knowledge.rules import rules
from hiwar.knowledge.searchtext import WORD_AS_WRITTEN, highlight_forms, index_tokens, marked_words, query_terms
from hiwar.knowledge.text import fold
from hiwar.site.search import search_assets
from hiwar.site.search.assets import SCRIPT

RULES = rules()
SEED_WORDS = sorted({word for path in (ROOT / "seeds").glob("*.txt") for word in path.read_text(encoding="utf-8").split()
                     if len(word) < 20})
ENGLISH_WORDS = ["Sudani", "al-Sudani", "AL-KADHIMI", "negotiations", "Elections", "studies", "studied", "Popular",
                 "Mobilization", "al", "Al-", "-al-", "al-al-Sudani", "bal-x", "Kadhimi’s", "isn't", "US", "ings"]
# Characters that NFKC, case or Unicode classes treat specially: presentation forms and ligatures, full-width
# and mathematical letters, superscripts, Roman numerals, dotted I, final sigma, combining accents, astral
# letters, joiners and spaces.
UNUSUAL = ["ﻻ", "ﷲ", "ﺍﻟ", "ﻛ", "Ａｌ-", "ﬁ", "²", "Ⅻ", "İ", "ß", "ΣΑΣ", "é", "e\u0301", "𝐀𝐥-", "𠀀", "\u200c", "\u200d",
           "\u00a0", "ـ", "٫", "·", "'", "’", "_", "😀", "ٱ", "ۀ", "ی", "ک", "ى", "ة", "ؤ", "ئ", "آ", "إ", "أ", "ء"]
MARKS = ["\u064e", "\u064f", "\u0650", "\u0651", "\u0652", "\u064b", "\u0670", "\u0640", "\u06d6", "\u0615"]
DIGITS = list("0123456789") + list("".join(RULES["fold"]["digits"]))
SEPARATORS = ["", " ", " ", "-", "،", ".", "\n", "/", "(", ")"]


def generated(count: int) -> list[str]:
    rng = random.Random(20261201)
    prefixes = RULES["arabic"]["article_prefixes"] + RULES["arabic"]["clitics"] + RULES["arabic"]["clitic_pairs"]

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
        if kind < 0.55:
            word = rng.choice(ENGLISH_WORDS)
            word = word.upper() if rng.random() < 0.2 else word
            return (rng.choice(["al-", "Al-", "al-al-", ""]) + word) if rng.random() < 0.4 else word
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


EDGE_CASES = ["al-al-Sudani", "al-", "al", "-al-sudani", "ال", "لل", "الل", "الله", "وال", "والك", "والكا", "بالعراق",
              "للكاظمي", "كاظمي", "و", "وبايدن", "وبا", "ﻻ", "مُصْطَفَى", "الكـــاظمي", "٢٠٢١", "۲۰۲۴", "", " ", "---"]


def answers_in_python(text: str) -> dict:
    terms = query_terms(text)
    return {"fold": fold(text), "query_terms": terms, "index_tokens": index_tokens(text),
            "written_words": WORD_AS_WRITTEN.findall(text),
            "highlight_forms": [highlight_forms(word) for word in WORD_AS_WRITTEN.findall(text)],
            "marked_words": [text[start:end] for start, end in marked_words(text, terms)],
            "first_marked_word": [text[start:end] for start, end in marked_words(text, terms)][:1]}  # an excerpt's


@pytest.fixture(scope="module")
def module_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("search") / "hiwar-search.js"
    path.write_text(search_assets()[SCRIPT], encoding="utf-8")
    return path


def answers_in_javascript(module: Path, texts: list[str]) -> list[dict]:
    node = shutil.which("node")
    assert node, "Node is needed for the parity test (README: Node 20)"
    result = subprocess.run([node, str(ROOT / "tests" / "search_rules.js"), str(module)], capture_output=True,
                            input=json.dumps({"texts": texts}), text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_python_and_javascript_agree_on_every_rule(module_file):
    texts = EDGE_CASES + generated(5000)
    in_python = [answers_in_python(text) for text in texts]
    in_javascript = answers_in_javascript(module_file, texts)
    differences = [(text, key, py[key], js[key]) for text, py, js in zip(texts, in_python, in_javascript)
                   for key in py if py[key] != js[key]]
    assert not differences, f"{len(differences)} differences, the first: {differences[:5]}"
    # The strings exercise every rule: articles and clitics come off, al- goes, suffixes go, marks fold.
    folded_words = [word for answer in in_python for word in fold_words(answer)]
    assert sum(term != word for term, word in folded_words) > 500
    assert sum(any(len(forms) > 1 for forms in answer["highlight_forms"]) for answer in in_python) > 500
    assert sum(len(answer["marked_words"]) < len(answer["written_words"]) for answer in in_python) > 100


def fold_words(answer: dict) -> list[tuple[str, str]]:
    """(query term, the word it came from) where the query kept as many words as the text has."""
    words = [forms[0] for forms in answer["highlight_forms"] if forms]
    return list(zip(answer["query_terms"], words)) if len(words) == len(answer["query_terms"]) else []


def test_the_case_that_differed_before_the_rules_were_shared(module_file):
    (answer,) = answers_in_javascript(module_file, ["al-al-Sudani"])
    assert answer["query_terms"] == query_terms("al-al-Sudani") == ["sudani"]
