"""What the build derives from code alone is kept for the next process where Python keeps its compiled modules
(outputs/pycache.py): made once, read back whole or made again, never where Python keeps nothing."""

from __future__ import annotations

import sys

import jinja2
import pytest

from hiwar.outputs import pycache


@pytest.fixture
def prefix(tmp_path, monkeypatch):
    """A fresh folder for Python's compiled modules, as PYTHONPYCACHEPREFIX names it."""
    monkeypatch.setattr(sys, "pycache_prefix", str(tmp_path / "pycache"))
    pycache._folder.cache_clear()
    pycache._forget_earlier_code.cache_clear()
    yield tmp_path / "pycache"
    pycache._folder.cache_clear()
    pycache._forget_earlier_code.cache_clear()


def counted(value: bytes, made: list[bytes]):
    def make() -> bytes:
        made.append(value)
        return value

    return make


def entries(prefix) -> list:
    return sorted(p for p in prefix.rglob("*") if p.is_file())


def test_a_value_is_made_once_and_read_back_by_the_next_lookup(prefix):
    made: list[bytes] = []
    assert pycache.bytes_of("kind", "key", counted(b"value", made)) == b"value"
    assert pycache.bytes_of("kind", "key", counted(b"other", made)) == b"value"
    assert pycache.bytes_of("kind", "another key", counted(b"other", made)) == b"other"
    assert made == [b"value", b"other"]


@pytest.mark.parametrize("damage", ["flipped", "cut short", "empty"])
def test_a_damaged_entry_is_made_again(prefix, damage):
    pycache.put("kind", "key", b"the value as made")
    (entry,) = entries(prefix)
    data = entry.read_bytes()
    entry.write_bytes({"flipped": data[:-1] + bytes([data[-1] ^ 1]), "cut short": data[:-3], "empty": b""}[damage])
    made: list[bytes] = []
    assert pycache.bytes_of("kind", "key", counted(b"the value as made", made)) == b"the value as made"
    assert made == [b"the value as made"]
    assert pycache.get("kind", "key") == b"the value as made"  # and kept whole again


def test_without_a_folder_for_compiled_modules_nothing_is_kept(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "pycache_prefix", None)
    pycache._folder.cache_clear()
    made: list[bytes] = []
    pycache.bytes_of("kind", "key", counted(b"value", made))
    pycache.bytes_of("kind", "key", counted(b"value", made))
    assert made == [b"value", b"value"]
    pycache._folder.cache_clear()


def test_a_folder_that_cannot_be_written_costs_the_value_being_made_again(prefix):
    prefix.parent.joinpath("pycache").write_text("a file where the folder would be")
    made: list[bytes] = []
    assert pycache.bytes_of("kind", "key", counted(b"value", made)) == b"value"
    assert pycache.bytes_of("kind", "key", counted(b"value", made)) == b"value"
    assert made == [b"value", b"value"]


def test_entries_of_earlier_code_are_removed_when_the_code_changed(prefix):
    earlier = prefix / pycache.NAME / ("0" * 32) / "kind"
    earlier.mkdir(parents=True)
    (earlier / "entry").write_bytes(b"made by earlier code")
    pycache.put("kind", "key", b"value")
    assert [p.relative_to(prefix / pycache.NAME).parts[0] for p in entries(prefix)] == [pycache.code_digest()[:32]]


def test_a_template_compiled_by_one_process_is_taken_by_the_next_and_never_by_an_environment_that_escapes_otherwise(
    prefix, tmp_path
):
    """A second process is a second cache: its memory is empty, the folder is the first one's."""
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "page.html").write_text("<p>{{ text }}</p>")

    def environment(autoescape: bool) -> tuple[jinja2.Environment, list[str]]:
        env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(tmp_path / "templates"),
            autoescape=autoescape,
            bytecode_cache=pycache.CompiledTemplates(),
        )
        compiled: list[str] = []
        compile_ = env.compile
        env.compile = lambda source, name=None, filename=None, *a, **k: (  # type: ignore[method-assign]
            compiled.append(name) or compile_(source, name, filename, *a, **k)
        )
        return env, compiled

    first, compiled_first = environment(autoescape=True)
    assert first.get_template("page.html").render(text="<b>") == "<p>&lt;b&gt;</p>"
    second, compiled_second = environment(autoescape=True)
    assert second.get_template("page.html").render(text="<b>") == "<p>&lt;b&gt;</p>"
    unescaped, compiled_unescaped = environment(autoescape=False)
    assert unescaped.get_template("page.html").render(text="<b>") == "<p><b></p>"
    assert (compiled_first, compiled_second, compiled_unescaped) == (["page.html"], [], ["page.html"])

    (tmp_path / "templates" / "page.html").write_text("<div>{{ text }}</div>")  # an edited template: compiled again
    third, compiled_third = environment(autoescape=True)
    assert third.get_template("page.html").render(text="x") == "<div>x</div>"
    assert compiled_third == ["page.html"]
