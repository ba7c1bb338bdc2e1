"""What a build keeps and how it fills a folder (outputs/paths.py, store.py, record.py, tree.py, hiwar/sealed.py):
every path stays inside its folder; a blob is known by its content and a damaged one is dropped; the record and
the caches are typed and sealed, and a damaged one is said in one line and started afresh; a folder synced to a
tree holds exactly that tree, whatever was there before."""

from __future__ import annotations

import os
import stat

import msgspec
import pytest

from hiwar.outputs import paths
from hiwar.outputs.contract import OutputClash
from hiwar.outputs.paths import OutsideOutput, inside, write_atomically
from hiwar.outputs.record import OutputEntry, PageEntry, Record, load, save
from hiwar.outputs.store import Store, digest_of
from hiwar.outputs.tree import MissingBlob, merged, sync
from hiwar.sealed import Unreadable, read_sealed, write_sealed

PAGE = "articles/x/index.html"


# ---- paths -------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("relative", ["index.html", "articles/x/index.html", "en/feed.xml", "citations/مقال.ar.bib"])
def test_a_path_inside_the_folder_is_the_folder_joined_with_it(tmp_path, relative):
    assert inside(tmp_path, relative) == tmp_path / relative


@pytest.mark.parametrize(
    "relative",
    [
        "",
        "/etc/passwd",
        "..",
        "../site-offline/index.html",
        "articles/../../x",
        "articles/./x",
        "./index.html",
        "articles//x",
        "articles/",
        "articles\\..\\x",
        "index.html\0.txt",
    ],
)
def test_a_path_that_could_leave_the_folder_is_refused(tmp_path, relative):
    with pytest.raises(OutsideOutput, match="is not a path inside"):
        inside(tmp_path, relative)


def test_a_file_is_written_with_its_folders_readable_by_anyone_and_no_partial_file_left(tmp_path):
    path = write_atomically(tmp_path, PAGE, b"<p>1</p>")
    assert path == tmp_path / PAGE and path.read_bytes() == b"<p>1</p>"
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert [p.name for p in path.parent.iterdir()] == ["index.html"]


def test_a_failed_write_leaves_the_old_file_and_no_partial_file(tmp_path, monkeypatch):
    path = write_atomically(tmp_path, "a.txt", b"old")

    def refuse(source, target):
        raise OSError("disk full")

    monkeypatch.setattr(paths.os, "replace", refuse)
    with pytest.raises(OSError, match="disk full"):
        write_atomically(tmp_path, "a.txt", b"new")
    assert path.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["a.txt"]


# ---- the store ---------------------------------------------------------------------------------------------------
def test_a_blob_is_named_by_its_content_and_read_back(tmp_path):
    store = Store(tmp_path)
    digest = store.put(b"<p>1</p>")
    assert digest == digest_of(b"<p>1</p>") and Store(tmp_path).get(digest) == b"<p>1</p>"


@pytest.mark.parametrize(
    "damage",
    [lambda data: data[:-1], lambda data: data + b"x", lambda data: b"", lambda data: data.replace(b"1", b"2")],
    ids=["truncated", "longer", "emptied", "edited"],
)
def test_a_damaged_blob_is_not_returned_and_is_removed(tmp_path, damage):
    digest = Store(tmp_path).put(b"<p>1</p>")
    blob = tmp_path / digest[:2] / digest[2:]
    blob.write_bytes(damage(blob.read_bytes()))
    store = Store(tmp_path)
    assert store.get(digest) is None and not store.has(digest) and not blob.exists() and store.dropped == [digest]
    assert store.put(b"<p>1</p>") == digest and Store(tmp_path).get(digest) == b"<p>1</p>"


@pytest.mark.parametrize(
    "damage",
    [lambda data: data[:-1], lambda data: data + b"x", lambda data: b"", lambda data: data.replace(b"1", b"2")],
    ids=["truncated", "longer", "emptied", "edited"],
)
def test_a_damaged_blob_is_not_copied_out_and_is_removed(tmp_path, damage):
    data = b"<p>1</p>" * 300_000  # several of the chunks it is copied in
    digest = Store(tmp_path / "store").put(data)
    blob = tmp_path / "store" / digest[:2] / digest[2:]
    blob.write_bytes(damage(blob.read_bytes()))
    store, target = Store(tmp_path / "store"), tmp_path / "out" / "index.html"
    assert not store.copy_to(digest, target) and not target.exists() and not blob.exists()
    assert store.copy_to(store.put(data), target) and target.read_bytes() == data


def test_a_large_blob_is_checked_and_copied_out_without_being_read_whole(tmp_path, monkeypatch):
    store = Store(tmp_path / "store")
    data = os.urandom(3 << 20)
    digest = store.put(data)
    monkeypatch.setattr(Store, "get", lambda *args: pytest.fail("read whole"))
    assert Store(tmp_path / "store").has(digest)
    for fresh in (Store(tmp_path / "store"), store):  # hashed on the way; then known whole
        target = tmp_path / "out" / "hiwar.zim"
        assert fresh.copy_to(digest, target) and target.read_bytes() == data
        target.unlink()


def test_a_blob_name_that_is_not_a_digest_is_never_a_path(tmp_path):
    store = Store(tmp_path / "store")
    assert store.get("../../etc/passwd") is None and not store.has("..")


def test_a_file_written_elsewhere_is_adopted_by_its_content(tmp_path):
    store = Store(tmp_path / "store")
    made = store.temporary(".zip")
    made.write_bytes(b"zip")
    assert store.adopt(made) == digest_of(b"zip") and not made.exists() and store.get(digest_of(b"zip")) == b"zip"


def test_pruning_keeps_only_the_blobs_named(tmp_path):
    store = Store(tmp_path)
    kept, gone = store.put(b"kept"), store.put(b"gone")
    (tmp_path / ".made-left-by-a-crash").write_bytes(b"x")
    assert store.prune({kept}) == 1
    assert (
        Store(tmp_path).has(kept)
        and not Store(tmp_path).has(gone)
        and not (tmp_path / ".made-left-by-a-crash").exists()
    )


# ---- sealed files and the record ---------------------------------------------------------------------------------
def test_a_sealed_file_reads_back_and_says_why_when_it_cannot(tmp_path):
    path = tmp_path / "cache"
    assert read_sealed(path, "kind/1") is None  # a first build
    write_sealed(path, "kind/1", b"payload")
    assert read_sealed(path, "kind/1") == b"payload"
    assert isinstance(read_sealed(path, "kind/2"), Unreadable)
    path.write_bytes(path.read_bytes()[:-1])
    found = read_sealed(path, "kind/1")
    assert (
        isinstance(found, Unreadable)
        and str(found) == f"{path}: is damaged (its checksum does not match); it is made again"
    )
    path.write_bytes(b"\xff\xfe not even a header")
    assert "is not a cache file of this build" in str(read_sealed(path, "kind/1"))


RECORD = Record(
    "f" * 64,
    {"ar": {PAGE: PageEntry("a" * 64, "inputs", "b" * 64, "c" * 64, None)}},
    {"feeds:ar": OutputEntry("d" * 64, {"site": {"feed.xml": "e" * 64}})},
    {"offline-page:" + "b" * 64: "0" * 64},
)


def test_a_record_reads_back_as_saved(tmp_path):
    save(RECORD, tmp_path / "record")
    assert load(tmp_path / "record") == (RECORD, None)
    assert RECORD.blobs() == {"b" * 64, "c" * 64, "e" * 64, "0" * 64}


@pytest.mark.parametrize(
    "payload",
    [
        b'{"pages": {"ar": {"x": {"key": 5, "inputs": "", "html": "b"}}}}',  # a wrong type
        b'{"pages": {"ar": {"x": {"key": "zz", "inputs": "", "html": "b"}}}}',  # not a digest
        b'{"fingerprint": "", "extra": 1}',  # a field this code does not know
        b'{"outputs": {"x": {"inputs": "' + b"0" * 64 + b'", "files": {"elsewhere": {}}}}}',  # a target that is none
        b"[1, 2]",
        b'{"pages": ',
        b"",
    ],
    ids=["wrong type", "not a digest", "unknown field", "no such target", "a list", "cut short", "empty"],
)
def test_a_record_of_another_shape_is_said_once_and_the_build_starts_afresh(tmp_path, payload):
    write_sealed(tmp_path / "record", "record/2", payload)
    record, unreadable = load(tmp_path / "record")
    assert record == Record() and "does not hold a build record" in str(unreadable)


# ---- trees ---------------------------------------------------------------------------------------------------------
def test_trees_of_several_outputs_merge_and_a_path_two_of_them_make_differently_is_refused():
    assert merged({"a": {"x": "1" * 64}, "b": {"y": "2" * 64}}) == {"x": "1" * 64, "y": "2" * 64}
    with pytest.raises(OutputClash, match="x is made by both a and b"):
        merged({"a": {"x": "1" * 64}, "b": {"x": "2" * 64}})


def files(folder) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_a_folder_synced_to_a_tree_holds_exactly_it_whatever_was_there(tmp_path):
    store = Store(tmp_path / "store")
    tree = {"index.html": store.put(b"home"), "articles/x/index.html": store.put(b"x"), "a.css": store.put(b"css")}
    folder = tmp_path / "site"
    (folder / "articles" / "gone").mkdir(parents=True)
    (folder / "articles" / "gone" / "index.html").write_bytes(b"stale")
    (folder / "index.html").write_bytes(b"edited by hand")
    (folder / "a.css").mkdir()  # a folder where the tree has a file
    (folder / "link").symlink_to(tmp_path)
    (folder / "articles" / "x").mkdir()
    (folder / "articles" / "x" / "index.html").write_bytes(b"x")
    sync(folder, tree, store)
    assert files(folder) == {"index.html": b"home", "articles/x/index.html": b"x", "a.css": b"css"}
    assert sorted(p.name for p in (folder / "articles").iterdir()) == ["x"]


def test_a_file_is_replaced_never_written_into_so_a_hard_link_elsewhere_keeps_its_bytes(tmp_path):
    store = Store(tmp_path / "store")
    folder = tmp_path / "site"
    sync(folder, {"a.html": store.put(b"one")}, store)
    os.link(folder / "a.html", tmp_path / "elsewhere.html")
    sync(folder, {"a.html": store.put(b"two")}, store)
    assert (tmp_path / "elsewhere.html").read_bytes() == b"one" and (folder / "a.html").read_bytes() == b"two"


def test_a_planted_link_to_a_folder_is_removed_before_anything_is_written_through_it(tmp_path):
    store = Store(tmp_path / "store")
    outside = tmp_path / "outside"
    outside.mkdir()
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "articles").symlink_to(outside)
    sync(folder, {"articles/x/index.html": store.put(b"x")}, store)
    assert list(outside.iterdir()) == [] and not (folder / "articles").is_symlink()


def test_a_blob_the_store_lost_stops_the_sync_with_its_path(tmp_path):
    store = Store(tmp_path / "store")
    with pytest.raises(MissingBlob, match="index.html"):
        sync(tmp_path / "site", {"index.html": "a" * 64}, store)


def test_a_preview_does_not_read_again_the_files_it_wrote(tmp_path, monkeypatch):
    from hiwar.outputs import tree as tree_module

    store = Store(tmp_path / "store")
    tree, known = {"a.html": store.put(b"a")}, {}
    sync(tmp_path / "site", tree, store, known)
    read = []
    monkeypatch.setattr(tree_module, "_holds", lambda path, digest: read.append(path) or True)
    assert sync(tmp_path / "site", tree, store, known) == 0 and read == []


def test_the_record_types_are_what_msgspec_checks():
    assert msgspec.json.decode(msgspec.json.encode(RECORD), type=Record) == RECORD
