"""Build the Markdown pages of both editions from a folder of seeds.

Every seed is read and checked before anything is written; pages are rendered into a
temporary folder and moved into place only when all of them succeeded, so a failed build
leaves the previous pages untouched.
"""
from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import shutil
import tempfile
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
from hiwar.site.editions import EDITIONS
from hiwar.site.listings import (
    GLOSSARY_PAGE,
    INDEX_PAGE,
    NAMES_DIR,
    TIMELINE_PAGE,
    TOPICS_DIR,
    feature_signature,
    related_map,
    render_glossary,
    render_index,
    render_related,
    render_timeline,
    render_topics,
)
from hiwar.site.pages import (
    ARTICLES_DIR,
    PARALLEL_DIR,
    TRANSLATIONS_PAGE,
    article_path,
    parallel_path,
    render_article,
    render_home,
    render_parallel,
    render_translation_status,
)

RELATED_KEY = "(related articles)"  # cached beside the pages: it changes only when some article's features change


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


def collect(seeds_dir: Path, editorial_dir: Path | None, cache_dir: Path | None = None,
            languages: tuple[str, ...] = EDITION_LANGUAGES) -> Collection:
    """Read, understand and enrich every seed; gather every problem instead of stopping at the first.

    `languages`: the edition languages, the source first. With a cache folder, a seed whose inputs are
    unchanged since the last run is not read again. Which files are inputs is ingest/inputs.py's to say:
    links out of the project, folders and other special files are refused, never read.
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
    cache = ArticleCache(cache_dir, [file.path for file in inputs.shared.values()])
    articles: list[Article | None] = []  # in seed order; None until converted
    pending: list[tuple[int, SeedInput, str]] = []  # (index in articles, seed, cache key) of the seeds to convert
    for seed in inputs.seeds:
        key = cache.key(seed.file.path, [file.path for file in seed.own])
        article = cache.get(seed.file.name, key)
        if article is None:
            pending.append((len(articles), seed, key))
        articles.append(article)
    for (index, seed, key), result in zip(pending, _convert([seed for _, seed, _ in pending], ctx, collection)):
        if isinstance(result, Article):
            cache.put(seed.file.name, key, result)
            articles[index] = result
        else:
            collection.problems.append(result)
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


def _convert(seeds: list[SeedInput], ctx: Context, collection: Collection) -> list[Article | Problem]:
    global _job
    _job = (ctx, collection)
    try:
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
        workers = min(cores, 8)
        if len(seeds) < PARALLEL_FROM or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
            return [_convert_one(seed) for seed in seeds]
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            return list(pool.map(_convert_one, seeds, chunksize=max(1, len(seeds) // (workers * 4))))
    finally:
        _job = None


def _convert_one(seed: SeedInput) -> Article | Problem:
    ctx, collection = _job
    try:
        return _article(seed, ctx, collection)
    except InputError as err:
        return err.problem


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
    return enrich(seed, parsed, editorial, translations, collection.vocabulary, collection.calendar, collection.names,
                  collection.glossary, ctx.languages)


KEPT = None  # in the pages returned by render_pages: a page file that stays as it is (inputs and file unchanged)


def render_pages(collection: Collection, out_dir: Path | None = None) -> dict[str, str | None]:
    """Every generated page of both editions, by path relative to the docs folder.

    With the collection's cache and the folder the pages were last written to, an article page made
    from the same inputs as the file there is not rendered again: it is KEPT.
    """
    articles, vocabulary = collection.articles, collection.vocabulary
    cache = collection.cache or ArticleCache(None, [])
    by_id = {article.id: article for article in articles}
    signatures = hashlib.sha256("\n".join(sorted(feature_signature(a) for a in articles)).encode()).hexdigest()
    related_ids = json.loads(cache.page(RELATED_KEY, signatures, lambda: json.dumps(related_map(articles))))
    related = {article.id: [by_id[i] for i in related_ids[article.id]] for article in articles}
    pages: dict[str, str | None] = {}
    for edition in EDITIONS:
        lang = edition.lang
        pages[f"{lang}/index.md"] = render_home(articles, edition, f"{TOPICS_DIR}/index.md#by-year")
        pages[f"{lang}/{TRANSLATIONS_PAGE}"] = render_translation_status(articles, edition)
        for path, text in render_topics(articles, edition, vocabulary, collection.calendar).items():
            pages[f"{lang}/{path}"] = text
        pages[f"{lang}/{TIMELINE_PAGE}"] = render_timeline(articles, edition, collection.calendar)
        # A name's page is made from the articles it lists.
        for path, text in render_index(articles, edition, collection.names, lambda path, sources, lang=lang: cache.kept(
                out_dir, f"{lang}/{path}", cache.made_of(lang, sources))).items():
            pages[f"{lang}/{path}"] = text
        pages[f"{lang}/{GLOSSARY_PAGE}"] = render_glossary(edition, collection.glossary)
        for article in articles:
            # An article page is made from the article and the articles it lists as related.
            path = f"{lang}/{article_path(article)}"
            made_from = cache.made_of(lang, [article, *related[article.id]])
            pages[path] = KEPT if cache.kept(out_dir, path, made_from) else render_article(
                article, edition, vocabulary, collection.glossary, render_related(related[article.id], edition))
            if article.translation_status("en") != "missing":
                path = f"{lang}/{parallel_path(article)}"
                pages[path] = KEPT if cache.kept(out_dir, path, cache.made_of(lang, [article])) else \
                    render_parallel(article, edition, vocabulary)
    return pages


def generated_paths() -> list[str]:
    """What the build owns inside the docs folder; everything else there is hand-written."""
    return [f"{edition.lang}/{name}" for edition in EDITIONS
            for name in ("index.md", TRANSLATIONS_PAGE, ARTICLES_DIR, PARALLEL_DIR, TOPICS_DIR, TIMELINE_PAGE, INDEX_PAGE,
                         NAMES_DIR, GLOSSARY_PAGE)]


@dataclass
class PageCounts:
    pages: int  # generated pages in out_dir
    rendered: int  # rendered this time (the others were kept: made from unchanged inputs)
    written: int  # files written this time (the others already held their page)


def build_pages(collection: Collection, out_dir: Path) -> PageCounts:
    """Render the pages of the collection into out_dir, and remember them for the next run."""
    pages = render_pages(collection, out_dir)
    written = write_pages(pages, out_dir, collection.cache)
    if collection.cache is not None and not collection.problems:
        collection.cache.save({article.seed.name for article in collection.articles}, {RELATED_KEY})
    return PageCounts(len(pages), sum(text is not KEPT for text in pages.values()), written)


def write_pages(pages: dict[str, str | None], out_dir: Path, cache: ArticleCache | None = None) -> int:
    """Write the pages that changed into a temporary folder beside out_dir, then move them into place; returns how many.

    Every page is rendered before anything moves, so a failure leaves the previous pages as they were;
    an unchanged page keeps its file and timestamp (the live preview reloads less).
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    cache = cache or ArticleCache(None, [])
    owned = generated_paths()
    existing = {p.relative_to(out_dir).as_posix() for root in owned for p in _files(out_dir / root)}
    encoded = {path: text.encode("utf-8") for path, text in pages.items() if text is not KEPT}
    digests = {path: hashlib.sha256(encoded[path]).hexdigest() if path in encoded else cache.outputs[path][1]
               for path in pages}
    # Files known to hold their page already (by size and time), then files whose bytes differ.
    confirmed = {path for path in pages if path not in encoded or cache.as_written(out_dir, path, digests[path])}
    changed = {path: data for path, data in encoded.items() if path not in confirmed
               and (path not in existing or (out_dir / path).read_bytes() != data)}
    staging = Path(tempfile.mkdtemp(prefix=".pages-", dir=out_dir.parent))
    try:
        for relative, data in changed.items():
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        for relative in sorted(changed):
            (out_dir / relative).parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / relative, out_dir / relative)
        gone = sorted(existing - set(pages), reverse=True)  # pages of seeds that are gone
        for relative in gone:
            (out_dir / relative).unlink()
        if gone:
            for root in owned:
                _remove_empty_dirs(out_dir / root)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    cache.written(out_dir, digests, confirmed)
    return len(changed)


def _files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    return [p for p in path.rglob("*") if p.is_file()] if path.is_dir() else []


def _remove_empty_dirs(path: Path) -> None:
    if path.is_dir():
        for folder in sorted((p for p in path.rglob("*") if p.is_dir()), reverse=True):
            if not any(folder.iterdir()):
                folder.rmdir()


def report(collection: Collection) -> list[str]:
    """The build's report: what each seed became, and every line left out of a page, with the reason."""
    lines = []
    for article in sorted(collection.articles, key=lambda a: a.id):
        parsed = article.parsed
        lines.append(f"{article.seed.source}: {len(parsed.numbered)} paragraphs, "
                     f"{sum(1 for b in parsed.blocks if b.kind == 'heading')} headings, {article.words} words; "
                     f"date {article.date.value.iso() if article.date.value else 'unknown'} ({article.date.origin})"
                     + "".join(f"; translation ({lang}) {article.translation_status(lang)}"
                               for lang in translation_languages(collection.languages)))
        if parsed.wrap_width:
            lines.append(f"  hard-wrapped at about {parsed.wrap_width} characters a line: its lines are joined into paragraphs")
        if parsed.title_line:
            lines.append(f"  line {parsed.title_line}: title")
        for removed in sorted(parsed.removed, key=lambda r: r.line):
            lines.append(f"  line {removed.line}: left out, {removed.reason}: {removed.text}")
    return lines
