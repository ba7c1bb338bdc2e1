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
