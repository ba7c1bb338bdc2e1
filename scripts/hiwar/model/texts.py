"""Texts in several languages: one value per language code ("ar", "en", …), never attributes per language."""

from __future__ import annotations

from collections.abc import Iterator, Mapping


class Texts(Mapping[str, str]):
    """An immutable mapping from language code to text; hashable and picklable like the data classes around it."""

    __slots__ = ("_items",)
    _items: tuple[tuple[str, str], ...]

    def __init__(self, items: Mapping[str, str] | None = None, **by_language: str):
        merged = dict(items or {}, **by_language)
        for lang, text in merged.items():
            if not isinstance(lang, str) or not isinstance(text, str):
                raise TypeError(f"Texts maps language codes to text, not {lang!r}: {text!r}")
        object.__setattr__(self, "_items", tuple(sorted(merged.items())))

    def __getitem__(self, lang: str) -> str:
        for code, text in self._items:
            if code == lang:
                return text
        raise KeyError(lang)

    def __iter__(self) -> Iterator[str]:
        return (code for code, _ in self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __hash__(self) -> int:
        return hash(self._items)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Mapping) and dict(self._items) == dict(other)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Texts is immutable")

    def __reduce__(self) -> tuple[type[Texts], tuple[dict[str, str]]]:
        return (Texts, (dict(self._items),))

    def __repr__(self) -> str:
        return f"Texts({dict(self._items)!r})"
