"""Search text normalisation: the index side (here, at build time) and, rule for rule, the query side
(docs/assets/javascripts/search.js, in the reader's browser).

Arabic: tashkeel and tatweel removed; أ إ آ ٱ → ا; ى ی → ي; ة → ه; ک → ك; ؤ → و; ئ → ي;
Arabic-Indic digits → 0-9. A word with the article or a clitic before it (الكاظمي، والكاظمي،
للكاظمي، وبايدن) is indexed under its bare form as well, so كاظمي finds الكاظمي.
English: lower case; al- is dropped from names (al-Sudani → sudani); the query side strips
common suffixes and the search's prefix match finds the other forms (negotiations → negoti*).
"""
from __future__ import annotations

import functools
import re

from hiwar.knowledge.text import fold

TOKEN = re.compile(r"[^\W_]+")
# The article with what may come before it: وال فال بال كال لل ال
ARTICLE_PREFIX = re.compile(r"^(?:وبال|وال|فال|بال|كال|لل|ال)(?=\w{2,})")
CLITIC = re.compile(r"^[وفبكل](?=[\u0600-\u06ff]{3,})")
ENGLISH_ARTICLE = re.compile(r"(?<![a-z])al-(?=[a-z])")  # al-Sudani → Sudani


def index_tokens(text: str) -> list[str]:
    """Every word of the text in its folded form, and its bare form(s) where a prefix is attached."""
    tokens: list[str] = []
    for word in TOKEN.findall(ENGLISH_ARTICLE.sub("", fold(text))):
        tokens.extend(_forms(word))
    return tokens


@functools.lru_cache(maxsize=65536)  # an archive's words recur from article to article
def _forms(word: str) -> tuple[str, ...]:
    clitic = CLITIC.sub("", word)
    return tuple(dict.fromkeys([word, ARTICLE_PREFIX.sub("", word), clitic, ARTICLE_PREFIX.sub("", clitic)]))


def query_terms(query: str) -> list[str]:
    """The query as the index spells it, one term per word (mirrors queryTerms in hiwar-search.js).

    The article and what comes with it (الـ، والـ، بالـ، للـ…) are dropped; a single letter that may
    be a clitic is kept, since كاظمي must stay كاظمي. Prefixes in the text never block a match: the
    index holds every text word without them too (وبايدن is also indexed as بايدن).
    """
    terms = []
    for word in TOKEN.findall(ENGLISH_ARTICLE.sub("", fold(query))):
        terms.append(_english_stem(word) if word.isascii() else ARTICLE_PREFIX.sub("", word))
    return terms


ENGLISH_SUFFIX = re.compile(r"(?:ations|ation|ings|ing|ions|ion|ies|ied|es|ed|s)$")


def _english_stem(word: str) -> str:
    stem = ENGLISH_SUFFIX.sub("", word)
    return stem if len(stem) >= 4 else word
