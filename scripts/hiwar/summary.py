"""Automatic extractive summary: the article's opening sentences, within a word budget."""
from __future__ import annotations

import re

from .text import words

# Sentence ends: . ! ? ؟ and the ellipsis, never the Arabic comma or a colon.
# A full stop after a single letter or a digit is an abbreviation or a number ("د. أحمد", "3.5").
SENTENCE_BOUNDARY = re.compile(r"(?<=[^\W\d_]{2}[.!?؟…])\s+|(?<=[!?؟])\s+|(?<=[.!?؟][\"”»')])\s+")
CLAUSE_BOUNDARY = re.compile(r"(?<=[،,؛;:])\s+")

MAX_WORDS = 60
MAX_SENTENCES = 3


def sentences(text: str) -> list[str]:
    return [part.strip() for part in SENTENCE_BOUNDARY.split(text) if part.strip()]


def summarise(paragraphs: list[str], max_words: int = MAX_WORDS, max_sentences: int = MAX_SENTENCES) -> str:
    """Two or three opening sentences; a long sentence is cut at a clause boundary and marked with …"""
    chosen: list[str] = []
    budget = max_words
    for sentence in (s for paragraph in paragraphs for s in sentences(paragraph)):
        if len(chosen) == max_sentences or budget <= 0:
            break
        length = len(words(sentence))
        if length <= budget:
            chosen.append(sentence)
            budget -= length
        else:
            cut = _cut_at_clause(sentence, budget)
            if cut and (not chosen or len(words(cut)) >= 8):
                chosen.append(cut)
            break
    return " ".join(chosen)


def _cut_at_clause(sentence: str, budget: int) -> str:
    clauses = CLAUSE_BOUNDARY.split(sentence)
    kept: list[str] = []
    for clause in clauses:
        if len(words(" ".join(kept + [clause]))) > budget:
            break
        kept.append(clause)
    if not kept:  # one clause longer than the budget: cut at a word
        kept = [" ".join(sentence.split()[:budget])]
    return " ".join(kept).rstrip("،,؛;: ") + " …"
