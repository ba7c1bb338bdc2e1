"""Cache files that know when they are damaged: each starts with the SHA-256 of the rest and the format it holds.

A file that is truncated, edited or of another format is reported once (`stale`) and treated as absent; nothing in
the build folder is trusted because it is there.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

MAGIC = b"hiwar-cache"


@dataclass(frozen=True)
class Unreadable:
    """Why a cache file was not used: one line for the build's output."""

    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}; it is made again"


def write_sealed(path: Path, kind: str, payload: bytes) -> None:
    header = b" ".join((MAGIC, kind.encode("ascii"), hashlib.sha256(payload).hexdigest().encode("ascii")))
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".", suffix=".partial", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(header + b"\n")
            stream.write(payload)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def read_sealed(path: Path, kind: str) -> bytes | Unreadable | None:
    """The payload; None when there is no such file (a first build); Unreadable when it is not whole or not `kind`."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as err:
        return Unreadable(path, f"cannot be read ({err.strerror})")
    header, newline, payload = data.partition(b"\n")
    parts = header.split(b" ")
    if not newline or len(parts) != 3 or parts[0] != MAGIC:
        return Unreadable(path, "is not a cache file of this build")
    if parts[1] != kind.encode("ascii"):
        return Unreadable(path, f"holds {parts[1].decode('ascii', 'replace')}, not {kind}")
    if hashlib.sha256(payload).hexdigest().encode("ascii") != parts[2]:
        return Unreadable(path, "is damaged (its checksum does not match)")
    return payload
