"""Build the Markdown pages of both editions from a folder of seeds.

Every seed is read and checked before anything is written; pages are rendered into a
temporary folder and moved into place only when all of them succeeded, so a failed build
leaves the previous pages untouched.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from hiwar.enrich.article import enrich
from hiwar.enrich.cache import ArticleCache
from hiwar.enrich.notes import check_notes
from hiwar.ingest.editorial import load_editorial
from hiwar.ingest.files import InputFile
from hiwar.ingest.inputs import SeedInput, find_inputs
from hiwar.ingest.naming import metadata_name, translation_name
from hiwar.ingest.reader import read_article
from hiwar.ingest.schema import Context
from hiwar.ingest.seed import read_seed
from hiwar.ingest.translation import load_translation
from hiwar.knowledge.events import Calendar, load_calendar
from hiwar.knowledge.glossary import Term, load_glossary
from hiwar.knowledge.names import Name, load_names
from hiwar.knowledge.vocabulary import Tag, load_vocabulary
from hiwar.model.article import Article
from hiwar.model.editorial import Editorial
from hiwar.model.languages import EDITION_LANGUAGES, translation_languages
from hiwar.problems import InputError, Problem


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
    languages: tuple[str, ...] = EDITION_LANGUAGES


def collect(
    seeds_dir: Path,
    editorial_dir: Path | None,
    cache_dir: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
    languages: tuple[str, ...] = EDITION_LANGUAGES,
    say: Callable[[str], None] = lambda line: None,
    kept: ArticleCache | None = None,
) -> Collection:
    """Read, understand and enrich every seed; gather every problem instead of stopping at the first.

    `languages`: the edition languages, the source first. With a cache folder, a seed whose inputs are
    unchanged since the last run is not read again; `say` tells, in one line, of a damaged cache. Which files are inputs is ingest/inputs.py's to say:
    links out of the project, folders and other special files are refused, never read. `kept`: the cache of the last
    run in this process (the preview's), whose articles are taken from memory.
    """
    collection = Collection(languages=languages)
    if not seeds_dir.is_dir():
        collection.problems.append(Problem(str(seeds_dir), "is not a folder of seeds"))
        return collection
    inputs = find_inputs(seeds_dir, editorial_dir, languages)
    collection.problems.extend(inputs.problems)
    ctx = Context(languages)
    collection.vocabulary = _shared(load_vocabulary, inputs.shared.get("tags.yml"), ctx, collection, {})
    ctx = Context(languages, ctx.latest_year, tuple(collection.vocabulary))
    collection.calendar = _shared(load_calendar, inputs.shared.get("events.yml"), ctx, collection, Calendar())
    collection.names = _shared(load_names, inputs.shared.get("names.yml"), ctx, collection, [])
    collection.glossary = _shared(load_glossary, inputs.shared.get("glossary.yml"), ctx, collection, [])
    shared = [file.path for file in inputs.shared.values()]
    if kept is not None and kept.path is not None and cache_dir is not None and kept.path.parent == cache_dir:
        cache = kept.renewed(shared, languages, say)
    else:
        cache = ArticleCache(cache_dir, shared, languages, say)
    articles: list[Article | None] = []  # in seed order; None until converted
    pending: list[tuple[int, SeedInput, str]] = []  # (index in articles, seed, cache key) of the seeds to convert
    for seed in inputs.seeds:
        key = cache.key(seed.file.path, [file.path for file in seed.own])
        article = cache.get(seed.file.name, key)
        if article is None:
            pending.append((len(articles), seed, key))
        articles.append(article)
    for (index, seed, key), result in zip(
        pending, _convert([seed for _, seed, _ in pending], ctx, collection, progress)
    ):
        if isinstance(result, Article):
            cache.put(seed.file.name, key, result)
            articles[index] = result
        else:
            collection.problems.append(result)
    if cache.dropped:
        say(
            f"{cache.path}: {len(cache.dropped)} entr{'y' if len(cache.dropped) == 1 else 'ies'} did not read back "
            "as the article named; converted again"
        )
    collection.articles = [article for article in articles if article is not None]
    collection.converted = cache.converted
    collection.cache = cache
    return collection


def _shared(load, file: InputFile | None, ctx: Context, collection: Collection, empty):
    """A shared editorial file (tags, events, names, glossary) loaded, or `empty` when it is missing or wrong."""
    if file is None:
        return empty
    try:
        return load(file.path, file.source, ctx)
    except InputError as err:
        collection.problems.append(err.problem)
        return empty


# Converting is the costly step of a first build: from this many seeds on, every core takes a share.
PARALLEL_FROM = 48
_job: tuple | None = None  # what every conversion needs, handed to the worker processes by fork


def _convert(
    seeds: list[SeedInput], ctx: Context, collection: Collection, progress: Callable[[int, int], None] | None = None
) -> list[Article | Problem]:
    global _job
    _job = (ctx, collection)
    try:
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
        workers = min(cores, 8)
        done: list[Article | Problem] = []
        if len(seeds) < PARALLEL_FROM or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
            return [_told(result, done, len(seeds), progress) for result in map(_convert_one, seeds)]
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            results = pool.map(_convert_one, seeds, chunksize=max(1, len(seeds) // (workers * 16)))
            return [_told(result, done, len(seeds), progress) for result in results]
    finally:
        _job = None


def _told(result: Article | Problem, done: list, total: int, progress) -> Article | Problem:
    done.append(result)
    if progress is not None:
        progress(len(done), total)
    return result


def _convert_one(seed: SeedInput) -> Article | Problem:
    ctx, collection = _job
    try:
        return _article(seed, ctx, collection)
    except InputError as err:
        return err.problem
    except Exception as err:  # noqa: BLE001 — a fault of ours that this file brings out: one line naming it, not a traceback
        return Problem(
            seed.file.source,
            f"could not be converted ({type(err).__name__}: {err}); "
            "this is a fault of the converter, not of the file: please report it with the file",
        )


def _article(seed_input: SeedInput, ctx: Context, collection: Collection) -> Article:
    source = seed_input.file.source
    seed = read_seed(seed_input.file.path, source, seed_input.file.name)
    parsed = read_article(seed)
    if not parsed.blocks:
        raise InputError(source, "has no article text once its title, byline and site boilerplate are set aside")
    files = {file.name: file for file in seed_input.own}
    metadata = files.get(metadata_name(seed.stem))
    editorial = load_editorial(metadata.path, metadata.source, ctx) if metadata else Editorial()
    translations = {}
    for lang in translation_languages(ctx.languages):
        file = files.get(translation_name(seed.stem, lang))
        if file is not None:
            translations[lang] = load_translation(file.path, file.source, lang, parsed, seed.text)
    if editorial.notes:
        check_notes(editorial.notes, parsed, translations, metadata.source)
    return enrich(
        seed,
        parsed,
        editorial,
        translations,
        collection.vocabulary,
        collection.calendar,
        collection.names,
        collection.glossary,
        ctx.languages,
    )
