"""The glossary (knowledge/glossary.py): a term is found in Arabic text in any spelling that folds alike, with marks
between its letters and clitics before it, as a whole word; in a translation, by the spellings given for it."""

from __future__ import annotations

from conftest import FIXTURES
from hiwar.knowledge.glossary import load_glossary, terms_in

GLOSSARY = load_glossary(FIXTURES / "knowledge" / "glossary.yml")
PMF, FRAMEWORK = GLOSSARY


def finds(term, text: str, lang: str = "ar") -> str | None:
    match = term.pattern(lang).search(text) if term.pattern(lang) else None
    return match.group() if match else None


def test_each_term_has_its_labels_and_definitions_in_every_language():
    assert (PMF.id, PMF.labels["en"], PMF.definitions["ar"]) == (
        "pmf",
        "the Popular Mobilization Forces",
        "فصائل مسلحة عراقية",
    )


def test_a_term_is_found_in_any_spelling_that_folds_alike():
    assert finds(FRAMEWORK, "اجتمع قادة الاطار التنسيقي") == "الاطار التنسيقي"  # hamza seat left out
    assert finds(PMF, "قوات الحشدِ الشَّعبيّ") == "الحشدِ الشَّعبيّ"  # tashkeel between the letters
    assert finds(PMF, "قوات الحشد   الشعبى") == "الحشد   الشعبى"  # alef maqsura, a run of spaces
    assert finds(PMF, "رئيس هيئة الحشد") == "هيئة الحشد"  # another listed spelling


def test_a_term_is_found_with_the_clitics_before_it_and_only_as_whole_words():
    assert finds(PMF, "وقالت والحشد الشعبي") == "والحشد الشعبي"
    assert finds(PMF, "وبالحشد الشعبي") == "وبالحشد الشعبي"
    assert finds(PMF, "الحشد الشعبيين") is None
    assert finds(FRAMEWORK, "الإطار التنسيقية") is None


def test_in_a_translation_a_term_is_found_by_its_spellings_in_that_language_alone():
    assert finds(PMF, "leaders of the popular mobilization forces met", "en") == "popular mobilization forces"
    assert finds(PMF, "the PMF said", "en") == "PMF" and finds(PMF, "the PMFs said", "en") is None
    assert FRAMEWORK.pattern("en") is None  # no English spelling given: not glossed in English text
    assert finds(PMF, "the PMF said", "fr") is None


def test_each_term_is_found_with_the_paragraphs_that_use_it():
    paragraphs = [
        (1, "هاجمت فصائل الحشد الشعبي القاعدة."),
        (2, "لا مصطلح هنا."),
        (4, "ورد الإطار التنسيقي وهيئة الحشد."),
    ]
    assert terms_in(paragraphs, GLOSSARY) == {"pmf": [1, 4], "coordination-framework": [4]}
    assert terms_in(paragraphs, []) == {}


def test_a_missing_glossary_is_empty(tmp_path):
    assert load_glossary(tmp_path / "glossary.yml") == []
