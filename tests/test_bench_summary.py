"""`make bench-summary EASC=PATH`: the ROUGE table for Lead and our summariser, on a corpus laid out like EASC."""

from __future__ import annotations

import re
import subprocess

from conftest import ENV, ROOT

# Sentences with no word in common, so every overlap in the scores below is one the test put there.
SENTENCES = [
    "اجتمع الوفد العراقي بنظيره الأمريكي في بغداد.",
    "ناقش الطرفان جدول انسحاب القوات المقاتلة.",
    "أكد السفير استمرار برامج التدريب والاستشارة.",
    "رحبت الحكومة بنتائج الجولة الثالثة.",
]


def write_topic(root, number: int, article: str, references: list[str]) -> None:
    (root / "Articles" / f"Topic{number}").mkdir(parents=True)
    (root / "Articles" / f"Topic{number}" / f"politics ({number}).txt").write_text("\ufeff" + article, encoding="utf-8")
    (root / "MTurk" / f"Topic{number}").mkdir(parents=True)
    for index, reference in enumerate(references, start=1):
        (root / "MTurk" / f"Topic{number}" / f"D{number:02}.M.250.A.{index}").write_text(
            "\ufeff" + reference, encoding="utf-8"
        )


def bench(corpus) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["make", "--no-print-directory", "bench-summary", f"EASC={corpus}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=ENV,
        timeout=300,
    )


def scores(stdout: str) -> dict[str, tuple[float, float]]:
    rows = re.findall(
        r"^(Lead|Hiwar summariser|Oracle \(sees the references\)|Human \(1 vs other 4\))\s+([\d.]+)\s+([\d.]+)",
        stdout,
        re.M,
    )
    return {name: (float(r1), float(r2)) for name, r1, r2 in rows}


def test_bench_summary_prints_rouge_for_lead_and_the_summariser_at_the_references_length(tmp_path):
    corpus = tmp_path / "easc" / "EASC-UTF-8"
    # Topic 1: every reader picked the two opening sentences, so both systems match them exactly.
    write_topic(corpus, 1, "\n".join(SENTENCES), [" ".join(SENTENCES[:2])] * 5)
    # Topic 2: every reader picked the last sentence, which shares no word with the opening.
    write_topic(corpus, 2, "\n".join(SENTENCES), [SENTENCES[3]] * 5)

    result = bench(tmp_path / "easc")

    assert result.returncode == 0, result.stderr
    assert "EASC: 2 articles" in result.stdout
    # The oracle finds the readers' sentences in both topics.
    assert scores(result.stdout) == {
        "Lead": (0.5, 0.5),
        "Hiwar summariser": (0.5, 0.5),
        "Oracle (sees the references)": (1.0, 1.0),
        "Human (1 vs other 4)": (1.0, 1.0),
    }
    assert (
        "Hiwar - Lead, ROUGE-1 F1: +0.0000 (95% interval +0.0000 to +0.0000; better on 0, worse on 0 articles)"
        in result.stdout
    )


def test_bench_summary_names_what_it_needs_when_the_corpus_is_missing(tmp_path):
    result = bench(tmp_path / "nowhere")
    assert result.returncode != 0
    assert "usage: python -m hiwar_tools.bench_summary PATH_TO_EASC" in result.stderr
    assert "Traceback" not in result.stderr
