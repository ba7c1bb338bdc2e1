"""The HTML body of each article page as MkDocs rendered it, kept beside the conversion cache, so that outputs made
from it (full-content feeds) need no second rendering and are complete when a page was reused, not rendered."""
from __future__ import annotations

from pathlib import Path

from hiwar.site.outputs import inside, write_atomically


class ContentStore:
    """Article bodies by page key: a key names one Markdown page in one edition, so a stored body is never stale."""

    def __init__(self, folder: Path):
        self.folder = folder

    def put(self, key: str, html: str) -> None:
        write_atomically(self.folder, f"{key}.html", html.encode("utf-8"))

    def get(self, key: str) -> str | None:
        try:
            return inside(self.folder, f"{key}.html").read_text(encoding="utf-8")
        except FileNotFoundError:
            return None

    def prune(self, keys: set[str]) -> None:
        """Forget the bodies of pages no edition has any more (`keys`: every edition's current keys)."""
        if self.folder.is_dir():
            for path in self.folder.glob("*.html"):
                if path.stem not in keys:
                    path.unlink()
