"""Scale benchmark: build a synthetic archive of N articles made from the seeds, and print a table.

    python -m hiwar.tools.bench_archive [N ...]        (default: 5 200 1000)

For each N (best of two cold runs): full build time of our pipeline (mkdocs build with the project's hooks: conversion,
feeds, citations, search normalisation) against a plain `mkdocs build` of the same generated
Markdown (same theme and plugins, none of our hooks), their ratio, peak memory, site size, search
index size, HTML size per article; then one seed is changed and the converter runs again with
its cache: how many seeds it re-converts, how many of the generated Markdown pages it renders
(an article's own pages, and the listing pages that show it) and writes, and how long that takes.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

from hiwar.enrich.collection import collect
from hiwar.tools.synthetic import synthetic_seeds

MKDOCS = [sys.executable, "-m", "mkdocs"]
RUNS = 2
TITLES = ["قراءة في", "ملف:", "تحليل:", "بعد", "أسئلة حول", "ماذا بعد"]


def project(base: Path, seeds: Path) -> Path:
    """This project's site configuration around another folder of seeds."""
    root = base / "project"
    root.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    for name in ("hooks", "overrides", "scripts"):
        (root / name).symlink_to(ROOT / name)
    shutil.copytree(ROOT / "docs", root / "docs", ignore=shutil.ignore_patterns("articles", "parallel", "topics"),
                    symlinks=True)
    shutil.copytree(seeds, root / "seeds")
    (root / "editorial").mkdir()
    for name in ("tags.yml", "events.yml", "names.yml", "glossary.yml"):
        shutil.copy(ROOT / "editorial" / name, root / "editorial" / name)
    return root


def plain_config(root: Path) -> Path:
    """The same configuration without the project's hooks: what MkDocs and its plugins cost alone."""
    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^hooks:\n(?:[ \t]+-[^\n]*\n)+", "", text)  # that block only: the rest is the same site
    if "hooks:" in text or "nav:" not in text or "markdown_extensions:" not in text:
        raise SystemExit("bench: could not take the hooks out of mkdocs.yml and keep the rest")
    path = root / "mkdocs-plain.yml"
    path.write_text(text, encoding="utf-8")
    return path


def timed(command: list[str], cwd: Path, env: dict) -> tuple[float, float]:
    """Wall seconds and peak resident memory (MB) of one command."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"{' '.join(command)} failed: {process.stderr.read().decode()[-2000:]}")
    return seconds, usage.ru_maxrss / 1024


def size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def bench(count: int) -> dict:
    with tempfile.TemporaryDirectory(prefix=f"hiwar-bench-{count}-") as tmp:
        base = Path(tmp)
        synthetic_seeds(base / "seeds", count)
        root = project(base, base / "seeds")
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "scripts")}
        ours_runs, plain_runs = [], []
        for _ in range(RUNS):  # best of RUNS: a 2-core machine's timings are noisy; every run starts cold
            shutil.rmtree(root / "build", ignore_errors=True)
            ours_runs.append(timed([*MKDOCS, "build", "-q", "-f", str(root / "mkdocs.yml"), "-d", str(base / "site")], root, env))
            plain_runs.append(timed([*MKDOCS, "build", "-q", "-f", str(plain_config(root)), "-d", str(base / "plain")], root, env))
        (ours, ours_mb), (plain, plain_mb) = min(ours_runs), min(plain_runs)
        site = base / "site"
        articles = list((site / "articles").glob("*/index.html"))
        # One seed changes: the converter, with its cache warm from the build above, runs again.
        changed = sorted((root / "seeds").glob("*.txt"))[count // 2]
        changed.write_text(changed.read_text(encoding="utf-8") + "\nوأضاف المحرر جملة جديدة.\n", encoding="utf-8")
        start = time.perf_counter()
        collection = collect(root / "seeds", root / "editorial", root / "build" / "cache")
        counts = build_pages(collection, root / "docs")
        incremental = time.perf_counter() - start
        return {
            "articles": count, "ours_s": ours, "plain_s": plain, "ratio": ours / plain, "ours_mb": ours_mb,
            "plain_mb": plain_mb, "site_mb": size(site) / 1e6,
            "index_kb": (site / "search" / "search_index.json").stat().st_size / 1e3,
            "html_kb": sum(p.stat().st_size for p in articles) / len(articles) / 1e3,
            "reconverted": len(collection.converted), "incremental_s": incremental,
            "pages": counts.pages, "rendered": counts.rendered, "written": counts.written,
        }


def main(argv: list[str]) -> int:
    counts = [int(a) for a in argv] or [5, 200, 1000]
    print(f"{'articles':>8} {'ours s':>8} {'plain s':>8} {'ratio':>6} {'ours MB':>8} {'plain MB':>8} {'site MB':>8} "
          f"{'index kB':>9} {'HTML kB/art':>11} {'re-conv':>7} {'pages':>6} {'render':>6} {'write':>6} {'incr s':>7}")
    for count in counts:
        r = bench(count)
        print(f"{r['articles']:>8} {r['ours_s']:>8.1f} {r['plain_s']:>8.1f} {r['ratio']:>6.2f} {r['ours_mb']:>8.0f} "
              f"{r['plain_mb']:>8.0f} {r['site_mb']:>8.1f} {r['index_kb']:>9.0f} {r['html_kb']:>11.1f} "
              f"{r['reconverted']:>7} {r['pages']:>6} {r['rendered']:>6} {r['written']:>6} {r['incremental_s']:>7.2f}",
              flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
