"""Search text normalisation: the index side (here, at build time) and the same rules on the query side
(the query module in the reader's browser, hiwar.site.search). Both read knowledge/search_rules.yml.

Arabic: tashkeel and tatweel removed; أ إ آ ٱ → ا; ى ی → ي; ة → ه; ک → ك; ؤ → و; ئ → ي;
Arabic-Indic digits → 0-9. A word with the article or a clitic before it (الكاظمي، والكاظمي،
للكاظمي، وبايدن) is indexed under its bare form as well, so كاظمي finds الكاظمي.
English: lower case; al- is dropped from names (al-Sudani → sudani); the query side strips
common suffixes and a query word finds the words it begins (negotiations → negoti…).
"""
from __future__ import annotations

import functools
import re

from hiwar.knowledge.rules import char_class, rules
from hiwar.knowledge.text import fold

_RULES = rules()
_ARABIC, _ENGLISH = _RULES["arabic"], _RULES["english"]

TOKEN = re.compile(r"[^\W_]+")  # letters and numbers: [\p{L}\p{N}]+ on the JavaScript side
# A word as a page writes it: letters and numbers with the marks folding removes (so مُصْطَفَى is one word).
WORD_AS_WRITTEN = re.compile(rf"(?:[^\W_]|{char_class(_RULES['words']['marks'])})+")
ENGLISH_ARTICLE = re.compile(rf"(?<![a-z]){re.escape(_ENGLISH['article'])}(?=[a-z])")  # al-Sudani → sudani
CLITIC_BEFORE = re.compile(rf"^[{''.join(_ARABIC['clitics'])}](?={char_class(_ARABIC['letters'])}{{{_ARABIC['clitic_min_rest']},}})")
ARTICLE_PREFIXES = tuple(_ARABIC["article_prefixes"])  # longest first
PREFIX_FROM = _RULES["matching"]["prefix_from"]


def without_article(word: str) -> str:
    """وبالكاظمي → كاظمي: the article and what comes with it, when enough of the word is left."""
    for prefix in ARTICLE_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= _ARABIC["article_min_rest"]:
            return word[len(prefix):]
    return word


def _words(text: str) -> list[str]:
    return TOKEN.findall(ENGLISH_ARTICLE.sub("", fold(text)))


def index_tokens(text: str) -> list[str]:
    """Every word of the text in its folded form, and its bare form(s) where a prefix is attached."""
    tokens: list[str] = []
    for word in _words(text):
        tokens.extend(index_forms(word))
    return tokens


@functools.lru_cache(maxsize=65536)  # an archive's words recur from article to article
def index_forms(word: str) -> tuple[str, ...]:
    """The forms one folded word is indexed under: as written, without the article, without a clitic."""
    clitic = CLITIC_BEFORE.sub("", word)
    return tuple(dict.fromkeys([word, without_article(word), clitic, without_article(clitic)]))


def query_terms(query: str) -> list[str]:
    """The query as the index spells it, one term per word.

    The article and what comes with it (الـ، والـ، بالـ، للـ…) are dropped; a single letter that may
    be a clitic is kept, since كاظمي must stay كاظمي. Prefixes in the text never block a match: the
    index holds every text word without them too (وبايدن is also indexed as بايدن).
    """
    return [english_stem(word) if word.isascii() else without_article(word) for word in _words(query)]


def english_stem(word: str) -> str:
    for suffix in _ENGLISH["suffixes"]:  # longest first: the first that fits is the one taken
        if word.endswith(suffix):
            stem = word[: -len(suffix)]
            return stem if len(stem) >= _ENGLISH["min_stem"] else word
    return word


def matches(term: str, token: str) -> bool:
    """A query term finds an index token it begins (once it is long enough), or itself."""
    return token == term or (len(term) >= PREFIX_FROM and token.startswith(term))


def highlight_forms(word: str) -> list[str]:
    """The forms a word as written on a page is indexed under: it is highlighted when one of them is found."""
    return index_tokens(word)


def marked_words(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """Where the words of a text that the query's terms find are (start, end), as the results highlight them."""
    spans = []
    for found in WORD_AS_WRITTEN.finditer(text):
        if any(matches(term, form) for form in highlight_forms(found.group()) for term in terms if term):
            spans.append(found.span())
    return spans
