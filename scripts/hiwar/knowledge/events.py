"""Dated events and office terms (editorial/events.yml): what the articles talk about, on the calendar."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from hiwar.ingest.schema import (
    Context,
    Date,
    Flag,
    Identifier,
    ListOf,
    Record,
    Text,
    load_checked,
)
from hiwar.knowledge.text import word_keys
from hiwar.model.dates import DateValue
from hiwar.model.texts import Texts
from hiwar.problems import InputError


def phrase_key(text: str) -> str:
    """A phrase as folded words joined by single spaces, padded so matches fall on word boundaries."""
    return f" {' '.join(word_keys(text))} "


_PHRASES = ListOf(Text(words=True), "a list of phrases")
# events.yml: events: [{id, date, ar, en, match: [[words of one group], …], round: true/false}],
#             terms: [{id, from, to, ar, en (optional: what the explanation of automatic dating calls the term),
#                      match: [phrases naming the holder as current], former: [… as former]}]
SCHEMA = Record(
    {
        "events": ListOf(
            Record(
                {
                    "id": Identifier(),
                    "date": Date(),
                    "match": ListOf(
                        ListOf(Text(words=True), "a list of words that must all appear", min_items=1),
                        "a list of word groups ([[word, word], [word]])",
                        min_items=1,
                    ),
                    "round": Flag(),
                },
                required=("id", "date", "match"),
                expected="a mapping of id:, date:, ar:, en:, match:, round:",
                labels=True,
                labels_required=True,
            ),
            "a list of events",
            label="entry {}",
            identified=True,
        ),
        "terms": ListOf(
            Record(
                {
                    "id": Identifier(),
                    "from": Date(day=True),
                    "to": Date(day=True),
                    "match": _PHRASES,
                    "former": _PHRASES,
                },
                required=("id", "from"),
                expected="a mapping of id:, from:, to:, ar:, en:, match:, former:",
                labels=True,
            ),
            "a list of office terms",
            label="entry {}",
            identified=True,
        ),
    },
    expected="a mapping with events: and terms:",
    top_level=True,
)


@dataclass(frozen=True)
class Event:
    id: str
    date: DateValue  # a day, month or year, or an interval (a round of talks held over two days)
    labels: Texts  # what happened, in every edition language
    match: tuple[tuple[str, ...], ...]  # groups of folded words; all words of one group must appear
    round: bool = False  # a round of the dialogue: listed under "by round" on the topics page

    def mentioned_in(self, sentence_key: str) -> bool:
        return any(all(word in sentence_key for word in group) for group in self.match)


@dataclass(frozen=True)
class OfficeTerm:
    id: str
    start: dt.date
    end: dt.date | None
    current: tuple[str, ...]  # phrase keys naming the holder as current
    former: tuple[str, ...]  # phrase keys naming the holder as former
    labels: Texts = Texts()  # the term in words, in the languages an editor gave (automatic dating names it so)


@dataclass(frozen=True)
class Calendar:
    events: tuple[Event, ...] = ()
    terms: tuple[OfficeTerm, ...] = ()

    def rounds(self) -> list[Event]:
        """The events marked as rounds of the dialogue (`round: true`), oldest first."""
        return sorted((event for event in self.events if event.round), key=lambda e: (e.date.sort_key(), e.id))


def load_calendar(path: Path, source: str | None = None, ctx: Context = Context()) -> Calendar:
    source, data = load_checked(path, source, SCHEMA, ctx)
    if data is None:
        return Calendar()
    events = tuple(
        Event(
            e["id"],
            e["date"],
            e["labels"],
            tuple(tuple(phrase_key(w).strip() for w in group) for group in e["match"]),
            e.get("round", False),
        )
        for e in data.get("events", [])
    )
    terms = tuple(
        OfficeTerm(
            t["id"],
            t["from"],
            t.get("to"),
            tuple(phrase_key(p) for p in t.get("match", [])),
            tuple(phrase_key(p) for p in t.get("former", [])),
            t["labels"],
        )
        for t in data.get("terms", [])
    )
    for term in terms:
        if term.end is not None and term.end < term.start:
            raise InputError(source, f'id "{term.id}": to: {term.end} is before from: {term.start}')
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
