"""The preview's HTTP server: the site's tree (path -> blob) served from the build's store, and the live reload.

Written on the standard library's HTTP server rather than a folder server because what it serves is not a folder: a
rebuild swaps the whole tree at once (a reader never gets a page of one build and a listing of another), and the
live reload must be a script file of the site's origin, which the pages' Content-Security-Policy allows (the engine's
own server injects an inline script, which it would block).
"""

from __future__ import annotations

import json
import mimetypes
import posixpath
import threading
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote, urlsplit

from hiwar.outputs.store import Store
from hiwar.site.urls import INDEX

OWN = ".hiwar/"  # the preview's own addresses, beside the site's files
RELOAD_SCRIPT = Path(__file__).with_name("reload.js")
NOT_FOUND = "404.html"
WAIT_SECONDS = 25  # a live-reload request is answered after this long without a change (and asked again)
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".svg": "image/svg+xml",
    ".woff2": "font/woff2",
    ".webmanifest": "application/manifest+json",
    ".epub": "application/epub+zip",
    ".zim": "application/octet-stream",
}


@dataclass(frozen=True)
class Snapshot:
    """One build's site: what the preview serves until the next build ends."""

    tree: dict[str, str] = field(default_factory=dict)  # path -> blob
    version: int = 0


class Site:
    """The snapshot being served, swapped whole by the rebuild loop; live-reload requests wait for the next one."""

    def __init__(self, store: Store):
        self.store = store
        self.snapshot = Snapshot()
        self._changed = threading.Condition()

    def swap(self, tree: dict[str, str]) -> bool:
        """Serve this tree from now on; False (and no reload) when it is the one already served."""
        with self._changed:
            if tree == self.snapshot.tree and self.snapshot.version:
                return False
            self.snapshot = Snapshot(dict(tree), self.snapshot.version + 1)
            self._changed.notify_all()
            return True

    def wait_for_change(self, since: str, timeout: float) -> int:
        with self._changed:
            self._changed.wait_for(lambda: str(self.snapshot.version) != since, timeout)
            return self.snapshot.version


def reload_element(version: int) -> bytes:
    return f'<script src="/{OWN}reload.js" data-hiwar-version="{version}"></script>'.encode("ascii")


def with_reload(html: bytes, version: int) -> bytes:
    """The page with the live reload's script element, before its last </body> (at its end without one)."""
    at = html.rfind(b"</body>")
    at = len(html) if at < 0 else at
    return html[:at] + reload_element(version) + html[at:]


def content_type(path: str) -> str:
    suffix = posixpath.splitext(path)[1].lower()
    return TYPES.get(suffix) or mimetypes.guess_type(path)[0] or "application/octet-stream"


class Handler(BaseHTTPRequestHandler):
    server: "PreviewServer"
    protocol_version = "HTTP/1.1"

    def do_HEAD(self) -> None:  # noqa: N802 — the standard library's name
        self._answer(head=True)

    def do_GET(self) -> None:  # noqa: N802
        self._answer(head=False)

    def _answer(self, head: bool) -> None:
        address = urlsplit(self.path)
        path = unquote(address.path).lstrip("/")
        site = self.server.site
        if path.startswith(OWN):
            return self._own(path[len(OWN) :], parse_qs(address.query), head)
        snapshot = site.snapshot
        if not snapshot.version:
            return self._send(HTTPStatus.SERVICE_UNAVAILABLE, b"the first build is under way\n", "text/plain", head)
        wanted = path + INDEX if path.endswith("/") or not path else path
        digest = snapshot.tree.get(wanted)
        if digest is None and snapshot.tree.get(f"{path}/{INDEX}"):
            self.send_response(HTTPStatus.MOVED_PERMANENTLY)
            self.send_header("Location", quote(f"/{path}/") + (f"?{address.query}" if address.query else ""))
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        status = HTTPStatus.OK
        if digest is None:
            status, wanted = HTTPStatus.NOT_FOUND, _not_found_page(path, snapshot.tree)
            digest = snapshot.tree.get(wanted) if wanted else None
            if digest is None:
                return self._send(status, b"not found\n", "text/plain", head)
        data = site.store.get(digest)
        if data is None:
            return self._send(HTTPStatus.INTERNAL_SERVER_ERROR, b"missing from the build's store\n", "text/plain", head)
        kind = content_type(wanted)
        if kind.startswith("text/html"):
            data = with_reload(data, snapshot.version)
        self._send(status, data, kind, head)

    def _own(self, name: str, query: dict, head: bool) -> None:
        site = self.server.site
        if name == "reload.js":
            return self._send(HTTPStatus.OK, RELOAD_SCRIPT.read_bytes(), TYPES[".js"], head)
        if name == "changes":
            since = (query.get("since") or [""])[0]
            version = site.wait_for_change(since, WAIT_SECONDS)
            return self._send(HTTPStatus.OK, str(version).encode("ascii"), "text/plain", head)
        if name == "files.json":  # what is served, path -> SHA-256 (for tests and for looking)
            snapshot = site.snapshot
            body = json.dumps({"version": snapshot.version, "files": snapshot.tree}, sort_keys=True).encode()
            return self._send(HTTPStatus.OK, body, TYPES[".json"], head)
        self._send(HTTPStatus.NOT_FOUND, b"not found\n", "text/plain", head)

    def _send(self, status: HTTPStatus, data: bytes, kind: str, head: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")  # an edited page is never taken from the browser's cache
        self.end_headers()
        if not head:
            self.wfile.write(data)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 — quiet: the preview prints its own lines
        pass


def _not_found_page(path: str, tree: dict[str, str]) -> str | None:
    """The edition's own 404 page for a path inside it (en/…), else the site's."""
    first = path.split("/", 1)[0]
    for candidate in (f"{first}/{NOT_FOUND}", NOT_FOUND):
        if candidate in tree:
            return candidate
    return None


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], site: Site):
        self.site = site
        super().__init__(address, Handler)
