"""Seed text into Markdown/HTML that can only ever mean text.

Python-Markdown and pymdown-extensions give meaning to much plain punctuation (`*`, `_`,
`[x](…)`, `--8<--`, `{: … }`, `$…$`, `2021. ` at a line start) and pass raw HTML through.
Every ASCII punctuation character is therefore written as a numeric character reference:
no extension matches it, and the browser shows the character. All structure (headings,
paragraphs, lists, links) is emitted by the renderer, never taken from the text.
"""
from __future__ import annotations

import string

_REFERENCES = {ord(ch): f"&#{ord(ch)};" for ch in string.punctuation}


def literal(text: str) -> str:
    """Text as Markdown or HTML content that renders exactly as `text`."""
    return " ".join(text.split()).translate(_REFERENCES)
