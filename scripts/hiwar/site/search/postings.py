"""Posting lists as short printable strings: which documents hold a word, and how strongly.

A posting is (document number, weight). The weight says whether the word is in the title and how often
it occurs in the text, in four steps. A list is written as variable-length numbers of 5 bits per
character (a character at 32 or above says "more follows"), each number the gap to the previous
document shifted left by 3 with the weight below it: a word found in consecutive documents costs one
character per document, before the host's gzip. The query module decodes with the same alphabet.
"""

from __future__ import annotations

from array import array

import numpy as np

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"
IN_TITLE = 4
WEIGHT_BITS = 3


def weight(in_title: bool, count: int) -> int:
    """In the title or not, and the word's count in the text: 0–1, 2–3, 4–7, 8 or more."""
    step = 0 if count < 2 else 1 if count < 4 else 2 if count < 8 else 3
    return (IN_TITLE if in_title else 0) | step


LONG_LIST = 256  # postings from which the list is encoded with array operations (the same characters, faster)
_CODES = np.frombuffer(ALPHABET.encode("ascii"), dtype=np.uint8)
_MOST_DIGITS = 7  # 5-bit digits of the largest number a posting gives (32 bits)


def encode(postings: array) -> str:
    """postings: document number << 3 | weight, in increasing document order."""
    return _encoded_at_once(postings) if len(postings) >= LONG_LIST else _encoded_one_by_one(postings)


def _encoded_one_by_one(postings: array) -> str:
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


def _encoded_at_once(postings: array) -> str:
    """What encode's loop writes, for a long list (a common word's), with numpy: every number's 5-bit digits, lowest
    first, each but the last marked "more follows"."""
    numbers = np.array(postings, dtype=np.int64)
    documents = numbers >> WEIGHT_BITS
    values = ((np.diff(documents, prepend=-1) - 1) << WEIGHT_BITS) | (numbers & ((1 << WEIGHT_BITS) - 1))
    digits = np.ones(len(values), dtype=np.int64)
    for shift in range(1, _MOST_DIGITS):
        digits += values >= (1 << (5 * shift))
    ends = np.cumsum(digits)
    place = np.arange(ends[-1]) - np.repeat(ends - digits, digits)  # which digit of its number each character is
    owners = np.repeat(values, digits)
    codes = (owners >> (5 * place)) & 31
    codes |= (place < np.repeat(digits, digits) - 1) << 5
    return _CODES[codes].tobytes().decode("ascii")


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
