"""The date model: a day, a month, a year, or an interval of those (EDTF level 1), never padded."""

from __future__ import annotations

import datetime as dt

import pytest

from hiwar.model.dates import (
    MAX_INTERVAL_YEARS,
    DateRange,
    DateValue,
    IntervalTooWide,
    PartialDate,
    between,
    next_year,
    parse_date_value,
)

LATEST = 2027  # what callers pass: the current year + 1


def parse(text: str) -> DateValue:
    return parse_date_value(text, LATEST)


@pytest.mark.parametrize(
    "text,precision,first,last",
    [
        ("2021-05-03", "day", "2021-05-03", "2021-05-03"),
        ("2021-05", "month", "2021-05-01", "2021-05-31"),
        ("2024-02", "month", "2024-02-01", "2024-02-29"),
        ("2021", "year", "2021-01-01", "2021-12-31"),
        ("2024-01-30/2024-02-02", "range", "2024-01-30", "2024-02-02"),
        ("2021-07/2021-08", "range", "2021-07-01", "2021-08-31"),
        ("2020/2021", "range", "2020-01-01", "2021-12-31"),
        ("2021-07-26/2021-08", "range", "2021-07-26", "2021-08-31"),  # ends of different precisions
        ("2023-12-30/2024-01-02", "range", "2023-12-30", "2024-01-02"),
    ],
)
def test_a_value_reads_back_as_written_and_spans_exactly_its_days(text, precision, first, last):
    value = parse(text)
    assert value.edtf() == text
    assert value.precision == precision
    assert (value.first_day().isoformat(), value.last_day().isoformat()) == (first, last)
    assert DateValue.parse(text, LATEST) == value


def test_partial_dates_keep_their_existing_behaviour():
    assert PartialDate(2021, 5).iso() == "2021-05" and PartialDate(2021).precision == "year"
    assert PartialDate.checked(2021, 5, 3) == parse("2021-05-03")
    with pytest.raises(ValueError, match="does not exist"):
        PartialDate.checked(2021, 2, 29)


@pytest.mark.parametrize(
    "text,message",
    [
        ("2021-02-30", "2021-02-30 does not exist"),
        ("2021-13", "month 13 does not exist"),
        ("30/02/2021", "'30/02/2021' is not a date"),
        ("3 May 2021", "is not a date like"),
        ("2024-02-02/2024-01-30", "ends (2024-01-30) before it starts (2024-02-02)"),
        ("2021-08/2021-07-26", "ends (2021-07-26) before it starts (2021-08)"),
        ("2021/2021-05", "2021/2021-05: 2021-05 lies inside 2021"),  # which days would it mean?
        ("2021-07/2021-07-20", "2021-07-20 lies inside 2021-07"),
        ("2021-07-20/2021-07", "2021-07-20 lies inside 2021-07"),
        ("2021-05/2021-05", "starts and ends on the same date: write 2021-05"),
        ("2021-05-03/2021-02-30", "2021-02-30 does not exist"),
        ("0000", "year 0 does not exist"),
        ("2028", "year 2028 is after 2027"),
        ("2026-12-30/2028-01-02", "year 2028 is after 2027"),
        ("2021/..", "open interval"),
        ("2021/", "open interval"),
        ("2021/2022/2023", "is not a date like"),
    ],
)
def test_an_impossible_value_is_refused_with_what_is_wrong(text, message):
    with pytest.raises(ValueError) as raised:
        parse(text)
    assert message in str(raised.value)


def test_callers_pass_next_year_as_the_latest():
    assert next_year(dt.date(2026, 12, 31)) == 2027
    assert parse_date_value("2027-01", next_year(dt.date(2026, 6, 1))).edtf() == "2027-01"


@pytest.mark.parametrize(
    "text,enclosing",
    [
        ("2021-05-03", "2021-05-03"),
        ("2021-05", "2021-05"),
        ("2021", "2021"),
        ("2021-07-26/2021-07-31", "2021-07"),  # inside one month: that month
        ("2024-01-30/2024-02-02", "2024"),  # inside one year: that year
        ("2021-07/2021-08", "2021"),
        ("2023-12-30/2024-01-02", None),  # across years: no day, month or year holds it
        ("2020/2021", None),
    ],
)
def test_enclosing_is_the_smallest_day_month_or_year_that_holds_the_value(text, enclosing):
    found = parse(text).enclosing()
    assert (found.edtf() if found else None) == enclosing
    if found:
        assert found.contains(parse(text))


@pytest.mark.parametrize(
    "text,years",
    [
        ("2021-05-03", [2021]),
        ("2021", [2021]),
        ("2023-12-30/2024-01-02", [2023, 2024]),
        ("2019/2021", [2019, 2020, 2021]),
    ],
)
def test_years_are_the_calendar_years_a_value_touches(text, years):
    assert list(parse(text).years()) == years


@pytest.mark.parametrize(
    "text", ["2021-05-03", "2021-05", "2021", "2024-01-30/2024-02-02", "2021-07/2021-08", "2020/2021"]
)
def test_the_feed_timestamp_is_noon_utc_of_the_first_day_inside_the_value(text):
    value = parse(text)
    stamp = value.feed_datetime()
    assert stamp == f"{value.first_day().isoformat()}T12:00:00Z"
    assert value.contains(parse(stamp[:10]))


def test_the_feed_timestamp_of_a_window_is_never_a_padded_first_of_january():
    assert parse("2024-01-30/2024-02-02").feed_datetime() == "2024-01-30T12:00:00Z"
    assert parse("2021-07-26/2021-08-27").feed_datetime() == "2021-07-26T12:00:00Z"


def test_contains():
    window = parse("2024-01-30/2024-02-02")
    assert window.contains(parse("2024-01-31")) and window.contains(window)
    assert not window.contains(parse("2024-02")) and parse("2024").contains(window)
    assert not parse("2024-01").contains(window)
    assert parse("2021-07/2021-08").contains(parse("2021-07-26/2021-08-27"))


def test_newest_first_orders_by_last_day_then_first_day():
    texts = ["2021", "2021-07-25", "2021-07", "2021-07-26/2021-09-30", "2020/2021", "2024-01-30/2024-02-02", "2020-08"]
    newest_first = sorted(texts, key=lambda text: parse(text).sort_key(), reverse=True)
    assert newest_first == [
        "2024-01-30/2024-02-02",
        "2021",
        "2020/2021",
        "2021-07-26/2021-09-30",
        "2021-07",
        "2021-07-25",
        "2020-08",
    ]


@pytest.mark.parametrize(
    "first,last,value",
    [
        ("2021-05-03", "2021-05-03", "2021-05-03"),
        ("2021-05-01", "2021-05-31", "2021-05"),
        ("2021-01-01", "2021-12-31", "2021"),
        ("2021-07-01", "2021-08-31", "2021-07/2021-08"),  # whole months are written as months
        ("2020-01-01", "2021-12-31", "2020/2021"),
        ("2021-07-26", "2021-09-30", "2021-07-26/2021-09-30"),
        ("2021-07-01", "2021-07-20", "2021-07-01/2021-07-20"),
    ],
)
def test_between_two_days_is_the_exact_value_of_those_days(first, last, value):
    found = between(dt.date.fromisoformat(first), dt.date.fromisoformat(last))
    assert found.edtf() == value
    assert (found.first_day().isoformat(), found.last_day().isoformat()) == (first, last)


def test_values_are_immutable_hashable_and_picklable():
    import pickle

    window = parse("2024-01-30/2024-02-02")
    assert pickle.loads(pickle.dumps(window)) == window
    assert len({window, parse("2024-01-30/2024-02-02"), parse("2024")}) == 2
    assert isinstance(window, DateRange) and isinstance(window, DateValue) and isinstance(parse("2024"), DateValue)
    with pytest.raises(AttributeError):
        window.start = PartialDate(2020)  # type: ignore[misc]


def test_an_interval_touches_at_most_ten_calendar_years():
    assert MAX_INTERVAL_YEARS == 10
    assert list(parse("2015/2024").years()) == list(range(2015, 2025))
    assert list(parse("2015-12-31/2024-01-01").years()) == list(range(2015, 2025))
    with pytest.raises(
        IntervalTooWide,
        match=r"^2014/2024 touches 11 calendar years \(2014 to 2024\); an interval may touch "
        r"at most 10: a wider one does not date anything$",
    ):
        parse("2014/2024")
    with pytest.raises(IntervalTooWide, match="^0001-01-01/2027-12-31 touches 2027 calendar years"):
        parse("0001-01-01/2027-12-31")
    with pytest.raises(IntervalTooWide):  # whoever builds one, not only the parser
        DateRange(PartialDate(2000), PartialDate(2024))
    with pytest.raises(IntervalTooWide):
        between(dt.date(2000, 1, 1), dt.date(2024, 12, 31))
