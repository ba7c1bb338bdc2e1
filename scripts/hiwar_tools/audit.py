"""make audit: Lighthouse figures for four pages, then the checks CI holds at zero.

    python -m hiwar_tools.audit [SITE_DIR]

Lighthouse (mobile, simulated throttling, median of 3 runs) for both home pages and an Arabic and
an English article, served as deployed (Debian's nginx with deploy/nginx.conf: the site's headers,
gzip); page weight of the article; Lighthouse's CSP-against-XSS audit;
then tests/test_audit.py (axe-core on every page, Nu HTML Checker, links and anchors, requests to
other hosts, online and offline).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from hiwar_tools.browser import BROWSER, FLAGS
from hiwar_tools.nginx import serving

ROOT = Path(__file__).resolve().parents[2]
LIGHTHOUSE = ROOT / "tools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
PAGES = {
    "Arabic home": "",
    "English home": "en/",
    "Arabic article": "articles/004_619acb7bf2d5c641/",
    "English article": "en/articles/001_9f79dd596af1e7b3/",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
RUNS = 3


def lighthouse(url: str, workdir: Path) -> dict:
    report = workdir / "report.json"
    profile = tempfile.mkdtemp(dir=workdir)
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            "--disable-full-page-screenshot",
            f"--chrome-flags={' '.join(['--headless', *FLAGS])} --user-data-dir={profile}",
        ],
        check=True,
        env={**os.environ, "CHROME_PATH": BROWSER},
        timeout=300,
    )
    data = json.loads(report.read_text(encoding="utf-8"))
    scores = {c: round(100 * data["categories"][c]["score"]) for c in CATEGORIES}
    scores["weight_kb"] = data["audits"]["total-byte-weight"]["numericValue"] / 1024
    # "Ensure CSP is effective against XSS attacks" (best practices, informative: it carries no weight)
    scores["csp_xss"] = data["audits"]["csp-xss"]["score"]
    scores["failing"] = sorted(
        a["id"]
        for c in CATEGORIES
        for a in (data["audits"][ref["id"]] for ref in data["categories"][c]["auditRefs"] if ref["weight"])
        if a["score"] is not None and a["score"] < 1 and c != "performance"
    )
    return scores


def main(argv: list[str]) -> int:
    site = Path(argv[0]) if argv else ROOT / "site"
    if not (site / "index.html").exists():
        print(f"{site}: no built site (run make build)", file=sys.stderr)
        return 2
    with serving(site) as base:  # as deployed: nginx with the site's headers, compression and 404 pages
        _lighthouse_table(base)
    print("\nChecks held at zero (axe-core, Nu HTML Checker, links and anchors, outside requests):", flush=True)
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "tests/test_audit.py"], cwd=ROOT)
    return result.returncode


def _lighthouse_table(base: str) -> None:
    print(f"Lighthouse {RUNS} runs per page (mobile), median, served by nginx (deploy/nginx.conf)")
    print(
        f"{'page':<16} {'perf':>5} {'a11y':>5} {'b-p':>5} {'seo':>5} {'weight kB':>10} {'csp-xss':>8}  failing audits"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for name, path in PAGES.items():
            runs = [lighthouse(base + path, Path(tmp)) for _ in range(RUNS)]
            median = {key: statistics.median(run[key] for run in runs) for key in (*CATEGORIES, "weight_kb")}
            failing = sorted({audit for run in runs for audit in run["failing"]})
            csp = "pass" if all(run["csp_xss"] == 1 for run in runs) else "FAIL"
            print(
                f"{name:<16} {median['performance']:>5.0f} {median['accessibility']:>5.0f} "
                f"{median['best-practices']:>5.0f} {median['seo']:>5.0f} {median['weight_kb']:>10.0f} {csp:>8}  "
                f"{', '.join(failing) or '-'}",
                flush=True,
            )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
