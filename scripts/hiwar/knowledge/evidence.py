"""Why a page gives the date it gives, in each edition's language: the date line of the seed, or the clues automatic
dating used (knowledge/dating.py), put into the words of knowledge/evidence.yml. This module only fills the file's
patterns with values; a language the file has no entry for gets no explanation."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from hiwar.knowledge.dating import Inference, Reason
from hiwar.model.dates import DateRange, PartialDate
from hiwar.model.texts import Texts

PHRASES_FILE = Path(__file__).with_name("evidence.yml")
SENTENCES = 3  # sentences of the original quoted, at most: the first clues


@functools.cache
def phrases() -> dict[str, dict]:
    """The words of every language that has them, by language code."""
    return yaml.safe_load(PHRASES_FILE.read_text(encoding="utf-8"))


def date_line_evidence(line: str, languages: Iterable[str]) -> Texts:
    """The seed's date line, explained in every edition language that has words for it."""
    return Texts({words.lang: words.pattern("date_line").format(line=line) for words in _words_of(languages)})


def inferred_evidence(inference: Inference, languages: Iterable[str]) -> Texts | None:
    """How automatic dating reached its date (or none), in every edition language that has words for it; None when
    no sentence of the text held a clue."""
    if not inference.evidence:
        return None
    return Texts({words.lang: words.inferred(inference) for words in _words_of(languages)})


def explain(inference: Inference, lang: str) -> str:
    """The reasons alone, in one language's words ("the clues contradict each other")."""
    return Words(lang, phrases()[lang]).reasons(inference.reasons)


def _words_of(languages: Iterable[str]) -> list[Words]:
    return [Words(lang, phrases()[lang]) for lang in languages if lang in phrases()]


@dataclass(frozen=True)
class Words:
    """One language's entry of evidence.yml, and how its patterns are filled."""

    lang: str
    table: Mapping[str, Any]

    def pattern(self, key: str) -> str:
        return self.table[key]

    def inferred(self, inference: Inference) -> str:
        return self.table["inferred"].format(
            reasons=self.reasons(inference.reasons),
            verdict="" if inference.date else self.table["unknown"],
            sentences=self.table["sentence_separator"].join(inference.evidence[:SENTENCES]),
        )

    def reasons(self, reasons: Iterable[Reason]) -> str:
        return self.table["reason_separator"].join(
            self.table["reasons"][reason.kind].format(
                **{name: self.shown(name, value) for name, value in reason.values.items()}
            )
            for reason in reasons
        )

    def shown(self, name: str, value: Any) -> str:
        """A value of a reason in these words: an event or office term by its label, a weekday or `when` by its
        name, a date by the language's date patterns, an open end as `now`."""
        if value is None:
            return self.table["now"]
        if name == "weekday":
            return self.table["weekdays"][value]
        if name == "when":
            return self.table["when"][value]
        if name in ("event", "term"):
            return value.labels.get(self.lang) or value.id.replace("-", " ")
        return self.date(value)

    def date(self, value: dt.date | PartialDate | DateRange) -> str:
        patterns = self.table["dates"]
        if isinstance(value, DateRange):
            return patterns["interval"].format(start=self.date(value.start), end=self.date(value.end))
        if isinstance(value, dt.date):
            value = PartialDate(value.year, value.month, value.day)
        month = self.table["months"][value.month - 1] if value.month else ""
        return patterns[value.precision].format(iso=value.edtf(), day=value.day, month=month, year=value.year)
