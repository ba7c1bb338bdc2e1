"""`make pages SEEDS=DIR OUT=DIR`: the converter alone, on any folder; bad input gets a clear answer."""
from __future__ import annotations

import re
import shutil
import subprocess
import textwrap

import pytest
from conftest import ENV, FIXTURES, ROOT, read_front_matter, run_pages, sha256, vocabulary_only

RELATED = re.compile(r"\n## [^\n]*\{#related\}.*", re.S)


def test_make_pages_converts_any_folder_into_the_docs_layout(tmp_path):
    seeds = tmp_path / "in"
    shutil.copytree(FIXTURES / "traits", seeds)
    before = {p.name: sha256(p) for p in seeds.iterdir()}
    out = tmp_path / "out"
    result = subprocess.run(["make", "--no-print-directory", "pages", f"SEEDS={seeds}", f"OUT={out}"],
                            cwd=ROOT, capture_output=True, text=True, env=ENV, timeout=300)
    assert result.returncode == 0, result.stderr
    for lang in ("ar", "en"):
        assert (out / lang / "index.md").exists()
        assert sorted(p.stem for p in (out / lang / "articles").glob("*.md")) == sorted(p.stem for p in seeds.iterdir())
    assert {p.name: sha256(p) for p in seeds.iterdir()} == before  # seeds are never modified


def wrap_by_characters(paragraph: str) -> list[str]:
    """As an e-mail client or a text editor wraps: at most 72 characters a line."""
    return textwrap.wrap(paragraph, 72, break_long_words=False, break_on_hyphens=False)


def wrap_by_printed_width(paragraph: str) -> list[str]:
    """As text copied from a PDF comes: lines of one printed width, so of varying character counts."""
    def printed(text):  # every character its own width, between 0.6 and 1.5 of an average one
        return sum(0.6 + (ord(character) * 7919 % 91) / 100 for character in text)
    indent = paragraph[:len(paragraph) - len(paragraph.lstrip())]  # a list item keeps its depth
    lines: list[str] = []
    for word in paragraph.split():
        if lines and printed(f"{lines[-1]} {word}") <= 60:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word if lines else indent + word)
    return lines


@pytest.mark.parametrize("wrap_paragraph", [wrap_by_characters, wrap_by_printed_width])
def test_a_hard_wrapped_copy_of_each_seed_gives_the_same_pages_and_keeps_its_translation(tmp_path, wrap_paragraph):
    """Each seed and one translation hard-wrapped, their paragraphs apart by a blank line."""
    def wrap(source, target):
        paragraphs = [line for line in source.read_text(encoding="utf-8").split("\n") if line.strip()]
        target.write_text("\n\n".join("\n".join(wrap_paragraph(line)) for line in paragraphs), encoding="utf-8")

    wrapped = tmp_path / "wrapped"
    wrapped.mkdir()
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        wrap(seed, wrapped / seed.name)
    editorial = tmp_path / "editorial"
    shutil.copytree(ROOT / "editorial", editorial)
    wrap(ROOT / "editorial" / "003_a6238033f2a5b92a.en.txt", editorial / "003_a6238033f2a5b92a.en.txt")
    result = run_pages(wrapped, tmp_path / "from-wrapped", editorial)
    assert result.returncode == 0, result.stderr
    assert len(re.findall(r"hard-wrapped at about \d+ characters a line: its lines are joined into paragraphs",
                          result.stdout)) == 5
    assert run_pages(ROOT / "seeds", tmp_path / "from-seeds", ROOT / "editorial").returncode == 0

    def pages(out):  # the seed's bytes differ, so its digest does too
        return {path.relative_to(out): re.sub(r"seed_sha256: \w+", "", path.read_text(encoding="utf-8"))
                for path in sorted(out.rglob("*.md"))}

    from_wrapped, from_seeds = pages(tmp_path / "from-wrapped"), pages(tmp_path / "from-seeds")
    assert from_wrapped.keys() == from_seeds.keys()
    for path in from_seeds:
        assert from_wrapped[path] == from_seeds[path], path
    data, _ = read_front_matter(tmp_path / "from-wrapped" / "en" / "articles" / "003_a6238033f2a5b92a.md")
    assert data["translation"] == "complete"


def test_english_page_without_translation_says_so_and_holds_no_arabic_body(tmp_path):
    run_pages(FIXTURES / "traits", tmp_path / "out")
    data, body = read_front_matter(tmp_path / "out" / "en" / "articles" / "headings.md")
    assert data["translation"] == "missing"
    assert body.strip() == ""
    assert not any("\u0600" <= ch <= "\u06ff" for ch in data["title"])


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
        (meta, body), (alone_meta, alone_body) = (read_front_matter(folder / "ar" / "articles" / name)
                                                  for folder in (tmp_path / "out", tmp_path / f"out_{n}"))
        assert RELATED.sub("", body) == RELATED.sub("", alone_body)  # the related list depends on the other seeds
        for key in ("title", "date", "summary", "tags", "mentions", "entities", "seed_sha256"):
            assert meta.get(key) == alone_meta.get(key), key
    (seeds / "30_empty.txt").write_bytes(b"")
    (seeds / "45_binary.txt").write_bytes(bytes(range(256)) * 4)
    failed = run_pages(seeds, tmp_path / "failed")
    assert failed.returncode == 1
    problems = [line for line in failed.stderr.splitlines() if line.startswith("seeds/")]
    assert len(problems) == 2  # in seed order, as from a serial run
    assert problems[0].startswith("seeds/30_empty.txt: is empty") and problems[1].startswith("seeds/45_binary.txt: is a binary")
    assert "Traceback" not in failed.stderr and not (tmp_path / "failed").exists()
