"""make deploy: the last successful build's site/ published to a git branch, as `mkdocs gh-deploy` does (ghp-import).

    python -m hiwar_tools.deploy --site site --remote REMOTE --branch BRANCH

Nothing is built: site/ is replaced only by a build that succeeded, so what is published is always a whole build.
The branch gets every file of site/, a `.nojekyll` (GitHub Pages serves the files as they are, `_headers` and
folders starting with "_" included) and, when HIWAR_SITE_URL names a custom domain, a `CNAME` with it. The commit is
made in the git repository of the current folder (its branch BRANCH), then pushed to REMOTE (a remote's name, a URL or
a path), replacing what the branch held.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import ghp_import

DEFAULT_SITE_URL = "https://hiwar.example.org/"  # mkdocs.yml's placeholder: no domain of anyone's
# Hosts whose addresses GitHub Pages serves without a CNAME file.
PAGES_DOMAINS = (".github.io",)


def custom_domain(site_url: str | None) -> str | None:
    """The host a CNAME file names for the site at `site_url`, or None (no custom domain)."""
    if not site_url or site_url == DEFAULT_SITE_URL:
        return None
    host = urlsplit(site_url).hostname
    if not host or host.endswith(PAGES_DOMAINS) or host in ("localhost", "127.0.0.1"):
        return None
    return host


def deploy(site: Path, remote: str, branch: str, site_url: str | None, message: str) -> str | None:
    if not (site / "index.html").is_file():
        raise SystemExit(f"{site}: no built site to publish (run make build)")
    cname = custom_domain(site_url)
    environment = os.environ
    if not _git_config("user.name"):
        environment.setdefault("GIT_COMMITTER_NAME", "Hiwar deploy")
    if not _git_config("user.email"):
        environment.setdefault("GIT_COMMITTER_EMAIL", "deploy@localhost")
    try:
        ghp_import.ghp_import(
            str(site), mesg=message, remote=remote, branch=branch, push=True, force=True, nojekyll=True, cname=cname
        )
    except ghp_import.GhpError as err:
        raise SystemExit(f"deploy: {err.message}") from None
    return cname


def _git_config(key: str) -> str:
    result = subprocess.run(["git", "config", key], capture_output=True, text=True)
    return result.stdout.strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make deploy", description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, default=Path("site"))
    parser.add_argument("--remote", required=True, help="a remote's name, a URL or a path")
    parser.add_argument("--branch", required=True)
    args = parser.parse_args(argv)
    site_url = os.environ.get("HIWAR_SITE_URL")
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    message = f"Hiwar site{f' from {commit}' if commit else ''}"
    if not site_url:
        print(
            f"deploy: HIWAR_SITE_URL is not set: the site's links to itself (canonical, feeds, sitemap) name "
            f"{DEFAULT_SITE_URL}; build with HIWAR_SITE_URL set to where it is served",
            file=sys.stderr,
        )
    cname = deploy(args.site, args.remote, args.branch, site_url, message)
    files = sum(1 for p in args.site.rglob("*") if p.is_file())
    print(
        f"deploy: {files} files of {args.site}/ on branch {args.branch} of {args.remote}"
        + (f", with CNAME {cname}" if cname else "")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
