"""What the citation tests expect of every article, read from the editorial files themselves (not from the site's
code), and the rule every machine-readable date must keep."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from conftest import ROOT
from hiwar.model.dates import DateValue, PartialDate, parse_date_value

SITE_URL = "https://hiwar.example.org/"
STEMS = sorted(path.stem for path in (ROOT / "seeds").glob("*.txt"))
EDITIONS = {"ar": "", "en": "en/"}  # language -> folder
OG_LOCALES = {"ar": "ar_AR", "en": "en_GB"}


@dataclass(frozen=True)
class Expected:
    stem: str
    title: dict[str, str]
    date: DateValue
    author: dict[str, str] | None
    publisher: dict[str, str] | None

    def url(self, lang: str) -> str:
        return f"{SITE_URL}{EDITIONS[lang]}articles/{self.stem}/"

    def page(self, site: Path, lang: str) -> Path:
        return site / f"{EDITIONS[lang]}articles/{self.stem}/index.html"


def expected(stem: str) -> Expected:
    data = yaml.safe_load((ROOT / "editorial" / f"{stem}.yml").read_text(encoding="utf-8"))
    return Expected(
        stem,
        {lang: data["title"][lang] for lang in EDITIONS},
        parse_date_value(str(data["date"]["value"]), 2100),
        data.get("author"),
        data.get("publisher"),
    )


ARTICLES = [expected(stem) for stem in STEMS]

# A date as the formats write it: 2021, 2021-07, 2021-07-25 (or with slashes, as Highwire and RIS do), optionally
# with a time (feeds); an interval is two of those joined by "/" (EDTF, in CSL-JSON and biblatex).
SINGLE = re.compile(
    r"(?P<year>\d{4})(?:[-/](?P<month>\d{2})(?:[-/](?P<day>\d{2})(?:T[\d:.]+(?:Z|[+-]\d\d:\d\d))?)?)?/*"
)


def parse_machine_date(text: str) -> PartialDate:
    match = SINGLE.fullmatch(text.strip())
    assert match, f"{text!r} is not a machine-readable date"
    return PartialDate(*(int(part) if part else None for part in match.group("year", "month", "day")))


def assert_honest(text: str, value: DateValue, *, moment: bool = False) -> None:
    """A date a format states for an article dated `value`: the value itself, or a day, month or year that encloses
    it — never a day or month outside it. With `moment` (feeds, whose formats need a date-time), a day inside the
    value is also honest."""
    date = parse_machine_date(text)
    if moment and date.day is not None:
        assert value.first_day() <= date.first_day() <= value.last_day(), f"{text} lies outside {value.edtf()}"
        return
    assert date.contains(value), f"{text} states more than {value.edtf()} fixes (or lies outside it)"


def assert_exact(text: str, value: DateValue) -> None:
    """A format that can hold the value exactly (EDTF in biblatex, the JSON Feed's _hiwar.date) holds it exactly."""
    assert text == value.edtf(), f"{text} is not {value.edtf()}"


def days(value: DateValue) -> tuple[dt.date, dt.date]:
    return value.first_day(), value.last_day()
