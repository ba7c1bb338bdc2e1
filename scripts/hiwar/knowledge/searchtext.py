"""Search text normalisation: the index side (here, at build time) and the same rules on the query side
(the query module in the reader's browser, hiwar.site.search). Both read knowledge/search_rules.yml.

Every word is folded (tashkeel and tatweel removed; أ إ آ ٱ → ا; ى ی → ي; ة → ه; ک → ك; ؤ → و; ئ → ي;
Arabic-Indic digits → 0-9; lower case), then analysed by one language's rules (`languages:` in the rules file):
a word in a script a language claims (Arabic letters) by that language's, wherever it appears; any other word by
the language it is read in — the document's when the index is made, the reader's edition when a query is read —
and by none (folding only) in a language without rules.
Arabic: a word with the article or a clitic before it (الكاظمي، والكاظمي، للكاظمي، وبايدن) is indexed under its
bare form as well, so كاظمي finds الكاظمي. English: al- is dropped from names (al-Sudani → sudani); the query
side strips common suffixes and a query word finds the words it begins (negotiations → negoti…).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from hiwar.knowledge.rules import char_class, rules
from hiwar.knowledge.text import fold
from hiwar.model.languages import SOURCE_LANGUAGE

_RULES = rules()
LANGUAGES: dict[str, dict] = _RULES["languages"]

TOKEN = re.compile(r"[^\W_]+")  # letters and numbers: [\p{L}\p{N}]+ on the JavaScript side
# A word as a page writes it: letters and numbers with the marks folding removes (so مُصْطَفَى is one word).
WORD_AS_WRITTEN = re.compile(rf"(?:[^\W_]|{char_class(_RULES['words']['marks'])})+")
PREFIX_FROM = _RULES["matching"]["prefix_from"]


@dataclass(frozen=True)
class Analysis:
    """What one language's rules do to a folded word; a language without rules does nothing to it."""

    lang: str | None
    article_prefixes: tuple[str, ...] = ()  # longest first
    article_min_rest: int = 0
    clitic_before: re.Pattern | None = None  # a one-letter clitic before enough letters of the script
    hyphen_article: re.Pattern | None = None  # al-Sudani → sudani, in running text (before words are cut)
    suffixes: tuple[str, ...] = ()  # longest first: the first that fits is the one taken
    min_stem: int = 0

    def without_article(self, word: str) -> str:
        """وبالكاظمي → كاظمي: the article and what comes with it, when enough of the word is left."""
        for prefix in self.article_prefixes:
            if word.startswith(prefix) and len(word) - len(prefix) >= self.article_min_rest:
                return word[len(prefix) :]
        return word

    def stem(self, word: str) -> str:
        for suffix in self.suffixes:
            if word.endswith(suffix):
                stem = word[: -len(suffix)]
                return stem if len(stem) >= self.min_stem else word
        return word

    def index_forms(self, word: str) -> tuple[str, ...]:
        """The forms a word is indexed under: as written, without the article, without a clitic."""
        clitic = self.clitic_before.sub("", word) if self.clitic_before else word
        return tuple(dict.fromkeys([word, self.without_article(word), clitic, self.without_article(clitic)]))

    def query_term(self, word: str) -> str:
        """A query word as the index spells it: without the article (a clitic stays), without its ending."""
        return self.stem(self.without_article(word))


FOLDING_ONLY = Analysis(None)


# The parts a language's entry may hold (search_rules.yml explains each): a misspelt one would silently do nothing.
PARTS = {
    "script",
    "other_scripts",
    "article_prefixes",
    "article_min_rest",
    "clitics",
    "clitic_min_rest",
    "clitic_pairs",
    "article",
    "suffixes",
    "min_stem",
}


def _analysis(lang: str, entry: dict) -> Analysis:
    unknown = sorted(set(entry) - PARTS)
    if unknown:
        raise ValueError(
            f"search_rules.yml: languages: {lang}: unknown part {unknown[0]!r} (known: {', '.join(sorted(PARTS))})"
        )
    if entry.get("other_scripts") is not None and entry["other_scripts"] not in LANGUAGES:
        raise ValueError(f"search_rules.yml: languages: {lang}: other_scripts: no rules for {entry['other_scripts']!r}")
    clitic_before = None
    if entry.get("clitics") and entry.get("script"):
        clitic_before = re.compile(
            rf"^[{''.join(entry['clitics'])}](?={char_class(entry['script'])}"
            rf"{{{entry.get('clitic_min_rest', 1)},}})"
        )
    article = entry.get("article")
    return Analysis(
        lang,
        tuple(entry.get("article_prefixes", ())),
        entry.get("article_min_rest", 0),
        clitic_before,
        re.compile(rf"(?<![a-z]){re.escape(article)}(?=[a-z])") if article else None,
        tuple(entry.get("suffixes", ())),
        entry.get("min_stem", 0),
    )


ANALYSES = {lang: _analysis(lang, entry) for lang, entry in sorted(LANGUAGES.items())}
# The languages whose words are known by their script, wherever they appear (the query module tries them in the
# same order: by language code).
SCRIPTS = tuple(
    (lang, re.compile(char_class(entry["script"]))) for lang, entry in sorted(LANGUAGES.items()) if entry.get("script")
)


def text_analysis(lang: str) -> Analysis:
    """The analysis of the words of a text in `lang` that no script claims: the language's own, or that of the
    language its rules name for other scripts, or none."""
    entry = LANGUAGES.get(lang)
    if entry is None:
        return FOLDING_ONLY
    if entry.get("script"):
        return ANALYSES.get(entry.get("other_scripts"), FOLDING_ONLY)
    return ANALYSES[lang]


def word_analysis(word: str, lang: str) -> Analysis:
    """The analysis of one folded word read in a text in `lang`: its script's language's, else the text's."""
    for script_lang, letters in SCRIPTS:
        if letters.search(word):
            return ANALYSES[script_lang]
    return text_analysis(lang)


def _words(text: str, lang: str) -> list[str]:
    folded = fold(text)
    article = text_analysis(lang).hyphen_article
    return TOKEN.findall(article.sub("", folded) if article else folded)


def index_tokens(text: str, lang: str = SOURCE_LANGUAGE) -> list[str]:
    """Every word of a text in `lang` in its folded form, and its bare form(s) where a prefix is attached.

    (`lang` defaults to the source language for a caller that names none: outputs/zim.py folds single words as
    written, cut at hyphens, where only the analysis of Arabic words, which is the same in every text, applies.)"""
    forms_of = _forms_in(lang)
    tokens: list[str] = []
    for word in _words(text, lang):
        tokens.extend(forms_of(word))
    return tokens


def index_forms(word: str, lang: str) -> tuple[str, ...]:
    """The forms one folded word of a text in `lang` is indexed under."""
    return _forms_in(lang)(word)


@functools.cache
def _forms_in(lang: str) -> Callable[[str], tuple[str, ...]]:
    """index_forms for the words of one language's texts, remembered: an archive's words recur from article to
    article (one cache per language keeps each lookup a single word's)."""
    return functools.lru_cache(maxsize=65536)(lambda word: word_analysis(word, lang).index_forms(word))


def query_terms(query: str, lang: str) -> list[str]:
    """The query typed in the edition of `lang`, as the index spells it, one term per word.

    The article and what comes with it (الـ، والـ، بالـ، للـ…) are dropped; a single letter that may
    be a clitic is kept, since كاظمي must stay كاظمي. Prefixes in the text never block a match: the
    index holds every text word without them too (وبايدن is also indexed as بايدن).
    """
    return [word_analysis(word, lang).query_term(word) for word in _words(query, lang)]


def matches(term: str, token: str) -> bool:
    """A query term finds an index token it begins (once it is long enough), or itself."""
    return token == term or (len(term) >= PREFIX_FROM and token.startswith(term))


def highlight_forms(word: str, lang: str) -> list[str]:
    """The forms a word as written on a page in `lang` is indexed under: it is highlighted when one is found."""
    return index_tokens(word, lang)


def marked_words(text: str, terms: list[str], lang: str) -> list[tuple[int, int]]:
    """Where the words of a text in `lang` that the query's terms find are (start, end), as results highlight them."""
    spans = []
    for found in WORD_AS_WRITTEN.finditer(text):
        if any(matches(term, form) for form in highlight_forms(found.group(), lang) for term in terms if term):
            spans.append(found.span())
    return spans
