"""The build's content-addressed store: every file a build makes, named by the SHA-256 of its bytes.

It is a cache, never a source of truth: a blob is read only through `get`, which hashes what it read and drops a
blob whose bytes are not the ones its name says (damaged, truncated or edited), so the caller makes it again.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

DIGEST_LENGTH = 64


def digest_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def is_digest(value: object) -> bool:
    return isinstance(value, str) and len(value) == DIGEST_LENGTH and all(c in "0123456789abcdef" for c in value)


class Store:
    def __init__(self, folder: Path, in_memory_when_unwritable: bool = False):
        self.folder = folder
        self.verified: set[str] = set()  # blobs read and found whole by this process
        self.dropped: list[str] = []  # blobs found damaged by this process (each made again)
        # The preview's: a blob that cannot be written (the build folder is not writable) is kept in memory, so the
        # preview goes on serving, with the error in its banner; a build stops instead.
        self.in_memory_when_unwritable = in_memory_when_unwritable
        self.memory: dict[str, bytes] = {}

    def _path(self, digest: str) -> Path:
        if not is_digest(digest):
            raise ValueError(f"not a blob name: {digest!r}")
        return self.folder / digest[:2] / digest[2:]

    def put(self, data: bytes) -> str:
        digest = digest_of(data)
        if not self._known(digest) and digest not in self.memory:
            path = self._path(digest)
            try:
                if not self._whole(path, digest):
                    _write(path, data)
            except OSError:
                if not self.in_memory_when_unwritable:
                    raise
                self.memory[digest] = data
                return digest
            self.verified.add(digest)
        return digest

    def adopt(self, made: Path) -> str:
        """A file written elsewhere (by a library that writes to a path), moved into the store."""
        digest = _file_digest(made)
        path = self._path(digest)
        if digest in self.verified or self._whole(path, digest):
            made.unlink()
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.replace(made, path)
            except OSError:  # another file system
                _write(path, made.read_bytes())
                made.unlink()
        self.verified.add(digest)
        return digest

    def temporary(self, suffix: str = "") -> Path:
        """A path inside the store's folder for a file about to be adopted (same file system: a rename, no copy)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=".made-", suffix=suffix, dir=self.folder)
        os.close(handle)
        return Path(name)

    def copy_to(self, digest: str, target: Path) -> bool:
        """Write the blob at `target` (a new file, readable by anyone); False when the blob is missing or damaged.
        Checked as `has` checks it and copied by the system: a Kiwix file or the zip is never held in memory whole."""
        if not self.has(digest):
            return False
        target.parent.mkdir(parents=True, exist_ok=True)
        if digest in self.memory:
            target.write_bytes(self.memory[digest])
        else:
            shutil.copyfile(self._path(digest), target)
        return True

    def get(self, digest: str) -> bytes | None:
        """The blob's bytes, or None when it is missing or not what its name says (then it is removed)."""
        if digest in self.memory:
            return self.memory[digest]
        try:
            data = self._path(digest).read_bytes()
        except (FileNotFoundError, NotADirectoryError, IsADirectoryError, ValueError):
            self.verified.discard(digest)
            return None
        if digest in self.verified or digest_of(data) == digest:
            self.verified.add(digest)
            return data
        self._drop(digest)
        return None

    def size(self, digest: str) -> int:
        """The blob's size (its bytes are checked where they are read)."""
        if digest in self.memory:
            return len(self.memory[digest])
        return self._path(digest).stat().st_size

    def has(self, digest: str) -> bool:
        """Whether the blob is there and whole (hashed once per process, in chunks: a Kiwix file is never read whole)."""
        if self._known(digest) or digest in self.memory:
            return True
        try:
            path = self._path(digest)
        except ValueError:
            return False
        if self._whole(path, digest):
            self.verified.add(digest)
            return True
        if path.exists() or path.is_symlink():
            self._drop(digest)
        else:
            self.verified.discard(digest)
        return False

    def _known(self, digest: str) -> bool:
        """Found whole earlier in this process, and still there (a process that lives on, the preview's, may see the
        build folder emptied under it: then it writes the blob again)."""
        if digest not in self.verified:
            return False
        if os.path.isfile(os.path.join(self.folder, digest[:2], digest[2:])):
            return True
        self.verified.discard(digest)
        return False

    def _whole(self, path: Path, digest: str) -> bool:
        try:
            return _file_digest(path) == digest
        except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
            return False

    def _drop(self, digest: str) -> None:
        self.verified.discard(digest)
        self.dropped.append(digest)
        try:
            self._path(digest).unlink()
        except OSError:
            pass

    def flush(self) -> None:
        """Blobs kept in memory written to the folder, once it is writable again (then they leave memory)."""
        for digest, data in list(self.memory.items()):
            _write(self._path(digest), data)
            self.verified.add(digest)
            del self.memory[digest]

    def prune(self, keep: set[str]) -> int:
        """Remove every blob but `keep` (what the last build's record names); returns how many were removed."""
        removed = 0
        self.memory = {digest: data for digest, data in self.memory.items() if digest in keep}
        if not self.folder.is_dir():
            return 0
        for shard in self.folder.iterdir():
            if not shard.is_dir():
                shard.unlink()
                continue
            for blob in shard.iterdir():
                if shard.name + blob.name not in keep:
                    blob.unlink()
                    self.verified.discard(shard.name + blob.name)
                    removed += 1
        return removed


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _write(path: Path, data: bytes) -> None:
    """Through a temporary file and a rename: a blob is whole or absent, also when the build is killed."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".", suffix=".partial", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
