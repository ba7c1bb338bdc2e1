"""The record of a build: what every page and every output was made of and which blobs (store.py) hold its files.

The next build reuses a page or an output only when what it is made of is the same and its blobs are whole; the
record is typed (msgspec validates every field when it is read) and sealed (sealed.py): a damaged, truncated,
wrongly typed or edited record is reported in one line and the build starts from nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import msgspec

from hiwar.sealed import Unreadable, read_sealed, write_sealed

Digest = Annotated[str, msgspec.Meta(pattern="^[0-9a-f]{64}$")]
Target = Literal["site", "site-offline", "dist"]  # the values of contract.Target
KIND = "record/2"


class PageEntry(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """One generated page of an edition."""

    key: Digest  # its Markdown, with the site's fingerprint and the edition (build/plan.py)
    inputs: str  # what it is made of, when that is known without making its Markdown
    html: Digest  # the page as rendered
    body: Digest | None = None  # an article's body as rendered (the feeds' full text)
    search: Digest | None = None  # its search document (an article's from the model, another page's from its text)


class OutputEntry(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """The files one output made, by target folder ("site", "site-offline", "dist") and path inside it, and what they
    were made of."""

    inputs: Digest
    files: dict[Target, dict[str, Digest]]

    def of(self, target: str) -> dict[str, str]:
        return self.files.get(target, {})


class Record(msgspec.Struct, forbid_unknown_fields=True):
    fingerprint: str = ""  # templates, theme, configuration, code: another fingerprint reuses no page
    pages: dict[str, dict[str, PageEntry]] = {}  # edition -> page's path in the site -> entry
    outputs: dict[str, OutputEntry] = {}  # output name -> entry
    derived: dict[str, Digest] = {}  # "kind:digest of the source" -> digest of what was derived from it
    # edition -> path in the site -> blob, of its other files (hand-written pages, assets, the theme's files and pages)
    files: dict[str, dict[str, Digest]] = {}

    def blobs(self) -> set[str]:
        names = {entry.html for pages in self.pages.values() for entry in pages.values()}
        names |= {entry.body for pages in self.pages.values() for entry in pages.values() if entry.body}
        names |= {entry.search for pages in self.pages.values() for entry in pages.values() if entry.search}
        names |= {
            digest for output in self.outputs.values() for files in output.files.values() for digest in files.values()
        }
        names |= set(self.derived.values())
        names |= {digest for files in self.files.values() for digest in files.values()}
        return names


def load(path: Path) -> tuple[Record, Unreadable | None]:
    payload = read_sealed(path, KIND)
    if payload is None:
        return Record(), None
    if isinstance(payload, Unreadable):
        return Record(), payload
    try:
        return msgspec.json.decode(payload, type=Record), None
    except (msgspec.ValidationError, msgspec.DecodeError) as err:
        return Record(), Unreadable(path, f"does not hold a build record ({err})")


def save(record: Record, path: Path) -> None:
    write_sealed(path, KIND, msgspec.json.encode(record, order="sorted"))
