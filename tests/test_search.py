"""Search finds every article that mentions what the reader typed, in any spelling, online and offline."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect

from conftest import ROOT, QuietHandler, make_project, mkdocs_build
from hiwar.knowledge.searchtext import index_tokens, matches, query_terms
from hiwar_tools.synthetic import synthetic_seeds

QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries.yml").read_text(encoding="utf-8"))
STEMS = {path.stem[:3]: path.stem for path in (ROOT / "seeds").glob("*.txt")}


def finds(query: str, text: str, lang: str, text_lang: str | None = None) -> bool:
    """The rule the search applies: every term of the query typed in the edition of `lang` is the start of a word the
    index holds for the text (in `text_lang`, by default the same language)."""
    tokens = index_tokens(text, text_lang or lang)
    return all(any(matches(term, token) for token in tokens) for term in query_terms(query, lang))


@pytest.mark.parametrize(
    "query,text",
    [
        ("مُصْطَفَى", "مصطفى"),  # tashkeel
        ("الكـــاظمي", "الكاظمي"),  # tatweel
        ("اسرائيل", "إسرائيل"),
        ("أربيل", "اربيل"),
        ("الإستراتيجي", "الاستراتيجي"),
        ("آلية", "الية"),
        ("ٱلعراق", "العراق"),
        ("السودانى", "السوداني"),  # alef maqsura
        ("حكومه", "حكومة"),
        ("حكومة", "حكومه"),  # taa marbuta, both ways
        ("العليا", "العلیا"),
        ("كردستان", "کردستان"),  # Persian yeh and kaf
        ("مسؤول", "مسوول"),
        ("رئيس", "رييس"),  # hamza on waw and yeh
        ("كاظمي", "والكاظمي"),
        ("كاظمي", "بالكاظمي"),
        ("كاظمي", "للكاظمي"),
        ("الكاظمي", "فالكاظمي"),  # article combos
        ("بايدن", "وبايدن"),
        ("بايدن", "لبايدن"),
        ("واشنطن", "بواشنطن"),
        ("طهران", "كطهران"),  # clitics
        ("والكاظمي", "الكاظمي"),
        ("بالعراق", "العراق"),
        ("للكاظمي", "كاظمي"),  # the article with a clitic in the query
        ("٢٠٢١", "2021"),
        ("2021", "٢٠٢١"),
        ("۲۰۲۴", "2024"),  # Arabic-Indic and Persian digits
        ("negotiations", "negotiation"),
        ("negotiation", "negotiations"),
        ("elections", "election"),  # English stems
        ("Sudani", "al-Sudani"),
        ("al-Sudani", "Sudani"),
        ("KADHIMI", "al-Kadhimi"),  # al- and case
    ],
)
@pytest.mark.parametrize("lang", ["ar", "en"])  # Latin words are read as English in both editions
def test_each_normalisation_rule_on_its_own(query, text, lang):
    assert finds(query, text, lang)


@pytest.mark.parametrize("query,text", [("كاظم", "الحكومة"), ("بغداد", "واشنطن"), ("Sudani", "Kadhimi")])
@pytest.mark.parametrize("lang", ["ar", "en", "fr"])
def test_normalisation_does_not_find_other_words(query, text, lang):
    assert not finds(query, text, lang)


def test_a_language_without_rules_is_searched_with_folding_only():
    """French has no entry in search_rules.yml: its words are only folded (no English endings, no al-), a query word
    still finds the words it begins, and Arabic words keep the Arabic analysis in French text and queries."""
    assert query_terms("Les NÉGOCIATIONS d'al-Soudani", "fr") == ["les", "négociations", "d", "al", "soudani"]
    assert query_terms("Les NÉGOCIATIONS d'al-Soudani", "en") == ["les", "négoci", "d", "soudani"]
    assert not finds("négociations", "la négociation", "fr")  # an English reader's stem would find it
    assert finds("négociations", "la négociation", "en", "fr")
    assert finds("négociation", "les négociations", "fr")  # a word finds the words it begins
    assert finds("al-Soudani", "Mohammed Chia al-Soudani", "fr") and finds("Soudani", "al-Soudani", "fr")
    assert finds("al-Soudani", "Mohammed Chia al-Soudani", "en", "fr")
    assert query_terms("والكاظمي", "fr") == query_terms("والكاظمي", "ar") == ["كاظمي"]
    assert finds("كاظمي", "rencontre avec بالكاظمي", "fr")
    assert not finds("négociations", "négociation", "fr", "en")  # the index of an English text holds no stems either


def test_a_misspelt_part_of_a_languages_rules_is_refused_not_ignored():
    from hiwar.knowledge.searchtext import _analysis

    with pytest.raises(ValueError, match="languages: fr: unknown part 'sufixes'"):
        _analysis("fr", {"sufixes": ["s"]})
    with pytest.raises(ValueError, match="languages: fr: other_scripts: no rules for 'de'"):
        _analysis("fr", {"script": "U+0041..U+005A", "other_scripts": "de"})


@pytest.fixture(scope="module")
def offline_base(offline_root) -> str:
    return offline_root.as_uri() + "/"


BOX = ".hiwar-search"


def type_query(page, url: str, query: str) -> None:
    page.goto(url)
    box = page.locator(f"{BOX} input[type=search]")
    box.click()
    box.fill(query)
    expect(page.locator(f"{BOX} [role=status]")).not_to_be_empty(timeout=15000)


def search_all(page, url: str, query: str) -> list[str]:
    """Every result's address, in order, pressing "more results" until all are shown."""
    type_query(page, url, query)
    results, more = page.locator(f"{BOX} .md-search-result__link"), page.locator(f"{BOX} .hiwar-search__more")
    while more.is_visible():
        shown = results.count()
        more.click()
        expect(results).not_to_have_count(shown)
    return results.evaluate_all("links => links.map(link => link.href)")


def test_the_browser_normalises_queries_exactly_as_the_index_was(browser, http_site):
    page = browser.new_page()
    page.goto(http_site)
    queries = [entry["query"] for entry in QUERIES] + [
        "ٱلعراق والإقليم",
        "للكاظمي بالعراق",
        "The NEGOTIATIONS of al-Kadhimi",
        "les négociations d'al-Soudani",
    ]
    asked = [(query, lang) for query in queries for lang in ("ar", "en", "fr")]
    in_browser = page.evaluate("asked => asked.map(([q, lang]) => window.hiwarSearch.rules.queryTerms(q, lang))", asked)
    assert in_browser == [query_terms(query, lang) for query, lang in asked]
    page.close()


def check_query_set(browser, base: str, suffix: str):
    page = browser.new_page()
    for entry in QUERIES:
        prefix = "" if entry["edition"] == "ar" else "en/"
        results = search_all(page, f"{base}{prefix}{'index.html' if suffix else ''}", entry["query"])
        found = {stem for stem in STEMS.values() if any(f"/{prefix}articles/{stem}{suffix}" in url for url in results)}
        expected = {STEMS[short] for short in entry["expect"]}
        assert expected <= found, f"{entry['query']!r}: missing {sorted(expected - found)}"
        english = [url.startswith(f"{base}en/") for url in results]
        assert english == sorted(english, reverse=entry["edition"] == "en"), f"{entry['query']!r}: own edition first"
    page.close()


@pytest.mark.long  # make test-long; make test asks the same queries of the index in Node (test_search_index.py)
def test_public_query_set_online(browser, http_site):
    check_query_set(browser, http_site, "/")


@pytest.mark.long  # make test-long; make test asks the same queries of the index in Node (test_search_index.py)
def test_public_query_set_offline_from_file(browser, offline_base):
    check_query_set(browser, offline_base, "/index.html")


def test_matches_found_only_through_normalisation_are_highlighted(browser, http_site):
    page = browser.new_page()
    search_all(page, http_site, "اسرائيل")
    marks = page.locator(f"{BOX} mark").all_inner_texts()
    assert "إسرائيل" in marks and "اسرائيل" not in marks
    page.close()


def test_nothing_of_the_index_loads_until_the_reader_turns_to_search(browser, http_site):
    page = browser.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(http_site + "en/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in requested if "/search/" in url]
    page.locator(f"{BOX} input[type=search]").focus()
    page.wait_for_load_state("networkidle")
    assert [url for url in requested if "/search/" in url] == [http_site + "search/manifest.js"]
    page.close()


def test_the_search_box_is_usable_from_the_keyboard(browser, http_site):
    page = browser.new_page()
    type_query(page, http_site + "en/", "Kadhimi")
    links = page.locator(f"{BOX} .md-search-result__link")
    page.keyboard.press("ArrowDown")
    expect(links.first).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(links.nth(1)).to_be_focused()
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    expect(page.locator(f"{BOX} input[type=search]")).to_be_focused()
    page.keyboard.press("Escape")
    assert page.evaluate("document.getElementById('__search').checked") is False
    page.locator(f"{BOX} input[type=search]").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/articles/**")
    page.close()


@pytest.mark.parametrize("edition", ["", "en/"])
def test_no_accessibility_violations_with_results_shown(browser, http_site, offline_base, edition):
    from test_audit import axe_violations

    # the checker goes in as an inline script and the wait below is evaluated: both refused by the pages' own policy
    context = browser.new_context(bypass_csp=True, service_workers="block")
    page = context.new_page()
    for base, home in ((http_site, ""), (offline_base, "index.html")):
        type_query(page, f"{base}{edition}{home}", "الكاظمي" if not edition else "Kadhimi")
        # the results fade in (Material's transition): contrast is judged once they are fully shown
        page.wait_for_function(
            "getComputedStyle(document.querySelector('.hiwar-search .md-search__output')).opacity === '1'"
        )
        assert axe_violations(page) == []
    context.close()


# A synthetic archive: more index chunks than one query needs, and more results than one screen shows.
ARCHIVE = 60


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("search-archive")
    synthetic_seeds(base / "seeds", ARCHIVE)
    project = make_project(base, base / "seeds")
    for name, offline in (("site", False), ("offline", True)):
        result = mkdocs_build(project, base / name, offline=offline)
        assert result.returncode == 0, result.stderr
    return {"site": base / "site", "offline": base / "offline"}


@pytest.fixture(scope="module")
def archive_http(archive):
    handler = functools.partial(QuietHandler, directory=str(archive["site"]))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.mark.long  # make test-long
@pytest.mark.parametrize("where", ["http", "file"])
def test_a_large_archive_is_searched_chunk_by_chunk_online_and_offline(browser, archive, archive_http, where):
    chunks = len(list((archive["site"] / "search" / "words").glob("*.js")))
    assert chunks > 3
    base = archive_http if where == "http" else archive["offline"].as_uri() + "/"
    page = browser.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    results = search_all(page, base + ("" if where == "http" else "index.html"), "مصطفى الكاظمي")
    articles = [url for url in results if "/articles/" in url and "/en/" not in url]
    assert len(articles) == ARCHIVE  # every synthetic article names him, in any spelling
    assert not any("/en/" in url for url in results[: len(articles)])  # the reader's edition first
    words = {url for url in requested if "/search/words/" in url}
    assert 1 <= len(words) < chunks
    first = page.locator(f"{BOX} .md-search-result__link").first
    first.click()
    page.wait_for_url("**/articles/**")
    assert "الكاظمي" in page.locator("article").first.inner_text()
    page.close()
