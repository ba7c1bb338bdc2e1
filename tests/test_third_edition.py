"""Languages are data: a third edition (French) is a row in mkdocs.yml, a table of UI strings and the editorial
files in that language — no code. An untranslated UI string is an error naming the key, never another language's
text."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, content, html, mkdocs_build

FIXTURE = FIXTURES / "third_edition"


def _project(base: Path, languages: Path = FIXTURE / "languages") -> Path:
    project = base / "project"
    project.mkdir()
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("editions: [ar, en]", f"editions: [ar, en, fr]\n      languages_dir: {languages}")
    assert "editions: [ar, en, fr]" in config
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    (project / "overrides").symlink_to(ROOT / "overrides")
    (project / "build").mkdir()
    (project / "build" / "assets").symlink_to(ROOT / "build" / "assets")
    shutil.copytree(FIXTURE / "seeds", project / "seeds")
    shutil.copytree(FIXTURE / "editorial", project / "editorial")
    docs = project / "docs"
    for lang in ("ar", "en"):
        (docs / lang).mkdir(parents=True)
        shutil.copy(ROOT / "docs" / lang / "about.md", docs / lang / "about.md")
    shutil.copytree(FIXTURE / "docs" / "fr", docs / "fr")
    (docs / "assets").symlink_to(ROOT / "docs" / "assets")
    return project


@pytest.fixture(scope="module")
def french_site(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("third-edition")
    result = mkdocs_build(_project(base), base / "site")
    assert result.returncode == 0, result.stderr
    return base / "site"


def test_a_third_edition_is_built_under_its_code_in_its_language(french_site):
    page = html(french_site / "fr" / "articles" / "headings" / "index.html")
    assert page.html["lang"] == "fr" and page.body["dir"] == "ltr"
    text = content(page).get_text(" ")
    assert "L'avenir de la présence américaine" in text
    assert "Le dialogue reste une option" in text
    assert page.title.get_text().endswith("- Hiwar")
    assert "Résumé" in text and "min de lecture" in text
    dated = content(html(french_site / "fr" / "articles" / "date_line" / "index.html")).get_text(" ")
    assert "3 mai 2021" in dated


def test_the_originals_title_and_names_are_marked_in_the_language_and_direction_of_the_source_edition(french_site):
    original = html(french_site / "articles" / "date_line" / "index.html")
    source = (original.html["lang"], original.body["dir"])
    assert source == ("ar", "rtl")
    pending = html(french_site / "en" / "articles" / "date_line" / "index.html")  # no English translation yet
    (title,) = pending.select(".hiwar-translation-pending span[lang]")
    assert (title["lang"], title["dir"]) == source and title.get_text() == original.select_one("h1").get_text(
        strip=True
    )
    for prefix in ("en/", "fr/"):
        names = html(french_site / prefix / "articles" / "headings" / "index.html").select(".hiwar-entities span[lang]")
        assert [(n["lang"], n["dir"], n.get_text()) for n in names] == [(*source, "العراق")]


def test_a_third_edition_without_search_rules_is_searched_with_folding_only(french_site):
    """French has no entry in search_rules.yml: a French reader's query is folded only (no English endings), an English
    reader's query keeps English stemming on the same French pages, and Arabic words keep their analysis."""
    from test_search_index import ask

    queries = [
        {"query": "PRESSIONS", "lang": "fr"},
        {"query": "PRESSIONS", "lang": "en"},
        {"query": "pressi", "lang": "fr"},
        {"query": "والحوار", "lang": "fr"},
    ]
    plural_fr, plural_en, prefix_fr, arabic_fr = ask(french_site, queries)
    assert plural_fr["terms"] == ["pressions"] and plural_fr["results"] == []  # the French text says "pression"
    assert plural_en["terms"] == ["press"]
    # the English reader's stem finds "pressure" in English and "pression" in French, both marked
    assert [(page["url"], page["marked"]) for page in plural_en["pages"]] == [
        ("en/articles/headings/", 1),
        ("fr/articles/headings/", 1),
    ]
    # a word finds the words it begins
    assert [(page["url"], page["marked"]) for page in prefix_fr["pages"]] == [("fr/articles/headings/", 1)]
    assert arabic_fr["terms"] == ["حوار"]
    assert {"articles/date_line/", "articles/headings/"} <= {page["url"] for page in arabic_fr["pages"]}


def test_heading_links_are_named_in_the_language_of_their_page(french_site):
    expected = {
        "": "رابط دائم إلى هذا القسم",
        "en/": "Permanent link to this section",
        "fr/": "Lien permanent vers cette section",
    }
    for prefix, title in expected.items():
        links = html(french_site / prefix / "articles" / "headings" / "index.html").select("a.headerlink")
        assert links and {link["title"] for link in links} == {title}


def test_every_edition_links_each_page_to_its_counterparts(french_site):
    for prefix in ("", "en/", "fr/"):
        page = html(french_site / prefix / "articles" / "headings" / "index.html")
        links = {a["hreflang"]: a["href"] for a in page.select("a.md-select__link")}
        assert set(links) == {"ar", "en", "fr"}
        for lang, href in links.items():
            target = (french_site / prefix / "articles" / "headings" / href / "index.html").resolve()
            expected = french_site / ("" if lang == "ar" else f"{lang}/") / "articles" / "headings" / "index.html"
            assert target == expected.resolve()


def test_the_language_selector_of_every_page_leads_to_a_page_that_exists(french_site):
    # date_line is translated into French only: its side-by-side page exists in Arabic and French, not in English.
    assert (french_site / "fr" / "parallel" / "date_line" / "index.html").is_file()
    assert not (french_site / "en" / "parallel" / "date_line").exists()
    for path in french_site.rglob("*.html"):
        for link in html(path).select("a.md-select__link"):
            href = link["href"]  # the 404 and offline pages link from the site root: they are shown at any address
            target = (french_site / href.lstrip("/") if href.startswith("/") else path.parent / href).resolve()
            assert (target / "index.html").is_file() or target.is_file(), (path.relative_to(french_site), link["href"])


def test_an_article_not_translated_into_the_third_language_says_so_in_that_language(french_site):
    english = html(french_site / "en" / "articles" / "date_line" / "index.html")
    assert "Translation in preparation" in english.get_text()
    french = html(french_site / "fr" / "articles" / "date_line" / "index.html")
    assert "Traduction en préparation" not in french.get_text()  # date_line has a French translation


def test_labels_from_shared_files_are_in_the_third_language(french_site):
    topics = content(html(french_site / "fr" / "topics" / "index.html")).get_text(" ")
    assert "Dialogue stratégique" in topics
    gloss = html(french_site / "fr" / "articles" / "date_line" / "index.html").select(".hiwar-term .hiwar-gloss")
    assert [(g["lang"], g.get_text()) for g in gloss] == [("ar", "الحوار الاستراتيجي")]  # the original's term
    arabic = html(french_site / "articles" / "date_line" / "index.html").select(".hiwar-gloss [lang]")
    assert [(g["lang"], g.get_text()) for g in arabic] == [
        ("en", "the strategic dialogue"),
        ("fr", "le dialogue stratégique"),
    ]


def test_an_untranslated_ui_string_is_an_error_naming_its_key(tmp_path):
    languages = tmp_path / "languages"
    languages.mkdir()
    table = (FIXTURE / "languages" / "fr.yml").read_text(encoding="utf-8")
    (languages / "fr.yml").write_text(re.sub(r"(?m)^  summary: Résumé\n", "", table), encoding="utf-8")
    result = mkdocs_build(_project(tmp_path, languages), tmp_path / "site")
    assert result.returncode != 0
    assert "languages/fr.yml: the string 'article.summary' is not translated" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site" / "fr").exists()


def test_a_label_missing_in_a_shared_file_for_the_third_language_is_a_problem(tmp_path):
    project = _project(tmp_path)
    tags = project / "editorial" / "tags.yml"
    tags.write_text(tags.read_text(encoding="utf-8").replace("  fr: Dialogue stratégique\n", ""), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert 'editorial/tags.yml: id "strategic-dialogue": missing fr:' in result.stderr
    assert "Traceback" not in result.stderr
