"""Where a page is served and how one page links to another: one rule for every use (pages, listings, views, the
sitemap, feeds, the offline edition), the engine's rule for directory URLs (engine/adapter.py's test checks that
the engine still agrees). In a generated page's Markdown a link is the path of the target's Markdown (`source_link`),
which the engine resolves to the target's URL by the same rule and reports when nothing is there.

Paths are as in docs/<lang>/ (`articles/NAME.md`); a page is served as a folder (`articles/NAME/`) holding
`index.html`; the home page `index.md` is the edition's root.
"""

from __future__ import annotations

import posixpath
from urllib.parse import quote

INDEX = "index.html"


def page_dest(path: str) -> str:
    """The file a page's Markdown path becomes: `articles/NAME.md` → `articles/NAME/index.html`."""
    stem = path[:-3] if path.endswith(".md") else path
    if stem == "index" or stem.endswith("/index"):
        return f"{stem[: -len('index')]}{INDEX}"
    return f"{stem}/{INDEX}"


def page_url(path: str) -> str:
    """The URL path a page is served at, relative to its edition's root: `articles/NAME/`, `` for the home page."""
    return url_of_dest(page_dest(path))


def url_of_dest(dest: str) -> str:
    """The URL of a file written at `dest`: a folder's index.html is served as the folder."""
    folder, name = posixpath.split(dest)
    return f"{folder}/" if name == INDEX and folder else ("" if name == INDEX else dest)


def relative_url(target: str, origin: str) -> str:
    """The link from the page served at `origin` to `target` (both URL paths relative to the site root; a path
    ending in "/" is a folder, "" or "." the root; the last part of `origin` is a file when it has a dot)."""
    folder, _, name = origin.rpartition("/")
    if "." in name:
        origin = folder
    origin_parts, target_parts = _parts(origin), _parts(target)
    common = 0
    for a, b in zip(origin_parts, target_parts):
        if a != b:
            break
        common += 1
    relative = "/".join([".."] * (len(origin_parts) - common) + target_parts[common:]) or "."
    return relative + "/" if target.endswith("/") else relative


def _parts(path: str) -> list[str]:
    parts: list[str] = []
    for part in path.split("/"):
        if part == "..":
            if parts:
                parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return parts


def href(path: str) -> str:
    """A site-relative path as it goes into an href: each segment percent-encoded (a slug may hold Arabic letters)."""
    return quote(path, safe="/#")


def source_link(origin: str, target: str, anchor: str = "") -> str:
    """The link from one page of an edition to another as Markdown writes it: the relative path of the target's
    Markdown (paths as in docs/<lang>/), percent-encoded, which MkDocs resolves to the target's URL and reports when
    no page is there; with `anchor`, to that place in it."""
    relative = relative_path(target, posixpath.dirname(origin) or ".")
    return quote(relative, safe="/") + (f"#{anchor}" if anchor else "")


def relative_path(path: str, start: str) -> str:
    """posixpath.relpath(path, start) for two paths inside one folder, without its look at the working folder (a
    listing makes thousands of links)."""
    target, folder = posixpath.normpath(path), posixpath.normpath(start)
    if not path or not start or any(p.startswith(("/", "..")) for p in (target, folder)):
        return posixpath.relpath(path, start)
    parts = [] if target == "." else target.split("/")
    base = [] if folder == "." else folder.split("/")
    common = 0
    while common < min(len(parts), len(base)) and parts[common] == base[common]:
        common += 1
    return "/".join([".."] * (len(base) - common) + parts[common:]) or "."
