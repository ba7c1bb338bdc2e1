"""A long build says where it is: on a terminal, a bar per stage with counts and elapsed time (tqdm); elsewhere (CI,
a log file), one line per stage when it ends. Progress goes to stderr whatever MkDocs' log level (`--quiet`)."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

from tqdm import tqdm


class Stage:
    def __init__(self, name: str, total: int | None, unit: str, interactive: bool):
        self.name, self.unit, self.count, self.started = name, unit, 0, time.monotonic()
        self.bar = tqdm(
            total=total,
            desc=name,
            unit=f" {unit}",
            file=sys.stderr,
            leave=True,
            dynamic_ncols=True,
            disable=not interactive,
            mininterval=0.2,
        )

    def advance(self, count: int = 1) -> None:
        self.count += count
        self.bar.update(count)

    def set(self, count: int) -> None:
        self.advance(count - self.count)

    def close(self, interactive: bool) -> None:
        self.bar.close()
        if not interactive:
            print(
                f"hiwar: {self.name}: {self.count} {self.unit} in {time.monotonic() - self.started:.1f} s",
                file=sys.stderr,
                flush=True,
            )


class Progress:
    def __init__(self, interactive: bool | None = None):
        self.interactive = sys.stderr.isatty() if interactive is None else interactive

    def note(self, line: str) -> None:
        """One line about the build itself (a damaged cache made again, how the outputs were published)."""
        print(f"hiwar: {line}", file=sys.stderr, flush=True)

    @contextmanager
    def stage(self, name: str, total: int | None = None, unit: str = "items") -> Iterator[Stage]:
        stage = self.start(name, total, unit)
        try:
            yield stage
        finally:
            stage.close(self.interactive)

    def start(self, name: str, total: int | None = None, unit: str = "items") -> Stage:
        """A stage that spans the engine's events (the pages of every edition): the caller closes it."""
        return Stage(name, total, unit, self.interactive)
