"""Rebuilding after an edit: only what changed is converted and written again, and nothing stays stale."""
from __future__ import annotations

import os

from conftest import FIXTURES, content, html, make_project, mkdocs_build

NEW_PARAGRAPH = "وفي تطور لاحق، التقى مصطفى الكاظمي بالسفير الأمريكي في بغداد لبحث الجدول الزمني."


def _mtimes(folder):
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*.md")}


def test_an_edited_seed_updates_its_pages_and_the_listings_and_leaves_the_rest_unwritten(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in ("date_line.txt", "headings.txt", "nested_bullets.txt"):
        (seeds / name).write_bytes((FIXTURES / "traits" / name).read_bytes())
    project = make_project(tmp_path, seeds)
    assert mkdocs_build(project, tmp_path / "site").returncode == 0
    docs = project / "docs" / "ar"
    before = _mtimes(docs)
    index_before = content(html(tmp_path / "site" / "people" / "index.html"))
    assert index_before.find(id="mustafa-al-kadhimi") is None or "headings" not in str(
        index_before.find(id="mustafa-al-kadhimi").find_next_sibling("ul"))

    edited = project / "seeds" / "headings.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n" + NEW_PARAGRAPH + "\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    after = _mtimes(docs)

    rewritten = {path for path in after if after[path] != before.get(path)}
    assert "articles/headings.md" in rewritten
    assert not rewritten & {"articles/date_line.md", "articles/nested_bullets.md"}  # untouched, not even rewritten
    page = content(html(tmp_path / "site" / "articles" / "headings" / "index.html"))
    assert "التقى مصطفى الكاظمي بالسفير الأمريكي" in page.get_text()
    entry = content(html(tmp_path / "site" / "people" / "index.html")).find(id="mustafa-al-kadhimi")
    assert "headings" in str(entry.find_next_sibling("ul"))  # the index now lists the edited article


def test_a_generated_page_changed_by_hand_is_restored_and_a_removed_seed_takes_its_pages_along(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in ("date_line.txt", "headings.txt"):
        (seeds / name).write_bytes((FIXTURES / "traits" / name).read_bytes())
    project = make_project(tmp_path, seeds)
    assert mkdocs_build(project, tmp_path / "site").returncode == 0
    generated = project / "docs" / "ar" / "articles" / "date_line.md"
    original = generated.read_bytes()
    generated.write_bytes(original.replace(b"---", b"--- ", 1))
    os.utime(generated, ns=(1, 1))  # whatever its time, a changed file is noticed
    (project / "seeds" / "headings.txt").unlink()
    assert mkdocs_build(project, tmp_path / "site").returncode == 0
    assert generated.read_bytes() == original
    assert not (project / "docs" / "ar" / "articles" / "headings.md").exists()
    assert not (tmp_path / "site" / "articles" / "headings").exists()
