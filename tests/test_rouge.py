"""ROUGE-N F1 on Arabic words (tools/rouge.py), for the summary benchmark: Arabic-aware tokens, folded on both sides."""

from __future__ import annotations

import pytest

from hiwar_tools.rouge import ngrams, rouge_f1


def test_ngrams_count_each_run_of_n_words():
    assert ngrams(["a", "b", "a", "b"], 2) == {("a", "b"): 2, ("b", "a"): 1}
    assert ngrams(["a"], 2) == {}


def test_the_same_text_scores_one_and_a_text_sharing_nothing_scores_zero():
    assert rouge_f1("الحوار الاستراتيجي بين بغداد وواشنطن", "الحوار الاستراتيجي بين بغداد وواشنطن", 2) == 1.0
    assert rouge_f1("الحوار الاستراتيجي", "انتخابات مبكرة", 1) == 0.0
    assert rouge_f1("", "انتخابات", 1) == 0.0


def test_spellings_that_fold_alike_count_as_the_same_word():
    assert rouge_f1("أمريكا إيران", "امريكا ايران", 1) == 1.0  # the references are hamza-normalised


def test_the_score_is_the_f1_of_precision_and_recall():
    # candidate 2 words, reference 4, one shared: precision 1/2, recall 1/4
    assert rouge_f1("بغداد طهران", "بغداد واشنطن لندن باريس", 1) == pytest.approx(2 * 0.5 * 0.25 / 0.75)
