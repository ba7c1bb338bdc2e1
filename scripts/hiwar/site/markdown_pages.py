"""`make pages`: the converter's Markdown pages written to a folder, in the layout of docs/ (OUT/<lang>/…).

Every page is rendered before anything is written, so a bad input leaves OUT as it was; pages are written into a
temporary folder beside OUT and renamed into place one by one, so no page is ever half-written (an error of the file
system during the renames can leave OUT with some pages new and some old). Pages of seeds that are gone are removed;
other files in OUT stay.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from hiwar.outputs.paths import inside


def write_pages(pages: dict[str, str], out_dir: Path, owned: list[str]) -> int:
    """Write `pages` (path relative to OUT -> Markdown) into out_dir; returns how many files changed.

    `owned` lists the paths (files or folders, relative to OUT) that hold generated pages and nothing else.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    existing = {p.relative_to(out_dir).as_posix() for root in owned for p in _files(out_dir / root)}
    encoded = {path: text.encode("utf-8") for path, text in pages.items()}
    changed = {
        path: data
        for path, data in encoded.items()
        if path not in existing or inside(out_dir, path).read_bytes() != data
    }
    staging = Path(tempfile.mkdtemp(prefix=".pages-", dir=out_dir.parent))
    try:
        for relative, data in changed.items():
            target = inside(staging, relative)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        for relative in sorted(changed):
            inside(out_dir, relative).parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / relative, out_dir / relative)
        for relative in sorted(existing - set(pages), reverse=True):  # pages of seeds that are gone
            inside(out_dir, relative).unlink()
        for root in owned:
            _remove_empty_dirs(out_dir / root)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return len(changed)


def _files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    return [p for p in path.rglob("*") if p.is_file()] if path.is_dir() else []


def _remove_empty_dirs(path: Path) -> None:
    if path.is_dir():
        for folder in sorted((p for p in path.rglob("*") if p.is_dir()), reverse=True):
            if not any(folder.iterdir()):
                folder.rmdir()
