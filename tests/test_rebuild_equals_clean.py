"""An in-place build publishes exactly what a clean build of the same inputs publishes: every file of site/ and
site-offline/ and every entry of the zip, byte for byte, after any sequence of edits an editor (or a machine) makes:
seeds added, deleted, renamed, renamed in letter case, edited keeping their size and time; translations, NAME.yml and
the shared YAML files edited; files touched; the published outputs edited by hand; the build's cache damaged.

A stateful property test (Hypothesis RuleBasedStateMachine). `make test` runs a short run; `make test-long` a long one
(HIWAR_REBUILD_EXAMPLES and HIWAR_REBUILD_STEPS set how many sequences and how many steps each)."""

from __future__ import annotations

import os
import random
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from builds import build, clean_copy, differences, inputs_digest, published, small_project
from conftest import FIXTURES

EXAMPLES = int(os.environ.get("HIWAR_REBUILD_EXAMPLES", "1"))
STEPS = int(os.environ.get("HIWAR_REBUILD_STEPS", "5"))
POOL = sorted(p.name for p in (FIXTURES / "traits").glob("*.txt") if p.name != "hostile_markup.txt")
# Two words of one length, so that swapping them keeps a seed's size.
SWAPS = (("الحوار", "الجوار"), ("العراق", "الفراق"), ("الحكومة", "الحكومه"))
_clean: dict[str, tuple[list[str] | None, dict]] = {}  # a clean build, by the digest of the inputs it was made from


def problems(stderr: str) -> list[str]:
    return sorted(line for line in stderr.splitlines() if line.startswith("ERROR"))


def clean_build_of(project: Path) -> tuple[list[str] | None, dict]:
    """What a clean build of the project's inputs publishes, or the problems it stops on."""
    key = inputs_digest(project)
    if key not in _clean:
        with tempfile.TemporaryDirectory() as scratch:
            copy = clean_copy(project, Path(scratch) / "clean")
            result = build(copy)
            assert "Traceback" not in result.stderr, result.stderr
            _clean[key] = (None, published(copy)) if result.returncode == 0 else (problems(result.stderr), {})
    return _clean[key]


class Editing(RuleBasedStateMachine):
    """An editor's project, built in place after every step."""

    @initialize()
    def start(self):
        self.base = Path(tempfile.mkdtemp(prefix="hiwar-rebuild-"))
        self.project = small_project(self.base)
        self.random = random.Random(0)
        self.built_once = False

    def teardown(self):
        shutil.rmtree(self.base, ignore_errors=True)

    @property
    def seeds(self) -> list[Path]:
        return sorted((self.project / "seeds").glob("*.txt"))

    # ---- edits of the inputs ----------------------------------------------------------------------------------
    @rule(name=st.sampled_from(POOL), stem=st.sampled_from(["new", "مقال", "x_2"]))
    def add_a_seed(self, name, stem):
        target = self.project / "seeds" / f"{stem}.txt"
        if not target.exists():
            shutil.copy(FIXTURES / "traits" / name, target)

    @precondition(lambda self: len(self.seeds) > 1)
    @rule(data=st.data())
    def delete_a_seed(self, data):
        data.draw(st.sampled_from(self.seeds)).unlink()

    @precondition(lambda self: self.seeds)
    @rule(data=st.data(), stem=st.sampled_from(["renamed", "Headings", "مقال_آخر"]))
    def rename_a_seed(self, data, stem):
        seed = data.draw(st.sampled_from(self.seeds))
        target = seed.with_name(f"{stem}.txt")
        if not target.exists() and target.name.lower() not in {s.name.lower() for s in self.seeds}:
            seed.rename(target)

    @precondition(lambda self: self.seeds)
    @rule(data=st.data())
    def rename_a_seed_in_letter_case(self, data):
        seed = data.draw(st.sampled_from(self.seeds))
        flipped = seed.with_name(seed.stem.swapcase() + seed.suffix)
        if flipped != seed:
            seed.rename(flipped)  # the same URL (slugs are lower case): the same page from another file

    @precondition(lambda self: self.seeds)
    @rule(data=st.data(), swap=st.sampled_from(SWAPS))
    def edit_a_seed_keeping_its_size_and_time(self, data, swap):
        seed = data.draw(st.sampled_from(self.seeds))
        text = seed.read_text(encoding="utf-8")
        one, other = swap if swap[0] in text else (swap[1], swap[0])
        if one in text:
            stat = seed.stat()
            seed.write_text(text.replace(one, other, 1), encoding="utf-8")
            assert seed.stat().st_size == stat.st_size
            os.utime(seed, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # as cp -p, rsync -t, tar x or unzip leave it

    @rule(
        edit=st.sampled_from(
            [
                (0, "The future of the US presence, revised"),
                (-3, "Conclusion, revised"),
                (2, "The article looks at the future of the US presence in Iraq, revised."),
            ]
        )
    )
    def edit_a_translation(self, edit):
        """A title, a heading, or a paragraph's text (which the side-by-side page's rows show)."""
        index, line = edit
        translation = self.project / "editorial" / "headings.en.txt"
        lines = translation.read_text(encoding="utf-8").splitlines()
        lines[index] = line
        translation.write_text("\n".join(lines) + "\n", encoding="utf-8")

    @rule(summary=st.sampled_from(["Another summary.", "A third summary, longer than the others."]))
    def edit_a_metadata_file(self, summary):
        (self.project / "editorial" / "date_line.yml").write_text(
            f"summary:\n  ar: ملخص آخر.\n  en: {summary}\ntags: [strategic-dialogue]\n", encoding="utf-8"
        )

    @rule(label=st.sampled_from(["Strategic dialogue", "The strategic dialogue", "Dialogue"]))
    def edit_the_shared_vocabulary(self, label):
        tags = self.project / "editorial" / "tags.yml"
        text = tags.read_text(encoding="utf-8")
        for old in ("en: Strategic dialogue\n", "en: The strategic dialogue\n", "en: Dialogue\n"):
            if old in text:
                tags.write_text(text.replace(old, f"en: {label}\n", 1), encoding="utf-8")
                break

    @rule()
    def touch_every_input(self):
        for path in (self.project / "seeds").iterdir():
            os.utime(path)
        for path in (self.project / "editorial").iterdir():
            os.utime(path)

    # ---- what is not an input ------------------------------------------------------------------------------------
    @precondition(lambda self: self.built_once)
    @rule(where=st.sampled_from(["site", "site-offline", "dist"]), how=st.sampled_from(["append", "truncate", "add"]))
    def edit_the_published_outputs_by_hand(self, where, how):
        files = sorted(p for p in (self.project / where).rglob("*") if p.is_file())
        path = files[self.random.randrange(len(files))]
        if how == "append":
            with path.open("ab") as stream:  # in place: the same inode
                stream.write(b"<!-- edited by hand -->")
        elif how == "truncate":
            with path.open("r+b") as stream:
                stream.truncate(max(0, path.stat().st_size // 2))
        else:
            (path.parent / "added-by-hand.html").write_text("<p>not built</p>", encoding="utf-8")

    @precondition(lambda self: self.built_once)
    @rule(what=st.sampled_from(["blob", "record", "articles", "search-terms", "blobs-all"]))
    def damage_the_build_cache(self, what):
        cache = self.project / "build" / "cache"
        if what in ("blob", "blobs-all"):
            blobs = sorted(p for p in (cache / "store").rglob("*") if p.is_file())
            for path in blobs if what == "blobs-all" else [blobs[self.random.randrange(len(blobs))]]:
                path.write_bytes(path.read_bytes()[: path.stat().st_size // 2] + b"damaged")
        else:
            path = cache / {"record": "record", "articles": "articles.pickle", "search-terms": "search-terms"}[what]
            if path.exists():
                data = bytearray(path.read_bytes())
                data[len(data) // 2] ^= 0x55
                path.write_bytes(bytes(data))

    # ---- after every step --------------------------------------------------------------------------------------
    @invariant()
    def an_in_place_build_publishes_what_a_clean_build_does(self):
        if not hasattr(self, "project"):
            return
        before = published(self.project)
        result = build(self.project)
        assert "Traceback" not in result.stderr, result.stderr
        refused, clean = clean_build_of(self.project)
        if refused is None:
            assert result.returncode == 0, result.stderr
            self.built_once = True
            assert differences(published(self.project), clean) == []
        else:  # inputs with a problem: the same lines as a clean build, and nothing published changes
            assert result.returncode != 0 and problems(result.stderr) == refused
            assert differences(published(self.project), before) == []


Editing.TestCase.settings = settings(
    max_examples=EXAMPLES,
    stateful_step_count=STEPS,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=EXAMPLES == 1,
)
test_an_in_place_build_equals_a_clean_build = Editing.TestCase


@pytest.mark.long  # make test-long; make test's property test edits translations and compares every page
def test_a_translations_paragraph_edited_shows_on_the_side_by_side_page_of_an_in_place_build():
    """The side-by-side page's rows are its template's, not its Markdown's: a page whose Markdown is unchanged is
    rendered again when what its template shows changed (found by the preview's comparison with a clean build)."""
    editing = Editing()
    editing.start()
    try:
        editing.an_in_place_build_publishes_what_a_clean_build_does()
        editing.edit_a_translation((2, "The article looks at the future of the US presence in Iraq, revised."))
        editing.an_in_place_build_publishes_what_a_clean_build_does()
        page = editing.project / "site" / "en" / "parallel" / "headings" / "index.html"
        assert "in Iraq, revised." in page.read_text(encoding="utf-8")
    finally:
        editing.teardown()
