"""Dated events and office terms (editorial/events.yml): what the articles talk about, on the calendar."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from hiwar.ingest.datafile import read_yaml
from hiwar.knowledge.text import word_keys
from hiwar.model.dates import DateValue, next_year, parse_date_value
from hiwar.problems import InputError


def phrase_key(text: str) -> str:
    """A phrase as folded words joined by single spaces, padded so matches fall on word boundaries."""
    return f" {' '.join(word_keys(text))} "


@dataclass(frozen=True)
class Event:
    id: str
    date: DateValue  # a day, month or year, or an interval (a round of talks held over two days)
    ar: str
    en: str
    match: tuple[tuple[str, ...], ...]  # groups of folded words; all words of one group must appear

    def mentioned_in(self, sentence_key: str) -> bool:
        return any(all(word in sentence_key for word in group) for group in self.match)


@dataclass(frozen=True)
class Term:
    id: str
    start: dt.date
    end: dt.date | None
    current: tuple[str, ...]  # phrase keys naming the holder as current
    former: tuple[str, ...]  # phrase keys naming the holder as former


@dataclass(frozen=True)
class Calendar:
    events: tuple[Event, ...] = ()
    terms: tuple[Term, ...] = ()


def load_calendar(path: Path) -> Calendar:
    source = f"{path.parent.name}/{path.name}"
    if not path.exists():
        return Calendar()
    data = read_yaml(path, source)
    try:
        events = tuple(Event(str(e["id"]), parse_date_value(str(e["date"]), next_year()), e["ar"], e["en"],
                             tuple(tuple(phrase_key(str(w)).strip() for w in group) for group in e["match"]))
                       for e in data.get("events", []))
        terms = tuple(Term(str(t["id"]), dt.date.fromisoformat(str(t["from"])),
                           dt.date.fromisoformat(str(t["to"])) if t.get("to") else None,
                           tuple(phrase_key(p) for p in t.get("match", [])), tuple(phrase_key(p) for p in t.get("former", [])))
                      for t in data.get("terms", []))
    except (KeyError, TypeError, ValueError) as err:
        raise InputError(source, f"has an entry without a valid id, date, ar, en or match ({err})") from None
    return Calendar(events, terms)


def events_in(paragraphs: list[tuple[int, str]], calendar: Calendar) -> dict[str, list[int]]:
    """Each known event a text discusses, with the ¶ numbers where it does."""
    keys = [(number, phrase_key(text)) for number, text in paragraphs]
    found: dict[str, list[int]] = {}
    for event in calendar.events:
        numbers = [number for number, key in keys if event.mentioned_in(key)]
        if numbers:
            found[event.id] = numbers
    return found
