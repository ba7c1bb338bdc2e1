"""`make pages SEEDS=DIR OUT=DIR`: the converter alone, on any folder; bad input gets a clear answer."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from conftest import ENV, FIXTURES, PYTHON, ROOT, read_article_page, run_pages, sha256, vocabulary_only

RELATED = re.compile(r"\n## [^\n]*\{: #related \}.*", re.S)


def test_make_pages_converts_any_folder_into_the_docs_layout(tmp_path):
    seeds = tmp_path / "in"
    shutil.copytree(FIXTURES / "traits", seeds)
    before = {p.name: sha256(p) for p in seeds.iterdir()}
    out = tmp_path / "out"
    result = subprocess.run(
        ["make", "--no-print-directory", "pages", f"SEEDS={seeds}", f"OUT={out}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=ENV,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    for lang in ("ar", "en"):
        assert (out / lang / "index.md").exists()
        assert sorted(p.stem for p in (out / lang / "articles").glob("*.md")) == sorted(p.stem for p in seeds.iterdir())
    assert {p.name: sha256(p) for p in seeds.iterdir()} == before  # seeds are never modified


def test_a_bad_seed_fails_the_run_naming_the_file_and_writes_nothing(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(FIXTURES / "traits", seeds)
    (seeds / "empty.txt").write_bytes(b"")
    (seeds / "binary.txt").write_bytes(bytes(range(256)) * 4)
    out = tmp_path / "out"
    result = run_pages(seeds, out)
    assert result.returncode == 1
    assert "seeds/empty.txt: is empty" in result.stderr
    assert "seeds/binary.txt: is a binary file" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_a_failed_run_leaves_the_previous_pages_untouched(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(FIXTURES / "traits", seeds)
    out = tmp_path / "out"
    assert run_pages(seeds, out).returncode == 0
    before = {p: p.read_bytes() for p in out.rglob("*.md")}
    (seeds / "headings.txt").write_bytes(b"\xff\xfe\x00")
    assert run_pages(seeds, out).returncode == 1
    assert {p: p.read_bytes() for p in out.rglob("*.md")} == before


def test_two_runs_give_identical_pages(tmp_path):
    editorial = vocabulary_only(tmp_path)
    assert run_pages(FIXTURES / "traits", tmp_path / "a", editorial).returncode == 0
    assert run_pages(FIXTURES / "traits", tmp_path / "b", editorial).returncode == 0
    first = {p.relative_to(tmp_path / "a"): p.read_bytes() for p in (tmp_path / "a").rglob("*.md")}
    second = {p.relative_to(tmp_path / "b"): p.read_bytes() for p in (tmp_path / "b").rglob("*.md")}
    assert first == second


@pytest.mark.long  # make test-long; make test converts a folder twice (test_two_runs_give_identical_pages)
def test_a_large_folder_is_converted_in_parallel_with_the_same_pages_and_problems(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    traits = sorted((FIXTURES / "traits").glob("*.txt"))
    for n in range(60):  # enough for every core to take a share
        shutil.copy(traits[n % len(traits)], seeds / f"{n:02d}_{traits[n % len(traits)].name}")
    result = run_pages(seeds, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    for n in (0, 59):
        name = f"{n:02d}_{traits[n % len(traits)].stem}.md"
        serial = tmp_path / f"one_{n}"
        serial.mkdir()
        shutil.copy(seeds / f"{n:02d}_{traits[n % len(traits)].name}", serial)
        assert run_pages(serial, tmp_path / f"out_{n}").returncode == 0
        (page, body), (alone, alone_body) = (
            read_article_page(folder / "ar" / "articles" / name) for folder in (tmp_path / "out", tmp_path / f"out_{n}")
        )
        assert RELATED.sub("", body) == RELATED.sub("", alone_body)  # the related list depends on the other seeds
        for key in ("title", "date", "summary", "tags", "mentions", "entities", "seed_sha256"):
            assert getattr(page, key) == getattr(alone, key), key
    (seeds / "30_empty.txt").write_bytes(b"")
    (seeds / "45_binary.txt").write_bytes(bytes(range(256)) * 4)
    failed = run_pages(seeds, tmp_path / "failed")
    assert failed.returncode == 1
    problems = [line for line in failed.stderr.splitlines() if line.startswith("seeds/")]
    assert len(problems) == 2  # in seed order, as from a serial run
    assert problems[0].startswith("seeds/30_empty.txt: is empty") and problems[1].startswith(
        "seeds/45_binary.txt: is a binary"
    )
    assert "Traceback" not in failed.stderr and not (tmp_path / "failed").exists()


def test_an_edition_without_a_language_table_is_one_line_naming_it_and_nothing_is_written(tmp_path):
    out = tmp_path / "out"
    result = subprocess.run(
        [PYTHON, "-m", "hiwar", "pages", "--seeds", str(FIXTURES / "traits"), "--out", str(out), "--editions", "ar,xx"],
        capture_output=True,
        text=True,
        env=ENV,
        cwd=ROOT,
        timeout=300,
    )
    assert result.returncode == 1
    assert result.stderr.splitlines()[0].startswith("languages/xx.yml: no table of UI strings for the language 'xx'")
    assert "Traceback" not in result.stderr
    assert not out.exists()
