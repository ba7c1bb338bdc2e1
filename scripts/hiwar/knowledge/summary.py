"""Automatic extractive summary: the article's opening sentences, within a word budget."""

from __future__ import annotations

import re

from hiwar.knowledge.text import WORD, words

# Sentence ends: . ! ? ؟ and the ellipsis, never the Arabic comma or a colon.
# A full stop after a single letter is an abbreviation ("د. أحمد"), inside a number it is a decimal
# point ("3.5"); after a number and before a word it ends the sentence ("عام 2020. وجاء"), and so it
# does after the era letter that follows a year ("عام 1783 م. اتسعت", "1445هـ.", "500 ق.م.").
# Scraped text often loses the space after a full stop ("الحياة.يؤمن"); between two Arabic words
# that is still a sentence end (Latin is left alone: "U.S.", "example.com").
ARABIC = "\u0621-\u064a"
SENTENCE_BOUNDARY = re.compile(
    r"(?<=[^\W\d_]{2}[.!?؟…])\s+|(?<=[!?؟])\s+|(?<=[.!?؟][\"”»')])\s+"
    r"|(?<=\d[.…])\s+(?=[^\W\d_])|(?:(?<=\dم\.)|(?<=\d\sم\.)|(?<=\dهـ\.)|(?<=\d\sهـ\.)|(?<=ق\.م\.))\s+"
    rf"|(?<=[{ARABIC}]{{2}}[.؟!])(?=[{ARABIC}]{{2}})"
)
# A number alone with its full stop is a list's ordinal ("1. الانسحاب"), not a sentence.
ORDINAL = re.compile(r"\d+[.]")
CLAUSE_BOUNDARY = re.compile(r"(?<=[،,؛;:])\s+")

MAX_WORDS = 60
MAX_SENTENCES = 3


def sentences(text: str) -> list[str]:
    found: list[str] = []
    for part in filter(None, (part.strip() for part in SENTENCE_BOUNDARY.split(text))):
        if found and ORDINAL.fullmatch(found[-1]):
            found[-1] = f"{found[-1]} {part}"
        else:
            found.append(part)
    return found


def first_words(text: str, count: int) -> str:
    """The text up to the end of its count-th word, words counted as everywhere else (text.words)."""
    ends = [match.end() for match in WORD.finditer(text)]
    return text if len(ends) <= count else text[: ends[count - 1]] if count > 0 else ""


def lead(paragraphs: list[str], max_words: int = MAX_WORDS) -> str:
    """The baseline: the opening words of the text, cut at the budget."""
    return first_words(" ".join(paragraphs), max_words)


def summarise(paragraphs: list[str], max_words: int = MAX_WORDS, max_sentences: int | None = MAX_SENTENCES) -> str:
    """Two or three opening sentences; a long sentence is cut at a clause boundary and marked with …"""
    chosen: list[str] = []
    budget = max_words
    for sentence in (s for paragraph in paragraphs for s in sentences(paragraph)):
        if (max_sentences and len(chosen) == max_sentences) or budget <= 0:
            break
        length = len(words(sentence))
        if length <= budget:
            chosen.append(sentence)
            budget -= length
        else:
            cut = _cut_at_clause(sentence, budget)
            if not chosen or len(words(cut)) >= MIN_TAIL:  # a short tail fragment adds nothing readable
                chosen.append(cut)
            break
    return " ".join(chosen)


# A clause cut may leave part of the budget unused; below this share of it, cut at a word instead.
CLAUSE_KEEP = 0.8
MIN_TAIL = 4


def _cut_at_clause(sentence: str, budget: int) -> str:
    """The sentence cut to the budget: at its last clause boundary that keeps most of the budget, else at a word."""
    kept: list[str] = []
    for clause in CLAUSE_BOUNDARY.split(sentence):
        if len(words(" ".join(kept + [clause]))) > budget:
            break
        kept.append(clause)
    if len(words(" ".join(kept))) < CLAUSE_KEEP * budget:
        kept = [first_words(sentence, budget)]
    return " ".join(kept).rstrip("،,؛;: ") + " …"
