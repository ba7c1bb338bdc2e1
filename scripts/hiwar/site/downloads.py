"""The books a reader can download from the site (each edition's EPUB, outputs/books.py), as the site's pages offer
them: linked with their size from the edition's home page and its About page (a hand-written page shows them where it
has the marker `<!-- hiwar:downloads -->` on a line of its own). The link is a Markdown link, which the engine
resolves and checks: the book is one of the files it is given (build/edition.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from hiwar.site.editions import Edition
from hiwar.site.markup import heading, link, literal, paragraph

FOLDER = "downloads"
# Where a hand-written page (docs/<lang>/about.md) shows its edition's downloads: an HTML comment of its own line.
MARKER = re.compile(r"^<!-- hiwar:downloads -->$", re.MULTILINE)


@dataclass(frozen=True)
class Download:
    path: str  # relative to the site root (no edition prefix: one folder for all)
    size: int  # bytes
    media_type: str

    def label(self, edition: Edition) -> str:
        return edition.t("downloads.epub_link", size=size_in_words(self.size, edition))


def size_in_words(size: int, edition: Edition) -> str:
    """ "180 kB", "1.2 MB": one decimal place under 10 MB, in the edition's words (1 kB = 1,000 bytes)."""
    if size < 1_000_000:
        return edition.t("downloads.kb", size=max(1, round(size / 1000)))
    megabytes = size / 1_000_000
    return edition.t("downloads.mb", size=f"{megabytes:.1f}" if megabytes < 10 else f"{megabytes:.0f}")


def markdown(download: Download | None, edition: Edition) -> str:
    """The download as a page of the edition shows it (a page at the edition folder's top: index.md, about.md), as
    Markdown whose link MkDocs resolves and checks: a paragraph saying what the book is, with its size."""
    if download is None:
        return ""
    offered = link(literal(download.label(edition)), f"../{download.path}", type=download.media_type)
    # The paragraph's class underlines its link (hiwar.css): a link in running text is told apart by more than colour.
    return (
        heading(2, literal(edition.t("downloads.title")), id="downloads")
        + "\n"
        + paragraph(f"{literal(edition.t('downloads.epub'))} {offered}", classes=["hiwar-downloads"])
    )


def fill(page: str, download: Download | None, edition: Edition) -> str:
    """A hand-written page with its marker replaced by the edition's downloads (or by nothing, without a book)."""
    return MARKER.sub(lambda _: markdown(download, edition), page)
