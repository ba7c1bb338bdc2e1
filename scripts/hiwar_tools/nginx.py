"""Debian's nginx serving a built site as deployed (the configuration `make nginx-conf` writes), for the tests and
make audit: on 127.0.0.1 at a free port, in the foreground, with its own prefix, pid and temporary folders, never as
the system's service; stopped when done."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Iterator

from hiwar.site.hosting import nginx_conf

NGINX = Path("/usr/sbin/nginx")
TEMPORARY = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")


class NginxError(RuntimeError):
    pass


@contextlib.contextmanager
def serving(site: Path, prefix: Path | None = None) -> Iterator[str]:
    """The site's URL ("http://127.0.0.1:PORT/") while nginx serves it."""
    if not NGINX.exists():
        raise NginxError(f"{NGINX} is missing: `make test` installs it (scripts/install-test-tools.sh)")
    with contextlib.ExitStack() as stack:
        if prefix is None:
            prefix = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="hiwar-nginx-")))
        port = _free_port()
        (prefix / "site.conf").write_text(nginx_conf(site, listen=f"127.0.0.1:{port}"), encoding="utf-8")
        temporary = "\n".join(f"  {kind}_temp_path {prefix}/{kind};" for kind in TEMPORARY)
        (prefix / "nginx.conf").write_text(
            f"worker_processes 1;\ndaemon off;\npid {prefix}/nginx.pid;\nerror_log {prefix}/error.log warn;\n"
            f"events {{ worker_connections 256; }}\n"
            f"http {{\n  include /etc/nginx/mime.types;\n  default_type application/octet-stream;\n  access_log off;\n"
            f"{temporary}\n  include {prefix}/site.conf;\n}}\n",
            encoding="utf-8",
        )
        server = subprocess.Popen(
            [str(NGINX), "-p", str(prefix), "-c", str(prefix / "nginx.conf")],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        try:
            _wait_for(port, server, prefix)
            yield f"http://127.0.0.1:{port}/"
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(port: int, server: subprocess.Popen, prefix: Path, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                log = prefix / "error.log"
                raise NginxError(
                    f"nginx did not start: {server.stdout.read().decode(errors='replace')}"
                    f"{log.read_text() if log.exists() else ''}"
                ) from None
            time.sleep(0.05)
