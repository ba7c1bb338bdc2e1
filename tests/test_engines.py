"""ProperDocs, the continuation of MkDocs 1.x by its former maintainers, builds the site through the same seam
(engine/): `make build ENGINE=properdocs` publishes exactly what the MkDocs build publishes, but for the generator
each page names."""
from __future__ import annotations

import re
import subprocess
from importlib.metadata import version

from builds import differences, published, small_project
from conftest import ENV, PYTHON

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def built_with(tmp_path, engine: str) -> dict:
    project = small_project(tmp_path / engine)
    result = subprocess.run([PYTHON, "-m", "hiwar", "build", "--engine", engine], cwd=project, env=ENV,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return {path: GENERATOR.sub(b"<generator>", data) if data is not None and path.endswith(".html") else data
            for path, data in published(project).items()}


def test_properdocs_is_the_pinned_release():
    assert version("properdocs") == "1.6.7"


def test_properdocs_publishes_what_mkdocs_publishes_but_the_generator(tmp_path):
    mkdocs, properdocs = built_with(tmp_path, "mkdocs"), built_with(tmp_path, "properdocs")
    assert differences(mkdocs, properdocs) == []
    page = (tmp_path / "properdocs" / "project" / "site" / "index.html").read_text(encoding="utf-8")
    assert 'content="mkdocs-ProperDocs 1.6.7' in page or "ProperDocs" in page


def test_an_unknown_engine_is_one_line(tmp_path):
    result = subprocess.run([PYTHON, "-m", "hiwar", "build", "--engine", "zensical"], cwd=tmp_path, env=ENV,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines()[-1].startswith("hiwar: unknown engine 'zensical'")

