"""Editorial metadata (editorial/NAME.yml), validated against its declared schema.

Every field is optional; a present field must be valid, and unknown fields are refused so
that a typo ("sumary:") is reported instead of silently ignored.
"""

from __future__ import annotations

from pathlib import Path

from hiwar.ingest.schema import (
    Choice,
    Context,
    Count,
    Date,
    ListOf,
    Record,
    TagRef,
    Text,
    TextsOf,
    read_checked,
)
from hiwar.model.editorial import EDITOR, TRANSLATOR, Editorial, Entity, Note
from hiwar.model.texts import Texts

ENTITY_KINDS = ("person", "organisation", "place")
# The most notes one article may have. Today's articles have two to five on at most 25 ¶; 200 is a note on every ¶ of
# an article eight times as long. Each note is checked against its ¶ and marked on a page per edition: this bounds it.
MAX_NOTES = 200

ENTITY = Record(
    {"kind": Choice(ENTITY_KINDS), "variants": ListOf(Text(words=True), "a list of spellings")},
    required=("kind",),
    expected="a mapping of kind:, ar:, en:",
    labels=True,
    labels_required=True,
)
NOTE = Record(
    {"kind": Choice((EDITOR, TRANSLATOR)), "paragraph": Count(1), "at": TextsOf(), "text": TextsOf(required=True)},
    required=("kind", "paragraph", "text"),
    expected="a mapping of kind:, paragraph:, at:, text:",
)
METADATA = Record(
    {
        "title": Record({}, expected="a mapping of ar: and en:", labels=True),
        "date": Record(
            {"value": Date(), "evidence": TextsOf()},
            required=("value",),
            expected="a mapping of value: (2021-05-03, 2021-05 or 2021) and evidence:",
        ),
        "author": TextsOf(),
        "publisher": TextsOf(),
        "summary": TextsOf(required=True),
        "tags": ListOf(TagRef(), "a list of tag ids", label=None),
        "entities": ListOf(ENTITY, "a list of {kind, ar, en, variants}", label="entry {}"),
        "notes": ListOf(
            NOTE, "a list of {kind, paragraph, at, text}", label="note {}", max_items=MAX_NOTES, items="notes"
        ),
    },
    expected="a mapping of fields (title:, date:, summary: …)",
    top_level=True,
)


def load_editorial(path: Path, source: str, ctx: Context) -> Editorial:
    """NAME.yml as an Editorial; an InputError naming the file and the field when it does not fit."""
    data = read_checked(path, source, METADATA, ctx)
    editorial = Editorial()
    if "title" in data:
        editorial.title = data["title"]["labels"] or None
    if "date" in data:
        editorial.date = data["date"]["value"]
        editorial.date_evidence = data["date"].get("evidence")
    editorial.author = data.get("author")
    editorial.publisher = data.get("publisher")
    editorial.summary = data.get("summary")
    if "tags" in data:
        editorial.tags = list(dict.fromkeys(data["tags"]))
    editorial.entities = [
        Entity(e["kind"], e["labels"], tuple(e.get("variants", ()))) for e in data.get("entities", [])
    ]
    editorial.notes = [Note(n["kind"], n["paragraph"], n.get("at", Texts()), n["text"]) for n in data.get("notes", [])]
    return editorial
