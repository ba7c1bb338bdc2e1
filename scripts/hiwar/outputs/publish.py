"""Publishing: a finished build's folders (the site, the offline edition, the downloads) switch into place together.

Each target is switched in one atomic step where the file system allows it: the staged folder and the published one
exchange places (Linux renameat2 RENAME_EXCHANGE), so a reader, or a crash, sees the old folder or the new one,
never a missing or half-written one. A journal written before the first switch names every staged folder by its
inode; the next run of any command completes an interrupted switch (`recover`) before doing anything else, so the
targets never stay from different builds.

Where a target cannot be renamed (it is a mount point) it is updated in place, file by file, each file replaced
atomically, then what the new build does not have is removed; the journal makes the next run finish it too. A
target on another file system than the stage is first copied beside it, then exchanged.
"""

from __future__ import annotations

import ctypes
import errno
import json
import os
import shutil
import signal
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

JOURNAL = "publish.journal"
INCOMING = ".hiwar-incoming-"  # a copy staged beside a target on another file system
FAULT_STEP = "HIWAR_KILL_AT_STEP"  # tests only: the process kills itself at the named step of publishing

Say = Callable[[str], None]


@dataclass(frozen=True)
class Switch:
    name: str  # what it is, in messages: "site/"
    stage: str  # the finished folder (absolute)
    target: str  # where it is published (absolute)


@dataclass(frozen=True)
class Entry:
    """One target in the journal: `staged` is the inode of the new folder, by which a run after a crash tells whether
    the target already holds it."""

    name: str
    stage: str
    target: str
    how: str  # "exchange" (or "rename" where there is no target yet) or "copy" (into a mount point)
    staged: tuple[int, int]


def publish(switches: list[Switch], work: Path, say: Say = print) -> None:
    """Put every staged folder in place, together. `work` holds the journal (the build folder)."""
    journal = work / JOURNAL
    entries = [_prepared(switch, say) for switch in switches]
    _step("staged")
    os.sync()  # the new folders are on disk before the journal says they are ready (a power cut too)
    _write_journal(journal, entries)
    _step("journal written")
    for entry in entries:
        _apply(entry)
        _step(f"switched {entry.name}")
    _finish(journal, entries)


def recover(work: Path, say: Say = print) -> bool:
    """Complete a switch a crash interrupted (the journal is there); returns whether there was one."""
    journal = work / JOURNAL
    try:
        raw = json.loads(journal.read_text(encoding="utf-8"))
        entries = [Entry(**{**item, "staged": tuple(item["staged"])}) for item in raw]
    except FileNotFoundError:
        return False
    except (OSError, ValueError, TypeError, KeyError) as err:
        say(
            f"{journal}: cannot be read ({err}); the published folders are each whole but may be from two builds: "
            "run `make build`"
        )
        journal.unlink(missing_ok=True)
        return False
    say(f"publishing: completing the switch a stopped build left half done ({', '.join(e.name for e in entries)})")
    for entry in entries:
        _apply(entry)
    _finish(journal, entries)
    return True


def _prepared(switch: Switch, say: Say) -> Entry:
    stage, target = Path(switch.stage), Path(switch.target)
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.is_symlink() or (target.exists() and not target.is_dir()):
        raise PublishError(f"{target}: not a folder; move it away so the build can publish there")
    if target.is_dir() and _is_mount_point(target):
        say(
            f"publishing {switch.name}: it is a mount point, so its files are replaced one by one "
            "(a stopped build's next run completes it)"
        )
        return Entry(switch.name, str(stage), str(target), "copy", _identity(stage))
    if _device(stage) != _device(target.parent):
        incoming = target.parent / f"{INCOMING}{target.name}"
        say(
            f"publishing {switch.name}: on another file system than the build, so it is copied beside it, then switched"
        )
        shutil.rmtree(incoming, ignore_errors=True)
        shutil.copytree(stage, incoming, symlinks=True)
        shutil.rmtree(stage)
        stage = incoming
    how = "exchange" if target.exists() else "rename"
    return Entry(switch.name, str(stage), str(target), how, _identity(stage))


def _apply(entry: Entry) -> None:
    stage, target = Path(entry.stage), Path(entry.target)
    if entry.how == "copy":
        if stage.is_dir():
            _copy_into(stage, target)
        return
    if _identity_or_none(target) == entry.staged:
        return  # switched before the crash
    if _identity_or_none(stage) != entry.staged:
        raise PublishError(f"{stage}: the staged {entry.name} is gone; run `make build`")
    if target.exists():
        exchange(stage, target)
    else:
        os.rename(stage, target)


def _finish(journal: Path, entries: list[Entry]) -> None:
    journal.unlink()
    _sync_folder(journal.parent)
    _step("journal removed")
    for entry in entries:
        # After an exchange the stage holds the old folder; after a copy, the copy's source.
        shutil.rmtree(entry.stage, ignore_errors=True)


def _copy_into(source: Path, target: Path) -> None:
    """Make `target` hold exactly what `source` holds: each file through a temporary file and a rename inside the
    target (atomic per file), then the files and folders `source` does not have are removed."""
    wanted: set[str] = set()
    for root, dirs, names in os.walk(source):
        base = Path(root).relative_to(source)
        (target / base).mkdir(parents=True, exist_ok=True)
        wanted.update((base / name).as_posix() for name in dirs)
        for name in names:
            relative = (base / name).as_posix()
            wanted.add(relative)
            origin, destination = source / relative, target / relative
            if destination.is_dir() and not destination.is_symlink():
                shutil.rmtree(destination)
            handle, temporary = tempfile.mkstemp(prefix=".hiwar-", suffix=".partial", dir=destination.parent)
            os.close(handle)
            try:
                shutil.copyfile(origin, temporary)
                os.chmod(temporary, 0o644)
                os.replace(temporary, destination)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
    for root, dirs, names in os.walk(target, topdown=False):
        base = Path(root).relative_to(target)
        for name in names:
            if (base / name).as_posix() not in wanted:
                (Path(root) / name).unlink()
        for name in dirs:
            path = Path(root) / name
            if (base / name).as_posix() not in wanted:
                shutil.rmtree(path) if not path.is_symlink() else path.unlink()


class PublishError(RuntimeError):
    """One line: why the outputs could not be put in place."""


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100
_libc = ctypes.CDLL(None, use_errno=True)


def exchange(first: Path, second: Path) -> None:
    """Swap two paths in one atomic step (both exist, on one file system)."""
    renameat2 = getattr(_libc, "renameat2", None)
    if renameat2 is not None:
        if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE) == 0:
            return
        code = ctypes.get_errno()
        if code not in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
            raise OSError(code, os.strerror(code), str(first), None, str(second))
    # No atomic exchange here: two renames, the journal covering the moment between them.
    aside = second.with_name(second.name + ".hiwar-old")
    shutil.rmtree(aside, ignore_errors=True)
    os.rename(second, aside)
    os.rename(first, second)
    os.rename(aside, first)


def _write_journal(journal: Path, entries: list[Entry]) -> None:
    journal.parent.mkdir(parents=True, exist_ok=True)
    temporary = journal.with_suffix(".partial")
    with temporary.open("w", encoding="utf-8") as stream:
        json.dump([asdict(entry) for entry in entries], stream)
        stream.flush()
        os.fsync(stream.fileno())
    os.replace(temporary, journal)
    _sync_folder(journal.parent)


def _sync_folder(folder: Path) -> None:
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def _identity(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_dev, stat.st_ino


def _identity_or_none(path: Path) -> tuple[int, int] | None:
    try:
        return _identity(path)
    except FileNotFoundError:
        return None


def _device(path: Path) -> int:
    return path.stat().st_dev


def _is_mount_point(path: Path) -> bool:
    """Also a bind mount of a folder of the same file system, which os.path.ismount cannot tell (same device)."""
    if os.path.ismount(path):
        return True
    try:
        lines = Path("/proc/self/mountinfo").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return False
    resolved = str(path.resolve())
    return any(_unescaped(line.split(" ")[4]) == resolved for line in lines if len(line.split(" ")) > 4)


def _unescaped(field: str) -> str:
    """A path as /proc/self/mountinfo writes it: space, tab, newline and backslash as octal escapes."""
    for escape, character in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(escape, character)
    return field


def _step(name: str) -> None:
    """Tests stop publishing here, as `kill -9` would, to check that every moment leaves whole outputs."""
    if os.environ.get(FAULT_STEP) == name:
        os.kill(os.getpid(), signal.SIGKILL)
