"""The files of each edition a reader can save, with their sizes and digests, and the build's version.

An edition is its own pages and files (the default edition: everything not in another edition's folder) and what
every edition shares: the stylesheets, scripts, fonts and icons (`assets/`) and the search index (`search/`). What
no reader opens is left out: what crawlers, feed readers and servers read (feeds, the compressed sitemap, the 404
pages, the host and service worker files), source maps, Material's own search engine (`lunr/`, `workers/`: this site's
search replaces it and never loads them), and the downloads (`downloads/`: the e-books, read in an e-reader, not the
browser; several megabytes each at a thousand articles).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Iterable, Sequence

from hiwar.site.atom import ATOM_FILE
from hiwar.site.downloads import FOLDER as DOWNLOADS
from hiwar.site.feeds import JSON_FILE

SHARED = ("assets/", "search/")
NOT_READ_IN_THE_BROWSER = ("assets/javascripts/lunr/", "assets/javascripts/workers/", f"{DOWNLOADS}/")
# The theme's language selector reads the edition's sitemap.xml, so it stays; the compressed copy is for crawlers.
NOT_FOR_READERS = {ATOM_FILE, JSON_FILE, "sitemap.xml.gz", "404.html"}
DIGEST_LENGTH = 16  # hex characters of sha256: enough to tell two versions of one file apart


@dataclass(frozen=True)
class SiteFile:
    path: str  # relative to the site root, with "/"
    size: int
    digest: str

    @property
    def url(self) -> str:
        """The address the site links the file by, relative to the site root: a folder's page by its folder."""
        if self.path == "index.html":
            return "./"
        if self.path.endswith("/index.html"):
            return self.path[: -len("index.html")]
        return self.path


def site_files(files: Iterable[tuple[str, int, str]], leave=lambda relative: False) -> list[SiteFile]:
    """Every file of the site (path, size, SHA-256 of its bytes) but those `leave` names, sorted by path."""
    return [
        SiteFile(path, size, digest[:DIGEST_LENGTH])
        for path, size, digest in sorted(files)
        if not path.rsplit("/", 1)[-1].startswith(".") and not leave(path)
    ]


def build_version(files: Sequence[SiteFile]) -> str:
    """The build's version: changes when any file changes, and only then (same files, same version)."""
    digest = hashlib.sha256()
    for file in files:
        digest.update(f"{file.path}\0{file.digest}\n".encode())
    return digest.hexdigest()[:DIGEST_LENGTH]


def for_readers(path: str) -> bool:
    name = path.rsplit("/", 1)[-1]
    return not (name in NOT_FOR_READERS or name.endswith(".map") or path.startswith(NOT_READ_IN_THE_BROWSER))


def edition_files(files: Sequence[SiteFile], prefix: str, prefixes: Sequence[str]) -> list[SiteFile]:
    """The files a reader of the edition at `prefix` ("" for the default edition) saves; `prefixes` are every
    edition's."""
    others = tuple(p for p in prefixes if p and p != prefix)

    def in_edition(path: str) -> bool:
        if path.startswith(SHARED):
            return True
        if prefix:
            return path.startswith(prefix)
        return not path.startswith(others)

    return [file for file in files if in_edition(file.path) and for_readers(file.path)]


def shell(files: Sequence[SiteFile], prefixes: Sequence[str], offline_page: str) -> list[SiteFile]:
    """What every page needs and the service worker keeps from the start: the stylesheets, scripts, fonts and icons,
    and each edition's home and offline pages."""
    entry_pages = {f"{p}index.html" for p in prefixes} | {f"{p}{offline_page}" for p in prefixes}
    return [
        file
        for file in files
        if (file.path.startswith("assets/") and for_readers(file.path)) or file.path in entry_pages
    ]
