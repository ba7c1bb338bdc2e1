"""The one boundary between text from files and markup: every value from a seed, a file name or an editorial file
becomes Markdown, HTML, an attribute or JSON inside <script> here, and nowhere else (URL paths: urls.py).

- Markdown (the converter's pages): every ASCII punctuation character of a text is written as a numeric character
  reference (`literal`). Python-Markdown and pymdown-extensions give meaning to much plain punctuation (`*`, `_`,
  `[x](…)`, `--8<--`, `{: … }`, `$…$`, `2021. ` at a line start) and pass raw HTML through; a reference matches no
  extension, and the browser shows the character. All structure comes from the builders below, in the syntax of the
  extensions mkdocs.yml enables: attribute lists (`attr_list`, and `pymdownx.bracketspan` for spans), links MkDocs
  resolves, headings, `pymdownx.blocks.html` wrappers. In them ids and classes are checked against IDENTIFIER,
  attribute names against ATTRIBUTE_NAME, and every attribute value is written as literal text, so no value can end
  the list it is in or mean anything but itself; a value that fails a check is an error of the code, not of a file.
- Templates: views are escaped as a whole (`escaped_view`): every string of every field becomes `Markup`, escaped
  once, so a template prints `{{ value }}` as it is — in text or in a quoted attribute — and a field added tomorrow
  is escaped too. Text in several languages is data (`language_runs`), which templates mark up.
- JSON inside <script>: `json_for_script` escapes `<`, `>` and `&` so no text can close the element, and `'` so
  that none reads as ` src='…'` to tools that scan a page for links (zimcheck; `"` is JSON's own `\"`).
"""

from __future__ import annotations

import dataclasses
import json
import re
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
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


# ---- text in several languages ----------------------------------------------------------------------------------
# A run of Arabic words (with the spaces and punctuation between them) inside text of another language.
ARABIC_RUN = re.compile("[\u0600-\u06ff\u0750-\u077f]+(?:[\\s«»“”.,،؛؟!:()\\-–]*[\u0600-\u06ff\u0750-\u077f]+)*»?")
# What an Arabic run is marked with.
ARABIC = {"lang": "ar", "dir": "rtl"}


@dataclass(frozen=True)
class Run:
    """A piece of a text, and the language it is in when that is not the page's (for `lang` and `dir`)."""

    text: str
    lang: str | None = None
    dir: str | None = None


def language_runs(text: str, page_lang: str, source_lang: str = SOURCE_LANGUAGE) -> list[Run]:
    """The text cut into runs: on a page in another language than the source's, each Arabic run is marked as such."""
    if page_lang == source_lang:
        return [Run(text)] if text else []
    runs, cursor = [], 0
    for match in ARABIC_RUN.finditer(text):
        if match.start() > cursor:
            runs.append(Run(text[cursor : match.start()]))
        runs.append(Run(match.group(), **ARABIC))
        cursor = match.end()
    if cursor < len(text):
        runs.append(Run(text[cursor:]))
    return runs


def literal_in(text: str, lang: str, source_lang: str = SOURCE_LANGUAGE) -> str:
    """literal(), with text of the source language quoted inside another language's text marked as such (a span)."""
    return escaped_in(" ".join(text.split()), lang, source_lang)


def escaped_in(text: str, lang: str, source_lang: str = SOURCE_LANGUAGE) -> str:
    if lang == source_lang:
        return escaped(text)
    # Runs are found in the escaped text: ASCII punctuation, a reference there, ends a run.
    return ARABIC_RUN.sub(lambda m: span(m.group(), **ARABIC), escaped(text))


# ---- Markdown structure -------------------------------------------------------------------------------------------
# The ids and classes generated pages give elements: ids of the model (paragraph anchors, editorial ids, which
# ingest/schema.py holds to the same rule) and the site's own class names.
IDENTIFIER = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
ATTRIBUTE_NAME = re.compile(r"[a-z]+(?:-[a-z]+)*")
# An attribute value written as it is (a language code, a date, a media type, an id it refers to): letters and
# digits, joined by characters no enabled extension gives a meaning to there. Any other value is literal text.
TOKEN = re.compile(r"[A-Za-z0-9]+(?:[-./+][A-Za-z0-9]+)*")
# A link target as urls.py makes it: a relative path, percent-encoded, with an optional fragment.
LINK_TARGET = re.compile(r"[A-Za-z0-9%._~/-]*(?:#[a-z0-9]+(?:-[a-z0-9]+)*)?")
HEADING_LEVELS = range(1, 7)


def _checked(pattern: re.Pattern[str], value: str, what: str) -> str:
    if not pattern.fullmatch(value):
        raise ValueError(f"{what} {value!r} does not match {pattern.pattern}")
    return value


def attributes(*, id: str | None = None, classes: Iterable[str] = (), **values: object) -> str:
    """An attribute list, `{: #id .class name="value" }`: a keyword's underscores are hyphens (aria_label); a value
    is a TOKEN or literal text."""
    parts = [f"#{_checked(IDENTIFIER, id, 'id')}"] if id else []
    parts += [f".{_checked(IDENTIFIER, name, 'class')}" for name in classes]
    for name, value in values.items():
        parts.append(_attribute(name, value))
    return "{: " + " ".join(parts) + " }" if parts else ""


def _attribute(name: str, value: object) -> str:
    text = str(value)
    return f'{_checked(ATTRIBUTE_NAME, name.replace("_", "-"), "attribute")}="{text if TOKEN.fullmatch(text) else literal(text)}"'


def span(content: str, **attrs: Any) -> str:
    """Inline Markdown `content` (made here or by literal()) in a span with attributes (pymdownx.bracketspan); one
    with `datetime` is written as <time> (site/markdown/converter.py)."""
    return f"[{content}]{attributes(**attrs) or '{ }'}"


def link(content: str, target: str, **attrs: Any) -> str:
    """A link: to another page, the relative path of its Markdown (urls.source_link), which MkDocs resolves to the
    page's address and reports when no page is there."""
    return f"[{content}]({_checked(LINK_TARGET, target, 'link target')}){attributes(**attrs)}"


def emphasis(content: str, **attrs: Any) -> str:
    return f"*{content}*{attributes(**attrs)}"


def strong(content: str) -> str:
    return f"**{content}**"


def note_mark(number: int, **attrs: Any) -> str:
    """Where note `number` is marked (`footnotes`: a superscript number linking to the note, `fnref:N` ↔ `fn:N`)."""
    return f"[^{int(number)}]{attributes(**attrs)}"


def note(number: int, content: str) -> str:
    """Note `number` (`footnotes`), listed where the page has the extension's place marker."""
    return f"[^{int(number)}]: {content}\n"


def heading(level: int, content: str, **attrs: Any) -> str:
    if level not in HEADING_LEVELS:
        raise ValueError(f"no heading level {level}")
    attrs_ = attributes(**attrs)
    return f"{'#' * level} {content}{' ' + attrs_ if attrs_ else ''}\n"


def paragraph(content: str, **attrs: Any) -> str:
    """A paragraph of inline Markdown, its attributes on a line of their own after it."""
    attrs_ = attributes(**attrs)
    return f"{content}\n{attrs_}\n" if attrs_ else f"{content}\n"


def bullet_list(items: Iterable[str]) -> str:
    """A list, one item a line (a tight list: its items are not paragraphs)."""
    return "".join(f"- {item}\n" for item in items)


def list_item(content: str, depth: int = 0, **attrs: Any) -> str:
    """An item of a nested list at `depth` (4 spaces a level), its attributes on the line after it."""
    indent = " " * 4 * depth
    attrs_ = attributes(**attrs)
    return f"{indent}- {content}\n" + (f"{indent}  {attrs_}\n" if attrs_ else "")


def html_block(tag: str, content: str, *, id: str | None = None, classes: Iterable[str] = (), **values: object) -> str:
    """Block Markdown `content` inside an element (pymdownx.blocks.html: `/// html | tag#id.class[name="value"]`).
    Each block costs a walk of the page made so far: for a wrapper, not for each of thousands of rows."""
    selector = _checked(ATTRIBUTE_NAME, tag, "tag")
    selector += f"#{_checked(IDENTIFIER, id, 'id')}" if id else ""
    selector += "".join(f".{_checked(IDENTIFIER, name, 'class')}" for name in classes)
    if values:
        selector += "[" + " ".join(_attribute(name, value) for name, value in values.items()) + "]"
    return f"/// html | {selector}\n\n{content.strip(chr(10))}\n\n///\n"


def table(header: list[str], rows: Iterable[list[str]]) -> str:
    """A table (`tables`): cells of inline Markdown, which may end with their attribute list."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


# ---- templates ----------------------------------------------------------------------------------------------------
def escaped_view(value: Any) -> Any:
    """The view with every string escaped once (Markup), recursively through data classes, mappings and lists."""
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return escape(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        # A field marked `metadata={"escape": False}` holds no text (an object the view calls, not prints).
        return dataclasses.replace(
            value,
            **{
                f.name: escaped_view(getattr(value, f.name))
                for f in dataclasses.fields(value)
                if f.init and f.metadata.get("escape", True)
            },
        )
    if isinstance(value, Mapping):
        return {escaped_view(k): escaped_view(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(escaped_view(v) for v in value)
    return value


def json_for_script(data: Any) -> Markup:
    """JSON to place inside a <script> element: nothing in it can end the element or start markup."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("'", "\\u0027")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )
