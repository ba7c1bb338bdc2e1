"""Dates in words, per language, from the languages/<lang>.yml data: as precise as the value, never more."""

from __future__ import annotations

import pytest

from hiwar.model.dates import parse_date_value
from hiwar.site.dateformat import format_date, html_datetime, precision_label
from hiwar.site.editions import PACKAGE_LANGUAGES, load_table


def load_dates(lang: str, folder=PACKAGE_LANGUAGES):
    return load_table(lang, [folder]).section("dates")


ENGLISH, ARABIC = load_dates("en"), load_dates("ar")


def words(text: str | None, dates) -> str:
    return format_date(parse_date_value(text, 2027) if text else None, dates)


@pytest.mark.parametrize(
    "text,english",
    [
        ("2021-05-03", "3 May 2021"),
        ("2021-05", "May 2021"),
        ("2021", "2021"),
        ("2024-01-30/2024-02-02", "between 30 January and 2 February 2024"),
        ("2021-07-26/2021-07-31", "between 26 and 31 July 2021"),
        ("2023-12-30/2024-01-02", "between 30 December 2023 and 2 January 2024"),
        ("2021-07/2021-08", "between July and August 2021"),
        ("2021-12/2022-01", "between December 2021 and January 2022"),
        ("2020/2021", "between 2020 and 2021"),
        ("2021-07-26/2021-08", "between 26 July and August 2021"),
        ("2021-07-01/2021-08", "between 1 July and August 2021"),  # a day and a month of one year: the year once
        (None, "Date unknown"),
    ],
)
def test_english_dates_in_words(text, english):
    assert words(text, ENGLISH) == english


@pytest.mark.parametrize(
    "text,arabic",
    [
        ("2021-05-03", "3 أيار/مايو 2021"),
        ("2020-08", "آب/أغسطس 2020"),
        ("2024", "2024"),
        ("2024-01-30/2024-02-02", "بين 30 كانون الثاني/يناير و2 شباط/فبراير 2024"),
        ("2021-07-26/2021-07-31", "بين 26 و31 تموز/يوليو 2021"),
        ("2023-12-30/2024-01-02", "بين 30 كانون الأول/ديسمبر 2023 و2 كانون الثاني/يناير 2024"),
        ("2021-07/2021-08", "بين تموز/يوليو وآب/أغسطس 2021"),
        (None, "تاريخ غير معروف"),
    ],
)
def test_arabic_dates_in_words_with_levantine_and_gregorian_months(text, arabic):
    assert words(text, ARABIC) == arabic


@pytest.mark.parametrize(
    "text,english,arabic",
    [
        ("2021-05-03", "day", "اليوم"),
        ("2021-05", "month", "الشهر"),
        ("2021", "year", "السنة"),
        ("2024-01-30/2024-02-02", "window between two dates", "فترة بين تاريخين"),
    ],
)
def test_each_kind_of_date_has_a_precision_label_per_language(text, english, arabic):
    value = parse_date_value(text, 2027)
    assert (precision_label(value, ENGLISH), precision_label(value, ARABIC)) == (english, arabic)
    assert precision_label(None, ENGLISH) is None


FRENCH = """
dates:
  months: [janvier, février, mars, avril, mai, juin, juillet, août, septembre, octobre, novembre, décembre]
  day: "{day} {month} {year}"
  month: "{month} {year}"
  year: "{year}"
  between: "entre {start} et {end}"
  start: {day: "le {day} {month} {year}", day_same_year: "le {day} {month}", day_same_month: "le {day}",
          month: "{month} {year}", month_same_year: "{month}", year: "{year}"}
  end: {day: "le {day} {month} {year}", month: "{month} {year}", year: "{year}"}
  unknown: Date inconnue
  precision: {day: jour, month: mois, year: année, range: période}
"""


def test_a_third_language_is_a_new_file_not_new_code(tmp_path):
    (tmp_path / "fr.yml").write_text(FRENCH, encoding="utf-8")
    french = load_dates("fr", tmp_path)
    assert words("2021-05-03", french) == "3 mai 2021"
    assert words("2021-07-26/2021-07-31", french) == "entre le 26 et le 31 juillet 2021"
    assert words("2024-01-30/2024-02-02", french) == "entre le 30 janvier et le 2 février 2024"
    assert words("2021-07/2021-08", french) == "entre juillet et août 2021"
    assert words(None, french) == "Date inconnue"


@pytest.mark.parametrize(
    "text,datetime",
    [
        ("2021-05-03", "2021-05-03"),
        ("2021-05", "2021-05"),
        ("2021", "2021"),
        ("2021-07-26/2021-07-31", "2021-07"),
        ("2024-01-30/2024-02-02", "2024"),
        ("2023-12-30/2024-01-02", None),
    ],
)
def test_html_datetime_says_as_much_as_html_can_and_never_a_padded_day(text, datetime):
    assert html_datetime(parse_date_value(text, 2027)) == datetime
