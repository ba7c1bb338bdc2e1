"""Editorial data files (YAML): read safely, dates kept as text, errors naming the file and the line.

Plain YAML only: anchors and aliases are refused (an alias bomb grows without end; an editor never
needs one), so are explicit tags (`!!int x`, `!!python/…`), duplicate keys (YAML keeps one value silently) and nesting deeper than any of our
files needs. Scalars resolve as YAML 1.2 has them: `true`/`false`, decimal numbers, `null`; a date,
`no`, `on` or `1:30` stays text, so the schema can name the field instead of the parser crashing.
An empty or comment-only file is None: no entries.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError

from hiwar.ingest.files import read_bytes
from hiwar.problems import InputError, quoted, shown

MAX_DEPTH = 32  # our deepest file (events.yml: events → entry → match → group) nests four levels


class MappingKeyError(ConstructorError):
    """Two values for one key in a mapping, or a key YAML cannot compare."""


class EditorialLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml's parser when it is there
    """Safe YAML with YAML 1.2 scalars and no duplicate keys."""

    def construct_mapping(self, node, deep=False):
        first_line: dict[Any, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            try:
                hash(key)
            except TypeError:
                raise MappingKeyError(
                    None, None, "a key is a list or a mapping; keys are text", key_node.start_mark
                ) from None
            if key in first_line:
                raise MappingKeyError(
                    None,
                    None,
                    f"duplicate key {quoted(key)} (first on line {first_line[key]}); keep one",
                    key_node.start_mark,
                )
            first_line[key] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep)

    def construct_yaml_int(self, node):
        return int(self.construct_scalar(node))  # decimal only: tags are refused and the resolver is YAML 1.2's


EditorialLoader.add_constructor("tag:yaml.org,2002:int", EditorialLoader.construct_yaml_int)


# YAML 1.2 core schema scalars (PyYAML resolves YAML 1.1: yes/no/on/off as booleans, 1:30 as 90, dates).
_RESOLVERS = [
    ("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")),
    ("tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789")),
    (
        "tag:yaml.org,2002:float",
        re.compile(
            r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
            r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
        ),
        list("-+.0123456789"),
    ),
    ("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]),
]
EditorialLoader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in _RESOLVERS:
    for _ch in _first:
        EditorialLoader.yaml_implicit_resolvers.setdefault(_ch, []).append((_tag, _pattern))


def read_yaml(path: Path, source: str) -> Any:
    """An editorial YAML file's data (None when it holds none); an InputError naming the file otherwise."""
    data = read_bytes(path, source)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(source, "is not UTF-8 text; save it as UTF-8") from None
    try:
        _check_plain(text, source)
        return yaml.load(text, Loader=EditorialLoader)  # noqa: S506 (a SafeLoader)
    except yaml.reader.ReaderError as err:  # a character YAML refuses anywhere (its message spans two lines)
        line = text.count("\n", 0, err.position or 0) + 1
        code = err.character if isinstance(err.character, int) else ord(str(err.character)[:1] or "?")
        raise InputError(
            source, f"line {line}: holds the control character U+{code:04X}, which YAML does not allow; remove it"
        ) from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark else ""
        if isinstance(err, MappingKeyError):
            raise InputError(source, f"{where}{err.problem}") from None
        raise InputError(source, f"is not valid YAML ({where}{getattr(err, 'problem', None) or err})") from None


def _check_plain(text: str, source: str) -> None:
    """Refuse anchors, aliases, explicit tags and deep nesting before anything is built from the events."""
    depth = 0
    for event in yaml.parse(text, Loader=EditorialLoader):
        line = event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise InputError(
                source, f"line {line}: YAML anchors and aliases (&name, *name) are not accepted; write the value out"
            )
        if getattr(event, "tag", None):  # an explicit tag (!!int, !!python/…, !x): never needed, often a trap
            raise InputError(
                source, f"line {line}: YAML tags ({shown(event.tag)}) are not accepted; write the plain value"
            )
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise InputError(source, f"line {line}: nested deeper than {MAX_DEPTH} levels")
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
