"""Seed text into Markdown/HTML that can only ever mean text.

Python-Markdown and pymdown-extensions give meaning to much plain punctuation (`*`, `_`,
`[x](…)`, `--8<--`, `{: … }`, `$…$`, `2021. ` at a line start) and pass raw HTML through.
Every ASCII punctuation character is therefore written as a numeric character reference:
no extension matches it, and the browser shows the character. All structure (headings,
paragraphs, lists, links) is emitted by the renderer, never taken from the text.
"""
from __future__ import annotations

import re
import string

_REFERENCES = {ord(ch): f"&#{ord(ch)};" for ch in string.punctuation}


def literal(text: str) -> str:
    """Text as Markdown or HTML content that renders exactly as `text` (runs of whitespace become one space)."""
    return escaped(" ".join(text.split()))


def escaped(text: str) -> str:
    """literal() for a piece of a longer text: its edge spaces are kept."""
    return text.translate(_REFERENCES)


# A run of Arabic words (with the spaces and punctuation between them) inside English text.
ARABIC_RUN = re.compile("[\u0600-\u06ff\u0750-\u077f]+(?:[\\s«»“”.,،؛؟!:()\\-–]*[\u0600-\u06ff\u0750-\u077f]+)*»?")


def mark_arabic(markup: str) -> str:
    """Wrap Arabic runs of already-escaped text in lang="ar" dir="rtl" so they are read and shown as Arabic."""
    return ARABIC_RUN.sub(lambda m: f'<span lang="ar" dir="rtl">{m.group()}</span>', markup)


def literal_in(text: str, lang: str) -> str:
    """literal(), with Arabic quoted inside a non-Arabic text marked as such."""
    return escaped_in(" ".join(text.split()), lang)


def escaped_in(text: str, lang: str) -> str:
    return escaped(text) if lang == "ar" else mark_arabic(escaped(text))
