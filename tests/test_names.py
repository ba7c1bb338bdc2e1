"""People, organisations and places found in a text (knowledge/names.py): every listed form, however it is spelt
and whatever clitic it carries, as whole words; a form that is also an ordinary word counts only from the first
clear mention of its entry on."""

from __future__ import annotations

from conftest import FIXTURES
from hiwar.knowledge.names import find_names, load_names

NAMES = load_names(FIXTURES / "knowledge" / "names.yml")
KADHIMI, QAANI, HAMAS, WHITE_HOUSE, BIDEN = NAMES


def found(*paragraphs: str) -> dict[str, list[int]]:
    return find_names(list(enumerate(paragraphs, 1)), NAMES)


def test_each_entry_is_read_with_its_forms_folded_into_words():
    assert (KADHIMI.id, KADHIMI.kind, KADHIMI.labels["en"]) == ("mustafa-al-kadhimi", "person", "Mustafa al-Kadhimi")
    assert KADHIMI.forms == (("مصطفي", "الكاظمي"), ("الكاظمي",))
    assert QAANI.forms == (("اسماعيل", "قااني"), ("قااني",))
    assert HAMAS.ambiguous == frozenset({("حماس",)})


def test_a_missing_name_list_is_empty(tmp_path):
    assert load_names(tmp_path / "names.yml") == []


def test_names_are_found_with_the_paragraphs_that_mention_them():
    assert found("التقى مصطفى الكاظمي مسؤولين.", "لا أسماء هنا.", "وزار البيت الأبيض.") == {
        "mustafa-al-kadhimi": [1],
        "white-house": [3],
    }


def test_a_name_is_found_with_the_clitics_arabic_attaches_to_it():
    for text in ("قال الكاظمي", "وقال والكاظمي", "رحب بالكاظمي", "رسالة للكاظمي", "ومصطفى الكاظمي", "التقى وبالكاظمي"):
        assert found(text) == {"mustafa-al-kadhimi": [1]}, text
    for text in ("وقال بايدن", "وبايدن", "شكرا لبايدن", "شكرا لترامب ولبايدن", "فببايدن"):  # one clitic or two
        assert found(text) == {"joe-biden": [1]}, text


def test_a_name_is_found_in_any_spelling_the_text_uses():
    assert found("وصل اسماعيلُ قاآني إلى بغداد") == {"esmail-qaani": [1]}  # hamza seat, tashkeel
    assert found("قائد فيلق القدس قاانی") == {"esmail-qaani": [1]}  # madda, Persian yeh
    assert found("زار البيتَ الابيض") == {"white-house": [1]}
    assert found("وصل قاءأني") == {}  # a spelling that folds to other letters is listed as a variant where needed


def test_a_word_that_only_begins_like_a_name_is_not_a_mention():
    assert found("زار حي الكاظمية في بغداد", "البيت الأبيضاني") == {}


def test_every_word_of_a_form_of_several_words_must_follow_in_order():
    assert found("البيت القديم الأبيض", "الأبيض البيت") == {}


def test_a_form_that_is_also_a_word_counts_only_from_the_first_clear_mention_on():
    assert found("استقبلوه بحماس كبير.") == {}
    assert found("استقبلوه بحماس كبير.", "وأدانت حركة حماس الهجوم.", "وقالت حماس إنها ترفض.") == {"hamas": [2, 3]}
