"""Article bodies kept beside the cache (site/contents.py): stored under the page's key, read back as stored, and
forgotten when no edition has the page any more."""
from __future__ import annotations

import pytest

from hiwar.site.contents import ContentStore
from hiwar.site.outputs import OutsideOutput


def test_a_body_reads_back_under_its_key_and_an_unknown_key_has_none(tmp_path):
    store = ContentStore(tmp_path / "contents")
    store.put("a1", "<p>نص المقال</p>")
    assert ContentStore(tmp_path / "contents").get("a1") == "<p>نص المقال</p>"
    assert store.get("b2") is None


def test_bodies_no_page_has_any_more_are_forgotten(tmp_path):
    store = ContentStore(tmp_path)
    for key in ("kept", "gone", "also-kept"):
        store.put(key, f"<p>{key}</p>")
    (tmp_path / "notes.txt").write_text("not a body", encoding="utf-8")
    store.prune({"kept", "also-kept"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["also-kept.html", "kept.html", "notes.txt"]
    ContentStore(tmp_path / "never-made").prune(set())  # nothing stored yet: nothing to do


def test_a_key_cannot_name_a_file_outside_the_store(tmp_path):
    with pytest.raises(OutsideOutput):
        ContentStore(tmp_path).put("../outside", "<p>x</p>")
    with pytest.raises(OutsideOutput):
        ContentStore(tmp_path).get("../../etc/passwd")
