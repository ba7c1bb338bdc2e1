"""Feeds (site/feeds.py, site/atom.py, site/fulltext.py): the newest articles of an edition with their summary and
full text, as a JSON Feed and an Atom feed made from the same items; each article's page in every edition that has
its text; dates that never lie outside the article's own."""

from __future__ import annotations

import dataclasses
import json
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from conftest import site_markdown
from hiwar.enrich.collection import Collection
from hiwar.model.article import AUTOMATIC, Sourced
from hiwar.model.dates import PartialDate
from hiwar.site.atom import atom_feed
from hiwar.site.editions import load_editions
from hiwar.site.feeds import FEED_ITEMS, feed_files, feed_items, json_feed
from hiwar.site.fulltext import feed_html

EDITIONS = load_editions(["ar", "en"])
ARABIC, ENGLISH = EDITIONS
SITE_URL = "https://hiwar.example.org"
ATOM = {"a": "http://www.w3.org/2005/Atom"}
# A body as the site renders an article's Markdown (pages.py; MkDocs has made its links relative URLs).
BODY = site_markdown().convert(
    "## Motives\n\n"
    '[1](#p-1){: .hiwar-pnum aria-label="Paragraph 1" } The [PMF[الحشد الشعبي]{: #gloss-pmf .hiwar-gloss role="tooltip" '
    'lang="ar" dir="rtl" }]{: .hiwar-term tabindex="0" aria-describedby="gloss-pmf" } said so[^1]{: .hiwar-note-ref '
    ".hiwar-note-editor }&#44; says [another article](../004_619acb7bf2d5c641/#p-2)&#46;\n{: #p-1 }\n\n"
    "## Notes {: #notes }\n\n///Footnotes Go Here///\n\n[^1]: **Editor&#39;s note&#58;** An editor&#39;s note\n\n"
    "## Related articles {: #related }\n\n- [x](../x/)\n"
)


def body_of(article) -> str:
    return BODY


def with_articles(collection, articles) -> Collection:
    return dataclasses.replace(collection, articles=articles)


# ---- the full text ------------------------------------------------------------------------------------------------------
def test_the_full_text_is_the_body_without_what_only_works_on_the_page_with_absolute_links():
    text = feed_html(BODY, "https://hiwar.example.org/en/articles/a/", ENGLISH)
    assert text.startswith('<div lang="en" dir="ltr">') and text.endswith("</div>")
    assert 'class="headerlink"' not in text and "hiwar-gloss" not in text and "الحشد الشعبي" not in text
    assert "Related articles" not in text and "/x/" not in text
    page = BeautifulSoup(text, "html.parser")
    assert page.select_one(".hiwar-term").get_text() == "PMF"  # the term stays, its gloss goes
    assert "said so1, says another article." in page.select_one("#p-1").get_text()  # the text after a gloss stays
    assert page.select_one("a.hiwar-pnum")["href"] == "https://hiwar.example.org/en/articles/a/#p-1"  # ¶ numbers stay
    assert (
        page.find("a", string="another article")["href"]
        == "https://hiwar.example.org/en/articles/004_619acb7bf2d5c641/#p-2"
    )
    # The notes stay, each linked to and from its mark on the page.
    assert page.select_one("sup.hiwar-note-ref a")["href"] == "https://hiwar.example.org/en/articles/a/#fn:1"
    note = page.select_one("div.footnote li#fn\\:1")
    assert "Editor's note: An editor's note" in note.get_text()
    assert note.select_one("a.footnote-backref")["href"] == "https://hiwar.example.org/en/articles/a/#fnref:1"


def test_a_page_without_text_has_no_full_text():
    assert feed_html("", "https://hiwar.example.org/a/", ARABIC) == ""
    assert feed_html('<h2 id="related">Related</h2><ul><li>x</li></ul>', "https://hiwar.example.org/a/", ARABIC) == ""


def test_the_full_text_says_the_editions_language_and_direction():
    assert (
        feed_html("<p>نص</p>", "https://hiwar.example.org/articles/a/", ARABIC)
        == '<div lang="ar" dir="rtl"><p>نص</p></div>'
    )


# ---- the items ----------------------------------------------------------------------------------------------------------
def test_each_item_is_an_articles_page_with_its_summary_text_and_pages_in_every_edition(project_collection):
    items = feed_items(ENGLISH, EDITIONS, project_collection, SITE_URL, body_of)
    assert [item.url for item in items] == [
        f"https://hiwar.example.org/en/articles/{stem}/"
        for stem in (
            "002_344b185d2b28595d",
            "003_a6238033f2a5b92a",
            "001_9f79dd596af1e7b3",
            "004_619acb7bf2d5c641",
            "000_683b6dac8a733867",
        )
    ]  # newest first
    first = items[0]
    assert first.pages == [("en", first.url), ("ar", "https://hiwar.example.org/articles/002_344b185d2b28595d/")]
    assert first.content_html.startswith('<div lang="en" dir="ltr">') and first.summary
    # a date inside the article's own: the first day of 2024-01-30/2024-02-02, at noon UTC
    assert first.date_published == "2024-01-30T12:00:00Z"
    by_url = {item.url.split("/")[-2]: item for item in items}
    assert by_url["001_9f79dd596af1e7b3"].json["authors"] == [{"name": "Doaa Abdelnabi"}]
    assert by_url["004_619acb7bf2d5c641"].json["authors"] == [
        {"name": "Hafryat"}
    ]  # the publisher, for want of an author
    assert "authors" not in by_url["000_683b6dac8a733867"].json


def test_the_json_item_names_the_seed_it_was_built_from(project_collection):
    (item, *_) = feed_items(ARABIC, EDITIONS, project_collection, SITE_URL, body_of)
    article = next(a for a in project_collection.articles if a.id == "002_344b185d2b28595d")
    assert item.json["_hiwar"] == {
        "seed": article.seed.name,
        "seed_sha256": article.seed.sha256,
        "path": "articles/002_344b185d2b28595d/",
        "date": "2024-01-30/2024-02-02",
        "date_precision": "range",
        "translation": "complete",
    }
    assert item.json["language"] == "ar" and item.json["tags"] == item.tags


def test_an_article_the_edition_has_no_text_of_is_listed_without_text_and_only_where_it_reads(project_collection):
    untranslated = dataclasses.replace(project_collection.articles[0], translations={})
    (item,) = feed_items(ENGLISH, EDITIONS, with_articles(project_collection, [untranslated]), SITE_URL, body_of)
    assert item.content_html == "" and "content_html" not in item.json
    assert item.pages == [("ar", f"https://hiwar.example.org/articles/{untranslated.id}/")]


def test_an_article_with_a_non_ascii_slug_has_the_address_its_page_and_citations_give(project_collection):
    arabic = dataclasses.replace(project_collection.articles[0], id="حوار-2020")
    (item,) = feed_items(ENGLISH, EDITIONS, with_articles(project_collection, [arabic]), SITE_URL, body_of)
    encoded = "%D8%AD%D9%88%D8%A7%D8%B1-2020"
    assert item.url == item.json["id"] == item.json["url"] == f"https://hiwar.example.org/en/articles/{encoded}/"
    assert item.pages == [("en", item.url), ("ar", f"https://hiwar.example.org/articles/{encoded}/")]
    assert item.json["_hiwar"]["path"] == "en/articles/حوار-2020/"  # a path in the site, as the interface says


def test_an_undated_article_has_no_date_and_comes_last(project_collection):
    undated = dataclasses.replace(project_collection.articles[4], id="undated", date=Sourced(None, AUTOMATIC))
    items = feed_items(
        ARABIC,
        EDITIONS,
        with_articles(project_collection, [undated, *project_collection.articles[:2]]),
        SITE_URL,
        body_of,
    )
    assert items[-1].url.endswith("/undated/") and items[-1].date_published is None
    assert "date_published" not in items[-1].json


def test_a_feed_holds_the_newest_articles_only(project_collection):
    many = [
        dataclasses.replace(
            project_collection.articles[1],
            id=f"a{n:03d}",
            date=Sourced(PartialDate(2000 + n // 12, 1 + n % 12, 1), "editorial"),
        )
        for n in range(FEED_ITEMS + 7)
    ]
    items = feed_items(ARABIC, EDITIONS, with_articles(project_collection, many), SITE_URL, body_of)
    assert len(items) == FEED_ITEMS
    assert items[0].url.endswith(f"/a{FEED_ITEMS + 6:03d}/") and items[-1].url.endswith("/a007/")


def test_the_json_feed_describes_the_edition_in_its_language(project_collection):
    feed = json_feed(ARABIC, feed_items(ARABIC, EDITIONS, project_collection, SITE_URL, body_of), SITE_URL + "/")
    assert {key: feed[key] for key in ("version", "title", "home_page_url", "feed_url", "language")} == {
        "version": "https://jsonfeed.org/version/1.1",
        "title": ARABIC.t("site.name"),
        "home_page_url": "https://hiwar.example.org/",
        "feed_url": "https://hiwar.example.org/feed.json",
        "language": "ar",
    }
    assert len(feed["items"]) == len(project_collection.articles)


# ---- Atom --------------------------------------------------------------------------------------------------------------------
def atom_of(collection, edition=ENGLISH):
    items = feed_items(edition, EDITIONS, collection, SITE_URL, body_of)
    json_url = f"{SITE_URL}/{edition.prefix}feed.json"
    return ET.fromstring(atom_feed(edition, items, SITE_URL, (json_url, "application/feed+json")))


def links(element) -> list[tuple[str, str, str | None]]:
    return [(link.get("rel"), link.get("href"), link.get("hreflang")) for link in element.findall("a:link", ATOM)]


def test_the_atom_feed_says_its_language_and_links_itself_its_page_and_its_json_twin(project_collection):
    feed = atom_of(project_collection)
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert feed.findtext("a:id", namespaces=ATOM) == "https://hiwar.example.org/en/feed.xml"
    assert feed.findtext("a:title", namespaces=ATOM) == "Hiwar"
    assert links(feed) == [
        ("self", "https://hiwar.example.org/en/feed.xml", None),
        ("alternate", "https://hiwar.example.org/en/", "en"),
        ("alternate", "https://hiwar.example.org/en/feed.json", None),
    ]
    assert feed.findtext("a:updated", namespaces=ATOM) == "2024-01-30T12:00:00Z"  # its newest entry's


def test_each_atom_entry_links_its_page_here_and_its_other_editions_as_related(project_collection):
    entry = atom_of(project_collection).find("a:entry", ATOM)
    assert links(entry) == [
        ("alternate", "https://hiwar.example.org/en/articles/002_344b185d2b28595d/", "en"),
        ("related", "https://hiwar.example.org/articles/002_344b185d2b28595d/", "ar"),
    ]
    assert (
        entry.findtext("a:published", namespaces=ATOM)
        == entry.findtext("a:updated", namespaces=ATOM)
        == "2024-01-30T12:00:00Z"
    )
    assert entry.find("a:summary", ATOM).get("type") == "text"
    content = entry.find("a:content", ATOM)
    assert content.get("type") == "html" and content.text.startswith('<div lang="en" dir="ltr">')
    assert [c.get("term") for c in entry.findall("a:category", ATOM)][:2] == [
        "US military presence",
        "International Coalition",
    ]


def test_an_atom_entry_names_its_author_only_where_the_text_states_one(project_collection):
    entries = {
        entry.findtext("a:id", namespaces=ATOM).split("/")[-2]: entry
        for entry in atom_of(project_collection).findall("a:entry", ATOM)
    }
    assert entries["001_9f79dd596af1e7b3"].findtext("a:author/a:name", namespaces=ATOM) == "Doaa Abdelnabi"
    assert entries["004_619acb7bf2d5c641"].find("a:author", ATOM) is None  # the feed's author stands for it


def test_an_undated_atom_entry_is_updated_at_the_builds_date_and_never_published(project_collection, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1577836800")  # 2020-01-01T00:00:00Z
    undated = dataclasses.replace(project_collection.articles[0], date=Sourced(None, AUTOMATIC))
    feed = atom_of(with_articles(project_collection, [undated]))
    entry = feed.find("a:entry", ATOM)
    assert entry.find("a:published", ATOM) is None
    assert (
        entry.findtext("a:updated", namespaces=ATOM)
        == feed.findtext("a:updated", namespaces=ATOM)
        == "2020-01-01T00:00:00Z"
    )


@pytest.mark.parametrize("edition", EDITIONS, ids=[e.lang for e in EDITIONS])
def test_both_feeds_are_made_in_the_editions_folder(project_collection, edition):
    files = feed_files(edition, EDITIONS, project_collection, SITE_URL, body_of)
    assert sorted(files) == [f"{edition.prefix}feed.json", f"{edition.prefix}feed.xml"]
    feed = json.loads(files[f"{edition.prefix}feed.json"])
    atom = ET.fromstring(files[f"{edition.prefix}feed.xml"])
    assert [item["id"] for item in feed["items"]] == [
        e.findtext("a:id", namespaces=ATOM) for e in atom.findall("a:entry", ATOM)
    ]
