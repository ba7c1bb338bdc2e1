"""The search index writer and the query module that reads it, run in Node without a browser: what a
query finds and in which order, which files it loads, and the files the writer makes."""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from conftest import ROOT
from hiwar.enrich.collection import collect
from hiwar.problems import InputError
from hiwar.site.editions import load_editions
from hiwar.site.search import SearchDocument, TermCache, index_files, search_assets
from hiwar.site.search import assets as search_assets_module
from hiwar.site.search import index as index_module
from hiwar.site.search.index import CHUNK_CHARACTERS
from hiwar.site.search.index import _terms as terms_of
from hiwar.site.search.postings import decode, encode
from hiwar.site.search_pages import article_document
from hiwar_tools.bench_search import synthetic_documents

QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries.yml").read_text(encoding="utf-8"))
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def seed_documents() -> list[SearchDocument]:
    """Both editions of the five seeds, described as the plugin describes article pages (site/search_pages.py):
    the text and notes, and in `extra` the facts and every spelling of every name the article mentions."""
    editions = load_editions(["ar", "en"])
    collection = collect(ROOT / "seeds", ROOT / "editorial")
    names = {name.id: name for name in collection.names}
    documents = []
    for edition in editions:
        tags = {tag.id: tag.labels[edition.lang] for tag in collection.vocabulary.values()}
        for article in collection.articles:
            url = f"{edition.prefix}articles/{article.id}/"
            documents.append(article_document(article, edition, url, names, tags))
    return documents


def write_index(documents: list[SearchDocument], folder: Path, cache: TermCache | None = None):
    """The index's files written into a folder, as a build publishes them."""
    files, stats = index_files(documents, cache)
    for path, data in files.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_bytes(data)
    return stats


def site_with(documents: list[SearchDocument], folder: Path) -> Path:
    write_index(documents, folder / "search")
    for path, text in search_assets().items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(text, encoding="utf-8")
    return folder


def ask(site: Path, queries: list[dict]) -> list[dict]:
    node = shutil.which("node")
    assert node, "Node is needed (README: Node 20)"
    queries = [{"pages": 1000, **query} for query in queries]
    result = subprocess.run(
        [node, str(ROOT / "tests" / "search_engine.js"), str(site)],
        input=json.dumps(queries),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def seeds_site(tmp_path_factory) -> Path:
    return site_with(seed_documents(), tmp_path_factory.mktemp("seeds-site"))


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> tuple[Path, list[SearchDocument]]:
    """A synthetic archive of 300 articles per edition (and listing pages): the index needs many chunks."""
    documents = synthetic_documents(300)
    return site_with(documents, tmp_path_factory.mktemp("archive")), documents


def test_the_public_query_set_finds_its_articles_with_the_readers_edition_first(seeds_site):
    answers = ask(seeds_site, [{"query": entry["query"], "lang": entry["edition"]} for entry in QUERIES])
    for entry, answer in zip(QUERIES, answers):
        prefix = "" if entry["edition"] == "ar" else "en/"
        found = {
            page["url"].split("/")[-2][:3] for page in answer["pages"] if page["url"].startswith(f"{prefix}articles/")
        }
        assert set(entry["expect"]) <= found, f"{entry['query']!r}: missing {sorted(set(entry['expect']) - found)}"
        languages = [page["lang"] for page in answer["pages"]]
        own = [lang == entry["edition"] for lang in languages]
        assert own == sorted(own, reverse=True), f"{entry['query']!r}: the reader's own edition first"
        if entry["query"] != "قاآني":  # a name variant: the page writes قاءأني, which the query does not fold to
            expected = [
                page
                for page in answer["pages"]
                if page["url"].startswith(f"{prefix}articles/") and page["url"].split("/")[-2][:3] in entry["expect"]
            ]
            assert all(page["marked"] for page in expected), f"{entry['query']!r}: a word marked in each excerpt"


def test_a_word_found_only_through_folding_is_marked(seeds_site):
    (answer,) = ask(seeds_site, [{"query": "اسرائيل", "lang": "ar"}])
    assert answer["terms"] == ["اسراييل"]
    assert answer["pages"] and all(page["marked"] for page in answer["pages"] if page["lang"] == "ar")


def test_every_query_word_must_be_found(seeds_site):
    both, nonsense = ask(
        seeds_site, [{"query": "الكاظمي واشنطن", "lang": "ar"}, {"query": "الكاظمي زقزقة", "lang": "ar"}]
    )
    assert both["results"] and not nonsense["results"]


def test_a_match_in_the_title_comes_before_matches_in_the_text(tmp_path):
    documents = [
        SearchDocument("a/", "en", "Weather report", "oil " * 20),
        SearchDocument("b/", "en", "Oil prices", "Prices rose."),
        SearchDocument("c/", "en", "Markets", "oil and gas"),
    ]
    (answer,) = ask(site_with(documents, tmp_path), [{"query": "oil", "lang": "en"}])
    assert [page["url"] for page in answer["pages"]] == ["b/", "a/", "c/"]  # title; then more often in the text


def test_articles_come_before_listing_pages_and_the_readers_edition_first(tmp_path):
    documents = [
        SearchDocument("topics/", "ar", "المواضيع: الكاظمي", "الكاظمي " * 30, boost=0.25),
        SearchDocument("articles/x/", "ar", "مقال", "قال الكاظمي"),
        SearchDocument("en/articles/x/", "en", "Article", "Kadhimi said", extra="الكاظمي Kadhimi"),
    ]
    arabic, english = ask(
        site_with(documents, tmp_path), [{"query": "كاظمي", "lang": "ar"}, {"query": "كاظمي", "lang": "en"}]
    )
    assert [page["url"] for page in arabic["pages"]] == ["articles/x/", "topics/", "en/articles/x/"]
    assert [page["url"] for page in english["pages"]] == ["en/articles/x/", "articles/x/", "topics/"]


def test_a_query_loads_only_the_chunks_its_words_fall_in(archive):
    site, documents = archive
    chunks = list((site / "search" / "words").glob("*.js"))
    assert len(chunks) > 20
    arabic, english = ask(
        site,
        [
            {"query": "الحكومة العراقية", "lang": "ar", "pages": 10},
            {"query": "negotiations", "lang": "en", "pages": 10},
        ],
    )
    for answer in (arabic, english):
        assert answer["results"]
        words = [file for file in answer["files"] if file.startswith("search/words/")]
        pages = [file for file in answer["files"] if file.startswith("search/pages/")]
        assert 1 <= len(words) <= 6 and len(pages) == 10
    assert arabic["files"][0] == "search/manifest.js" and "search/manifest.js" not in english["files"]  # loaded once
    assert arabic["results"][0]["own"] and english["results"][0]["own"]


def test_word_chunks_stay_small_unless_one_word_fills_one(archive):
    site, documents = archive
    for path in (site / "search" / "words").glob("*.js"):
        data = json.loads(path.read_text(encoding="utf-8").split(",", 1)[1].rsplit(");", 1)[0])
        size = sum(2 * len(word) + len(postings) + 6 for word, postings in zip(data["w"], data["p"]))
        assert len(data["w"]) == 1 or size < CHUNK_CHARACTERS + 2 * len(data["w"][-1]) + len(data["p"][-1]) + 6, path


def test_the_same_documents_give_the_same_bytes_in_any_order(tmp_path):
    documents = seed_documents()
    write_index(documents, tmp_path / "one")
    write_index(list(reversed(documents)), tmp_path / "two")
    one = {p.relative_to(tmp_path / "one"): p.read_bytes() for p in (tmp_path / "one").rglob("*") if p.is_file()}
    two = {p.relative_to(tmp_path / "two"): p.read_bytes() for p in (tmp_path / "two").rglob("*") if p.is_file()}
    assert one == two and len(one) > len(documents)


def test_the_index_is_exactly_its_files(tmp_path):
    files, stats = index_files(seed_documents()[:2])
    assert len(files) == stats.files == 1 + stats.chunks + 2


def files_of(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_an_index_made_with_the_terms_kept_from_an_earlier_build_is_the_same_and_folds_only_new_text(
    tmp_path, monkeypatch
):
    documents = seed_documents()
    write_index(documents, tmp_path / "fresh")
    write_index(documents, tmp_path / "first", TermCache(tmp_path / "terms"))
    folded = []
    monkeypatch.setattr(index_module, "_terms", lambda document: folded.append(document.url) or terms_of(document))
    edited = [dataclasses.replace(documents[0], text=documents[0].text + " كلمة جديدة"), *documents[1:]]
    write_index(edited, tmp_path / "second", TermCache(tmp_path / "terms"))  # a new build: read from disk
    assert folded == [documents[0].url]
    write_index(edited, tmp_path / "fresh-edited")
    assert files_of(tmp_path / "first") == files_of(tmp_path / "fresh")
    assert files_of(tmp_path / "second") == files_of(tmp_path / "fresh-edited")


def test_kept_terms_of_other_rules_are_not_used(tmp_path, monkeypatch):
    documents = seed_documents()[:2]
    write_index(documents, tmp_path / "one", TermCache(tmp_path / "terms"))
    monkeypatch.setattr(index_module, "_terms_version", lambda: "rules edited")
    folded = []
    monkeypatch.setattr(index_module, "_terms", lambda document: folded.append(document.url) or terms_of(document))
    write_index(documents, tmp_path / "two", TermCache(tmp_path / "terms"))
    assert sorted(folded) == sorted(d.url for d in documents)


def test_a_damaged_or_mistyped_terms_file_is_said_once_and_made_again(tmp_path):
    documents = seed_documents()[:2]
    write_index(documents, tmp_path / "fresh")
    path = tmp_path / "terms"
    write_index(documents, tmp_path / "one", TermCache(path))
    data = bytearray(path.read_bytes())
    data[-5] ^= 0xFF
    path.write_bytes(bytes(data))
    said = []
    write_index(documents, tmp_path / "two", TermCache(path, said.append))
    assert len(said) == 1 and "damaged" in said[0]
    assert files_of(tmp_path / "two") == files_of(tmp_path / "fresh")


def test_each_document_is_indexed_by_its_languages_rules_even_when_another_has_the_same_text(tmp_path):
    text = "The talks of al-Sudani and الكاظمي"
    english, french = SearchDocument("en/x/", "en", "t", text), SearchDocument("fr/x/", "fr", "t", text)
    cache = TermCache(tmp_path / "terms")
    words = {document.lang: set(cache.terms(document)[0]) for document in (english, french)}
    assert {"sudani", "كاظمي", "الكاظمي"} <= words["en"] & words["fr"]
    assert "al" in words["fr"] and "al" not in words["en"]  # French has no rules: al- is not dropped


def test_two_documents_with_one_url_are_refused(tmp_path):
    with pytest.raises(ValueError, match="articles/x/"):
        write_index(
            [SearchDocument("articles/x/", "ar", "a", "b"), SearchDocument("articles/x/", "en", "c", "d")], tmp_path
        )


@given(st.lists(st.tuples(st.integers(0, 5000), st.integers(0, 7)), unique_by=lambda p: p[0]))
def test_postings_read_back_as_written(postings):
    postings = sorted(postings)
    from array import array

    assert decode(encode(array("I", [number << 3 | weight for number, weight in postings]))) == postings


@given(
    st.lists(st.tuples(st.integers(0, 2**28), st.integers(0, 7)), min_size=1, max_size=600, unique_by=lambda p: p[0])
)
def test_a_long_list_is_written_as_one_posting_at_a_time_would_be_and_reads_back(postings):
    """A common word's list is encoded with array operations (postings.LONG_LIST): the same characters."""
    from array import array

    from hiwar.site.search import postings as module

    numbers = array("I", [number << 3 | weight for number, weight in sorted(postings)])
    assert module._encoded_at_once(numbers) == module._encoded_one_by_one(numbers)
    assert decode(module._encoded_at_once(numbers)) == sorted(postings)


def test_the_query_module_is_given_the_index_format_by_postings_py():
    from hiwar.site.search.assets import SCRIPT
    from hiwar.site.search.postings import ALPHABET, IN_TITLE, WEIGHT_BITS

    script = search_assets()[SCRIPT]
    assert not re.search(r"/\*[A-Z]+\*/null", script)  # every placeholder filled
    assert f'{{"alphabet":"{ALPHABET}","in_title":{IN_TITLE},"weight_bits":{WEIGHT_BITS}}}' in script
    assert ALPHABET not in script.replace(f'"alphabet":"{ALPHABET}"', "")  # not written out a second time


def test_ui_strings_come_from_the_languages_table_and_a_missing_one_is_named(tmp_path):
    from hiwar.site.editions import MissingString, load_editions

    editions = load_editions(["ar", "en"])
    context = search_assets_module.search_context(editions[1], editions)
    assert context.strings["placeholder"] == "Search" and context.strings["editions"] == {
        "ar": "العربية",
        "en": "English",
    }
    assert json.loads(str(context.data)) == context.strings
    table = (Path(__file__).parent.parent / "scripts/hiwar/site/languages/en.yml").read_text(encoding="utf-8")
    (tmp_path / "en.yml").write_text(
        table.replace('    one: "{count} result"\n', "").replace(
            '    other: "{count} results"\n', "    other: results\n"
        ),
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r"search\.results needs an 'other' entry, and each entry needs \{count\}"):
        search_assets_module.search_context(load_editions(["en"], tmp_path)[0], editions)
    (tmp_path / "en.yml").write_text(table.replace("  placeholder: Search\n", ""), encoding="utf-8")
    english = load_editions(["en"], tmp_path)[0]
    with pytest.raises(MissingString, match=r"search\.placeholder"):
        english.t("search.placeholder")


WORDS = ["الحكومة", "والمفاوضات", "بغداد", "واشنطن", "government", "talks", "Baghdad", "قاآني", "٢٠٢١", "x"]
texts = st.lists(st.sampled_from(WORDS), max_size=8).map(" ".join)
edits = st.lists(st.tuples(st.integers(0, 11), texts, st.booleans()), max_size=4)


@given(st.lists(texts, min_size=1, max_size=12), st.lists(edits, min_size=1, max_size=4))
def test_an_index_made_again_after_edits_of_a_few_pages_is_the_index_of_the_edited_pages(first, rounds):
    """The preview indexes again after every save, changing only the postings of the pages that changed: after any
    sequence of edits (words added, removed, a page emptied, its language changed) the files are those a fresh index
    of the same pages has, byte for byte."""
    documents = [SearchDocument(f"articles/{n}/", "ar", f"t{n}", text) for n, text in enumerate(first)]
    cache = TermCache()
    index_files(documents, cache, again=True)
    patched = index_module._LastIndex.PATCHED_AT_MOST
    index_module._LastIndex.PATCHED_AT_MOST = 1.0  # every edit patched, however many pages of this small index
    try:
        for edit in rounds:
            for number, text, english in edit:
                if number < len(documents):
                    lang = "en" if english else "ar"
                    documents[number] = dataclasses.replace(documents[number], text=text, lang=lang)
            again, _ = index_files(documents, cache, again=True)
            fresh, _ = index_files(documents, TermCache())
            assert again == fresh
    finally:
        index_module._LastIndex.PATCHED_AT_MOST = patched
