"""Publication dates with a precision: a day, a month or a year."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

DAY, MONTH, YEAR = "day", "month", "year"


@dataclass(frozen=True, order=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        return DAY if self.day else MONTH if self.month else YEAR

    def iso(self) -> str:
        """2021-05-03, 2021-05 or 2021: only as much as is known."""
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    @classmethod
    def parse_iso(cls, value: str) -> "PartialDate":
        """Parse 2021-05-03, 2021-05 or 2021; ValueError on anything else or an impossible date."""
        match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip())
        if not match:
            raise ValueError(f"{value!r} is not a date like 2021-05-03, 2021-05 or 2021")
        year, month, day = (int(part) if part else None for part in match.groups())
        return cls.checked(year, month, day)

    @classmethod
    def checked(cls, year: int, month: int | None = None, day: int | None = None) -> "PartialDate":
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"month {month} does not exist")
        if day is not None:
            try:
                dt.date(year, month, day)
            except ValueError:
                raise ValueError(f"{year:04d}-{month:02d}-{day:02d} does not exist (day is out of range for month)") from None
        return cls(year, month, day)


# The year a date value starts with, checked before the rest: a year 0 would otherwise read as a missing day.
_LEADING_YEAR = re.compile(r"\s*(\d{4})")


def parse_date_value(text: str, latest_year: int) -> PartialDate:
    """A date an editorial file gives (NAME.yml `date: value:`, events.yml `date:`), checked.

    2021-05-03, 2021-05 or 2021; years before 1 or after `latest_year` (the current year + 1) are refused.
    ValueError with a message saying what is wrong. The one entry point for such values: its body may
    learn more forms (EDTF intervals), its name and signature stay.
    """
    leading = _LEADING_YEAR.match(text)
    if leading and not 1 <= int(leading.group(1)) <= latest_year:
        raise ValueError(f"year {leading.group(1)} is out of range (years 0001 to {latest_year} are accepted)")
    return PartialDate.parse_iso(text)
