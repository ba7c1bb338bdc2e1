"""Interval dates from NAME.yml and events.yml reach every page exactly: in words, in the front-matter, in the
listings and the timeline, and nowhere as a day or a month the evidence does not give."""

from __future__ import annotations

import shutil

import pytest

from conftest import FIXTURES, read_article_page, rendered_markdown, run_pages, split_page, vocabulary_only

EVIDENCE = "  evidence:\n    ar: دليل\n    en: The evidence.\n"
TALKS = """
  - id: talks-2025
    date: 2025-03-10/2025-03-11
    ar: جولة محادثات على يومين
    en: A round of talks over two days
    match: [[جولة, المحادثات]]
"""


def rendered(path):
    """A page of `make pages` as the site renders its Markdown (without the links MkDocs resolves: paths of Markdown)."""
    return rendered_markdown(split_page(path.read_text(encoding="utf-8"))[1])


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    base = tmp_path_factory.mktemp("intervals")
    seeds = base / "seeds"
    seeds.mkdir()
    for name in ("headings.txt", "nested_bullets.txt", "date_line.txt"):
        shutil.copy(FIXTURES / "traits" / name, seeds / name)
    editorial = vocabulary_only(base)
    (editorial / "headings.yml").write_text(f"date:\n  value: 2023-12-30/2024-01-02\n{EVIDENCE}", encoding="utf-8")
    (editorial / "nested_bullets.yml").write_text(
        f"date:\n  value: 2024-01-30/2024-02-02\n{EVIDENCE}", encoding="utf-8"
    )
    events = editorial / "events.yml"
    events.write_text(events.read_text(encoding="utf-8").replace("\nterms:", TALKS + "\nterms:"), encoding="utf-8")
    result = run_pages(seeds, base / "out", editorial)
    assert result.returncode == 0, result.stderr
    assert "date 2024-01-30/2024-02-02 (editorial)" in result.stdout  # the report too
    return base / "out"


def test_an_interval_is_in_the_front_matter_exactly_and_in_words_in_each_edition(out):
    arabic, _ = read_article_page(out / "ar" / "articles" / "nested_bullets.md")
    english, _ = read_article_page(out / "en" / "articles" / "nested_bullets.md")
    for page in (arabic, english):
        assert (page.date, page.date_precision, page.date_origin) == ("2024-01-30/2024-02-02", "range", "editorial")
        assert (page.date_datetime, page.date_published) == ("2024", "2024-01-30T12:00:00Z")
        assert page.date_value.edtf() == page.date
    assert english.date_display == "between 30 January and 2 February 2024"
    assert arabic.date_display == "بين 30 كانون الثاني/يناير و2 شباط/فبراير 2024"
    assert (english.date_precision_label, arabic.date_precision_label) == (
        "window between two dates",
        "فترة بين تاريخين",
    )


def test_a_window_across_the_new_year_has_no_html_datetime_and_is_listed_under_both_years(out):
    page, _ = read_article_page(out / "en" / "articles" / "headings.md")
    assert (page.date, page.date_datetime, page.date_published) == (
        "2023-12-30/2024-01-02",
        None,
        "2023-12-30T12:00:00Z",
    )
    topics = rendered(out / "en" / "topics" / "index.md")
    by_year = topics.find(id="by-year").find_next("ul")
    for year in ("2023", "2024"):
        assert by_year.find("a", string=year)["href"] == f"years/{year}.md"
        listing = rendered(out / "en" / "topics" / "years" / f"{year}.md")
        entry = listing.find("a", href="../../articles/headings.md").parent
        assert entry.get_text() == f"{entry.a.get_text()} · between 30 December 2023 and 2 January 2024"


def test_home_pages_show_windows_in_words_and_say_no_more_than_html_can(out):
    home = rendered(out / "en" / "index.md")
    cards = [" ".join(p.get_text().split()) for p in home.select("p.hiwar-card-meta")]
    times = [(t["datetime"], t.get_text()) for t in home.select("p.hiwar-card-meta time")]
    assert times == [("2024", "between 30 January and 2 February 2024"), ("2021-05-03", "3 May 2021")]
    # newest first by last day: 2 February 2024, 2 January 2024 (no <time>: no day, month or year holds it), 3 May 2021
    assert [card.split(" ·")[0] for card in cards] == [
        "between 30 January and 2 February 2024",
        "between 30 December 2023 and 2 January 2024",
        "3 May 2021",
    ]


def test_the_timeline_places_an_event_of_two_days_by_its_days(out):
    timeline = rendered(out / "en" / "timeline.md")
    talks = timeline.select_one("h2#talks-2025")
    talks.select_one(".headerlink").extract()
    assert (talks.time["datetime"], talks.get_text()) == (
        "2025-03",
        "between 10 and 11 March 2025: A round of talks over two days",
    )
    events = [h["id"] for h in timeline.select("h2")]
    assert events.index("tower-22-attack") < events.index("talks-2025")
    arabic = (out / "ar" / "timeline.md").read_text(encoding="utf-8")
    assert "بين 10 و11 آذار&#47;مارس 2025" in arabic  # ASCII punctuation in text is escaped (markup.literal)


WRONG_INTERVALS = {
    "2024-02-02/2024-01-30": (
        "field 'date': value: 2024-02-02/2024-01-30 ends (2024-01-30) before it starts (2024-02-02)"
    ),
    "2024-01-30/2024-02-30": "field 'date': value: 2024-02-30 does not exist",
    "2024/2999": "field 'date': value: 2024/2999: year 2999 is after",
    "2024-01-30/": "field 'date': value: '2024-01-30/' is an open interval",
}


def test_a_wrong_interval_in_name_yml_names_the_file_the_field_and_what_is_wrong(tmp_path):
    """Each seed's NAME.yml with its own wrong interval: one line each, naming the file (every file is checked)."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    editorial = vocabulary_only(tmp_path)
    for number, value in enumerate(WRONG_INTERVALS):
        shutil.copy(FIXTURES / "traits" / "headings.txt", seeds / f"headings-{number}.txt")
        (editorial / f"headings-{number}.yml").write_text(f"date:\n  value: {value}\n", encoding="utf-8")
    result = run_pages(seeds, tmp_path / "out", editorial)
    assert result.returncode == 1
    for number, message in enumerate(WRONG_INTERVALS.values()):
        assert f"editorial/headings-{number}.yml: {message}" in result.stderr, result.stderr
