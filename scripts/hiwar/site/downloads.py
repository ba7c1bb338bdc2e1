"""The books a reader can download from the site: each edition's EPUB (outputs/epub), in `downloads/` at the site
root, linked with its size from the edition's home page and its About page.

The site's MkDocs build adds each edition's book to that edition's files, so MkDocs writes it and checks every link to
it; the offline edition keeps the books (a reader of the offline copy can send one to an e-reader), and `make build`
publishes them in `dist/` too (`python -m hiwar publish --downloads dist`).
"""
from __future__ import annotations

import re
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from hiwar.enrich.collection import Collection
from hiwar.outputs.epub import MEDIA_TYPE, epub_bytes, file_name
from hiwar.site.editions import Edition
from hiwar.site.markup import literal

FOLDER = "downloads"
# Where a hand-written page (docs/<lang>/about.md) shows its edition's downloads: an HTML comment of its own line.
MARKER = re.compile(r"^<!-- hiwar:downloads -->$", re.MULTILINE)


@dataclass(frozen=True)
class Download:
    path: str  # relative to the site root, in the layout of docs/ (no edition prefix: one folder for all)
    size: int  # bytes
    data: bytes

    def label(self, edition: Edition) -> str:
        return edition.t("downloads.epub_link", size=size_in_words(self.size, edition))


def edition_epub(collection: Collection, edition: Edition, editions: Sequence[Edition], site_url: str,
                 fonts_dir: Path) -> Download:
    data = epub_bytes(collection, edition, editions, site_url, fonts_dir)
    return Download(f"{FOLDER}/{file_name(edition)}", len(data), data)


def size_in_words(size: int, edition: Edition) -> str:
    """"180 kB", "1.2 MB": one decimal place under 10 MB, in the edition's words (1 kB = 1,000 bytes)."""
    if size < 1_000_000:
        return edition.t("downloads.kb", size=max(1, round(size / 1000)))
    megabytes = size / 1_000_000
    return edition.t("downloads.mb", size=f"{megabytes:.1f}" if megabytes < 10 else f"{megabytes:.0f}")


def markdown(download: Download | None, edition: Edition) -> str:
    """The download as a page of the edition shows it (a page at the edition folder's top: index.md, about.md), as
    Markdown whose link MkDocs resolves and checks: a paragraph saying what the book is, with its size."""
    if download is None:
        return ""
    link = f"[{literal(download.label(edition))}](../{download.path}){{: type=\"{MEDIA_TYPE}\" }}"
    return f"## {literal(edition.t('downloads.title'))} {{#downloads}}\n\n{literal(edition.t('downloads.epub'))} {link}\n"


def fill(page: str, download: Download | None, edition: Edition) -> str:
    """A hand-written page with its marker replaced by the edition's downloads (or by nothing, without a book)."""
    return MARKER.sub(lambda _: markdown(download, edition), page)


def staged_books(stage: Path, site: str, target: Path) -> list[tuple[str, Path]]:
    """The books of a staged site (stage/site/downloads/), copied beside it in the stage so that publishing moves them
    into `target` with the rest; books of an earlier build that this one no longer makes are removed from `target`."""
    moves = []
    books = sorted((stage / site / FOLDER).glob("*.epub"))
    for book in books:
        staged = stage / book.name
        staged.unlink(missing_ok=True)
        shutil.copyfile(book, staged)  # a copy: an edit of one output never changes another
        moves.append((book.name, target / book.name))
    made = {book.name for book in books}
    for stale in sorted(target.glob("hiwar-*.epub")) if target.is_dir() else []:
        if stale.name not in made:
            stale.unlink()
    return moves
