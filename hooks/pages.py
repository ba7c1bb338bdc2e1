"""Generate the article pages from seeds/ and editorial/ at the start of every build.

`mkdocs build` stops with the list of problems (one line each, naming the file) and writes
nothing; `mkdocs serve` keeps serving, with every article that could be read, and shows the
problems in a banner on every page, so an editor sees them in the preview.
"""
from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

# Not resolve(): a project may link hooks/ from elsewhere and keep its own seeds/.
ROOT = Path(os.path.abspath(__file__)).parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from hiwar.enrich.collection import build_pages, collect, report

log = logging.getLogger("mkdocs.hooks.pages")
_state = {"command": "build"}


def on_startup(command, dirty):
    _state["command"] = command


def on_pre_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.current_language != i18n.default_language:
        return  # one conversion per build: the other edition's pass reuses the pages
    seeds, editorial = ROOT / "seeds", ROOT / "editorial"
    collection = collect(seeds, editorial, ROOT / "build" / "cache")
    config.extra["hiwar_problems"] = [str(problem) for problem in collection.problems]
    if collection.problems:
        if _state["command"] != "serve":
            for problem in collection.problems:
                log.error(str(problem))
            raise PluginError(f"{len(collection.problems)} problem(s) in seeds or editorial files; no page was written")
        # The preview goes on with every article that could be read; the rest wait for a fix.
        # Straight to the terminal: MkDocs' strict mode would stop the preview on a logged error.
        for problem in collection.problems:
            print(f"PROBLEM -  {problem}", file=sys.stderr)
        print("PROBLEM -  the preview shows the other articles; fix the problems above and save again", file=sys.stderr)
    build_pages(collection, Path(config.docs_dir))
    lines = report(collection)
    target = ROOT / "build" / "report.txt"
    target.parent.mkdir(exist_ok=True)
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    log.info("pages: %d article(s), %d converted (the others unchanged); report in build/report.txt",
             len(collection.articles), len(collection.converted))
