"""The offline edition as one zip (outputs/archive.py): every file under one top folder in name order, the same bytes
for the same files, readable by zipfile and unzip, each file compressed once and taken from the store after that."""

from __future__ import annotations

import io
import os
import shutil
import stat
import struct
import subprocess
import zipfile

import pytest

from hiwar.outputs import archive as archive_module
from hiwar.outputs.archive import FIXED_TIME, write_zip
from hiwar.outputs.contract import Derivations
from hiwar.outputs.store import Store

FILES = {
    "index.html": "<p>home</p>".encode(),
    "articles/a/index.html": "<p>مقال</p>".encode(),
    "assets/style.css": b"body {}",
}


def zipped(tmp_path, files: dict[str, bytes], derived: Derivations | None = None, progress=lambda count: None) -> bytes:
    store = Store(tmp_path / "store")
    tree = {path: store.put(data) for path, data in files.items()}
    out = io.BytesIO()
    write_zip(tree, store, derived if derived is not None else Derivations({}), out, "hiwar-offline", progress)
    return out.getvalue()


def test_every_file_is_in_the_zip_under_its_top_folder_in_name_order(tmp_path):
    counted = []
    data = zipped(tmp_path, FILES, progress=counted.append)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.namelist() == [
            "hiwar-offline/articles/a/index.html",
            "hiwar-offline/assets/style.css",
            "hiwar-offline/index.html",
        ]
        assert archive.read("hiwar-offline/articles/a/index.html").decode("utf-8") == "<p>مقال</p>"
        for info in archive.infolist():
            mode = info.external_attr >> 16
            assert info.date_time == FIXED_TIME and stat.S_ISREG(mode) and stat.S_IMODE(mode) == 0o644
            assert info.compress_type == zipfile.ZIP_DEFLATED
    assert counted == [1, 1, 1]


def test_the_same_files_give_the_same_bytes_in_any_order_and_from_any_store(tmp_path):
    assert zipped(tmp_path / "one", FILES) == zipped(tmp_path / "two", dict(reversed(FILES.items())))


def test_every_entry_reads_back_with_its_checksum_in_zipfile_and_unzip(tmp_path):
    files = {**FILES, "بحث.js": os.urandom(300_000)}  # a name beyond ASCII; data that does not compress
    target = tmp_path / "hiwar-offline.zip"
    target.write_bytes(zipped(tmp_path, files))
    with zipfile.ZipFile(target) as archive:
        assert archive.testzip() is None
        assert archive.read("hiwar-offline/بحث.js") == files["بحث.js"]
    if shutil.which("unzip"):
        result = subprocess.run(["unzip", "-tq", str(target)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def counting_packs(monkeypatch) -> list[int]:
    compressed = []
    pack = archive_module._pack
    monkeypatch.setattr(archive_module, "_pack", lambda content: compressed.append(len(content)) or pack(content))
    return compressed


def test_a_rebuild_compresses_only_what_changed_and_gives_the_bytes_of_a_fresh_zip(tmp_path, monkeypatch):
    derived = Derivations({})
    zipped(tmp_path, FILES, derived)
    edited = {
        **FILES,
        "articles/a/index.html": "<p>مقال آخر</p>".encode(),
        "articles/b/index.html": "<p>جديد</p>".encode(),
    }
    compressed = counting_packs(monkeypatch)
    again = zipped(tmp_path, edited, Derivations(derived.made))
    assert len(compressed) == 2  # the edited page and the new one; the others come from the store
    assert again == zipped(tmp_path / "fresh", edited)


def test_a_compressed_entry_the_store_lost_or_damaged_is_compressed_again(tmp_path, monkeypatch):
    derived = Derivations({})
    first = zipped(tmp_path, FILES, derived)
    damaged = next(iter(derived.made.values()))
    blob = tmp_path / "store" / damaged[:2] / damaged[2:]
    blob.write_bytes(blob.read_bytes()[:-3] + b"xyz")
    compressed = counting_packs(monkeypatch)
    assert zipped(tmp_path, FILES, Derivations(derived.made)) == first
    assert len(compressed) == 1


def test_more_entries_than_a_plain_zip_holds_are_written_with_zip64_records(tmp_path, monkeypatch):
    # The plain end record counts to 65,535; the limit is lowered so that the ZIP64 records are written for 1,200
    # entries (zipfile reads them whenever they are there; unzip -t, which looks for them only when the plain record
    # is full, passed on 70,000 real entries, too slow a test for every run).
    monkeypatch.setattr(archive_module, "_U16", 1000)
    files = {f"{folder}/{number}.js": b"x" for folder in range(12) for number in range(100)}
    derived = Derivations({})
    content = zipped(tmp_path, files, derived)
    assert content.count(struct.pack("<I", 0x06064B50)) == 1 and content.count(struct.pack("<I", 0x07064B50)) == 1
    assert struct.unpack_from("<H", content, len(content) - 12)[0] == 1000  # the plain record says "see ZIP64"
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        names = archive.namelist()
        assert len(names) == 1_200 and archive.read("hiwar-offline/11/99.js") == b"x"
        assert archive.testzip() is None
    assert zipped(tmp_path, files, Derivations(derived.made)) == content  # every entry from the store


def test_a_file_of_4_gib_is_refused_with_its_name(tmp_path, monkeypatch):
    monkeypatch.setattr(archive_module, "_U32", 5)
    with pytest.raises(OSError, match="articles/a/index.html"):
        zipped(tmp_path, FILES)
