"""A new seed with no editorial file: its page shows which values were found automatically (what is found, and how an
editor overrides it, is tested on the enrichment: test_enrich.py; the automatic summary: test_summary.py)."""
from __future__ import annotations

from conftest import FIXTURES, content, html, make_project, mkdocs_build

STEM = "kadhimi_heads_to_washington"


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
