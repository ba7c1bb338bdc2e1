"""The memo a preview keeps between builds (hiwar/memo.py), and what an edition's own process hands back to it."""

from __future__ import annotations

import pickle

from hiwar.memo import Memo


def test_the_next_build_keeps_only_what_this_one_asked_for():
    first = Memo()
    first.get("a", "1", lambda: "A")
    first.get("b", "1", lambda: "B")
    first.finished()
    second = Memo(first)
    assert second.get("a", "1", lambda: "made again") == "A"
    second.finished()
    third = Memo(second)
    assert third.get("b", "1", lambda: "made again") == "made again"


def test_what_a_forked_editions_build_asked_for_is_kept_by_its_parent_as_if_asked_there():
    last = Memo()
    for name in ("listing:en", "listing:ar", "epub:en:x"):
        last.get(name, "1", lambda n=name: n.upper())
    last.finished()
    parent = Memo(last)
    child = pickle.loads(pickle.dumps(parent))  # the edition's process: a copy of the parent's memo
    snapshot = child.snapshot()
    assert child.get("listing:en", "1", lambda: "made again") == "LISTING:EN"  # taken as it was
    child.get("epub:en:x", "2", lambda: "new book part")  # made of other inputs
    child.get("epub:en:y", "1", lambda: "another part")  # new
    taken, made = child.changes(snapshot)
    assert taken == ["listing:en"] and set(made) == {"epub:en:x", "epub:en:y"}
    parent.get("listing:ar", "1", lambda: "made again")  # the parent's own edition, meanwhile
    parent.take(taken, pickle.loads(pickle.dumps(made)))
    parent.finished()
    following = Memo(parent)
    shown = {
        name: following.get(name, key, lambda: "made again")
        for name, key in (("listing:en", "1"), ("listing:ar", "1"), ("epub:en:x", "2"), ("epub:en:y", "1"))
    }
    assert shown == {
        "listing:en": "LISTING:EN",
        "listing:ar": "LISTING:AR",
        "epub:en:x": "new book part",
        "epub:en:y": "another part",
    }
