"""The converter's Markdown (README, "The converter's Markdown"): generated pages hold no HTML, only the syntax of the
site's Markdown extensions; a link is the path of the target page's Markdown, which MkDocs resolves and checks, so a
link to a page or an anchor that is not there stops the build; a page renders in time proportional to its size."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, make_project, mkdocs_build, site_markdown, split_page
from hiwar.enrich.article import enrich
from hiwar.ingest.reader import read_article
from hiwar.ingest.seed import ARTICLE_TEXT_LIMIT, read_seed
from hiwar.model.editorial import Editorial
from hiwar.site.editions import load_editions
from hiwar.site.pages import render_article, render_parallel
from hiwar.site.views import parallel_view

EDITIONS = load_editions(["ar", "en"])
# A Markdown link or a link target: [text](target)
LINK_TARGET = re.compile(r"\]\((?P<target>[^)\s]*)\)")


def test_generated_pages_hold_no_html_and_link_to_markdown(pages):
    bodies = {path: split_page(path.read_text(encoding="utf-8"))[1] for path in sorted(pages.rglob("*.md"))}
    assert len(bodies) > 40
    for path, body in bodies.items():
        assert "<" not in body, path  # a text's "<" is "&#60;"; no element is written as HTML
        for match in LINK_TARGET.finditer(body):
            target = match["target"]
            assert target.startswith("#") or target.split("#")[0].endswith(".md"), (path, target)
            if not target.startswith("#"):  # the page it names is there
                assert (path.parent / target.split("#")[0]).resolve().is_file(), (path, target)


BROKEN_LINKS = {
    "[nowhere](nowhere.md)": "contains a link 'nowhere.md', but the target 'en/nowhere.md' is not found",
    "[a ¶ no article has](articles/date_line.md#p-99)": (
        "contains a link 'articles/date_line.md#p-99', but the doc 'en/articles/date_line.md' does not contain an anchor"
    ),
}


@pytest.mark.parametrize("links", [["[the glossary](glossary.md)"], list(BROKEN_LINKS)])
def test_a_link_to_a_page_or_an_anchor_that_is_not_there_stops_the_build_naming_it(tmp_path, links):
    project = make_project(tmp_path, FIXTURES / "traits")
    about = project / "docs" / "en" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "".join(f"\n{link}\n" for link in links), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    problems = [BROKEN_LINKS[link] for link in links if link in BROKEN_LINKS]
    if not problems:
        assert result.returncode == 0, result.stderr
    else:
        assert result.returncode != 0 and "en/about.md" in result.stderr
        for problem in problems:  # each link is named, not only the first
            assert problem in result.stderr, result.stderr


def rendering_time(path: Path, size: int) -> float:
    """CPU seconds Python-Markdown, with the site's extensions, takes to render the article page of a seed of `size`
    bytes (whole lines of a real seed), and the side-by-side page's rows take to be made."""
    text = (ROOT / "seeds" / "002_344b185d2b28595d.txt").read_text(encoding="utf-8")
    data = ((text + "\n") * (size // len(text.encode()) + 1)).encode()
    path.write_bytes(data[: data.rindex(b"\n", 0, size) + 1])
    seed = read_seed(path)
    article = enrich(seed, read_article(seed), Editorial(), None, {})
    bodies = [
        split_page(render_article(article, EDITIONS[0], EDITIONS, {}))[1],
        split_page(render_parallel(article, EDITIONS[0], EDITIONS, {}))[1],
    ]
    started = time.process_time()
    for body in bodies:
        site_markdown().convert(body)
    parallel_view(article, EDITIONS[0], EDITIONS)
    return time.process_time() - started


@pytest.mark.long  # make test-long: two renders of a page as large as the limit allows
def test_a_page_as_large_as_an_article_may_be_renders_in_time_proportional_to_its_size(tmp_path):
    """A seed at the size limit (2 MiB) against one a quarter of it: four times the work, not sixteen (a page made of
    thousands of pymdownx.blocks wrappers takes time growing with the square)."""
    quarter = rendering_time(tmp_path / "quarter.txt", ARTICLE_TEXT_LIMIT.bytes // 4)
    whole = rendering_time(tmp_path / "whole.txt", ARTICLE_TEXT_LIMIT.bytes)
    assert whole < 8 * quarter, (quarter, whole)
