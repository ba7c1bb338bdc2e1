"""`make pages` writing the converter's Markdown (site/markdown_pages.py): only changed pages are written, pages of
seeds that are gone are removed, files the converter does not own stay, and a failure leaves the folder as it was."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hiwar.outputs.paths import OutsideOutput
from hiwar.site.markdown_pages import write_pages

OWNED = ["ar/index.md", "ar/articles", "en/articles"]


def tree(root) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): p.read_text(encoding="utf-8") for p in sorted(root.rglob("*")) if p.is_file()
    }


def test_pages_are_written_in_the_layout_of_docs(tmp_path):
    pages = {"ar/index.md": "# home", "ar/articles/a.md": "# أ", "en/articles/a.md": "# A"}
    assert write_pages(pages, tmp_path / "out", OWNED) == 3
    assert tree(tmp_path / "out") == pages
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".pages-")]  # no staging folder left


def test_only_changed_pages_are_written_again(tmp_path):
    out = tmp_path / "out"
    write_pages({"ar/articles/a.md": "1", "ar/articles/b.md": "1"}, out, OWNED)
    os.utime(out / "ar/articles/a.md", ns=(10**9, 10**9))
    assert write_pages({"ar/articles/a.md": "1", "ar/articles/b.md": "2"}, out, OWNED) == 1
    assert (out / "ar/articles/a.md").stat().st_mtime_ns == 10**9
    assert tree(out) == {"ar/articles/a.md": "1", "ar/articles/b.md": "2"}


def test_pages_of_seeds_that_are_gone_are_removed_and_other_files_stay(tmp_path):
    out = tmp_path / "out"
    write_pages({"ar/articles/a.md": "1", "ar/articles/old/b.md": "1"}, out, OWNED)
    (out / "ar" / "about.md").write_text("written by hand", encoding="utf-8")
    write_pages({"ar/articles/a.md": "1"}, out, OWNED)
    assert tree(out) == {"ar/about.md": "written by hand", "ar/articles/a.md": "1"}
    assert not (out / "ar/articles/old").exists()  # the folder it left empty went with it


def test_a_failure_while_writing_leaves_the_folder_as_it_was(tmp_path, monkeypatch):
    out = tmp_path / "out"
    write_pages({"ar/articles/a.md": "1"}, out, OWNED)
    written = []
    write_bytes = Path.write_bytes

    def disk_full_on_the_second(path, data):
        written.append(path)
        if len(written) == 2:
            raise OSError("disk full")
        return write_bytes(path, data)

    monkeypatch.setattr(Path, "write_bytes", disk_full_on_the_second)
    with pytest.raises(OSError, match="disk full"):
        write_pages({"ar/articles/a.md": "2", "ar/articles/b.md": "2"}, out, OWNED)
    assert tree(out) == {"ar/articles/a.md": "1"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # the staging folder is gone too


def test_a_page_path_cannot_leave_the_folder(tmp_path):
    with pytest.raises(OutsideOutput):
        write_pages({"../outside.md": "x"}, tmp_path / "out", OWNED)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # nothing written anywhere
