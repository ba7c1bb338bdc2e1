"""What a build made in this process, kept for the next build in the same process (the preview's): each value with
the digest of what it was made of; the next build takes a value whose inputs are the same instead of making it again,
and keeps only the values it asked for (the memo never grows with the number of saves)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class Memo:
    def __init__(self, previous: "Memo | None" = None):
        self._known: dict[str, tuple[str, object]] = previous._kept() if previous is not None else {}
        self._used: dict[str, tuple[str, object]] = {}
        self._finished = False

    def get(self, name: str, key: str, make: Callable[[], T]) -> T:
        """The value named `name` made of inputs whose digest is `key`: the last build's when its key is the same."""
        known = self._used.get(name) or self._known.get(name)
        value = known[1] if known is not None and known[0] == key else make()
        self._used[name] = (key, value)
        return value  # type: ignore[return-value]

    def put(self, name: str, key: str, value: T) -> T:
        self._used[name] = (key, value)
        return value

    def keep(self, prefix: str) -> None:
        """Keep the last build's values whose names start with `prefix` for the next build, unasked (an output taken
        whole from the last build keeps the parts it would make itself of)."""
        for name, entry in self._known.items():
            if name.startswith(prefix):
                self._used.setdefault(name, entry)

    def has_prefix(self, prefix: str) -> bool:
        """Whether a value whose name starts with `prefix` is kept for the next build."""
        return any(name.startswith(prefix) for name in self._used)

    def finished(self) -> None:
        """The build asked for everything it needed: the next one keeps only that."""
        self._finished = True

    def snapshot(self) -> dict[str, tuple[str, object]]:
        """What the memo holds now: in a process forked to build an edition, to tell its parent what it changed."""
        return {**self._known, **self._used}

    def changes(self, snapshot: dict[str, tuple[str, object]]) -> tuple[list[str], dict[str, tuple[str, object]]]:
        """Since `snapshot`: the names this build took as they were, and the values it made (the parent's `take`)."""
        taken, made = [], {}
        for name, (key, value) in self._used.items():
            before = snapshot.get(name)
            if before is not None and before[0] == key and before[1] is value:
                taken.append(name)
            else:
                made[name] = (key, value)
        return taken, made

    def take(self, taken: list[str], made: dict[str, tuple[str, object]]) -> None:
        """What an edition's process asked for (`changes`), kept for the next build as if asked for here."""
        for name in taken:
            entry = self._used.get(name) or self._known.get(name)
            if entry is not None:
                self._used.setdefault(name, entry)
        self._used.update(made)

    def _kept(self) -> dict[str, tuple[str, object]]:
        """What the next build may take: the values this build asked for; after a build that stopped early, also the
        ones it was given."""
        return dict(self._used) if self._finished else {**self._known, **self._used}
