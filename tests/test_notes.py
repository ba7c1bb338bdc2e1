"""Editor's and translator's notes checked against the text they annotate (enrich/notes.py): each note's phrase must be
in its ¶, in the seed or in the translation, compared as the page shows text."""
from __future__ import annotations

import time

import pytest

from conftest import FIXTURES
from hiwar.enrich.notes import check_notes
from hiwar.ingest.reader import read_article
from hiwar.ingest.seed import read_seed
from hiwar.model.editorial import Note
from hiwar.model.texts import Texts
from hiwar.model.translation import UNTRANSLATED, Translation
from hiwar.problems import InputError

PARSED = read_article(read_seed(FIXTURES / "traits" / "headings.txt"))  # ¶1 line 3, ¶2 line 7, ¶3 line 11
ENGLISH = Translation("en", {1: "The future", 3: "The article looks ahead.", 5: "Motives",
                             7: "Political pressure   has grown.", 9: "Conclusion", 11: UNTRANSLATED})


def note(paragraph: int, **at: str) -> Note:
    return Note("editor", paragraph, Texts(at), Texts(ar="ملاحظة", en="A note"))


def problem(*notes: Note) -> str:
    with pytest.raises(InputError) as error:
        check_notes(list(notes), PARSED, {"en": ENGLISH}, "editorial/headings.yml")
    return str(error.value)


def test_a_phrase_found_in_its_paragraph_however_its_spaces_run_fits():
    check_notes([note(2, ar="الضغط  السياسي", en="Political pressure has"), note(3)], PARSED, {"en": ENGLISH}, "x")


def test_a_note_on_a_paragraph_the_article_lacks_names_the_paragraphs_it_has():
    assert problem(note(1), note(4)) == ("editorial/headings.yml: note 2 (¶4): the article has no ¶4 "
                                         "(its paragraphs are ¶1 to ¶3)")


def test_a_phrase_that_is_not_in_its_paragraph_says_where_it_was_looked_for():
    assert problem(note(1, ar="الضغط السياسي")) == (
        'editorial/headings.yml: note 1 (¶1): at: ar: "الضغط السياسي" is not in ¶1 of the seed; '
        "copy the phrase from the ¶ as it is written")
    assert problem(note(2, en="Economic pressure")).startswith(
        'editorial/headings.yml: note 1 (¶2): at: en: "Economic pressure" is not in ¶2 of the en translation')


def test_a_mark_in_a_translation_needs_the_paragraph_translated():
    assert problem(note(3, en="option")) == ("editorial/headings.yml: note 1 (¶3): at: en: ¶3 has no en translation "
                                             "to place the mark in")
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
