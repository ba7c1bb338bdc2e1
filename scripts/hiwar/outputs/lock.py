"""One build at a time: `make build`, `make serve` and the other commands that write the build folder take this
lock; a second one waits, saying which build it waits for."""

from __future__ import annotations

import fcntl
import os
import sys
import time
from pathlib import Path

LOCK = ".lock"


class BuildLock:
    """An exclusive lock on the build folder, held for the life of the `with` block, or from `acquire` to `release`
    for a preview that holds it across the engine's events (and released by the system when the process ends,
    however it ends)."""

    def __init__(self, work: Path, what: str, say=lambda line: print(line, file=sys.stderr, flush=True)):
        self.path = work / LOCK
        self.what = what
        self.say = say
        self._handle: int | None = None

    def __enter__(self) -> "BuildLock":
        self.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self.release()

    def acquire(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(handle, 300, 0).decode("utf-8", "replace").strip() or "another build"
            self.say(f"waiting: {holder} is using {self.path.parent}/ (one build at a time)")
            fcntl.flock(handle, fcntl.LOCK_EX)
        os.ftruncate(handle, 0)
        os.pwrite(handle, f"{self.what} (process {os.getpid()}, since {time.strftime('%H:%M:%S')})".encode(), 0)
        self._handle = handle

    def release(self) -> None:
        if self._handle is not None:
            os.ftruncate(self._handle, 0)
            fcntl.flock(self._handle, fcntl.LOCK_UN)
            os.close(self._handle)
            self._handle = None
