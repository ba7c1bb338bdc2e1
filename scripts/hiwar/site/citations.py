"""How to cite an article: a suggested citation and a BibTeX entry (biblatex @online) for either edition."""
from __future__ import annotations

import html
import re

from hiwar.site.markup import mark_arabic

# Characters BibTeX gives meaning to, written so they print as themselves.
_BIBTEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&", "$": r"\$", "#": r"\#",
                   "_": r"\_", "^": r"\^{}", "~": r"\~{}"}
_BIBTEX_SPECIAL_CHAR = re.compile("[" + re.escape("".join(_BIBTEX_SPECIAL)) + "]")


def html_with_languages(text: str, page_lang: str) -> str:
    """Escaped HTML of `text`; on a non-Arabic page, Arabic runs are marked lang="ar" dir="rtl"."""
    escaped = html.escape(text, quote=False)
    if page_lang == "ar":
        return escaped
    return mark_arabic(escaped)


def bibtex_text(value: str) -> str:
    return _BIBTEX_SPECIAL_CHAR.sub(lambda m: _BIBTEX_SPECIAL[m.group()], " ".join(value.split()))


def citation_text(meta: dict, url: str, lang: str) -> str:
    """A suggested citation in the page's language."""
    who = meta.get("author") or meta.get("publisher")
    title = meta["title"]
    date = meta.get("date_display") if meta.get("date") else None
    if lang == "ar":
        parts = [p for p in (who, f"«{title}»", meta.get("publisher") if meta.get("author") else None, date) if p]
        return "، ".join(parts) + f". {url}"
    parts = [f"{who}." if who else None, f"“{title}”" if title.endswith(("?", "!", ".")) else f"“{title}.”"]
    if meta.get("original_title"):
        parts.append(f"Translated from the Arabic original “{meta['original_title']}” by the Hiwar team.")
    if meta.get("author") and meta.get("publisher"):
        parts.append(f"{meta['publisher']},")
    parts.append(f"{date}." if date else "Undated.")
    parts.append(url)
    return " ".join(p for p in parts if p)


def bibtex(meta: dict, url: str, lang: str, site_name: str) -> str:
    """A biblatex @online entry; the date keeps the precision that is known (2021, 2021-07, 2021-07-25, or an
    interval such as 2024-01-30/2024-02-02, which biblatex reads as a date range)."""
    fields = [("title", bibtex_text(meta["title"]))]
    if meta.get("author"):
        fields.append(("author", "{" + bibtex_text(meta["author"]) + "}"))  # braced: never split into first/last
    if meta.get("publisher"):
        fields.append(("organization", bibtex_text(meta["publisher"])))
    if meta.get("date"):
        fields.append(("date", meta["date"]))
    fields.append(("url", url))  # biblatex reads url verbatim
    fields.append(("langid", "arabic" if lang == "ar" else "english"))
    if lang != "ar" and meta.get("original_title"):
        fields.append(("titleaddon", bibtex_text(f"Translated from the Arabic: {meta['original_title']}")))
    fields.append(("howpublished", bibtex_text(site_name)))
    body = "".join(f"  {name} = {{{value}}},\n" for name, value in fields)
    return f"@online{{hiwar:{meta['article']}:{lang},\n{body}}}"
