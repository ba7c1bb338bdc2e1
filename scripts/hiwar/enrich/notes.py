"""Editor's and translator's notes (NAME.yml `notes:`), checked against the text they annotate.

A note names the ¶ it belongs to and, per language, the phrase of that ¶ after which its mark goes:
the phrase must be in the ¶ (in the seed for the source language, in the translation otherwise), or
the mark would land nowhere. Compared as the page shows text: normalised, runs of spaces made one.
"""

from __future__ import annotations

from hiwar.ingest.seed import normalise
from hiwar.model.editorial import Note
from hiwar.model.languages import SOURCE_LANGUAGE
from hiwar.model.seed import ParsedSeed
from hiwar.model.translation import Translation
from hiwar.problems import InputError, quoted


def _plain(text: str) -> str:
    return " ".join(normalise(text).split())


def check_notes(notes: list[Note], parsed: ParsedSeed, translations: dict[str, Translation], source: str) -> None:
    """An InputError naming NAME.yml (source), the note and the ¶ when a note does not fit the text.

    Each ¶ is normalised once, in each language a note needs it in, whatever the number of notes on it: the cost is
    the text's length plus the notes', not their product."""
    paragraphs: dict[int, list[str]] = {}  # ¶ number -> its source text, in parts (a long line is split)
    lines: dict[int, int] = {}  # ¶ number -> its seed line
    for block in parsed.blocks:
        if block.number is not None:
            paragraphs.setdefault(block.number, []).append(block.text)
            lines.setdefault(block.number, block.line)
    plain: dict[tuple[int, str], str] = {}  # (¶ number, language) -> the ¶ as the page shows it
    for index, note in enumerate(notes, 1):
        where = f"note {index} (¶{note.paragraph})"
        if note.paragraph not in paragraphs:
            raise InputError(
                source,
                f"{where}: the article has no ¶{note.paragraph} "
                f"(its paragraphs are ¶1 to ¶{max(paragraphs, default=0)})",
            )
        for lang, phrase in note.at.items():
            if lang != SOURCE_LANGUAGE:
                translation = translations.get(lang)
                if translation is None or not translation.has(lines[note.paragraph]):
                    raise InputError(
                        source, f"{where}: at: {lang}: ¶{note.paragraph} has no {lang} translation to place the mark in"
                    )
            key = (note.paragraph, lang)
            if key not in plain:
                plain[key] = _plain(
                    " ".join(paragraphs[note.paragraph])
                    if lang == SOURCE_LANGUAGE
                    else translations[lang].lines[lines[note.paragraph]]
                )
            if _plain(phrase) not in plain[key]:
                of = "the seed" if lang == SOURCE_LANGUAGE else f"the {lang} translation"
                raise InputError(
                    source,
                    f"{where}: at: {lang}: {quoted(phrase)} is not in ¶{note.paragraph} of {of}; "
                    "copy the phrase from the ¶ as it is written",
                )
