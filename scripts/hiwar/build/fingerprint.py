"""What every rendered page is also made of, besides its own inputs: the templates, the theme and its version, the
site's configuration, the hand-written pages and assets, the language tables and this package's code. When any of
them changes, no page of an earlier build is reused."""

from __future__ import annotations

import hashlib
from importlib.metadata import version
from pathlib import Path

# The code that renders pages and makes the outputs (the conversion has its own key: enrich/cache.py).
SITE_CODE = [Path(__file__).resolve().parents[1] / package for package in ("site", "build", "engine", "outputs")]
PACKAGES = ("mkdocs", "mkdocs-material", "pymdown-extensions", "Markdown", "Jinja2")


def site_fingerprint(config_file: Path, folders: list[Path], settings: list[str]) -> str:
    digest = hashlib.sha256()
    for name in PACKAGES:
        digest.update(f"{name}={version(name)}\0".encode())
    for setting in settings:
        digest.update(f"{setting}\0".encode())
    for path in [
        config_file,
        *(p for folder in SITE_CODE for p in _files(folder)),
        *(p for folder in folders for p in _files(folder)),
    ]:
        digest.update(f"{path}\0".encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _files(folder: Path) -> list[Path]:
    if folder.is_file():
        return [folder]
    return (
        sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts) if folder.is_dir() else []
    )
