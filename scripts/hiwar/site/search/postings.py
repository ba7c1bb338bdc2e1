"""Posting lists as short printable strings: which documents hold a word, and how strongly.

A posting is (document number, weight). The weight says whether the word is in the title and how often
it occurs in the text, in four steps. A list is written as variable-length numbers of 5 bits per
character (a character at 32 or above says "more follows"), each number the gap to the previous
document shifted left by 3 with the weight below it: a word found in consecutive documents costs one
character per document, before the host's gzip. The query module decodes with the same alphabet.
"""

from __future__ import annotations

from array import array

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"
IN_TITLE = 4
WEIGHT_BITS = 3


def weight(in_title: bool, count: int) -> int:
    """In the title or not, and the word's count in the text: 0–1, 2–3, 4–7, 8 or more."""
    step = 0 if count < 2 else 1 if count < 4 else 2 if count < 8 else 3
    return (IN_TITLE if in_title else 0) | step


def encode(postings: array) -> str:
    """postings: document number << 3 | weight, in increasing document order."""
    out = []
    previous = -1
    for posting in postings:
        document, w = posting >> WEIGHT_BITS, posting & ((1 << WEIGHT_BITS) - 1)
        value = ((document - previous - 1) << WEIGHT_BITS) | w
        previous = document
        while value >= 32:
            out.append(ALPHABET[32 | (value & 31)])
            value >>= 5
        out.append(ALPHABET[value])
    return "".join(out)


def decode(text: str) -> list[tuple[int, int]]:
    """The inverse of encode, as (document, weight) pairs (for tests; the browser has its own)."""
    postings, previous, value, shift = [], -1, 0, 0
    for ch in text:
        digit = ALPHABET.index(ch)
        value |= (digit & 31) << shift
        if digit >= 32:
            shift += 5
            continue
        document = previous + 1 + (value >> WEIGHT_BITS)
        postings.append((document, value & ((1 << WEIGHT_BITS) - 1)))
        previous, value, shift = document, 0, 0
    return postings
