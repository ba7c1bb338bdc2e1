"""Search benchmark: our chunked index against Pagefind on synthetic archives made from the seeds.

    python -m hiwar_tools.bench_search [N ...]          (default: 1000)
    python -m hiwar_tools.bench_search --pagefind PYTHON [N ...]

For each N: both editions' articles (N each, made from the five seeds and their translations as
bench_archive makes them) and a few listing pages are indexed by our writer and, when a Python with the
`pagefind[extended]` package is given, by Pagefind through its Python API (our folding applied through
the API: the folded forms are added to each record, and the query is folded before it is searched).
Then, in the test browser, one query of each edition with its first 10 results: bytes sent by a static
host with gzip (everything the search loads), time to first results, and whether it works from file://.
The public query set (tests/search_queries.yml) says how many of the reader's own edition each finds.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import html
import http.server
import io
import json
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml

from hiwar.knowledge.names import find_names, load_names
from hiwar.knowledge.searchtext import index_tokens, query_terms
from hiwar.site.search import SearchDocument, index_files, search_assets
from hiwar_tools import synthetic
from hiwar_tools.browser import BROWSER, FLAGS

ROOT = Path(__file__).resolve().parents[2]
TITLES = {"ar": synthetic.TITLES, "en": synthetic.TITLES_EN}  # the titles bench_archive's seeds get
QUERIES = {"ar": "الحكومة العراقية", "en": "Iraqi government"}
LISTINGS = 4  # listing pages per edition (home, topics, people, timeline): each links to many articles


def synthetic_documents(count: int) -> list[SearchDocument]:
    """`count` articles per edition made from the seeds (distinct paragraphs, titles and dates), and listings."""
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    names = load_names(ROOT / "editorial" / "names.yml")
    spellings = {}
    sources = {}
    for seed in seeds:
        text = seed.read_text(encoding="utf-8")
        english = (ROOT / "editorial" / f"{seed.stem}.en.txt").read_text(encoding="utf-8")
        found = find_names(list(enumerate(text.splitlines())), names)
        spellings[seed.stem] = " ".join(
            f"{n.labels['ar']} {n.labels['en']} {' '.join(' '.join(f) for f in n.forms)}"
            for n in names
            if n.id in found
        )
        sources[seed.stem] = {
            "ar": [line for line in text.splitlines() if len(line.split()) > 12],
            "en": [line for line in english.splitlines() if len(line.split()) > 12],
        }
    rng = random.Random(count)
    documents = []
    titles = {"ar": [], "en": []}
    for n in range(count):
        seed = seeds[n % len(seeds)].stem
        day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2020, 2024)
        for lang, prefix, label in (("ar", "", synthetic.LABEL["ar"]), ("en", "en/", synthetic.LABEL["en"])):
            lines = [f"{line} ({label} {n + 1})" for line in sources[seed][lang]]
            rng.shuffle(lines)
            title = f"{rng.choice(TITLES[lang])} {synthetic.SUBJECT[lang]}: {label} {n + 1}"
            titles[lang].append(title)
            documents.append(
                SearchDocument(
                    url=f"{prefix}articles/{n:05d}_{seed}/",
                    lang=lang,
                    title=title,
                    text="\n".join(lines),
                    extra=spellings[seed],
                    date=f"{year}-{month:02d}-{day:02d}",
                )
            )
    for lang, prefix in (("ar", ""), ("en", "en/")):
        for k, name in enumerate(("", "topics/", "people/", "timeline/")[:LISTINGS]):
            documents.append(
                SearchDocument(
                    url=f"{prefix}{name}",
                    lang=lang,
                    title=f"{name or 'home'} {lang}",
                    text="\n".join(titles[lang][k::LISTINGS]),
                    boost=0.25,
                )
            )
    return documents


class CountingHost(http.server.SimpleHTTPRequestHandler):
    """A static host that gzips text as GitHub Pages or a CDN would, and counts the bytes it sends."""

    COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".txt")
    sent: list[tuple[str, int]] = []

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_file() and path.suffix in self.COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(path.read_bytes(), mtime=0)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.sent.append((self.path, len(body)))
            return io.BytesIO(body)
        if path.is_file():
            self.sent.append((self.path, path.stat().st_size))
        return super().send_head()


OURS_PAGE = """<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>t</title></head><body>
<script src="../assets/javascripts/hiwar-search.js"></script></body></html>"""
OURS_RUN = """async ([query, lang]) => {
  const start = performance.now();
  const found = await window.hiwarSearch.search(query, lang);
  const pages = await Promise.all(found.results.slice(0, 10).map(r => window.hiwarSearch.page(r.number)));
  return {ms: performance.now() - start, count: found.results.length, shown: pages.length,
          own: found.results.filter(r => r.own === 0).length};
}"""
OURS_TYPED = """async ([query, lang]) => {  // every state of the box while the query is typed, then its results
  const start = performance.now();
  let found;
  for (let end = 1; end <= query.length; end++) found = await window.hiwarSearch.search(query.slice(0, end), lang);
  const pages = await Promise.all(found.results.slice(0, 10).map(r => window.hiwarSearch.page(r.number)));
  return {ms: performance.now() - start, count: found.results.length, shown: pages.length};
}"""
PAGEFIND_PAGE = """<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>t</title></head><body>
</body></html>"""
PAGEFIND_RUN = """async ([query, lang]) => {
  const start = performance.now();
  const pagefind = await import(new URL("../pagefind/pagefind.js", location.href).href);
  await pagefind.options({basePath: new URL("../pagefind/", location.href).href});
  const found = await pagefind.search(query);
  const pages = await Promise.all(found.results.slice(0, 10).map(r => r.data()));
  return {ms: performance.now() - start, count: found.results.length, shown: pages.length, own: found.results.length};
}"""


def write_ours(documents, site: Path) -> dict:
    start = time.perf_counter()
    files, stats = index_files(documents)
    for path, data in files.items():
        (site / "search" / path).parent.mkdir(parents=True, exist_ok=True)
        (site / "search" / path).write_bytes(data)
    seconds = time.perf_counter() - start
    for path, text in search_assets().items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(text, encoding="utf-8")
    return {
        "index_s": seconds,
        "files": stats.files,
        "mb": stats.bytes / 1e6,
        "largest_kb": stats.largest_file / 1e3,
        "chunks": stats.chunks,
    }


PAGEFIND_BUILD = r"""
import asyncio, json, sys, time
from pagefind.index import PagefindIndex, IndexConfig
records = json.load(open(sys.argv[1], encoding="utf-8"))
async def main():
    start = time.perf_counter()
    async with PagefindIndex(config=IndexConfig(output_path=sys.argv[2])) as index:
        for first in range(0, len(records), 200):  # the service takes records concurrently
            await asyncio.gather(*(index.add_custom_record(url="/" + r["url"], content=r["content"], language=r["lang"],
                                                           meta={"title": r["title"]})
                                   for r in records[first:first + 200]))
        await index.write_files(output_path=sys.argv[2])
    print("seconds", time.perf_counter() - start)
asyncio.run(main())
"""


def write_pagefind(documents, site: Path, python: str, workdir: Path) -> dict:
    records = []
    for document in documents:
        text = f"{document.text}\n{document.extra}"
        # Our folding through Pagefind's API: the folded forms of the page's words go into the record.
        folded = " ".join(dict.fromkeys(index_tokens(f"{document.title}\n{text}", document.lang)))
        records.append(
            {
                "url": document.url,
                "lang": document.lang,
                "title": document.title,
                "content": f"{document.title}\n{text}\n{folded}",
            }
        )
    (workdir / "records.json").write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    (workdir / "build.py").write_text(PAGEFIND_BUILD, encoding="utf-8")
    result = subprocess.run(
        [python, str(workdir / "build.py"), str(workdir / "records.json"), str(site / "pagefind")],
        capture_output=True,
        text=True,
        timeout=3600,
    )
    if result.returncode != 0:
        raise SystemExit(f"pagefind failed: {result.stderr[-2000:]}")
    files = [p for p in (site / "pagefind").rglob("*") if p.is_file()]
    seconds = [line.split()[1] for line in result.stdout.splitlines() if line.startswith("seconds ")]
    return {
        "index_s": float(seconds[-1]),
        "files": len(files),
        "mb": sum(p.stat().st_size for p in files) / 1e6,
        "largest_kb": max(p.stat().st_size for p in files) / 1e3,
        "chunks": len(files),
    }


def pagefind_cli(documents, site: Path, python: str, workdir: Path) -> dict:
    """Pagefind's own command line on the same records written as HTML pages: its indexing without the Python
    API, whose wrapper waits 0.1 s for each answer (234 s of the 1,000-article build)."""
    pages = workdir / "pagefind-pages"
    shutil.rmtree(pages, ignore_errors=True)
    for document in documents:
        text = f"{document.text}\n{document.extra}"
        folded = " ".join(dict.fromkeys(index_tokens(f"{document.title}\n{text}", document.lang)))
        target = pages / document.url / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        body = "".join(f"<p>{html.escape(line)}</p>" for line in f"{text}\n{folded}".splitlines())
        target.write_text(
            f'<!doctype html><html lang="{document.lang}"><head><meta charset="utf-8"><title>'
            f"{html.escape(document.title)}</title></head><body><h1>{html.escape(document.title)}</h1>"
            f"{body}</body></html>",
            encoding="utf-8",
        )
    binary = subprocess.run(
        [
            python,
            "-c",
            "import pagefind_bin_extended, pathlib; "
            "print(pathlib.Path(pagefind_bin_extended.__file__).with_name('pagefind_extended'))",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    start = time.perf_counter()
    subprocess.run(
        [binary, "--site", str(pages), "--output-path", str(site / "pagefind-cli"), "--silent"],
        check=True,
        timeout=3600,
    )
    seconds = time.perf_counter() - start
    files = [p for p in (site / "pagefind-cli").rglob("*") if p.is_file()]
    return {
        "index_s": seconds,
        "files": len(files),
        "mb": sum(p.stat().st_size for p in files) / 1e6,
        "largest_kb": max(p.stat().st_size for p in files) / 1e3,
    }


def measure(browser, base: str, engine: str, lang: str, query: str, typed: bool = False) -> dict:
    page = browser.new_page()
    try:
        page.goto(f"{base}{engine}-{lang}.html")
        CountingHost.sent.clear()
        answer = page.evaluate(OURS_TYPED if typed else OURS_RUN if engine == "ours" else PAGEFIND_RUN, [query, lang])
        answer["kb"] = sum(size for path, size in CountingHost.sent if not path.endswith(".html")) / 1e3
        answer["requests"] = len(CountingHost.sent)
        return answer
    except Exception as error:  # noqa: BLE001 (the engine's failure is the measurement: file:// blocks Pagefind)
        return {"error": str(error).splitlines()[0][:120]}
    finally:
        page.close()


def query_set(browser, base: str, engine: str) -> list[tuple[str, int]]:
    entries = yaml.safe_load((ROOT / "tests" / "search_queries.yml").read_text(encoding="utf-8"))
    counts = []
    page = browser.new_page()
    for entry in entries:
        lang = entry["edition"]
        page.goto(f"{base}{engine}-{lang}.html")
        query = entry["query"] if engine == "ours" else " ".join(query_terms(entry["query"], lang))
        run = OURS_RUN if engine == "ours" else PAGEFIND_RUN
        counts.append((entry["query"], page.evaluate(run, [query, lang])["own"]))
        if engine == "pagefind":  # and the query as typed, Pagefind's own Arabic stemming alone
            counts.append((entry["query"] + " (as typed)", page.evaluate(run, [entry["query"], lang])["own"]))
    page.close()
    return counts


def bench(count: int, pagefind_python: str | None, workdir: Path, skip_api: bool = False) -> None:
    from playwright.sync_api import sync_playwright

    documents = synthetic_documents(count)
    site = workdir / f"site-{count}"
    (site / "bench").mkdir(parents=True)
    built = {"ours": write_ours(documents, site)}
    if pagefind_python:
        cli = pagefind_cli(documents, site, pagefind_python, workdir)
        print(
            f"\nPagefind's command line on the same records as HTML pages, {count} articles per edition: "
            f"{cli['index_s']:.1f} s, {cli['files']} files, {cli['mb']:.1f} MB, largest {cli['largest_kb']:.0f} kB"
        )
        if not skip_api:
            built["pagefind"] = write_pagefind(documents, site, pagefind_python, workdir)
    for engine in built:
        for lang in ("ar", "en"):
            template = OURS_PAGE if engine == "ours" else PAGEFIND_PAGE
            (site / "bench" / f"{engine}-{lang}.html").write_text(template.format(lang=lang), encoding="utf-8")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(CountingHost, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    http_base = f"http://127.0.0.1:{server.server_address[1]}/bench/"
    file_base = (site / "bench").as_uri() + "/"
    print(f"\n## {count} articles per edition ({len(documents)} documents)\n")
    print(
        "| engine | index build s | files | size MB | largest file kB | query | http kB (gzip) | requests | "
        "first results ms (http) | file:// |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=BROWSER, args=FLAGS)
        for engine, b in built.items():
            for lang, query in QUERIES.items():
                online = measure(browser, http_base, engine, lang, query)
                offline = measure(browser, file_base, engine, lang, query)
                off = f"works, {offline['ms']:.0f} ms" if "ms" in offline else f"fails: {offline['error']}"
                on = (
                    f"{online['kb']:.0f} | {online['requests']} | {online['ms']:.0f}"
                    if "ms" in online
                    else f"– | – | {online['error']}"
                )
                print(
                    f"| {engine} | {b['index_s']:.1f} | {b['files']} | {b['mb']:.1f} | {b['largest_kb']:.0f} | "
                    f"{query} ({online.get('count', '–')} results) | {on} | {off} |",
                    flush=True,
                )
                if engine == "ours":  # and typed letter by letter, every state of the box searched
                    typed = measure(browser, http_base, engine, lang, query, typed=True)
                    print(
                        f"| ours, typed | | | | | {query}, letter by letter | {typed['kb']:.0f} | "
                        f"{typed['requests']} | {typed['ms']:.0f} | |",
                        flush=True,
                    )
        print("\nOwn-edition results per query of the public set:\n")
        sets = {engine: query_set(browser, http_base, engine) for engine in built}
        for engine, counts in sets.items():
            print(f"- {engine}: " + ", ".join(f"{query} {n}" for query, n in counts))
        browser.close()
    server.shutdown()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench_search")
    parser.add_argument("--pagefind", help="a Python with pagefind[extended] installed (compared when given)")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it")
    parser.add_argument(
        "--pagefind-cli-only",
        action="store_true",
        help="time Pagefind's command line only, not its Python API (0.1 s per record)",
    )
    parser.add_argument("counts", nargs="*", type=int, default=[1000])
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="hiwar-bench-search-") as tmp:
        workdir = args.keep or Path(tmp)
        if args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
            workdir.mkdir(parents=True)
        for count in args.counts:
            bench(count, args.pagefind, workdir, args.pagefind_cli_only)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
