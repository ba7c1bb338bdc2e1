"""The offline edition as one zip (site/archive.py): every file under one top folder, the same bytes for the same
input, readable by anyone, and no older zip left beside it."""
from __future__ import annotations

import os
import shutil
import stat
import struct
import subprocess
import zipfile

import pytest

from hiwar.site import archive as archive_module
from hiwar.site.archive import FIXED_TIME, zip_site


def offline_site(root):
    for relative, text in {"index.html": "<p>home</p>", "articles/a/index.html": "<p>مقال</p>",
                           "assets/style.css": "body {}"}.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_every_file_is_in_the_zip_under_its_top_folder_in_name_order(tmp_path):
    site = offline_site(tmp_path / "site-offline")
    counted = []
    assert zip_site(site, tmp_path / "dist" / "hiwar-offline.zip", "hiwar-offline", progress=counted.append) == 3
    with zipfile.ZipFile(tmp_path / "dist" / "hiwar-offline.zip") as archive:
        assert archive.namelist() == ["hiwar-offline/articles/a/index.html", "hiwar-offline/assets/style.css",
                                      "hiwar-offline/index.html"]
        assert archive.read("hiwar-offline/articles/a/index.html").decode("utf-8") == "<p>مقال</p>"
        for info in archive.infolist():
            mode = info.external_attr >> 16
            assert info.date_time == FIXED_TIME and stat.S_ISREG(mode) and stat.S_IMODE(mode) == 0o644
            assert info.compress_type == zipfile.ZIP_DEFLATED
    assert counted == [1, 1, 1]


def test_the_same_files_give_the_same_bytes_whenever_they_were_written(tmp_path):
    site = offline_site(tmp_path / "site-offline")
    first = tmp_path / "one" / "hiwar-offline.zip"
    zip_site(site, first, "hiwar-offline")
    for path in site.rglob("*"):
        os.utime(path, ns=(10**18, 10**18))
    second = tmp_path / "two" / "hiwar-offline.zip"
    zip_site(site, second, "hiwar-offline")
    assert first.read_bytes() == second.read_bytes()


def test_an_older_offline_zip_beside_it_is_removed_and_no_partial_file_is_left(tmp_path):
    dist = tmp_path / "dist"
    dist.mkdir()
    (dist / "old-name-offline.zip").write_bytes(b"old")
    (dist / "notes.txt").write_text("kept", encoding="utf-8")
    zip_site(offline_site(tmp_path / "site-offline"), dist / "hiwar-offline.zip", "hiwar-offline")
    assert sorted(p.name for p in dist.iterdir()) == ["hiwar-offline.zip", "notes.txt"]


def test_every_entry_reads_back_with_its_checksum_in_zipfile_and_unzip(tmp_path):
    site = offline_site(tmp_path / "site-offline")
    (site / "بحث.js").write_bytes(os.urandom(300_000))  # a name beyond ASCII; data that does not compress
    target = tmp_path / "hiwar-offline.zip"
    zip_site(site, target, "hiwar-offline")
    with zipfile.ZipFile(target) as archive:
        assert archive.testzip() is None
        assert archive.read("hiwar-offline/بحث.js") == (site / "بحث.js").read_bytes()
    if shutil.which("unzip"):
        result = subprocess.run(["unzip", "-tq", str(target)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def counting_deflate(monkeypatch) -> list[int]:
    compressed = []
    deflate = archive_module._deflate
    monkeypatch.setattr(archive_module, "_deflate", lambda content: compressed.append(len(content)) or deflate(content))
    return compressed


def test_a_rebuild_compresses_only_what_changed_and_gives_the_bytes_of_a_fresh_zip(tmp_path, monkeypatch):
    site = offline_site(tmp_path / "site-offline")
    first = tmp_path / "dist" / "hiwar-offline.zip"
    zip_site(site, first, "hiwar-offline")
    (site / "articles" / "a" / "index.html").write_text("<p>مقال آخر</p>", encoding="utf-8")
    (site / "articles" / "b").mkdir()
    (site / "articles" / "b" / "index.html").write_text("<p>جديد</p>", encoding="utf-8")
    compressed = counting_deflate(monkeypatch)
    second = tmp_path / "next" / "hiwar-offline.zip"
    zip_site(site, second, "hiwar-offline", previous=first)
    assert len(compressed) == 2  # the edited page and the new one; the others are copied as they were
    fresh = tmp_path / "fresh" / "hiwar-offline.zip"
    zip_site(site, fresh, "hiwar-offline")
    assert second.read_bytes() == fresh.read_bytes()


def test_an_archive_this_writer_did_not_make_is_not_copied_from(tmp_path, monkeypatch):
    site = offline_site(tmp_path / "site-offline")
    other = tmp_path / "other.zip"
    with zipfile.ZipFile(other, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("hiwar-offline/index.html", "<p>something else</p>")
    (tmp_path / "broken.zip").write_bytes(b"PK not a zip")
    for previous in (other, tmp_path / "broken.zip", tmp_path / "missing.zip"):
        compressed = counting_deflate(monkeypatch)
        zip_site(site, tmp_path / "dist" / "hiwar-offline.zip", "hiwar-offline", previous=previous)
        assert len(compressed) == 3
        monkeypatch.undo()
    with zipfile.ZipFile(tmp_path / "dist" / "hiwar-offline.zip") as archive:
        assert archive.read("hiwar-offline/index.html") == b"<p>home</p>"


def test_more_entries_than_a_plain_zip_holds_are_written_with_zip64_records(tmp_path, monkeypatch):
    # The plain end record counts to 65,535; the limit is lowered so that the ZIP64 records are written for 1,200
    # entries (zipfile reads them whenever they are there; unzip -t, which looks for them only when the plain record
    # is full, passed on 70,000 real entries, too slow a test for every run).
    monkeypatch.setattr(archive_module, "_U16", 1000)
    site = tmp_path / "site-offline"
    for folder in range(12):
        (site / str(folder)).mkdir(parents=True)
        for number in range(100):
            (site / str(folder) / f"{number}.js").write_bytes(b"x")
    target = tmp_path / "dist" / "hiwar-offline.zip"
    assert zip_site(site, target, "hiwar-offline") == 1_200
    content = target.read_bytes()
    assert content.count(struct.pack("<I", 0x06064B50)) == 1 and content.count(struct.pack("<I", 0x07064B50)) == 1
    assert struct.unpack_from("<H", content, len(content) - 12)[0] == 1000  # the plain record says "see ZIP64"
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        assert len(names) == 1_200 and archive.read("hiwar-offline/11/99.js") == b"x"
        assert archive.testzip() is None
    again = tmp_path / "next" / "hiwar-offline.zip"
    zip_site(site, again, "hiwar-offline", previous=target)  # every entry copied from an archive with ZIP64 records
    assert again.read_bytes() == content
