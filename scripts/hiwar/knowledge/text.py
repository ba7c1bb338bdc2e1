"""Arabic text helpers shared by the reader, the enrichment steps and the search hook."""

from __future__ import annotations

import functools
import re
import unicodedata

from hiwar.knowledge.rules import char_class, rules

# The folding rules live in search_rules.yml, shared with the search's JavaScript.
_FOLD = rules()["fold"]
MARKS = re.compile(char_class(_FOLD["remove"]))  # tashkeel, Quranic marks and tatweel
LETTER_FORMS = str.maketrans(_FOLD["letters"])  # hamza and alef forms, alef maqsura, taa marbuta, Persian letters
DIGITS = str.maketrans("".join(_FOLD["digits"]), "0123456789" * len(_FOLD["digits"]))

# A word: a run of letters, marks or digits (Arabic or Latin), allowing inner apostrophes.
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
LETTER = re.compile(r"[^\W\d_]")
# A list item: a bullet, its indentation the nesting level.
BULLET = re.compile(r"^(?P<indent>\s*)[•●◦▪‣∙]\s*(?P<text>.*)$")
# An interview's question or answer: "س: ...", "ج/ ...", and in a translation "Q: ...", "A: ...".
SPEAKER = re.compile(r"^\s*(?:(?:س|ج|سؤال|جواب)\s*[:/]|(?:Q|A)\s*:)")
ARABIC_LETTER = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


def strip_marks(text: str) -> str:
    """Remove tashkeel and tatweel: they never change which word is meant."""
    return MARKS.sub("", text)


@functools.lru_cache(maxsize=256)  # an article's paragraphs are folded by several steps (names, tags, terms, dates)
def fold(text: str) -> str:
    """A matching key: the spelling variation of Arabic news text folded away.

    Hamza forms, alef maqsura, taa marbuta, Persian letters and Arabic-Indic digits
    are unified, marks removed, Latin lower-cased.
    """
    text = unicodedata.normalize(_FOLD["unicode"], text)
    text = strip_marks(text).translate(LETTER_FORMS).translate(DIGITS)
    return text.lower() if _FOLD["lower_case"] else text


def words(text: str) -> list[str]:
    return WORD.findall(text)


def word_keys(text: str) -> list[str]:
    """The words of a text, folded. Folding first also keeps a word whole when tashkeel sits inside it."""
    return WORD.findall(fold(text))


def arabic_share(text: str) -> float:
    """Share of Arabic letters among all letters (0 when there are no letters)."""
    arabic = len(ARABIC_LETTER.findall(text))
    letters = len(LETTER.findall(text))
    return arabic / letters if letters else 0.0
