"""A tree: what one published folder holds, path -> blob. `sync` makes a folder hold exactly its tree: every file
checked against its blob (rewritten when it differs, whoever changed it), every file the tree does not name removed.
This is what makes a build in place give exactly what a build into an empty folder gives."""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Mapping
from pathlib import Path

from hiwar.outputs.contract import OutputClash
from hiwar.outputs.paths import inside
from hiwar.outputs.store import Store

Tree = dict[str, str]


class MissingBlob(RuntimeError):
    """The store lost a blob the build had just made: the build stops rather than publish without it."""


def merged(parts: Mapping[str, Mapping[str, str]]) -> Tree:
    """One tree from the files of several outputs (by name); a path two of them claim is an error naming both."""
    tree: Tree = {}
    owners: dict[str, str] = {}
    for owner, files in parts.items():
        for path, digest in files.items():
            if path in tree and tree[path] != digest:
                raise OutputClash(f"{path} is made by both {owners[path]} and {owner}")
            tree[path] = digest
            owners.setdefault(path, owner)
    return dict(sorted(tree.items()))


def sync(folder: Path, tree: Mapping[str, str], store: Store, known: dict[str, str] | None = None) -> int:
    """Make `folder` hold exactly `tree`; returns how many files were written. `known`: what this process wrote
    there last time (path -> blob), for a folder no one else writes (the preview's): those files are not read again."""
    folder.mkdir(parents=True, exist_ok=True)
    _remove_others(folder, tree)  # first: a link planted in the folder is gone before anything is written there
    written = 0
    for path, digest in tree.items():
        target = inside(folder, path)
        if known is not None and known.get(path) == digest and target.is_file():
            continue
        if _holds(target, digest):
            continue
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target)
        else:
            target.unlink(missing_ok=True)  # a new file, never a write into one (a hard link elsewhere stays as it was)
        if not store.copy_to(digest, target):
            raise MissingBlob(f"{path}: its content ({digest[:12]}…) is missing from the build's store")
        written += 1
    if known is not None:
        known.clear()
        known.update(tree)
    return written


def _holds(path: Path, digest: str) -> bool:
    try:
        if path.is_symlink():
            return False
        with path.open("rb") as stream:
            return hashlib.file_digest(stream, "sha256").hexdigest() == digest
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        return False


def _remove_others(folder: Path, tree: Mapping[str, str]) -> None:
    folders = {"/".join(path.split("/")[:i]) for path in tree for i in range(1, path.count("/") + 1)}
    for root, dirs, names in os.walk(folder, topdown=True):
        base = Path(root).relative_to(folder).as_posix()
        prefix = "" if base == "." else base + "/"
        for name in names:
            if prefix + name not in tree:
                (Path(root) / name).unlink()
        for name in list(dirs):
            path = Path(root) / name
            if prefix + name not in folders:
                shutil.rmtree(path) if not path.is_symlink() else path.unlink()
                dirs.remove(name)
            elif path.is_symlink():
                path.unlink()
                dirs.remove(name)
