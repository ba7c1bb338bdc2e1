"""A seed in any supported encoding is read as the same Arabic text, or refused: never letter-spaced."""
from __future__ import annotations

import pytest
from conftest import FIXTURES
from hiwar.ingest.seed import read_seed
from hiwar.knowledge.dates import parse_date_line
from hiwar.model.dates import PartialDate
from hiwar.problems import InputError

TITLE = "الحوار الاستراتيجي بين بغداد وواشنطن"


@pytest.mark.parametrize("name", ["utf32_le_bom", "utf32_be_bom"])
def test_utf32_with_a_byte_order_mark_is_read_in_either_byte_order(name):
    seed = read_seed(FIXTURES / "encodings" / f"{name}.txt", f"seeds/{name}.txt")
    utf8 = read_seed(FIXTURES / "encodings" / "utf8_bom.txt", "seeds/utf8_bom.txt")
    assert seed.encoding == "utf_32" and seed.text == utf8.text
    assert seed.text.startswith(TITLE)  # not letter-spaced: "ا ل ح و ا ر"


@pytest.mark.parametrize("name", ["utf32_no_bom", "utf16_no_bom"])
def test_utf16_and_utf32_without_a_byte_order_mark_are_refused(name):
    with pytest.raises(InputError, match=f"^seeds/{name}.txt: is a binary file, not text; save the article as UTF-8 text$"):
        read_seed(FIXTURES / "invalid" / f"{name}.txt", f"seeds/{name}.txt")


def test_a_utf16_mark_before_utf32_text_is_refused_not_letter_spaced(tmp_path):
    text = (FIXTURES / "encodings" / "utf8_bom.txt").read_bytes().decode("utf-8-sig")
    path = tmp_path / "mixed.txt"
    path.write_bytes(b"\xfe\xff" + text.encode("utf-32-be"))  # a UTF-16 BE mark, UTF-32 bytes: NULs between letters
    with pytest.raises(InputError, match="^seeds/mixed.txt: starts with a utf_16 byte-order mark but holds NUL characters"):
        read_seed(path, "seeds/mixed.txt")


def test_a_date_line_with_a_year_no_publication_can_have_stays_text():
    assert parse_date_line("03/05/2021") == PartialDate(2021, 5, 3)
    assert parse_date_line("03/05/9999") is None and parse_date_line("03/05/0000") is None
