"""Dates in words, per language, from data: the `dates:` section of site/languages/<lang>.yml.

"3 May 2021", "May 2021", "2021", "between 30 January and 2 February 2024", «بين 30 كانون
الثاني/يناير و2 شباط/فبراير 2024». The month names and patterns are the language's data, so a
new edition is a new YAML file, not new code. Machine-readable forms (EDTF, RFC 3339, HTML
datetime) come from the value itself, never from these words.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import datetime, timezone

from hiwar.model.dates import DAY, MONTH, DateRange, DateValue, PartialDate


def format_date(value: DateValue | None, dates: Mapping) -> str:
    """The value in words, exactly as precise as it is; `dates` is a language's `dates:` section."""
    if value is None:
        return dates["unknown"]
    if isinstance(value, DateRange):
        return _interval(value, dates)
    return _single(value, dates, dates)


def precision_label(value: DateValue | None, dates: Mapping) -> str | None:
    """What kind of date it is, in words ("day", "month", "year", a window): None when unknown."""
    return dates["precision"][value.precision] if value is not None else None


def html_datetime(value: DateValue | None) -> str | None:
    """A value for HTML's <time datetime>, which has no intervals: the smallest day, month or year that holds
    the value (2024 for 30 January – 2 February 2024), or None when it runs across years."""
    enclosing = value.enclosing() if value is not None else None
    return enclosing.iso() if enclosing else None


def _fields(date: PartialDate, dates: Mapping) -> dict:
    return {"day": date.day, "month": dates["months"][date.month - 1] if date.month else None, "year": date.year}


def _single(date: PartialDate, dates: Mapping, patterns: Mapping) -> str:
    return patterns[date.precision].format(**_fields(date, dates))


def _interval(value: DateRange, dates: Mapping) -> str:
    start, end = value.start, value.end
    form = start.precision
    # What the start shares with the end is written once, in the end; only what the end states can be shared.
    if start.year == end.year and form in (DAY, MONTH):
        shares_month = form == DAY and end.precision == DAY and start.month == end.month
        form = f"{form}_same_month" if shares_month else f"{form}_same_year"
    start_text = dates["start"][form].format(**_fields(start, dates))
    end_text = _single(end, dates, dates.get("end") or dates)
    return dates["between"].format(start=start_text, end=end_text)


def build_moment() -> datetime:
    """When the build ran, for what needs a moment and has none of its own: SOURCE_DATE_EPOCH when set (reproducible
    builds: https://reproducible-builds.org/specs/source-date-epoch/), else the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return datetime.fromtimestamp(int(epoch), timezone.utc) if epoch else datetime.now(timezone.utc)
