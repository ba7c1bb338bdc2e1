"""An article's page in one edition as its front matter states it: the converter's documented interface (README,
"The converter's Markdown"), one typed value.

The converter makes one per article and edition (site/pages.py `article_page`) and writes it as the page's YAML
front matter (`front_matter()`: these keys, in this order); the feeds, the citation exports and the templates' view
read it; `ArticlePage.from_front_matter` reads a page's front matter back into it, checked: a missing or unknown
key, or a value of the wrong kind, is a `PageFormatError` naming the key.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, Literal

import msgspec

from hiwar.model.dates import DateValue, parse_date_value

Precision = Literal["day", "month", "year", "range", "unknown"]
Origin = Literal["seed", "editorial", "automatic"]
Status = Literal["complete", "partial", "missing"]


class PageFormatError(ValueError):
    """A page's front matter that is not an article page's: what is wrong, and where."""


class EntityName(msgspec.Struct, frozen=True):
    """A person, organisation or place the article names, with its name in every edition language. The front matter
    writes it flat: `{kind: person, ar: …, en: …}`."""

    kind: str
    labels: dict[str, str]


class NoteFacts(msgspec.Struct, frozen=True):
    kind: str  # editor or translator
    paragraph: int  # the ¶ it belongs to
    text: str | None  # in the page's language


class ArticlePage(msgspec.Struct, frozen=True, kw_only=True, omit_defaults=True, forbid_unknown_fields=True):
    """The front matter's keys, in the order it writes them. Only `author` and `publisher` are left out when the text
    states none; every other key is always there, `null` when it has no value."""

    title: str
    description: str
    date: str | None  # exact, in EDTF: 2021-05-03, 2021-05, 2021 or 2024-01-30/2024-02-02
    date_precision: Precision
    date_display: str  # in words, in the page's language
    date_precision_label: str | None
    date_datetime: str | None  # for <time datetime>, which has no intervals: 2024 for a window in it
    date_published: str | None  # RFC 3339, noon UTC of the first day: a moment inside the date
    date_evidence: str | None
    date_origin: Origin
    author: str | None = None
    publisher: str | None = None
    summary: str | None
    tags: list[str]  # labels, in the page's language
    tag_ids: list[str]
    automatic: list[str]  # which of title, date, summary, tags, entities were established automatically
    editorial: list[str]  # … and which by the editors
    article: str  # the article's id, its URL slug
    seed: str  # the seed's file name
    seed_sha256: str
    words: int
    reading_minutes: int
    translation: Status  # of the text in the page's language
    translations: dict[str, Status]  # every translation's
    translated_paragraphs: int
    paragraphs: int
    original_title: str | None  # on a translation's page
    entities: list[EntityName]
    mentions: dict[str, list[int]]  # name id → the ¶ that mention it
    notes: list[NoteFacts]

    @property
    def date_value(self) -> DateValue | None:
        return parse_edtf(self.date) if self.date else None

    def front_matter(self) -> dict[str, Any]:
        """The front matter as data, ready for the YAML writer (keys in order; entities flat)."""
        data: dict[str, Any] = msgspec.to_builtins(self)
        data["entities"] = [{"kind": entity.kind, **entity.labels} for entity in self.entities]
        return data

    @classmethod
    def from_front_matter(cls, data: Mapping[str, Any]) -> ArticlePage:
        """A page's front matter (as a YAML reader gives it) checked into an ArticlePage."""
        if not isinstance(data, Mapping):
            raise PageFormatError("the front matter is not a mapping of keys to values")
        values = dict(data)
        entities = values.get("entities")
        if isinstance(entities, list):
            values["entities"] = [
                {"kind": e.get("kind"), "labels": {k: v for k, v in e.items() if k != "kind"}}
                if isinstance(e, Mapping)
                else e
                for e in entities
            ]
        try:
            page = msgspec.convert(values, cls)
        except msgspec.ValidationError as err:
            raise PageFormatError(str(err)) from None
        if page.date is not None:
            try:
                parse_edtf(page.date)
            except ValueError as err:
                raise PageFormatError(f"{err} - at `$.date`") from None
        return page


def parse_edtf(text: str) -> DateValue:
    """A date as the front matter writes it (DateValue.edtf()); ValueError on anything else."""
    return parse_date_value(text, dt.MAXYEAR)
