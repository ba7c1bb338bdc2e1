"""The site as an installable web app that keeps working offline.

- A manifest per edition (`manifest.webmanifest` in the edition's folder): named in its language, its colours from
  the theme's palette, icons drawn at build time (icons.py, by `make assets`).
- A service worker at the site root (`sw.js`, made from worker.js with this build's version and lists): it keeps the
  shell (stylesheets, scripts, fonts, icons, each edition's home and offline pages) from the start, keeps every page
  and search file a reader opens, answers from what it keeps when the network fails, and shows the edition's offline
  page (`503.html`, in the edition's language) for a page it does not have.
- A "Save for offline" button on each edition's home page (app.js): the edition's size from `offline.json`, then
  every file of `offline-files.json` saved with a progress bar.
- Cache names carry the build's version (a digest of every file): a new build's worker replaces the old caches,
  carrying over only what the new build left unchanged.

Only online: the offline edition (file://) has no service worker (browsers register none from file://), no manifest
and no button; none of these files goes into it (`for_hosts_only`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Sequence

from hiwar.site.webapp.files import SiteFile, build_version, edition_files, shell
from hiwar.site.webapp.manifest import Colours, manifest_bytes, web_manifest

HERE = Path(__file__).parent
MANIFEST = "manifest.webmanifest"
SUMMARY = "offline.json"
FILE_LIST = "offline-files.json"
WORKER = "sw.js"
OFFLINE_PAGE = "503.html"  # an error template: MkDocs renders it with links from the site root, as it does 404.html
HOST_FILES = ("_headers",)  # read by static hosts (headers.py), never served
SCRIPT = "assets/javascripts/hiwar-app.js"
# Cache names: the prefix, then the build's version. The worker and the page's script share them.
CACHES = {"shell": "hiwar-shell-", "pages": "hiwar-pages-"}
# A request the page's script makes while saving the edition: the worker lets it through to the network.
SAVE_HEADER = "X-Hiwar-Save"


def for_hosts_only(relative: str) -> bool:
    """Files of the online site the offline (file://) edition leaves out: the web app's and the static host's."""
    name = relative.rsplit("/", 1)[-1]
    return name in (MANIFEST, SUMMARY, FILE_LIST, OFFLINE_PAGE, *HOST_FILES) or relative == WORKER


def app_assets() -> dict[str, str]:
    """Path relative to the site root → file text: the page's script (service worker registration, the button)."""
    config = {"worker": WORKER, "summary": SUMMARY, "caches": CACHES, "save_header": SAVE_HEADER}
    return {SCRIPT: (HERE / "app.js").read_text(encoding="utf-8").replace("/*CONFIG*/null", _json(config))}


def app_files(every: Sequence[SiteFile], editions: Sequence, colours: Colours) -> tuple[dict[str, bytes], dict]:
    """The manifests, the lists of each edition's files and the service worker, by path from the site root, for a site
    holding `every` file (hosts_and_app_files() left out); and what they say, with sizes (for the build's log)."""
    prefixes = [edition.prefix for edition in editions]
    made: dict[str, bytes] = {}
    for edition in editions:
        root = "../" * edition.prefix.count("/")
        made[edition.prefix + MANIFEST] = manifest_bytes(web_manifest(edition, colours, root))
    version = build_version(every)
    lists = {}
    for edition in editions:
        saved = edition_files(every, edition.prefix, prefixes)
        lists[edition.prefix] = saved
        listing = {
            "version": version,
            "edition": edition.lang,
            "files": [[file.url, file.size, file.digest] for file in saved],
        }
        made[edition.prefix + FILE_LIST] = _json(listing).encode()
        summary = {
            "version": version,
            "edition": edition.lang,
            "bytes": sum(f.size for f in saved),
            "files": len(saved),
            "list": FILE_LIST,
        }
        made[edition.prefix + SUMMARY] = _json(summary).encode()
    kept = shell(every, prefixes, OFFLINE_PAGE)
    config = {
        "version": version,
        "caches": CACHES,
        "save_header": SAVE_HEADER,
        "shell": [file.url for file in kept] + [p + name for p in prefixes for name in (SUMMARY, FILE_LIST)],
        # The longest prefix first: a page belongs to the first edition whose folder holds it.
        "editions": [
            {"prefix": p, "offline": p + OFFLINE_PAGE, "list": p + FILE_LIST}
            for p in sorted(prefixes, key=len, reverse=True)
        ],
    }
    made[WORKER] = (HERE / "worker.js").read_text(encoding="utf-8").replace("/*CONFIG*/null", _json(config)).encode()
    list_bytes = sum(len(made[p + name]) for p in prefixes for name in (SUMMARY, FILE_LIST))
    return made, {
        "version": version,
        "shell_bytes": sum(f.size for f in kept) + list_bytes,
        "editions": {p or "/": sum(f.size for f in saved) for p, saved in lists.items()},
    }


def made_here(relative: str) -> bool:
    """The files app_files and the host's headers make (not in the lists they make)."""
    name = relative.rsplit("/", 1)[-1]
    return relative in (WORKER, *HOST_FILES) or name in (SUMMARY, FILE_LIST)


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
