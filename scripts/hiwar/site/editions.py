"""Editions: one row per language of the site, and the language tables that hold every string a reader sees.

An edition is data: its language code, its direction, where its pages live (the default edition at the root, the
others under `<lang>/`) and its table of UI strings (`languages/<lang>.yml`, looked up by key). Adding a language is
adding a row and a table; no code asks which language it is rendering.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from hiwar.model.dates import DateValue
from hiwar.problems import InputError
from hiwar.site.dateformat import format_date, precision_label

PACKAGE_LANGUAGES = Path(__file__).resolve().parent / "languages"


class MissingString(KeyError):
    """A UI string asked for by a template or page that the language's table does not hold."""

    def __str__(self) -> str:
        return str(self.args[0])


@dataclass(frozen=True)
class LanguageTable:
    """The UI strings of one language, by dotted key ("article.summary"), and its nested sections as data."""

    lang: str
    source: str  # the file, as problems name it
    strings: Mapping[str, Any]
    # Each section made once (a listing formats a date per entry): shared by its callers, who read it only.
    _sections: dict[str, Mapping[str, Any]] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __getitem__(self, key: str) -> Any:
        try:
            return self.strings[key]
        except KeyError:
            raise MissingString(f"{self.source}: no string {key!r}") from None

    def text(self, key: str, **values: object) -> str:
        """The string for `key`, with {placeholders} filled in; an unknown key is an error naming it."""
        value = self[key]
        if not isinstance(value, str):
            raise MissingString(f"{self.source}: {key!r} is a section, not a string")
        return value.format(**values) if values else value

    def section(self, name: str) -> Mapping[str, Any]:
        """A nested section as data (dates, search …), for the modules that format with it (read, never changed)."""
        known = self._sections.get(name)
        if known is not None:
            return known
        prefix = f"{name}."
        found = {key[len(prefix) :]: value for key, value in self.strings.items() if key.startswith(prefix)}
        if not found:
            raise MissingString(f"{self.source}: no section {name!r}")
        made = self._sections[name] = _nest(found)
        return made


@dataclass(frozen=True)
class Edition:
    lang: str
    default: bool  # the default edition lives at the site root
    table: LanguageTable = field(repr=False)

    @property
    def prefix(self) -> str:
        """Where the edition's pages live, relative to the site root: "" or "en/"."""
        return "" if self.default else f"{self.lang}/"

    @property
    def dir(self) -> str:
        return self.table["language.direction"]

    @property
    def name(self) -> str:
        return self.table["language.name"]

    @property
    def words_per_minute(self) -> int:
        return int(self.table["language.words_per_minute"])

    def t(self, key: str, **values: object) -> str:
        return self.table.text(key, **values)

    def format_date(self, date: DateValue | None) -> str:
        """A date in words, at its precision ("between 30 January and 2 February 2024")."""
        return format_date(date, self.table.section("dates"))

    def date_precision(self, date: DateValue | None) -> str | None:
        return precision_label(date, self.table.section("dates"))


def load_table(lang: str, folders: Iterable[Path]) -> LanguageTable:
    """The first `<lang>.yml` found in the folders (a project's own before the package's)."""
    for folder in folders:
        path = folder / f"{lang}.yml"
        if path.is_file():
            source = f"{path.parent.name}/{path.name}"
            try:
                data = yaml.safe_load(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
                raise InputError(source, f"cannot be read as a YAML language table ({err})") from None
            if not isinstance(data, dict):
                raise InputError(source, "must map sections to strings")
            return LanguageTable(lang, source, _flatten(data))
    raise InputError(
        f"languages/{lang}.yml",
        f"no table of UI strings for the language {lang!r} (looked in {', '.join(str(f) for f in folders)})",
    )


def load_editions(langs: list[str], project_folder: Path | None = None) -> tuple[Edition, ...]:
    """The editions in the configured order (the first is the default, at the root), their tables checked against
    the first one's: a key missing in one language, or one no other language has, is an error naming it."""
    folders = ([project_folder] if project_folder else []) + [PACKAGE_LANGUAGES]
    tables = [load_table(lang, folders) for lang in langs]
    reference = tables[0]
    problems = []  # (the table, what is wrong with it)
    for table in tables[1:]:
        for key in sorted(set(reference.strings) - set(table.strings)):
            problems.append((table.source, f"the string {key!r} is not translated (it is in {reference.source})"))
        for key in sorted(set(table.strings) - set(reference.strings)):
            problems.append((table.source, f"the string {key!r} is unknown (it is not in {reference.source})"))
    if len(problems) == 1:
        raise InputError(*problems[0])
    if problems:
        raise TableErrors([f"{source}: {message}" for source, message in problems])
    return tuple(Edition(table.lang, index == 0, table) for index, table in enumerate(tables))


class TableErrors(Exception):
    """Several language-table problems, one line each."""

    def __init__(self, lines: list[str]):
        super().__init__("\n".join(lines))
        self.lines = lines


# The plural categories of the Unicode CLDR: each language has its own set (English one/other, Arabic six).
PLURAL_CATEGORIES = {"zero", "one", "two", "few", "many", "other"}


# Lists (month names) and plural forms stay values; other nested mappings become dotted keys, so that a missing key
# is named exactly.
def _flatten(data: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and not (set(value) <= PLURAL_CATEGORIES and "other" in value):
            flat.update(_flatten(value, f"{name}."))
        else:
            flat[name] = value
    return flat


def _nest(flat: Mapping[str, Any]) -> dict[str, Any]:
    nested: dict[str, Any] = {}
    for key, value in flat.items():
        *parents, last = key.split(".")
        node = nested
        for parent in parents:
            node = node.setdefault(parent, {})
        node[last] = value
    return nested
