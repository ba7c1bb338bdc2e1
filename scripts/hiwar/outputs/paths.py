"""Paths inside an output folder: nothing from an input file can put a file elsewhere."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path, PurePosixPath


class OutsideOutput(ValueError):
    """A path that would land outside its output folder."""


def inside(root: Path, relative: str) -> Path:
    """root/relative, refusing anything that could leave root: absolute paths, `..`, backslashes, NUL, empty parts."""
    check_relative(relative, root)
    return root / PurePosixPath(relative)


def check_relative(relative: str, root: object = "the output") -> str:
    pure = PurePosixPath(relative)
    if (
        not relative
        or pure.is_absolute()
        or "\\" in relative
        or "\0" in relative
        or any(part in ("", ".", "..") for part in relative.split("/"))
    ):
        raise OutsideOutput(f"{relative!r} is not a path inside {root}")
    return relative


def write_atomically(root: Path, relative: str, data: bytes) -> Path:
    """Write a file inside root through a temporary file and a rename: readers never see half a file. A file that
    already holds these bytes is left as it is."""
    target = inside(root, relative)
    try:
        if target.stat().st_size == len(data) and target.read_bytes() == data:
            return target
    except (FileNotFoundError, NotADirectoryError):
        pass
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
