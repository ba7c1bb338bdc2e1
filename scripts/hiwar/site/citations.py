"""How to cite an article, from its CSL-JSON record (reference.py): the suggested citation in the page's language
and a biblatex entry.

The suggested citation is written with patterns from the edition's language table (`cite:`), not with a CSL
processor: citeproc-py (measured with 0.11.1 and Chicago author-date) writes Arabic with Latin commas and the month
before the day, leaves out the year of an interval inside one year, and fails on an interval inside one month.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import quote

from hiwar.site.editions import Edition
from hiwar.site.reference import date_value, names_of

# Characters BibTeX or LaTeX give a meaning to, as what prints them. A brace or a backslash cannot be escaped with a
# backslash: BibTeX, biber and pybtex count every brace whatever precedes it (a `\}` still closes the field), so those
# three, `^` and `~` are text-mode commands of the LaTeX kernel, each in a group of its own: every value's braces are
# balanced, whatever the text holds.
_LATEX_FOR = {
    "\\": r"{\textbackslash}",
    "{": r"{\textbraceleft}",
    "}": r"{\textbraceright}",
    "^": r"{\textasciicircum}",
    "~": r"{\textasciitilde}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
}
LATEX_SPECIAL = re.compile("[" + re.escape("".join(_LATEX_FOR)) + "]")
# Pairs TeX joins into another character (-- an en dash, '' and `` curly quotes, !` and ?` inverted marks, ,, << >>
# low and angle quotes), and so do pybtex and biber when they read LaTeX: kept apart by an empty group.
LIGATURE = re.compile(r"(?<=-)(?=-)|(?<=')(?=')|(?<=`)(?=`)|(?<=[!?])(?=`)|(?<=,)(?=,)|(?<=<)(?=<)|(?<=>)(?=>)")
# What a URL cannot hold as it is, and a braced BibTeX value could not either: percent-encoded (RFC 3986).
URL_UNSAFE = re.compile(r"[{}\\\s]")
# A title that ends with its own punctuation takes no added full stop.
ENDS_IN_PUNCTUATION = re.compile(r"[?!.؟…]$")


def bibtex_text(value: str) -> str:
    """Text as a BibTeX value that BibTeX, biber and pybtex read back as that text (runs of whitespace made one space,
    as LaTeX reads them)."""
    escaped = LATEX_SPECIAL.sub(lambda m: _LATEX_FOR[m.group()], " ".join(value.split()))
    return LIGATURE.sub("{}", escaped)


def bibtex_url(url: str) -> str:
    """A URL for biblatex's `url` field, which it reads verbatim: nothing in it can end the field."""
    return URL_UNSAFE.sub(lambda m: quote(m.group()), url)


def citation_text(item: dict, edition: Edition) -> str:
    """The suggested citation of a CSL-JSON record, in the edition's language."""
    t = edition.t
    values = {
        "author": names_of(item.get("author")),
        "title": item["title"],
        "translation": item.get("original-title"),
        "site": item.get("container-title"),
        "publisher": item.get("publisher"),
        "date": edition.format_date(date_value(item["issued"])) if item.get("issued") else None,
    }
    fields = {
        "author": values["author"],
        "title": values["title"],
        "original_title": values["translation"],
        "translator": names_of(item.get("translator")) or "",
        "site": values["site"],
        "publisher": values["publisher"],
        "date": values["date"],
    }
    parts = []
    for part in edition.table["cite.order"]:
        if part == "date" and not values["date"]:
            parts.append(t("cite.undated"))
        elif values[part]:
            key = (
                "cite.title_punctuated"
                if part == "title" and ENDS_IN_PUNCTUATION.search(values["title"])
                else f"cite.{part}"
            )
            parts.append(t(key, **fields))
    return t("cite.citation", parts=t("cite.separator").join(parts), url=item["URL"])


def biblatex(item: dict, editions: Sequence[Edition], related: bool = False) -> str:
    """A biblatex @online entry; the date keeps its precision (2021, 2021-07, 2021-07-25) or its interval
    (2024-01-30/2024-02-02: biblatex reads EDTF intervals). A translation names its original title and language and
    its translator; with `related`, also the original's entry (which must be in the same file) as biblatex's
    `translationof`."""
    by_lang = {edition.lang: edition for edition in editions}
    fields = [("title", bibtex_text(item["title"]))]
    for role in ("author", "translator"):
        if item.get(role):
            # Braced: a name is never split into first and last names.
            fields.append((role, " and ".join("{" + bibtex_text(n["literal"]) + "}" for n in item[role])))
    if item.get("issued"):
        fields.append(("date", date_value(item["issued"]).edtf()))
    fields.append(("organization", bibtex_text(item["container-title"])))
    if item.get("publisher"):
        fields.append(("publisher", bibtex_text(item["publisher"])))
    fields.append(("url", bibtex_url(item["URL"])))
    fields.append(("langid", by_lang[item["language"]].t("language.biblatex")))
    custom = item.get("custom") or {}
    if item.get("original-title"):
        fields.append(("origtitle", bibtex_text(item["original-title"])))
        fields.append(("origlanguage", by_lang[custom["original-language"]].t("language.biblatex")))
        if related and custom.get("translation-of"):
            fields += [("related", custom["translation-of"]), ("relatedtype", "translationof")]
    body = "".join(f"  {name} = {{{value}}},\n" for name, value in fields)
    return f"@online{{{item['id']},\n{body}}}\n"
