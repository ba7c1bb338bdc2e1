"""Listings at the level of the module: pages stay light however many articles a listing holds."""

from __future__ import annotations

import dataclasses
import posixpath
import re

import pytest

from conftest import FIXTURES, rendered_markdown, split_page
from hiwar.enrich.collection import collect
from hiwar.model.article import Sourced
from hiwar.model.dates import PartialDate
from hiwar.site import listings
from hiwar.site.editions import load_editions
from hiwar.site.listings import LISTED, ArticleLinks, paginated
from hiwar.site.urls import source_link

EDITIONS = load_editions(["ar", "en"])


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    """LISTED × 2 + 3 articles made from one real seed, one a day, each with its own id."""
    seeds = tmp_path_factory.mktemp("seeds")
    (seeds / "one.txt").write_bytes((FIXTURES / "traits" / "date_line.txt").read_bytes())
    (article,) = collect(seeds, None).articles
    return [
        dataclasses.replace(
            article, id=f"a{n:04d}", date=Sourced(PartialDate(2021 + n // 300, 1 + n // 28 % 12, 1 + n % 28), "seed")
        )
        for n in range(LISTED * 2 + 3)
    ]


def test_a_long_listing_is_split_into_pages_linked_newest_to_oldest(many):
    pages = paginated("topics/iran.md", "Iran", "Topics: Iran", "# Iran\n", many, EDITIONS[1], ArticleLinks.dated)
    assert list(pages) == ["topics/iran.md", "topics/iran/2.md", "topics/iran/3.md"]
    counts = []
    for text in pages.values():
        meta, body = split_page(text)
        soup = rendered_markdown(body)
        counts.append(len(soup.select("ul li")))
        assert meta["title"].startswith("Iran (page ")
        nav = soup.select_one("nav.hiwar-pages")
        assert nav["aria-label"] == "Pages of this list"
    assert counts == [LISTED, LISTED, 3]
    first, middle, last = (rendered_markdown(split_page(t)[1]) for t in pages.values())
    # Links to the Markdown of the pages, which MkDocs resolves (test_site: as served)
    assert [a["rel"] for a in first.select("nav a")] == [["next"]] and first.select_one("nav a")["href"] == "iran/2.md"
    assert {a["href"] for a in middle.select("nav a")} == {"../iran.md", "3.md"}
    assert [a["href"] for a in last.select("nav a")] == ["2.md"]
    # every article once, in the order given
    hrefs = [a["href"] for soup in (first, middle, last) for a in soup.select("ul a")]
    assert [h.rsplit("/", 1)[-1] for h in hrefs] == [f"{a.id}.md" for a in many]


def test_a_short_listing_is_one_page_without_page_links(many):
    pages = paginated("topics/iran.md", "Iran", "d", "# Iran\n", many[:3], EDITIONS[0], ArticleLinks.dated)
    (text,) = pages.values()
    assert "hiwar-pages" not in text and split_page(text)[0]["title"] == "Iran"


def test_links_are_paths_of_markdown_relative_to_the_page():
    assert source_link("topics/index.md", "articles/x.md") == "../articles/x.md"
    assert source_link("index.md", "articles/x.md") == "articles/x.md"
    assert source_link("people/kadhimi/2.md", "people.md", "kadhimi") == "../../people.md#kadhimi"
    assert source_link("timeline.md", "timeline/round.md") == "timeline/round.md"
    assert source_link("index.md", "articles/مقال.md") == "articles/%D9%85%D9%82%D8%A7%D9%84.md"


def test_list_entries_are_text_whatever_the_title_holds(many):
    hostile = dataclasses.replace(
        many[0],
        title={lang: Sourced("<img src=x onerror=alert(1)> [a](javascript:x)", "seed") for lang in ("ar", "en")},
    )
    made = ArticleLinks(EDITIONS[1], "topics/index.md").items(
        [ArticleLinks(EDITIONS[1], "topics/index.md").dated(hostile)]
    )
    soup = rendered_markdown(made)
    assert soup.find("img") is None and [a["href"] for a in soup.find_all("a")] == ["../articles/a0000.md"]
    assert "<img src=x onerror=alert(1)>" in soup.get_text()


def test_the_index_previews_five_articles_a_name_and_lists_the_rest_on_its_page(many):
    from hiwar.knowledge.names import Name
    from hiwar.model.texts import Texts

    name = Name("someone", "person", Texts(ar="فلان", en="Someone"), (("فلان",),), frozenset())
    mentioned = [dataclasses.replace(a, mentions={"someone": [1, 2]}) for a in many[:12]]
    pages = listings.render_index(mentioned, EDITIONS[1], EDITIONS, [name])
    assert set(pages) == {"people.md", "people/someone.md"}
    index = rendered_markdown(split_page(pages["people.md"])[1])
    assert len(index.select("ul li")) == listings.PREVIEW
    assert re.search(r"All 12 articles", index.get_text())
    page = rendered_markdown(split_page(pages["people/someone.md"])[1])
    assert len(page.select("ul > li")) == 12
    assert page.select_one("h1 + p a")["href"] == "../people.md#someone"  # back to the name in the index


def test_the_rounds_listed_on_the_topics_page_are_the_events_marked_round(many, tmp_path):
    from hiwar.knowledge.events import load_calendar

    (tmp_path / "events.yml").write_text(
        "events:\n"
        "  - {id: talks-in-amman, date: 2022-03-01, ar: محادثات عمّان, en: Talks in Amman, match: [[عمان]], round: true}\n"
        "  - {id: dialogue-round-9, date: 2021-01-01, ar: زيارة, en: A visit named like a round, match: [[زيارة]]}\n"
        "  - {id: first-talks, date: 2020-06-11, ar: الجولة الأولى, en: The first talks, match: [[جولة]], round: true}\n",
        encoding="utf-8",
    )
    calendar = load_calendar(tmp_path / "events.yml")
    discussing = [
        dataclasses.replace(a, events={"talks-in-amman": [1], "dialogue-round-9": [2], "first-talks": [3]})
        for a in many[:2]
    ]
    overview = listings.render_topics(discussing, EDITIONS[1], {}, calendar)["topics/index.md"]
    rendered = rendered_markdown(split_page(overview)[1])
    for permalink in rendered.select("a.headerlink"):
        permalink.decompose()
    rounds = [h3.get_text() for h3 in rendered.select("h3")]
    assert rounds == ["11 June 2020: The first talks", "1 March 2022: Talks in Amman"]
    # a round no article discusses is not listed
    unlisted = listings.render_topics(many[:2], EDITIONS[1], {}, calendar)["topics/index.md"]
    assert not rendered_markdown(split_page(unlisted)[1]).select("h3")


def test_every_page_of_a_long_name_listing_links_back_to_the_name_in_the_index(many):
    """(The link was made for the first page and so led nowhere from the next ones; MkDocs now checks every link.)"""
    from hiwar.knowledge.names import Name
    from hiwar.model.texts import Texts

    name = Name("someone", "person", Texts(ar="فلان", en="Someone"), (("فلان",),), frozenset())
    mentioned = [dataclasses.replace(a, mentions={"someone": [1]}) for a in many]
    pages = listings.render_index(mentioned, EDITIONS[1], EDITIONS, [name])
    listed = ["people/someone.md", "people/someone/2.md", "people/someone/3.md"]
    assert [path for path in pages if path != "people.md"] == listed
    for path in listed:
        back = rendered_markdown(split_page(pages[path])[1]).select_one("h1 + p a")["href"]
        target, anchor = back.split("#")
        assert (posixpath.normpath(posixpath.join(posixpath.dirname(path), target)), anchor) == ("people.md", "someone")
