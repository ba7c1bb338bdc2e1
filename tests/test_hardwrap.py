"""Hard-wrapped text (ingest/hardwrap.py) and how the reader reads it: a text whose lines were ended by a wrapping
tool has them joined into paragraphs, even where a wrapped line starts like something else (a date, a number range,
an indented continuation); a text written a paragraph or an item per line is left as it is."""

from __future__ import annotations

import re
import shutil
import textwrap

import pytest

from conftest import FIXTURES, ROOT
from hiwar.build.plan import render_pages
from hiwar.enrich.collection import collect
from hiwar.enrich.report import report
from hiwar.ingest.hardwrap import paragraph_lines, wrapping
from hiwar.ingest.reader import read_article
from hiwar.ingest.seed import read_seed
from hiwar.ingest.translation import load_translation
from hiwar.model.seed import HEADING
from hiwar.site.editions import load_editions

WRAPPED = FIXTURES / "hard_wrapped"
NOT_WRAPPED = FIXTURES / "not_wrapped"


def lines_of(path) -> list[str]:
    return read_seed(path).text.split("\n")


def shape(parsed) -> tuple[int, int]:
    """(¶, headings), as the build report counts them."""
    return len(parsed.numbered), sum(1 for block in parsed.blocks if block.kind == HEADING)


def text_of(parsed) -> str:
    return "\n".join(block.text for block in parsed.blocks)


@pytest.mark.parametrize(
    "name,width,blank_separated",
    [
        ("date_at_a_line_start", 66, False),
        ("number_range_at_a_line_start", 64, False),
        ("indented_continuation_lines", 59, True),
        ("interview", 62, False),
        ("interview_with_slash_labels", 62, False),
        ("lone_bullets", 56, True),
        ("full_title_line", 56, True),
    ],
)
def test_a_hard_wrapped_text_is_known_by_its_width_and_whether_blank_lines_part_its_paragraphs(
    name, width, blank_separated
):
    found = wrapping(lines_of(WRAPPED / "seeds" / f"{name}.txt"))
    assert (found.width, found.blank_separated) == (width, blank_separated)


@pytest.mark.parametrize("name", sorted(path.stem for path in NOT_WRAPPED.glob("*.txt")))
def test_texts_written_a_paragraph_per_line_are_not_taken_for_hard_wrapped(name):
    assert wrapping(lines_of(NOT_WRAPPED / f"{name}.txt")) is None


@pytest.mark.parametrize(
    "lines",
    [
        ["قصير"] * 3,  # too few lines to tell
        ["سطر من كلمات قليلة"] * 12,  # narrower than any wrapped column
        ["كلمة " * 60] * 12,  # wider than any wrapping tool's lines
    ],
    ids=["three lines", "narrow", "wide"],
)
def test_too_few_too_narrow_or_too_wide_lines_are_not_hard_wrapped(lines):
    assert wrapping(lines) is None


def test_a_wrapped_paragraph_becomes_one_line_numbered_by_its_first_line():
    text = (WRAPPED / "seeds" / "date_at_a_line_start.txt").read_text(encoding="utf-8")
    joined = paragraph_lines(text)
    assert [number for number, _ in joined][:2] == [1, 2]  # the title and the byline stand alone
    assert len(joined) < len([line for line in text.split("\n") if line.strip()])
    assert all("\n" not in line for _, line in joined)


def test_lines_of_a_text_that_is_not_wrapped_stay_as_they_are():
    text = (NOT_WRAPPED / "numbered_list_with_semicolons.txt").read_text(encoding="utf-8")
    assert paragraph_lines(text) == [(n, line.rstrip()) for n, line in enumerate(text.split("\n"), 1) if line.strip()]


@pytest.mark.parametrize(
    "name,paragraphs,headings",
    [
        ("date_at_a_line_start", 2, 0),
        ("number_range_at_a_line_start", 7, 0),
        ("indented_continuation_lines", 3, 1),
        ("interview", 6, 0),
        ("interview_with_slash_labels", 6, 0),
        ("lone_bullets", 3, 1),
        ("full_title_line", 3, 1),
    ],
)
def test_hard_wrapped_seeds_are_read_as_their_paragraphs_and_headings(name, paragraphs, headings):
    assert shape(read_article(read_seed(WRAPPED / "seeds" / f"{name}.txt"))) == (paragraphs, headings)


@pytest.mark.parametrize(
    "name,paragraphs,headings",
    [
        ("paragraphs_without_full_stops", 6, 0),
        ("numbered_list_with_semicolons", 10, 0),
        ("interview_questions_and_answers", 6, 0),
        ("news_digest_one_line_briefs", 7, 2),
    ],
)
def test_texts_not_wrapped_are_read_line_by_line(name, paragraphs, headings):
    parsed = read_article(read_seed(NOT_WRAPPED / f"{name}.txt"))
    assert shape(parsed) == (paragraphs, headings) and parsed.wrap_width is None


def test_a_date_a_wrap_put_at_a_line_start_is_part_of_its_sentence_not_the_publication_date():
    parsed = read_article(read_seed(WRAPPED / "seeds" / "date_at_a_line_start.txt"))
    assert "وكان ذلك يوم الاثنين 26 تموز 2021" in text_of(parsed)
    assert parsed.date is None and not any(line.reason.startswith("date line") for line in parsed.removed)


def test_a_number_range_a_wrap_put_at_a_line_start_is_no_list_item():
    assert "يتراوح بين 25 - 30 ألف مقاتل" in text_of(
        read_article(read_seed(WRAPPED / "seeds" / "number_range_at_a_line_start.txt"))
    )


def test_a_lone_bullet_is_an_empty_list_item_left_out():
    parsed = read_article(read_seed(WRAPPED / "seeds" / "lone_bullets.txt"))
    assert [(line.line, line.reason, line.text) for line in parsed.removed if line.reason == "empty list item"] == [
        (14, "empty list item", "•"),
        (15, "empty list item", "•"),
    ]


def test_a_full_title_line_stays_apart_from_the_byline_and_date_line_after_it():
    parsed = read_article(read_seed(WRAPPED / "seeds" / "full_title_line.txt"))
    assert (parsed.title, parsed.author) == ("الحوار الاستراتيجي بين بغداد وواشنطن: ما الذي تغيّر؟", "علي حسن")


@pytest.mark.parametrize("name", ["full_title_line", "interview"])
def test_a_hard_wrapped_translation_aligns_with_its_hard_wrapped_seed(name):
    """A full title line before "By …", and Q:/A: lines, are joined the same way on both sides."""
    seed = read_seed(WRAPPED / "seeds" / f"{name}.txt")
    parsed = read_article(seed)
    english = load_translation(
        WRAPPED / "editorial" / f"{name}.en.txt", f"editorial/{name}.en.txt", "en", parsed, seed.text
    )
    assert english.status([block.line for block in parsed.numbered]) == "complete"


# ---- the real seeds, hard-wrapped -------------------------------------------------------------------------------------
def wrap_by_characters(paragraph: str) -> list[str]:
    """As an e-mail client or a text editor wraps: at most 72 characters a line."""
    return textwrap.wrap(paragraph, 72, break_long_words=False, break_on_hyphens=False)


def wrap_by_printed_width(paragraph: str) -> list[str]:
    """As text copied from a PDF comes: lines of one printed width, so of varying character counts."""

    def printed(text):  # every character its own width, between 0.6 and 1.5 of an average one
        return sum(0.6 + (ord(character) * 7919 % 91) / 100 for character in text)

    indent = paragraph[: len(paragraph) - len(paragraph.lstrip())]  # a list item keeps its depth
    lines: list[str] = []
    for word in paragraph.split():
        if lines and printed(f"{lines[-1]} {word}") <= 60:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word if lines else indent + word)
    return lines


@pytest.mark.parametrize("wrap_paragraph", [wrap_by_characters, wrap_by_printed_width])
def test_a_hard_wrapped_copy_of_each_seed_gives_the_same_pages_and_keeps_its_translation(
    tmp_path, wrap_paragraph, project_collection
):
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
    from_wrapped = collect(wrapped, editorial)
    assert from_wrapped.problems == []
    assert (
        len(
            [
                line
                for line in report(from_wrapped)
                if re.fullmatch(
                    r"  hard-wrapped at about \d+ characters a line: its lines are joined into paragraphs", line
                )
            ]
        )
        == 5
    )

    editions = load_editions(["ar", "en"])

    def pages(collection):  # the seed's bytes differ, so its digest does too
        return {
            path: re.sub(r"seed_sha256: \w+", "", text) for path, text in render_pages(collection, editions).items()
        }

    wrapped_pages, seed_pages = pages(from_wrapped), pages(project_collection)
    assert wrapped_pages.keys() == seed_pages.keys()
    for path in seed_pages:
        assert wrapped_pages[path] == seed_pages[path], path
    assert (
        next(a for a in from_wrapped.articles if a.id == "003_a6238033f2a5b92a").translation_status("en") == "complete"
    )
