"""Editorial metadata (editorial/NAME.yml), validated against a declared schema.

Every field is optional; a present field must be valid, and unknown fields are refused so
that a typo ("sumary:") is reported instead of silently ignored.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from hiwar.ingest.datafile import read_yaml
from hiwar.knowledge.vocabulary import Tag
from hiwar.model.dates import DateValue, next_year, parse_date_value
from hiwar.model.editorial import Bilingual, Editorial, Entity, SourceError
from hiwar.problems import InputError

ENTITY_KINDS = ("person", "organisation", "place")


class FieldError(ValueError):
    """A field's value is wrong; the message says what was expected."""


# ---- field cleaners: each takes the raw YAML value and returns the clean one or raises FieldError ----

def _text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise FieldError("expected non-empty text")
    return " ".join(value.split())


def _bilingual(value: Any, required: tuple[str, ...] = ()) -> Bilingual:
    if not isinstance(value, dict):
        raise FieldError("expected ar: and en: texts")
    unknown = set(value) - {"ar", "en"}
    if unknown:
        raise FieldError(f"unknown key {sorted(unknown)[0]!r} (expected ar and en)")
    for lang in required:
        if lang not in value:
            raise FieldError(f"missing {lang}:")
    return Bilingual(*(_keyed(_text, value[lang], lang) if lang in value else None for lang in ("ar", "en")))


def _keyed(clean: Callable[[Any], Any], value: Any, key: str) -> Any:
    try:
        return clean(value)
    except FieldError as err:
        raise FieldError(f"{key}: {err}") from None


def _date(value: Any) -> DateValue:
    try:
        return parse_date_value(str(value), next_year())
    except ValueError as err:
        raise FieldError(str(err)) from None


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise FieldError("expected true or false")
    return value


class Schema:
    """The editorial schema: one cleaner per field, nested objects declared the same way."""

    def __init__(self, vocabulary: dict[str, Tag]):
        self.vocabulary = vocabulary
        self.fields: dict[str, Callable[[Any, Editorial], None]] = {
            "title": self._title,
            "date": self._date_block,
            "author": lambda v, e: setattr(e, "author", _bilingual(v)),
            "publisher": lambda v, e: setattr(e, "publisher", _bilingual(v)),
            "summary": lambda v, e: setattr(e, "summary", _bilingual(v, ("ar", "en"))),
            "tags": self._tags,
            "entities": self._entities,
            "source_errors": self._source_errors,
        }

    def load(self, path: Path, source: str) -> Editorial:
        data = read_yaml(path, source)
        if data is None:
            return Editorial()
        if not isinstance(data, dict):
            raise InputError(source, "must be a mapping of fields (title:, date:, summary: …)")
        editorial = Editorial()
        for name, value in data.items():
            clean = self.fields.get(name)
            if clean is None:
                raise InputError(source, f"unknown field {name!r} (known fields: {', '.join(self.fields)})")
            try:
                clean(value, editorial)
            except FieldError as err:
                raise InputError(source, f"field {name!r}: {err}") from None
        return editorial

    def _title(self, value: Any, editorial: Editorial) -> None:
        if not isinstance(value, dict):
            raise FieldError("expected ar:, en: and optionally editorial: true")
        rest = {k: v for k, v in value.items() if k != "editorial"}
        editorial.title = _bilingual(rest)
        editorial.title_editorial = _keyed(_bool, value.get("editorial", False), "editorial")

    def _date_block(self, value: Any, editorial: Editorial) -> None:
        if not isinstance(value, dict) or "value" not in value:
            raise FieldError("expected value: (2021-05-03, 2021-05, 2021 or an interval such as 2024-01-30/2024-02-02) "
                             "and evidence:")
        unknown = set(value) - {"value", "evidence"}
        if unknown:
            raise FieldError(f"unknown key {sorted(unknown)[0]!r} (expected value and evidence)")
        editorial.date = _keyed(_date, value["value"], "value")
        if "evidence" in value:
            editorial.date_evidence = _keyed(_bilingual, value["evidence"], "evidence")

    def _tags(self, value: Any, editorial: Editorial) -> None:
        if not isinstance(value, list):
            raise FieldError("expected a list of tag ids")
        for tag in value:
            if tag not in self.vocabulary:
                raise FieldError(f"{tag!r} is not in editorial/tags.yml (known: {', '.join(self.vocabulary)})")
        editorial.tags = list(dict.fromkeys(value))

    def _entities(self, value: Any, editorial: Editorial) -> None:
        if not isinstance(value, list):
            raise FieldError("expected a list of {kind, ar, en, variants}")
        for index, item in enumerate(value, 1):
            where = f"entry {index}"
            if not isinstance(item, dict):
                raise FieldError(f"{where}: expected kind:, ar:, en:")
            unknown = set(item) - {"kind", "ar", "en", "variants"}
            if unknown:
                raise FieldError(f"{where}: unknown key {sorted(unknown)[0]!r}")
            if item.get("kind") not in ENTITY_KINDS:
                raise FieldError(f"{where}: kind must be one of {', '.join(ENTITY_KINDS)}")
            variants = item.get("variants", [])
            if not isinstance(variants, list):
                raise FieldError(f"{where}: variants must be a list")
            editorial.entities.append(Entity(
                item["kind"], _keyed(_text, item.get("ar"), f"{where}: ar"), _keyed(_text, item.get("en"), f"{where}: en"),
                tuple(_keyed(_text, v, f"{where}: variants") for v in variants)))

    def _source_errors(self, value: Any, editorial: Editorial) -> None:
        if not isinstance(value, list):
            raise FieldError("expected a list of {ar, en}")
        for index, item in enumerate(value, 1):
            pair = _keyed(lambda v: _bilingual(v, ("ar", "en")), item, f"entry {index}")
            editorial.source_errors.append(SourceError(pair.ar, pair.en))
