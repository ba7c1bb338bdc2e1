"""make deploy: the last successful build's site/ published to a git branch with ghp-import (as mkdocs gh-deploy
does): run with the real Makefile on a copy of the repository, into a local bare repository standing in for a remote."""

from __future__ import annotations

import os
import subprocess

import pytest

from conftest import repository_copy
from hiwar_tools.deploy import custom_domain

GIT = {
    "GIT_AUTHOR_NAME": "t",
    "GIT_AUTHOR_EMAIL": "t@localhost",
    "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@localhost",
}


def _git(*args, cwd) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, check=True, env={**os.environ, **GIT}
    ).stdout


@pytest.mark.parametrize(
    "site_url,cname",
    [
        (None, None),
        ("https://hiwar.example.org/", None),
        ("https://someone.github.io/hiwar/", None),
        ("https://hiwar.news/", "hiwar.news"),
        ("https://www.hiwar.news/ar/", "www.hiwar.news"),
    ],
)
def test_a_cname_only_for_a_custom_domain(site_url, cname):
    assert custom_domain(site_url) == cname


def test_make_deploy_publishes_every_file_of_the_site_to_the_branch_of_a_bare_repository(site, tmp_path):
    copy = repository_copy(tmp_path)
    _git("init", "-q", cwd=copy)
    remote = tmp_path / "remote.git"
    _git("init", "-q", "--bare", str(remote), cwd=tmp_path)
    result = subprocess.run(
        ["make", "--no-print-directory", "deploy", f"REMOTE={remote}", "BRANCH=pages", f"SITE={site}"],
        cwd=copy,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "HIWAR_SITE_URL": "https://hiwar.news/"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    published = set(_git("ls-tree", "-r", "--name-only", "pages", cwd=remote).split())
    built = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    assert built <= published
    assert published - built == {".nojekyll", "CNAME"}
    assert _git("show", "pages:CNAME", cwd=remote).strip() == "hiwar.news"
    assert _git("show", "pages:index.html", cwd=remote) == (site / "index.html").read_text(encoding="utf-8")
    # publishing again replaces the branch's files, on top of its history
    result = subprocess.run(
        ["make", "--no-print-directory", "deploy", f"REMOTE={remote}", "BRANCH=pages", f"SITE={site}"],
        cwd=copy,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "CNAME" not in _git("ls-tree", "-r", "--name-only", "pages", cwd=remote).split()
    assert len(_git("log", "--format=%H", "pages", cwd=remote).split()) == 2
