"""Input problems (problems.py): one line naming the file, whatever the file name or value it quotes holds."""

from __future__ import annotations

from hiwar.problems import SHOWN_MAX, InputError, Problem, quoted, shown


def test_untrusted_text_is_shown_so_it_cannot_break_reorder_or_hide_a_line():
    assert shown("seed\u202e.txt") == "seed\\u202e.txt"  # a bidi override
    assert shown("a\nb\tc\x00") == "a\\x0ab\\x09c\\x00"
    assert shown("name\udcff.txt") == "name\\xff.txt"  # a byte that was not UTF-8, as os.listdir hands it over
    assert shown("back\\slash") == "back\\\\slash"
    assert shown("زيارة\u200b") == "زيارة\\u200b"  # a zero-width space
    assert shown("مقال الكاظمي.txt") == "مقال الكاظمي.txt"


def test_a_long_value_is_cut():
    assert shown("x" * (SHOWN_MAX + 5)) == "x" * SHOWN_MAX + "…"
    assert shown("abcdef", limit=3) == "abc…"


def test_a_value_is_quoted_as_yaml_wrote_it():
    assert quoted('say "hi"\n') == '"say \\"hi\\"\\x0a"'
    assert (quoted(True), quoted(False), quoted(None), quoted(12), quoted(1.5)) == (
        "true",
        "false",
        "null",
        "12",
        "1.5",
    )


def test_a_problem_is_one_line_naming_its_file_whatever_its_message_quotes():
    problem = Problem("seeds/a.txt", "first line\nsecond line")
    assert str(problem) == "seeds/a.txt: first line second line"
    error = InputError("editorial/a.yml", "field 'date': wrong")
    assert str(error) == "editorial/a.yml: field 'date': wrong" and error.problem == Problem(
        "editorial/a.yml", "field 'date': wrong"
    )
