"""An article's body as data (site/body.py): its blocks in reading order, each paragraph's ¶ number and anchor, lists
nested by level, the placeholders of what is not translated yet, the text cut at glossary terms and notes' marks, and
the notes after the text. The site's pages and the EPUB both render it; here it is read as data."""

from __future__ import annotations

import dataclasses
import shutil

import pytest

from conftest import FIXTURES, vocabulary_only
from hiwar.enrich.collection import collect
from hiwar.model.editorial import Note
from hiwar.model.texts import Texts
from hiwar.model.translation import UNTRANSLATED
from hiwar.site.body import (
    BulletList,
    Cell,
    EndNote,
    Gloss,
    GlossedTerm,
    Heading,
    NoteMark,
    Paragraph,
    article_body,
    parallel_rows,
)
from hiwar.site.editions import load_editions

EDITIONS = load_editions(["ar", "en"])
ARABIC, ENGLISH = EDITIONS
NOTED = "000_683b6dac8a733867"  # four notes, a translation, glossary terms


@pytest.fixture(scope="module")
def project(project_collection):
    return {article.id: article for article in project_collection.articles}, project_collection.glossary


@pytest.fixture(scope="module")
def long_article(tmp_path_factory):
    base = tmp_path_factory.mktemp("long")
    editorial = vocabulary_only(base)
    for path in (FIXTURES / "long_note" / "editorial").iterdir():
        shutil.copy(path, editorial / path.name)
    collection = collect(FIXTURES / "long_note" / "seeds", editorial)
    assert not collection.problems, collection.problems
    return collection.articles[0]


@pytest.fixture(scope="module")
def traits():
    collection = collect(FIXTURES / "traits", None)
    assert not collection.problems, collection.problems
    return {article.id: article for article in collection.articles}


def plain(content) -> str:
    """A paragraph's text as a reader reads it (marks left out)."""
    return "".join(s.text for s in content if not isinstance(s, NoteMark))


def paragraphs(body) -> list[Paragraph]:
    return [block for block in body.blocks if isinstance(block, Paragraph)]


def test_the_blocks_follow_the_seed_in_reading_order_with_the_same_numbers_in_every_edition(traits):
    article = traits["headings"]
    body = article_body(article, ARABIC, EDITIONS)
    assert [type(block) for block in body.blocks] == [Paragraph, Heading, Paragraph, Heading, Paragraph]
    assert [(p.number, p.anchor, p.part, p.of_long_line) for p in paragraphs(body)] == [
        (1, "p-1", 1, False),
        (2, "p-2", 1, False),
        (3, "p-3", 1, False),
    ]
    assert body.blocks[1] == Heading("دوافع الحوار")
    assert plain(body.blocks[2].content) == "تزايد الضغط السياسي على الحكومة العراقية لإنهاء الوجود الأجنبي."
    assert body.notes == ()


def test_no_markup_is_made_of_text_that_looks_like_markup(traits):
    body = article_body(traits["hostile_markup"], ARABIC, EDITIONS)
    texts = [plain(p.content) for p in paragraphs(body)] + [h.text for h in body.headings()]
    assert any("<script>alert(1)</script>" in text for text in texts)
    assert any("{{ config.site_name }}" in text for text in texts)


def test_list_items_nest_by_level_under_the_item_before(traits):
    (items,) = [
        block.items
        for block in article_body(traits["nested_bullets"], ARABIC, EDITIONS).blocks
        if isinstance(block, BulletList)
    ]
    assert [(item.number, item.level, len(item.items)) for item in items] == [(2, 0, 0), (3, 0, 2), (6, 0, 0)]
    assert [(item.anchor, item.level, item.items) for item in items[1].items] == [("p-4", 1, ()), ("p-5", 1, ())]
    assert plain(items[1].items[1].content) == "أو تصعيداً إقليمياً بين طهران وواشنطن."


def test_a_long_line_is_parts_in_the_original_and_one_paragraph_in_a_translation(long_article):
    original = paragraphs(article_body(long_article, ARABIC, EDITIONS))
    parts = [p for p in original if p.number == 1]
    assert len(parts) > 2 and all(p.of_long_line for p in parts)
    assert [p.anchor for p in parts] == ["p-1"] + [f"p-1-{k}" for k in range(2, len(parts) + 1)]
    assert " ".join(plain(p.content) for p in parts) == " ".join(
        " ".join(b.text for b in long_article.parsed.blocks if b.number == 1).split()
    )
    english = paragraphs(article_body(long_article, ENGLISH, EDITIONS))
    assert [(p.number, p.anchor, p.part, p.of_long_line) for p in english] == [
        (1, "p-1", 1, True),
        (2, "p-2", 1, False),
    ]
    assert plain(english[0].content).endswith("in session number 28 of the long series of meetings.")


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda e: e.lang)
def test_a_note_without_a_phrase_in_the_editions_language_closes_the_whole_paragraph(long_article, edition):
    body = article_body(long_article, edition, EDITIONS)
    texts = {note.number: note.text for note in body.notes}
    assert len(texts) == 4 and all(text for text in texts.values())
    last = [p for p in paragraphs(body) if p.number == 1][-1]
    closing = [s.number for s in last.content[-2:] if isinstance(s, NoteMark)]
    unplaced = "third session" if edition is ENGLISH else "العشرين، في آخر"
    assert any(unplaced in texts[number] for number in closing)
    assert any(("no language" if edition is ENGLISH else "بلا موضع") in texts[number] for number in closing)
    assert isinstance(last.content[-1], NoteMark)  # after the paragraph's last word
    marks = [s.number for p in paragraphs(body) for s in p.content if isinstance(s, NoteMark)]
    assert marks == [1, 2, 3, 4]  # numbered in reading order


def test_notes_are_numbered_in_reading_order_and_given_in_the_editions_language(project):
    articles, _ = project
    article = articles[NOTED]
    body = article_body(article, ENGLISH, EDITIONS)
    assert [(n.number, n.kind) for n in body.notes] == [
        (1, "translator"),
        (2, "editor"),
        (3, "translator"),
        (4, "translator"),
    ]
    assert body.notes[1] == EndNote(2, "editor", "Dhi Qar is a province, not a city; its capital is Nasiriyah.")
    (paragraph,) = [p for p in paragraphs(body) if p.number == 2]
    position = paragraph.content.index(NoteMark(1, "translator"))
    assert paragraph.content[position - 1].text.endswith("on 20 August this month")


def test_a_note_whose_phrase_is_missing_is_marked_at_its_paragraphs_end(project):
    articles, _ = project
    article = dataclasses.replace(
        articles[NOTED], notes=[Note("editor", 3, Texts(ar="ليست في الفقرة"), Texts(ar="م", en="N"))]
    )
    (paragraph,) = [p for p in paragraphs(article_body(article, ENGLISH, EDITIONS)) if p.number == 3]
    assert paragraph.content[-1] == NoteMark(1, "editor")


def test_a_glossary_term_is_glossed_at_its_first_use_in_the_other_editions_languages(project):
    articles, glossary = project
    article = articles[NOTED]
    for edition, other in ((ENGLISH, "ar"), (ARABIC, "en")):
        body = article_body(article, edition, EDITIONS, glossary)
        terms = [s for p in paragraphs(body) for s in p.content if isinstance(s, GlossedTerm)]
        assert terms and len({t.id for t in terms}) == len(terms)  # the first use only
        by_id = {term.id: term for term in glossary}
        for term in terms:
            assert term.glosses == (Gloss(other, by_id[term.id].labels[other]),)
            assert by_id[term.id].pattern(edition.lang).fullmatch(term.text)
    french = dataclasses.replace(ENGLISH, lang="fr")
    glossary = [dataclasses.replace(t, labels=Texts({**t.labels, "fr": t.labels["en"] + " (fr)"})) for t in glossary]
    body = article_body(article, ARABIC, (ARABIC, ENGLISH, french), glossary)
    term = next(s for p in paragraphs(body) for s in p.content if isinstance(s, GlossedTerm))
    assert [g.lang for g in term.glosses] == ["en", "fr"]


def test_the_text_is_whole_once_cut_at_terms_and_marks(project):
    articles, glossary = project
    article = articles[NOTED]
    translation = article.translations["en"]
    for paragraph in paragraphs(article_body(article, ENGLISH, EDITIONS, glossary)):
        line = next(b.line for b in article.parsed.numbered if b.number == paragraph.number)
        assert plain(paragraph.content) == " ".join(translation.lines[line].split())


def test_what_a_translation_lacks_is_a_placeholder(traits, project):
    articles, _ = project
    article = articles[NOTED]
    lines = dict(article.translations["en"].lines)
    line = article.parsed.numbered[1].line
    lines[line] = UNTRANSLATED
    heading = next((b for b in article.parsed.blocks if b.kind == "heading"), None)
    if heading is not None:
        lines[heading.line] = UNTRANSLATED
    partial = dataclasses.replace(
        article, translations={"en": dataclasses.replace(article.translations["en"], lines=lines)}
    )
    body = article_body(partial, ENGLISH, EDITIONS)
    assert next(p for p in paragraphs(body) if p.number == 2).content is None
    if heading is not None:
        assert Heading(None) in body.blocks


def test_side_by_side_rows_are_whole_lines_beside_their_translation(long_article):
    rows = parallel_rows(long_article, EDITIONS)
    numbered = [row for row in rows if row.number is not None]
    assert [(row.number, row.anchor) for row in numbered] == [(1, "p-1"), (2, "p-2")]
    arabic, english = numbered[0].cells
    assert arabic.lang == "ar" and arabic.text == " ".join(
        " ".join(b.text for b in long_article.parsed.blocks if b.number == 1).split()
    )
    line = long_article.parsed.numbered[0].line
    assert english == Cell("en", " ".join(long_article.translations["en"].lines[line].split()))
    without = dataclasses.replace(long_article, translations={})
    assert parallel_rows(without, EDITIONS)[-1].cells[1] == Cell("en", None)
