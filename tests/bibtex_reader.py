"""A BibTeX file read as the tools its users rely on read it, for tests: what each entry's fields say as text.

- The syntax, with pybtex (the BibTeX reader of Python, behind Sphinx's bibliographies): the entries, each entry's
  fields and names, each field's value as BibTeX hands it to LaTeX. pybtex counts braces as BibTeX and biber do
  (a backslash escapes none), so a value that ends early or a brace left open shows here as a wrong field or an error.
- The value as text, with pylatexenc (the LaTeX-to-text converter bibtexparser decodes with). pybtex's own decoding
  (latexcodec) knows none of the kernel's text commands for `{`, `}` and `^` and keeps `\\$` as it is, so it cannot
  say what such a value prints. pylatexenc knows every command biblatex values are written with but two, and prints a
  third as another character; these three are given here as biber's recoding table (Biber/LaTeX/recode_data.xml,
  "symbols") and LaTeX print them.
"""

from __future__ import annotations

from dataclasses import dataclass

from pybtex.database.input.bibtex import Parser
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

PERSON_FIELDS = ("author", "translator")  # biblatex's name lists among the fields the site writes
BIBER_SYMBOLS = {"textbraceleft": "{", "textbraceright": "}", "textasciicircum": "^"}


def _latex_reader() -> LatexNodes2Text:
    context = get_default_latex_context_db()
    context.add_context_category(
        "biber-symbols", prepend=True, macros=[MacroTextSpec(name, text) for name, text in BIBER_SYMBOLS.items()]
    )
    return LatexNodes2Text(latex_context=context)


_READER = _latex_reader()


def latex_text(value: str) -> str:
    """What a LaTeX value prints, as text."""
    return _READER.latex_to_text(value)


@dataclass(frozen=True)
class Entry:
    type: str
    fields: dict[str, str]  # each field as BibTeX gives it to LaTeX
    names: dict[str, list[str]]  # each name of a name list, as BibTeX gives it to LaTeX

    def text(self, field: str) -> str:
        return latex_text(self.fields[field])

    def names_text(self, field: str) -> list[str]:
        """The names of a list, as text; each is written whole (in braces), so it is all `last` name."""
        return [latex_text(name) for name in self.names[field]]


def read_bibtex(text: str) -> dict[str, Entry]:
    """The entries of a BibTeX file by key, as pybtex reads them; pybtex's error when it cannot."""
    data = Parser(person_fields=PERSON_FIELDS).parse_string(text)
    entries = {}
    for key, entry in data.entries.items():
        names = {}
        for role, persons in entry.persons.items():
            assert all(not (p.first_names or p.middle_names or p.prelast_names or p.lineage_names) for p in persons), (
                f"{key}: {role}: a name was split into parts"
            )
            names[role] = [" ".join(person.last_names) for person in persons]
        entries[key] = Entry(entry.type, dict(entry.fields), names)
    return entries
