"""ROUGE-N F1 on Arabic tokens.

rouge_score and HF evaluate keep only [a-z0-9] and score Arabic as 0, so tokens here are
Arabic-aware words, folded (hamza, alef maqsura, taa marbuta…) on both sides, because the
EASC references are hamza-normalised.
"""

from __future__ import annotations

from collections import Counter

from hiwar.knowledge.text import word_keys


def ngrams(tokens: list[str], n: int) -> Counter:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def rouge_f1(candidate: str, reference: str, n: int) -> float:
    cand, ref = ngrams(word_keys(candidate), n), ngrams(word_keys(reference), n)
    overlap = sum((cand & ref).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(cand.values()), overlap / sum(ref.values())
    return 2 * precision * recall / (precision + recall)
