"""Projects built the way `make build` builds (python -m hiwar build: staged, published whole), and what they
publish, read back file by file and zip entry by zip entry: for the tests that compare an in-place build with a
clean one."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import zipfile
from pathlib import Path

from conftest import ENV, FIXTURES, PYTHON, ROOT, make_project

PUBLISHED = ("site", "site-offline", "dist")
INPUTS = ("seeds", "editorial", "docs", "mkdocs.yml", "overrides", "build/assets")


def small_project(base: Path, names=("headings.txt", "date_line.txt", "nested_bullets.txt")) -> Path:
    seeds = base / "seeds-given"
    seeds.mkdir(parents=True)
    for name in names:
        shutil.copy(FIXTURES / "traits" / name, seeds / name)
    project = make_project(base, seeds)
    shutil.copy(FIXTURES / "translations" / "headings.en.txt", project / "editorial" / "headings.en.txt")
    (project / "editorial" / "date_line.yml").write_text(
        "summary:\n  ar: ملخص كتبه المحررون.\n  en: A summary written by the editors.\ntags: [strategic-dialogue]\n",
        encoding="utf-8",
    )
    return project


def build(project: Path, env: dict | None = None, timeout: int = 600) -> subprocess.CompletedProcess:
    """`make build`'s command, in the project."""
    return subprocess.run(
        [PYTHON, "-m", "hiwar", "build"],
        cwd=project,
        env={**ENV, **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def start_build(project: Path, env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen(
        [PYTHON, "-m", "hiwar", "build"],
        cwd=project,
        env={**ENV, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def zim_contents(path: Path) -> bytes:
    """A Kiwix file as its readers see it: every entry (path, title, type, content) and the metadata, read by libzim.
    Its bytes are not compared: libzim and Xapian give each file random identifiers (a UUID in the header and in each
    search index) that python-libzim cannot set, so two builds of the same inputs make files equal in all else."""
    from libzim.reader import Archive

    try:
        archive = Archive(path)
    except RuntimeError:  # not a Kiwix file any more (an edit by hand): its bytes, then
        return b"unreadable: " + path.read_bytes()
    entries = []
    for index in range(archive.entry_count):
        entry = archive._get_entry_by_id(index)
        item = entry.get_item()
        if "xapian" in item.mimetype:  # the search indexes: Xapian's own files, with their random identifiers
            continue
        entries.append((entry.path, entry.title, item.mimetype, bytes(item.content)))
    metadata = sorted((key, bytes(archive.get_metadata(key))) for key in archive.metadata_keys)
    return repr((sorted(entries), metadata, archive.main_entry.path)).encode()


def published(project: Path) -> dict[str, bytes | None]:
    """Every file the project publishes, by path; the zip also by entry (`dist/hiwar-offline.zip!path`); a Kiwix file
    by what it holds (zim_contents)."""
    found: dict[str, bytes | None] = {}
    for name in PUBLISHED:
        folder = project / name
        if not folder.exists():
            found[name] = None
            continue
        for path in sorted(folder.rglob("*")):
            if path.suffix == ".zim" and path.is_file():
                found[path.relative_to(project).as_posix()] = zim_contents(path)
            elif path.is_file() or path.is_symlink():
                found[path.relative_to(project).as_posix()] = path.read_bytes()
    archive = project / "dist" / "hiwar-offline.zip"
    if archive.is_file():
        try:
            with zipfile.ZipFile(archive) as opened:
                for info in opened.infolist():
                    found[f"dist/hiwar-offline.zip!{info.filename}"] = opened.read(info)
        except zipfile.BadZipFile:
            pass  # a zip cut short by hand: its bytes (above) stand for it, and the next build replaces it
    return found


def inputs_digest(project: Path) -> str:
    digest = hashlib.sha256()
    for name in INPUTS:
        root = project / name
        paths = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []
        for path in paths:
            digest.update(path.relative_to(project).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def clean_copy(project: Path, target: Path) -> Path:
    """The project's inputs alone, in a new folder: what a clean build starts from."""
    target.mkdir(parents=True)
    for name in INPUTS:
        source = project / name
        if source.is_symlink():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            (target / name).symlink_to(source.resolve())
        elif source.is_dir():
            shutil.copytree(source, target / name, symlinks=True)
        elif source.exists():
            shutil.copy2(source, target / name)
    return target


def differences(one: dict, other: dict) -> list[str]:
    return sorted(path for path in one.keys() | other.keys() if one.get(path) != other.get(path))


__all__ = ["ROOT"]
