"""The one boundary between text from files and markup: every value from a seed, a file name or an editorial file
becomes HTML, Markdown, an attribute or JSON inside <script> here, and nowhere else (URL paths: urls.py).

- Markdown (the converter's pages): every ASCII punctuation character is written as a numeric character reference.
  Python-Markdown and pymdown-extensions give meaning to much plain punctuation (`*`, `_`, `[x](…)`, `--8<--`,
  `{: … }`, `$…$`, `2021. ` at a line start) and pass raw HTML through; a reference matches no extension, and the
  browser shows the character. All structure (headings, paragraphs, lists, links) comes from the converter.
- Templates: views are escaped as a whole (`escaped_view`): every string of every field becomes `Markup`, escaped
  once, so a template prints `{{ value }}` as it is — in text or in a quoted attribute — and a field added tomorrow
  is escaped too. Markup made here on purpose (Arabic runs marked in English text) stays as made.
- JSON inside <script>: `json_for_script` escapes `<`, `>` and `&` so no text can close the element, and `'` so
  that none reads as ` src='…'` to tools that scan a page for links (zimcheck; `"` is JSON's own `\"`).
"""
from __future__ import annotations

import dataclasses
import json
import re
import string
from collections.abc import Mapping
from typing import Any

from markupsafe import Markup, escape

from hiwar.model.languages import SOURCE_LANGUAGE

_REFERENCES = {ord(ch): f"&#{ord(ch)};" for ch in string.punctuation}


def literal(text: str) -> str:
    """Text as Markdown or HTML content that renders exactly as `text` (runs of whitespace become one space)."""
    return escaped(" ".join(text.split()))


def escaped(text: str) -> str:
    """literal() for a piece of a longer text: its edge spaces are kept."""
    return text.translate(_REFERENCES)


# A run of Arabic words (with the spaces and punctuation between them) inside text of another language.
ARABIC_RUN = re.compile("[\u0600-\u06ff\u0750-\u077f]+(?:[\\s«»“”.,،؛؟!:()\\-–]*[\u0600-\u06ff\u0750-\u077f]+)*»?")


def mark_arabic(markup: str) -> str:
    """Wrap Arabic runs of already-escaped text in lang="ar" dir="rtl" so they are read and shown as Arabic."""
    return ARABIC_RUN.sub(lambda m: f'<span lang="ar" dir="rtl">{m.group()}</span>', markup)


def literal_in(text: str, lang: str, source_lang: str = SOURCE_LANGUAGE) -> str:
    """literal(), with text of the source language quoted inside another language's text marked as such."""
    return escaped_in(" ".join(text.split()), lang, source_lang)


def escaped_in(text: str, lang: str, source_lang: str = SOURCE_LANGUAGE) -> str:
    return escaped(text) if lang == source_lang else mark_arabic(escaped(text))


def html_in(text: str, lang: str, source_lang: str = SOURCE_LANGUAGE) -> Markup:
    """Text as HTML for a page in `lang`, Arabic runs marked when the page is in another language."""
    safe = str(escape(" ".join(text.split())))
    return Markup(safe if lang == source_lang else mark_arabic(safe))


def escaped_view(value: Any) -> Any:
    """The view with every string escaped once (Markup), recursively through data classes, mappings and lists."""
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return escape(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        # A field marked `metadata={"escape": False}` holds no text (an object the view calls, not prints).
        return dataclasses.replace(value, **{f.name: escaped_view(getattr(value, f.name))
                                             for f in dataclasses.fields(value) if f.init and f.metadata.get("escape", True)})
    if isinstance(value, Mapping):
        return {escaped_view(k): escaped_view(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(escaped_view(v) for v in value)
    return value


def json_for_script(data: Any) -> Markup:
    """JSON to place inside a <script> element: nothing in it can end the element or start markup."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e").replace("'", "\\u0027")
                  .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
