"""The conversion cache (enrich/cache.py): an article is kept under a key that covers its seed, its editorial
files, the shared editorial data and the conversion code, so a change to any of them converts again exactly the
articles it can affect; input files are hashed once and then known by size and time, as git knows them."""

from __future__ import annotations

import os
import pickle
import shutil

import pytest

from conftest import FIXTURES, vocabulary_only
from hiwar.enrich import cache as cache_module
from hiwar.enrich.cache import ArticleCache
from hiwar.enrich.collection import collect
from hiwar.sealed import write_sealed

OLD = 1_600_000_000 * 10**9  # a time long before the files are hashed: they are not "racy"


def write(path, text: str, old: bool = True):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    if old:
        os.utime(path, ns=(OLD, OLD))
    return path


@pytest.fixture
def files(tmp_path, monkeypatch):
    """A seed, its metadata, a shared file and a folder of conversion code."""
    code = tmp_path / "code"
    write(code / "reader.py", "READER = 1\n")
    monkeypatch.setattr(cache_module, "CONVERSION_CODE", [code])
    return {
        "seed": write(tmp_path / "seeds" / "a.txt", "نص المقال"),
        "own": write(tmp_path / "editorial" / "a.yml", "tags: []\n"),
        "shared": write(tmp_path / "editorial" / "tags.yml", "{}\n"),
        "code": code / "reader.py",
    }


def key(files, folder=None, own=True) -> str:
    return ArticleCache(folder, [files["shared"]]).key(files["seed"], [files["own"]] if own else [])


@pytest.mark.parametrize("edited", ["seed", "own", "shared", "code"])
def test_a_change_to_any_input_of_an_article_changes_its_key(files, edited):
    before = key(files)
    assert key(files) == before
    write(files[edited], files[edited].read_text(encoding="utf-8") + "# edited\n")
    assert key(files) != before


def test_an_editorial_file_added_or_a_shared_file_removed_changes_the_key(files):
    before = key(files)
    assert key(files, own=False) != before
    files["shared"].unlink()
    assert key(files) != before


def test_the_version_of_the_cache_is_part_of_every_key(files, monkeypatch):
    before = key(files)
    monkeypatch.setattr(cache_module, "VERSION", cache_module.VERSION + 1)
    assert key(files) != before


def test_an_input_is_known_by_its_content_so_an_edit_that_keeps_its_size_and_time_is_seen(files, tmp_path):
    cache = ArticleCache(tmp_path / "cache", [files["shared"]])
    first = cache.key(files["seed"], [])
    cache.save(set(), set())
    stamp = files["seed"].stat().st_mtime_ns
    files["seed"].write_text("نص الكتاب", encoding="utf-8")  # as `cp -p`, `rsync -t`, `tar x` or `unzip` leave it
    os.utime(files["seed"], ns=(stamp, stamp))
    assert len("نص الكتاب".encode()) == len("نص المقال".encode())
    assert ArticleCache(tmp_path / "cache", [files["shared"]]).key(files["seed"], []) != first


def test_an_input_that_cannot_be_read_has_a_key_of_its_own_and_is_read_again_next_time(files, tmp_path, monkeypatch):
    folder = tmp_path / "seeds" / "b.txt"
    folder.mkdir()  # reading the seed itself reports why it cannot be read; the key only has to differ
    cache = ArticleCache(tmp_path / "cache", [files["shared"]])
    unreadable = cache.key(folder, [])
    assert unreadable != cache.key(tmp_path / "seeds" / "gone.txt", []) != cache.key(files["seed"], [])
    cache.save(set(), set())
    reads = []
    read_bytes = cache_module.read_bytes
    monkeypatch.setattr(
        cache_module,
        "read_bytes",
        lambda path, source, *limit: reads.append(path.name) or read_bytes(path, source, *limit),
    )
    assert ArticleCache(tmp_path / "cache", [files["shared"]]).key(folder, []) == unreadable
    assert "b.txt" in reads


@pytest.fixture(scope="module")
def article(tmp_path_factory):
    base = tmp_path_factory.mktemp("article")
    (base / "seeds").mkdir()
    shutil.copy(FIXTURES / "traits" / "date_line.txt", base / "seeds" / "date_line.txt")
    (found,) = collect(base / "seeds", None).articles
    return found


def test_an_article_is_found_under_the_key_it_was_put_under_and_no_other(article):
    cache = ArticleCache(None, [])
    cache.put("date_line.txt", "k1", article)
    assert cache.converted == ["date_line.txt"] and cache.keys == {"date_line": "k1"}
    assert cache.get("date_line.txt", "k1") == article
    assert cache.get("date_line.txt", "k2") is None and cache.get("other.txt", "k1") is None


def test_a_saved_cache_holds_the_articles_and_derived_texts_still_wanted(article, tmp_path):
    cache = ArticleCache(tmp_path, [])
    cache.put("date_line.txt", "k1", article)
    cache.put("gone.txt", "k2", article)
    assert cache.page("(related)", "made of v1", lambda: "text v1") == "text v1"
    assert cache.page("(gone)", "v1", lambda: "gone") == "gone"
    cache.save({"date_line.txt"}, {"(related)"})
    loaded = ArticleCache(tmp_path, [])
    assert loaded.get("date_line.txt", "k1") == article and loaded.get("gone.txt", "k2") is None
    assert loaded.page("(related)", "made of v1", lambda: pytest.fail("made again")) == "text v1"
    assert loaded.page("(related)", "made of v2", lambda: "text v2") == "text v2"
    assert loaded.converted == []  # nothing was converted in this run
    assert [p.name for p in tmp_path.iterdir()] == ["articles.pickle"]


@pytest.mark.parametrize("data", [b"", b"not a pickle", b"\x80\x05K\x01."])
def test_a_cache_file_from_another_version_or_broken_means_starting_afresh_said_in_one_line(tmp_path, data):
    (tmp_path / "articles.pickle").write_bytes(data)
    said = []
    cache = ArticleCache(tmp_path, [], say=said.append)
    assert (cache.entries, cache.pages) == ({}, {})
    assert len(said) == 1 and said[0].startswith(f"{tmp_path / 'articles.pickle'}: ")


@pytest.mark.parametrize(
    "payload",
    [
        pickle.dumps(({"a.txt": "not a tuple"}, {})),
        pickle.dumps([1, 2, 3]),
        pickle.dumps(({"a.txt": ("key", "text, not bytes")}, {})),
    ],
)
def test_a_sealed_cache_of_another_shape_is_said_once_and_started_afresh(tmp_path, payload):
    write_sealed(tmp_path / "articles.pickle", f"articles/{cache_module.VERSION}", payload)
    said = []
    cache = ArticleCache(tmp_path, [], say=said.append)
    assert (cache.entries, cache.pages) == ({}, {}) and len(said) == 1 and "does not hold converted articles" in said[0]


def test_an_entry_that_is_not_the_article_it_names_is_converted_again(article):
    cache = ArticleCache(None, [])
    cache.entries["other.txt"] = ("k1", pickle.dumps(article))
    cache.entries["date_line.txt"] = ("k1", pickle.dumps({"not": "an article"}))
    assert cache.get("other.txt", "k1") is None and cache.get("date_line.txt", "k1") is None
    assert cache.dropped == ["other.txt", "date_line.txt"]


def test_an_entry_that_no_longer_unpickles_is_converted_again(article):
    cache = ArticleCache(None, [])
    cache.entries["date_line.txt"] = ("k1", b"\x80\x05cno_such_module\nThing\n.")
    assert cache.get("date_line.txt", "k1") is None


# ---- through the collection --------------------------------------------------------------------------------------
@pytest.fixture
def project(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for stem in ("date_line", "headings", "byline_biqalam"):
        shutil.copy(FIXTURES / "traits" / f"{stem}.txt", seeds / f"{stem}.txt")
    return seeds, vocabulary_only(tmp_path), tmp_path / "cache"


def converted(project) -> list[str]:
    collection = collect(*project)
    assert not collection.problems
    collection.cache.save({a.seed.name for a in collection.articles}, set())
    return sorted(collection.converted)


def test_an_unchanged_seed_is_not_converted_again_and_an_edited_one_is(project):
    seeds, editorial, _ = project
    assert converted(project) == ["byline_biqalam.txt", "date_line.txt", "headings.txt"]
    assert converted(project) == []
    (seeds / "headings.txt").write_text(
        (seeds / "headings.txt").read_text(encoding="utf-8") + "\nفقرة جديدة في آخر المقال.\n", encoding="utf-8"
    )
    (editorial / "date_line.yml").write_text("tags: [elections]\n", encoding="utf-8")
    assert converted(project) == ["date_line.txt", "headings.txt"]


def test_a_change_to_the_shared_editorial_data_converts_every_seed_again(project):
    _, editorial, _ = project
    converted(project)
    tags = editorial / "tags.yml"
    tags.write_text(tags.read_text(encoding="utf-8") + "\n# a comment is a change too\n", encoding="utf-8")
    assert converted(project) == ["byline_biqalam.txt", "date_line.txt", "headings.txt"]


def test_a_collection_in_another_set_of_languages_is_converted_again(tmp_path):
    seeds = FIXTURES / "traits"
    two = collect(seeds, None, tmp_path / "cache", languages=("ar", "en"))
    two.cache.save({article.seed.name for article in two.articles}, set())  # as a site build does
    three = collect(seeds, None, tmp_path / "cache", languages=("ar", "en", "fr"))
    fresh = collect(seeds, None, None, languages=("ar", "en", "fr"))
    assert sorted(three.converted) == sorted(fresh.converted) == sorted(p.name for p in seeds.glob("*.txt"))
    assert [article.title for article in three.articles] == [article.title for article in fresh.articles]
    assert all("fr" in article.title for article in three.articles)
