"""The files in seeds/ and editorial/, listed and opened without trusting their names or their types.

A folder is listed without following anything (lstat). Regular files are inputs; a symbolic link is
followed only when its target lies inside the project (the folder that holds seeds/) and is a regular
file; folders, FIFOs, devices and sockets are refused with one line each and never opened. A file is
opened without following a link and without blocking, and checked again once open, so a file swapped
for a FIFO between listing and reading is refused instead of hanging the build.
"""

from __future__ import annotations

import os
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from hiwar.problems import InputError, Problem, shown

# File names that would break a line of the report, reorder it, or hide part of it.
_UNSAFE_NAME_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Zl", "Zp"}
READ_CHUNK = 1 << 20


@dataclass(frozen=True)
class SizeLimit:
    """The most bytes a kind of input file may have, and what the editor is told when one has more."""

    bytes: int
    what: str  # the kind of file, as the message names it: "an article's text"
    advice: str

    def refusal(self, source: str, size: int) -> InputError:
        return InputError(
            source,
            f"is {size:,} bytes{_in_units(size)}, more than the {self.bytes:,}{_in_units(self.bytes)} "
            f"{self.what} may have; {self.advice}",
        )


def _in_units(size: int) -> str:
    """A size in GiB or MiB, to read beside its bytes: " (2 MiB)"; nothing below a MiB."""
    for unit, power in (("GiB", 30), ("MiB", 20)):
        if size >= 2**power:
            return f" ({f'{size / 2**power:.1f}'.removesuffix('.0')} {unit})"
    return ""


@dataclass(frozen=True)
class InputFile:
    name: str  # its name in the folder: valid UTF-8, no control or format characters
    path: Path  # what is read: the file itself, or the target of a link inside the project
    source: str  # how problems name it, e.g. "seeds/NAME"


@dataclass
class Listing:
    """One folder's input files by name, and one problem for each entry that is refused."""

    files: dict[str, InputFile] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def source_of(folder: Path, name: str) -> str:
    """How problems name a file of the folder: "seeds/NAME", the name shown safely."""
    return f"{folder.name}/{shown(name, limit=1000)}"


def name_problem(name: str) -> str | None:
    """Why a file name cannot be used, or None."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # bytes that are not UTF-8 come back from the OS as lone surrogates
        return "its name is not valid UTF-8 text; rename it (UTF-8, letters, digits, - and _)"
    unsafe = sorted({ch for ch in name if unicodedata.category(ch) in _UNSAFE_NAME_CATEGORIES})
    if unsafe:
        which = ", ".join(f"U+{ord(ch):04X}" for ch in unsafe[:3])
        return f"its name holds control or invisible formatting characters ({which}); rename it"
    return None


def list_folder(folder: Path, root: Path, ignored=lambda name: False) -> Listing:
    """The folder's regular files (and links to regular files inside `root`); a problem for everything else.

    Names for which `ignored(name)` is true are left out silently (hidden files, READMEs).
    """
    listing = Listing()
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as err:
        listing.problems.append(Problem(str(folder), f"cannot be listed ({err.strerror})"))
        return listing
    real_root = _real(root)
    for entry in entries:
        name, source = entry.name, source_of(folder, entry.name)
        if ignored(name):
            continue
        problem = name_problem(name)
        if problem is not None:
            listing.problems.append(Problem(source, problem))
            continue
        try:
            path, refusal = _input_path(Path(entry.path), real_root)
        except OSError as err:
            listing.problems.append(Problem(source, f"cannot be read ({err.strerror})"))
            continue
        if refusal:
            listing.problems.append(Problem(source, refusal))
        else:
            listing.files[name] = InputFile(name, path, source)
    return listing


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))


def _input_path(path: Path, real_root: Path) -> tuple[Path, str | None]:
    """Where an entry is read from, or why it is refused."""
    mode = os.lstat(path).st_mode
    if stat.S_ISREG(mode):
        return path, None
    if not stat.S_ISLNK(mode):
        return path, f"is {_kind(mode)}, not a text file; remove it"
    target = _real(path)
    if target != real_root and real_root not in target.parents:
        return path, "is a symbolic link to a file outside the project; copy the file here instead"
    try:
        target_mode = os.stat(target).st_mode
    except FileNotFoundError:
        return path, "is a symbolic link to nothing (its target is missing); remove it"
    if not stat.S_ISREG(target_mode):
        return path, f"is a symbolic link to {_kind(target_mode)}, not to a text file; remove it"
    return target, None


def _kind(mode: int) -> str:
    for test, kind in (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISLNK, "a symbolic link"),
    ):
        if test(mode):
            return kind
    return "a special file"


def read_bytes(path: Path, source: str, limit: SizeLimit | None = None) -> bytes:
    """The bytes of a regular file; an InputError naming `source` for anything else, or for a file over `limit`.

    Opened without following a link (O_NOFOLLOW) and without waiting for a writer (O_NONBLOCK), then
    checked with fstat: only a regular file is read, and one over the limit is refused before it is read
    (and while it is, should it grow).
    """
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as err:
        if os.path.islink(path):
            raise InputError(source, "is a symbolic link; only links listed with their folder are followed") from None
        raise InputError(source, f"cannot be read ({err.strerror})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InputError(source, f"is {_kind(info.st_mode)}, not a text file; remove it")
        if limit is not None and info.st_size > limit.bytes:
            raise limit.refusal(source, info.st_size)
        chunks, size = [], 0
        while chunk := os.read(fd, READ_CHUNK):
            chunks.append(chunk)
            size += len(chunk)
            if limit is not None and size > limit.bytes:
                raise limit.refusal(source, size)
        return b"".join(chunks)
    except OSError as err:
        raise InputError(source, f"cannot be read ({err.strerror})") from None
    finally:
        os.close(fd)
