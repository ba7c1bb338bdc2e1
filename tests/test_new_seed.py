"""A new seed with no editorial file: its page shows which values were found automatically (what is found, and how an
editor overrides it, is tested on the enrichment: test_enrich.py; the automatic summary: test_summary.py)."""

from __future__ import annotations

import re

import pytest

from conftest import FIXTURES, content, html, make_project, mkdocs_build

STEM = "kadhimi_heads_to_washington"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    base = tmp_path_factory.mktemp("new-seed")
    project = make_project(base, FIXTURES / "new_seed")
    assert mkdocs_build(project, base / "site").returncode == 0
    return base / "site"


def test_new_seed_page_shows_which_values_are_automatic(site):
    soup = html(site / "articles" / STEM / "index.html")
    header = content(soup)
    assert "(تلقائي)" in header.select_one(".hiwar-date").get_text()
    assert "(تلقائي)" in header.select_one(".hiwar-summary .admonition-title").get_text()
    about = html(site / "articles" / STEM / "index.html").select_one("section.hiwar-about")
    assert "مستنتج تلقائياً" in about.get_text()
    assert "إسماعيل قاآني" in about.select_one(".hiwar-entities").get_text()


def test_each_edition_explains_an_automatic_date_in_its_own_language(site):
    arabic = html(site / "articles" / STEM / "index.html").select_one(".hiwar-evidence").get_text(" ", strip=True)
    assert arabic.startswith("الدليل: استُنتج تلقائياً: يضع النص «لقاء الرئيس جو بايدن")
    assert (
        "(26 تموز/يوليو 2021، يوم الاثنين) غداً" in arabic
        and "من النص: ومن المقرر أن يلتقي الكاظمي يوم غد الإثنين" in arabic
    )
    assert not re.search("[A-Za-z]", arabic)
    english = (
        html(site / "en" / "articles" / STEM / "index.html").select_one(".hiwar-evidence").get_text(" ", strip=True)
    )
    assert english.startswith("Evidence: Inferred automatically: the text places “President Joe Biden")
    assert "(2021-07-26, a Monday) tomorrow" in english and not re.search("[\u0600-\u06ff]", english)
