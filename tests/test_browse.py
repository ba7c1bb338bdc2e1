"""Ways into the archive: topics, years and rounds, timeline, index of names, glossary, related articles."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import ROOT, content, html
from hiwar.knowledge.events import load_calendar

PAGES = ["topics/index.html", "timeline/index.html", "people/index.html", "glossary/index.html"]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_browse_pages_exist_in_both_editions_and_are_in_the_navigation(site, prefix):
    home = html(site / prefix / "index.html")
    nav_links = {a["href"] for a in home.select("nav.md-nav--primary a[href]")}
    for page in PAGES:
        assert (site / prefix / page).exists(), page
        assert any(link.rstrip("/").endswith(page.split("/")[0]) for link in nav_links), page
        soup = html(site / prefix / page)
        assert soup.html["lang"] == ("en" if prefix else "ar")


def _resolve(site: Path, page: Path, href: str) -> tuple[Path, str]:
    parts = urlsplit(href)
    target = (page.parent / unquote(parts.path)).resolve()
    if target.is_dir():
        target = target / "index.html"
    return target, unquote(parts.fragment)


@pytest.mark.long  # make test-long
@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_link_on_browse_pages_resolves_to_a_page_and_anchor(site, prefix):
    checked = 0
    for page in [site / prefix / p for p in PAGES] + sorted((site / prefix / "topics").glob("*/index.html")):
        for link in content(html(page)).select("a[href]"):
            href = link["href"]
            if href.startswith(("http:", "https:", "mailto:")):
                continue
            target, fragment = _resolve(site, page, href)
            assert target.exists(), f"{page}: {href}"
            if fragment:
                assert html(target).find(id=fragment) is not None, f"{page}: {href} (no #{fragment})"
            checked += 1
    assert checked > 20


def test_timeline_links_events_to_the_paragraphs_that_discuss_them(site):
    timeline = content(html(site / "en" / "timeline" / "index.html"))
    heading = timeline.find(id="biden-kadhimi-agreement")
    assert heading is not None and "26 July 2021" in heading.get_text()
    links = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        links += [a["href"] for a in sibling.select("a[href]")]
    assert any("001_9f79dd596af1e7b3/#p-" in link for link in links)
    assert any("003_a6238033f2a5b92a/#p-" in link for link in links)
    for event in (
        "sfa-sofa-2008",
        "parliament-vote-2020",
        "dialogue-round-1",
        "dialogue-round-2",
        "dialogue-round-3",
        "dialogue-round-4",
        "hmc-talks-2024",
    ):
        assert timeline.find(id=event) is not None, event


def test_index_gives_both_names_and_paragraph_links(site):
    index = content(html(site / "people" / "index.html"))
    entry = index.find(id="esmail-qaani")
    assert "إسماعيل قاآني" in entry.get_text() and "Esmail Qaani" in entry.get_text()
    assert entry.select_one('span[lang="en"]').get_text() == "Esmail Qaani"
    following = entry.find_next_sibling("ul")
    hrefs = [a["href"] for a in following.select("a")]
    assert any("000_683b6dac8a733867/#p-" in h for h in hrefs) and any("002_344b185d2b28595d/#p-" in h for h in hrefs)


def test_topics_list_years_and_rounds(site):
    topics = content(html(site / "topics" / "index.html"))
    years = {a.get_text(): a["href"] for a in topics.find(id="by-year").find_next("ul").select("a")}
    assert {"2024", "2021", "2020"} <= set(years)
    for year, href in years.items():
        listed = content(html(site / "topics" / href / "index.html")).select("ul li")
        assert listed and all(year in li.get_text() or "–" in li.get_text() or "بين" in li.get_text() for li in listed)
    headings = [h.get_text(strip=True) for h in topics.find_all("h3")]
    assert any("الجولة الثالثة" in h for h in headings)
    tag_page = content(html(site / "en" / "topics" / "armed-factions" / "index.html"))
    assert len(tag_page.select("li a")) >= 3


def test_the_rounds_on_the_topics_page_are_the_events_marked_round_in_events_yml(site, project_collection):
    rounds = load_calendar(ROOT / "editorial" / "events.yml").rounds()
    assert [event.id for event in rounds] == [
        "dialogue-round-1",
        "dialogue-round-2",
        "dialogue-round-3",
        "dialogue-round-4",
        "hmc-talks-2024",
    ]
    discussed = [event for event in rounds if any(event.id in a.events for a in project_collection.articles)]
    topics = content(html(site / "en" / "topics" / "index.html"))
    headings = [h.get_text(" ", strip=True).removesuffix(" #") for h in topics.find_all("h3")]  # # the permalink
    assert len(headings) == len(discussed) >= 3
    assert all(h.endswith(f": {event.labels['en']}") for h, event in zip(headings, discussed))


def test_glossary_defines_terms_in_both_languages(site):
    for prefix in ("", "en/"):
        glossary = content(html(site / prefix / "glossary" / "index.html"))
        for term in (
            "strategic-dialogue",
            "popular-mobilization-forces",
            "coordination-framework",
            "quds-force",
            "international-coalition",
            "strategic-framework-agreement",
        ):
            heading = glossary.find(id=term)
            assert heading is not None, term
            definition, other = heading.find_next_siblings("p")[:2]
            assert definition.get_text(strip=True) and other.get_text(strip=True)
            assert other["lang"] == ("en" if not prefix else "ar")


def test_a_glossary_term_in_an_article_carries_its_translation_for_hover_and_focus(site):
    body = html(site / "articles" / "001_9f79dd596af1e7b3" / "index.html").select_one("article")
    term = body.select_one(".hiwar-term")
    assert term["tabindex"] == "0"
    gloss = term.select_one(".hiwar-gloss")
    assert gloss["role"] == "tooltip" and gloss["lang"] == "en" and term["aria-describedby"] == gloss["id"]
    english = html(site / "en" / "articles" / "001_9f79dd596af1e7b3" / "index.html").select_one(
        ".hiwar-term .hiwar-gloss"
    )
    assert english["lang"] == "ar"


def test_related_articles_close_each_article(site):
    for prefix in ("", "en/"):
        body = html(site / prefix / "articles" / "003_a6238033f2a5b92a" / "index.html").select_one("article")
        heading = body.find("h2", id="related")
        links = heading.find_next_sibling("ul").select("a")
        assert 1 <= len(links) <= 3
        assert all("003_a6238033f2a5b92a" not in a["href"] for a in links)
