"""Search finds every article that mentions what the reader typed, in any spelling, online and offline."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from hiwar.knowledge.searchtext import index_tokens, query_terms
from playwright.sync_api import expect

QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries.yml").read_text(encoding="utf-8"))
STEMS = {path.stem[:3]: path.stem for path in (ROOT / "seeds").glob("*.txt")}


def finds(query: str, text: str) -> bool:
    """The rule the search applies: every query term is the start of a word the index holds."""
    tokens = index_tokens(text)
    return all(any(token.startswith(term) for token in tokens) for term in query_terms(query))


@pytest.mark.parametrize("query,text", [
    ("مُصْطَفَى", "مصطفى"),  # tashkeel
    ("الكـــاظمي", "الكاظمي"),  # tatweel
    ("اسرائيل", "إسرائيل"), ("أربيل", "اربيل"), ("الإستراتيجي", "الاستراتيجي"), ("آلية", "الية"), ("ٱلعراق", "العراق"),
    ("السودانى", "السوداني"),  # alef maqsura
    ("حكومه", "حكومة"), ("حكومة", "حكومه"),  # taa marbuta, both ways
    ("العليا", "العلیا"), ("كردستان", "کردستان"),  # Persian yeh and kaf
    ("مسؤول", "مسوول"), ("رئيس", "رييس"),  # hamza on waw and yeh
    ("كاظمي", "والكاظمي"), ("كاظمي", "بالكاظمي"), ("كاظمي", "للكاظمي"), ("الكاظمي", "فالكاظمي"),  # article combos
    ("بايدن", "وبايدن"), ("بايدن", "لبايدن"), ("واشنطن", "بواشنطن"), ("طهران", "كطهران"),  # clitics
    ("والكاظمي", "الكاظمي"), ("بالعراق", "العراق"), ("للكاظمي", "كاظمي"),  # the article with a clitic in the query
    ("٢٠٢١", "2021"), ("2021", "٢٠٢١"), ("۲۰۲۴", "2024"),  # Arabic-Indic and Persian digits
    ("negotiations", "negotiation"), ("negotiation", "negotiations"), ("elections", "election"),  # English stems
    ("Sudani", "al-Sudani"), ("al-Sudani", "Sudani"), ("KADHIMI", "al-Kadhimi"),  # al- and case
])
def test_each_normalisation_rule_on_its_own(query, text):
    assert finds(query, text)


@pytest.mark.parametrize("query,text", [("كاظم", "الحكومة"), ("بغداد", "واشنطن"), ("Sudani", "Kadhimi")])
def test_normalisation_does_not_find_other_words(query, text):
    assert not finds(query, text)


@pytest.fixture(scope="module")
def offline_base(offline_root) -> str:
    return offline_root.as_uri() + "/"


def test_the_browser_normalises_queries_exactly_as_the_index_was(browser, http_site):
    page = browser.new_page()
    page.goto(http_site)
    queries = [entry["query"] for entry in QUERIES] + ["ٱلعراق والإقليم", "للكاظمي بالعراق", "The NEGOTIATIONS of al-Kadhimi"]
    in_browser = page.evaluate("queries => queries.map(q => window.hiwarSearch.queryTerms(q))", queries)
    assert in_browser == [query_terms(q) for q in queries]
    page.close()


def search_all(page, home: str, query: str) -> list[str]:
    page.goto(home)
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")  # Material reads the query on keyup
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15000)
    previous = -1
    while page.locator(".md-search-result__item").count() != previous:  # more results load as the reader scrolls
        previous = page.locator(".md-search-result__item").count()
        page.locator(".md-search-result__item").last.scroll_into_view_if_needed()
        page.mouse.wheel(0, 2000)
        page.wait_for_timeout(400)
    return page.locator(".md-search-result__item > a").evaluate_all("els => els.map(e => e.href)")


def check_query_set(browser, base: str, suffix: str):
    page = browser.new_page()
    hits = {}
    for entry in QUERIES:
        prefix = "" if entry["edition"] == "ar" else "en/"
        results = search_all(page, f"{base}{prefix}{'index.html' if suffix else ''}", entry["query"])
        found = {stem for stem in STEMS.values() if any(f"/{prefix}articles/{stem}{suffix}" in url for url in results)}
        expected = {STEMS[short] for short in entry["expect"]}
        assert expected <= found, f"{entry['query']!r}: missing {sorted(expected - found)}"
        own = [url for url in results if "/articles/" in url]
        english = [("/en/" in url.split("?")[0]) for url in own]
        assert english == sorted(english, reverse=entry["edition"] == "en"), f"{entry['query']!r}: own edition first"
        hits[entry["query"]] = len(found)
    page.close()
    return hits


def test_public_query_set_online(browser, http_site):
    check_query_set(browser, http_site, "/")


def test_public_query_set_offline_from_file(browser, offline_base):
    check_query_set(browser, offline_base, ".html")


def test_matches_found_only_through_normalisation_are_highlighted(browser, http_site):
    page = browser.new_page()
    search_all(page, http_site, "اسرائيل")
    marks = page.locator(".md-search-result mark").all_inner_texts()
    assert "إسرائيل" in marks
    page.close()
