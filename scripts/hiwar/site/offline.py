"""The offline edition: the online site as it opens from disk (file://), derived from the same rendering.

A page is the same file in both editions except for its links: online, `articles/NAME/` is served as
`articles/NAME/index.html`; from disk a browser opens a folder as a listing, so every relative link to a folder
gets its `index.html`; and what only works online is left out: the feed links, marked `data-hiwar-online-only` by
the templates (the theme fetches a sitemap.xml beside every alternate link, which fails from file://). Nothing else
differs, so nothing is rendered twice.
"""
from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from hiwar.site.outputs import write_atomically
from hiwar.site.policy import OFFLINE, with_policy  # wiring: the offline policy (the output contract will own this)
from hiwar.site.webapp import for_hosts_only  # wiring: files only a server uses (the output contract will own this)

# href="…" and src="…" as the theme and the converter write them: double-quoted.
LINK_ATTRIBUTE = re.compile(r'(?P<before>\s(?:href|src)=")(?P<url>[^"]*)(?=")')
# A <link> element the templates mark as online only (its attribute values are escaped: no ">" inside), with the
# indentation and line break around it.
ONLINE_ONLY_LINK = re.compile(r'[ \t]*<link\b[^>]*\sdata-hiwar-online-only(?=[\s>])[^>]*>[ \t]*\n?')


def folder_links_to_files(html: str) -> str:
    return LINK_ATTRIBUTE.sub(lambda m: m.group("before") + _file_url(m.group("url")), html)


def offline_page(html: str) -> str:
    """An online page as the offline edition has it."""
    return folder_links_to_files(ONLINE_ONLY_LINK.sub("", html))


def _file_url(url: str) -> str:
    if not url or url.startswith(("#", "/", "data:", "mailto:", "javascript:")):
        return url
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path:
        return url
    path = parts.path
    if path.endswith("/"):
        path += "index.html"
    elif path.rsplit("/", 1)[-1] in (".", ".."):
        path += "/index.html"
    else:
        return url
    return urlunsplit(("", "", path, parts.query, parts.fragment))


def online_only(relative: str) -> bool:
    """Files the offline edition leaves out: what crawlers and servers read (sitemaps, each edition's 404 page, the
    host's headers, the service worker and what it reads)."""
    name = relative.rsplit("/", 1)[-1]
    return (name in ("sitemap.xml", "sitemap.xml.gz", "404.html")  # wiring: every edition's 404 (the output contract will own this)
            or for_hosts_only(relative))  # wiring: host and web-app files (the output contract will own this)


def derive(site: Path, offline: Path, skip=online_only, progress=lambda count: None, within: str = "",
           leave: tuple[str, ...] = ()) -> tuple[int, int]:
    """Bring the offline folder up to date with the site folder; returns (pages rewritten, files linked).

    A file whose offline copy is at least as new as the online one is left alone; HTML is rewritten, every other
    file is hard-linked (or copied). Files of the offline folder that the site no longer has are removed.
    `skip` tells the site-relative paths the offline edition leaves out. Only the part of the site under `within`
    (a folder path ending in "/", or "" for all) is looked at, except the folders in `leave`: so that each edition's
    process derives its own pages.
    """
    rewritten = linked = 0
    wanted: set[str] = set()

    def in_scope(relative: str) -> bool:
        return relative.startswith(within) and not relative.startswith(leave)

    for root, dirs, names in os.walk(site / within if within else site):
        base = Path(root).relative_to(site).as_posix()
        base = "" if base == "." else base + "/"
        dirs[:] = [d for d in dirs if in_scope(f"{base}{d}/")]
        for name in names:
            relative = base + name
            if skip(relative) or not in_scope(relative):
                continue
            wanted.add(relative)
            source, target = Path(root) / name, offline / relative
            try:
                if target.stat().st_mtime_ns >= source.stat().st_mtime_ns:
                    continue
            except FileNotFoundError:
                pass
            progress(1)
            if name.endswith(".html"):
                page = offline_page(source.read_text(encoding="utf-8"))
                page = with_policy(page, OFFLINE)  # wiring: the policy that works from file:// (the output contract will own this)
                write_atomically(offline, relative, page.encode())
                rewritten += 1
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.unlink(missing_ok=True)
                try:
                    os.link(source, target)
                except OSError:
                    shutil.copy2(source, target)
                linked += 1
    scope = offline / within if within else offline
    for root, dirs, names in os.walk(scope):
        base = Path(root).relative_to(offline).as_posix()
        base = "" if base == "." else base + "/"
        dirs[:] = [d for d in dirs if in_scope(f"{base}{d}/")]
        for name in names:
            if base + name not in wanted and in_scope(base + name):
                (Path(root) / name).unlink()
    return rewritten, linked
