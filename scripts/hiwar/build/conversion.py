"""The conversion, once per build: seeds and editorial files in, the collection (the typed model) out, with its
problems, the build report and the articles each article lists as related."""

from __future__ import annotations

import logging
import os
import tempfile
from dataclasses import dataclass, field

from hiwar.build.options import BuildOptions
from hiwar.build.plan import related_articles
from hiwar.build.progress import Progress
from hiwar.enrich.collection import Collection, collect
from hiwar.enrich.report import report
from hiwar.model.article import Article
from hiwar.outputs.paths import write_atomically

log = logging.getLogger("hiwar")


@dataclass
class Converted:
    collection: Collection = field(default_factory=Collection)
    problems: list[str] = field(default_factory=list)  # one line each, "FILE: what is wrong"
    related: dict[str, list[Article]] = field(default_factory=dict)

    def articles_by_id(self) -> dict[str, Article]:
        return {article.id: article for article in self.collection.articles}


def convert(options: BuildOptions, progress: Progress, previous: Converted | None = None) -> Converted:
    """`previous`: the last build's in this process (a preview's), whose articles are taken from memory."""
    with progress.stage("seeds converted", unit="seeds") as stage:

        def told(done: int, total: int) -> None:
            stage.bar.total = total
            stage.set(done)

        collection = collect(
            options.seeds,
            options.editorial if options.editorial.is_dir() else None,
            options.cache_dir,
            progress=told,
            languages=options.editions,
            say=progress.note,
            kept=previous.collection.cache if previous is not None else None,
        )
    problems = [str(problem) for problem in collection.problems]
    log.info(
        "hiwar: %d article(s), %d converted (the others unchanged); report in %s",
        len(collection.articles),
        len(collection.converted),
        options.report,
    )
    return Converted(collection, problems, related_articles(collection))


def check_keepable(converted: Converted, options: BuildOptions) -> None:
    """Raises the error that writing the report or the cache would meet now (a folder that cannot hold them): for a
    build that writes them later (the preview's, once the rebuilt site is served)."""
    cache = converted.collection.cache
    folders = {options.report.parent} | ({cache.path.parent} if cache is not None and cache.path is not None else set())
    for folder in sorted(folders):
        folder.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=".", suffix=".probe", dir=folder)
        os.close(handle)
        os.unlink(name)


def keep(converted: Converted, options: BuildOptions) -> None:
    """The report, and the cache for the next build (a step of its own: when it fails, the pages are still made)."""
    collection = converted.collection
    write_atomically(options.report.parent, options.report.name, ("\n".join(report(collection)) + "\n").encode())
    if collection.cache is not None and not collection.problems:
        collection.cache.save({a.seed.name for a in collection.articles}, {"(related articles)"})
    if collection.cache is not None and not options.serving:
        collection.cache.release()  # a build is the last of its process; a preview keeps its cache for the next
