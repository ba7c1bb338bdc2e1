"""When was an article written? Inferred from what its text says about time.

Each clue bounds the publication date: a weekday-checked "today"/"tomorrow" tied to a known
event fixes the day; "August this month" fixes the month; a date the text reports as past is
a lower bound; "next October" an upper bound; a named office-holder ("President Biden") the
span of the term. The clues are intersected into a window of days, and the answer is that
window as it is: a day, a month or a year when the window is exactly one, else the interval
itself (26 July – 30 September 2021) when it is narrower than a year. It is unknown when the
clues contradict each other, bound one side only, or leave a year or more. It is never a
guess: a historical date ("31 December 2011" in a 2021 article) is only a lower bound.

How each clue bounded the date is recorded as data (Reason: a kind and its values); knowledge/evidence.py says it in
each edition's language, in the words of knowledge/evidence.yml.

The cost is linear in the text (times the number of known events and terms): each sentence, clause and event is
looked at a bounded number of times, however many dates a sentence holds.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from typing import Any

from hiwar.knowledge.dates import MONTH_BY_NAME, MONTH_NAME
from hiwar.knowledge.events import Calendar, phrase_key
from hiwar.knowledge.summary import sentences
from hiwar.knowledge.text import fold
from hiwar.model.dates import DAY as DAY_PRECISION
from hiwar.model.dates import DateRange, DateValue, PartialDate, between

WEEKDAYS = {"الاثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعه": 4, "السبت": 5, "الاحد": 6}
WEEKDAY = "(?P<weekday>" + "|".join(WEEKDAYS) + ")"
ORDINAL_UNITS = {
    "الاول": 1,
    "الحادي": 1,
    "الثاني": 2,
    "الثالث": 3,
    "الرابع": 4,
    "الخامس": 5,
    "السادس": 6,
    "السابع": 7,
    "الثامن": 8,
    "التاسع": 9,
}
ORDINAL_TENS = {"العشرين": 20, "الثلاثين": 30}
ORDINAL_DAY = (
    r"(?P<ordinal>(?:"
    + "|".join(ORDINAL_UNITS)
    + r")(?:\s+عشر|\s+و(?:"
    + "|".join(ORDINAL_TENS)
    + "))?|العاشر|"
    + "|".join(ORDINAL_TENS)
    + ")"
)
MONTH = rf"(?P<month>{MONTH_NAME})(?:\s*[/(]\s*{MONTH_NAME}(?:\s*\))?)?"
NUMERIC_MONTH = r"(?P<nmonth>\d{1,2})"
YEAR = r"(?P<year>(?:19|20)\d\d)"
DAY = r"(?P<day>\d{1,2})"
FUTURE = r"(?P<future>\s+(?:القادم|المقبل|القادمه|المقبله|المرتقب))?"
CURRENT = r"(?P<current>\s+الجاري)?"

# On folded text (see text.fold). Order matters: the most specific patterns first.
DATE_PATTERNS = (
    # "يوم الاثنين 26/ تموز / 2021", "26/07/2021"
    re.compile(rf"(?:{WEEKDAY}\s+)?(?<!\d){DAY}\s*/\s*(?:{MONTH}|{NUMERIC_MONTH})\s*/\s*{YEAR}"),
    # "في السابع والعشرين من يناير 2024"
    re.compile(rf"{ORDINAL_DAY}\s+من\s+(?:شهر\s+)?{MONTH}\s*(?:من\s+)?(?:عام|سنه)?\s*{YEAR}"),
    # "يوم الاثنين 29 يناير", "31 ديسمبر عام 2011", "20 اب/اغسطس الجاري"
    re.compile(
        rf"(?:{WEEKDAY}\s+)?(?<!\d){DAY}\s*(?:من\s+)?(?:شهر\s+)?{MONTH}(?:\s*(?:من\s+)?(?:عام|سنه)?\s*{YEAR})?{CURRENT}{FUTURE}"
    ),
    # "حزيران 2020", "أكتوبر القادم", "آب/أغسطس الجاري"
    re.compile(rf"(?<![\w\d]){MONTH}(?:\s*(?:من\s+)?(?:عام|سنه)?\s*{YEAR})?{CURRENT}{FUTURE}"),
)
# "اليوم الأحد", "يوم غد الإثنين", "غدا الاثنين", "أمس السبت"
RELATIVE_DAY = re.compile(rf"(?P<when>اليوم|يوم\s+غد|غدا|امس|يوم\s+امس)\s*[،,]?\s*{WEEKDAY}")
RELATIVE_OFFSET = {"اليوم": 0, "يوم غد": 1, "غدا": 1, "امس": -1, "يوم امس": -1}
RELATIVE_WHEN = {0: "today", 1: "tomorrow", -1: "yesterday"}  # where the text places an event: keys of evidence.yml
# A clause about what is still to come: its dates and events lie after the time of writing.
CLAUSE = re.compile(r"[،,؛;:]|\s+(?:و|ف)?(?:حيث|بينما|لكن|الا ان)\s+")
FUTURE_CLAUSE = re.compile(
    r"(?<!\w)(?:و|ف)?(?:سوف|من المقرر|المرتقب|المرتقبه|القادم|القادمه|المقبل|المقبله|"
    r"سيزور|ستزور|سيعقد|ستعقد|سيلتقي|ستبدا|سيبدا|ستجري|سيجري|نتطلع)(?!\w)"
)


@dataclass(frozen=True)
class Reason:
    """How one clue bounded the date, or what the clues left: a kind of statement (a key of knowledge/evidence.yml's
    `reasons`) and the values it names — events and office terms, days (datetime.date), dates (a PartialDate of a
    day or a month, an event's DateValue), a weekday (0 is Monday), `when` (today, tomorrow or yesterday)."""

    kind: str
    values: dict[str, Any] = field(default_factory=dict)


@dataclass
class Inference:
    date: DateValue | None  # a day, month or year, or the window of days the clues leave
    evidence: list[str] = field(default_factory=list)  # the sentences, in the order they were used
    reasons: list[Reason] = field(default_factory=list)  # how each one bounded the date, then what they left


@dataclass
class _Bounds:
    start: dt.date = dt.date.min
    end: dt.date = dt.date.max
    evidence: list[str] = field(default_factory=list)
    reasons: list[Reason] = field(default_factory=list)
    _cited: set[str] = field(default_factory=set)  # the evidence, to find a sentence in it at once

    def narrow(self, start: dt.date | None, end: dt.date | None, sentence: str, reason: Reason) -> None:
        if start and start > self.start:
            self.start = start
        if end and end < self.end:
            self.end = end
        if sentence not in self._cited:
            self._cited.add(sentence)
            self.evidence.append(sentence)
        self.reasons.append(reason)


@dataclass(frozen=True)
class _Mention:
    sentence: str
    day: int | None
    month: int | None
    year: int | None
    weekday: int | None
    current: bool  # "الجاري": the month of writing
    future: bool  # "القادم", or in a sentence about what is to come: after the time of writing


def infer_date(text: str, known: Calendar) -> Inference:
    sents = [s for line in text.split("\n") for s in sentences(line)]
    bounds = _Bounds()
    exact = _relative_to_events(sents, known, bounds)
    if exact:
        return Inference(between(exact, exact), bounds.evidence, bounds.reasons)
    _terms(sents, known, bounds)
    _upcoming_events(sents, known, bounds)
    mentions = [m for sentence in sents for m in _mentions(sentence)]
    for mention in mentions:  # complete dates first: they settle the years the others need
        if mention.year and not mention.current:
            _bound_by(mention, mention.year, bounds)
    for mention in mentions:
        if mention.year is None or mention.current:
            year = _fill_year(mention, bounds)
            if year is not None:
                _bound_by(mention, year, bounds)
    return _conclude(bounds)


def _relative_to_events(sents: list[str], known: Calendar, bounds: _Bounds) -> dt.date | None:
    """'Tomorrow, Monday, he meets Biden at the White House' + the meeting's date = the day of writing."""
    for index, sentence in enumerate(sents):
        matches = RELATIVE_DAY.finditer(fold(sentence))
        first = next(matches, None)
        if first is None:
            continue
        # The events the sentence and its neighbours speak of, found once for all the sentence's "today"s.
        key = phrase_key(" ".join(sents[max(0, index - 1) : index + 2]))
        spoken_of = [event for event in known.events if _event_days(event.date) and event.mentioned_in(key)]
        for match in (first, *matches):
            weekday, offset = WEEKDAYS[match.group("weekday")], RELATIVE_OFFSET[" ".join(match.group("when").split())]
            for event in spoken_of:
                # The weekday the text states must be one of the event's days, and only one.
                on_weekday = _event_weekdays(event.date).get(weekday, ())
                if len(on_weekday) != 1:
                    continue
                when = on_weekday[0]
                written = when - dt.timedelta(days=offset)
                bounds.narrow(
                    written,
                    written,
                    sentence,
                    Reason(
                        "relative_day", {"event": event, "day": when, "weekday": weekday, "when": RELATIVE_WHEN[offset]}
                    ),
                )
                return written
    return None


def _terms(sents: list[str], known: Calendar, bounds: _Bounds) -> None:
    for sentence in sents:
        key = phrase_key(sentence)
        for term in known.terms:
            if any(phrase in key for phrase in term.former) and term.end:
                bounds.narrow(term.end, None, sentence, Reason("named_as_past", {"term": term, "end": term.end}))
            elif any(phrase in key for phrase in term.current):
                bounds.narrow(
                    term.start,
                    term.end,
                    sentence,
                    Reason("named_as_current", {"term": term, "start": term.start, "end": term.end}),
                )


def _upcoming_events(sents: list[str], known: Calendar, bounds: _Bounds) -> None:
    """An event a clause speaks of as still to come, and dates as the calendar does, was after the writing.

    ("elections next October": the known October 2021 election; a bare mention is not enough,
    since "after parliament's decision" may sit in a clause about the future.)
    """
    for sentence in sents:
        for clause in CLAUSE.split(fold(sentence)):
            if not FUTURE_CLAUSE.search(clause):
                continue
            key = phrase_key(clause)
            dated = {(m.month, m.day) for m in _mentions(clause)}
            for event in known.events:
                days = _event_days(event.date)
                if days and event.mentioned_in(key) and _agrees(dated, event.date):
                    bounds.narrow(
                        None,
                        days[0] - dt.timedelta(days=1),
                        sentence,
                        Reason("event_to_come", {"event": event, "event_date": event.date}),
                    )


@functools.lru_cache(maxsize=1024)  # an event's days are asked for at every sentence that may speak of it
def _event_days(date: DateValue) -> tuple[dt.date, ...]:
    """The days of an event known to the day (one day, or an interval of days); none for a month or a year."""
    if isinstance(date, PartialDate):
        return (date.first_day(),) if date.precision == DAY_PRECISION else ()
    if isinstance(date, DateRange) and date.start.precision == DAY_PRECISION == date.end.precision:
        first, last = date.first_day(), date.last_day()
        return tuple(first + dt.timedelta(days=n) for n in range((last - first).days + 1))
    return ()


@functools.lru_cache(maxsize=1024)
def _event_weekdays(date: DateValue) -> dict[int, tuple[dt.date, ...]]:
    """The days of an event (_event_days) by weekday."""
    by_weekday: dict[int, list[dt.date]] = {}
    for day in _event_days(date):
        by_weekday.setdefault(day.weekday(), []).append(day)
    return {weekday: tuple(days) for weekday, days in by_weekday.items()}


@functools.lru_cache(maxsize=1024)
def _event_month_days(date: DateValue) -> frozenset[tuple[int, int | None]]:
    """Each (month, day) of an event's days, and each (month, None): what a mention of it may say."""
    return frozenset(pair for day in _event_days(date) for pair in ((day.month, day.day), (day.month, None)))


def _agrees(dated: set[tuple[int | None, int | None]], date: DateValue) -> bool:
    """Whether a clause's mentions (month, day or None) name one of the event's days."""
    return not dated.isdisjoint(_event_month_days(date))


class _Clauses:
    """A sentence's clauses, found once: which clause a stretch of it lies in, and whether that clause speaks of
    what is to come."""

    def __init__(self, key: str):
        self.key = key
        found = [(m.start(), m.end()) for m in CLAUSE.finditer(key)]
        self.starts, self.ends = [start for start, _ in found], [end for _, end in found]
        self.future: dict[tuple[int, int], bool] = {}

    def to_come(self, start: int, end: int) -> bool:
        """Whether the clause holding key[start:end] speaks of what is to come."""
        before = bisect.bisect_right(self.ends, start)
        left = self.ends[before - 1] if before else 0
        after = bisect.bisect_left(self.starts, end)
        right = self.starts[after] if after < len(self.starts) else len(self.key)
        if (left, right) not in self.future:
            self.future[left, right] = bool(FUTURE_CLAUSE.search(self.key[left:right]))
        return self.future[left, right]


def _mentions(sentence: str) -> list[_Mention]:
    key = fold(sentence)
    found: list[_Mention] = []
    taken = bytearray(len(key))  # 1 where an earlier (more specific) pattern's mention lies
    clauses = None
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(key):
            if taken[match.start()] or taken[match.end() - 1]:
                continue
            groups = match.groupdict()
            month = MONTH_BY_NAME.get(groups.get("month") or "") or (
                int(groups["nmonth"]) if groups.get("nmonth") else None
            )
            if not month or not 1 <= month <= 12:
                continue
            day = int(groups["day"]) if groups.get("day") else _ordinal(groups.get("ordinal"))
            taken[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
            clauses = clauses or _Clauses(key)
            found.append(
                _Mention(
                    sentence,
                    day,
                    month,
                    int(groups["year"]) if groups.get("year") else None,
                    WEEKDAYS.get(groups.get("weekday") or ""),
                    bool(groups.get("current")),
                    bool(groups.get("future")) or clauses.to_come(match.start(), match.end()),
                )
            )
    return found


def _ordinal(words: str | None) -> int | None:
    if not words:
        return None
    parts = words.replace("و", " ", 1).split() if " و" in f" {words}" else words.split()
    if words == "العاشر":
        return 10
    total = 0
    for part in parts:
        total += ORDINAL_UNITS.get(part, 0) + ORDINAL_TENS.get(part, 0) + (10 if part == "عشر" else 0)
    return total or None


def _fill_year(mention: _Mention, bounds: _Bounds) -> int | None:
    """The one year, within what is known so far, that fits the mention (and its weekday, if stated)."""
    if bounds.start == dt.date.min or bounds.end == dt.date.max:
        # One side open: only a stated weekday can choose, among the years around the known side.
        anchor = bounds.start if bounds.start != dt.date.min else bounds.end if bounds.end != dt.date.max else None
        if anchor is None or mention.weekday is None or not mention.day:
            return None
        years = [anchor.year - 1, anchor.year, anchor.year + 1]
    else:
        years = list(range(bounds.start.year, bounds.end.year + 1))
    if mention.day and mention.day > calendar.monthrange(2000, mention.month)[1]:  # 2000: a leap year
        return None  # a day no year has (31 April): it fits none
    fitting = []
    for year in years:
        # "the 20th of this month": the month is the time of writing, the day may be ahead of it
        first, last = _span(year, mention.month, None if mention.current else mention.day)
        if last < bounds.start or first > bounds.end:
            continue
        if (
            mention.weekday is not None
            and mention.day
            and _weekday(year, mention.month, mention.day) != mention.weekday
        ):
            continue
        fitting.append(year)
        if len(fitting) > 1:
            # Two years fit: the mention chooses none. Every date falls on each weekday within 40 years, so this
            # comes soon however many years the bounds leave open.
            return None
    return fitting[0] if fitting else None


def _weekday(year: int, month: int, day: int) -> int | None:
    """The weekday of a day, or None when the year has no such day (29 February of a common year)."""
    try:
        return dt.date(year, month, day).weekday()
    except ValueError:
        return None


def _span(year: int, month: int, day: int | None) -> tuple[dt.date, dt.date]:
    if day:
        try:
            return dt.date(year, month, day), dt.date(year, month, day)
        except ValueError:
            return dt.date.max, dt.date.min  # an impossible day fits nowhere
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _bound_by(mention: _Mention, year: int, bounds: _Bounds) -> None:
    first, last = _span(year, mention.month, mention.day)
    if first > last:
        return
    if mention.weekday is not None and mention.day and first.weekday() != mention.weekday:
        return  # the text contradicts itself about this date: it bounds nothing
    date = PartialDate(year, mention.month, mention.day or None)  # the day, or the month, the mention names
    if mention.current:
        month_first, month_last = _span(year, mention.month, None)
        bounds.narrow(
            month_first, month_last, mention.sentence, Reason("this_month", {"month": PartialDate(year, mention.month)})
        )
        if mention.day and mention.future:
            bounds.narrow(None, first - dt.timedelta(days=1), mention.sentence, Reason("date_to_come", {"date": date}))
    elif mention.future:
        bounds.narrow(None, first - dt.timedelta(days=1), mention.sentence, Reason("date_to_come", {"date": date}))
    else:
        bounds.narrow(first, None, mention.sentence, Reason("date_reported", {"date": date}))


def _conclude(bounds: _Bounds) -> Inference:
    start, end = bounds.start, bounds.end
    if start > end:
        return Inference(None, bounds.evidence, bounds.reasons + [Reason("contradictory")])
    if start == dt.date.min or end == dt.date.max:
        return Inference(None, bounds.evidence, bounds.reasons + [Reason("one_sided")])
    whole_year = (start.month, start.day, end.month, end.day, end.year) == (1, 1, 12, 31, start.year)
    if not (whole_year or _narrower_than_a_year(start, end)):
        return Inference(None, bounds.evidence, bounds.reasons + [Reason("too_wide", {"start": start, "end": end})])
    date = between(start, end)  # a day, a month, a year, or an interval narrower than a year
    if isinstance(date, DateRange):
        return Inference(date, bounds.evidence, bounds.reasons + [Reason("window", {"start": start, "end": end})])
    return Inference(date, bounds.evidence, bounds.reasons)


def _narrower_than_a_year(start: dt.date, end: dt.date) -> bool:
    """Fewer days than the year that begins on `start` (29 February's year ends on 28 February)."""
    try:
        anniversary = start.replace(year=start.year + 1)
    except ValueError:
        anniversary = dt.date(start.year + 1, 3, 1)
    return end < anniversary - dt.timedelta(days=1)
