"""A seed in any supported encoding is read as the same Arabic text, or refused: never letter-spaced; code points that
are not characters (which XML cannot hold) are read as U+FFFD, in a seed as in every text read with its rule."""

from __future__ import annotations

import codecs
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES
from hiwar.ingest.seed import ARTICLE_TEXT_LIMIT, normalise, read_seed
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
    with pytest.raises(
        InputError, match=f"^seeds/{name}.txt: is a binary file, not text; save the article as UTF-8 text$"
    ):
        read_seed(FIXTURES / "invalid" / f"{name}.txt", f"seeds/{name}.txt")


def test_a_utf16_mark_before_utf32_text_is_refused_not_letter_spaced(tmp_path):
    text = (FIXTURES / "encodings" / "utf8_bom.txt").read_bytes().decode("utf-8-sig")
    path = tmp_path / "mixed.txt"
    path.write_bytes(b"\xfe\xff" + text.encode("utf-32-be"))  # a UTF-16 BE mark, UTF-32 bytes: NULs between letters
    with pytest.raises(
        InputError, match="^seeds/mixed.txt: starts with a utf_16 byte-order mark but holds NUL characters"
    ):
        read_seed(path, "seeds/mixed.txt")


def test_a_date_line_with_a_year_no_publication_can_have_stays_text():
    assert parse_date_line("03/05/2021") == PartialDate(2021, 5, 3)
    assert parse_date_line("03/05/9999") is None and parse_date_line("03/05/0000") is None


# ---- characters that are no characters -----------------------------------------------------------------------------
# XML 1.0's Char production: what a feed, a sitemap or any other XML output can hold.
NOT_XML_CHAR = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
NONCHARACTERS = [chr(code) for code in range(0xFDD0, 0xFDF0)] + [
    chr(plane + last) for plane in range(0, 0x110000, 0x10000) for last in (0xFFFE, 0xFFFF)
]
ANY_CODE_POINT = st.text(
    st.one_of(st.characters(codec=None), st.characters(categories=["Cs"]), st.sampled_from(NONCHARACTERS))
)


def test_there_are_66_noncharacters_and_each_becomes_the_replacement_character():
    assert len(NONCHARACTERS) == 66
    assert normalise("".join(f"ا{ch}" for ch in NONCHARACTERS)) == "ا\ufffd" * 66


def test_a_seed_with_noncharacters_is_read_with_the_replacement_character_in_their_place(tmp_path):
    path = tmp_path / "odd.txt"
    path.write_bytes(f"{TITLE}\n\nعقدت الجولة\ufffeالثالثة\uffff من الحوار\n".encode())
    seed = read_seed(path, "seeds/odd.txt")
    assert "عقدت الجولة\ufffdالثالثة\ufffd من الحوار" in seed.text
    path.write_bytes(codecs.BOM_UTF16_LE + f"{TITLE}\n\nالحوار\U0010ffff الاستراتيجي\n".encode("utf-16-le"))
    assert "الحوار\ufffd الاستراتيجي" in read_seed(path, "seeds/odd.txt").text


def test_a_surrogate_pair_is_one_character_and_a_lone_surrogate_none():
    assert normalise("a\ud83d\ude00b") == "a\U0001f600b"
    assert normalise("a\ud800b\udfffc\ude00\ud83d") == "a\ufffdb\ufffdc\ufffd\ufffd"


@given(ANY_CODE_POINT)
@settings(max_examples=300)
def test_normalised_text_is_text_every_xml_document_can_hold(text):
    normalised = normalise(text)
    assert not NOT_XML_CHAR.search(normalised)
    assert not set(normalised) & set(NONCHARACTERS)
    assert normalise(normalised) == normalised  # one rule: reading a value twice changes nothing


def test_a_seed_is_at_most_2_mib_and_a_larger_one_is_refused_unread(tmp_path):
    assert ARTICLE_TEXT_LIMIT.bytes == 2 * 2**20
    path = tmp_path / "huge.txt"
    with path.open("wb") as sparse:
        sparse.truncate(50 * 2**20)
    with pytest.raises(InputError) as refused:
        read_seed(path, "seeds/huge.txt")
    assert str(refused.value) == (
        "seeds/huge.txt: is 52,428,800 bytes (50 MiB), more than the 2,097,152 (2 MiB) an article's text (a seed or a "
        "translation) may have; split it into articles, or remove what is not the article's text"
    )
