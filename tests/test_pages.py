"""An article as one edition's Markdown page (site/pages.py): front-matter, then the text with its ¶ numbers,
headings, nested lists, glossary terms glossed at their first use and the notes' marks where their phrases are;
the side-by-side page; the home page. The HTML a built site makes of these is checked on built sites."""

from __future__ import annotations

import dataclasses

import pytest
from bs4 import BeautifulSoup

from conftest import FIXTURES, ROOT, rendered_markdown, split_page
from hiwar.enrich.article import enrich
from hiwar.ingest.reader import read_article
from hiwar.ingest.seed import read_seed
from hiwar.model.article import AUTOMATIC, Sourced
from hiwar.model.dates import parse_date_value
from hiwar.model.editorial import Editorial, Note
from hiwar.model.texts import Texts
from hiwar.site import pages
from hiwar.site.editions import load_editions
from hiwar.site.pages import (
    DESCRIPTION_CHARS,
    description,
    has_parallel,
    page_title,
    render_article,
    render_home,
    render_parallel,
    time_element,
)
from hiwar.site.views import parallel_view

EDITIONS = load_editions(["ar", "en"])
ARABIC, ENGLISH = EDITIONS
NOTED = "000_683b6dac8a733867"  # three notes, a translation, glossary terms


@pytest.fixture(scope="module")
def articles(project_collection):
    return {article.id: article for article in project_collection.articles}


def body(page: str) -> BeautifulSoup:
    """The page's body as HTML (the site's Markdown extensions)."""
    return rendered_markdown(split_page(page)[1])


@pytest.fixture(scope="module")
def vocabulary(project_collection):
    return project_collection.vocabulary


def untranslated(article):
    """The article as it is before its English translation and English editorial texts exist."""
    return dataclasses.replace(
        article,
        translations={},
        title={**article.title, "en": Sourced(None, AUTOMATIC)},
        summary={**article.summary, "en": Sourced(None, AUTOMATIC)},
    )


# ---- small parts -----------------------------------------------------------------------------------------------------------
def test_a_description_is_the_text_cut_at_a_word_within_its_length():
    assert description("  قصير \n جداً  ") == "قصير جداً"
    long = "كلمات، " * 60
    cut = description(long)
    assert len(cut) <= DESCRIPTION_CHARS + 2 and cut.endswith(" كلمات …")  # a whole word, no dangling comma
    assert long.startswith(cut[:-2])
    assert description("الاتفاقيات " * 30).endswith(" الاتفاقيات …")  # the 160th character falls inside a word


def test_an_article_without_a_title_in_the_editions_language_is_called_untitled_with_its_date(articles):
    article = untranslated(articles[NOTED])
    assert page_title(article, ENGLISH) == f"Untitled article, {ENGLISH.format_date(article.date.value)}"
    assert page_title(article, ARABIC) == article.title["ar"].value


@pytest.mark.parametrize(
    "text,element",
    [
        ("2021-05-03", '<time datetime="2021-05-03">3 May 2021</time>'),
        ("2024-01-30/2024-02-02", '<time datetime="2024">between 30 January and 2 February 2024</time>'),
        ("2023-12-30/2024-01-02", "between 30 December 2023 and 2 January 2024"),  # HTML has no interval: no <time>
    ],
)
def test_a_date_is_a_time_element_saying_as_much_as_html_can(text, element):
    made = rendered_markdown(time_element(parse_date_value(text, 2030), ENGLISH)).p
    assert "".join(str(part) for part in made.contents) == element


def test_a_side_by_side_page_exists_where_a_translation_does(articles):
    article = articles[NOTED]
    assert has_parallel(article, ARABIC, EDITIONS) and has_parallel(article, ENGLISH, EDITIONS)
    assert not has_parallel(untranslated(article), ARABIC, EDITIONS)
    assert not has_parallel(untranslated(article), ENGLISH, EDITIONS)


# ---- the article page ------------------------------------------------------------------------------------------------------
def test_a_page_the_edition_has_no_text_of_is_front_matter_and_the_related_articles_only(articles, vocabulary):
    page = render_article(
        untranslated(articles[NOTED]), ENGLISH, EDITIONS, vocabulary, related="## Related {#related}\n"
    )
    data, text = split_page(page)
    assert data["translation"] == "missing" and text.strip() == "## Related {#related}"


def test_an_english_page_without_translation_says_so_in_its_front_matter_and_holds_no_arabic():
    seed = read_seed(FIXTURES / "traits" / "headings.txt")
    data, text = split_page(
        render_article(enrich(seed, read_article(seed), Editorial(), None, {}), ENGLISH, EDITIONS, {})
    )
    assert data["translation"] == "missing" and text.strip() == ""
    assert not any("\u0600" <= ch <= "\u06ff" for ch in data["title"])


def test_every_paragraph_and_item_has_its_number_linking_to_itself(articles, vocabulary):
    html = body(render_article(articles[NOTED], ARABIC, EDITIONS, vocabulary))
    numbered = html.select("[id^=p-]")
    assert [element["id"] for element in numbered] == [f"p-{n}" for n in range(1, len(numbered) + 1)]
    assert all(element.select_one("a.hiwar-pnum")["href"] == f"#{element['id']}" for element in numbered)


def test_a_3000_word_article_on_one_line_becomes_readable_paragraphs_sharing_its_number(tmp_path):
    lines = [
        line
        for seed in sorted((ROOT / "seeds").glob("*.txt"))
        for line in seed.read_text(encoding="utf-8").splitlines()
        if len(line.split()) > 40
    ]
    path = tmp_path / "one_line.txt"
    path.write_text(" ".join(" ".join(lines).split()[:3000]) + "\n", encoding="utf-8")
    seed = read_seed(path)
    page = render_article(enrich(seed, read_article(seed), Editorial(), None, {}), ARABIC, EDITIONS, {})
    paragraphs = body(page).select("p[id^=p-]")
    assert 10 <= len(paragraphs) <= 40
    assert [p["id"] for p in paragraphs[:3]] == ["p-1", "p-1-2", "p-1-3"]  # one ¶ number: the seed has one line
    assert [len(p.select("a.hiwar-pnum")) for p in paragraphs[:2]] == [1, 0]  # the number is shown once


def test_bullets_become_nested_lists_each_item_numbered(vocabulary):
    seed = read_seed(FIXTURES / "traits" / "nested_bullets.txt")
    article = enrich(seed, read_article(seed), Editorial(), None, {})
    outer = body(render_article(article, ARABIC, EDITIONS, vocabulary)).find("ul")
    assert [li["id"] for li in outer.find_all("li", recursive=False)] == ["p-2", "p-3", "p-6"]
    inner = outer.find("li", id="p-3").find("ul")
    assert [li["id"] for li in inner.find_all("li", recursive=False)] == ["p-4", "p-5"]
    assert "•" not in outer.get_text()


def test_a_glossary_term_is_glossed_at_its_first_use_only_with_its_translation(
    articles, vocabulary, project_collection
):
    html = body(render_article(articles[NOTED], ENGLISH, EDITIONS, vocabulary, project_collection.glossary))
    glossed = [span["aria-describedby"] for span in html.select("span.hiwar-term")]
    assert glossed and len(glossed) == len(set(glossed))
    gloss = html.select_one("#gloss-strategic-dialogue")
    assert (gloss["lang"], gloss["dir"], gloss.get_text()) == ("ar", "rtl", "الحوار الاستراتيجي")


def test_on_the_originals_page_a_gloss_gives_every_translation(articles, vocabulary, project_collection):
    french = dataclasses.replace(EDITIONS[1], lang="fr")  # a second translation language, labels borrowed
    glossary = [
        dataclasses.replace(term, labels=Texts({**term.labels, "fr": f"{term.labels['en']} (fr)"}))
        for term in project_collection.glossary
    ]
    html = body(render_article(articles[NOTED], ARABIC, (ARABIC, ENGLISH, french), vocabulary, glossary))
    gloss = html.select_one("#gloss-strategic-dialogue")
    assert [(span["lang"], span.get_text()) for span in gloss.select("span[lang]")] == [
        ("en", "the strategic dialogue"),
        ("fr", "the strategic dialogue (fr)"),
    ]
    # on a translation's page, the original's term only
    english = body(render_article(articles[NOTED], ENGLISH, (ARABIC, ENGLISH, french), vocabulary, glossary))
    assert english.select_one("#gloss-strategic-dialogue")["lang"] == "ar"


def test_a_notes_mark_follows_its_phrase_and_the_notes_follow_the_text_in_reading_order(articles, vocabulary):
    html = body(render_article(articles[NOTED], ENGLISH, EDITIONS, vocabulary))
    mark = html.select_one("#p-2 sup.hiwar-note-ref.hiwar-note-translator")
    assert mark.a["href"] == "#fn:1" and mark["id"] == "fnref:1"
    assert mark.previous_sibling.endswith("on 20 August this month")
    assert html.select_one("h2#notes").next_sibling.next_sibling["class"] == ["footnote"]  # under their heading
    notes = html.select("div.footnote li")
    translator, editor = ENGLISH.t("notes.translator") + ":", ENGLISH.t("notes.editor") + ":"
    assert [(li["id"], li.strong.get_text()) for li in notes] == [
        ("fn:1", translator),
        ("fn:2", editor),
        ("fn:3", translator),
        ("fn:4", translator),
    ]
    assert notes[0].select_one("a.footnote-backref")["href"] == "#fnref:1"


def test_a_note_whose_phrase_is_not_in_this_editions_text_is_marked_at_the_end_of_its_paragraph(articles, vocabulary):
    note = Note("editor", 3, Texts(ar="عبارة ليست في الفقرة"), Texts(ar="ملاحظة", en="A note"))
    article = dataclasses.replace(articles[NOTED], notes=[note])
    paragraph = body(render_article(article, ENGLISH, EDITIONS, vocabulary)).select_one("#p-3")
    assert paragraph.contents[-1].name == "sup" and paragraph.contents[-1].a["href"] == "#fn:1"


def test_an_untranslated_paragraph_says_so_in_the_editions_language(articles, vocabulary):
    article = articles[NOTED]
    translation = article.translations["en"]
    line = article.parsed.numbered[1].line
    partial = dataclasses.replace(
        article,
        translations={"en": dataclasses.replace(translation, lines={**translation.lines, line: "[untranslated]"})},
    )
    html = body(render_article(partial, ENGLISH, EDITIONS, vocabulary))
    assert html.select_one("#p-2 em.hiwar-untranslated").get_text() == ENGLISH.t("article.untranslated")


# ---- side by side and home ----------------------------------------------------------------------------------------------------
def test_side_by_side_rows_pair_each_paragraph_with_its_translation_this_editions_first(articles, vocabulary):
    article = articles[NOTED]
    rows = parallel_view(article, ENGLISH, EDITIONS).rows
    numbered = [row for row in rows if row.anchor]
    assert len(numbered) == len(article.parsed.numbered) and numbered[0].anchor == "p-1"
    assert [(cell.lang, cell.dir) for cell in numbered[0].cells] == [("en", "ltr"), ("ar", "rtl")]
    assert "".join(run.text for run in numbered[0].cells[1].text) == " ".join(
        b.text for b in article.parsed.blocks if b.line == article.parsed.numbered[0].line
    )
    assert numbered[0].cells[1].number_label == "الفقرة 1"  # each side in its own language
    assert [cell.lang for cell in parallel_view(article, ARABIC, EDITIONS).rows[0].cells] == ["ar", "en"]
    # The page itself: its front matter and the way back to the article; the theme lays out the rows.
    data, text = split_page(render_parallel(article, ENGLISH, EDITIONS, vocabulary))
    assert data["parallel_of"] == article.id
    assert [a["href"] for a in body(render_parallel(article, ENGLISH, EDITIONS, vocabulary)).select("a")] == [
        f"../articles/{article.id}.md"
    ]


def test_the_home_page_lists_the_newest_articles_with_date_and_summary(articles, project_collection):
    html = body(render_home(project_collection.articles, ENGLISH, "topics/index.md#by-year"))
    links = [a["href"] for a in html.select("h2 a:not(.headerlink)")]
    assert links == [
        f"articles/{id_}.md"
        for id_ in (
            "002_344b185d2b28595d",
            "003_a6238033f2a5b92a",
            "001_9f79dd596af1e7b3",
            "004_619acb7bf2d5c641",
            "000_683b6dac8a733867",
        )
    ]
    assert html.select_one("p.hiwar-card-meta time")["datetime"] == "2024"
    assert "topics/index.md#by-year" not in str(html)  # all of them fit: no link to the rest


def test_a_long_archive_shows_the_newest_and_links_to_the_rest(articles, monkeypatch):
    monkeypatch.setattr(pages, "HOME_LATEST", 2)
    home = body(render_home(list(articles.values()), ENGLISH, "topics/index.md#by-year"))
    assert len(home.select("h2")) == 2
    assert home.find("a", href="topics/index.md#by-year").get_text() == ENGLISH.t("home.all_articles", count=5)


def test_an_untranslated_article_on_the_home_page_says_its_translation_is_coming(articles):
    home = body(render_home([untranslated(articles[NOTED])], ENGLISH, "x"))
    assert ENGLISH.t("article.translation_pending") in home.get_text()


def test_the_notes_are_listed_where_the_footnotes_extension_places_them():
    from markdown.extensions.footnotes import FootnoteExtension

    assert pages.NOTES_PLACE == FootnoteExtension().getConfig("PLACE_MARKER")  # mkdocs.yml keeps the default
