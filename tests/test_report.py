"""The build report (enrich/report.py): one line per seed saying what it became, then every line left out of its
page with the reason, in the order of the seed."""

from __future__ import annotations

import shutil

from conftest import FIXTURES
from hiwar.enrich.collection import collect
from hiwar.enrich.report import report


def collected(tmp_path, *seeds, editorial=(), languages=("ar", "en")):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "editorial").mkdir()
    for seed in seeds:
        shutil.copy(seed, tmp_path / "seeds")
    for path in editorial:
        shutil.copy(path, tmp_path / "editorial")
    collection = collect(tmp_path / "seeds", tmp_path / "editorial", languages=languages)
    assert not collection.problems
    return collection


def test_each_seed_says_what_it_became_and_every_line_left_out_with_why(tmp_path):
    collection = collected(tmp_path, FIXTURES / "traits" / "hard_wrapped.txt", FIXTURES / "removed" / "boilerplate.txt")
    assert report(collection) == [
        "seeds/boilerplate.txt: 2 paragraphs, 0 headings, 18 words; date unknown (automatic); translation (en) missing",
        "  line 1: title",
        "  line 3: left out, site boilerplate: شارك هذا المقال",
        "  line 9: left out, site boilerplate (end of page): انشر مقالك",
        "  line 11: left out, site boilerplate (end of page): لإرسال مقال للنشر اضغط هنا",
        "  line 13: left out, site boilerplate (end of page): الصفحة الرئيسية",
        "seeds/hard_wrapped.txt: 7 paragraphs, 1 headings, 158 words; date 2021-05-03 (seed); translation (en) missing",
        "  hard-wrapped at about 59 characters a line: its lines are joined into paragraphs",
        "  line 1: title",
        "  line 2: left out, byline (author): بقلم: علي حسن",
        "  line 3: left out, date line (publication date): 03/05/2021",
    ]


def test_lines_left_out_are_listed_in_the_order_of_the_seed(tmp_path):
    """The byline (line 5) is found before the author's name alone above it (line 3), yet listed after it."""
    collection = collected(tmp_path, FIXTURES / "traits" / "byline_with_name_line.txt")
    assert [r.line for r in collection.articles[0].parsed.removed] == [5, 3]
    assert [line.split(":")[0] for line in report(collection)[1:]] == ["  line 1", "  line 3", "  line 5"]


def test_the_status_of_every_translation_is_given(tmp_path):
    collection = collected(
        tmp_path,
        FIXTURES / "translations" / "headings.txt",
        editorial=[FIXTURES / "translations" / "headings.en.txt"],
        languages=("ar", "en", "fr"),
    )
    assert report(collection) == [
        "seeds/headings.txt: 3 paragraphs, 2 headings, 28 words; date unknown (automatic); "
        "translation (en) complete; translation (fr) missing",
        "  line 1: title",
    ]


def test_the_report_of_the_trait_seeds_names_every_kind_of_line_left_out(tmp_path):
    text = "\n".join(report(collected(tmp_path, *sorted((FIXTURES / "traits").glob("*.txt")))))
    assert (
        "line 5: left out, teaser for another article (a “read also” link): "
        "اقرأ أيضاً: هل ستجري الانتخابات العراقية في موعدها؟"
    ) in text
    assert "left out, site boilerplate (end of page): ربما يعجبك أيضا" in text
    assert "left out, title repeated" in text
    assert "left out, image caption" in text and "left out, teaser for another article (an interview headline" in text
