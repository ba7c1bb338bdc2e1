"""Dated events and office terms (knowledge/events.py): an event is mentioned where every word of one of its groups
appears, however it is spelt or whatever clitic it carries, and found with the ¶ numbers that discuss it."""

from __future__ import annotations

import datetime as dt

from conftest import FIXTURES
from hiwar.knowledge.events import Calendar, events_in, load_calendar, phrase_key

CALENDAR = load_calendar(FIXTURES / "knowledge" / "events.yml")
SOLEIMANI, ROUND_3 = CALENDAR.events


def test_a_phrase_key_is_its_folded_words_padded_so_matches_fall_on_word_boundaries():
    assert phrase_key("  الرئيسُ   الأمريكي، ترامب ") == " الرييس الامريكي ترامب "
    assert phrase_key("") == "  "


def test_events_and_terms_are_read_with_their_dates_and_phrase_keys():
    assert (SOLEIMANI.id, SOLEIMANI.date.edtf(), SOLEIMANI.labels["en"]) == (
        "soleimani-killing",
        "2020-01-03",
        "Qasem Soleimani is killed",
    )
    assert SOLEIMANI.match == (("اغتيال", "سليماني"), ("مقتل", "سليماني"))
    trump, kadhimi = CALENDAR.terms
    assert (trump.start, trump.end) == (dt.date(2017, 1, 20), dt.date(2021, 1, 20))
    assert (trump.current, trump.former) == ((" الرييس الامريكي ترامب ",), (" الرييس السابق ترامب ",))
    assert kadhimi.end is None and kadhimi.former == ()


def test_the_rounds_of_the_dialogue_are_the_events_marked_round_oldest_first(tmp_path):
    assert (ROUND_3.round, SOLEIMANI.round) == (True, False)
    assert CALENDAR.rounds() == [ROUND_3]
    (tmp_path / "events.yml").write_text(
        "events:\n"
        "  - {id: later-talks, date: 2024-01-27, ar: محادثات, en: Talks, match: [[محادثات]], round: true}\n"
        "  - {id: a-visit, date: 2021-01-01, ar: زيارة, en: A visit, match: [[زيارة]], round: false}\n"
        "  - {id: first-talks, date: 2020-06-11/2020-06-12, ar: جولة, en: A round, match: [[جولة]], round: true}\n",
        encoding="utf-8",
    )
    assert [event.id for event in load_calendar(tmp_path / "events.yml").rounds()] == ["first-talks", "later-talks"]


def test_a_missing_calendar_is_an_empty_one(tmp_path):
    assert load_calendar(tmp_path / "events.yml") == Calendar()


def test_an_event_is_mentioned_when_every_word_of_one_group_is_there():
    assert SOLEIMANI.mentioned_in(phrase_key("أعلنت واشنطن اغتيال قاسم سليماني قرب المطار"))
    assert SOLEIMANI.mentioned_in(phrase_key("بعد مقتل سليماني بأيام"))  # the other group
    assert not SOLEIMANI.mentioned_in(phrase_key("زار سليماني بغداد مرارا"))  # one word of a group is not enough
    assert not SOLEIMANI.mentioned_in(phrase_key("اغتيال المهندس ومقتل آخرين"))


def test_words_are_found_with_their_clitics_and_in_any_spelling():
    assert SOLEIMANI.mentioned_in(phrase_key("وبعد الاغتيالِ، طالب البرلمان بالثأر لسليماني"))
    assert ROUND_3.mentioned_in(phrase_key("انتهت الجولةُ الثالثة، والحوارُ مستمر"))
    # a clitic that takes the place of the article's alef is another word: "للحوار" is listed as such where needed
    assert not ROUND_3.mentioned_in(phrase_key("في الجولة الثالثة للحوار"))


def test_each_event_is_found_with_the_paragraphs_that_discuss_it():
    paragraphs = [
        (1, "انطلقت الجولة الثالثة من الحوار في نيسان."),
        (2, "ولا علاقة لهذه الفقرة."),
        (3, "وذكّر المتحدث بمقتل سليماني عام 2020."),
        (5, "وتناولت الجولة الثالثة ملف الحوار الأمني."),
    ]
    assert events_in(paragraphs, CALENDAR) == {"soleimani-killing": [3], "dialogue-round-3": [1, 5]}
    assert events_in(paragraphs, Calendar()) == {}
    assert events_in([(1, "لا ذكر هنا لأي حدث.")], CALENDAR) == {}  # an event not discussed is not listed
