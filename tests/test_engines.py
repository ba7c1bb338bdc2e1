"""ProperDocs, the continuation of MkDocs 1.x by its former maintainers, builds the site through the same seam
(engine/): `make build ENGINE=properdocs` publishes exactly what the MkDocs build publishes, but for the generator
each page names (and so the digests and sizes of pages that the web app's file lists and the zip's bytes hold: every
page and every zip entry is compared, with that tag set aside)."""

from __future__ import annotations

import json
import re
import subprocess
from importlib.metadata import version

from builds import differences, published, small_project
from conftest import ENV, PYTHON

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')
VERSION = re.compile(rb'"[0-9a-f]{16}"')  # a digest of the site's files, as the web app's files give it
ZIM_INPUTS = re.compile(rb"'X-Hiwar-Inputs', b'[0-9a-f]{64}'")  # a Kiwix file's digest of the pages it holds
# What describes the other files by their bytes (so by the generator each page names): compared without those bytes.
DESCRIBING = ("offline-files.json", "offline.json", "sw.js")


def built_with(tmp_path, engine: str) -> dict:
    project = small_project(tmp_path / engine)
    result = subprocess.run(
        [PYTHON, "-m", "hiwar", "build", "--engine", engine],
        cwd=project,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    return {
        path: normalised(path, data) for path, data in published(project).items() if not path.endswith(".zip")
    }  # the zip: entry by entry (published() lists them)


def normalised(path: str, data: bytes | None) -> bytes | None:
    """A file with the generator each page names set aside, and so what describes pages by their bytes."""
    if data is None:
        return None
    if path.endswith(".html"):
        return GENERATOR.sub(b"<generator>", data)
    if path.endswith(".zim"):  # a Kiwix file as published() reads it: its pages, and its digest of them
        return ZIM_INPUTS.sub(b"<inputs>", GENERATOR.sub(b"<generator>", data))
    if path.endswith(DESCRIBING):
        text = VERSION.sub(b'"<version>"', data)
        if path.endswith(".json"):
            listing = json.loads(text)
            for entry in listing.get("files", []) if isinstance(listing.get("files"), list) else []:
                entry[1:] = ["<size>", "<digest>"]
            listing.pop("bytes", None)
            return json.dumps(listing, sort_keys=True).encode()
        return text
    return data


def test_properdocs_is_the_pinned_release():
    assert version("properdocs") == "1.6.7"


def test_properdocs_publishes_what_mkdocs_publishes_but_the_generator(tmp_path):
    mkdocs, properdocs = built_with(tmp_path, "mkdocs"), built_with(tmp_path, "properdocs")
    assert differences(mkdocs, properdocs) == []
    page = (tmp_path / "properdocs" / "project" / "site" / "index.html").read_text(encoding="utf-8")
    assert 'content="mkdocs-ProperDocs 1.6.7' in page or "ProperDocs" in page


def test_an_unknown_engine_is_one_line(tmp_path):
    result = subprocess.run(
        [PYTHON, "-m", "hiwar", "build", "--engine", "zensical"],
        cwd=tmp_path,
        env=ENV,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("hiwar: unknown engine 'zensical'")
