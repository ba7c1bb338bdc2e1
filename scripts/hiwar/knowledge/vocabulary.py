"""The controlled multilingual tag vocabulary (editorial/tags.yml) and automatic tagging."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from hiwar.ingest.schema import Context, ListOf, MapOf, Record, Text, load_checked
from hiwar.knowledge.text import fold
from hiwar.model.languages import SOURCE_LANGUAGE
from hiwar.model.texts import Texts

# tags.yml: tag id → {ar: label, en: label, match: [source-language phrases]}
SCHEMA = MapOf(
    Record(
        {"match": ListOf(Text(words=True), "a list of phrases", min_items=1)},
        expected="a mapping of ar:, en: and match:",
        labels=True,
        labels_required=True,
    ),
    expected="a mapping of tag ids to {ar, en, match}",
    top_level=True,
)


@dataclass(frozen=True)
class Tag:
    id: str
    labels: Texts  # its name in every edition language
    match: tuple[str, ...]  # folded source-language phrases that signal the topic


def load_vocabulary(path: Path, source: str | None = None, ctx: Context = Context()) -> dict[str, Tag]:
    _, entries = load_checked(path, source, SCHEMA, ctx)
    entries = entries or {}
    return {
        tag_id: Tag(
            tag_id, entry["labels"], tuple(fold(p) for p in entry.get("match", [entry["labels"][SOURCE_LANGUAGE]]))
        )
        for tag_id, entry in entries.items()
    }


def automatic_tags(text: str, vocabulary: dict[str, Tag], minimum_mentions: int = 2) -> list[str]:
    """Tags whose phrases the text mentions at least `minimum_mentions` times, most mentioned first."""
    key = fold(text)
    counts = {tag.id: len(_mention(tag.match).findall(key)) for tag in vocabulary.values()}
    chosen = [tag_id for tag_id, count in counts.items() if count >= minimum_mentions]
    return sorted(chosen, key=lambda tag_id: (-counts[tag_id], tag_id))[:5]


@functools.lru_cache(maxsize=1024)
def _mention(phrases: tuple[str, ...]) -> re.Pattern:
    """A mention of any of the phrases, the longest first: a stretch of text that holds several of them ("الايرانيه"
    holds "ايران") or two phrases that fold alike are one mention."""
    return re.compile(
        "|".join(re.escape(phrase) for phrase in sorted(set(phrases), key=lambda phrase: (-len(phrase), phrase)))
        or "(?!)"
    )
