"""Bad input gets a clear answer: one line per problem naming the file, no traceback, nothing half-written.

What each problem says is checked on the conversion (collect(): the problems it gathers, one line each); that
`make pages` prints them, fails and writes nothing is checked once in test_converter_cli.py, and that `mkdocs build`
and `make build` stop and leave the published sites alone, below."""

from __future__ import annotations

import resource
import shutil
import subprocess

import pytest

from conftest import (
    ENV,
    FIXTURES,
    PYTHON,
    ROOT,
    content,
    html,
    make_project,
    mkdocs_build,
    read_article_page,
    repository_copy,
    run_pages,
    vocabulary_only,
)
from hiwar.enrich.collection import collect
from hiwar.ingest.reader import read_article
from hiwar.ingest.seed import ARTICLE_TEXT_LIMIT, read_seed

ENCODINGS = sorted((FIXTURES / "encodings").glob("*.txt"))
EXPECTED_OPENING = "عقدت الجولة الثالثة من الحوار الاستراتيجي بين العراق والولايات المتحدة"
INVISIBLE_OR_REORDERING = "\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u00a0"


def one_seed(tmp_path, source, name=None):
    seeds = tmp_path / "seeds"
    seeds.mkdir(exist_ok=True)
    shutil.copy(source, seeds / (name or source.name))
    return seeds


def problems(seeds, editorial=None) -> list[str]:
    """The problems the conversion reports, as the converter prints them: one line each."""
    lines = [str(problem) for problem in collect(seeds, editorial).problems]
    assert all("\n" not in line and "Traceback" not in line for line in lines)
    return lines


@pytest.mark.parametrize("fixture", ENCODINGS, ids=[p.stem for p in ENCODINGS])
def test_supported_encodings_and_line_ends_are_read_as_the_same_arabic_text(fixture):
    parsed = read_article(read_seed(fixture, f"seeds/{fixture.name}"))
    text = "\n".join(block.text for block in parsed.blocks)
    assert parsed.title == "الحوار الاستراتيجي بين بغداد وواشنطن"
    assert EXPECTED_OPENING in text
    assert not any(ch in text + parsed.title for ch in INVISIBLE_OR_REORDERING + "\r")


@pytest.mark.parametrize(
    "fixture,message",
    [
        ("empty.txt", "is empty or holds only whitespace"),
        ("whitespace_only.txt", "is empty or holds only whitespace"),
        ("binary.txt", "is a binary file, not text"),
        ("latin_only.txt", "is not Arabic text"),
        ("undecodable.txt", "is not in a supported encoding"),
        ("notes.md", "is not a seed: seeds are plain-text files ending in .txt"),
    ],
)
def test_unusable_seed_is_one_clear_line_naming_the_file(tmp_path, fixture, message):
    seeds = one_seed(tmp_path, FIXTURES / "traits" / "headings.txt")
    shutil.copy(FIXTURES / "invalid" / fixture, seeds / fixture)
    (found,) = problems(seeds)
    assert found.startswith(f"seeds/{fixture}: {message}")


def test_two_seeds_with_the_same_article_id_are_refused(tmp_path):
    seeds = one_seed(tmp_path, FIXTURES / "traits" / "headings.txt", "Dialogue.txt")
    shutil.copy(FIXTURES / "traits" / "headings.txt", seeds / "dialogue.txt")
    (found,) = problems(seeds)
    assert found.startswith("seeds/dialogue.txt: has the same article id as seeds/Dialogue.txt")


def editorial_with(tmp_path, **files) -> tuple:
    seeds = one_seed(tmp_path, FIXTURES / "traits" / "headings.txt")
    editorial = vocabulary_only(tmp_path)
    for name, text in files.items():
        (editorial / name.replace("__", ".")).write_text(text, encoding="utf-8")
    return seeds, editorial


@pytest.mark.parametrize(
    "metadata,message",
    [
        ("sumary:\n  ar: ملخص\n  en: Summary\n", "editorial/headings.yml: unknown field 'sumary'"),
        ("date:\n  value: 2021-02-30\n", "editorial/headings.yml: field 'date': value: 2021-02-30 does not exist"),
        ("date:\n  value: 30/02/2021\n", "editorial/headings.yml: field 'date': value: '30/02/2021' is not a date"),
        (
            "tags: [strategic-dialog]\n",
            "editorial/headings.yml: field 'tags': 'strategic-dialog' is not in editorial/tags.yml",
        ),
        ("title:\n  ar: عنوان\n  fr: Titre\n", "editorial/headings.yml: field 'title': unknown key 'fr'"),
        ("summary:\n  ar: ملخص فقط\n", "editorial/headings.yml: field 'summary': missing en:"),
        (
            "entities:\n  - kind: human\n    ar: فلان\n    en: Someone\n",
            "field 'entities': entry 1: kind must be one of",
        ),
        ("title: [unclosed\n", "editorial/headings.yml: is not valid YAML (line 2"),
        ("- just\n- a list\n", "editorial/headings.yml: must be a mapping of fields"),
    ],
)
def test_broken_metadata_names_the_file_and_the_field(tmp_path, metadata, message):
    (found,) = problems(*editorial_with(tmp_path, headings__yml=metadata))
    assert message in found


def test_translation_with_a_missing_paragraph_names_the_first_paragraph_that_differs(tmp_path):
    seeds = one_seed(tmp_path, ROOT / "seeds" / "004_619acb7bf2d5c641.txt")
    editorial = vocabulary_only(tmp_path)
    lines = (ROOT / "editorial" / "004_619acb7bf2d5c641.en.txt").read_text(encoding="utf-8").split("\n")
    english = [line for line in lines if line.strip()]
    del english[6]  # the translation of ¶3 (seed line 14)
    (editorial / "004_619acb7bf2d5c641.en.txt").write_text("\n\n".join(english), encoding="utf-8")
    (found,) = problems(seeds, editorial)
    assert found.startswith("editorial/004_619acb7bf2d5c641.en.txt: does not match its seed at ¶3 (seed line 14)")


def test_translation_that_drops_a_bullet_is_refused_at_that_item(tmp_path):
    seeds = one_seed(tmp_path, FIXTURES / "traits" / "nested_bullets.txt")
    editorial = vocabulary_only(tmp_path)
    english = [
        "Options of the Iraqi government",
        "The government has several options, including:",
        "  • To ask US forces to leave Iraq.",
        "  • To ignore parliament's decision, which means:",
        "    • An internal escalation with the armed factions.",
        "Or a regional escalation between Tehran and Washington.",
        "  • To look for a middle way that satisfies both sides.",
        "The last option remains the most likely.",
    ]
    (editorial / "nested_bullets.en.txt").write_text("\n".join(english), encoding="utf-8")
    (found,) = problems(seeds, editorial)
    assert (
        "does not match its seed at ¶5 (seed line 8): the seed has a bullet at indent 4, the translation a plain line"
        in found
    )


def test_editorial_file_without_a_seed_is_reported(tmp_path):
    (found,) = problems(*editorial_with(tmp_path, hedings__yml="tags: [iran]\n"))
    assert found.startswith("editorial/hedings.yml: belongs to no seed (expected seeds/hedings.txt)")


def test_a_seed_as_large_as_an_article_may_be_converts_and_a_byte_more_is_one_line(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    text = (ROOT / "seeds" / "002_344b185d2b28595d.txt").read_text(encoding="utf-8")
    data = ((text + "\n") * (ARTICLE_TEXT_LIMIT.bytes // len(text.encode()) + 1)).encode()
    data = data[: data.rindex(b"\n", 0, ARTICLE_TEXT_LIMIT.bytes) + 1]  # whole lines, within the limit
    data += b" " * (ARTICLE_TEXT_LIMIT.bytes - len(data))
    (seeds / "big.txt").write_bytes(data)
    result = run_pages(seeds, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    front, body = read_article_page(tmp_path / "out" / "ar" / "articles" / "big.md")
    assert front.words > 150_000 and body.count("{: #p-") > 2000
    (seeds / "big.txt").write_bytes(data + b" ")
    assert problems(seeds) == [
        "seeds/big.txt: is 2,097,153 bytes (2 MiB), more than the 2,097,152 (2 MiB) an article's "
        "text (a seed or a translation) may have; split it into articles, or remove what is not "
        "the article's text"
    ]


def test_a_huge_seed_is_one_line_and_never_read(tmp_path):
    seeds = one_seed(tmp_path, FIXTURES / "traits" / "headings.txt")
    with (seeds / "huge.txt").open("wb") as sparse:
        sparse.truncate(
            64 * 2**30
        )  # 64 GiB that take no disk; read to be hashed or converted, they would exhaust memory
    limited = lambda: resource.setrlimit(resource.RLIMIT_AS, (4 * 2**30, 4 * 2**30))  # noqa: E731 (a failure, not an OOM)
    result = subprocess.run(
        [PYTHON, "-m", "hiwar", "pages", "--seeds", str(seeds), "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
        env=ENV,
        cwd=ROOT,
        timeout=120,
        preexec_fn=limited,
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0] == (
        "seeds/huge.txt: is 68,719,476,736 bytes (64 GiB), more than the 2,097,152 (2 MiB) an article's text (a seed or "
        "a translation) may have; split it into articles, or remove what is not the article's text"
    )


def test_limits_on_what_one_metadata_file_can_cost_are_one_line_each(tmp_path):
    note = "  - kind: editor\n    paragraph: 1\n    text:\n      ar: ملاحظة\n      en: A note\n"
    assert problems(*editorial_with(tmp_path, headings__yml="date:\n  value: 1500/2024\n")) == [
        "editorial/headings.yml: field 'date': value: 1500/2024 touches 525 calendar years (1500 to 2024); an interval "
        "may touch at most 10: a wider one does not date anything"
    ]
    assert problems(*editorial_with(tmp_path, headings__yml="notes:\n" + note * 2000)) == [
        "editorial/headings.yml: field 'notes': holds 2,000 notes, more than the 200 accepted (editorial/README.md)"
    ]


def test_mkdocs_build_stops_on_a_bad_seed_and_writes_no_page(tmp_path):
    project = make_project(tmp_path, FIXTURES / "traits")
    assert mkdocs_build(project, tmp_path / "site").returncode == 0
    pages = {p: p.read_bytes() for p in (project / "docs").rglob("*.md")}
    shutil.copy(FIXTURES / "invalid" / "binary.txt", project / "seeds" / "binary.txt")
    result = mkdocs_build(project, tmp_path / "site2")
    assert result.returncode == 1
    assert "seeds/binary.txt: is a binary file, not text" in result.stderr
    assert "Traceback" not in result.stderr
    assert {p: p.read_bytes() for p in (project / "docs").rglob("*.md")} == pages


@pytest.mark.long  # make test-long; make test kills builds at a step of publishing and at a moment of building
def test_failed_make_build_leaves_the_previous_sites_untouched(tmp_path):
    """The real Makefile, on a copy of this repository with a broken seed added."""
    copy = repository_copy(tmp_path)
    env = {**ENV, "PYTHONPATH": str(copy / "scripts")}
    first = subprocess.run(["make", "build"], cwd=copy, capture_output=True, text=True, env=env, timeout=600)
    assert first.returncode == 0, first.stderr
    before = {
        p.relative_to(copy): p.read_bytes()
        for d in ("site", "site-offline", "dist")
        for p in (copy / d).rglob("*")
        if p.is_file()
    }
    (copy / "seeds" / "zz_empty.txt").write_bytes(b"")
    second = subprocess.run(["make", "build"], cwd=copy, capture_output=True, text=True, env=env, timeout=600)
    assert second.returncode != 0
    assert "seeds/zz_empty.txt: is empty" in second.stderr
    after = {
        p.relative_to(copy): p.read_bytes()
        for d in ("site", "site-offline", "dist")
        for p in (copy / d).rglob("*")
        if p.is_file()
    }
    assert after == before


@pytest.mark.long  # make test-long; make test's in-place = clean property test builds the same inputs twice
def test_two_builds_of_the_same_input_give_identical_sites(tmp_path):
    project = make_project(tmp_path, FIXTURES / "traits")
    assert mkdocs_build(project, tmp_path / "a").returncode == 0
    assert mkdocs_build(project, tmp_path / "b").returncode == 0
    first = {p.relative_to(tmp_path / "a"): p.read_bytes() for p in (tmp_path / "a").rglob("*") if p.is_file()}
    second = {p.relative_to(tmp_path / "b"): p.read_bytes() for p in (tmp_path / "b").rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [k for k in first if first[k] != second[k]] == []


def test_seed_text_in_a_page_cannot_reorder_what_the_reader_sees(tmp_path):
    seeds = one_seed(tmp_path, FIXTURES / "encodings" / "bidi_and_invisible.txt")
    project = make_project(tmp_path, seeds)
    assert mkdocs_build(project, tmp_path / "site").returncode == 0
    text = content(html(tmp_path / "site" / "articles" / "bidi_and_invisible" / "index.html")).get_text()
    assert "\u202e" not in text and "\u2066" not in text and "\u200b" not in text
    assert "من الحوار الاستراتيجي بين العراق" in text


def test_live_preview_keeps_serving_and_shows_the_problem(tmp_path):
    import socket
    import time
    import urllib.request

    project = make_project(tmp_path, FIXTURES / "traits")
    shutil.copy(FIXTURES / "invalid" / "empty.txt", project / "seeds" / "empty.txt")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "mkdocs"),
            "serve",
            "--no-livereload",
            "-a",
            f"127.0.0.1:{port}",
            "-f",
            str(project / "mkdocs.yml"),
        ],
        cwd=project,
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        page = ""
        for _ in range(120):
            try:
                page = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2).read().decode("utf-8")
                break
            except OSError:
                time.sleep(0.5)
        assert "hiwar-problems" in page
        assert "seeds/empty.txt: is empty or holds only whitespace" in page.replace("&#39;", "'")
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert "PROBLEM -  seeds/empty.txt: is empty" in output
    assert "Traceback" not in output
