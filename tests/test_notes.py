"""Editor's and translator's notes checked against the text they annotate (enrich/notes.py): each note's phrase must be
in its ¶, in the seed or in the translation, compared as the page shows text; and on a built site, every note is in
every edition that has the text, at its phrase or at the end of its ¶, however long the ¶."""

from __future__ import annotations

import json
import time

import pytest
from bs4 import BeautifulSoup

from conftest import FIXTURES, html, make_project, mkdocs_build
from hiwar.enrich.notes import check_notes
from hiwar.ingest.reader import read_article
from hiwar.ingest.seed import read_seed
from hiwar.model.editorial import Note
from hiwar.model.texts import Texts
from hiwar.model.translation import UNTRANSLATED, Translation
from hiwar.problems import InputError

PARSED = read_article(read_seed(FIXTURES / "traits" / "headings.txt"))  # ¶1 line 3, ¶2 line 7, ¶3 line 11
ENGLISH = Translation(
    "en",
    {
        1: "The future",
        3: "The article looks ahead.",
        5: "Motives",
        7: "Political pressure   has grown.",
        9: "Conclusion",
        11: UNTRANSLATED,
    },
)


def note(paragraph: int, **at: str) -> Note:
    return Note("editor", paragraph, Texts(at), Texts(ar="ملاحظة", en="A note"))


def problem(*notes: Note) -> str:
    with pytest.raises(InputError) as error:
        check_notes(list(notes), PARSED, {"en": ENGLISH}, "editorial/headings.yml")
    return str(error.value)


def test_a_phrase_found_in_its_paragraph_however_its_spaces_run_fits():
    check_notes([note(2, ar="الضغط  السياسي", en="Political pressure has"), note(3)], PARSED, {"en": ENGLISH}, "x")


def test_a_note_on_a_paragraph_the_article_lacks_names_the_paragraphs_it_has():
    assert problem(note(1), note(4)) == (
        "editorial/headings.yml: note 2 (¶4): the article has no ¶4 (its paragraphs are ¶1 to ¶3)"
    )


def test_a_phrase_that_is_not_in_its_paragraph_says_where_it_was_looked_for():
    assert problem(note(1, ar="الضغط السياسي")) == (
        'editorial/headings.yml: note 1 (¶1): at: ar: "الضغط السياسي" is not in ¶1 of the seed; '
        "copy the phrase from the ¶ as it is written"
    )
    assert problem(note(2, en="Economic pressure")).startswith(
        'editorial/headings.yml: note 1 (¶2): at: en: "Economic pressure" is not in ¶2 of the en translation'
    )


def test_a_mark_in_a_translation_needs_the_paragraph_translated():
    assert problem(note(3, en="option")) == (
        "editorial/headings.yml: note 1 (¶3): at: en: ¶3 has no en translation to place the mark in"
    )
    with pytest.raises(InputError, match="¶1 has no fr translation"):
        check_notes([note(1, fr="avenir")], PARSED, {"en": ENGLISH}, "x")


def test_each_paragraph_is_normalised_once_however_many_notes_it_has(tmp_path):
    sentence = "وأكد الطرفان أن مهمة القوات تحولت إلى التدريب والمشورة في ظل ضغوط سياسية متزايدة. "
    path = tmp_path / "long.txt"
    path.write_text("عنوان المقال\n\n" + sentence * (1_000_000 // len(sentence.encode())) + "\n", encoding="utf-8")
    parsed = read_article(read_seed(path, "seeds/long.txt"))  # one ¶ of 1 MB, in parts
    notes = [note(1, ar="مهمة القوات تحولت") for _ in range(2_000)]  # ten times what an article may have
    started = time.perf_counter()
    check_notes(notes, parsed, {}, "editorial/long.yml")
    assert time.perf_counter() - started < 5  # 35 s and more when each note normalised the ¶ again


# ---- a long ¶ on a built site --------------------------------------------------------------------------------------
# tests/fixtures/long_note: one ¶ of 579 words, which the Arabic edition shows in parts (p-1, p-1-2, …) and the English
# edition as one paragraph, with four notes: marked at a phrase in Arabic only, in English only, in neither, and in both.
LONG = FIXTURES / "long_note"
NOTE_TEXTS = {
    "ar": [
        "ملاحظة المحرر على الجلسة الثالثة.",
        "ملاحظة المترجم على الجلسة العشرين، في آخر الفقرة بالعربية.",
        "ملاحظة بلا موضع في أي لغة.",
        "ملاحظة على الجلسة الخامسة والعشرين.",
    ],
    "en": [
        "Editor's note on the third session, marked at the end of the paragraph in English.",
        "Translator's note on the twentieth session.",
        "A note placed in no language.",
        "A note on the twenty-fifth session.",
    ],
}


@pytest.fixture(scope="module")
def long_site(tmp_path_factory):
    base = tmp_path_factory.mktemp("long-note")
    project = make_project(base, LONG / "seeds", LONG / "editorial")
    result = mkdocs_build(project, base / "site")
    assert result.returncode == 0, result.stderr
    return base / "site"


def notes_of(soup) -> dict[str, str]:
    """note id -> its text, each checked to link back to a mark that links to it."""
    found = {}
    for item in soup.select("div.footnote li"):
        back = item.select_one("a.footnote-backref")["href"]
        mark = soup.find(id=back[1:])  # the mark: a superscript holding the link to the note
        assert mark is not None and mark.a["href"] == f"#{item['id']}", item
        found[item["id"]] = " ".join(item.get_text(" ").split())
    return found


def marks_in(element) -> list[str]:
    return [a["href"] for a in element.select("sup.hiwar-note-ref a")]


def note_href(soup, text: str) -> str:
    return "#" + next(li["id"] for li in soup.select("div.footnote li") if text in li.get_text())


@pytest.mark.parametrize("prefix,lang", [("", "ar"), ("en/", "en")])
def test_every_note_of_a_long_paragraph_is_in_both_editions_at_its_phrase_or_at_the_paragraphs_end(
    long_site, prefix, lang
):
    soup = html(long_site / prefix / "articles" / "long_sessions" / "index.html")
    notes = notes_of(soup)
    assert len(notes) == 4 and all(any(text in shown for shown in notes.values()) for text in NOTE_TEXTS[lang])
    parts = soup.select("p[id^=p-1]")
    assert [p["id"] for p in parts][0] == "p-1" and (len(parts) > 2 if lang == "ar" else len(parts) == 1)
    last = parts[-1]
    # The notes without a phrase in this language close the whole paragraph (its last part), after its last word.
    unplaced = [NOTE_TEXTS[lang][2], NOTE_TEXTS[lang][0 if lang == "en" else 1]]
    tail = marks_in(last)[-2:]
    assert sorted(tail) == sorted(note_href(soup, text) for text in unplaced)
    assert last.contents[-1].name == "sup"
    # The notes with a phrase follow it.
    phrase = {"ar": "في الجلسة رقم 25 من", "en": "in session number 25 of"}[lang]
    mark = next(s for s in soup.select("sup.hiwar-note-ref") if s.a["href"] == note_href(soup, NOTE_TEXTS[lang][3]))
    assert str(mark.previous_sibling).endswith(phrase)
    assert sum(len(marks_in(p)) for p in parts) == 4


def test_the_feeds_carry_every_note_of_a_long_paragraph_in_both_editions(long_site):
    for prefix, lang in (("", "ar"), ("en", "en")):
        (item,) = json.loads((long_site / prefix / "feed.json").read_text(encoding="utf-8"))["items"]
        text = BeautifulSoup(item["content_html"], "html.parser")
        assert len(text.select("sup.hiwar-note-ref")) == 4
        assert all(note in " ".join(text.get_text().split()) for note in NOTE_TEXTS[lang])


def test_side_by_side_pages_show_a_long_paragraph_whole_in_both_languages(long_site):
    """Side-by-side pages align the texts, without notes (for every note alike); the long ¶ is one row, whole."""
    for prefix in ("", "en/"):
        soup = html(long_site / prefix / "parallel" / "long_sessions" / "index.html")
        row = soup.select_one("div.hiwar-parallel-row#p-1")
        cells = {cell["lang"]: " ".join(cell.get_text().split()) for cell in row.select(".hiwar-parallel-cell")}
        assert cells["ar"].endswith("من نتائج سياسية واقتصادية.") and "رقم 28 من" in cells["ar"]
        assert cells["en"].endswith("in session number 28 of the long series of meetings.")
        assert not soup.select("sup.hiwar-note-ref")
