"""The automatic summary (knowledge/summary.py): the article's opening sentences within a word budget, a long
sentence cut at a clause and marked with "…"; sentences end where Arabic news text ends them, not at every full stop."""

from __future__ import annotations

import pytest

from hiwar.knowledge.summary import MAX_WORDS, first_words, lead, sentences, summarise
from hiwar.knowledge.text import words


@pytest.mark.parametrize(
    "text,expected",
    [
        ("هل انتهى؟ نعم! ربما… لا", ["هل انتهى؟", "نعم!", "ربما…", "لا"]),
        # a sentence that ends with a number or a year, before a word
        (
            "خفضت عدد قواتها نهاية عام 2020. وجاء ذلك في إطار إنهاء الحروب.",
            ["خفضت عدد قواتها نهاية عام 2020.", "وجاء ذلك في إطار إنهاء الحروب."],
        ),
        # a year followed by its era letter: م. هـ. ق.م.
        ("اتفاق عام 2008 م. وأضاف أن الحوار مستمر", ["اتفاق عام 2008 م.", "وأضاف أن الحوار مستمر"]),
        ("عام 1783م. اتسعت المدينة", ["عام 1783م.", "اتسعت المدينة"]),
        ("في عام 1445هـ. وبعده", ["في عام 1445هـ.", "وبعده"]),
        ("سنة 500 ق.م. وبعدها", ["سنة 500 ق.م.", "وبعدها"]),
        # a scrape that lost the space after a full stop, between two Arabic words
        ("تغيرت الحياة.يؤمن الناس بالتغيير.", ["تغيرت الحياة.", "يؤمن الناس بالتغيير."]),
        # a quotation ending the sentence
        ("قال: «انتهى الأمر.» ثم مضى", ["قال: «انتهى الأمر.»", "ثم مضى"]),
    ],
)
def test_sentences_end_where_the_text_ends_them(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "وقال د. أحمد العلي إن القرار نهائي",  # an abbreviation: a single letter and its full stop
        "ارتفعت النسبة إلى 3.5 بالمئة هذا العام",  # a decimal point
        "قالت U.S. Army إن example.com يعمل",  # Latin is left alone
        "بين الأول، والثاني؛ والثالث: والرابع",  # the Arabic comma, semicolon and colon end clauses, not sentences
        "وقع الاتفاق في 3. 5. 2021 في بغداد",  # a number after a number's full stop: a date written with dots
    ],
)
def test_a_full_stop_inside_a_sentence_does_not_end_it(text):
    assert sentences(text) == [text]


def test_a_list_ordinal_stays_with_its_item():
    assert sentences("1. الانسحاب الكامل. 2. البقاء المحدود") == ["1. الانسحاب الكامل.", "2. البقاء المحدود"]


def test_the_first_words_are_cut_after_the_last_one_counted():
    text = "بدأت الجولة، في بغداد (أمس) وانتهت."
    assert first_words(text, 3) == "بدأت الجولة، في"
    assert first_words(text, 0) == "" and first_words(text, 50) == text


def test_the_lead_baseline_is_the_opening_words_across_paragraphs():
    assert lead(["الأولى الثانية", "الثالثة الرابعة"], max_words=3) == "الأولى الثانية الثالثة"


# The texts of two scraped articles (they were tests of whole conversions; the summary is this module's).
CLAUSES = "، ".join(f"وناقش الطرفان الملف رقم {n} من ملفات الحوار الاستراتيجي بين البلدين" for n in range(1, 9))
CUT_AT_A_CLAUSE = [
    "بدأت في بغداد جولة جديدة من الحوار الاستراتيجي.وحضر الجلسة وزيرا خارجية البلدين.",
    f"{CLAUSES}.",
    "وسيصدر بيان مشترك في ختام الجولة.",
]
ENDS_WITH_NUMBERS = [
    "خفضت الولايات المتحدة عدد قواتها في العراق إلى 2500 جندي نهاية عام 2020. وجاء ذلك في إطار إنهاء الحروب الطويلة.",
    "وقال د. أحمد العلي إن القرار يعود إلى اتفاق عام 2008 م. وأضاف أن الحوار سيستمر في الجولات المقبلة بين البلدين حتى "
    "يتفق الطرفان على جدول زمني واضح لانسحاب القوات المقاتلة ولبقاء المستشارين والمدربين وفق ما تطلبه الحكومة.",
]


def test_a_summary_is_the_opening_sentences_and_a_long_one_cut_at_a_clause():
    summary = summarise(CUT_AT_A_CLAUSE)
    assert summary.startswith(
        "بدأت في بغداد جولة جديدة من الحوار الاستراتيجي. وحضر الجلسة وزيرا خارجية البلدين. وناقش الطرفان الملف رقم 1"
    )
    assert summary.endswith("الملف رقم 4 من ملفات الحوار الاستراتيجي بين البلدين …")  # whole clauses, never mid-clause
    assert 0.8 * MAX_WORDS <= len(words(summary)) <= MAX_WORDS
    assert "وسيصدر" not in summary


def test_a_summary_keeps_sentences_that_end_with_a_number_a_year_or_an_abbreviation_whole():
    assert summarise(ENDS_WITH_NUMBERS) == (
        "خفضت الولايات المتحدة عدد قواتها في العراق إلى 2500 جندي نهاية عام 2020. "
        "وجاء ذلك في إطار إنهاء الحروب الطويلة. وقال د. أحمد العلي إن القرار يعود إلى اتفاق عام 2008 م."
    )


def test_a_summary_is_at_most_three_sentences():
    assert (
        summarise(["الأولى قصيرة.", "الثانية قصيرة. الثالثة قصيرة. الرابعة قصيرة."])
        == "الأولى قصيرة. الثانية قصيرة. الثالثة قصيرة."
    )


def test_a_sentence_without_a_clause_boundary_near_the_budget_is_cut_at_a_word():
    long = " ".join(["كلمة"] * 100) + "، ونهاية."
    assert summarise([long]) == " ".join(["كلمة"] * MAX_WORDS) + " …"
    # a clause boundary too early (it would leave most of the budget unused) is no place to cut either
    early = " ".join(["أولى"] * 10) + "، " + " ".join(["كلمة"] * 100) + "."
    assert summarise([early]) == " ".join(["أولى"] * 10) + "، " + " ".join(["كلمة"] * (MAX_WORDS - 10)) + " …"


def test_a_tail_too_short_to_read_is_left_out_but_a_first_sentence_is_always_cut_to_the_budget():
    opening = " ".join(["كلمة"] * (MAX_WORDS - 2)) + "."
    assert summarise([opening, "ثم جملة طويلة، تليها كلمات كثيرة جدا حتى آخرها."]) == opening
    assert summarise(["ثم جملة طويلة، تليها كلمات كثيرة جدا حتى آخرها."], max_words=3) == "ثم جملة طويلة …"


def test_an_empty_text_has_an_empty_summary():
    assert summarise([]) == "" and summarise([""]) == ""
