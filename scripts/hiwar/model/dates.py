"""Dates as precise as the evidence: a day, a month, a year, or an interval between two of those.

The notation is EDTF level 1 (ISO 8601-2): 2021-05-03, 2021-05, 2021, and intervals such as
2024-01-30/2024-02-02, 2021-07/2021-08 or 2020/2021, whose ends may differ in precision
(2021-07/2021-08-27). A value is never padded: "2021" is the whole year, not 1 January. An interval touches at
most MAX_INTERVAL_YEARS calendar years, whoever makes it.

Both kinds share one API (DateValue): edtf(), first_day(), last_day(), precision, sort_key(),
years(), enclosing(), feed_datetime(), contains(). parse_date_value() reads any of them.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

DAY, MONTH, YEAR, RANGE = "day", "month", "year", "range"

# One end: 2021-05-03, 2021-05 or 2021 (four-digit years, as EDTF level 0/1 writes them).
PARTIAL_DATE = r"(?P<{0}year>\d{{4}})(?:-(?P<{0}month>\d{{2}})(?:-(?P<{0}day>\d{{2}}))?)?"
SINGLE_DATE = re.compile(PARTIAL_DATE.format(""))
DATE_INTERVAL = re.compile(PARTIAL_DATE.format("start_") + "/" + PARTIAL_DATE.format("end_"))
FORMS = "2021-05-03, 2021-05, 2021 or an interval such as 2024-01-30/2024-02-02"
# The most calendar years an interval may touch. The archive covers 2020-2024: a window wider than twice that does not
# estimate when an article was written, it says the date is unknown. And a date files its article under every year
# it touches (a listing page per year and edition), so this also bounds what one date can cost.
MAX_INTERVAL_YEARS = 10


class DateValue:
    """What PartialDate and DateRange have in common; everything here follows from the first and last day."""

    __slots__ = ()

    @property
    def precision(self) -> str:
        """ "day", "month", "year" or "range"."""
        raise NotImplementedError

    def first_day(self) -> dt.date:
        raise NotImplementedError

    def last_day(self) -> dt.date:
        raise NotImplementedError

    def edtf(self) -> str:
        raise NotImplementedError

    def iso(self) -> str:
        """The ISO 8601 form (ISO 8601-2 for an interval): the same text as edtf()."""
        return self.edtf()

    def sort_key(self) -> tuple[int, int]:
        """Ascending by last day, then first day (day ordinals): reversed, it lists the newest first."""
        return (self.last_day().toordinal(), self.first_day().toordinal())

    def years(self) -> range:
        """The calendar years the value touches."""
        return range(self.first_day().year, self.last_day().year + 1)

    def enclosing(self) -> PartialDate | None:
        """The smallest day, month or year that holds the whole value; None when it runs across years (no single
        year holds it: years() lists the ones it touches)."""
        first, last = self.first_day(), self.last_day()
        if first == last:
            return PartialDate(first.year, first.month, first.day)
        if (first.year, first.month) == (last.year, last.month):
            return PartialDate(first.year, first.month)
        if first.year == last.year:
            return PartialDate(first.year)
        return None

    def feed_datetime(self) -> str:
        """RFC 3339 timestamp for feeds that want one: noon UTC of the first day, a moment inside the value."""
        return f"{self.first_day().isoformat()}T12:00:00Z"

    def contains(self, other: DateValue) -> bool:
        """Whether every day of `other` is a day of this value."""
        return self.first_day() <= other.first_day() and other.last_day() <= self.last_day()

    @staticmethod
    def parse(text: str, latest_year: int) -> DateValue:
        return parse_date_value(text, latest_year)


@dataclass(frozen=True)
class PartialDate(DateValue):
    """A day, a month or a year."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        return DAY if self.day else MONTH if self.month else YEAR

    def edtf(self) -> str:
        """2021-05-03, 2021-05 or 2021: only as much as is known."""
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        if self.day:
            return dt.date(self.year, self.month or 1, self.day)
        month = self.month or 12
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    @classmethod
    def checked(cls, year: int, month: int | None = None, day: int | None = None) -> PartialDate:
        if not 1 <= year <= dt.MAXYEAR:
            raise ValueError(f"year {year} does not exist (years run from 1 to {dt.MAXYEAR})")
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"month {month} does not exist")
        if day is not None:
            if month is None:
                raise ValueError(f"a day needs its month ({year:04d}-??-{day:02d})")
            try:
                dt.date(year, month, day)
            except ValueError:
                raise ValueError(
                    f"{year:04d}-{month:02d}-{day:02d} does not exist (day is out of range for month)"
                ) from None
        return cls(year, month, day)


class IntervalTooWide(ValueError):
    """An interval that touches more than MAX_INTERVAL_YEARS calendar years."""


@dataclass(frozen=True)
class DateRange(DateValue):
    """An interval: known to lie between its start and its end, both included (EDTF level 1 'start/end')."""

    start: PartialDate
    end: PartialDate

    def __post_init__(self) -> None:
        start, end = self.start, self.end
        if start == end:
            raise ValueError(f"{self.edtf()} starts and ends on the same date: write {start.edtf()}")
        if end.last_day() < start.first_day():
            raise ValueError(f"{self.edtf()} ends ({end.edtf()}) before it starts ({start.edtf()})")
        # Ends may differ in precision (2021-07-26/2021-08), but one may not lie inside the other (2021-07/2021-07-20):
        # which days would it mean?
        if end.first_day() < start.first_day() or end.last_day() < start.last_day():
            inner, outer = (end, start) if start.contains(end) else (start, end)
            raise ValueError(
                f"{self.edtf()}: {inner.edtf()} lies inside {outer.edtf()}; "
                "give ends that follow each other, like 2021-07-01/2021-07-20"
            )
        years = end.year - start.year + 1
        if years > MAX_INTERVAL_YEARS:
            raise IntervalTooWide(
                f"{self.edtf()} touches {years} calendar years ({start.year} to {end.year}); an interval "
                f"may touch at most {MAX_INTERVAL_YEARS}: a wider one does not date anything"
            )

    precision = RANGE

    def edtf(self) -> str:
        return f"{self.start.edtf()}/{self.end.edtf()}"

    def first_day(self) -> dt.date:
        return self.start.first_day()

    def last_day(self) -> dt.date:
        return self.end.last_day()


def between(first: dt.date, last: dt.date) -> DateValue:
    """The value that is exactly the days first…last: a day, month or year when they make one, else an interval.

    Both ends are written as months (or years) when the days run over whole months (or years):
    1 July – 31 August 2021 is 2021-07/2021-08, never padded and never cut.
    """
    if last < first:
        raise ValueError(f"{last.isoformat()} is before {first.isoformat()}")
    whole_months = first.day == 1 and last.day == calendar.monthrange(last.year, last.month)[1]
    whole_years = whole_months and first.month == 1 and last.month == 12
    if whole_years:
        start, end = PartialDate(first.year), PartialDate(last.year)
    elif whole_months:
        start, end = PartialDate(first.year, first.month), PartialDate(last.year, last.month)
    else:
        start, end = PartialDate(first.year, first.month, first.day), PartialDate(last.year, last.month, last.day)
    return start if start == end else DateRange(start, end)


def next_year(today: dt.date | None = None) -> int:
    """The latest year a date may name, as callers pass it: next year, so that a date just ahead of the build's clock
    passes and a mistyped year (2201) does not."""
    return (today or dt.date.today()).year + 1


def parse_date_value(text: str, latest_year: int) -> DateValue:
    """A day, month, year or interval of those (EDTF level 1), or ValueError saying what is wrong.

    Years before 1 or after latest_year (callers pass next year) are refused, as are impossible
    days, reversed intervals, intervals that start and end on the same date and intervals that touch
    more than MAX_INTERVAL_YEARS calendar years.
    """
    text = str(text).strip()
    single = SINGLE_DATE.fullmatch(text)
    interval = DATE_INTERVAL.fullmatch(text)
    if not (single or interval):
        if text.count("/") == 1 and ".." in text or text.endswith("/") or text.startswith("/"):
            raise ValueError(f"{text!r} is an open interval: give both ends, like 2024-01-30/2024-02-02")
        raise ValueError(f"{text!r} is not a date like {FORMS}")
    if single:
        ends = [_from_groups(single, "")]
    else:
        assert interval is not None  # one of the two matched (above)
        ends = [_from_groups(interval, "start_"), _from_groups(interval, "end_")]
    for end in ends:
        if end.year > latest_year:
            raise ValueError(f"{text}: year {end.year} is after {latest_year}, the latest year a date may name")
    if single:
        return ends[0]
    try:
        return DateRange(*ends)
    except IntervalTooWide:
        raise
    except ValueError as err:
        raise ValueError(f"{err} (an interval is written start/end)") from None


def _from_groups(match: re.Match[str], prefix: str) -> PartialDate:
    year, month, day = (
        int(part) if part else None for part in match.group(f"{prefix}year", f"{prefix}month", f"{prefix}day")
    )
    assert year is not None  # the pattern requires the year
    return PartialDate.checked(year, month, day)
