"""The project's inputs (ingest/inputs.py, ingest/naming.py): which files are seeds, which belong to a seed, which
are shared, which are ignored; every other entry is one problem saying why it is not used."""

from __future__ import annotations

import shutil

from conftest import FIXTURES
from hiwar.ingest.inputs import find_inputs
from hiwar.ingest.naming import editorial_names, looks_editorial, stem_of_editorial, translation_language

SEED = FIXTURES / "traits" / "headings.txt"


def project(tmp_path, seeds=(), editorial=()):
    for folder, names in (("seeds", seeds), ("editorial", editorial)):
        (tmp_path / folder).mkdir()
        for name in names:
            shutil.copy(SEED, tmp_path / folder / name)
    return tmp_path / "seeds", tmp_path / "editorial"


def test_a_seed_comes_with_its_own_editorial_files_and_the_shared_ones_are_apart(tmp_path):
    inputs = find_inputs(
        *project(tmp_path, ["b.txt", "a.txt"], ["a.yml", "a.en.txt", "a.fr.txt", "tags.yml", "events.yml"]),
        ("ar", "en", "fr"),
    )
    assert inputs.problems == []
    assert [(seed.file.name, seed.slug, [f.name for f in seed.own]) for seed in inputs.seeds] == [
        ("a.txt", "a", ["a.yml", "a.en.txt", "a.fr.txt"]),
        ("b.txt", "b", []),
    ]
    assert sorted(inputs.shared) == ["events.yml", "tags.yml"]
    assert inputs.seeds[0].file.source == "seeds/a.txt"


def test_hidden_files_and_readmes_are_not_inputs(tmp_path):
    inputs = find_inputs(
        *project(tmp_path, ["a.txt", ".DS_Store", "README.md", ".a.txt.swp"], ["README.md", ".hidden.yml"]),
        ("ar", "en"),
    )
    assert [seed.file.name for seed in inputs.seeds] == ["a.txt"] and inputs.problems == []


def test_a_file_that_is_no_seed_and_an_empty_folder_are_problems(tmp_path):
    inputs = find_inputs(*project(tmp_path, ["notes.md"]), ("ar", "en"))
    assert [str(p) for p in inputs.problems] == [
        "seeds/notes.md: is not a seed: seeds are plain-text files ending in .txt; rename or remove it"
    ]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert [str(p) for p in find_inputs(empty, None, ("ar", "en")).problems] == ["empty: holds no seeds (*.txt)"]


def test_the_editorial_files_a_seed_may_have_follow_the_edition_languages():
    assert editorial_names("a", ("ar", "en", "fr")) == ["a.yml", "a.en.txt", "a.fr.txt"]
    assert editorial_names("a", ("ar",)) == ["a.yml"]
    assert translation_language("a.en.txt", ("ar", "en")) == "en"
    assert (
        translation_language("a.fr.txt", ("ar", "en")) is None and translation_language(".en.txt", ("ar", "en")) is None
    )
    assert looks_editorial("x.yml", ("ar", "en")) and looks_editorial("x.en.txt", ("ar", "en"))
    assert not looks_editorial("x.txt", ("ar", "en"))
    assert (stem_of_editorial("a.b.en.txt", ("ar", "en")), stem_of_editorial("a.b.yml", ("ar", "en"))) == ("a.b", "a.b")
