"""Arabic text helpers (knowledge/text.py) and the spelling rules they read (knowledge/rules.py): a matching key
that folds the spelling variation of news text away, words as the rest of the code counts them, and the share of
Arabic letters a seed must have."""

from __future__ import annotations

import re

import pytest

from hiwar.knowledge.rules import char_class, code_points, rules
from hiwar.knowledge.text import BULLET, SPEAKER, arabic_share, fold, strip_marks, word_keys, words


@pytest.mark.parametrize(
    "written,key",
    [
        ("أحمد إبراهيم آل ٱلعبد", "احمد ابراهيم ال العبد"),  # hamza and alef forms
        ("مصطفى", "مصطفي"),
        ("فیلق", "فيلق"),
        ("رئيس", "رييس"),
        ("مؤتمر", "موتمر"),  # yeh forms, hamza seats
        ("الجمهورية", "الجمهوريه"),
        ("کردستان", "كردستان"),  # taa marbuta, Persian kaf
        ("الحِوارُ الاسْتراتيجيّ", "الحوار الاستراتيجي"),
        ("الحـــوار", "الحوار"),  # tashkeel, tatweel
        ("عام ٢٠٢١ و۱۴۰۰", "عام 2021 و1400"),  # Arabic-Indic and Persian digits
        ("ﻻ", "لا"),
        ("NATO Biden", "nato biden"),  # a presentation form; Latin lower-cased
    ],
)
def test_the_matching_key_folds_spelling_variation_away(written, key):
    assert fold(written) == key


def test_marks_are_stripped_without_folding_letters():
    assert strip_marks("إِنَّ الحـوارَ") == "إن الحوار"


def test_words_are_runs_of_letters_marks_and_digits_with_inner_apostrophes():
    assert words("قال: «الحوار» (2021) O'Brien’s — U.S.") == ["قال", "الحوار", "2021", "O'Brien’s", "U", "S"]
    assert word_keys("الحِوارُ، الإستراتيجيّ") == ["الحوار", "الاستراتيجي"]  # a mark inside a word keeps it whole


def test_the_arabic_share_counts_letters_only():
    assert arabic_share("الحوار 2021 !!!") == 1.0
    assert arabic_share("Biden بايدن") == pytest.approx(5 / 10)
    assert arabic_share("2021 — ...") == 0.0


def test_a_bullet_gives_its_indentation_and_text_and_a_speaker_label_is_recognised():
    match = BULLET.match("    • تصعيد داخلي")
    assert (match.group("indent"), match.group("text")) == ("    ", "تصعيد داخلي")
    assert BULLET.match("تصعيد • داخلي") is None
    assert all(SPEAKER.match(line) for line in ("س: ما رأيك؟", "ج/ نعم", "سؤال: لماذا؟", "Q: Why?", "A: Yes"))
    assert not SPEAKER.match("سوريا: الحدود")


def test_code_points_and_character_classes_are_written_for_python_and_javascript_alike():
    assert code_points("U+0610..U+061A") == (0x610, 0x61A) and code_points("U+0670") == (0x670, 0x670)
    assert char_class(["U+0610..U+061A", "U+0670"]) == "[\\u0610-\\u061a\\u0670]"
    assert char_class("U+0640") == "[\\u0640]"
    assert re.fullmatch(char_class(["U+064B..U+065F"]), "\u064e")


def test_the_rules_are_read_once_from_their_file():
    assert rules() is rules()
    assert set(rules()) == {"fold", "words", "matching", "languages"}
    assert set(rules()["languages"]) == {"ar", "en"}  # by language code; any other language gets folding only
