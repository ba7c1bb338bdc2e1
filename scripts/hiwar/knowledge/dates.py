"""Publication dates with a precision: what the text states, read as the text means it."""

from __future__ import annotations

import re

from hiwar.knowledge.text import fold
from hiwar.model.dates import PartialDate, next_year

# Month names as folded keys (see text.fold): Gregorian names and the Levantine/Iraqi ones.
MONTHS = {
    1: ("يناير", "كانون الثاني"),
    2: ("فبراير", "شباط"),
    3: ("مارس", "اذار"),
    4: ("ابريل", "نيسان"),
    5: ("مايو", "ايار"),
    6: ("يونيو", "حزيران"),
    7: ("يوليو", "تموز"),
    8: ("اغسطس", "اب"),
    9: ("سبتمبر", "ايلول"),
    10: ("اكتوبر", "تشرين الاول"),
    11: ("نوفمبر", "تشرين الثاني"),
    12: ("ديسمبر", "كانون الاول"),
}
MONTH_BY_NAME = {fold(name): number for number, names in MONTHS.items() for name in names}
_month_names = sorted(MONTH_BY_NAME, key=len, reverse=True)
# A month name is a whole word: "اب" (August) must not match the start of "ابو".
MONTH_NAME = "(?:" + "|".join(re.escape(n) for n in _month_names) + r")(?!\w)"
# "آب/أغسطس", "نيسان (أبريل)": two names for one month.
MONTH_PHRASE = rf"(?P<month>{MONTH_NAME})(?:\s*[/(]\s*{MONTH_NAME}(?:\s*\))?)?"

# A line that is only a date: "03/05/2021" (day/month/year, as Arab sites write it) or "3 مايو 2021".
NUMERIC_DATE_LINE = re.compile(r"^\s*(?P<day>\d{1,2})\s*[/.-]\s*(?P<month>\d{1,2})\s*[/.-]\s*(?P<year>\d{4})\s*$")
ISO_DATE_LINE = re.compile(r"^\s*(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})\s*$")
WEEKDAY_NAME = "(?:السبت|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه)"
WORDED_DATE_LINE = re.compile(
    rf"^\s*(?:{WEEKDAY_NAME}\s*[،,]?\s*)?(?P<day>\d{{1,2}})\s+{MONTH_PHRASE}\s*[،,]?\s*(?P<year>\d{{4}})\s*$"
)


def parse_date_line(line: str) -> PartialDate | None:
    """A line that holds nothing but a date, or None."""
    key = fold(line)
    for pattern in (NUMERIC_DATE_LINE, ISO_DATE_LINE, WORDED_DATE_LINE):
        match = pattern.match(key)
        if match:
            try:
                return _from_match(match)
            except ValueError:
                return None
    return None


def _from_match(match: re.Match) -> PartialDate:
    groups = match.groupdict()
    month_text = groups.get("month")
    month = int(month_text) if month_text and month_text.isdigit() else MONTH_BY_NAME.get(month_text or "")
    day = int(groups["day"]) if groups.get("day") else None
    year = int(groups["year"])
    if not 1 <= year <= next_year():  # 0000 or 9999 is no publication date: the line stays text
        raise ValueError(f"year {year} is out of range")
    return PartialDate.checked(year, month, day)
