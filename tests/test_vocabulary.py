"""The tag vocabulary (knowledge/vocabulary.py): tags with a label in every language and the phrases that signal
them; a text is tagged with the topics it mentions at least twice, however it spells them, most mentioned first."""

from __future__ import annotations

from conftest import FIXTURES
from hiwar.ingest.schema import Context
from hiwar.knowledge.vocabulary import automatic_tags, load_vocabulary

VOCABULARY = load_vocabulary(FIXTURES / "knowledge" / "tags.yml")


def test_each_tag_has_its_labels_and_its_phrases_folded_as_texts_are():
    iran = VOCABULARY["iran"]
    assert (iran.labels["ar"], iran.labels["en"]) == ("إيران", "Iran")
    assert iran.match == ("ايران", "طهران", "الايرانيه")  # hamza forms folded, as every text is before matching
    assert VOCABULARY["sovereignty"].match == ("السياده",)  # no phrases given: the Arabic label


def test_labels_in_every_configured_language_are_kept(tmp_path):
    (tmp_path / "tags.yml").write_text("iran: {ar: إيران, en: Iran, fr: Iran (fr)}\n", encoding="utf-8")
    tags = load_vocabulary(tmp_path / "tags.yml", ctx=Context(("ar", "en", "fr")))
    assert tags["iran"].labels["fr"] == "Iran (fr)"


def test_a_topic_mentioned_twice_is_a_tag_and_once_is_not():
    text = "زار وفد من طهران بغداد لبحث الحوار الاستراتيجي. وقالت إيران إن الزيارة ناجحة."
    assert automatic_tags(text, VOCABULARY) == ["iran"]
    assert automatic_tags(text, VOCABULARY, minimum_mentions=1) == ["iran", "strategic-dialogue"]


def test_one_mention_is_counted_once_whatever_phrases_it_matches():
    # two phrases of the tag that fold to the same words
    assert automatic_tags("بدأ الحوار الإستراتيجي في بغداد.", VOCABULARY, minimum_mentions=2) == []
    # one word that holds two phrases of the tag ("الإيرانية" holds "إيران")
    assert automatic_tags("قالت الخارجية الإيرانية إنها ترحب.", VOCABULARY, minimum_mentions=2) == []
    assert automatic_tags("قالت الخارجية الإيرانية إن طهران ترحب.", VOCABULARY, minimum_mentions=2) == ["iran"]


def test_mentions_are_counted_however_the_text_spells_them():
    text = "الحوار الإستراتيجي مستمر، وجولاتُ الحوار كثيرة؛ والحِوار الاسْتراتيجي طويل."
    assert automatic_tags(text, VOCABULARY) == ["strategic-dialogue"]


def test_the_most_mentioned_topics_come_first_ties_by_id_and_at_most_five():
    text = (
        "الانتخابات " * 2
        + "كردستان أربيل "
        + "إيران طهران إيران "
        + "النفط الاقتصاد النفط النفط "
        + "السيادة السيادة "
        + "الحوار الاستراتيجي " * 2
    )
    assert automatic_tags(text, VOCABULARY) == ["economy", "iran", "elections", "kurdistan", "sovereignty"]


def test_a_text_without_the_phrases_has_no_tags():
    assert automatic_tags("نص لا يذكر أي موضوع معروف.", VOCABULARY) == []
    assert automatic_tags("إيران إيران", {}) == []
