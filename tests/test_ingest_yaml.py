"""Editorial YAML is plain YAML: aliases (an alias bomb), explicit tags, duplicate keys and deep nesting are one line
naming the file and the line, never a hang or a value silently dropped; an empty file is no data; dates, `no` and
`1:30` stay text, as YAML 1.2 has them."""

from __future__ import annotations

import pytest

from conftest import FIXTURES
from hiwar.ingest.datafile import read_yaml
from hiwar.problems import InputError

YAML = FIXTURES / "yaml"


def problem(path, source: str) -> str:
    with pytest.raises(InputError) as caught:
        read_yaml(path, source)
    message = str(caught.value)
    assert "\n" not in message and message.startswith(f"{source}: ")
    return message.removeprefix(f"{source}: ")


@pytest.mark.parametrize(
    "fixture,message",
    [
        ("alias_bomb.yml", "line 2: YAML anchors and aliases (&name, *name) are not accepted; write the value out"),
        ("duplicate_keys.yml", 'line 8: duplicate key "iran" (first on line 2); keep one'),
        ("duplicate_field.yml", 'line 7: duplicate key "en" (first on line 6); keep one'),
        (
            "explicit_tag.yml",
            "line 3: YAML tags (tag:yaml.org,2002:python/object/apply:os.system) are not accepted; "
            "write the plain value",
        ),
    ],
)
def test_aliases_duplicate_keys_and_tags_are_refused_naming_the_line(fixture, message):
    assert problem(YAML / fixture, f"editorial/{fixture}") == message


@pytest.mark.parametrize(
    "text,message",
    [
        ("events: " + "[" * 40 + "]" * 40 + "\n", "line 1: nested deeper than 32 levels"),
        ("? [a, b]\n: 1\n", "line 1: a key is a list or a mapping; keys are text"),
        ("a: !!int abc\n", "line 1: YAML tags (tag:yaml.org,2002:int) are not accepted; write the plain value"),
        ("a: [unclosed\n", "is not valid YAML (line 2: did not find expected ',' or ']')"),
        ("---\na: 1\n---\nb: 2\n", "is not valid YAML (line 3: but found another document)"),
        ("a: 1\nb: x\x1b[31my\n", "line 2: holds the control character U+001B, which YAML does not allow; remove it"),
        ("a: \x00\n", "line 1: holds the control character U+0000, which YAML does not allow; remove it"),
    ],
)
def test_yaml_that_could_crash_the_loader_is_one_line(tmp_path, text, message):
    (tmp_path / "x.yml").write_text(text, encoding="utf-8")
    assert problem(tmp_path / "x.yml", "editorial/x.yml") == message


def test_a_file_that_is_not_utf8_is_one_line(tmp_path):
    (tmp_path / "x.yml").write_bytes("a: إيران\n".encode("cp1256"))
    assert problem(tmp_path / "x.yml", "editorial/x.yml") == "is not UTF-8 text; save it as UTF-8"


@pytest.mark.parametrize("fixture", ["empty.yml", "comment_only.yml"])
def test_an_empty_or_comment_only_file_holds_no_data(fixture):
    assert read_yaml(YAML / fixture, f"editorial/{fixture}") is None


def test_scalars_are_read_as_yaml_1_2_has_them(tmp_path):
    (tmp_path / "x.yml").write_text(
        "a: no\nb: 2021-01-01\nc: 1:30\nd: true\ne: 012\nf: ~\ng: on\nh: 1.5\n", encoding="utf-8"
    )
    assert read_yaml(tmp_path / "x.yml", "editorial/x.yml") == {
        "a": "no",
        "b": "2021-01-01",
        "c": "1:30",
        "d": True,
        "e": 12,
        "f": None,
        "g": "on",
        "h": 1.5,
    }
