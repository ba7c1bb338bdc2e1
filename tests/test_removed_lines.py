"""Every line left out of a page is reported as what it is: boilerplate, a teaser for another article, an image
caption, or a pull-quote — a pull-quote only when the ¶ it repeats word for word is found, and named."""

from __future__ import annotations

import pytest

from conftest import FIXTURES, ROOT, run_pages
from hiwar.ingest.reader import read_article
from hiwar.ingest.seed import read_seed

REMOVED = FIXTURES / "removed"  # one small seed per kind of leftover


def removed(path) -> dict[int, str]:
    return {line.line: line.reason for line in read_article(read_seed(path)).removed}


@pytest.mark.parametrize(
    "stem,line,reason",
    [
        # the line's words, one left out, in order in ¶2
        ("pull_quote", 7, "pull-quote (repeats ¶2)"),
        # credited to someone speaking to the site, yet word for word in ¶1: still a pull-quote
        ("pull_quote_credited", 5, "pull-quote (repeats ¶1)"),
        # the site's headline of an interview, close to ¶1 but worded differently (seed 004, line 48)
        ("teaser_headline", 5, "teaser for another article (an interview headline; ¶1 words it differently)"),
        ("teaser_read_also", 5, "teaser for another article (a “read also” link)"),
        # close to ¶1 without repeating it, and no sign of which it is
        ("reworded", 5, "restates ¶1 in other words (a reworded pull-quote or a teaser)"),
        ("caption", 3, "image caption (every word of it is in the next paragraph, ¶1)"),
        ("boilerplate", 3, "site boilerplate"),
        ("boilerplate", 9, "site boilerplate (end of page)"),
    ],
)
def test_a_line_left_out_is_reported_as_what_it_is(stem, line, reason):
    assert removed(REMOVED / f"{stem}.txt")[line] == reason


def test_a_pull_quote_is_named_so_only_when_the_paragraph_repeats_it_word_for_word():
    for stem in ("teaser_headline", "reworded", "teaser_read_also", "caption", "boilerplate"):
        assert not any(reason.startswith("pull-quote") for reason in removed(REMOVED / f"{stem}.txt").values()), stem


def test_seed_004_line_48_is_a_teaser_and_line_28_a_pull_quote_of_paragraph_8():
    reasons = removed(ROOT / "seeds" / "004_619acb7bf2d5c641.txt")
    assert reasons[48].startswith("teaser for another article")
    assert reasons[28] == "pull-quote (repeats ¶8)"
    assert reasons[38] == "teaser for another article (a “read also” link)"
    assert reasons[24] == "image caption (every word of it is in the next paragraph, ¶7)"
    # the same lines are left out as before; only what they are called changed
    assert sorted(reasons) == [3, 6, 24, 28, 38, 48, 56, 58, 60, 62]


def test_the_build_report_gives_each_reason(tmp_path):
    result = run_pages(REMOVED, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    report = result.stdout
    assert "line 7: left out, pull-quote (repeats ¶2): مخرجات الحوار الاستراتيجي" in report
    assert (
        'line 5: left out, teaser for another article (an interview headline; ¶1 words it differently): د. أحمد أنور لـ"حفريات"'
        in report
    )
    assert "line 5: left out, teaser for another article (a “read also” link): اقرأ أيضاً" in report
