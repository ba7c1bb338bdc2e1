"""The English edition: complete translations aligned by paragraph, editorial metadata, citation, parallel reading."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from conftest import FIXTURES, ROOT, content, html, make_project, mkdocs_build, read_article_page, vocabulary_only

STEMS = sorted(path.stem for path in (ROOT / "seeds").glob("*.txt"))
ARABIC_LETTER = re.compile("[\u0600-\u06ff]")


@pytest.mark.parametrize("stem", STEMS)
def test_every_article_has_a_complete_english_translation_aligned_by_paragraph(site, stem):
    arabic = content(html(site / "articles" / stem / "index.html"))
    english = content(html(site / "en" / "articles" / stem / "index.html"))
    ar_ids = [e["id"] for e in arabic.select("[id^=p-]")]
    en_blocks = english.select("[id^=p-]")
    assert [e["id"] for e in en_blocks] == ar_ids
    assert len(english.find_all("h2", id=True)) >= len(arabic.find_all("h2", id=True))
    for block in en_blocks:
        words = re.findall(r"[A-Za-z]+", block.get_text(" "))
        assert len(words) >= 3, block["id"]
    assert not english.select(".hiwar-untranslated")
    # English text, not Arabic labelled as English: Arabic appears only inside elements marked lang="ar"
    for element in english.select("[id^=p-]"):
        for marked in element.select('[lang="ar"]'):
            marked.extract()
        assert not ARABIC_LETTER.search(element.get_text()), element["id"]


@pytest.mark.parametrize("stem", STEMS)
def test_about_this_article_states_date_evidence_translation_and_citation(site, stem):
    for prefix, lang in (("", "ar"), ("en/", "en")):
        about = html(site / f"{prefix}articles/{stem}/index.html").select_one("section.hiwar-about")
        assert about is not None
        assert about.select_one("time")["datetime"]
        assert about.select_one(".hiwar-evidence").get_text(strip=True)
        bibtex = about.select_one(".hiwar-bibtex").get_text()
        assert bibtex.startswith(f"@online{{hiwar:{stem}:{lang},")
        assert bibtex.count("{") == bibtex.count("}")
        assert f"url = {{https://hiwar.example.org/{prefix}articles/{stem}/}}" in bibtex
        assert re.search(r"date = \{\d{4}(-\d\d){0,2}(/\d{4}(-\d\d){0,2})?\}", bibtex)
        assert f"/{prefix}articles/{stem}/" in about.select_one(".hiwar-cite").get_text()


def test_citation_marks_the_arabic_original_title_on_english_pages(site):
    cite = html(site / "en" / "articles" / "001_9f79dd596af1e7b3" / "index.html").select_one(".hiwar-cite")
    original = cite.select_one('span[lang="ar"][dir="rtl"]')
    assert original.get_text() == "قبيل لقائه بـ«بايدن».. الكاظمي ينشد الآمال في الحوار الأخير"
    assert cite.get_text().startswith("Doaa Abdelnabi. ")


def test_editorial_dates_and_their_evidence_are_in_front_matter_and_feeds(site, pages):
    expected = {
        "000_683b6dac8a733867": ("2020-08-17/2020-08-19", "range"),
        "001_9f79dd596af1e7b3": ("2021-07-25", "day"),
        "002_344b185d2b28595d": ("2024-01-30/2024-02-02", "range"),
        "003_a6238033f2a5b92a": ("2021-07-26/2021-08-27", "range"),
        "004_619acb7bf2d5c641": ("2021-05-03", "day"),
    }
    for lang in ("ar", "en"):
        for stem, (date, precision) in expected.items():
            page, _ = read_article_page(pages / lang / "articles" / f"{stem}.md")
            assert (page.date, page.date_precision, page.date_origin) == (date, precision, "editorial")
            assert page.date_evidence and "date" in page.editorial
    feed = json.loads((site / "en" / "feed.json").read_text(encoding="utf-8"))
    by_seed = {item["_hiwar"]["seed"][:-4]: item for item in feed["items"]}
    for stem, (date, precision) in expected.items():
        assert (by_seed[stem]["_hiwar"]["date"], by_seed[stem]["_hiwar"]["date_precision"]) == (date, precision)
        assert not ARABIC_LETTER.search(by_seed[stem]["title"] + by_seed[stem]["summary"])


def test_author_and_publisher_only_where_the_text_states_them(pages):
    authors = {stem: read_article_page(pages / "en" / "articles" / f"{stem}.md")[0] for stem in STEMS}
    assert authors["001_9f79dd596af1e7b3"].author == "Doaa Abdelnabi"
    assert authors["004_619acb7bf2d5c641"].publisher == "Hafryat"
    assert authors["004_619acb7bf2d5c641"].author is None  # the interviewee is not the author
    for stem in ("000_683b6dac8a733867", "002_344b185d2b28595d", "003_a6238033f2a5b92a"):
        assert authors[stem].author is None and authors[stem].publisher is None
        assert "author:" not in (pages / "en" / "articles" / f"{stem}.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("stem", STEMS)
def test_parallel_page_pairs_every_paragraph_with_its_translation(site, stem):
    for prefix in ("", "en/"):
        rows = content(html(site / f"{prefix}parallel/{stem}/index.html")).select(".hiwar-parallel-row")
        arabic_blocks = content(html(site / "articles" / stem / "index.html")).select(
            "h2[id]:not(#hiwar-about-title):not(#notes), [id^=p-]"
        )
        assert len(rows) == len([b for b in arabic_blocks if not re.match(r"p-\d+-\d+$", b.get("id", ""))])
        for row in rows:
            cells = row.select(".hiwar-parallel-cell")
            assert sorted((c["lang"], c["dir"]) for c in cells) == [("ar", "rtl"), ("en", "ltr")]
            assert all(c.get_text(strip=True) for c in cells)


def test_translation_status_page_lists_every_article(site):
    for prefix, complete in (("", "كاملة"), ("en/", "complete")):
        rows = content(html(site / f"{prefix}translations/index.html")).select("table tbody tr")
        assert len(rows) == len(STEMS)
        assert all(complete in row.get_text() for row in rows)


def test_partial_translation_is_marked_and_listed_as_partial(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(FIXTURES / "traits" / "headings.txt", seeds / "headings.txt")
    editorial = vocabulary_only(tmp_path)
    (editorial / "headings.en.txt").write_text(
        "The future of the US presence\n\nThe article discusses the future of the US presence in Iraq after the dialogue.\n\n"
        "Motives of the dialogue\n\n[untranslated]\n\nConclusion\n\n[untranslated]\n",
        encoding="utf-8",
    )
    project = make_project(tmp_path, seeds, editorial)
    assert mkdocs_build(project, tmp_path / "site").returncode == 0
    page = content(html(tmp_path / "site" / "en" / "articles" / "headings" / "index.html"))
    assert [e["id"] for e in page.select("[id^=p-]")] == ["p-1", "p-2", "p-3"]
    assert len(page.select(".hiwar-untranslated")) == 2
    assert "This paragraph is not translated yet." in page.get_text()
    status = content(html(tmp_path / "site" / "en" / "translations" / "index.html")).get_text()
    assert "partial" in status and "1 / 3" in status


def test_english_page_before_translation_shows_notice_and_link_to_the_original(traits_site):
    soup = html(traits_site / "en" / "articles" / "headings" / "index.html")
    notice = soup.select_one(".hiwar-translation-pending")
    assert "Translation in preparation" in notice.get_text()
    link = notice.find("a", hreflang="ar")
    assert (traits_site / "en" / "articles" / "headings" / link["href"] / "index.html").resolve() == (
        traits_site / "articles" / "headings" / "index.html"
    ).resolve()
    for marked in soup.select('[lang="ar"]'):
        marked.extract()
    assert not ARABIC_LETTER.search(content(soup).get_text())
