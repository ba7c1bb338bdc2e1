"""The data the engine (engine/plugin.py) and the build hand each other: plain values, no engine objects."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class EditionSettings:
    """What the engine's configuration takes from an edition."""

    site_name: str
    site_description: str
    copyright: str
    language: str
    mode_names: dict[str, str]  # the theme's palette scheme → the name of its toggle, in the edition's language
    permalink_title: str  # the heading links' tooltip
    note_back_title: str  # the tooltip of a note's link back to its mark (the footnotes' back links)
    nav: list[tuple[str, str]]  # (title, page path as in docs/) of each navigation entry
    homepage: str | None  # the edition's root, relative to the site root ("en/"); None for the site root
    without_templates: tuple[str, ...]  # the theme's own pages this edition does not write
    with_templates: tuple[str, ...]  # the theme's own pages the site adds (the offline page of the web app)
    watch: tuple[Path, ...]  # what a preview watches besides docs/


@dataclass(frozen=True)
class GeneratedFile:
    """A page or file the build adds to an edition: `markdown` is None when the edition's page is reused (the store
    holds it, made of the same inputs), and `content`/`source` give an asset's bytes."""

    src_uri: str  # in the layout of docs/: "ar/articles/NAME.md", "assets/fonts/x.woff2"
    dest: str  # the file written, relative to the site root
    page: bool
    markdown: str | None = None
    in_nav: bool = False
    content: bytes | None = None
    source: Path | None = None


@dataclass(frozen=True)
class PageSource:
    """A page as the engine knows it when it renders it."""

    src_uri: str  # "ar/articles/NAME.md", "en/about.md"
    dest: str  # "en/articles/NAME/index.html"
    url: str  # as served, relative to the site root ("" for the site's home page)
    title: str  # for <title>: the front-matter's, else the navigation's
    heading: str  # for the page's <h1>: the navigation's, else the front-matter's


class BuildProblem(Exception):
    """The build cannot go on: one line per problem, each `FILE: what is wrong`, and a last line that says so."""

    def __init__(self, lines: list[str], summary: str):
        super().__init__(summary)
        self.lines = lines
        self.summary = summary
