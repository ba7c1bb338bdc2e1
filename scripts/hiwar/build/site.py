"""One build of the whole site: the conversion (once), every edition (the default one in this process, the others
in processes of their own where the platform can fork), then the site's outputs, the trees of what each published
folder holds, and the folders made to hold exactly that.

Nothing here trusts the build folder: the record and the store are checked when read (outputs/record.py,
outputs/store.py), and the folders are made from the trees, never patched (outputs/tree.py).
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import pickle
import select
import struct
import sys
from collections.abc import Callable
from functools import cached_property
from pathlib import Path

import msgspec

from hiwar.build.conversion import Converted, check_keepable, convert, keep
from hiwar.build.edition import EditionBuild, EditionPart, hand_written, stored_document
from hiwar.build.options import BuildOptions
from hiwar.build.progress import Progress, Stage
from hiwar.build.seam import BuildProblem
from hiwar.memo import Memo
from hiwar.model.article import Article
from hiwar.outputs import record as records
from hiwar.outputs.contract import Context, Derivations, Moment, OutputClash, Scope, Target, run
from hiwar.outputs.record import OutputEntry, Record
from hiwar.outputs.registry import outputs_of
from hiwar.outputs.store import Store
from hiwar.outputs.tree import Tree, merged, sync
from hiwar.site.editions import Edition
from hiwar.site.pages import has_parallel, parallel_path
from hiwar.site.urls import page_url

log = logging.getLogger("hiwar")

RECORD = "record"
STORE = "store"


class SiteBuild:
    def __init__(self, options: BuildOptions, editions: tuple[Edition, ...], previous: SiteBuild | None = None):
        self.options, self.editions = options, editions
        # A preview keeps its store: a blob it read and found whole is not read again to be reused.
        kept = previous is not None and previous.store.folder == options.cache_dir / STORE
        self.store = previous.store if kept else Store(options.cache_dir / STORE, options.served_from_store)
        self.memo = Memo(previous.memo if previous is not None else None)  # what the last build in this process made
        self.progress = Progress()
        # A preview keeps the last build's record in memory, and knows what it put in the folder it serves.
        self.previous: Record = previous.record if previous is not None else Record()
        self._previous_in_memory = previous is not None
        self.served: dict[str, str] = previous.served if previous is not None else {}
        self.record = Record()
        self.converted = Converted()
        self._kept_conversion = previous.converted if previous is not None else None
        self._conversion_to_keep = False  # a preview's report and conversion cache, written by persist
        self.problems: list[str] = []
        self._internal: set[str] = set()  # where in the code the unexpected errors of this build happened
        self.fingerprint = ""
        self.reuse = True  # the engine renders only the pages said to be changed (a dirty build)
        self.parts: dict[str, EditionPart] = {}
        self.children: dict[int, tuple[Edition, int]] = {}  # pid -> (edition, the read end of its pipe)
        self.pending: list[Edition] = []
        self.report_to: int | None = None  # in an edition's own process: the pipe its part goes through
        # In an edition's own process: the memo, the problems, the internal errors' places and the blobs known whole
        # when it was forked.
        self._forked: tuple[dict, int, set[str], frozenset[str]] | None = None
        self.trees: dict[Target, Tree] = {}
        self._live: set[str] = set()  # every blob the trees and the outputs hold
        # Pages rendered so far, per edition: shared memory, so a forked edition's count reaches the bar here.
        self.rendered = {edition.lang: multiprocessing.RawValue("q", 0) for edition in editions}
        self._rendering: Stage | None = None
        self._builder: Callable[[Edition], None] | None = None

    # ---- before the pages -----------------------------------------------------------------------------------
    def convert(self) -> None:
        self.converted = convert(self.options, self.progress, self._kept_conversion)
        self._kept_conversion = None  # the cache is this build's now
        self.problems = list(self.converted.problems)
        lines = self.converted.problems
        if lines and not self.options.serving:
            raise BuildProblem(lines, f"{len(lines)} problem(s) in seeds or editorial files; nothing was written")
        for line in lines:
            print(f"PROBLEM -  {line}", file=sys.stderr)
        if lines:
            print(
                "PROBLEM -  the preview shows the other articles; fix the problems above and save again",
                file=sys.stderr,
            )

    def keep_conversion(self) -> None:
        """The report and the conversion's cache, for the next build. A preview writes them once the rebuilt site is
        served (persist: its next build takes the conversion from memory, and the cache is one file of every
        article); a folder that cannot hold them is found now, so that this build's pages say so."""
        if self.options.serving:
            check_keepable(self.converted, self.options)
            self._conversion_to_keep = True
        else:
            keep(self.converted, self.options)

    def prepare(self, fingerprint: str) -> None:
        """What every page is also made of (the fingerprint), and what the last build made that may be reused."""
        self.fingerprint = fingerprint
        if not self._previous_in_memory:
            self.previous, unreadable = records.load(self.options.cache_dir / RECORD)
            if unreadable is not None:
                self.progress.note(str(unreadable))
        if self.previous.fingerprint != fingerprint:
            # Templates, configuration or code changed: nothing of the last build is reused.
            self.previous = Record()

    def edition_build(self, edition: Edition) -> EditionBuild:
        return EditionBuild(self, edition)

    def add_internal_error(self, line: str, where: str) -> bool:
        """Record an unexpected error for the preview's banner: once per place in the code (a step that fails for
        every page is one line). Returns whether it was new."""
        if where in self._internal:
            return False
        self._internal.add(where)
        self.problems.append(f"internal error: {line}")
        return True

    @cached_property
    def articles_by_id(self) -> dict[str, Article]:
        return self.converted.articles_by_id()

    @cached_property
    def _articles_by_parallel_path(self) -> dict[str, Article]:
        return {parallel_path(article): article for article in self.converted.collection.articles}

    def page_paths(self, generated: list[str]) -> dict[str, dict[str, str]]:
        """Every page of the site by its edition-independent path (`articles/NAME.md`): its URL path in each edition.
        Every edition generates the same pages (`generated`, paths inside an edition) but side-by-side ones, which are
        only where the edition has the article's text beside another (pages.has_parallel); hand-written ones may
        differ."""
        parallel = self._articles_by_parallel_path
        paths: dict[str, dict[str, str]] = {}
        for rest in generated:
            article = parallel.get(rest)
            for edition in self.editions:
                if article is None or has_parallel(article, edition, self.editions):
                    paths.setdefault(rest, {})[edition.lang] = edition.prefix + page_url(rest)
        for edition in self.editions:
            for doc in hand_written(self.options.docs_dir / edition.lang):
                paths.setdefault(doc, {})[edition.lang] = edition.prefix + page_url(doc)
        return paths

    def context(
        self, edition: Edition | None, body_of=lambda article, edition: None, derived: Derivations | None = None
    ) -> Context:
        return Context(
            self.options,
            self.editions,
            self.converted,
            self.store,
            self.progress,
            self.fingerprint,
            edition=edition,
            body_of=body_of,
            derived=derived if derived is not None else Derivations(self.previous.derived),
            memo=self.memo,
        )

    # ---- the other editions -----------------------------------------------------------------------------------
    def start_other_editions(self, builder: Callable[[Edition], None]) -> None:
        others = list(self.editions[1:])
        self._rendering = self.progress.start("pages rendered", unit="pages")
        self._builder = builder
        if not self.options.parallel or not _can_fork() or (self.options.serving and not self._store_writable()):
            self.pending = others
            return
        for edition in others:
            sys.stdout.flush()
            sys.stderr.flush()
            read, write = os.pipe()
            # What this process holds is shared with the edition's process until either writes it; a collection of
            # the garbage collector writes to every object it scans, so the objects made so far are set aside from
            # it, in both processes, until the edition's process ends: the model is shared, not copied.
            gc.freeze()
            pid = os.fork()
            if pid == 0:
                os.close(read)
                self._forked = (
                    self.memo.snapshot(),
                    len(self.problems),
                    set(self._internal),
                    frozenset(self.store.verified),
                )
                status = 1
                errors = _HeldErrors()  # reported by this process's parent, which may have failed on the same input
                try:
                    self.report_to = write
                    builder(edition)
                    status = 0
                except BaseException as err:  # noqa: BLE001 — reported by the parent as a failed edition
                    for line in getattr(err, "lines", []):
                        log.error(line)
                    log.error("hiwar: the %s edition failed: %s", edition.lang, err)
                    if self.report_to is not None:
                        _send(self.report_to, FAILED + msgspec.msgpack.encode(errors.held))
                finally:
                    logging.shutdown()
                    os._exit(status)
            os.close(write)
            self.children[pid] = (edition, read)

    def page_rendered(self, lang: str) -> None:
        self.rendered[lang].value += 1
        if self._rendering is not None:
            self._rendering.set(sum(count.value for count in self.rendered.values()))

    def edition_done(self, part: EditionPart) -> None:
        """An edition's build is over: in its own process, its part goes to the site's build through the pipe."""
        if self.report_to is not None:
            encoded = msgspec.msgpack.encode(part)
            _send(self.report_to, BUILT + struct.pack(">Q", len(encoded)) + encoded + self._learnt())
            self.report_to = None
        else:
            self.parts[part.lang] = part

    def _wait_for_editions(self) -> None:
        for edition in self.pending:
            self._builder(edition)
        self.pending = []
        failed = []
        for pid, (edition, read) in list(self.children.items()):
            data = _read_all(read, lambda: self._count())
            _, status = os.waitpid(pid, 0)
            del self.children[pid]
            if os.waitstatus_to_exitcode(status) != 0 or not data.startswith(BUILT):
                failed.append(edition.lang)
                if data.startswith(FAILED):
                    for name, level, message in msgspec.msgpack.decode(data[1:], type=list[tuple[str, int, str]]):
                        logging.getLogger(name).log(level, message)
                continue
            (size,) = struct.unpack(">Q", data[1:9])
            self.parts[edition.lang] = msgspec.msgpack.decode(data[9 : 9 + size], type=EditionPart)
            self._take(data[9 + size :])
        gc.unfreeze()  # the editions' processes have ended (start_other_editions)
        if self._rendering is not None:
            self._rendering.close(self.progress.interactive)
            self._rendering = None
        if failed:
            raise BuildProblem([], f"the {', '.join(failed)} edition(s) could not be built (see the messages above)")

    def _learnt(self) -> bytes:
        """In a preview's edition process: what the parent keeps for its next build (the values this edition's build
        asked of the memo, the problems it met, and the blobs it found whole, which the next edition's process then
        does not hash again), pickled: the parent is this very program."""
        if self._forked is None or not self.options.serving:
            return b""
        snapshot, problems, internal, verified = self._forked
        taken, made = self.memo.changes(snapshot)
        sent = {}
        for name, entry in made.items():
            try:
                sent[name] = pickle.dumps(entry)
            except (pickle.PicklingError, TypeError, AttributeError):
                pass  # made again by the next build that needs it
        return pickle.dumps(
            ((taken, sent), self.problems[problems:], self._internal - internal, self.store.verified - verified)
        )

    def _take(self, learnt: bytes) -> None:
        if not learnt:
            return
        (taken, sent), problems, internal, verified = pickle.loads(learnt)  # noqa: S301 — from this program's own child
        self.memo.take(taken, {name: pickle.loads(entry) for name, entry in sent.items()})  # noqa: S301
        self.problems.extend(line for line in problems if line not in self.problems)
        self._internal |= internal
        self.store.verified |= verified

    def _store_writable(self) -> bool:
        """A preview whose build folder cannot be written keeps blobs in memory (outputs/store.py): an edition's
        process would keep them in its own, so then the editions are built here, one after the other."""
        folder = self.store.folder
        while not folder.exists() and folder != folder.parent:
            folder = folder.parent
        return not self.store.memory and folder.is_dir() and os.access(folder, os.W_OK)

    def _count(self) -> None:
        if self._rendering is not None:
            self._rendering.set(sum(count.value for count in self.rendered.values()))

    def abandon(self) -> None:
        gc.unfreeze()
        for pid, (_, read) in list(self.children.items()):
            try:
                os.kill(pid, 15)
                os.waitpid(pid, 0)
                os.close(read)
            except OSError:
                pass
        self.children.clear()

    # ---- after the pages --------------------------------------------------------------------------------------
    def finish(self, primary: EditionPart, page_paths: dict[str, dict[str, str]]) -> dict[Target, Tree]:
        """Every edition's part in, every output made, the folders made to hold exactly what the trees say."""
        targets = self._targets()
        early = self.context(None)  # the outputs made of the articles alone: while the editions' processes end
        made_early = dict(
            run(output, early, self.previous)
            for target in targets
            for output in outputs_of(Scope.SITE, target, Moment.BEFORE_PAGES)
        )
        self._wait_for_editions()
        self.parts[primary.lang] = primary
        parts = [self.parts[edition.lang] for edition in self.editions]
        derived = Derivations(self.previous.derived)
        derived.made.update(early.derived.made)
        for part in parts:
            derived.made.update(part.derived)
        outputs: dict[str, OutputEntry] = {name: entry for part in parts for name, entry in part.outputs.items()}
        outputs |= made_early
        context = self.context(None, derived=derived)
        context.page_paths = page_paths
        context.documents = self._search_documents(parts)
        pages = {f"pages:{part.lang}": {dest: entry.html for dest, entry in part.pages.items()} for part in parts}
        pages |= {f"files:{part.lang}": part.files for part in parts}
        trees: dict[Target, Tree] = {}  # the build's trees once every output is made (a preview serves them)
        context.trees = trees
        for target in targets:

            def tree_of(made: dict[str, OutputEntry], target: Target = target) -> Tree:
                owned = {name: entry.of(target.value) for name, entry in made.items()}
                return merged({**(pages if target is Target.SITE else {}), **owned})

            trees[target] = tree_of(outputs)
            for output in outputs_of(Scope.SITE, target):
                name, entry = run(output, context, self.previous)
                outputs[name] = entry
                trees[target] = tree_of(outputs)  # the next output of the target sees this one's files
        self.trees = trees
        for name, entry in self.previous.outputs.items():
            if name not in outputs and _made_elsewhere(name, targets):  # a preview's: kept for the next build
                outputs[name] = entry
        live = {digest for tree in self.trees.values() for digest in tree.values()}
        live |= {digest for entry in outputs.values() for files in entry.files.values() for digest in files.values()}
        self.record = Record(
            self.fingerprint,
            {part.lang: part.pages for part in parts},
            outputs,
            derived.kept(live),
            {part.lang: part.files for part in parts},
        )
        self._live = live
        self._publish_folders()
        self.memo.finished()
        if not self.options.served_from_store:
            self.persist()
        return self.trees

    def persist(self) -> None:
        """The record saved for the next build, and the store left holding only what it names. A preview does this
        once the rebuilt site is served (its next build takes the record from memory)."""
        if self._conversion_to_keep:
            self._conversion_to_keep = False
            try:
                keep(self.converted, self.options)
            except Exception as err:  # noqa: BLE001 — said, as the build's own guard would; the next build writes them
                self.progress.note(f"the report and the conversion's cache could not be written ({err})")
        self.store.flush()
        records.save(self.record, self.options.cache_dir / RECORD)
        self.store.prune(self.record.blobs() | self._live)
        if self.store.dropped:
            self.progress.note(f"{self.store.folder}: {len(self.store.dropped)} damaged file(s) made again")
            self.store.dropped.clear()

    def _search_documents(self, parts: list[EditionPart]) -> list:
        """Every page the search knows, in every edition: those kept with the pages (read from the store; a preview
        keeps them in memory) and the hand-written pages' documents."""
        documents = []
        for part in parts:
            for dest, entry in part.pages.items():
                if not entry.search:
                    continue
                if self.options.serving:
                    document = self.memo.get(
                        f"search:{dest}", entry.search, lambda blob=entry.search: stored_document(self.store, blob)
                    )
                else:
                    document = stored_document(self.store, entry.search)
                if document is not None:
                    documents.append(document)
            documents += [document.search_document() for document in part.documents]
        return documents

    def _targets(self) -> list[Target]:
        if self.options.serving:
            return [Target.SITE]
        wanted = [Target.SITE]
        if self.options.offline_dir is not None or self.options.dist_dir is not None:
            wanted.append(Target.OFFLINE)
        if self.options.dist_dir is not None:
            wanted.append(Target.DIST)
        return wanted

    def _publish_folders(self) -> None:
        """Make each folder the build was given hold exactly its tree (the published folders are switched into place
        by `hiwar build` afterwards: outputs/publish.py)."""
        options = self.options
        folders = [] if options.served_from_store else [(Target.SITE, options.site_dir)]
        if not options.serving:
            folders += [(Target.OFFLINE, options.offline_dir), (Target.DIST, options.dist_dir)]
        with self.progress.stage("files written", unit="files") as stage:
            for target, folder in folders:
                if folder is not None and target in self.trees:
                    known = self.served if options.serving else None
                    stage.advance(sync(folder, self.trees[target], self.store, known))


def last_site(cache_dir: Path) -> tuple[Tree, Store] | None:
    """The site the last build made, as its record says and its store still holds (each blob there; its bytes are
    checked where they are read), with the outputs a preview makes: what a preview serves while its first build
    brings it up to date. None without a whole one."""
    from hiwar.outputs.registry import OUTPUTS

    record, _ = records.load(cache_dir / RECORD)
    if not record.pages or not record.files:
        return None
    elsewhere = {output.name for output in OUTPUTS if not output.in_preview}
    parts = {
        f"pages:{lang}": {dest: entry.html for dest, entry in pages.items()} for lang, pages in record.pages.items()
    }
    parts |= {f"files:{lang}": files for lang, files in record.files.items()}
    parts |= {
        name: entry.of(Target.SITE.value)
        for name, entry in record.outputs.items()
        if name.split(":", 1)[0] not in elsewhere
    }
    store = Store(cache_dir / STORE, in_memory_when_unwritable=True)
    try:
        tree = merged(parts)
    except OutputClash:
        return None
    folder = str(store.folder)
    if not all(os.path.isfile(os.path.join(folder, digest[:2], digest[2:])) for digest in set(tree.values())):
        return None
    return tree, store


def _made_elsewhere(name: str, targets: list[Target]) -> bool:
    """Whether the output recorded under `name` is one this build did not make (a preview makes the site only)."""
    from hiwar.outputs.registry import OUTPUTS

    base = name.split(":", 1)[0]
    return any(output.name == base and output.target not in targets for output in OUTPUTS)


# What an edition's process sends its parent, after a byte that says which it is: its part, or the errors it met.
BUILT, FAILED = b"P", b"F"


class _HeldErrors(logging.Filter):
    """In an edition's process, the errors logged are held instead of printed, and sent to the parent: when the
    parent's own edition fails (most often on the same input) it stops this one and reports its own problems, so a
    problem is told once, not once per edition, and never as two processes' interleaved output."""

    def __init__(self):
        super().__init__()
        self.held: list[tuple[str, int, str]] = []
        self._seen: dict[int, logging.LogRecord] = {}  # a record goes through every handler it propagates to
        loggers = [
            logging.getLogger(),
            *(logger for logger in logging.Logger.manager.loggerDict.values() if isinstance(logger, logging.Logger)),
        ]
        for handler in {*(h for logger in loggers for h in logger.handlers), logging.lastResort}:
            if handler is not None:
                handler.addFilter(self)

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.ERROR:
            return True
        if id(record) not in self._seen:
            self._seen[id(record)] = record
            self.held.append((record.name, record.levelno, record.getMessage()))
        return False


def _send(handle: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(handle, view) :]
    os.close(handle)


def _read_all(handle: int, waiting: Callable[[], None]) -> bytes:
    """Everything an edition's process sends before it ends (it ends the pipe by closing it)."""
    chunks = []
    os.set_blocking(handle, False)
    try:
        while True:
            try:
                chunk = os.read(handle, 1 << 20)
            except BlockingIOError:
                waiting()
                select.select([handle], [], [], 0.05)  # until it writes or ends, or the count is shown again
                continue
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
    finally:
        os.close(handle)


def _can_fork() -> bool:
    return hasattr(os, "fork") and sys.platform.startswith("linux")


__all__ = ["SiteBuild", "BuildProblem", "BuildOptions", "Path"]
