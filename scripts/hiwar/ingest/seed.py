"""A seed: one plain-text Arabic article as an editor dropped it into seeds/.

Reading a seed means decoding its bytes (UTF-8 with or without BOM, UTF-16 or UTF-32 with BOM,
Windows-1256), confirming the result is Arabic text, and neutralising characters that
could change what a reader sees (bidi controls, zero-width characters, odd spaces) or that a
format cannot hold (normalise(): the one rule for seeds, translations and YAML values alike).
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from pathlib import Path

from charset_normalizer import from_bytes

from hiwar.ingest.files import SizeLimit, read_bytes
from hiwar.knowledge.text import arabic_share
from hiwar.model.seed import Seed
from hiwar.problems import InputError

# Encodings an editor's files actually come in; anything else is refused, not guessed.
SUPPORTED_ENCODINGS = ("utf_8", "cp1256")
# Below this share of Arabic letters, a decoding is taken to be wrong (or the file not an article).
MIN_ARABIC_SHARE = 0.5
# The largest seed (and translation) read: 2 MiB is about a million Arabic letters, some 180,000 words, a long book;
# the longest seed today is 18 KB and a long report 100 KB. Every step of a build is linear in the text below it.
ARTICLE_TEXT_LIMIT = SizeLimit(
    2 * 2**20,
    "an article's text (a seed or a translation)",
    "split it into articles, or remove what is not the article's text",
)

BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad]")
ODD_SPACES = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Code points that are not characters: the 66 noncharacters (U+FDD0-U+FDEF and the last two of every plane, U+FFFE
# and U+FFFF among them) and surrogates. XML 1.0 refuses U+FFFE, U+FFFF and surrogates (one makes a whole feed not
# well-formed) and discourages the others; Unicode (§23.7) advises showing U+FFFD in their place, so the reader sees
# that something was there.
NONCHARACTERS = re.compile(
    "[\ufdd0-\ufdef"
    + "".join(f"{chr(plane + 0xFFFE)}{chr(plane + 0xFFFF)}" for plane in range(0, 0x110000, 0x10000))
    + "]"
)
SURROGATES = re.compile("[\ud800-\udfff]")
REPLACEMENT = "\ufffd"
LINE_BREAKS = re.compile("\r\n|\r|\u2028|\u2029|\x85")


# Byte-order marks, longest first: FF FE 00 00 (UTF-32 LE) also starts like FF FE (UTF-16 LE).
BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf_32"),
    (codecs.BOM_UTF32_BE, "utf_32"),
    (codecs.BOM_UTF8, "utf_8_sig"),
    (codecs.BOM_UTF16_LE, "utf_16"),
    (codecs.BOM_UTF16_BE, "utf_16"),
)


def read_seed(path: Path, source: str | None = None, name: str | None = None) -> Seed:
    """The seed at `path` (a regular file; see ingest/files.py); `name` is its name in seeds/ when path is a link's target."""
    source = source or f"{path.parent.name}/{path.name}"
    data = read_bytes(path, source, ARTICLE_TEXT_LIMIT)
    text, encoding = decode(data, source)
    text = normalise(text)
    if not text.strip():
        raise InputError(
            source, "has no text (it is empty or only whitespace); add the article's text or remove the file"
        )
    if arabic_share(text) < MIN_ARABIC_SHARE:
        raise InputError(
            source,
            f"is not Arabic text (read as {encoding}, under {MIN_ARABIC_SHARE:.0%} of its letters are Arabic); "
            "save the article as UTF-8 text",
        )
    return Seed(name or path.name, source, hashlib.sha256(data).hexdigest(), encoding, text)


def decode(data: bytes, source: str) -> tuple[str, str]:
    if not data.strip():
        raise InputError(source, "is empty or holds only whitespace; add the article's text or remove the file")
    for bom, encoding in BYTE_ORDER_MARKS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                raise InputError(
                    source, f"starts with a {encoding} byte-order mark but is not valid {encoding}"
                ) from None
            if (
                "\x00" in text
            ):  # a NUL read as a character: the bytes are in another encoding (text would come out spaced)
                raise InputError(
                    source,
                    f"starts with a {encoding} byte-order mark but holds NUL characters; "
                    "save the article as UTF-8 text",
                )
            return text, encoding
    if b"\x00" in data:
        raise InputError(source, "is a binary file, not text; save the article as UTF-8 text")
    try:
        return data.decode("utf_8"), "utf_8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data, cp_isolation=list(SUPPORTED_ENCODINGS)).best()
    if best is None:
        raise InputError(
            source, "is not in a supported encoding (UTF-8, UTF-16 or UTF-32 with BOM, Windows-1256); save it as UTF-8"
        )
    return str(best), best.encoding


def normalise(text: str) -> str:
    """Unify line ends and neutralise characters that would reorder or hide text, or that are no characters."""
    if SURROGATES.search(text):  # only a UTF-16 escape in YAML gets here: a pair is one character, a lone one none
        text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    text = NONCHARACTERS.sub(REPLACEMENT, text)
    text = unicodedata.normalize("NFC", text)
    text = LINE_BREAKS.sub("\n", text)
    text = BIDI_CONTROLS.sub("", text)
    text = INVISIBLE.sub("", text)
    text = ODD_SPACES.sub(" ", text)
    text = text.replace("\t", "    ")
    return CONTROL_CHARS.sub(" ", text)
