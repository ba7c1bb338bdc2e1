"""Texts in several languages (model/texts.py): one value per language code, immutable, hashable and picklable like
the frozen data classes that hold them."""

from __future__ import annotations

import pickle
from dataclasses import dataclass

import pytest

from hiwar.model.texts import Texts


def test_texts_are_looked_up_by_language_code_and_a_missing_language_is_none_with_get():
    title = Texts({"ar": "الحوار", "en": "The dialogue"})
    assert (title["ar"], title["en"]) == ("الحوار", "The dialogue")
    assert title.get("fr") is None and "fr" not in title and "ar" in title
    with pytest.raises(KeyError):
        title["fr"]


def test_texts_are_given_as_a_mapping_or_by_keyword_the_keyword_winning():
    assert Texts(ar="حوار", en="Dialogue") == Texts({"ar": "حوار", "en": "Dialogue"})
    assert Texts({"ar": "قديم"}, ar="جديد", fr="Dialogue") == {"ar": "جديد", "fr": "Dialogue"}
    assert Texts() == {} and len(Texts()) == 0 and Texts(None) == Texts()


def test_languages_come_in_the_order_of_their_codes_whatever_order_they_were_given_in():
    texts = Texts({"fr": "Dialogue", "ar": "حوار", "en": "Dialogue"})
    assert list(texts) == ["ar", "en", "fr"] and len(texts) == 3
    assert repr(texts) == "Texts({'ar': 'حوار', 'en': 'Dialogue', 'fr': 'Dialogue'})"


def test_equal_texts_are_equal_to_each_other_and_to_a_dict_and_hash_alike():
    one, other = Texts({"ar": "حوار", "en": "Dialogue"}), Texts({"en": "Dialogue", "ar": "حوار"})
    assert one == other == {"ar": "حوار", "en": "Dialogue"} and hash(one) == hash(other)
    assert one != Texts({"ar": "حوار"}) and one != ("ar", "en")
    assert {one: 1}[other] == 1


@pytest.mark.parametrize("items", [{"ar": 5}, {"ar": None}, {5: "حوار"}, {"ar": ["حوار"]}])
def test_only_text_by_language_code_is_accepted(items):
    with pytest.raises(TypeError, match="Texts maps language codes to text"):
        Texts(items)


def test_texts_cannot_be_changed():
    texts = Texts(ar="حوار")
    with pytest.raises(TypeError):
        texts["ar"] = "آخر"
    with pytest.raises(AttributeError, match="immutable"):
        texts._items = ()
    with pytest.raises(AttributeError):
        texts.extra = 1


@dataclass(frozen=True)
class Tag:
    id: str
    labels: Texts


def test_texts_inside_frozen_data_classes_hash_and_pickle_with_them():
    tag = Tag("iran", Texts(ar="إيران", en="Iran"))
    assert hash(tag) == hash(Tag("iran", Texts(en="Iran", ar="إيران")))
    copy = pickle.loads(pickle.dumps(tag, protocol=pickle.HIGHEST_PROTOCOL))
    assert copy == tag and isinstance(copy.labels, Texts) and list(copy.labels) == ["ar", "en"]
