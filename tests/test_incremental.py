"""Rebuilding after an edit renders only the pages whose inputs changed, and leaves nothing stale: after every kind
of edit (a seed, an article's editorial file, a shared vocabulary, a template), an incremental build gives exactly
the site a build from scratch gives; it rewrites every file whose content changed, and no page whose inputs (its
Markdown, or the templates) stayed the same."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT, content, html, make_project, mkdocs_build, run_pages

NEW_PARAGRAPH = "وفي تطور لاحق، التقى مصطفى الكاظمي بالسفير الأمريكي في بغداد لبحث الجدول الزمني."
# Rendered on every build: the theme's pages (MkDocs writes them without asking whether they changed: the default
# edition's 404 and offline pages) and the hand-written pages of docs/ (few; the build never trusts a file's time in the
# site folder to skip one).
ALWAYS_WRITTEN = {"404.html", "503.html", "about/index.html", "en/about/index.html"}


def _files(site: Path) -> dict[str, tuple[bytes, int, int]]:
    return {
        p.relative_to(site).as_posix(): (p.read_bytes(), p.stat().st_ino, p.stat().st_mtime_ns)
        for p in site.rglob("*")
        if p.is_file()
    }


def _markdown(project: Path, out: Path) -> dict[str, bytes]:
    """The converter's pages of the project, by the path of the HTML file each becomes."""
    assert run_pages(project / "seeds", out, project / "editorial").returncode == 0
    pages = {}
    for path in out.rglob("*.md"):
        lang, rest = path.relative_to(out).as_posix().split("/", 1)
        stem = rest[:-3]
        html_path = f"{stem}.html" if stem.endswith("index") else f"{stem}/index.html"
        pages[("" if lang == "ar" else f"{lang}/") + html_path] = path.read_bytes()
    return pages


def _project(tmp_path: Path) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in ("date_line.txt", "headings.txt", "nested_bullets.txt", "byline_biqalam.txt"):
        (seeds / name).write_bytes((FIXTURES / "traits" / name).read_bytes())
    project = make_project(tmp_path, seeds)
    (project / "editorial" / "date_line.yml").write_text(
        "summary:\n  ar: ملخص كتبه المحررون.\n  en: A summary written by the editors.\ntags: [strategic-dialogue]\n",
        encoding="utf-8",
    )  # a topic whose label the vocabulary edit changes
    # A copy of the templates, so that the test can edit one.
    (project / "overrides").unlink()
    shutil.copytree(ROOT / "overrides", project / "overrides")
    return project


def _edit_seed(project: Path) -> None:
    seed = project / "seeds" / "headings.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "\n" + NEW_PARAGRAPH + "\n", encoding="utf-8")


def _edit_editorial(project: Path) -> None:
    (project / "editorial" / "date_line.yml").write_text(
        "summary:\n  ar: ملخص آخر كتبه المحررون.\n  en: Another summary written by the editors.\n"
        "tags: [strategic-dialogue]\n",
        encoding="utf-8",
    )


def _edit_vocabulary(project: Path) -> None:
    tags = project / "editorial" / "tags.yml"
    tags.write_text(
        tags.read_text(encoding="utf-8").replace("en: Strategic dialogue\n", "en: The strategic dialogue\n", 1),
        encoding="utf-8",
    )


def _edit_template(project: Path) -> None:
    header = project / "overrides" / "partials" / "article-header.html"
    header.write_text(
        header.read_text(encoding="utf-8").replace(
            '<div class="hiwar-article-meta">', '<div class="hiwar-article-meta" data-edited>'
        ),
        encoding="utf-8",
    )


@pytest.mark.parametrize(
    "edit",
    [
        _edit_seed,
        # make test-long: the in-place property test (test_rebuild_equals_clean.py) edits these in make test too
        pytest.param(_edit_editorial, marks=pytest.mark.long),
        pytest.param(_edit_vocabulary, marks=pytest.mark.long),
        pytest.param(_edit_template, marks=pytest.mark.long),
    ],
    ids=["seed", "editorial file", "shared vocabulary", "template"],
)
def test_an_incremental_build_equals_a_fresh_one_and_rewrites_only_what_changed(tmp_path, edit):
    project = _project(tmp_path)
    site = tmp_path / "site"
    assert mkdocs_build(project, site, dirty=True).returncode == 0
    before = _files(site)
    if edit is _edit_seed:
        _people_entry_lists_headings(site, False)
    markdown_before = _markdown(project, tmp_path / "pages-before")
    edit(project)
    markdown_after = _markdown(project, tmp_path / "pages-after")
    result = mkdocs_build(project, site, dirty=True)
    assert result.returncode == 0, result.stderr
    after = _files(site)
    fresh_result = mkdocs_build(project, tmp_path / "fresh")
    assert fresh_result.returncode == 0, fresh_result.stderr
    fresh = _files(tmp_path / "fresh")

    assert {path: data for path, (data, _, _) in after.items()} == {path: data for path, (data, _, _) in fresh.items()}
    changed = {path for path in after if path not in before or before[path][0] != after[path][0]}
    rewritten = {path for path in after if path not in before or before[path][1:] != after[path][1:]}
    assert changed, "the edit changed nothing a reader sees"
    assert changed <= rewritten
    if edit is _edit_seed:  # the edited article, and the listings that show it, change
        assert (
            "التقى مصطفى الكاظمي بالسفير الأمريكي"
            in content(html(site / "articles" / "headings" / "index.html")).get_text()
        )
        _people_entry_lists_headings(site, True)
    if edit is not _edit_template:  # a template is an input of every page
        inputs_changed = {path for path in markdown_after if markdown_before.get(path) != markdown_after[path]}
        assert {p for p in rewritten if p.endswith(".html")} - ALWAYS_WRITTEN <= inputs_changed | changed


def _people_entry_lists_headings(site: Path, listed: bool) -> None:
    entry = content(html(site / "people" / "index.html")).find(id="mustafa-al-kadhimi")
    if listed:
        assert "headings" in str(entry.find_next_sibling("ul"))  # the index now lists the edited article
    else:
        assert entry is None or "headings" not in str(entry.find_next_sibling("ul"))


def test_a_page_changed_by_hand_is_restored_and_a_removed_seed_takes_its_pages_along(tmp_path):
    project = _project(tmp_path)
    site = tmp_path / "site"
    assert mkdocs_build(project, site, dirty=True).returncode == 0
    page = site / "articles" / "date_line" / "index.html"
    original = page.read_bytes()
    page.write_bytes(original.replace(b"<body", b"<body data-tampered", 1))
    (project / "seeds" / "headings.txt").unlink()
    assert mkdocs_build(project, site, dirty=True).returncode == 0
    assert page.read_bytes() == original
    assert not (site / "articles" / "headings").exists() and not (site / "en" / "articles" / "headings").exists()
