"""What the build derives from code and installed files alone (templates compiled, the theme's style sheets read, the
font converted for the e-books), kept for the next process where Python keeps its own compiled modules
(`sys.pycache_prefix`: PYTHONPYCACHEPREFIX, which the Makefile sets), so that every build does not make it again.

Never in the build folder: nothing here is read from where the build writes. Every entry is under this package's code
digest (a code change starts afresh; the folders of earlier code are removed) and under its key, which names
everything else it is made of. An entry's first bytes are the digest of the rest: a damaged or cut-short entry is made
again. Where Python keeps no such folder, or it cannot be written, the caller makes the value every time."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent
NAME = "hiwar-derived"


@functools.cache
def code_digest() -> str:
    """This package's code and data (the folding rules, the language tables)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in PACKAGE.rglob("*") if p.suffix in (".py", ".yml") and "__pycache__" not in p.parts):
        digest.update(f"{path.relative_to(PACKAGE)}\0".encode() + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


@functools.cache
def _folder() -> Path | None:
    if not sys.pycache_prefix:
        return None
    return Path(sys.pycache_prefix, NAME, code_digest()[:32])


def _path(kind: str, key: str) -> Path | None:
    folder = _folder()
    return None if folder is None else folder / kind / hashlib.sha256(key.encode()).hexdigest()


def get(kind: str, key: str) -> bytes | None:
    path = _path(kind, key)
    if path is None:
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    digest, value = data[:32], data[32:]
    return value if hashlib.sha256(value).digest() == digest else None


def put(kind: str, key: str, value: bytes) -> None:
    path = _path(kind, key)
    if path is None:
        return
    _forget_earlier_code()
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(hashlib.sha256(value).digest() + value)
        os.replace(partial, path)  # whole or not at all, also when two processes write the same entry
    except OSError:  # a folder that cannot be written: made again next time
        with contextlib.suppress(OSError):
            partial.unlink()


def bytes_of(kind: str, key: str, make: Callable[[], bytes]) -> bytes:
    value = get(kind, key)
    if value is None:
        value = make()
        put(kind, key, value)
    return value


@functools.cache
def _forget_earlier_code() -> None:
    folder = _folder()
    if folder is None or not folder.parent.is_dir():
        return
    for earlier in folder.parent.iterdir():
        if earlier != folder:
            shutil.rmtree(earlier, ignore_errors=True)
