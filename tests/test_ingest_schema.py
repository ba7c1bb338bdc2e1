"""Every editorial YAML file (tags, names, events, glossary, NAME.yml) has a declared schema: types, required fields,
unknown keys, ids and a label for every edition language; a value that does not fit is one line
`FILE: where: what is wrong`, never a traceback or a value silently dropped."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from conftest import FIXTURES
from hiwar.enrich.collection import collect
from hiwar.ingest.editorial import MAX_NOTES, load_editorial
from hiwar.ingest.schema import Context, Text
from hiwar.knowledge.events import load_calendar
from hiwar.knowledge.glossary import load_glossary
from hiwar.knowledge.names import load_names
from hiwar.knowledge.vocabulary import load_vocabulary
from hiwar.model.dates import PartialDate, parse_date_value
from hiwar.problems import InputError

YAML = FIXTURES / "yaml"
LOADERS = {
    "tags.yml": load_vocabulary,
    "names.yml": load_names,
    "events.yml": load_calendar,
    "glossary.yml": load_glossary,
    "headings.yml": lambda path, source, ctx: load_editorial(path, source, ctx),
}
NEXT_YEAR = dt.date.today().year + 1
CONTEXT = Context(("ar", "en"), NEXT_YEAR, ("iran", "sovereignty"))


def load(tmp_path, name: str, text: str, ctx: Context = CONTEXT):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return LOADERS[name](path, f"editorial/{name}", ctx)


def problem(tmp_path, name: str, text: str, ctx: Context = CONTEXT) -> str:
    with pytest.raises(InputError) as caught:
        load(tmp_path, name, text, ctx)
    message = str(caught.value)
    assert "\n" not in message and message.startswith(f"editorial/{name}: ")
    return message.removeprefix(f"editorial/{name}: ")


# ---- every file ----


@pytest.mark.parametrize("fixture", ["empty.yml", "comment_only.yml"])
def test_an_empty_or_comment_only_file_means_no_entries_in_every_file(tmp_path, fixture):
    text = (YAML / fixture).read_text(encoding="utf-8")
    assert load(tmp_path, "tags.yml", text) == {}
    assert load(tmp_path, "names.yml", text) == []
    assert load(tmp_path, "glossary.yml", text) == []
    calendar = load(tmp_path, "events.yml", text)
    assert (calendar.events, calendar.terms) == ((), ())
    assert load(tmp_path, "headings.yml", text).title is None


# ---- tags.yml ----


@pytest.mark.parametrize(
    "text,message",
    [
        ("Iran: {ar: إيران, en: Iran}\n", 'id "Iran": must be lower-case ASCII letters, digits and hyphens'),
        (
            "../../../README: {ar: إيران, en: Iran}\n",
            'id "../../../README": must be lower-case ASCII letters, digits and hyphens',
        ),
        (
            '"x\\" onclick=\\"alert(1)": {ar: إيران, en: Iran}\n',
            'id "x\\" onclick=\\"alert(1)": must be lower-case ASCII letters, digits and hyphens',
        ),
        (
            "5: {ar: إيران, en: Iran}\n",
            "id 5: must be lower-case ASCII letters, digits and hyphens, in text (not a number (5))",
        ),
        ("iran: {ar: إيران}\n", 'id "iran": missing en:'),
        ("iran: {ar: 5, en: Iran}\n", 'id "iran": ar: expected text, not a number (5)'),
        ("iran: {ar: إيران, en: [Iran]}\n", 'id "iran": en: expected text, not a list'),
        ("iran: [ar, en]\n", 'id "iran": expected a mapping of ar:, en: and match:, not a list'),
        ("iran: {ar: إيران, en: Iran, colour: red}\n", "id \"iran\": unknown key 'colour' (expected ar, en and match)"),
        ("iran: {ar: إيران, en: Iran, fr: Iran}\n", "id \"iran\": unknown key 'fr' (expected ar, en and match)"),
        ("iran: {ar: إيران, en: Iran, 7: x}\n", 'id "iran": unknown key 7 (expected ar, en and match)'),
        ("iran: {ar: إيران, en: Iran, match: إيران}\n", 'id "iran": match: expected a list of phrases, not text'),
        ("iran: {ar: إيران, en: Iran, match: ['']}\n", 'id "iran": match: item 1: expected non-empty text'),
        (
            "iran: {ar: إيران, en: Iran, match: ['، ـــ']}\n",
            'id "iran": match: item 1: "، ـــ" has no letters or digits to match',
        ),
        (
            "iran: {ar: إيران, en: Iran, match: [إيران, 2020]}\n",
            'id "iran": match: item 2: expected text, not a number (2020)',
        ),
        ("iran: {ar: إيران, en: Iran, match: []}\n", 'id "iran": match: expected a list of phrases, not an empty list'),
        ("- iran\n- sovereignty\n", "must be a mapping of tag ids to {ar, en, match}, not a list"),
    ],
)
def test_tags_schema(tmp_path, text, message):
    assert problem(tmp_path, "tags.yml", text) == message


def test_a_label_is_required_for_every_configured_edition_language(tmp_path):
    french = Context(("ar", "en", "fr"), NEXT_YEAR)
    assert problem(tmp_path, "tags.yml", "iran: {ar: إيران, en: Iran}\n", french) == 'id "iran": missing fr:'
    tags = load(tmp_path, "tags.yml", "iran: {ar: إيران, en: Iran, fr: Iran}\n", french)
    assert dict(tags["iran"].labels) == {"ar": "إيران", "en": "Iran", "fr": "Iran"}


# ---- names.yml ----

NAME = "names:\n  - id: fuad-hussein\n    kind: person\n    ar: فؤاد حسين\n    en: Fuad Hussein\n"


@pytest.mark.parametrize(
    "text,message",
    [
        ("names: {id: x}\n", "field 'names': expected a list of names, not a mapping"),
        (
            NAME.replace("kind: person", "kind: human"),
            'field \'names\': id "fuad-hussein": kind must be one of person, organisation, place (not "human")',
        ),
        (NAME.replace("    en: Fuad Hussein\n", ""), "field 'names': id \"fuad-hussein\": missing en:"),
        (
            NAME.replace("ar: فؤاد حسين", "ar: 12"),
            "field 'names': id \"fuad-hussein\": ar: expected text, not a number (12)",
        ),
        (
            NAME.replace("id: fuad-hussein", "id: Fuad Hussein"),
            "field 'names': id \"Fuad Hussein\": must be lower-case ASCII letters, digits and hyphens",
        ),
        (
            NAME.replace("id: fuad-hussein", "id: 12"),
            "field 'names': id 12: must be lower-case ASCII letters, digits and hyphens, in text (not a number (12))",
        ),
        (NAME.replace("  - id: fuad-hussein\n    kind", "  - kind"), "field 'names': entry 1: missing id:"),
        (
            NAME + NAME.removeprefix("names:\n"),
            "field 'names': id \"fuad-hussein\": appears twice (entries 1 and 2); ids are unique",
        ),
        (
            NAME + "    variants: الكاظمي\n",
            "field 'names': id \"fuad-hussein\": variants: expected a list of spellings, not text",
        ),
        (
            NAME + "    variants: [5]\n",
            "field 'names': id \"fuad-hussein\": variants: item 1: expected text, not a number (5)",
        ),
        (
            NAME + "    role: minister\n",
            "field 'names': id \"fuad-hussein\": unknown key 'role' (expected ar, en, id, kind, variants and ambiguous)",
        ),
        ("people: []\n", "unknown field 'people' (known fields: names)"),
    ],
)
def test_names_schema(tmp_path, text, message):
    assert problem(tmp_path, "names.yml", text) == message


# ---- events.yml ----

EVENT = (
    "events:\n  - id: soleimani-killing\n    date: 2020-01-03\n    ar: اغتيال سليماني\n    en: Soleimani is killed\n"
)
TERM = "terms:\n  - id: biden-presidency\n    from: 2021-01-20\n    to: 2025-01-20\n    match: [الرئيس بايدن]\n"


@pytest.mark.parametrize(
    "text,message",
    [
        (EVENT, "field 'events': id \"soleimani-killing\": missing match:"),
        (
            EVENT + "    match: اغتيال\n",
            "field 'events': id \"soleimani-killing\": match: expected a list of word groups ([[word, word], [word]]), not text",
        ),
        (
            EVENT + "    match: [اغتيال]\n",
            "field 'events': id \"soleimani-killing\": match: item 1: expected a list of words that must all appear, not text",
        ),
        (
            EVENT + "    match: [[]]\n",
            "field 'events': id \"soleimani-killing\": match: item 1: expected a list of words that must all appear, not an empty list",
        ),
        (
            EVENT + "    match: [[اغتيال, 2020]]\n",
            "field 'events': id \"soleimani-killing\": match: item 1: item 2: expected text, not a number (2020)",
        ),
        (
            EVENT.replace("2020-01-03", "0000-01-03") + "    match: [[اغتيال]]\n",
            "field 'events': id \"soleimani-killing\": date: year 0 does not exist (years run from 1 to 9999)",
        ),
        (
            EVENT.replace("2020-01-03", "9999") + "    match: [[اغتيال]]\n",
            f"field 'events': id \"soleimani-killing\": date: 9999: year 9999 is after {NEXT_YEAR}, the latest year a date may name",
        ),
        (
            EVENT.replace("2020-01-03", "[2020]") + "    match: [[اغتيال]]\n",
            "field 'events': id \"soleimani-killing\": date: expected a date like 2021-05-03, 2021-05, 2021 or an interval like 2024-01-30/2024-02-02, not a list",
        ),
        (
            EVENT.replace("en: Soleimani is killed", "en: {text: x}") + "    match: [[اغتيال]]\n",
            "field 'events': id \"soleimani-killing\": en: expected text, not a mapping",
        ),
        (
            TERM.replace("from: 2021-01-20", "from: 2021"),
            'field \'terms\': id "biden-presidency": from: expected a day like 2021-05-03, not "2021"',
        ),
        (
            TERM.replace("match: [الرئيس بايدن]", "match: الرئيس بايدن"),
            "field 'terms': id \"biden-presidency\": match: expected a list of phrases, not text",
        ),
        (
            TERM.replace("to: 2025-01-20", "to: 2020-01-20"),
            'id "biden-presidency": to: 2020-01-20 is before from: 2021-01-20',
        ),
        # a term's labels are optional, in the edition languages only
        (TERM + "    ar: {x: 1}\n", "field 'terms': id \"biden-presidency\": ar: expected text, not a mapping"),
        (
            TERM + "    de: Biden\n",
            "field 'terms': id \"biden-presidency\": unknown key 'de' (expected ar, en, id, from, to, match and former)",
        ),
        (
            EVENT.replace("2020-01-03", "1900/2020") + "    match: [[اغتيال]]\n",
            "field 'events': id \"soleimani-killing\": date: 1900/2020 touches 121 calendar years (1900 to 2020); an interval may "
            "touch at most 10: a wider one does not date anything",
        ),
        (
            "events:\n  - [soleimani-killing, 2020-01-03]\n",
            "field 'events': entry 1: expected a mapping of id:, date:, ar:, en:, match:, round:, not a list",
        ),
        # round: is true or false; YAML's other spellings of a boolean are text (YAML 1.2), and refused
        (
            EVENT + "    match: [[اغتيال]]\n    round: yes\n",
            "field 'events': id \"soleimani-killing\": round: expected true or false, not text",
        ),
        (
            EVENT + "    match: [[اغتيال]]\n    round: 1\n",
            "field 'events': id \"soleimani-killing\": round: expected true or false, not a number (1)",
        ),
    ],
)
def test_events_schema(tmp_path, text, message):
    assert problem(tmp_path, "events.yml", text) == message


def test_an_office_term_may_be_named_in_some_languages(tmp_path):
    assert load(tmp_path, "events.yml", TERM).terms[0].labels == {}
    assert load(tmp_path, "events.yml", TERM + "    ar: ولاية بايدن\n").terms[0].labels == {"ar": "ولاية بايدن"}


def test_an_optional_key_left_empty_is_not_given(tmp_path):
    calendar = load(tmp_path, "events.yml", TERM.replace("to: 2025-01-20", "to:"))
    assert calendar.terms[0].end is None
    assert load(tmp_path, "headings.yml", "title:\nsummary: ~\n").summary is None
    assert (
        problem(tmp_path, "events.yml", TERM.replace("from: 2021-01-20", "from:"))
        == "field 'terms': id \"biden-presidency\": from: expected a day like 2021-05-03, not nothing"
    )


def test_an_event_mentioned_by_a_match_given_as_text_is_not_mentioned_everywhere(tmp_path):
    calendar = load(tmp_path, "events.yml", EVENT + '    match: [[اغتيال, سليماني], ["2020", مقتل]]\n')
    assert calendar.events[0].match == (("اغتيال", "سليماني"), ("2020", "مقتل"))


# ---- glossary.yml ----

GLOSS = (
    "terms:\n  - id: quds-force\n    ar: فيلق القدس\n    en: the Quds Force\n    match: [فيلق القدس]\n"
    "    match_en: [Quds Force]\n    definition:\n      ar: وحدة العمليات الخارجية\n      en: The external operations arm\n"
)


@pytest.mark.parametrize(
    "text,message",
    [
        (
            GLOSS.replace("match: [فيلق القدس]", "match: ['']"),
            "field 'terms': id \"quds-force\": match: item 1: expected non-empty text",
        ),
        (
            GLOSS.replace("match: [فيلق القدس]", "match: فيلق القدس"),
            "field 'terms': id \"quds-force\": match: expected a list of spellings, not text",
        ),
        (
            GLOSS.replace("match_en: [Quds Force]", "match_en: ['  ']"),
            "field 'terms': id \"quds-force\": match_en: item 1: expected non-empty text",
        ),
        (
            GLOSS.replace("      en: The external operations arm\n", ""),
            "field 'terms': id \"quds-force\": definition: missing en:",
        ),
        (
            GLOSS.replace("en: the Quds Force", "en: 1979"),
            "field 'terms': id \"quds-force\": en: expected text, not a number (1979)",
        ),
        (
            GLOSS.replace("match_en", "match_fr"),
            "field 'terms': id \"quds-force\": unknown key 'match_fr' (expected ar, en, id, match, definition and match_en)",
        ),
        (
            GLOSS.replace("id: quds-force", "id: 'quds\" onfocus=\"alert(1)'"),
            'field \'terms\': id "quds\\" onfocus=\\"alert(1)": must be lower-case ASCII letters, digits and hyphens',
        ),
        ("terms:\n  quds-force: {ar: فيلق القدس}\n", "field 'terms': expected a list of terms, not a mapping"),
    ],
)
def test_glossary_schema(tmp_path, text, message):
    assert problem(tmp_path, "glossary.yml", text) == message


def test_glossary_patterns_per_language(tmp_path):
    (term,) = load(tmp_path, "glossary.yml", GLOSS.replace("    match_en: [Quds Force]\n", ""))
    assert term.pattern("ar").search("قائد فيلق القدس") and term.pattern("en") is None
    (term,) = load(tmp_path, "glossary.yml", GLOSS)
    assert (
        term.pattern("en").search("the Quds Force commander")
        and dict(term.definitions)["en"] == "The external operations arm"
    )


# ---- NAME.yml ----

NOTE = "notes:\n  - kind: editor\n    paragraph: 2\n    text:\n      ar: ملاحظة\n      en: A note\n"


@pytest.mark.parametrize(
    "text,message",
    [
        ("date:\n  value: 0000\n", "field 'date': value: year 0 does not exist (years run from 1 to 9999)"),
        (
            f"date:\n  value: {NEXT_YEAR + 1}-01\n",
            f"field 'date': value: {NEXT_YEAR + 1}-01: year {NEXT_YEAR + 1} is after {NEXT_YEAR}, the latest year a date may name",
        ),
        ("author: Someone\n", "field 'author': expected a mapping of language codes to text (ar: …, en: …), not text"),
        ("author:\n  ar: 42\n", "field 'author': ar: expected text, not a number (42)"),
        (
            "summary: [a, b]\n",
            "field 'summary': expected a mapping of language codes to text (ar: …, en: …), not a list",
        ),
        ("title:\n  ar: عنوان\n  editorial: yes\n", "field 'title': unknown key 'editorial' (expected ar and en)"),
        ("tags: iran\n", "field 'tags': expected a list of tag ids, not text"),
        ("tags: [iran, 5]\n", "field 'tags': expected a tag id, not a number (5)"),
        ("entities:\n  - kind: person\n    ar: فلان\n", "field 'entities': entry 1: missing en:"),
        ("entities:\n  - person\n", "field 'entities': entry 1: expected a mapping of kind:, ar:, en:, not text"),
        (
            "source_errors: []\n",
            "unknown field 'source_errors' (known fields: title, date, author, publisher, summary, tags, "
            "entities, notes)",
        ),
        (
            NOTE.replace("kind: editor", "kind: reader"),
            "field 'notes': note 1: kind must be one of editor, translator (not \"reader\")",
        ),
        (NOTE.replace("paragraph: 2", "paragraph: 0"), "field 'notes': note 1: paragraph must be 1 or more (not 0)"),
        (
            NOTE.replace("paragraph: 2", "paragraph: '2'"),
            "field 'notes': note 1: paragraph: expected a whole number from 1, not text",
        ),
        (NOTE.replace("      en: A note\n", ""), "field 'notes': note 1: text: missing en:"),
        (NOTE + "    at:\n      fr: x\n", "field 'notes': note 1: at: unknown key 'fr' (expected ar and en)"),
        (NOTE + "    where: x\n", "field 'notes': note 1: unknown key 'where' (known keys: kind, paragraph, at, text)"),
    ],
)
def test_metadata_schema(tmp_path, text, message):
    assert problem(tmp_path, "headings.yml", text) == message


def test_notes_are_read_with_their_marks(tmp_path):
    editorial = load(tmp_path, "headings.yml", NOTE + "    at:\n      ar: الضغط السياسي\n")
    (note,) = editorial.notes
    assert (note.kind, note.paragraph, dict(note.at), dict(note.text)) == (
        "editor",
        2,
        {"ar": "الضغط السياسي"},
        {"ar": "ملاحظة", "en": "A note"},
    )


@pytest.mark.parametrize(
    "at,message",
    [
        ("      ar: الضغط السياسي\n", None),
        (
            "      ar: عبارة ليست في الفقرة\n",
            'note 1 (¶2): at: ar: "عبارة ليست في الفقرة" is not in ¶2 of the seed; copy the phrase from the ¶ as it is written',
        ),
        (
            "      en: Political pressure\n",
            'note 1 (¶2): at: en: "Political pressure" is not in ¶2 of the en translation; copy the phrase from the ¶ as it is written',
        ),
        ("      en: mounting pressure\n", None),
    ],
)
def test_a_note_mark_must_be_in_its_paragraph(tmp_path, at, message):
    seeds, editorial = tmp_path / "seeds", tmp_path / "editorial"
    seeds.mkdir(), editorial.mkdir()
    shutil.copy(FIXTURES / "traits" / "headings.txt", seeds / "headings.txt")
    (editorial / "headings.yml").write_text(NOTE + "    at:\n" + at, encoding="utf-8")
    english = [
        "The future of the US presence",
        "The article looks at the US presence.",
        "Motives",
        "There is mounting pressure.",
        "Conclusion",
        "Dialogue remains an option.",
    ]
    (editorial / "headings.en.txt").write_text("\n\n".join(english), encoding="utf-8")
    collection = collect(seeds, editorial)
    assert [str(p) for p in collection.problems] == ([f"editorial/headings.yml: {message}"] if message else [])
    if message is None:
        assert collection.articles[0].notes[0].paragraph == 2


def test_a_note_on_a_paragraph_the_article_does_not_have(tmp_path):
    seeds, editorial = tmp_path / "seeds", tmp_path / "editorial"
    seeds.mkdir(), editorial.mkdir()
    shutil.copy(FIXTURES / "traits" / "headings.txt", seeds / "headings.txt")
    (editorial / "headings.yml").write_text(NOTE.replace("paragraph: 2", "paragraph: 9"), encoding="utf-8")
    (found,) = collect(seeds, editorial).problems
    assert str(found) == "editorial/headings.yml: note 1 (¶9): the article has no ¶9 (its paragraphs are ¶1 to ¶3)"


def test_every_broken_shared_file_is_reported_and_the_build_goes_on_to_the_seeds(tmp_path):
    seeds, editorial = tmp_path / "seeds", tmp_path / "editorial"
    seeds.mkdir(), editorial.mkdir()
    shutil.copy(FIXTURES / "traits" / "headings.txt", seeds / "headings.txt")
    shutil.copy(YAML / "alias_bomb.yml", editorial / "events.yml")
    shutil.copy(YAML / "duplicate_keys.yml", editorial / "tags.yml")
    (editorial / "names.yml").write_text("names: 5\n", encoding="utf-8")
    (editorial / "glossary.yml").write_text("terms: [1, 2]\n", encoding="utf-8")
    collection = collect(seeds, editorial)
    assert sorted(str(p).split(":")[0] for p in collection.problems) == [
        "editorial/events.yml",
        "editorial/glossary.yml",
        "editorial/names.yml",
        "editorial/tags.yml",
    ]
    assert [a.id for a in collection.articles] == ["headings"]


def test_dates_before_year_one_or_after_next_year_are_refused():
    assert parse_date_value("2021-07", NEXT_YEAR) == PartialDate(2021, 7)
    assert parse_date_value(str(NEXT_YEAR), NEXT_YEAR) == PartialDate(NEXT_YEAR)
    for value in ("0000", "0000-01-01"):
        with pytest.raises(ValueError, match="year 0 does not exist"):
            parse_date_value(value, NEXT_YEAR)
    for value in (str(NEXT_YEAR + 1), "9999-12-31"):
        with pytest.raises(ValueError, match=f"year {value[:4]} is after {NEXT_YEAR}"):
            parse_date_value(value, NEXT_YEAR)


def test_a_yaml_value_is_read_with_the_seeds_rule_noncharacters_becoming_the_replacement_character(tmp_path):
    # YAML refuses U+FFFE and U+FFFF written as they are, but its escapes give any code point.
    editorial = load(
        tmp_path, "headings.yml", 'title:\n  ar: "عنوان\\uFFFEالمقال"\n  en: "The\\uFFFF title\\U0010FFFF"\n'
    )
    assert dict(editorial.title) == {"ar": "عنوان\ufffdالمقال", "en": "The\ufffd title\ufffd"}
    assert (
        problem(tmp_path, "headings.yml", "title:\n  en: The\ufffe title\n")
        == "line 2: holds the control character U+FFFE, which YAML does not allow; remove it"
    )


def test_a_surrogate_escape_in_yaml_is_one_line_and_a_surrogate_in_a_value_is_no_character(tmp_path):
    # libyaml's parser (the one read_yaml uses when PyYAML has it, as the pinned wheel does) refuses the escape ...
    assert problem(tmp_path, "headings.yml", 'title:\n  en: "A lone \\ud800"\n').startswith("is not valid YAML (line 2")
    # ... PyYAML's own reads it; a value is read with the seeds' rule either way: a pair is one character, a lone one none
    assert Text().clean("A \ud83d\ude00 and a lone \ud800", CONTEXT) == "A \U0001f600 and a lone \ufffd"


def test_an_article_has_at_most_200_notes_refused_before_any_is_read(tmp_path):
    assert MAX_NOTES == 200
    notes = "notes:\n" + NOTE.removeprefix("notes:\n") * MAX_NOTES
    assert len(load(tmp_path, "headings.yml", notes).notes) == MAX_NOTES
    broken = "  - kind: reader\n"  # one more note, and a wrong one: the count is what is reported
    assert (
        problem(tmp_path, "headings.yml", notes + broken)
        == "field 'notes': holds 201 notes, more than the 200 accepted (editorial/README.md)"
    )
