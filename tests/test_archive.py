"""The offline edition as one zip (site/archive.py): every file under one top folder, the same bytes for the same
input, readable by anyone, and no older zip left beside it."""
from __future__ import annotations

import os
import zipfile

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
            assert info.date_time == FIXED_TIME and (info.external_attr >> 16) == 0o644
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
