"""`make bench` must not rot: the benchmark runs end to end on a tiny archive and prints every figure.

Timings are not checked (they are the benchmark's output, not a property of the site); what is checked is that
every measurement happened and came out sensible: both editions built and timed against plain MkDocs, the
plugin's stages, a warm build that rendered the edited article and reused the rest, the edit visible online,
offline and in the preview, sizes, and a search that showed results online and from file://.
"""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from conftest import ENV, PYTHON, ROOT
from hiwar_tools.bench_archive import COLUMNS, SUMMARY
from hiwar_tools.synthetic import synthetic_seeds

pytestmark = pytest.mark.long  # runs make bench on a small archive: make test-long

ARTICLES = 5


@pytest.fixture(scope="module")
def bench(tmp_path_factory):
    work = tmp_path_factory.mktemp("bench")
    result = subprocess.run(
        [
            PYTHON,
            "-m",
            "hiwar_tools.bench_archive",
            "--runs",
            "1",
            "--keep",
            str(work / "work"),
            "--json",
            str(work / "bench.json"),
            str(ARTICLES),
        ],
        capture_output=True,
        text=True,
        env=ENV,
        cwd=ROOT,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return {
        "stdout": result.stdout,
        "stderr": result.stderr,
        "json": json.loads((work / "bench.json").read_text(encoding="utf-8")),
    }


def markdown_tables(text: str) -> list[list[list[str]]]:
    tables, current = [], []
    for line in text.splitlines() + [""]:
        if line.startswith("|"):
            current.append([cell.strip() for cell in re.split(r"(?<!\\)\|", line.strip())[1:-1]])
        elif current:
            tables.append([row for row in current if not set("".join(row)) <= {"-"}])
            current = []
    return tables


def test_one_table_per_size_with_every_measure(bench):
    size, across = markdown_tables(bench["stdout"])
    assert tuple(size[0]) == COLUMNS
    measures = {row[0]: row for row in size[1:]}
    for expected in (
        "cold make build (best of runs)",
        "plain mkdocs build of the same pages (best of runs)",
        "ratio cold / plain",
        "plugin stage: seeds converted",
        "plugin stage: pages rendered",
        "plugin stage: search index",
        "plugin stage: offline edition",
        "plugin stage: offline zip",
        "make step: build and publish",
        "pages rendered / reused",
        "edited page shows the change",
        "peak memory, whole build (sum of PSS, sampled)",
        "peak memory, largest single process (max RSS)",
        "site folder",
        "offline zip",
        "search folder",
        "largest file of the offline edition",
        "HTML per article page, ar (mean, max)",
        "HTML per article page, en (mean, max)",
        "preview: make serve serving an article after (make build ran before)",
        "preview: seed edit shown after (median of 3)",
        "preview: translation edit shown after (median of 3)",
        "preview: metadata edit shown after (median of 3)",
        "search online, ar «الحكومة العراقية»: downloaded (gzip)",
        "search offline, en: first results after",
    ):
        assert expected in measures, expected
    assert "plugin stage: kiwix editions" in measures and measures["Kiwix editions (ZIM)"][1].startswith("hiwar_ar.zim")
    # every timing has the machine's load beside it
    assert re.fullmatch(r"\d+\.\d\d→\d+\.\d\d", measures["cold make build (best of runs)"][4])
    assert measures["edited page shows the change"][1] == "site: yes, site-offline: yes"
    assert tuple(across[0]) == SUMMARY and [row[0] for row in across[1:]] == [str(ARTICLES)]


def test_the_figures_are_sensible(bench):
    (result,) = bench["json"]
    assert result["articles"] == ARTICLES
    assert result["cold"][0]["seconds"] > 0 and result["plain"][0]["seconds"] > 0
    assert result["cold"][0]["tree_mb"] > 0 and result["cold"][0]["largest_process_mb"] > 0
    (warm,) = result["warm"]
    assert set(warm["pages"]) == {"ar", "en"}
    for rendered, reused in warm["pages"].values():
        assert 0 < rendered < reused  # the edited article's pages and its listings, not the whole site
    pages = result["sizes"]["pages"]
    assert pages["ar"]["articles"] == pages["en"]["articles"] == ARTICLES
    assert result["sizes"]["zip_bytes"] > 0
    assert set(result["sizes"]["zim_bytes"]) == {"hiwar_ar.zim", "hiwar_en.zim"}  # the Kiwix editions
    assert all(size > 0 for size in result["sizes"]["zim_bytes"].values())
    assert set(result["sizes"]["epub_bytes"]) == {"hiwar-ar.epub", "hiwar-en.epub"}  # the e-books
    assert result["preview"]["ready_seconds"] is not None
    assert sorted(edit["kind"] for edit in result["preview"]["edits"]) == sorted(
        ["seed", "translation", "metadata"] * 3
    )
    for edit in result["preview"]["edits"]:
        assert edit["shown_seconds"] is not None and edit["rebuilt_seconds"] is not None
    for lang, search in result["search"]["editions"].items():
        for where in ("online", "offline"):
            assert search[where]["shown"] > 0, (lang, where, search[where]["status"])
            assert search[where]["bytes"] > 0


def test_one_line_per_step_when_not_on_a_terminal(bench):
    lines = [line for line in bench["stderr"].splitlines() if line.startswith(f"bench {ARTICLES}: ")]
    assert [line.split(": ")[1] for line in lines] == [
        "synthetic archive",
        "plain pages (python -m hiwar pages)",
        "cold make build 1/1",
        "plain mkdocs build 1/1",
        "sizes",
        "search in the browser",
        "warm make build 1/1 (one seed edited)",
        "preview (make serve)",
    ]


def test_synthetic_translations_are_aligned_with_their_seeds(tmp_path):
    synthetic_seeds(tmp_path / "seeds", 7, tmp_path / "editorial")
    for seed in sorted((tmp_path / "seeds").glob("*.txt")):
        original = [line for line in seed.read_text(encoding="utf-8").splitlines() if line.strip()]
        english = [
            line
            for line in (tmp_path / "editorial" / f"{seed.stem}.en.txt").read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
        assert len(original) == len(english)
        assert original[1] == english[1]  # the date line
        assert english[2].endswith(f"(Article {int(seed.stem[:5]) + 1})")
