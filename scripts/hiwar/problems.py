"""Input problems: reported one line each, naming the file, never as a traceback."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

# Characters that would break a report into lines, reorder it or hide part of it: shown as escapes.
_UNPRINTABLE_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}
SHOWN_MAX = 80  # characters of an untrusted value quoted in a message


def shown(text: str, limit: int = SHOWN_MAX) -> str:
    """Untrusted text (a file name, a value from a file) as it can be printed inside a one-line message.

    Bytes that were not UTF-8 (kept by Python as surrogate escapes) show as \\xNN, control, format and
    bidi characters as \\uNNNN; a long value is cut with "…".
    """
    out = []
    for ch in text[:limit]:
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # a byte that is not UTF-8, as os.listdir hands it over
            out.append(f"\\x{code - 0xDC00:02x}")
        elif ch == "\\":
            out.append("\\\\")
        elif unicodedata.category(ch) in _UNPRINTABLE_CATEGORIES:
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}")
        else:
            out.append(ch)
    return "".join(out) + ("…" if len(text) > limit else "")


def quoted(value: object) -> str:
    """A value from a file, quoted for a message: "text" (escaped), or a number or true/false as YAML wrote it."""
    if isinstance(value, str):
        return '"' + shown(value).replace('"', '\\"') + '"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    return shown(str(value))


@dataclass(frozen=True)
class Problem:
    source: str  # the file as the editor knows it, e.g. "seeds/004_x.txt"
    message: str  # what is wrong, and what to do about it

    def __str__(self) -> str:
        # One line whatever a message quotes: a line break inside would start a false report line.
        return " ".join(f"{self.source}: {self.message}".splitlines())


class InputError(Exception):
    """Raised by a reader when a file cannot be turned into an article."""

    def __init__(self, source: str, message: str):
        super().__init__(f"{source}: {message}")
        self.problem = Problem(source, message)
