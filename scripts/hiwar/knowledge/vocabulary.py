"""The controlled bilingual tag vocabulary (editorial/tags.yml) and automatic tagging."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hiwar.ingest.datafile import read_yaml
from hiwar.knowledge.text import fold
from hiwar.problems import InputError


@dataclass(frozen=True)
class Tag:
    id: str
    ar: str
    en: str
    match: tuple[str, ...]  # folded Arabic phrases that signal the topic

    def label(self, lang: str) -> str:
        return self.ar if lang == "ar" else self.en


def load_vocabulary(path: Path) -> dict[str, Tag]:
    source = f"{path.parent.name}/{path.name}"
    data = read_yaml(path, source)
    if not isinstance(data, dict):
        raise InputError(source, "must map tag ids to {ar, en, match}")
    tags = {}
    for tag_id, entry in data.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("ar"), str) or not isinstance(entry.get("en"), str):
            raise InputError(source, f"tag {tag_id!r} needs an Arabic (ar) and an English (en) label")
        phrases = entry.get("match", [entry["ar"]])
        if not isinstance(phrases, list) or not all(isinstance(p, str) for p in phrases):
            raise InputError(source, f"tag {tag_id!r}: match must be a list of Arabic phrases")
        tags[str(tag_id)] = Tag(str(tag_id), entry["ar"], entry["en"], tuple(fold(p) for p in phrases))
    return tags


def automatic_tags(text: str, vocabulary: dict[str, Tag], minimum_mentions: int = 2) -> list[str]:
    """Tags whose phrases the text mentions at least `minimum_mentions` times, most mentioned first."""
    key = fold(text)
    counts = {tag.id: sum(key.count(phrase) for phrase in tag.match) for tag in vocabulary.values()}
    chosen = [tag_id for tag_id, count in counts.items() if count >= minimum_mentions]
    return sorted(chosen, key=lambda tag_id: (-counts[tag_id], tag_id))[:5]
