"""The live preview as a test drives it: `make serve`'s command (python -m hiwar serve) on a free port of 127.0.0.1,
read over http like a browser, and what it serves (/.hiwar/files.json: every path with its blob's SHA-256)."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from conftest import ENV

RELOAD = '<script src="/.hiwar/reload.js" data-hiwar-version="'


class Preview:
    def __init__(self, project: Path, log: Path):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.log = log
        self.output = log.open("w")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "hiwar",
                "serve",
                "--addr",
                f"127.0.0.1:{self.port}",
                "--config",
                str(project / "mkdocs.yml"),
            ],
            cwd=project,
            env=ENV,
            stdout=self.output,
            stderr=subprocess.STDOUT,
        )

    def __enter__(self) -> "Preview":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def get(self, path: str) -> tuple[int, bytes, str]:
        """(status, body, content type) of a request, as served now; a preview that stopped answering fails the
        test instead of waiting forever."""
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=20) as response:
                return response.status, response.read(), response.headers.get("Content-Type", "")
        except urllib.error.HTTPError as err:
            return err.code, err.read(), err.headers.get("Content-Type", "")
        except OSError as err:
            raise AssertionError(f"the preview does not answer ({err}):\n{self.tail()}") from None

    def page(self, path: str) -> str:
        status, body, _ = self.get(path)
        if status != 200:
            raise AssertionError(f"{path}: HTTP {status}:\n{self.tail()}")
        return body.decode("utf-8")

    def wait_until(self, path: str, shown, what: str, timeout: float = 60) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                page = self.page(path)
            except AssertionError:
                if self.process.poll() is not None:
                    raise
                time.sleep(0.2)
                continue
            if shown(page):
                return page
            time.sleep(0.2)
        raise AssertionError(f"{path}: {what} not shown within {timeout:.0f} s:\n{self.tail()}")

    def wait_for_line(self, text: str, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.tail():
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise AssertionError(f"the preview did not say {text!r}:\n{self.tail()}")
            time.sleep(0.2)

    def files(self) -> dict[str, str]:
        """Every file served now: path -> SHA-256 of its bytes."""
        return json.loads(self.get(".hiwar/files.json")[1])["files"]

    def tail(self) -> str:
        self.output.flush()
        return self.log.read_text()[-3000:]

    def stop(self) -> str:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)
        self.output.close()
        return self.log.read_text()


def without_reload(page: bytes) -> bytes:
    """A page as served, without the live reload's script element the preview adds to each HTML response."""
    start = page.rfind(RELOAD.encode())
    assert start >= 0, "the preview adds its live reload to every page"
    end = page.index(b"</script>", start) + len(b"</script>")
    return page[:start] + page[end:]
