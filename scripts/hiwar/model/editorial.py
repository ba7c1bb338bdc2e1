"""What an editor states about an article (editorial/NAME.yml), as typed values."""

from __future__ import annotations

from dataclasses import dataclass, field

from hiwar.model.dates import DateValue
from hiwar.model.texts import Texts

EDITOR, TRANSLATOR = "editor", "translator"  # kinds of note


@dataclass(frozen=True)
class Entity:
    kind: str  # person, organisation or place
    labels: Texts  # its name in every edition language
    variants: tuple[str, ...] = ()  # other spellings in the source text


@dataclass(frozen=True)
class Note:
    """A note on one ¶: an editor's about a fact in the original, a translator's about the wording."""

    kind: str  # EDITOR or TRANSLATOR
    paragraph: int  # the ¶ number it belongs to, as shown on the page
    at: Texts  # per language, the phrase of that ¶ after which the mark goes; a language missing: at the ¶'s end
    text: Texts  # the note itself, in every edition language


@dataclass
class Editorial:
    """What an editor stated about one article. None means: not stated, use the automatic value."""

    title: Texts | None = None
    date: DateValue | None = None  # a day, month, year or an interval of those
    date_evidence: Texts | None = None
    author: Texts | None = None
    publisher: Texts | None = None
    summary: Texts | None = None
    tags: list[str] | None = None
    entities: list[Entity] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
