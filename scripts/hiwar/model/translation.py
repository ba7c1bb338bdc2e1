"""A translation of a seed into one edition language, line by line."""

from __future__ import annotations

from dataclasses import dataclass

# A line not translated yet: the page says so instead of showing text that does not exist.
UNTRANSLATED = "[untranslated]"


@dataclass(frozen=True)
class Translation:
    lang: str  # the edition language it is written in
    lines: dict[int, str]  # seed line number -> translated text (bullet stripped)

    def has(self, line: int) -> bool:
        return self.lines.get(line, UNTRANSLATED) != UNTRANSLATED

    def status(self, numbered_lines: list[int]) -> str:
        done = sum(1 for line in numbered_lines if self.has(line))
        return "complete" if done == len(numbered_lines) else "partial" if done else "missing"
