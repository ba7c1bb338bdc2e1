"""What a build leaves in its output folders (site/outputs.py): every path stays inside its folder, a file is
written whole or not at all and never rewritten when unchanged, the manifest knows the very files a build wrote,
and a finished build's outputs are put in place together or not at all."""
from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

from hiwar.site import outputs
from hiwar.site.outputs import (Manifest, OutsideOutput, inside, publish, remove_stale, unlink_before_write,
                                write_atomically, write_or_link)

PAGE = "articles/x/index.html"


@pytest.mark.parametrize("relative", ["index.html", "articles/x/index.html", "en/feed.xml", "citations/مقال.ar.bib"])
def test_a_path_inside_the_folder_is_the_folder_joined_with_it(tmp_path, relative):
    assert inside(tmp_path, relative) == tmp_path / relative


@pytest.mark.parametrize("relative", ["", "/etc/passwd", "..", "../site-offline/index.html", "articles/../../x",
                                      "articles/./x", "./index.html", "articles//x", "articles/", "articles\\..\\x",
                                      "index.html\0.txt"])
def test_a_path_that_could_leave_the_folder_is_refused(tmp_path, relative):
    with pytest.raises(OutsideOutput, match="is not a path inside"):
        inside(tmp_path, relative)


def test_a_file_is_written_with_its_folders_readable_by_anyone_and_no_partial_file_left(tmp_path):
    path = write_atomically(tmp_path, PAGE, b"<p>1</p>")
    assert path == tmp_path / PAGE and path.read_bytes() == b"<p>1</p>"
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert [p.name for p in path.parent.iterdir()] == ["index.html"]


def test_writing_the_same_bytes_again_leaves_the_file_untouched(tmp_path):
    path = write_atomically(tmp_path, PAGE, b"<p>1</p>")
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))  # an old file: a rewrite would show in its time
    before = path.stat()
    write_atomically(tmp_path, PAGE, b"<p>1</p>")
    after = path.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_a_changed_file_is_replaced_and_the_copy_linked_into_an_earlier_build_keeps_its_text(tmp_path):
    earlier = tmp_path / "earlier" / "index.html"
    earlier.parent.mkdir()
    earlier.write_bytes(b"<p>1</p>")
    site = tmp_path / "site"
    site.mkdir()
    os.link(earlier, site / "index.html")  # taken from the earlier build
    write_atomically(site, "index.html", b"<p>2</p>")
    assert (site / "index.html").read_bytes() == b"<p>2</p>"
    assert earlier.read_bytes() == b"<p>1</p>" and earlier.stat().st_nlink == 1


def test_a_file_of_the_same_size_but_other_bytes_is_rewritten(tmp_path):
    path = write_atomically(tmp_path, "a.txt", b"abc")
    write_atomically(tmp_path, "a.txt", b"abd")
    assert path.read_bytes() == b"abd"


def test_a_new_file_with_the_bytes_of_the_earlier_builds_copy_is_linked_to_it_and_any_other_is_written(tmp_path):
    earlier, site = tmp_path / "earlier", tmp_path / "site"
    write_atomically(earlier, "search/pages/0.js", b"same")
    write_atomically(earlier, "search/pages/1.js", b"old")
    linked = write_or_link(site, "search/pages/0.js", b"same", earlier)
    written = write_or_link(site, "search/pages/1.js", b"new", earlier)
    alone = write_or_link(site, "search/pages/2.js", b"only here", earlier)
    assert linked.stat().st_ino == (earlier / "search/pages/0.js").stat().st_ino
    assert written.read_bytes() == b"new" and (earlier / "search/pages/1.js").read_bytes() == b"old"
    assert alone.read_bytes() == b"only here" and written.stat().st_nlink == alone.stat().st_nlink == 1
    write_or_link(site, "search/pages/0.js", b"changed", earlier)  # replaced, never written through the link
    assert (earlier / "search/pages/0.js").read_bytes() == b"same"
    with pytest.raises(OutsideOutput):
        write_or_link(site, "../earlier/x.js", b"same", earlier)


def test_a_failed_write_leaves_the_old_file_and_no_partial_file(tmp_path, monkeypatch):
    path = write_atomically(tmp_path, "a.txt", b"old")

    def refuse(source, target):
        raise OSError("disk full")
    monkeypatch.setattr(outputs.os, "replace", refuse)
    with pytest.raises(OSError, match="disk full"):
        write_atomically(tmp_path, "a.txt", b"new")
    assert path.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_a_file_shared_with_an_earlier_build_is_detached_before_a_writer_opens_it_in_place(tmp_path):
    earlier, shared, own = tmp_path / "earlier.html", tmp_path / "shared.html", tmp_path / "own.html"
    earlier.write_bytes(b"1")
    os.link(earlier, shared)
    own.write_bytes(b"2")
    unlink_before_write(shared)
    unlink_before_write(own)
    unlink_before_write(tmp_path / "missing.html")
    assert not shared.exists() and earlier.read_bytes() == b"1"
    assert own.read_bytes() == b"2"  # a file of this build alone is left for the writer to overwrite


# ---- the manifest ------------------------------------------------------------------------------------------------
def built(site, pages: dict[str, bytes]) -> Manifest:
    """A site folder holding `pages`, recorded in a manifest as the build wrote them (key = path, inputs = 'in')."""
    for dest, data in pages.items():
        write_atomically(site, dest, data)
    manifest = Manifest("fingerprint")
    manifest.record("ar", site, {dest: (f"key of {dest}", "in") for dest in pages})
    return manifest


def test_a_page_as_the_build_wrote_it_is_known_by_its_key_and_inputs(tmp_path):
    manifest = built(tmp_path, {PAGE: b"<p>1</p>"})
    assert manifest.written("ar", tmp_path, PAGE) == (f"key of {PAGE}", "in")
    assert manifest.written("en", tmp_path, PAGE) is None  # another edition's page of that path
    assert manifest.written("ar", tmp_path, "articles/y/index.html") is None


@pytest.mark.parametrize("change", [
    lambda path: path.write_bytes(b"<p>2</p>"),  # edited in place: same inode, same size, later time
    lambda path: (path.unlink(), path.write_bytes(b"<p>1</p>")),  # replaced by a copy of the same bytes
    lambda path: path.unlink(),
], ids=["edited in place", "replaced by a copy", "removed"])
def test_a_page_that_is_no_longer_the_file_the_build_wrote_is_not_known(tmp_path, change):
    manifest = built(tmp_path, {PAGE: b"<p>1</p>"})
    os.utime(tmp_path / PAGE, ns=(1_000_000_000, 1_000_000_000))
    manifest.record("ar", tmp_path, {PAGE: ("key", "in")})
    change(tmp_path / PAGE)
    assert manifest.written("ar", tmp_path, PAGE) is None


def test_a_page_not_written_is_not_recorded_so_it_is_rendered_next_time(tmp_path):
    manifest = built(tmp_path, {PAGE: b"<p>1</p>"})
    manifest.record("ar", tmp_path, {PAGE: ("key", "in"), "empty/index.html": ("key", "in")})
    assert set(manifest.pages["ar"]) == {PAGE}


def test_a_manifest_reads_back_as_saved_and_an_unreadable_one_is_empty(tmp_path):
    manifest = built(tmp_path / "site", {PAGE: b"<p>1</p>"})
    manifest.save(tmp_path / "cache" / "manifest.json")
    assert Manifest.load(tmp_path / "cache" / "manifest.json") == manifest
    assert Manifest.load(tmp_path / "cache" / "missing.json") == Manifest()
    (tmp_path / "cache" / "broken.json").write_text('{"fingerprint": "x"', encoding="utf-8")
    assert Manifest.load(tmp_path / "cache" / "broken.json") == Manifest()
    (tmp_path / "cache" / "other.json").write_text('{"pages": {}}', encoding="utf-8")
    assert Manifest.load(tmp_path / "cache" / "other.json") == Manifest()


def test_an_empty_folder_takes_the_recorded_pages_of_the_earlier_build_as_hard_links(tmp_path):
    previous, target = tmp_path / "site", tmp_path / "next"
    manifest = built(previous, {PAGE: b"<p>1</p>", "en/index.html": b"<p>en</p>"})
    write_atomically(previous, "assets/style.css", b"body {}")  # not a recorded page
    assert manifest.take_from(previous, target, None, None) == 2
    assert (target / PAGE).stat().st_ino == (previous / PAGE).stat().st_ino
    assert (target / "en/index.html").read_bytes() == b"<p>en</p>"
    assert not (target / "assets").exists()  # assets are made afresh
    # a page linked this way is still the very file recorded: the next build reuses it
    assert manifest.written("ar", target, PAGE) == (f"key of {PAGE}", "in")


def test_a_page_changed_since_the_earlier_build_is_not_taken(tmp_path):
    previous, target = tmp_path / "site", tmp_path / "next"
    manifest = built(previous, {PAGE: b"<p>1</p>", "index.html": b"<p>home</p>"})
    (previous / PAGE).write_bytes(b"<p>edited by hand</p>")
    assert manifest.take_from(previous, target, None, None) == 1
    assert not (target / PAGE).exists() and (target / "index.html").exists()


def test_nothing_is_taken_into_a_folder_that_holds_files_or_from_a_folder_that_is_gone(tmp_path):
    previous, target = tmp_path / "site", tmp_path / "next"
    manifest = built(previous, {PAGE: b"<p>1</p>"})
    write_atomically(target, "index.html", b"<p>new</p>")
    assert manifest.take_from(previous, target, None, None) == 0
    assert manifest.take_from(tmp_path / "gone", tmp_path / "other", None, None) == 0
    assert not (target / PAGE).exists()


def test_the_offline_version_of_a_taken_page_is_taken_when_it_was_derived_from_that_page(tmp_path):
    previous, target = tmp_path / "site", tmp_path / "next"
    manifest = built(previous, {PAGE: b"<a href='x/'>", "index.html": b"<a href='a/'>"})
    previous_offline, offline = tmp_path / "site-offline", tmp_path / "next-offline"
    write_atomically(previous_offline, PAGE, b"<a href='x/index.html'>")
    write_atomically(previous_offline, "index.html", b"<a href='a/index.html'>")
    page_time = (previous / "index.html").stat().st_mtime_ns
    os.utime(previous_offline / "index.html", ns=(page_time - 10**9, page_time - 10**9))  # older than its page
    assert manifest.take_from(previous, target, previous_offline, offline) == 2
    assert (offline / PAGE).stat().st_ino == (previous_offline / PAGE).stat().st_ino
    assert not (offline / "index.html").exists()  # derived from an older page: derived again


def test_stale_pages_go_with_the_folders_they_leave_empty(tmp_path):
    for dest in ("articles/gone/index.html", "articles/kept/index.html", "en/articles/gone/index.html"):
        write_atomically(tmp_path, dest, b"x")
    remove_stale(tmp_path, ["articles/gone/index.html", "en/articles/gone/index.html", "articles/never/index.html"])
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == [
        "articles", "articles/kept", "articles/kept/index.html"]
    with pytest.raises(OutsideOutput):
        remove_stale(tmp_path / "articles", ["../articles/kept/index.html"])


# ---- publishing ----------------------------------------------------------------------------------------------------
def finished_build(tmp_path, version: str, missing: str = ""):
    """A stage holding a site, its offline edition and the zip of a build; the targets they are published to."""
    stage = tmp_path / "build" / "next"
    for name in ("site", "site-offline"):
        if name != missing:
            write_atomically(stage / name, "index.html", version.encode())
    if missing != "zip":
        write_atomically(stage, "hiwar-offline.zip", version.encode())
    targets = [("site", tmp_path / "site"), ("site-offline", tmp_path / "site-offline"),
               ("hiwar-offline.zip", tmp_path / "dist" / "hiwar-offline.zip")]
    return stage, targets


def versions(targets) -> list[str | None]:
    found = []
    for _, target in targets:
        path = target / "index.html" if target.suffix != ".zip" else target
        found.append(path.read_text() if path.exists() else None)
    return found


def test_a_finished_build_replaces_the_site_the_offline_edition_and_the_zip_together(tmp_path):
    stage, targets = finished_build(tmp_path, "1")
    publish(stage, targets)
    assert versions(targets) == ["1", "1", "1"]
    stage, targets = finished_build(tmp_path, "2")
    publish(stage, targets)
    assert versions(targets) == ["2", "2", "2"]
    assert not any(stage.iterdir()) and not (tmp_path / "build" / "next.previous").exists()


@pytest.mark.parametrize("missing", ["site", "site-offline", "zip"])
def test_a_build_with_an_output_missing_publishes_nothing(tmp_path, missing):
    publish(*finished_build(tmp_path, "1"))
    stage, targets = finished_build(tmp_path, "2", missing=missing)
    with pytest.raises(FileNotFoundError, match="was not built"):
        publish(stage, targets)
    assert versions(targets) == ["1", "1", "1"]


@pytest.mark.parametrize("before,expected", [
    ("earlier build", ["1", "1", "1"]),
    ("nothing", [None, None, None]),  # the first build
    ("offline edition removed by hand", ["1", None, "1"]),
])
def test_when_a_move_fails_the_outputs_moved_so_far_are_put_back(tmp_path, monkeypatch, before, expected):
    if before != "nothing":
        publish(*finished_build(tmp_path, "1"))
    if before == "offline edition removed by hand":
        shutil.rmtree(tmp_path / "site-offline")
    stage, targets = finished_build(tmp_path, "2")
    replace = os.replace

    def fail_on_the_zip(source, target):
        if Path(source) == stage / "hiwar-offline.zip":
            raise OSError("cross-device link")
        replace(source, target)
    monkeypatch.setattr(outputs.os, "replace", fail_on_the_zip)
    with pytest.raises(OSError, match="cross-device link"):
        publish(stage, targets)
    assert versions(targets) == expected  # never a new output beside old ones
