"""A new seed with no editorial file: summary, date, people and tags are found automatically and shown as such."""
from __future__ import annotations

from conftest import FIXTURES, content, html, make_project, mkdocs_build, read_front_matter, run_pages, vocabulary_only

STEM = "kadhimi_heads_to_washington"


def test_new_seed_gets_summary_date_people_and_tags_marked_automatic(tmp_path):
    result = run_pages(FIXTURES / "new_seed", tmp_path / "out", vocabulary_only(tmp_path))
    assert result.returncode == 0, result.stderr
    meta, _ = read_front_matter(tmp_path / "out" / "ar" / "articles" / f"{STEM}.md")
    assert meta["automatic"] == ["date", "entities", "summary", "tags"]
    assert (meta["date"], meta["date_precision"]) == ("2021-07-25", "day")
    assert "tomorrow" in read_front_matter(tmp_path / "out" / "en" / "articles" / f"{STEM}.md")[0]["date_evidence"]
    assert meta["summary"].startswith("يتوجه رئيس الوزراء العراقي مصطفى الكاظمي اليوم الأحد")
    assert {"strategic-dialogue", "us-military-presence"} <= set(meta["tag_ids"])
    english_names = [entity["en"] for entity in meta["entities"]]
    for name in ("Mustafa al-Kadhimi", "Joe Biden", "Esmail Qaani", "Quds Force", "Popular Mobilization Forces (PMF)",
                 "the White House", "Iran"):
        assert name in english_names
    assert "Hamas" not in english_names  # حماس here is "enthusiasm"
    assert meta["mentions"]["esmail-qaani"] == [2]  # found under the variant spelling قاءأني


def test_new_seed_page_shows_which_values_are_automatic(tmp_path):
    project = make_project(tmp_path, FIXTURES / "new_seed")
    assert mkdocs_build(project, tmp_path / "site").returncode == 0
    soup = html(tmp_path / "site" / "articles" / STEM / "index.html")
    header = content(soup)
    assert "(تلقائي)" in header.select_one(".hiwar-date").get_text()
    assert "(تلقائي)" in header.select_one(".hiwar-summary .admonition-title").get_text()
    about = html(tmp_path / "site" / "articles" / STEM / "index.html").select_one("section.hiwar-about")
    assert "مستنتج تلقائياً" in about.get_text()
    assert "إسماعيل قاآني" in about.select_one(".hiwar-entities").get_text()


def test_an_editor_overrides_any_automatic_value(tmp_path):
    editorial = vocabulary_only(tmp_path)
    (editorial / f"{STEM}.yml").write_text(
        "date:\n  value: 2021-07\n  evidence:\n    ar: تقدير المحرر\n    en: The editor's estimate\n"
        "summary:\n  ar: ملخص من المحرر.\n  en: An editor's summary.\ntags: [elections]\n"
        "entities:\n  - kind: person\n    ar: مصطفى الكاظمي\n    en: Mustafa al-Kadhimi\n", encoding="utf-8")
    result = run_pages(FIXTURES / "new_seed", tmp_path / "out", editorial)
    assert result.returncode == 0, result.stderr
    meta, _ = read_front_matter(tmp_path / "out" / "ar" / "articles" / f"{STEM}.md")
    assert meta["automatic"] == []
    assert meta["editorial"] == ["date", "entities", "summary", "tags"]
    assert (meta["date"], meta["summary"], meta["tag_ids"]) == ("2021-07", "ملخص من المحرر.", ["elections"])
    assert [e["en"] for e in meta["entities"]] == ["Mustafa al-Kadhimi"]
