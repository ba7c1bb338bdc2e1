"""Editions and their language tables (site/editions.py): a table's nested sections become dotted keys, plural forms
stay whole, a string missing or unknown in one language is an error naming it, and a project's own table comes
before the package's."""

from __future__ import annotations

import pytest

from hiwar.model.dates import parse_date_value
from hiwar.problems import InputError
from hiwar.site.editions import PACKAGE_LANGUAGES, MissingString, TableErrors, load_editions, load_table

TABLE = """\
language:
  name: Test
  direction: ltr
  words_per_minute: 200
article:
  reading_time: "{minutes} min read"
  notes:
    title: Notes
search:
  results:
    one: "{count} result"
    other: "{count} results"
  counts:
    one: "one"
    dozen: "twelve"
  ordinals:
    one: first
    two: second
months: [Jan, Feb]
"""


def table(folder, lang="xx", text=TABLE):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{lang}.yml").write_text(text, encoding="utf-8")
    return folder


def test_nested_sections_become_dotted_keys_and_lists_stay_values(tmp_path):
    strings = load_table("xx", [table(tmp_path)]).strings
    assert strings["language.direction"] == "ltr" and strings["article.notes.title"] == "Notes"
    assert strings["months"] == ["Jan", "Feb"]
    assert "article" not in strings and "article.notes" not in strings


def test_plural_forms_are_kept_whole_and_a_mapping_that_only_looks_plural_is_not(tmp_path):
    strings = load_table("xx", [table(tmp_path)]).strings
    assert strings["search.results"] == {"one": "{count} result", "other": "{count} results"}
    # "dozen" is no CLDR plural category, and there is no "other": ordinary keys
    assert (strings["search.counts.one"], strings["search.counts.dozen"]) == ("one", "twelve")
    # plural categories only, but no "other" (which every language has): ordinary keys too
    assert (strings["search.ordinals.one"], strings["search.ordinals.two"]) == ("first", "second")


def test_a_string_is_looked_up_by_its_key_with_its_placeholders_filled(tmp_path):
    english = load_table("xx", [table(tmp_path)])
    assert english.text("article.reading_time", minutes=3) == "3 min read"
    assert english.text("article.reading_time") == "{minutes} min read"
    assert english.section("article") == {"reading_time": "{minutes} min read", "notes": {"title": "Notes"}}


@pytest.mark.parametrize(
    "key,message",
    [
        ("article.summary", "no string 'article.summary'"),
        ("article.notes", "no string 'article.notes'"),  # its strings are article.notes.*
        ("search.results", "'search.results' is a section, not a string"),
    ],
)
def test_a_key_the_table_does_not_hold_as_a_string_is_an_error_naming_file_and_key(tmp_path, key, message):
    english = load_table("xx", [table(tmp_path / "languages")])
    with pytest.raises(MissingString) as error:
        english.text(key)
    assert str(error.value) == f"languages/xx.yml: {message}"


def test_a_missing_section_is_an_error_naming_it(tmp_path):
    with pytest.raises(MissingString, match=r"^languages/xx\.yml: no section 'dates'$"):
        load_table("xx", [table(tmp_path / "languages")]).section("dates")


def test_the_first_folder_holding_the_language_wins(tmp_path):
    project = table(tmp_path / "project", text="language: {name: Mine}\n")
    package = table(tmp_path / "package")
    assert load_table("xx", [project, package]).strings == {"language.name": "Mine"}
    assert load_table("xx", [tmp_path / "elsewhere", package]).source == "package/xx.yml"


def test_a_project_table_replaces_the_packages_for_its_language_only(tmp_path):
    english = (PACKAGE_LANGUAGES / "en.yml").read_text(encoding="utf-8")
    table(tmp_path, "en", english.replace("  name: Hiwar\n", "  name: Our Hiwar\n"))
    arabic, ours = load_editions(["ar", "en"], tmp_path)
    assert ours.t("site.name") == "Our Hiwar" and ours.table.source == f"{tmp_path.name}/en.yml"
    assert arabic.t("site.name") == "حوار" and arabic.table.source == "languages/ar.yml"


@pytest.mark.parametrize(
    "text,message",
    [
        ("language: [unclosed\n", "cannot be read as a YAML language table"),
        ("- a list\n", "must map sections to strings"),
        ("", "must map sections to strings"),
    ],
)
def test_a_table_that_is_not_a_mapping_of_strings_is_an_input_error_naming_it(tmp_path, text, message):
    with pytest.raises(InputError, match=f"^languages/xx.yml: {message}"):
        load_table("xx", [table(tmp_path / "languages", text=text)])


def test_a_language_without_a_table_is_an_error_saying_where_it_was_looked_for(tmp_path):
    with pytest.raises(
        InputError,
        match=r"^languages/xx\.yml: no table of UI strings for the language 'xx' "
        rf"\(looked in {tmp_path}, {PACKAGE_LANGUAGES}\)$",
    ):
        load_editions(["ar", "xx"], tmp_path)


def test_a_string_missing_in_one_language_or_unknown_to_the_first_is_named(tmp_path):
    table(tmp_path, "aa", "site: {name: A, about: a}\n")
    table(tmp_path, "bb", "site: {name: B}\n")
    table(tmp_path, "cc", "site: {name: C, about: c, extra: c}\n")
    with pytest.raises(InputError) as error:
        load_editions(["aa", "bb"], tmp_path)
    # one line, as every problem is: the file that lacks the string, then what is wrong
    assert str(error.value) == (
        f"{tmp_path.name}/bb.yml: the string 'site.about' is not translated (it is in {tmp_path.name}/aa.yml)"
    )
    with pytest.raises(TableErrors) as errors:
        load_editions(["aa", "bb", "cc"], tmp_path)
    assert errors.value.lines == [
        f"{tmp_path.name}/bb.yml: the string 'site.about' is not translated (it is in {tmp_path.name}/aa.yml)",
        f"{tmp_path.name}/cc.yml: the string 'site.extra' is unknown (it is not in {tmp_path.name}/aa.yml)",
    ]


def test_a_plural_form_one_language_lacks_is_no_missing_string(tmp_path):
    """Languages have their own plural categories (English one/other, Arabic six): the forms are one value."""
    table(tmp_path, "aa", 'search: {results: {one: "{count} hit", other: "{count} hits"}}\n')
    table(tmp_path, "bb", 'search: {results: {zero: "none", two: "{count}", few: "{count}", other: "{count}"}}\n')
    assert [e.lang for e in load_editions(["aa", "bb"], tmp_path)] == ["aa", "bb"]


def test_the_first_edition_is_the_default_at_the_root_and_the_others_live_under_their_code():
    arabic, english = load_editions(["ar", "en"])
    assert (arabic.default, arabic.prefix, arabic.dir, arabic.name) == (True, "", "rtl", "العربية")
    assert (english.default, english.prefix, english.dir, english.name) == (False, "en/", "ltr", "English")
    assert english.words_per_minute == 230 and isinstance(arabic.words_per_minute, int)
    english_first = load_editions(["en", "ar"])
    assert [(e.lang, e.prefix) for e in english_first] == [("en", ""), ("ar", "ar/")]


def test_an_edition_says_dates_in_its_own_words():
    arabic, english = load_editions(["ar", "en"])
    date = parse_date_value("2021-05-03", 2030)
    assert english.format_date(date) == "3 May 2021" and english.date_precision(date) == "day"
    assert arabic.format_date(date) == "3 أيار/مايو 2021"
    assert english.format_date(None) == english.t("dates.unknown")
