"""The offline edition: the online site as it opens from disk (file://), derived from the same rendering.

A page is the same in both editions except for its links: online, `articles/NAME/` is served as
`articles/NAME/index.html`; from disk a browser opens a folder as a listing, so every relative link to a folder
gets its `index.html`; and what only works online is left out: the elements the templates mark
`data-hiwar-online-only` (the feed links: the theme fetches a sitemap.xml beside every alternate link, which fails
from file://), and the files only crawlers and servers read. Pages are read and written by an HTML parser (lxml),
which knows which attributes are links; every other file is the online file's blob. A page's offline version is
kept by the blob it was derived from (`derived`), so a rebuild derives only the pages that changed. Each page carries
the policy that works from file:// (site/policy.py OFFLINE) instead of the online one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from urllib.parse import urlsplit, urlunsplit

import lxml.html

from hiwar.outputs.contract import Context, Derivations, Files, Output, Scope, Target, inputs_digest
from hiwar.outputs.store import Store
from hiwar.site.policy import OFFLINE, with_policy
from hiwar.site.webapp import for_hosts_only

ONLINE_ONLY = "data-hiwar-online-only"
LINK_ATTRIBUTES = ("href", "src")
KIND = "offline-page"
# Pages are UTF-8 (the engine writes them so), whatever a page's own markup says or lacks.
PARSER = lxml.html.HTMLParser(encoding="utf-8")


def online_only(relative: str) -> bool:
    """Files the offline edition leaves out: what crawlers and servers read (sitemaps, each edition's 404 page, the
    host's headers, the service worker and what it reads)."""
    name = relative.rsplit("/", 1)[-1]
    return name in ("sitemap.xml", "sitemap.xml.gz", "404.html") or for_hosts_only(relative)


def offline_page(html: bytes) -> bytes:
    """An online page as the offline edition has it."""
    document = lxml.html.document_fromstring(html, parser=PARSER)
    for element in document.xpath(f"//*[@{ONLINE_ONLY}]"):
        _remove_keeping_tail(element)
    for element in document.iter():
        for attribute in LINK_ATTRIBUTES:
            value = element.get(attribute) if isinstance(element.tag, str) else None
            if value is not None:
                changed = file_url(value)
                if changed != value:
                    element.set(attribute, changed)
    doctype = document.getroottree().docinfo.doctype or "<!doctype html>"
    return lxml.html.tostring(document, encoding="utf-8", doctype=doctype) + b"\n"


def _remove_keeping_tail(element) -> None:
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail or ""
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + tail if tail.strip() else previous.tail
    elif tail.strip():
        parent.text = (parent.text or "") + tail
    parent.remove(element)


def file_url(url: str) -> str:
    """A relative link to a folder, as it opens from disk: `../articles/NAME/` → `../articles/NAME/index.html`."""
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


def derive_pages(
    pages: Mapping[str, str], store: Store, derived: Derivations, progress: Callable[[int], None] = lambda count: None
) -> None:
    """The offline versions of these pages (path -> blob), into `derived`, unless it holds them already."""
    for path, digest in pages.items():
        if path.endswith(".html"):
            _derived(digest, store, derived)
            progress(1)


def _derived(digest: str, store: Store, derived: Derivations) -> str:
    key = f"{KIND}:{digest}"
    known = derived.get(key)
    if known is not None and store.has(known):
        return known
    source = store.get(digest)
    if source is None:
        raise FileNotFoundError(f"the page {digest[:12]}… is missing from the build's store")
    page = with_policy(offline_page(source).decode("utf-8"), OFFLINE)  # the policy that works from file://
    made = derived[key] = store.put(page.encode("utf-8"))
    return made


class OfflineEdition(Output):
    """Every file of the online site but what only works online, each page with its links made to open from disk."""

    name = "offline"
    target = Target.OFFLINE
    scope = Scope.SITE

    def inputs(self, context: Context) -> str:
        return inputs_digest(context.trees[Target.SITE])

    def produce(self, context: Context, files: Files) -> None:
        site = context.trees[Target.SITE]
        with context.progress.stage("offline edition", unit="files") as stage:
            for path, digest in site.items():
                if online_only(path):
                    continue
                files.add_blob(
                    path, _derived(digest, context.store, context.derived) if path.endswith(".html") else digest
                )
                stage.advance()
