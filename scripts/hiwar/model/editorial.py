"""What an editor states about an article (editorial/NAME.yml), as typed values."""
from __future__ import annotations

from dataclasses import dataclass, field

from hiwar.model.dates import DateValue


@dataclass(frozen=True)
class Bilingual:
    ar: str | None
    en: str | None

    def get(self, lang: str) -> str | None:
        return self.ar if lang == "ar" else self.en


@dataclass(frozen=True)
class Entity:
    kind: str
    ar: str
    en: str
    variants: tuple[str, ...] = ()


@dataclass(frozen=True)
class SourceError:
    ar: str
    en: str


@dataclass
class Editorial:
    """What an editor stated about one article. None means: not stated, use the automatic value."""

    title: Bilingual | None = None
    title_editorial: bool = False
    date: DateValue | None = None  # a day, month, year or an interval of those
    date_evidence: Bilingual | None = None
    author: Bilingual | None = None
    publisher: Bilingual | None = None
    summary: Bilingual | None = None
    tags: list[str] | None = None
    entities: list[Entity] = field(default_factory=list)
    source_errors: list[SourceError] = field(default_factory=list)
