"""Build the Markdown pages of both editions from a folder of seeds.

Every seed is read and checked before anything is written; pages are rendered into a
temporary folder and moved into place only when all of them succeeded, so a failed build
leaves the previous pages untouched.
"""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from collections.abc import Callable
from pathlib import Path

from hiwar.enrich.article import enrich
from hiwar.enrich.cache import ArticleCache
from hiwar.ingest.editorial import Schema
from hiwar.ingest.reader import read_article
from hiwar.ingest.seed import read_seed
from hiwar.ingest.translation import load_translation
from hiwar.knowledge.events import Calendar, load_calendar
from hiwar.knowledge.glossary import Term, load_glossary
from hiwar.knowledge.names import Name, load_names
from hiwar.knowledge.vocabulary import Tag, load_vocabulary
from hiwar.model.article import Article
from hiwar.model.editorial import Editorial
from hiwar.problems import InputError, Problem

SEED_SUFFIX = ".txt"
TRANSLATION_SUFFIX = ".en.txt"
METADATA_SUFFIX = ".yml"
IGNORED_NAMES = {"README.md", "README.txt"}
RELATED_KEY = "(related articles)"  # cached beside the pages: it changes only when some article's features change
SHARED_FILES = ("tags.yml", "events.yml", "names.yml", "glossary.yml")  # editorial files that belong to no one article


@dataclass
class Collection:
    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    vocabulary: dict[str, Tag] = field(default_factory=dict)
    calendar: Calendar = field(default_factory=Calendar)
    names: list[Name] = field(default_factory=list)
    glossary: list[Term] = field(default_factory=list)
    converted: list[str] = field(default_factory=list)  # seeds read this time; the others came from the cache
    cache: ArticleCache | None = None


def collect(seeds_dir: Path, editorial_dir: Path | None, cache_dir: Path | None = None,
            progress: Callable[[int, int], None] | None = None) -> Collection:
    """Read, understand and enrich every seed; gather every problem instead of stopping at the first.

    With a cache folder, a seed whose inputs are unchanged since the last run is not read again.
    `progress(done, total)` is told as seeds are converted.
    """
    collection = Collection()
    if not seeds_dir.is_dir():
        collection.problems.append(Problem(str(seeds_dir), "is not a folder of seeds"))
        return collection
    vocabulary = collection.vocabulary = _vocabulary(editorial_dir, collection)
    if editorial_dir is not None:
        try:
            collection.calendar = load_calendar(editorial_dir / "events.yml")
            collection.names = load_names(editorial_dir / "names.yml")
            collection.glossary = load_glossary(editorial_dir / "glossary.yml")
        except InputError as err:
            collection.problems.append(err.problem)
    schema = Schema(vocabulary)
    shared = [editorial_dir / name for name in SHARED_FILES] if editorial_dir is not None else []
    cache = ArticleCache(cache_dir, shared)
    seeds = sorted(p for p in seeds_dir.iterdir() if not p.name.startswith(".") and p.name not in IGNORED_NAMES)
    if not seeds:
        collection.problems.append(Problem(seeds_dir.name, "holds no seeds (*.txt)"))
    stems: dict[str, str] = {}
    slots: list[Article | Problem | None] = []  # in seed order: an article, or what is wrong with the seed
    pending: list[tuple[int, Path, str, str]] = []  # (slot, seed, source, cache key) of the seeds to convert
    for path in seeds:
        source = f"{seeds_dir.name}/{path.name}"
        if not path.is_file() or path.suffix != SEED_SUFFIX:
            slots.append(Problem(source, f"is not a seed: seeds are plain-text files ending in {SEED_SUFFIX}; "
                                         "rename or remove it"))
            continue
        stem = path.name[: -len(SEED_SUFFIX)]
        if stem.lower() in stems:
            slots.append(Problem(source, f"has the same article id as {stems[stem.lower()]}; rename one of them"))
            continue
        stems[stem.lower()] = source
        own = [editorial_dir / f"{stem}{suffix}" for suffix in (METADATA_SUFFIX, TRANSLATION_SUFFIX)] if editorial_dir else []
        key = cache.key(path, own)
        article = cache.get(path.name, key)
        if article is None:
            pending.append((len(slots), path, source, key))
        slots.append(article)
    for (slot, path, _, key), result in zip(pending, _convert(pending, editorial_dir, schema, collection, progress)):
        if isinstance(result, Article):
            cache.put(path.name, key, result)
        slots[slot] = result
    for slot in slots:
        (collection.articles if isinstance(slot, Article) else collection.problems).append(slot)
    if editorial_dir is not None and editorial_dir.is_dir():
        collection.problems.extend(_orphans(editorial_dir, set(stems)))
    collection.converted = cache.converted
    collection.cache = cache
    return collection


# Converting is the costly step of a first build: from this many seeds on, every core takes a share.
PARALLEL_FROM = 48
_job: tuple | None = None  # what every conversion needs, handed to the worker processes by fork


def _convert(pending: list[tuple[int, Path, str, str]], editorial_dir: Path | None, schema: Schema,
             collection: Collection, progress: Callable[[int, int], None] | None = None) -> list[Article | Problem]:
    global _job
    jobs = [(path, source) for _, path, source, _ in pending]
    _job = (editorial_dir, schema, collection)
    try:
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
        workers = min(cores, 8)
        results: list[Article | Problem] = []
        if len(jobs) < PARALLEL_FROM or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
            done = map(_convert_one, jobs)
            return [_told(result, results, len(jobs), progress) for result in done]
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            done = pool.map(_convert_one, jobs, chunksize=max(1, len(jobs) // (workers * 16)))
            return [_told(result, results, len(jobs), progress) for result in done]
    finally:
        _job = None


def _told(result, results: list, total: int, progress) -> Article | Problem:
    results.append(result)
    if progress is not None:
        progress(len(results), total)
    return result


def _convert_one(job: tuple[Path, str]) -> Article | Problem:
    editorial_dir, schema, collection = _job
    try:
        return _article(*job, editorial_dir, schema, collection)
    except InputError as err:
        return err.problem


def _vocabulary(editorial_dir: Path | None, collection: Collection) -> dict[str, Tag]:
    path = editorial_dir / "tags.yml" if editorial_dir else None
    if path is None or not path.exists():
        return {}
    try:
        return load_vocabulary(path)
    except InputError as err:
        collection.problems.append(err.problem)
        return {}


def _article(path: Path, source: str, editorial_dir: Path | None, schema: Schema, collection: Collection) -> Article:
    seed = read_seed(path, source)
    parsed = read_article(seed)
    if not parsed.blocks:
        raise InputError(source, "has no article text once its title, byline and site boilerplate are set aside")
    editorial, translation = Editorial(), None
    if editorial_dir is not None:
        metadata = editorial_dir / f"{seed.stem}{METADATA_SUFFIX}"
        if metadata.exists():
            editorial = schema.load(metadata, f"{editorial_dir.name}/{metadata.name}")
        english = editorial_dir / f"{seed.stem}{TRANSLATION_SUFFIX}"
        if english.exists():
            translation = load_translation(english, f"{editorial_dir.name}/{english.name}", parsed, seed.text)
    return enrich(seed, parsed, editorial, translation, collection.vocabulary, collection.calendar, collection.names,
                  collection.glossary)


def _orphans(editorial_dir: Path, stems: set[str]) -> list[Problem]:
    problems = []
    for path in sorted(editorial_dir.iterdir()):
        for suffix in (TRANSLATION_SUFFIX, METADATA_SUFFIX):
            if path.name.endswith(suffix) and path.name not in SHARED_FILES:
                stem = path.name[: -len(suffix)]
                if stem.lower() not in stems:
                    problems.append(Problem(f"{editorial_dir.name}/{path.name}",
                                            f"belongs to no seed (expected seeds/{stem}{SEED_SUFFIX}); rename or remove it"))
                break
    return problems
