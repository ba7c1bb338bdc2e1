"""Declared schemas for the editorial YAML files.

Each file's shape is a value built from the parts below (Record, ListOf, MapOf, Text, TextsOf, …),
declared beside the code that uses the file. A part turns a raw YAML value into a clean one, or raises
a SchemaError that says where the value is (`id "iran": match: item 2`) and what is wrong with it, so
every file gets types, required fields, unknown-key errors and id checks the same way.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hiwar.ingest.datafile import read_yaml
from hiwar.ingest.seed import normalise
from hiwar.knowledge.text import word_keys
from hiwar.model.dates import DAY, parse_date_value
from hiwar.model.languages import EDITION_LANGUAGES, translation_languages
from hiwar.model.texts import Texts
from hiwar.problems import InputError, quoted, shown

# Identifiers of tags, names, events, terms and glossary entries: they become paths, anchors and attributes.
IDENTIFIER = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
IDENTIFIER_RULE = "must be lower-case ASCII letters, digits and hyphens"


@dataclass(frozen=True)
class Context:
    """What checking a file needs to know beyond the file itself."""

    languages: tuple[str, ...] = EDITION_LANGUAGES  # edition languages, the source first
    latest_year: int = field(default_factory=lambda: dt.date.today().year + 1)
    tags: Collection[str] = ()  # the tag ids of editorial/tags.yml, for NAME.yml `tags:`


class SchemaError(ValueError):
    """A value that does not fit its declaration: where it is (outermost first) and what is wrong."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message
        self.where: list[tuple[str, bool]] = []  # (step, True when the step names a key)

    def at(self, step: str, key: bool = False) -> SchemaError:
        self.where.insert(0, (step, key))
        return self

    def __str__(self) -> str:
        steps = [step for step, _ in self.where]
        # "kind must be one of …" reads as one phrase; "value: 2021-02-30 does not exist" as two.
        if self.where and self.where[-1][1] and self.message.startswith("must "):
            return ": ".join(steps[:-1] + [f"{steps[-1]} {self.message}"])
        return ": ".join(steps + [self.message])


def kind_of(value: Any) -> str:
    """What a YAML value is, in an editor's words."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return quoted(value)
    if isinstance(value, (int, float)):
        return f"a number ({shown(str(value))})"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def key_shown(key: Any) -> str:
    return f"'{shown(key)}'" if isinstance(key, str) else quoted(key)


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


class Part:
    expected = "a value"
    top_level = False  # the whole file: "must be …" rather than "expected …"

    def clean(self, value: Any, ctx: Context) -> Any:
        raise NotImplementedError

    def wrong_type(self, value: Any) -> SchemaError:
        if self.top_level:
            return SchemaError(f"must be {self.expected}, not {kind_of(value)}")
        return SchemaError(f"expected {self.expected}, not {kind_of(value)}")


class Text(Part):
    """Non-empty text, read as a seed's text is (seed.normalise: bidi controls and invisible characters removed,
    control characters and odd spaces made spaces, noncharacters and lone surrogates made U+FFFD), runs of whitespace
    made one space; with words=True it must hold a word to match."""

    def __init__(self, words: bool = False):
        self.words = words
        self.expected = "text"

    def clean(self, value: Any, ctx: Context) -> str:
        if not isinstance(value, str):
            raise self.wrong_type(value)
        text = " ".join(normalise(value).split())
        if not text:
            raise SchemaError("expected non-empty text")
        if self.words and not word_keys(text):  # as phrases are compared: folded, marks and tatweel gone
            raise SchemaError(f"{quoted(text)} has no letters or digits to match")
        return text


class Count(Part):
    """A whole number, at least `minimum`."""

    def __init__(self, minimum: int = 1):
        self.minimum = minimum
        self.expected = f"a whole number from {minimum}"

    def clean(self, value: Any, ctx: Context) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.wrong_type(value)
        if value < self.minimum:
            raise SchemaError(f"must be {self.minimum} or more (not {value})")
        return value


class Flag(Part):
    """true or false (YAML's own booleans: `yes`, `on` and quoted text are text, and refused)."""

    expected = "true or false"

    def clean(self, value: Any, ctx: Context) -> bool:
        if not isinstance(value, bool):
            raise self.wrong_type(value)
        return value


class Choice(Part):
    def __init__(self, options: tuple[str, ...]):
        self.options = options
        self.expected = f"one of {', '.join(options)}"

    def clean(self, value: Any, ctx: Context) -> str:
        if value not in self.options or not isinstance(value, str):
            raise SchemaError(f"must be one of {', '.join(self.options)} (not {quoted(value)})")
        return value


class Identifier(Part):
    expected = "an id"

    def clean(self, value: Any, ctx: Context) -> str:
        if not isinstance(value, str):
            raise SchemaError(f"{IDENTIFIER_RULE}, in text (not {kind_of(value)})").at(f"id {quoted(value)}")
        if not IDENTIFIER.match(value):
            raise SchemaError(IDENTIFIER_RULE).at(f"id {quoted(value)}")
        return value


class TagRef(Part):
    """An id of editorial/tags.yml."""

    expected = "a tag id"

    def clean(self, value: Any, ctx: Context) -> str:
        if not isinstance(value, str):
            raise self.wrong_type(value)
        if value not in ctx.tags:
            raise SchemaError(
                f"{key_shown(value)} is not in editorial/tags.yml (known: {', '.join(ctx.tags) or 'none'})"
            )
        return value


class Date(Part):
    """A day, a month, a year or an interval of those (what model.dates.parse_date_value reads), within the accepted years."""

    expected = "a date like 2021-05-03, 2021-05, 2021 or an interval like 2024-01-30/2024-02-02"

    def __init__(self, day: bool = False):
        self.day = day  # a datetime.date is wanted: the date must name a day
        if day:
            self.expected = "a day like 2021-05-03"

    def clean(self, value: Any, ctx: Context):
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise self.wrong_type(value)
        text = f"{value:04d}" if isinstance(value, int) and value >= 0 else str(value)  # YAML reads 0000 as 0
        try:
            date = parse_date_value(text, ctx.latest_year)
        except ValueError as err:
            raise SchemaError(str(err)) from None
        if not self.day:
            return date
        if getattr(date, "precision", None) != DAY:
            raise SchemaError(f"expected {self.expected}, not {quoted(text)}")
        return dt.date(date.year, date.month, date.day)


class TextsOf(Part):
    """Text per edition language: `ar: …`, `en: …`; with required=True every edition language must be there."""

    def __init__(self, required: bool = False):
        self.required = required
        self.expected = "a mapping of language codes to text (ar: …, en: …)"

    def clean(self, value: Any, ctx: Context) -> Texts:
        if not isinstance(value, dict):
            raise self.wrong_type(value)
        return labels_of(value, ctx, self.required, allowed=())


def labels_of(value: dict, ctx: Context, required: bool, allowed: Collection[str]) -> Texts:
    """The language keys of a mapping as Texts; other keys must be in `allowed`."""
    for key in value:
        if key not in ctx.languages and key not in allowed:
            raise SchemaError(f"unknown key {key_shown(key)} (expected {_and([*ctx.languages, *allowed])})")
    if required:
        for lang in ctx.languages:
            if lang not in value:
                raise SchemaError(f"missing {lang}:")
    texts = {}
    for lang in ctx.languages:
        if lang in value:
            try:
                texts[lang] = Text().clean(value[lang], ctx)
            except SchemaError as err:
                raise err.at(lang, key=True) from None
    return Texts(texts)


class ListOf(Part):
    """A list of items of one part. `label` names an item in messages ("entry {}"; None: the item says it);
    with identified=True items are mappings with a unique `id`, named by it; with max_items, a longer list is refused
    before any item is read, its items called `items` in the message."""

    def __init__(
        self,
        item: Part,
        expected: str = "a list",
        label: str | None = "item {}",
        min_items: int = 0,
        identified: bool = False,
        max_items: int | None = None,
        items: str = "items",
    ):
        self.item, self.expected, self.label = item, expected, label
        self.min_items, self.identified = min_items, identified
        self.max_items, self.items = max_items, items

    def clean(self, value: Any, ctx: Context) -> list:
        if value is None:
            value = []  # `variants:` with nothing after it: no items
        if not isinstance(value, list):
            raise self.wrong_type(value)
        if len(value) < self.min_items:
            raise SchemaError(f"expected {self.expected}, not an empty list")
        if self.max_items is not None and len(value) > self.max_items:
            raise SchemaError(
                f"holds {len(value):,} {self.items}, more than the {self.max_items:,} accepted (editorial/README.md)"
            )
        cleaned, seen = [], {}
        for number, item in enumerate(value, 1):
            step = self.label.format(number) if self.label else None
            if self.identified and isinstance(item, dict) and "id" in item:
                item_id = Identifier().clean(item["id"], ctx)
                if item_id in seen:
                    raise SchemaError(f"appears twice (entries {seen[item_id]} and {number}); ids are unique").at(
                        f"id {quoted(item_id)}"
                    )
                seen[item_id] = number
                step = f"id {quoted(item_id)}"
            try:
                cleaned.append(self.item.clean(item, ctx))
            except SchemaError as err:
                raise (err.at(step) if step else err) from None
        return cleaned


class MapOf(Part):
    """A mapping from ids to entries of one part (tags.yml)."""

    def __init__(self, item: Part, expected: str, top_level: bool = False):
        self.item, self.expected, self.top_level = item, expected, top_level

    def clean(self, value: Any, ctx: Context) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.wrong_type(value)
        cleaned = {}
        for key, item in value.items():
            item_id = Identifier().clean(key, ctx)
            try:
                cleaned[item_id] = self.item.clean(item, ctx)
            except SchemaError as err:
                raise err.at(f"id {quoted(item_id)}") from None
        return cleaned


class Record(Part):
    """A mapping with declared keys, each with its part; unknown keys are refused.

    labels: the edition languages are keys too (`ar: …`, `en: …`), collected as Texts under "labels",
    each required when labels_required. per_translation: keys declared once for every non-source
    edition language, e.g. {"match_{}": …} gives match_en. An optional key left empty (null) is not given.
    The top level of NAME.yml names its keys "field 'title'"; nested records name them by key.
    """

    def __init__(
        self,
        fields: dict[str, Part],
        required: tuple[str, ...] = (),
        expected: str = "a mapping",
        labels: bool = False,
        labels_required: bool = False,
        per_translation: dict[str, Part] | None = None,
        top_level: bool = False,
    ):
        self.fields, self.required, self.expected = fields, required, expected
        self.labels, self.labels_required = labels, labels_required
        self.per_translation = per_translation or {}
        self.top_level = top_level

    def declared(self, ctx: Context) -> dict[str, Part]:
        fields = dict(self.fields)
        for template, part in self.per_translation.items():
            for lang in translation_languages(ctx.languages):
                fields[template.format(lang)] = part
        return fields

    def clean(self, value: Any, ctx: Context) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.wrong_type(value)
        fields = self.declared(ctx)
        if self.labels:
            labels = labels_of({k: v for k, v in value.items() if k not in fields}, ctx, self.labels_required, fields)
        else:
            unknown = [key for key in value if key not in fields]
            if unknown:
                noun = "field" if self.top_level else "key"
                raise SchemaError(f"unknown {noun} {key_shown(unknown[0])} (known {noun}s: {', '.join(fields)})")
        for key in self.required:
            if key not in value:
                raise SchemaError(f"missing {key}:")
        cleaned: dict[str, Any] = {"labels": labels} if self.labels else {}
        for key, part in fields.items():
            if key in value and (value[key] is not None or key in self.required):  # `to:` left empty: not given
                try:
                    cleaned[key] = part.clean(value[key], ctx)
                except SchemaError as err:
                    raise (err.at(f"field '{key}'") if self.top_level else err.at(key, key=True)) from None
        return cleaned


def check(part: Part, data: Any, ctx: Context) -> Any:
    """The file's data, cleaned by its declared part; an empty file (None) is an empty mapping."""
    return part.clean({} if data is None else data, ctx)


def load_checked(path: Path, source: str | None, part: Part, ctx: Context) -> tuple[str, Any]:
    """An editorial YAML file read safely and cleaned by its schema: (how problems name it, its data; None when the
    file does not exist). Whatever is wrong with it is one InputError naming the file."""
    source = source or f"{path.parent.name}/{path.name}"
    if not path.exists():
        return source, None
    return source, read_checked(path, source, part, ctx)


def read_checked(path: Path, source: str, part: Part, ctx: Context) -> Any:
    """A YAML file read safely and cleaned by its schema; whatever is wrong with it is one InputError naming it."""
    try:
        return check(part, read_yaml(path, source), ctx)
    except SchemaError as err:
        raise InputError(source, str(err)) from None
