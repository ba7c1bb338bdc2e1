"""What the preview watches: the inputs of a build (seeds, editorial files, docs/, the theme's overrides, the language
tables, the configuration), through the system's notifications (watchdog: inotify on Linux), not by polling. A save
is often several events (an editor writes a temporary file and renames it): the rebuild starts once the folder has
been quiet for a moment. Which files changed is not trusted to decide anything: the build knows its inputs by their
content; an event only says when to look."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable
from pathlib import Path

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer

QUIET_SECONDS = 0.05
# Events that may change what a file holds or which files there are. Not a file opened or read: every rebuild reads
# every input, and the system would report each of those (thousands a rebuild), for this process to look at while it
# rebuilds.
WATCHED = [
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileClosedEvent,
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
]
CHANGES = {"created", "deleted", "modified", "moved", "closed"}


class Changes(FileSystemEventHandler):
    def __init__(self):
        self._observer = Observer()
        self._watched: dict[Path, object] = {}  # folder -> the observer's watch
        self._files: dict[Path, set[Path]] = {}  # folder -> the single files watched in it (None: all of it)
        self._event = threading.Condition()
        self._pending: set[str] = set()
        self._last = 0.0

    def watch(self, paths: Iterable[Path]) -> list[Path]:
        """Watch these folders (and everything under them) and files; those that do not exist are left out. Returns
        what is watched."""
        watched = []
        for path in paths:
            path = path.resolve()
            if path.is_dir():
                self._schedule(path, recursive=True)
                self._files[path] = None
            elif path.is_file():
                self._schedule(path.parent, recursive=False)
                if self._files.get(path.parent, set()) is not None:
                    self._files.setdefault(path.parent, set()).add(path)
            else:
                continue
            watched.append(path)
        return watched

    def _schedule(self, folder: Path, recursive: bool) -> None:
        known = self._watched.get(folder)
        if known is not None and (not recursive or known[1]):
            return
        if known is not None:
            self._observer.unschedule(known[0])
        self._watched[folder] = (
            self._observer.schedule(self, str(folder), recursive=recursive, event_filter=WATCHED),
            recursive,
        )

    def start(self) -> None:
        self._observer.start()

    def stop(self) -> None:
        if self._observer.is_alive():
            self._observer.stop()
            self._observer.join(timeout=5)

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type not in CHANGES or (event.is_directory and event.event_type == "modified"):
            return
        paths = [Path(p) for p in (event.src_path, getattr(event, "dest_path", "")) if p]
        if not any(self._concerns(path) for path in paths):
            return
        with self._event:
            self._pending.update(str(p) for p in paths)
            self._last = time.monotonic()
            self._event.notify_all()

    def _concerns(self, path: Path) -> bool:
        for folder, files in self._files.items():
            if files is None and path.is_relative_to(folder):
                return True
            if files is not None and path in files:
                return True
        return False

    def wait(self, timeout: float | None = None, quiet: float = QUIET_SECONDS) -> set[str]:
        """The paths changed since the last call, once nothing has changed for `quiet` seconds (empty after
        `timeout` without a change)."""
        with self._event:
            if not self._event.wait_for(lambda: bool(self._pending), timeout):
                return set()
            while (left := self._last + quiet - time.monotonic()) > 0:
                self._event.wait(left)
            pending, self._pending = self._pending, set()
            return pending
