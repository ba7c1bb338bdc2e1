"""The response headers the site is served with: one table, written for static hosts as `_headers` (Netlify,
Cloudflare Pages) and for nginx as the locations of deploy/nginx.conf, so that every host sends the same headers.

Every response: the Content-Security-Policy (policy.py: the pages' own policy, with the hashes of every page and
`frame-ancestors`, which only a header can carry), no MIME sniffing, no referrer to other sites, no powerful browser
features, HTTPS only (HSTS), no framing, a browsing context of its own; pages revalidated on every visit. Material's
fingerprinted files (a digest in their name) are cached for a year, immutable; fonts and icons (stable names, rare
changes, harmless when a week old) for a week; this site's own stylesheets and scripts keep their names and are
revalidated like pages (they must match the pages and the search index of the same build). The service worker is
never taken from the HTTP cache. Reference files, feeds, EPUB and ZIM files and the manifest get their own types.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence
from urllib.parse import urlsplit

from hiwar.site.atom import ATOM_FILE
from hiwar.site.feeds import JSON_FILE
from hiwar.site.policy import header_policy

HEADERS_FILE = "_headers"

PAGES_CACHE = "public, max-age=0, must-revalidate"
IMMUTABLE = "public, max-age=31536000, immutable"
STABLE = "public, max-age=604800"
WORKER_CACHE = "no-cache"
SECURITY = (
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "same-origin"),
    (
        "Permissions-Policy",
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()",
    ),
    ("Strict-Transport-Security", "max-age=63072000; includeSubDomains"),
    ("X-Frame-Options", "DENY"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
)
# Types by the end of a file's name (what hosts and nginx's mime.types do not know, or call something else).
TYPES_BY_SUFFIX = {
    ".bib": "application/x-bibtex; charset=utf-8",
    ".ris": "application/x-research-info-systems; charset=utf-8",
    ".csl.json": "application/vnd.citationstyles.csl+json; charset=utf-8",
    ".epub": "application/epub+zip",
    ".zim": "application/x-zim",
    ".webmanifest": "application/manifest+json; charset=utf-8",
}
FEED_TYPES = {ATOM_FILE: "application/atom+xml; charset=utf-8", JSON_FILE: "application/feed+json; charset=utf-8"}
STABLE_FOLDERS = ("assets/fonts/", "assets/icons/")
WORKER = "sw.js"
# Material names its built files with a digest of their content: bundle.a5f9d56c.min.js, main.57a0d79d.min.css.
FINGERPRINTED_NAME = re.compile(r"\.[0-9a-f]{8}\.min\.(?:js|css)$")
# What nginx's configuration may hold: a quoted value no quote, variable or line break; a bare word no space or
# punctuation of the configuration's own either.
NGINX_QUOTED = re.compile(r'[^"$\\\n\r]*')
NGINX_WORD = re.compile(r'[^\s"\'$\\{};#]+')


@dataclass(frozen=True)
class Match:
    """Which requests a rule is for: every one ("all"), one path ("exact"), names ending in a suffix ("suffix") or
    everything in a folder ("folder"); paths relative to the site root."""

    kind: str
    value: str = ""

    def matches(self, path: str) -> bool:
        if self.kind == "all":
            return True
        if self.kind == "exact":
            return path == self.value
        if self.kind == "suffix":
            return path.endswith(self.value)
        return path.startswith(self.value)


@dataclass(frozen=True)
class Rule:
    match: Match
    headers: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Site:
    """What the table needs to know of one build."""

    policy: str  # the header Content-Security-Policy
    fingerprinted: tuple[str, ...]  # paths of files with a digest in their name
    editions: tuple[str, ...]  # every edition's folder: "" and "en/"
    root: str = "/"  # the URL path of the site root


def site_of(paths: Iterable[str], policy_text: str, site_url: str | None = None) -> Site:
    """The facts of a build: its files' paths, and the policy its pages state together (policy.header_policy)."""
    fingerprinted, editions = [], []
    for path in sorted(paths):
        base, _, name = path.rpartition("/")
        base = base + "/" if base else ""
        if FINGERPRINTED_NAME.search(name) and base.startswith("assets/"):
            fingerprinted.append(path)
        if name == "404.html":
            editions.append(base)
    return Site(policy_text, tuple(fingerprinted), tuple(sorted(editions, key=len)), root_path(site_url))


def site_in(folder: Path, site_url: str | None = None) -> Site:
    """The facts of a site published in a folder (for `make nginx-conf`, after a build)."""
    paths = list(paths_of(folder))
    pages = (
        path_of.read_text(encoding="utf-8") for path_of in (folder / p for p in sorted(paths) if p.endswith(".html"))
    )
    return site_of(paths, header_policy(pages), site_url)


def root_path(site_url: str | None) -> str:
    path = urlsplit(site_url or "/").path or "/"
    return path if path.endswith("/") else path + "/"


def rules(site: Site) -> list[Rule]:
    """The table, most general first: a later rule's header replaces an earlier one's for the requests both match."""
    table = [Rule(Match("all"), (("Content-Security-Policy", site.policy), *SECURITY, ("Cache-Control", PAGES_CACHE)))]
    table += [Rule(Match("exact", path), (("Cache-Control", IMMUTABLE),)) for path in site.fingerprinted]
    table += [Rule(Match("folder", folder), (("Cache-Control", STABLE),)) for folder in STABLE_FOLDERS]
    table.append(Rule(Match("exact", WORKER), (("Cache-Control", WORKER_CACHE),)))
    table += [
        Rule(Match("exact", prefix + name), (("Content-Type", media_type),))
        for prefix in site.editions
        for name, media_type in FEED_TYPES.items()
    ]
    table += [
        Rule(Match("suffix", suffix), (("Content-Type", media_type),)) for suffix, media_type in TYPES_BY_SUFFIX.items()
    ]
    return table


def headers_for(table: Sequence[Rule], path: str) -> dict[str, str]:
    """The headers a host applying the table sends for a path: every matching rule in order, a later rule's header
    replacing an earlier one's (Netlify's reading; on Cloudflare Pages the file detaches the earlier one)."""
    found: dict[str, str] = {}
    for rule in table:
        if rule.match.matches(path):
            found.update(rule.headers)
    return found


# ---- _headers -------------------------------------------------------------------------------------------------
def headers_file(table: Sequence[Rule], root: str = "/") -> str:
    """The table as a `_headers` file. Cloudflare Pages joins a header set by two matching rules with a comma, so a
    rule that replaces a header of `/*` first detaches it (`! Name`, a line Netlify skips: it has no colon)."""
    general = {name for name, _ in table[0].headers} if table and table[0].match.kind == "all" else set()
    lines = [
        "# Response headers for static hosts (Netlify, Cloudflare Pages): made by the build from",
        "# scripts/hiwar/site/headers.py, the table deploy/nginx.conf is made from too.",
    ]
    for rule in table:
        lines.append("")
        lines.append(root + _pattern(rule.match))
        for name, value in rule.headers:
            if rule.match.kind != "all" and name in general:
                lines.append(f"  ! {name}")
            lines.append(f"  {name}: {value}")
    return "\n".join(lines) + "\n"


def _pattern(match: Match) -> str:
    return {"all": "*", "exact": match.value, "suffix": "*" + match.value, "folder": match.value + "*"}[match.kind]


# ---- nginx ------------------------------------------------------------------------------------------------------
def nginx_locations(table: Sequence[Rule], root: str = "/", indent: str = "    ") -> str:
    """The table as nginx locations. nginx drops a server's add_header lines in any location that has its own, so
    every location repeats the headers of every response, with its own in their place; a Content-Type is set as the
    location's only type."""
    general = dict(table[0].headers)
    blocks = []
    for rule in table:
        headers = dict(general)
        headers.update(rule.headers)
        media_type = headers.pop("Content-Type", None)
        body = []
        if media_type is not None:  # its charset, if any, comes from the server's `charset` (text_types)
            body.append("types { }")
            body.append(f'default_type "{_nginx_value(_bare(media_type))}";')
        body += [f'add_header {name} "{_nginx_value(value)}" always;' for name, value in headers.items()]
        blocks.append(
            f"{indent}location {_location(rule.match, root)} {{\n"
            + "".join(f"{indent}    {line}\n" for line in body)
            + f"{indent}}}"
        )
    return "\n".join(blocks) + "\n"


def text_types(table: Sequence[Rule]) -> list[str]:
    """The types the table gives a charset: nginx adds `; charset=utf-8` to them and compresses them."""
    return sorted(
        {
            _bare(value)
            for rule in table
            for name, value in rule.headers
            if name == "Content-Type" and "charset=" in value
        }
    )


def _bare(media_type: str) -> str:
    return media_type.split(";", 1)[0].strip()


def _location(match: Match, root: str) -> str:
    if match.kind == "all":
        return root
    if match.kind == "exact":
        return f"= {root}{match.value}"
    if match.kind == "folder":
        return f"^~ {root}{match.value}"
    return f"~ {re.escape(root)}.*{re.escape(match.value)}$"


def _nginx_value(value: str) -> str:
    if not NGINX_QUOTED.fullmatch(value):
        raise ValueError(f"a header value nginx would read otherwise: {value!r}")
    return value


def error_pages(site: Site) -> list[tuple[str, str]]:
    """(URL path prefix, 404 page) for each edition under a folder, longest first, then the site's own."""
    others = sorted((p for p in site.editions if p), key=len, reverse=True)
    return [(site.root + p, site.root + p + "404.html") for p in others] + [(site.root, site.root + "404.html")]


def headers_files(site: Site) -> dict[str, bytes]:
    """The site's `_headers`, by path from the site root."""
    return {HEADERS_FILE: headers_file(rules(site), site.root).encode()}


def paths_of(folder: Path) -> Iterable[str]:
    for root, _dirs, names in os.walk(folder):
        base = Path(root).relative_to(folder).as_posix()
        base = "" if base == "." else base + "/"
        for name in names:
            yield base + name
