"""make bench: a synthetic archive of N articles, built as a user builds it, against plain MkDocs.

    python -m hiwar_tools.bench_archive [--runs R] [--skip-serve] [--skip-browser] [--keep DIR] [--json FILE] [N ...]

For each N (default 5 200 1000) a project is made like this one (its Makefile, mkdocs.yml, docs/, overrides and
environments, linked or copied) around N synthetic seeds with their English translations (tools/synthetic.py) and
the project's shared editorial files (tags, events, names, glossary). Then, printed as one table per N and a
summary across sizes, every timing with the machine's 1-minute load before→after it:

1. Cold `make build`: the Makefile's own target run in that project (font subset, both editions, the offline
   edition, its zip, publish), best of R runs, each starting from nothing (no build/, site/, site-offline/,
   dist/); against one plain `mkdocs build` of the same Markdown pages (`python -m hiwar pages`, plus the
   hand-written pages and assets of docs/), with mkdocs-material alone: the project's theme settings, Markdown
   extensions and navigation, without the hiwar plugin and the overrides (they read the plugin's view), best of
   R, runs alternating with ours so both see the same load. Where our time goes: make's steps (timed from the
   moment make echoes each command) and the plugin's stages (it prints one line per stage when its output is
   not a terminal).
2. Warm `make build` after one seed is edited (a new sentence in the middle of a paragraph), R times, a different
   seed each time: the time, the pages each edition rendered and reused (MkDocs' INFO messages: the build runs
   with VERBOSE=1), and whether the edited page shows the sentence, online and offline.
3. Memory of the whole build: see bench_process.py.
4. Sizes: the site folder, the offline folder and zip, the HTML of each article page (mean, max) per edition,
   the home pages and the largest other page, the search folder, the largest file of the offline edition.
5. Preview: `make serve` (the Makefile's target, SERVE_ADDR on a free port of 127.0.0.1) on the archive, after the
   warm builds (`make build` has run): the time until it serves an article page; then three kinds of save, each
   PREVIEW_REPEATS times on other articles, each after the previous rebuild ended: a sentence in the middle of a
   seed's paragraph, a sentence at the end of a translation's line, a NAME.yml giving a summary and a topic; for
   each, the seconds from the save until the served page (polled over http every 20 ms) shows it, and until the
   server says that the rebuild ended; the median per kind.
6. Search, in Debian's chromium-headless-shell through Playwright: the home page of each edition is opened with
   an empty cache, one query is typed into the search box, and what loads until its first results are shown
   is counted: gzipped bytes from a static host that gzips as GitHub Pages does (bench_search.CountingHost),
   and from file:// the size of every file the page requested; and the time from the query to its first
   results (the box's own 80 ms typing delay included), in the offline edition.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import html
import http.server
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml
from tqdm import tqdm

from hiwar.ingest.naming import slug
from hiwar_tools.bench_process import Measured, Run, run
from hiwar_tools.synthetic import synthetic_seeds

ROOT = Path(__file__).resolve().parents[2]
RUNS = 2
# The project's files a copy uses as they are (its environments too: `make bench` has made them).
LINKED = (
    "Makefile",
    ".venv",
    "node_modules",
    "package.json",
    "package-lock.json",
    "pyproject.toml",
    "requirements.txt",
    "requirements-test.txt",
    "constraints.txt",
    "scripts",
    "overrides",
)
SHARED_EDITORIAL = ("tags.yml", "events.yml", "names.yml", "glossary.yml")
# make must not set up environments from the copy (its files are links to this project's): `-o` each of them.
NOT_REMADE = (".venv/.build-deps", ".venv/.plugin", "node_modules/.installed")
OUTPUTS = ("build", "site", "site-offline", "dist")  # what `make clean` removes: a cold build starts without them
# What configures our code rather than the theme: left out of the plain build's configuration.
OURS_IN_CONFIG = ("plugins", "hooks", "nav", "strict", "docs_dir", "site_dir")

STAGE_LINE = re.compile(r"^hiwar: (?P<stage>[^:]+): (?P<count>\d+) \S+ in (?P<seconds>[\d.]+) s$")
EDITION_LINE = re.compile(
    r"hiwar: (?P<lang>[\w-]+) edition: (?P<rendered>\d+) page\(s\) rendered, (?P<reused>\d+) reused"
)
# make's steps, by what make echoes when it starts each; the build's last line ends the last one.
MAKE_STEPS = (("fonts (make assets)", " -m hiwar assets "), ("build and publish", " -m hiwar build "))
BUILT = "built:"
ORDINALS = ("الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة", "الثامنة")
BUILD_TIMEOUT = 6 * 3600
PREVIEW_TIMEOUT = 1800  # per edit; the first serve build gets BUILD_TIMEOUT
PREVIEW_REPEATS = 3  # edits of each kind (a seed, a translation, a NAME.yml), each on another article
SEARCH_TIMEOUT_MS = 120_000
KB, MB = 1e3, 1e6


# ---- the archive ----------------------------------------------------------------------------------------------
def environment() -> dict:
    """The environment a user's shell gives make: none of the outer make's own variables (`make bench` runs us)."""
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES")}
    env.update(NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT / "scripts"))
    env.setdefault("SOURCE_DATE_EPOCH", _last_commit_time())
    return env


def _last_commit_time() -> str:
    found = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True)
    return found.stdout.strip() or "1577836800"


def make_project(base: Path, count: int, progress=lambda: None) -> Path:
    """This project around `count` synthetic seeds and their translations."""
    root = base / "project"
    root.mkdir(parents=True)
    for name in LINKED:
        (root / name).symlink_to(ROOT / name)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", root / "docs", symlinks=True)
    synthetic_seeds(root / "seeds", count, root / "editorial", progress=progress)
    for name in SHARED_EDITORIAL:
        shutil.copy(ROOT / "editorial" / name, root / "editorial" / name)
    return root


def editions(root: Path) -> list[tuple[str, str]]:
    """(language, folder prefix in the site) of every edition mkdocs.yml configures: the first at the root."""
    from hiwar.__main__ import _configured

    languages, _ = _configured(root / "mkdocs.yml")
    return [(lang, "" if i == 0 else f"{lang}/") for i, lang in enumerate(languages)]


# ---- builds ---------------------------------------------------------------------------------------------------
def make_build(root: Path, env: dict, on_line) -> Run:
    """`make build` in the project, as a user runs it, with the engine's messages shown (VERBOSE=1)."""
    command = ["make", "--no-print-directory", "-C", str(root)]
    for target in NOT_REMADE:
        command += ["-o", target]
    result = run([*command, "VERBOSE=1", "build"], root, env, on_line, BUILD_TIMEOUT)
    _check(result)
    return result


def cold_build(root: Path, env: dict, on_line) -> Run:
    for name in OUTPUTS:
        shutil.rmtree(root / name, ignore_errors=True)
    return make_build(root, env, on_line)


def plain_docs(root: Path, base: Path, env: dict) -> Path:
    """The same Markdown pages as a folder MkDocs reads: the converter's pages (`python -m hiwar pages`), the
    hand-written pages and assets of docs/, and the font subset the plugin adds to the site."""
    docs = base / "plain" / "docs"
    with (base / "plain-pages.log").open("wb") as log:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "hiwar",
                "pages",
                "--seeds",
                "seeds",
                "--out",
                str(docs),
                "--editorial",
                "editorial",
            ],
            cwd=root,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            check=True,
        )
    shutil.copytree(root / "docs", docs, dirs_exist_ok=True)
    shutil.copytree(ROOT / "build" / "assets", docs / "assets", dirs_exist_ok=True)
    return docs


def plain_config(root: Path, docs: Path) -> Path:
    """mkdocs.yml without our code: every block as it is but the plugins, hooks and the theme's custom_dir; the
    navigation the plugin gives each edition, as paths (same entries, untranslated titles); not strict, since
    the converter's links to files only the plugin writes (feeds, citations) would stop it."""
    blocks = _top_level_blocks((root / "mkdocs.yml").read_text(encoding="utf-8"))
    kept = []
    for key, block in blocks:
        if key in OURS_IN_CONFIG:
            continue
        if key == "theme":
            block, found = re.subn(r"(?m)^[ \t]+custom_dir:.*\n", "", block)
            if found != 1:
                raise SystemExit("bench: expected one theme.custom_dir in mkdocs.yml")
        kept.append(block)
    nav = yaml.safe_load(dict(blocks)["nav"])["nav"]
    plain_nav = [
        {f"{title} ({lang})": f"{lang}/{path}"}
        for lang, _ in editions(root)
        for item in nav
        for title, path in item.items()
    ]
    kept.append(
        yaml.safe_dump(
            {"docs_dir": str(docs), "strict": False, "plugins": [], "nav": plain_nav},
            allow_unicode=True,
            sort_keys=False,
        )
    )
    path = docs.parent / "mkdocs.yml"
    path.write_text("".join(kept), encoding="utf-8")
    return path


def _top_level_blocks(text: str) -> list[tuple[str | None, str]]:
    """The configuration as (top-level key, its lines), comments going with the block they follow."""
    blocks: list[tuple[str | None, str]] = [(None, "")]
    for line in text.splitlines(keepends=True):
        key = re.match(r"^([A-Za-z_][\w-]*):", line)
        if key:
            blocks.append((key.group(1), line))
        else:
            blocks[-1] = (blocks[-1][0], blocks[-1][1] + line)
    return blocks


def plain_build(config: Path, site: Path, env: dict, on_line) -> Run:
    shutil.rmtree(site, ignore_errors=True)
    result = run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(config), "-d", str(site)],
        config.parent,
        env,
        on_line,
        BUILD_TIMEOUT,
    )
    _check(result)
    return result


def _check(result: Run) -> None:
    if result.status != 0:
        raise SystemExit(
            f"bench: {' '.join(result.command)} failed ({result.status}) after {result.seconds:.0f} s:\n"
            + "\n".join(line for _, line in result.lines[-60:])
        )


def plugin_stages(result: Run) -> dict[str, float]:
    return stages_in(line for _, line in result.lines)


def stages_in(lines) -> dict[str, float]:
    """The plugin's own line per stage: 'hiwar: <stage>: <count> <unit> in <seconds> s'."""
    stages: dict[str, float] = {}
    for line in lines:
        found = STAGE_LINE.match(line)
        if found:
            stages[found["stage"]] = stages.get(found["stage"], 0.0) + float(found["seconds"])
    return stages


def make_steps(result: Run) -> dict[str, float]:
    """Seconds of each of make's steps, from the moment make echoed it to the next one (or the build's end)."""
    marks: list[tuple[str, float]] = []
    end = result.seconds
    for at, line in result.lines:
        for name, marker in MAKE_STEPS:
            if marker in f" {line} " and name not in dict(marks):
                marks.append((name, at))
        if line.startswith(BUILT):
            end = at
    steps = {"make starting": marks[0][1]} if marks else {}
    for (name, at), following in zip(marks, [m[1] for m in marks[1:]] + [end]):
        steps[name] = following - at
    return steps


def pages_per_edition(result: Run) -> dict[str, tuple[int, int]]:
    """(rendered, reused) per edition, from the plugin's INFO message."""
    return {
        m["lang"]: (int(m["rendered"]), int(m["reused"]))
        for _, line in result.lines
        if (m := EDITION_LINE.search(line))
    }


def run_summary(result: Run) -> dict:
    return {
        "seconds": result.seconds,
        "cpu_seconds": result.cpu_seconds,
        "load_before": result.load_before,
        "load_after": result.load_after,
        "largest_process_mb": result.largest_process_mb,
        "tree_mb": result.tree_mb,
    }


# ---- one seed edited --------------------------------------------------------------------------------------------
def new_sentence(number: int) -> str:
    return f"وهذه جملة جديدة أضافها المحرر للمرة {ORDINALS[number % len(ORDINALS)]} في وسط الفقرة."


def edit_seed(seed: Path, sentence: str) -> None:
    """Put `sentence` in the middle of the seed's longest paragraph, after the sentence end nearest its middle
    (the line count stays, so the translation stays aligned)."""
    lines = seed.read_text(encoding="utf-8").split("\n")
    index = max(range(2, len(lines)), key=lambda i: len(lines[i]))  # after the title and date lines
    line = lines[index]
    ends = [m.end() for m in re.finditer(r"[.!؟?] ", line)] or [m.end() for m in re.finditer(" ", line)]
    at = min(ends, key=lambda end: abs(end - len(line) / 2))
    lines[index] = f"{line[:at]}{sentence} {line[at:]}"
    seed.write_text("\n".join(lines), encoding="utf-8")


def shows(page_html: str, sentence: str) -> bool:
    """Whether the page's text holds the sentence (markup and punctuation aside: the converter may escape it)."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", page_html))
    words = lambda s: " ".join(re.findall(r"\w+", s))  # noqa: E731
    return words(sentence) in words(text)


def article_page(site: Path, prefix: str, seed: Path) -> Path:
    return site / prefix / "articles" / slug(seed.stem) / "index.html"


def warm_build(root: Path, env: dict, seed: Path, number: int, on_line) -> dict:
    sentence = new_sentence(number)
    edit_seed(seed, sentence)
    result = make_build(root, env, on_line)
    shown = {
        where: shows(article_page(root / where, "", seed).read_text(encoding="utf-8"), sentence)
        for where in ("site", "site-offline")
    }
    return {
        **run_summary(result),
        "seed": seed.name,
        "pages": pages_per_edition(result),
        "shows": shown,
        "stages": plugin_stages(result),
        "steps": make_steps(result),
    }


# ---- sizes ------------------------------------------------------------------------------------------------------
def folder_stats(folder: Path) -> dict:
    """Bytes (apparent sizes: the offline edition shares files with the site as hard links), files, largest."""
    total, files, largest = 0, 0, (0, "")
    for top, _, names in os.walk(folder):
        for name in names:
            path = Path(top, name)
            size = path.stat().st_size
            total, files = total + size, files + 1
            largest = max(largest, (size, path.relative_to(folder).as_posix()))
    return {"bytes": total, "files": files, "largest_bytes": largest[0], "largest": largest[1]}


def page_sizes(root: Path) -> dict:
    site = root / "site"
    result = {}
    for lang, prefix in editions(root):
        articles = [p.stat().st_size for p in (site / prefix / "articles").glob("*/index.html")]
        result[lang] = {
            "articles": len(articles),
            "mean_bytes": sum(articles) / max(len(articles), 1),
            "max_bytes": max(articles, default=0),
            "home_bytes": (site / prefix / "index.html").stat().st_size,
        }
    others = [p for p in site.rglob("index.html") if not ({"articles", "parallel"} & set(p.relative_to(site).parts))]
    biggest = max(others, key=lambda p: p.stat().st_size)
    result["largest_other"] = {"page": biggest.relative_to(site).as_posix(), "bytes": biggest.stat().st_size}
    return result


def sizes(root: Path) -> dict:
    zips = sorted((root / "dist").glob("*.zip"))
    return {
        "site": folder_stats(root / "site"),
        "offline": folder_stats(root / "site-offline"),
        "zip_bytes": zips[0].stat().st_size if zips else 0,
        "search": folder_stats(root / "site" / "search"),
        "pages": page_sizes(root),
        "zim_bytes": {path.name: path.stat().st_size for path in sorted((root / "dist").glob("*.zim"))},
        "epub_bytes": {path.name: path.stat().st_size for path in sorted((root / "dist").glob("*.epub"))},
    }


# ---- the preview ------------------------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return answer.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def wait_for(condition, timeout: float, interval: float = 0.05, alive=lambda: True) -> float | None:
    """Seconds until condition() holds, polling every `interval`; None after `timeout` or once alive() fails."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if condition():
            return time.perf_counter() - start
        if not alive():
            return None
        time.sleep(interval)
    return None


def lines_since(server: Measured, index: int, text: str) -> bool:
    return any(text in line for _, line in server.lines[index:])


def tree_cpu_seconds(top: int) -> float:
    from hiwar_tools.bench_process import _tree

    total = 0
    for pid in _tree(top):
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
            fields = stat[stat.rindex(")") + 2 :].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime (clock ticks)
        except (OSError, ValueError, IndexError):
            pass
    return total / os.sysconf("SC_CLK_TCK")


EDIT_KINDS = ("seed", "translation", "metadata")
# What the server prints when a rebuild has ended: `make serve` (python -m hiwar serve), or `mkdocs serve`.
REBUILT = ("hiwar: preview: rebuilt in", "Reloading browsers")
NOTICED = ("Detected file changes",)
UP_TO_DATE = ("; watching ", "Serving on")  # the server's first build has ended


def serve_command(root: Path, port: int) -> list[str]:
    """The Makefile's `serve` target, as a user runs it, on a free port."""
    command = ["make", "--no-print-directory", "-C", str(root)]
    for target in NOT_REMADE:
        command += ["-o", target]
    return [*command, "serve", f"SERVE_ADDR=127.0.0.1:{port}"]


def preview(root: Path, env: dict, seeds: list[Path], on_line, repeats: int = 3) -> dict:
    """`make serve` on the archive after `make build` has run: the time until it serves an article page, then for each
    kind of edit (a seed, a translation, a NAME.yml), `repeats` times on different articles, the time from the save
    until the served page shows it, and until the server says the rebuild ended."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    server = Measured(serve_command(root, port), root, env, on_line)
    alive = lambda: server.process.poll() is None  # noqa: E731
    result: dict = {"edits": []}
    try:
        url = base + f"articles/{slug(seeds[0].stem)}/"
        result["load_start"] = os.getloadavg()
        result["ready_seconds"] = wait_for(lambda: fetch(url) is not None, BUILD_TIMEOUT, 0.1, alive)
        result["load_ready"] = os.getloadavg()
        if result["ready_seconds"] is None:
            raise SystemExit("bench: make serve did not serve:\n" + server_output(server))
        wait_for(lambda: any(lines_since(server, 0, marker) for marker in UP_TO_DATE), BUILD_TIMEOUT, 0.1, alive)
        result["up_to_date_seconds"] = _line_after(server, 0, UP_TO_DATE, 0.0)  # its first build ended
        wait_for(lambda: False, 3)  # let the server settle before the idle measurement
        before, started = tree_cpu_seconds(server.pid), time.perf_counter()
        time.sleep(5)
        result["idle_cpu_percent"] = 100 * (tree_cpu_seconds(server.pid) - before) / (time.perf_counter() - started)
        picked = iter(seeds[1:])
        for number in range(repeats):
            for kind in EDIT_KINDS:
                result["edits"].append(preview_edit(server, base, root, kind, next(picked), number, alive))
    finally:
        stopped = server.stop()
        result.update(tree_mb=stopped.tree_mb, largest_process_mb=stopped.largest_process_mb)
        (root.parent / "serve.log").write_text(stopped.output(), encoding="utf-8")
    return result


ENGLISH_SENTENCE = "And this is a new sentence the translator added, number {number}."
EDITED_SUMMARY = (
    "ملخص جديد كتبه المحرر للمرة {number} عن هذا المقال.",
    "A new summary the editor wrote, number {number}.",
)


def edit_translation(translation: Path, sentence: str) -> None:
    """`sentence` at the end of the translation's longest line (the line count stays aligned with the seed)."""
    lines = translation.read_text(encoding="utf-8").split("\n")
    index = max(range(2, len(lines)), key=lambda i: len(lines[i]))
    lines[index] = f"{lines[index]} {sentence}"
    translation.write_text("\n".join(lines), encoding="utf-8")


def edit_metadata(metadata: Path, summary: tuple[str, str]) -> None:
    """A NAME.yml that gives the article a summary in both languages and a topic (its listings change too)."""
    text = yaml.safe_dump({"summary": {"ar": summary[0], "en": summary[1]}, "tags": ["iran"]}, allow_unicode=True)
    metadata.write_text(text, encoding="utf-8")


def preview_edit(server: Measured, base: str, root: Path, kind: str, seed: Path, number: int, alive) -> dict:
    """One save: seconds from the save until the served page shows it, and until the server says that it noticed
    the change and that the rebuild ended (its log lines' times)."""
    editorial = root / "editorial"
    if kind == "seed":
        sentence, url = new_sentence(10 + number), base + f"articles/{slug(seed.stem)}/"
        edit = lambda: edit_seed(seed, sentence)  # noqa: E731
    elif kind == "translation":
        sentence, url = ENGLISH_SENTENCE.format(number=number + 1), base + f"en/articles/{slug(seed.stem)}/"
        edit = lambda: edit_translation(editorial / f"{seed.stem}.en.txt", sentence)  # noqa: E731
    else:
        texts = tuple(text.format(number=number + 1) for text in EDITED_SUMMARY)
        sentence, url = texts[0], base + f"articles/{slug(seed.stem)}/"
        edit = lambda: edit_metadata(editorial / f"{seed.stem}.yml", texts)  # noqa: E731
    index, load = len(server.lines), os.getloadavg()
    edit()
    saved = time.perf_counter() - server.started
    shown = wait_for(lambda: shows(fetch(url) or "", sentence), PREVIEW_TIMEOUT, 0.02, alive)
    wait_for(lambda: any(lines_since(server, index, marker) for marker in REBUILT), PREVIEW_TIMEOUT, 0.05, alive)
    time.sleep(0.5)  # a rebuild the save started late (a second event) ends before the next edit
    return {
        "kind": kind,
        "seed": seed.name,
        "shown_seconds": shown,
        "load_before": load,
        "load_after": os.getloadavg(),
        "detected_seconds": _line_after(server, index, NOTICED, saved),
        "rebuilt_seconds": _line_after(server, index, REBUILT, saved),
        "stages": stages_in(line for _, line in server.lines[index:]),
    }


def _line_after(server: Measured, index: int, texts: tuple[str, ...], since: float) -> float | None:
    return next((at - since for at, line in server.lines[index:] if any(text in line for text in texts)), None)


def server_output(server: Measured) -> str:
    return "\n".join(line for _, line in server.lines[-60:])


# ---- search in the browser --------------------------------------------------------------------------------------
TYPE_QUERY = """async ([query, timeout]) => {
  const box = document.querySelector("[data-hiwar-search]");
  const input = box.querySelector("input[type=search]");
  const status = box.querySelector("[role=status]");
  const list = box.querySelector("ol");
  const start = performance.now();
  input.focus();  // the reader turns to the box: the query module loads the index's manifest
  input.value = query;
  input.dispatchEvent(new Event("input", {bubbles: true}));
  await new Promise((resolve, reject) => {
    // the status is announced once the first results are shown (ui.js)
    const done = () => { if (status.textContent.trim()) { observer.disconnect(); resolve(); } };
    const observer = new MutationObserver(done);
    observer.observe(status, {childList: true, characterData: true, subtree: true});
    setTimeout(() => reject(new Error("no results after " + timeout + " ms")), timeout);
    done();
  });
  return {ms: performance.now() - start, shown: list.children.length, status: status.textContent.trim()};
}"""


def search_online(browser, url: str, query: str) -> dict:
    from hiwar_tools.bench_search import CountingHost

    # an empty cache, and no service worker: its first download of the site's shell is not the query's
    context = browser.new_context(service_workers="block")
    try:
        page = context.new_page()
        page.goto(url, wait_until="networkidle")
        CountingHost.sent.clear()
        answer = page.evaluate(TYPE_QUERY, [query, SEARCH_TIMEOUT_MS])
        sent = list(CountingHost.sent)
        answer.update(
            bytes=sum(size for _, size in sent),
            requests=len(sent),
            largest=max(sent, key=lambda s: s[1], default=("", 0)),
        )
        return answer
    finally:
        context.close()


def search_offline(browser, path: Path, query: str) -> dict:
    context = browser.new_context()
    try:
        page = context.new_page()
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        page.goto(path.as_uri(), wait_until="networkidle")
        requested.clear()
        answer = page.evaluate(TYPE_QUERY, [query, SEARCH_TIMEOUT_MS])
        files = [Path(unquote(urlsplit(url).path)) for url in dict.fromkeys(requested) if url.startswith("file:")]
        sizes_ = [(f.as_posix(), f.stat().st_size) for f in files if f.is_file()]
        answer.update(
            bytes=sum(size for _, size in sizes_),
            requests=len(sizes_),
            largest=max(sizes_, key=lambda s: s[1], default=("", 0)),
        )
        return answer
    finally:
        context.close()


def search(root: Path) -> dict:
    from playwright.sync_api import sync_playwright

    from hiwar_tools.bench_search import QUERIES, CountingHost
    from hiwar_tools.browser import BROWSER, FLAGS

    handler = functools.partial(CountingHost, directory=str(root / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    script = root / "site" / "assets" / "javascripts" / "hiwar-search.js"
    result: dict = {"script_gzip_bytes": len(gzip.compress(script.read_bytes(), mtime=0)), "editions": {}}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=BROWSER, args=FLAGS)
            for lang, prefix in editions(root):
                if lang not in QUERIES:
                    continue
                query = QUERIES[lang]
                result["editions"][lang] = {
                    "query": query,
                    "load": os.getloadavg(),
                    "online": search_online(browser, base + prefix, query),
                    "offline": search_offline(browser, root / "site-offline" / prefix / "index.html", query),
                }
            browser.close()
    finally:
        server.shutdown()
    return result


# ---- progress ---------------------------------------------------------------------------------------------------
class Steps:
    """Where the benchmark is. On a terminal: a bar over the steps of one size, the current step with its own
    elapsed time and the latest line of the command it runs. Elsewhere: one line per step when it ends."""

    def __init__(self, count: int, total: int):
        self.count, self.interactive = count, sys.stderr.isatty()
        self.bar = tqdm(
            total=total,
            desc=f"bench {count}",
            unit=" steps",
            file=sys.stderr,
            dynamic_ncols=True,
            disable=not self.interactive,
            bar_format="{desc} {n}/{total} steps [{elapsed}] {postfix}",
        )
        self.latest, self._stop = "", threading.Event()

    def note(self, line: str) -> None:
        if line.strip():
            self.latest = line.strip()

    @contextmanager
    def step(self, name: str):
        started = time.perf_counter()
        self.bar.set_description(f"bench {self.count}: {name}")
        self.latest = ""
        said: dict = {"result": ""}
        self._stop.clear()
        ticker = threading.Thread(target=self._tick, args=(started,), daemon=True)
        ticker.start()
        try:
            yield said
        finally:
            self._stop.set()
            ticker.join()
            self.bar.update(1)
            if not self.interactive:
                print(
                    f"bench {self.count}: {name}: {said['result']} [{time.perf_counter() - started:.1f} s, "
                    f"load {os.getloadavg()[0]:.2f}]",
                    file=sys.stderr,
                    flush=True,
                )

    def _tick(self, started: float) -> None:
        while self.interactive and not self._stop.wait(0.5):
            self.bar.set_postfix_str(f"{time.perf_counter() - started:.0f} s · {self.latest[:80]}")

    def close(self) -> None:
        self.bar.close()


# ---- one size ---------------------------------------------------------------------------------------------------
def bench(count: int, base: Path, runs: int, serve: bool, browser: bool) -> dict:
    env = environment()
    steps = Steps(count, 3 + 2 * runs + runs + int(serve) + int(browser))
    result: dict = {"articles": count, "runs": runs, "cores": len(os.sched_getaffinity(0))}
    try:
        with steps.step("synthetic archive") as said:
            made = [0]

            def one_more() -> None:
                made[0] += 1
                if made[0] % 100 == 0 or made[0] == count:
                    steps.note(f"{made[0]}/{count} seeds and translations")

            root = make_project(base, count, one_more)
            said["result"] = f"{count} seeds and translations in {root}"
        with steps.step("plain pages (python -m hiwar pages)") as said:
            docs = plain_docs(root, base, env)
            config = plain_config(root, docs)
            said["result"] = f"{sum(1 for _ in docs.rglob('*.md'))} Markdown pages"
        cold, plain = [], []
        for n in range(runs):  # alternating, so that both see the same machine
            with steps.step(f"cold make build {n + 1}/{runs}") as said:
                cold.append(cold_build(root, env, steps.note))
                said["result"] = f"{cold[-1].seconds:.1f} s, peak {cold[-1].tree_mb:.0f} MB"
            with steps.step(f"plain mkdocs build {n + 1}/{runs}") as said:
                plain.append(plain_build(config, base / "plain" / "site", env, steps.note))
                said["result"] = f"{plain[-1].seconds:.1f} s"
        best = min(cold, key=lambda r: r.seconds)
        result.update(
            cold=[run_summary(r) for r in cold],
            plain=[run_summary(r) for r in plain],
            stages=plugin_stages(best),
            steps=make_steps(best),
        )
        with steps.step("sizes") as said:
            result["sizes"] = sizes(root)
            said["result"] = f"site {result['sizes']['site']['bytes'] / MB:.0f} MB"
        if browser:
            with steps.step("search in the browser") as said:
                result["search"] = search(root)
                said["result"] = "; ".join(
                    f"{lang} {e['online']['bytes'] / KB:.0f} kB online, {e['offline']['ms']:.0f} ms offline"
                    for lang, e in result["search"]["editions"].items()
                )
        seeds = sorted((root / "seeds").glob("*.txt"))
        result["warm"] = []
        for n in range(runs):
            with steps.step(f"warm make build {n + 1}/{runs} (one seed edited)") as said:
                result["warm"].append(warm_build(root, env, seeds[(count // 2 + n) % count], n, steps.note))
                said["result"] = f"{result['warm'][-1]['seconds']:.1f} s"
        if serve:
            with steps.step("preview (make serve)") as said:
                picked = [seeds[(count // 3 + n) % count] for n in range(1 + PREVIEW_REPEATS * len(EDIT_KINDS))]
                result["preview"] = preview(root, env, picked, steps.note, PREVIEW_REPEATS)
                said["result"] = f"serving after {result['preview']['ready_seconds']:.1f} s; " + "; ".join(
                    f"{kind} {_median_text(shown)}" for kind, shown in preview_medians(result["preview"]).items()
                )
    finally:
        steps.close()
    return result


# ---- the tables -------------------------------------------------------------------------------------------------
COLUMNS = ("measure", "value", "target", "verdict", "load 1 min (before→after)")
SUMMARY = (
    "articles",
    "cold make build s",
    "plain mkdocs build s",
    "ratio",
    "warm make build s",
    "pages rendered (warm)",
    "peak memory MB",
    "site MB",
    "zip MB",
    "HTML kB/article (mean, max)",
    "preview (median per edit)",
    "first serve s",
    "search online kB",
    "search offline ms",
    "largest search file kB",
    "largest offline file MB",
)


def preview_medians(preview: dict) -> dict[str, list[float | None]]:
    """The seconds until each kind of edit showed, by kind, in the order of EDIT_KINDS."""
    shown: dict[str, list[float | None]] = {}
    for edit in preview.get("edits", []):
        shown.setdefault(edit.get("kind", "seed"), []).append(edit["shown_seconds"])
    return {kind: shown[kind] for kind in EDIT_KINDS if kind in shown}


def _median_text(shown: list[float | None]) -> str:
    if not shown or None in shown:
        return f"not shown ({shown.count(None)} of {len(shown)})"
    return f"{statistics.median(shown):.2f} s"


def _load(before, after) -> str:
    return f"{before[0]:.2f}→{after[0]:.2f}"


def _verdict(value: float | None, limit: float) -> str:
    return "–" if value is None else ("met" if value <= limit else "missed")


def _seconds(runs: list[dict]) -> str:
    best = min(runs, key=lambda r: r["seconds"])
    every = ", ".join(f"{r['seconds']:.1f}" for r in runs)
    return f"{best['seconds']:.1f} s (runs {every}; CPU {best['cpu_seconds']:.0f} s)"


def _breakdown(seconds: dict[str, float]) -> str:
    return ", ".join(f"{name} {value:.1f} s" for name, value in seconds.items() if value >= 0.05)


def _where(steps: dict[str, float], stages: dict[str, float]) -> str:
    """make's steps, the plugin's stages inside the mkdocs build, and what of it lies outside them."""
    parts = []
    for name, seconds in steps.items():
        if seconds < 0.05:
            continue
        if name == "build and publish" and stages:
            rest = seconds - sum(stages.values())
            parts.append(f"{name} {seconds:.1f} s ({_breakdown(stages)}; outside the stages {rest:.1f} s)")
        else:
            parts.append(f"{name} {seconds:.1f} s")
    return "; ".join(parts)


def _best(runs: list[dict]) -> dict:
    return min(runs, key=lambda r: r["seconds"])


def rows(r: dict) -> list[tuple[str, str, str, str, str]]:
    """The table of one size: (measure, value, target, verdict, load)."""
    cold, plain = _best(r["cold"]), _best(r["plain"])
    ratio = cold["seconds"] / plain["seconds"]
    out = [
        ("cold make build (best of runs)", _seconds(r["cold"]), "", "", _load(cold["load_before"], cold["load_after"])),
        (
            "plain mkdocs build of the same pages (best of runs)",
            _seconds(r["plain"]),
            "",
            "",
            _load(plain["load_before"], plain["load_after"]),
        ),
        (
            "ratio cold / plain",
            f"{ratio:.2f}×",
            "≤ 1.0× (≤ 1.3× in any case)",
            "met" if ratio <= 1.0 else "within 1.3×" if ratio <= 1.3 else "missed",
            "",
        ),
        # CPU seconds depend less on what else the machine runs; a build that uses both cores has a ratio of
        # wall times below this one.
        (
            "ratio of CPU seconds, cold / plain (best runs)",
            f"{cold['cpu_seconds'] / plain['cpu_seconds']:.2f}×",
            "",
            "",
            "",
        ),
    ]
    for name, seconds in r["steps"].items():
        if name == "make starting" and seconds < 0.05:
            continue
        out.append((f"  make step: {name}", f"{seconds:.1f} s", "", "", ""))
    for name, seconds in r["stages"].items():
        out.append((f"  plugin stage: {name}", f"{seconds:.1f} s", "", "", ""))
    if "build and publish" in r["steps"]:
        rest = r["steps"]["build and publish"] - sum(r["stages"].values())
        out.append(("  the build outside the plugin's stages", f"{rest:.1f} s", "", "", ""))
    for w in r["warm"]:
        pages = ", ".join(f"{lang} {a} rendered / {b} reused" for lang, (a, b) in w["pages"].items())
        out.append(
            (
                f"warm make build, {w['seed']} edited",
                f"{w['seconds']:.1f} s (CPU {w['cpu_seconds']:.0f} s)",
                "≤ 10 s (at 1,000)",
                _verdict(w["seconds"], 10),
                _load(w["load_before"], w["load_after"]),
            )
        )
        out.append(("  pages rendered / reused", pages, "only the article's pages and listings", "", ""))
        out.append(("  where the time goes", _where(w["steps"], w["stages"]), "", "", ""))
        out.append(
            (
                "  edited page shows the change",
                ", ".join(f"{k}: {'yes' if v else 'NO'}" for k, v in w["shows"].items()),
                "yes",
                "",
                "",
            )
        )
    out += [
        (
            "peak memory, whole build (sum of PSS, sampled)",
            f"{cold['tree_mb']:.0f} MB",
            "≤ 4 GB (at 10,000)",
            _verdict(cold["tree_mb"], 4096),
            "",
        ),
        ("peak memory, largest single process (max RSS)", f"{cold['largest_process_mb']:.0f} MB", "", "", ""),
        (
            "peak memory, plain build",
            f"{plain['tree_mb']:.0f} MB (largest process {plain['largest_process_mb']:.0f} MB)",
            "",
            "",
            "",
        ),
    ]
    s = r["sizes"]
    out += [
        ("site folder", f"{s['site']['bytes'] / MB:.1f} MB in {s['site']['files']} files", "", "", ""),
        ("offline folder", f"{s['offline']['bytes'] / MB:.1f} MB in {s['offline']['files']} files", "", "", ""),
        ("offline zip", f"{s['zip_bytes'] / MB:.1f} MB", "", "", ""),
        (
            "e-books (EPUB)",
            ", ".join(f"{name} {size / MB:.2f} MB" for name, size in s.get("epub_bytes", {}).items()) or "–",
            "",
            "",
            "",
        ),
        (
            "Kiwix editions (ZIM)",
            ", ".join(f"{name} {size / MB:.2f} MB" for name, size in s.get("zim_bytes", {}).items()) or "–",
            "",
            "",
            "",
        ),
        # The "no file over 5 MB" is about what offline search loads from file://; the largest file
        # overall is a download (the collection's reference files), shown without a target.
        (
            "search folder",
            f"{s['search']['bytes'] / MB:.1f} MB in {s['search']['files']} files, largest "
            f"{s['search']['largest_bytes'] / KB:.0f} kB",
            "no file over 5 MB",
            _verdict(s["search"]["largest_bytes"], 5 * MB),
            "",
        ),
        (
            "largest file of the offline edition",
            f"{s['offline']['largest_bytes'] / MB:.2f} MB ({s['offline']['largest']})",
            "",
            "",
            "",
        ),
    ]
    for lang, p in s["pages"].items():
        if lang == "largest_other":
            out.append(("largest other page (listings)", f"{p['bytes'] / KB:.1f} kB ({p['page']})", "", "", ""))
            continue
        out.append(
            (
                f"HTML per article page, {lang} (mean, max)",
                f"{p['mean_bytes'] / KB:.1f} kB, {p['max_bytes'] / KB:.1f} kB ({p['articles']} pages)",
                "≤ 40 kB",
                _verdict(p["max_bytes"], 40 * KB),
                "",
            )
        )
        out.append((f"home page, {lang}", f"{p['home_bytes'] / KB:.1f} kB", "", "", ""))
    if "preview" in r:
        v = r["preview"]
        out.append(
            (
                "preview: make serve serving an article after (make build ran before)",
                f"{v['ready_seconds']:.1f} s",
                "≤ 10 s (at 1,000)",
                _verdict(v["ready_seconds"], 10),
                _load(v.get("load_start", v["load_ready"]), v["load_ready"]),
            )
        )
        if v.get("up_to_date_seconds") is not None:
            out.append(
                (
                    "preview: its first build (the inputs checked against the last build's) ended after",
                    f"{v['up_to_date_seconds']:.1f} s",
                    "",
                    "",
                    "",
                )
            )
        out.append(("preview: server's idle CPU", f"{v['idle_cpu_percent']:.0f} %", "", "", ""))
        for kind, shown in preview_medians(v).items():
            edits = [e for e in v["edits"] if e.get("kind", "seed") == kind]
            each = ", ".join("not shown" if e["shown_seconds"] is None else f"{e['shown_seconds']:.2f}" for e in edits)
            rebuilt = ", ".join("–" if e["rebuilt_seconds"] is None else f"{e['rebuilt_seconds']:.2f}" for e in edits)
            out.append(
                (
                    f"preview: {kind} edit shown after (median of {len(edits)})",
                    f"{_median_text(shown)} (each {each} s; rebuild ended after {rebuilt} s)",
                    "≤ 2 s (at 1,000; goal 1 s)",
                    _verdict(statistics.median(shown) if shown and None not in shown else None, 2),
                    _load(edits[0]["load_before"], edits[-1]["load_after"]),
                )
            )
            stages = [_breakdown(e["stages"]) for e in edits if e["stages"]]
            if stages:
                out.append((f"  where a {kind} edit's rebuild goes", stages[0], "", "", ""))
        out.append(("preview: server's peak memory (sum of PSS)", f"{v['tree_mb']:.0f} MB", "", "", ""))
    if "search" in r:
        q = r["search"]
        out.append(
            ("search: query module loaded with every page (gzip)", f"{q['script_gzip_bytes'] / KB:.1f} kB", "", "", "")
        )
        for lang, e in q["editions"].items():
            on, off = e["online"], e["offline"]
            out.append(
                (
                    f"search online, {lang} «{e['query']}»: downloaded (gzip)",
                    f"{on['bytes'] / KB:.1f} kB in {on['requests']} requests; {on['shown']} results shown "
                    f"after {on['ms']:.0f} ms ({on['status']})",
                    "≤ 300 kB (at 10,000)",
                    _verdict(on["bytes"], 300 * KB),
                    _load(e["load"], e["load"]),
                )
            )
            out.append(
                (
                    f"search offline, {lang}: files loaded",
                    f"{off['bytes'] / KB:.1f} kB in {off['requests']} files, largest {off['largest'][1] / KB:.0f} kB",
                    "",
                    "",
                    "",
                )
            )
            out.append(
                (
                    f"search offline, {lang}: first results after",
                    f"{off['ms']:.0f} ms ({off['shown']} shown)",
                    "≤ 1 s (at 10,000)",
                    _verdict(off["ms"] if off["shown"] else None, 1000),
                    "",
                )
            )
    return out


def table(r: dict) -> str:
    lines = [
        f"### {r['articles']} articles (synthetic, with English translations; {r['cores']} cores; "
        f"best of {r['runs']} cold runs)",
        "",
        "| " + " | ".join(COLUMNS) + " |",
        "|" + "---|" * len(COLUMNS),
    ]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows(r)]
    return "\n".join(lines)


def summary_row(r: dict) -> list[str]:
    cold, plain = _best(r["cold"]), _best(r["plain"])
    warm = _best(r["warm"])
    pages = r["sizes"]["pages"]
    html_kb = "; ".join(
        f"{lang} {p['mean_bytes'] / KB:.1f}, {p['max_bytes'] / KB:.1f}"
        for lang, p in pages.items()
        if lang != "largest_other"
    )
    preview = "; ".join(
        f"{kind} {_median_text(shown)}" for kind, shown in preview_medians(r.get("preview", {})).items()
    )
    preview = preview or "–"
    editions_ = r.get("search", {}).get("editions", {})
    online = "; ".join(f"{lang} {e['online']['bytes'] / KB:.0f}" for lang, e in editions_.items()) or "–"
    offline = "; ".join(f"{lang} {e['offline']['ms']:.0f}" for lang, e in editions_.items()) or "–"
    return [
        str(r["articles"]),
        f"{cold['seconds']:.1f}",
        f"{plain['seconds']:.1f}",
        f"{cold['seconds'] / plain['seconds']:.2f}×",
        f"{warm['seconds']:.1f}",
        str(sum(a for a, _ in warm["pages"].values())),
        f"{cold['tree_mb']:.0f}",
        f"{r['sizes']['site']['bytes'] / MB:.1f}",
        f"{r['sizes']['zip_bytes'] / MB:.1f}",
        html_kb,
        preview,
        f"{r['preview']['ready_seconds']:.1f}" if r.get("preview", {}).get("ready_seconds") is not None else "–",
        online,
        offline,
        f"{r['sizes']['search']['largest_bytes'] / KB:.0f}",
        f"{r['sizes']['offline']['largest_bytes'] / MB:.2f}",
    ]


def summary(results: list[dict]) -> str:
    lines = ["### Across sizes", "", "| " + " | ".join(SUMMARY) + " |", "|" + "---|" * len(SUMMARY)]
    lines += ["| " + " | ".join(summary_row(r)) + " |" for r in results]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench_archive", description=__doc__.split("\n\n")[0])
    parser.add_argument("counts", nargs="*", type=int, default=[5, 200, 1000], help="archive sizes (articles)")
    parser.add_argument("--runs", type=int, default=RUNS, help="cold builds (best of) and warm builds per size")
    parser.add_argument("--skip-serve", action="store_true", help="leave out the preview (make serve)")
    parser.add_argument("--skip-browser", action="store_true", help="leave out the search in the browser")
    parser.add_argument("--keep", type=Path, help="work in this folder (emptied first) and keep it")
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    args = parser.parse_args(argv)
    results = []
    with tempfile.TemporaryDirectory(prefix="hiwar-bench-") as tmp:
        work = args.keep.resolve() if args.keep else Path(tmp)
        for count in args.counts:
            base = work / str(count)
            shutil.rmtree(base, ignore_errors=True)
            result = bench(count, base, args.runs, not args.skip_serve, not args.skip_browser)
            results.append(result)
            print(table(result) + "\n", flush=True)
            if args.json:
                args.json.parent.mkdir(parents=True, exist_ok=True)
                args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
            if not args.keep:
                shutil.rmtree(base, ignore_errors=True)  # at 10,000 a size's folder holds gigabytes
    print(summary(results), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
