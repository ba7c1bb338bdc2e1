"""The spelling rules of search_rules.yml, read once, as the Python side uses them.

The same file is embedded into the search's JavaScript (hiwar.site.search.assets), so the two sides
cannot drift apart; this module only turns its entries into Python objects.
"""

from __future__ import annotations

import functools
from pathlib import Path

import yaml

RULES_FILE = Path(__file__).with_name("search_rules.yml")


@functools.cache
def rules() -> dict:
    return yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))


def code_points(item: str) -> tuple[int, int]:
    """ "U+0610..U+061A" → (0x610, 0x61A); "U+0670" → (0x670, 0x670)."""
    first, _, last = item.partition("..")
    return int(first.removeprefix("U+"), 16), int((last or first).removeprefix("U+"), 16)


def char_class(items: list[str] | str) -> str:
    """A regular-expression character class of the ranges, written with \\u escapes (valid in Python and JS)."""
    parts = []
    for item in [items] if isinstance(items, str) else items:
        first, last = code_points(item)
        parts.append(f"\\u{first:04x}" if first == last else f"\\u{first:04x}-\\u{last:04x}")
    return "[" + "".join(parts) + "]"
