"""Input problems: reported one line each, naming the file, never as a traceback."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    source: str  # the file as the editor knows it, e.g. "seeds/004_x.txt"
    message: str  # what is wrong, and what to do about it

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


class InputError(Exception):
    """Raised by a reader when a file cannot be turned into an article."""

    def __init__(self, source: str, message: str):
        super().__init__(f"{source}: {message}")
        self.problem = Problem(source, message)
