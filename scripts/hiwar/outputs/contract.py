"""The output contract: every derived artifact of a build (feeds, sitemap, search index, citation files, the offline
edition, the zip, the EPUB and ZIM editions…) is an Output: a name, the folder it publishes into, whether it is made
once per edition (in that edition's process) or once for the site, what it is made of (`inputs`) and how it is made
(`produce`). An output never writes a folder: it hands its files to a `Files` (into the store), and the build
assembles every output's files into the trees it publishes (tree.py), so a file no output made cannot stay and two
outputs cannot claim one path. An output whose inputs are those of the last build, with its blobs whole, is reused
without being made again. A new output is one class and one line in registry.py.
"""

from __future__ import annotations

import hashlib
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from hiwar.memo import Memo
from hiwar.outputs.paths import check_relative
from hiwar.outputs.record import OutputEntry, Record
from hiwar.outputs.store import Store

if TYPE_CHECKING:
    from hiwar.build.conversion import Converted
    from hiwar.build.options import BuildOptions
    from hiwar.build.progress import Progress
    from hiwar.model.article import Article
    from hiwar.site.editions import Edition
    from hiwar.site.search import SearchDocument

NO_INPUTS = "0" * 64  # an output made on every build (cheap, or made of everything)


class Target(Enum):
    """The folders a build publishes, each switched into place whole (publish.py)."""

    SITE = "site"
    OFFLINE = "site-offline"
    DIST = "dist"


class Scope(Enum):
    EDITION = "edition"  # made for each edition, in the edition's own process
    SITE = "site"  # made once, after every edition's pages and outputs


class Moment(Enum):
    """When an output is made: after the pages (most), or before them: an edition's output its pages show (a book
    offered for download with its size), a site's output made of the articles alone (made while the other editions'
    processes still build their pages)."""

    BEFORE_PAGES = "before pages"
    AFTER_PAGES = "after pages"


@dataclass
class Context:
    """What an output may read: the model, the editions, what the targets hold so far, the store."""

    options: BuildOptions
    editions: tuple[Edition, ...]
    converted: Converted
    store: Store
    progress: Progress
    fingerprint: str
    edition: Edition | None = None  # the edition, for an output made per edition
    trees: dict[Target, dict[str, str]] = field(default_factory=dict)  # path -> blob, of each target so far
    body_of: Callable[[Article, Edition], str | None] = lambda article, edition: None  # an article's rendered body
    documents: list[SearchDocument] = field(default_factory=list)  # every page as the search sees it
    page_paths: dict[str, dict[str, str]] = field(default_factory=dict)  # every page: its URL path per edition
    derived: Derivations = field(default_factory=lambda: Derivations({}))  # files derived from others, kept
    # What the last build in this process made (a preview's): parts of an output made of unchanged inputs (build/memo.py)
    memo: Memo = field(default_factory=Memo)

    @property
    def site_url(self) -> str:
        return self.options.site_url


class Derivations:
    """Files derived from other files ("kind:blob" -> blob: a page's offline version, a file's compressed form),
    kept between builds in the record; the next record keeps those whose source is still part of the build."""

    def __init__(self, known: Mapping[str, str]):
        self.known = known
        self.made: dict[str, str] = {}

    def get(self, key: str) -> str | None:
        if key in self.made:
            return self.made[key]
        return self.known.get(key)

    def __setitem__(self, key: str, digest: str) -> None:
        self.made[key] = digest

    def bytes_of(self, key: str, store: Store, make: Callable[[], bytes]) -> bytes:
        """The bytes derived under `key` ("kind:blob"): an earlier build's when the store still holds them whole, else
        made now and kept."""
        known = self.get(key)
        data = store.get(known) if known is not None else None
        if data is None:
            data = make()
            self[key] = store.put(data)
        return data

    def kept(self, live: set[str]) -> dict[str, str]:
        """The derivations whose source is one of the `live` blobs (what the build's trees hold)."""
        return {key: digest for key, digest in {**self.known, **self.made}.items() if key.rsplit(":", 1)[-1] in live}


class Files:
    """The files one output makes, by path inside a target folder (its own target unless it names another: a book is
    in the site for download and in dist/); their bytes go to the store."""

    def __init__(self, store: Store, owner: str, target: Target):
        self.store, self.owner, self.target = store, owner, target
        self.trees: dict[Target, dict[str, str]] = {}

    def add(self, path: str, data: bytes, target: Target | None = None) -> str:
        digest = self.store.put(data)
        self.add_blob(path, digest, target)
        return digest

    def kept(self, name: str, key: str, make: Callable[[], dict[str, bytes]], memo: Memo) -> dict[str, str]:
        """Files made by `make` (path -> bytes) into the store, or, when the last build in this process made them of the
        inputs `key` and the store still holds them whole, those files: path -> blob, not yet added."""

        def stored() -> dict[str, str]:
            return {path: self.store.put(data) for path, data in make().items()}

        blobs = memo.get(name, key, stored)
        if not all(self.store.has(digest) for digest in blobs.values()):
            blobs = memo.put(name, key, stored())
        return blobs

    def add_blob(self, path: str, digest: str, target: Target | None = None) -> None:
        check_relative(path, f"the output {self.owner}")
        tree = self.trees.setdefault(target or self.target, {})
        if path in tree:
            raise OutputClash(f"{self.owner} makes {path} twice")
        tree[path] = digest

    def add_file(self, path: str, made: Path, target: Target | None = None) -> str:
        """A large file an output wrote itself (a library that writes to a path): moved into the store."""
        digest = self.store.adopt(made)
        self.add_blob(path, digest, target)
        return digest

    @property
    def files(self) -> dict[str, str]:
        """The files in the output's own target."""
        return self.trees.get(self.target, {})


class Output(ABC):
    name: ClassVar[str]
    target: ClassVar[Target] = Target.SITE
    scope: ClassVar[Scope] = Scope.SITE
    moment: ClassVar[Moment] = Moment.AFTER_PAGES  # (an edition's output only)
    in_preview: ClassVar[bool] = True  # made by the preview too (which makes only the site's outputs)

    def inputs(self, context: Context) -> str | None:
        """A digest of everything the output is made of, when it can be known without making it; None: made every
        build (also when the same bytes come out, which the store keeps once)."""
        return None

    @abstractmethod
    def produce(self, context: Context, files: Files) -> None: ...

    def reused(self, context: Context, entry: OutputEntry) -> None:  # noqa: B027 — a hook; most outputs need none
        """The last build's files are taken as they are (the inputs are the same): an output that keeps parts of
        itself in the memo (Files.kept) may take them from here."""


class OutputClash(RuntimeError):
    """Two outputs (or one, twice) claim the same file."""


def record_name(output: Output, context: Context) -> str:
    return f"{output.name}:{context.edition.lang}" if output.scope is Scope.EDITION and context.edition else output.name


def run(output: Output, context: Context, previous: Record) -> tuple[str, OutputEntry]:
    """Make one output, or reuse what the last build made of the same inputs: (its name in the record, its entry)."""
    name = record_name(output, context)
    key = output.inputs(context)
    known = previous.outputs.get(name)
    if (
        key is not None
        and known is not None
        and known.inputs == key
        and all(context.store.has(digest) for files in known.files.values() for digest in files.values())
    ):
        output.reused(context, known)
        return name, OutputEntry(key, {target: dict(files) for target, files in known.files.items()})
    made = Files(context.store, name, output.target)
    output.produce(context, made)
    return name, OutputEntry(key or NO_INPUTS, {target.value: files for target, files in made.trees.items()})


def inputs_digest(*parts: object) -> str:
    """A digest of an output's inputs, from strings, bytes and mappings of them (in a stable order)."""
    digest = hashlib.sha256()
    for part in parts:
        if isinstance(part, dict):
            for key in sorted(part):
                digest.update(f"{key}\0{part[key]}\0".encode())
        elif isinstance(part, bytes):
            digest.update(part)
        else:
            digest.update(f"{part}\0".encode())
        digest.update(b"\1")
    return digest.hexdigest()
