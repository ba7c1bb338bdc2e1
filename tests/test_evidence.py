"""Why a page gives its date, in the page's language (knowledge/evidence.py): the words come from
knowledge/evidence.yml, one entry per language with the same keys; the code fills them with values only."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from conftest import ROOT
from hiwar.knowledge.dating import Inference, Reason, infer_date
from hiwar.knowledge.events import Event, OfficeTerm, load_calendar
from hiwar.knowledge.evidence import date_line_evidence, explain, inferred_evidence, phrases
from hiwar.model.dates import PartialDate, parse_date_value
from hiwar.model.texts import Texts

CALENDAR = load_calendar(ROOT / "editorial" / "events.yml")
LATIN_LETTER = re.compile("[A-Za-z]")
# "Tomorrow, Monday, he meets President Biden at the White House": every kind of clue but a former office-holder.
TOMORROW = (
    "يتوجه رئيس الوزراء اليوم الأحد إلى واشنطن، ومن المقرر أن يلتقي يوم غد الإثنين الرئيس الأمريكي جو بايدن "
    "في البيت الأبيض."
)
THIS_MONTH = "سيزور رئيس الوزراء مصطفى الكاظمي واشنطن في 20 آب/أغسطس الجاري للقاء الرئيس الأمريكي ترامب."


def keys(table, prefix=""):
    return {f"{prefix}{key}" for key in table} | {
        k for key, value in table.items() if isinstance(value, dict) for k in keys(value, f"{prefix}{key}.")
    }


def test_every_language_has_the_same_words_and_the_same_placeholders():
    languages = phrases()
    assert set(languages) == {"ar", "en"}
    english = languages["en"]
    for lang, table in languages.items():
        assert keys(table) == keys(english), lang
        assert len(table["weekdays"]) == 7 and len(table["months"]) == 12
        for kind, pattern in table["reasons"].items():
            assert set(re.findall(r"\{(\w+)\}", pattern)) == set(re.findall(r"\{(\w+)\}", english["reasons"][kind])), (
                lang,
                kind,
            )


def test_every_kind_of_reason_dating_gives_has_words():
    source = (ROOT / "scripts" / "hiwar" / "knowledge" / "dating.py").read_text(encoding="utf-8")
    kinds = set(re.findall(r'Reason\(\s*"(\w+)"', source))
    assert len(kinds) == 11 and kinds == set(phrases()["en"]["reasons"])


def test_the_english_explanation_reads_as_it_always_has():
    evidence = inferred_evidence(infer_date(TOMORROW, CALENDAR), ("ar", "en"))
    assert evidence["en"] == (
        "Inferred automatically: the text places “President Joe Biden and Prime Minister Mustafa "
        "al-Kadhimi meet at the White House and agree to end the US combat mission by the end of "
        "2021” (2021-07-26, a Monday) tomorrow."
    )
    evidence = inferred_evidence(infer_date(THIS_MONTH, CALENDAR), ("ar", "en"))
    assert evidence["en"] == (
        "Inferred automatically: trump presidency is named as current (2017-01-20 to 2021-01-20); "
        "kadhimi premiership is named as current (2020-05-07 to 2022-10-27); “this month” is "
        "August 2020; 2020-08-20 is still to come; so it was written between 2020-08-01 and "
        "2020-08-19."
    )
    assert date_line_evidence("03/05/2021", ("en",)) == Texts(
        en="A line of the original gives the date (day/month/year)."
    )


def test_the_arabic_explanation_is_arabic_with_dates_in_words_and_quotes_the_sentences():
    inference = infer_date(THIS_MONTH, CALENDAR)
    arabic = inferred_evidence(inference, ("ar", "en"))["ar"]
    assert arabic.startswith("استُنتج تلقائياً: يذكر النص ولاية الرئيس دونالد ترامب قائمةً (من 20 كانون الثاني/يناير 2017")
    assert "«الشهر الجاري» هو آب/أغسطس 2020" in arabic and "إذن كُتب بين 1 آب/أغسطس 2020 و19 آب/أغسطس 2020" in arabic
    assert arabic.endswith(f"من النص: {THIS_MONTH}")
    assert not LATIN_LETTER.search(arabic) and not re.search(r"\d{4}-\d\d", arabic)  # no ISO date shown reversed
    unknown = inferred_evidence(infer_date("عقدت الجولة في 5 آذار 2020.", CALENDAR), ("ar",))["ar"]
    assert "لا يحدّ النص التاريخ إلا من جهة واحدة. لذلك يبقى التاريخ غير معروف." in unknown


def test_a_language_without_words_goes_without_and_a_text_without_clues_has_no_evidence():
    inference = infer_date(TOMORROW, CALENDAR)
    assert set(inferred_evidence(inference, ("ar", "en", "fr"))) == {"ar", "en"}
    assert inferred_evidence(inference, ("fr",)) == Texts()
    assert date_line_evidence("03/05/2021", ("fr",)) == Texts()
    assert inferred_evidence(infer_date("نص بلا أي تاريخ.", CALENDAR), ("ar", "en")) is None


def test_an_office_term_is_named_by_its_label_in_the_language_or_by_its_id():
    term = OfficeTerm("biden-presidency", dt.date(2021, 1, 20), None, (), (), Texts(ar="ولاية بايدن"))
    inference = Inference(None, ["…"], [Reason("named_as_current", {"term": term, "start": term.start, "end": None})])
    assert explain(inference, "en") == "biden presidency is named as current (2021-01-20 to now)"
    assert explain(inference, "ar") == "يذكر النص ولاية بايدن قائمةً (من 20 كانون الثاني/يناير 2021 إلى اليوم)"


def test_an_events_dates_and_a_months_are_given_as_the_language_writes_them():
    talks = Event("talks", parse_date_value("2025-03-10/2025-03-11", 2030), Texts(ar="المحادثات", en="The talks"), ())
    reasons = [
        Reason("event_to_come", {"event": talks, "event_date": talks.date}),
        Reason("date_reported", {"date": PartialDate(2025, 2)}),
    ]
    assert (
        explain(Inference(None, ["…"], reasons), "en") == "“The talks” (2025-03-10/2025-03-11) is still to come; "
        "February 2025 is reported"
    )
    assert explain(Inference(None, ["…"], reasons), "ar") == (
        "«المحادثات» (من 10 آذار/مارس 2025 إلى 11 آذار/مارس 2025) لم يحدث بعد؛ يروي النص ما جرى في شباط/فبراير 2025"
    )


@pytest.mark.parametrize("label", ["{event}", "{0}", "}{", "%s {weekday!r}"])
def test_a_label_is_a_value_never_a_pattern(label):
    event = Event("x", parse_date_value("2021-07-26", 2030), Texts(ar=label, en=label), ())
    inference = Inference(None, ["…"], [Reason("event_to_come", {"event": event, "event_date": event.date})])
    assert explain(inference, "en") == f"“{label}” (2021-07-26) is still to come"
    assert explain(inference, "ar").startswith(f"«{label}» (26 تموز/يوليو 2021)")
