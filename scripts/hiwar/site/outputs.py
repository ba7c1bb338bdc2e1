"""What a build leaves in its output folders, and how the next build reuses it.

Each build records, per edition, every generated page it wrote: what the page is made of (its key) and the size and
modification time of the file. A later dirty build (`mkdocs build --dirty`, `mkdocs serve --dirty`) renders a page
again only when its key changed or its file is not as it was written; a build into an empty folder first takes the
previous build's files (as hard links where it can: nothing here writes into an existing file, see `unlink_before_write`).
Every path written is checked to lie inside its output folder.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath


class OutsideOutput(ValueError):
    """A path that would land outside its output folder."""


def inside(root: Path, relative: str) -> Path:
    """root/relative, refusing anything that could leave root: absolute paths, `..`, backslashes, NUL, empty parts."""
    pure = PurePosixPath(relative)
    if (not relative or pure.is_absolute() or "\\" in relative or "\0" in relative
            or any(part in ("", ".", "..") for part in relative.split("/"))):
        raise OutsideOutput(f"{relative!r} is not a path inside {root}")
    return root / pure


def write_atomically(root: Path, relative: str, data: bytes) -> Path:
    """Write a file inside root through a temporary file and a rename: readers never see half a file, and a file
    shared (hard-linked) with an earlier build is replaced, never overwritten in place."""
    target = inside(root, relative)
    if holds(target, data):
        return target  # unchanged: the file and its time stay as they are (readers and rebuilds see no change)
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".", suffix=".partial", dir=target.parent)
    try:
        os.fchmod(handle, 0o644)  # mkstemp makes the file private (0600); a site's files are for any reader to read
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def write_or_link(root: Path, relative: str, data: bytes, previous: Path | None) -> Path:
    """write_atomically, except that a file new to root whose bytes are those of the earlier build's copy
    (previous/relative) is linked to that copy rather than written."""
    target = inside(root, relative)
    if previous is not None and not target.exists():
        earlier = inside(previous, relative)
        if holds(earlier, data):
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(earlier, target)
                return target
            except OSError:
                pass  # another file system: written below
    return write_atomically(root, relative, data)


def holds(path: Path, data: bytes) -> bool:
    """Whether the file at path has exactly these bytes."""
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except (FileNotFoundError, NotADirectoryError):
        return False


def unlink_before_write(path: Path) -> None:
    """A file about to be rewritten by a writer that opens it in place: detach it from a hard link first (a file
    taken from an earlier build still belongs to that build's folder too)."""
    try:
        if path.stat().st_nlink > 1:
            path.unlink()
    except FileNotFoundError:
        pass


@dataclass
class Manifest:
    """The generated pages of one build, per edition: dest path -> (key, size, mtime_ns, inode, inputs key).

    The inode ties an entry to the very file written (a rename or a hard link keeps it; a copy or another build's
    file of the same size and time does not)."""

    fingerprint: str = ""
    pages: dict[str, dict[str, tuple[str, int, int, int, str]]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> "Manifest":
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(data["fingerprint"], {lang: {dest: tuple(entry) for dest, entry in pages.items()}
                                             for lang, pages in data["pages"].items()})
        except (OSError, ValueError, KeyError, TypeError):
            return cls()

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path.parent, path.name, json.dumps(
            {"fingerprint": self.fingerprint, "pages": self.pages}, sort_keys=True).encode())

    def written(self, lang: str, site: Path, dest: str) -> tuple[str, str] | None:
        """(key, inputs key) of the page at `dest` when its file is in the site folder as the build wrote it."""
        known = self.pages.get(lang, {}).get(dest)
        return (known[0], known[4]) if known and _same_file(site / dest, known) else None

    def record(self, lang: str, site: Path, keys: dict[str, tuple[str, str]]) -> None:
        entries = {}
        for dest, (key, inputs) in keys.items():
            try:
                stat = (site / dest).stat()
            except OSError:
                continue  # not written (an empty page): rendered again next time
            entries[dest] = (key, stat.st_size, stat.st_mtime_ns, stat.st_ino, inputs)
        self.pages[lang] = entries


    def take_from(self, previous: Path, target: Path, previous_offline: Path | None, offline: Path | None) -> int:
        """Link into an empty output folder the pages of the earlier build in `previous` that are still as this
        manifest recorded them (and their offline versions); returns how many. Nothing else is taken: assets and
        everything not recorded are made afresh."""
        if not previous.is_dir() or (target.exists() and any(target.iterdir())):
            return 0
        taken = 0
        for pages in self.pages.values():
            for dest, entry in pages.items():
                source = inside(previous, dest)
                if not _same_file(source, entry):
                    continue
                _link_into(source, inside(target, dest))
                taken += 1
                if previous_offline is not None and offline is not None:
                    derived = inside(previous_offline, dest)
                    try:
                        if derived.stat().st_mtime_ns >= entry[2]:  # derived from this very page
                            _link_into(derived, inside(offline, dest))
                    except FileNotFoundError:
                        pass
        return taken


def _same_file(path: Path, entry: tuple) -> bool:
    try:
        stat = path.stat()
    except OSError:
        return False
    return (stat.st_size, stat.st_mtime_ns, stat.st_ino) == tuple(entry[1:4])


def _link_into(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    _link_or_copy(str(source), str(target))


def _link_or_copy(source: str, destination: str) -> None:
    try:
        os.link(source, destination)
    except OSError:
        shutil.copy2(source, destination)


def remove_stale(site: Path, stale: list[str]) -> None:
    """Pages of an earlier build that no longer exist (a seed removed): their files and the folders left empty."""
    for dest in stale:
        path = inside(site, dest)
        path.unlink(missing_ok=True)
        folder = path.parent
        while folder != site and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent


def publish(stage: Path, moves: list[tuple[str, Path]]) -> None:
    """Move a finished build's outputs (names inside `stage`) into place together: every old output is moved aside
    first, then every new one in; if a move fails, what was moved is put back, so the outputs never disagree."""
    aside = stage.parent / f"{stage.name}.previous"
    shutil.rmtree(aside, ignore_errors=True)
    aside.mkdir(parents=True)
    done: list[tuple[Path, Path | None]] = []  # (target, where its old version went)
    try:
        for name, target in moves:
            if not (stage / name).exists():
                raise FileNotFoundError(f"{stage / name} was not built")
        for index, (name, target) in enumerate(moves):
            old = aside / str(index)
            if target.exists():
                os.replace(target, old)
                done.append((target, old))
            else:
                done.append((target, None))
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(stage / name, target)
    except BaseException:
        for target, old in reversed(done):
            if target.exists():  # the new output, moved in (where there was no old one too)
                shutil.rmtree(target) if target.is_dir() else target.unlink()
            if old is not None:
                os.replace(old, target)
        raise
    finally:
        shutil.rmtree(aside, ignore_errors=True)
