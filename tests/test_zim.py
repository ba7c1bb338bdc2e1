"""The Kiwix edition: a ZIM file per edition (dist/hiwar_ar.zim, dist/hiwar_en.zim, made by `make build` from the
offline edition's tree), checked with the tools Kiwix's readers are built on. zimcheck passes every check; kiwix-serve serves
both files, lists each in its catalogue with its language, finds English queries in the English file and Arabic
queries in the Arabic file written in the spellings the site's search folds; an article opened through it renders in
Chromium right to left with its notes, and its links lead to pages the file holds. Built from hostile inputs, the files
hold them as text. As an output (outputs/zim.py), an edition's file is made again only when what it holds changed."""

from __future__ import annotations

import html
import json
import os
import shutil
import socket
import subprocess
import time
import xml.etree.ElementTree as ET
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlencode, urljoin, urlsplit
from urllib.request import urlopen

import pytest
from bs4 import BeautifulSoup
from libzim.reader import Archive

import hostile
from conftest import ROOT, content, mkdocs_build
from hiwar.build.progress import Progress
from hiwar.build.seam import BuildProblem
from hiwar.ingest.seed import normalise
from hiwar.outputs import zim
from hiwar.outputs.contract import Context, Derivations, Files, Target, run
from hiwar.outputs.record import Record
from hiwar.outputs.store import Store
from hiwar.site.editions import load_editions

EDITIONS = load_editions(["ar", "en"])
SITE_URL = "https://hiwar.example.org/"  # mkdocs.yml's
OFFLINE = ROOT / "site-offline"
ATOM = "{http://www.w3.org/2005/Atom}"


def zimcheck(path: Path) -> dict:
    """zimcheck -A (every check) as JSON."""
    if shutil.which("zimcheck") is None:
        pytest.fail("zimcheck is missing: `make test` installs it (scripts/install-test-tools.sh, Debian zim-tools)")
    result = subprocess.run(["zimcheck", "-A", "-J", str(path)], capture_output=True, text=True, timeout=300)
    return json.loads(result.stdout)


@contextmanager
def kiwix_serve(*files: Path):
    """kiwix-serve on 127.0.0.1 (a free port) serving the files; stopped when done."""
    if shutil.which("kiwix-serve") is None:
        pytest.fail(
            "kiwix-serve is missing: `make test` installs it (scripts/install-test-tools.sh, Debian kiwix-tools)"
        )
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        ["kiwix-serve", "--address", "127.0.0.1", "--port", str(port), *map(str, files)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urlopen(f"{base}/catalog/v2/entries", timeout=2).read()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"kiwix-serve did not start: {process.stderr.read().decode(errors='replace')[-2000:]}")
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def search(base: str, book: str, pattern: str) -> list[str]:
    """The paths (inside the book) of kiwix-serve's full-text results."""
    query = urlencode({"books.name": book, "pattern": pattern, "format": "xml", "pageLength": 100})
    root = ET.fromstring(urlopen(f"{base}/search?{query}", timeout=30).read())
    return [item.findtext("link").removeprefix(f"/{book}/") for item in root.iter("item")]


def entries_of(path: Path) -> dict[str, tuple[str, str, bytes]]:
    """Every content entry of a ZIM file, read by libzim: path -> (title, type, content)."""
    archive = Archive(path)
    found = {}
    for index in range(archive.entry_count):
        entry = archive._get_entry_by_id(index)
        item = entry.get_item()
        found[entry.path] = (entry.title, item.mimetype, bytes(item.content))
    return found


def metadata_of(path: Path) -> dict[str, str]:
    archive = Archive(path)
    return {
        key: bytes(archive.get_metadata(key)).decode()
        for key in archive.metadata_keys
        if not key.startswith("Illustration_")
    }


@pytest.fixture(scope="module")
def books() -> dict[str, Path]:
    files = {e.lang: ROOT / "dist" / zim.FILE_NAME.format(lang=e.lang) for e in EDITIONS}
    for path in files.values():
        assert path.is_file(), f"{path} is missing: run `make build` first (make test does)"
    return files


@pytest.fixture(scope="module")
def served(books):
    with kiwix_serve(*books.values()) as base:
        yield base


def book_name(lang: str) -> str:
    return Path(zim.FILE_NAME.format(lang=lang)).stem


def offline_pages(edition) -> set[str]:
    folder = zim.EditionFolder.of(edition, EDITIONS)
    return {
        p.relative_to(OFFLINE).as_posix()
        for p in OFFLINE.rglob("*.html")
        if folder.holds_page(p.relative_to(OFFLINE).as_posix())
    }


# ---- the files, as the validator and libzim read them --------------------------------------------------------------
@pytest.mark.parametrize("lang", ["ar", "en"])
def test_zimcheck_passes_every_check(books, lang):
    report = zimcheck(books[lang])
    assert set(report["checks"]) >= {
        "checksum",
        "integrity",
        "empty",
        "metadata",
        "favicon",
        "main_page",
        "redundant",
        "url_internal",
        "url_external",
        "redirect",
    }
    assert report["status"] is True and report["logs"] == [], report


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda e: e.lang)
def test_each_file_holds_its_own_edition_and_the_files_its_pages_use(books, edition):
    found = entries_of(books[edition.lang])
    pages = {path for path, (_, kind, _) in found.items() if kind == "text/html"}
    assert pages == offline_pages(edition)
    archive = Archive(books[edition.lang])
    assert archive.main_entry.get_item().path == f"{edition.prefix}index.html"
    assert archive.has_fulltext_index and archive.has_title_index
    assert archive.get_illustration_sizes() == {48}
    # The files the pages use come as the offline edition has them; the site's search index is not among them.
    for path, (_, kind, data) in found.items():
        if kind != "text/html":
            assert data == (OFFLINE / path).read_bytes(), path
    assert {"assets/fonts/fonts.css", "assets/fonts/noto-naskh-arabic-400.woff2"} <= set(found)
    assert not [path for path in found if path.startswith("search/") or "hiwar-search" in path]


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda e: e.lang)
def test_the_metadata_come_from_the_language_table(books, edition):
    metadata = metadata_of(books[edition.lang])
    assert metadata["Name"] == book_name(edition.lang)
    assert metadata["Language"] == edition.t("language.iso639_3")
    assert metadata["Title"] == edition.t("kiwix.title") and len(metadata["Title"]) <= 30
    assert metadata["Description"] == edition.t("kiwix.description") and len(metadata["Description"]) <= 80
    assert metadata["Creator"] == edition.t("kiwix.creator") and metadata["Publisher"] == edition.t("kiwix.publisher")
    assert metadata["LongDescription"] == " ".join(edition.t("kiwix.long_description").split())
    assert metadata["Tags"].split(";")[: len(edition.table["kiwix.tags"])] == edition.table["kiwix.tags"]
    assert "_ftindex:yes" in metadata["Tags"].split(";")
    assert len(metadata["Date"]) == 10 and metadata["Source"].startswith("https://")


@pytest.mark.parametrize("edition", EDITIONS, ids=lambda e: e.lang)
def test_articles_and_listings_are_front_articles_side_by_side_and_year_pages_are_not(books, edition):
    """Front articles are what Kiwix suggests, counts and picks a random page from."""
    pages = {p[len(edition.prefix) :] for p in offline_pages(edition)}
    not_front = {p for p in pages if p.startswith(("parallel/", "topics/years/"))}
    assert {p for p in pages if p.startswith("articles/")} and not_front
    assert Archive(books[edition.lang]).article_count == len(pages) - len(not_front)


# ---- the output: made from the offline tree, made again only when what a file holds changed ------------------------
ICON = (Path(__import__("material").__file__).parent / "templates/assets/images/favicon.png").read_bytes()  # 48×48


def small_page(lang: str, body: str, up: str = "") -> bytes:
    return (
        f'<!doctype html><html lang="{lang}"><head><title>{body} - حوار</title>'
        f'<link rel="icon" href="{up}assets/icon.png"><link rel="stylesheet" href="{up}assets/s.css"></head>'
        f'<body><article class="md-content__inner"><p>{body}</p></article></body></html>'
    ).encode()


OFFLINE_TREE = {
    "index.html": small_page(
        "ar", 'الصفحة الرئيسية <a href="articles/a/index.html">مقال</a> <a href="en/index.html">English</a>'
    ),
    "articles/a/index.html": small_page("ar", "المفاوضات مستمرة", "../../"),
    "en/index.html": small_page("en", 'Home <a href="articles/a/index.html">article</a>', "../"),
    "en/articles/a/index.html": small_page("en", "The negotiations go on", "../../../"),
    "assets/icon.png": ICON,
    "assets/s.css": b"body { background: url(bg.png) }",
    "assets/bg.png": b"\x89PNG not really",
    "search/pages/1.js": b"// the site's search index: no page of either file uses it",
}


class Options:
    site_url = SITE_URL
    parallel = False


def output_context(store: Store, files: dict[str, bytes], derived: Derivations, parallel: bool = False) -> Context:
    options = Options()
    options.parallel = parallel
    tree = {path: store.put(data) for path, data in files.items()}
    return Context(
        options,
        tuple(EDITIONS),
        None,
        store,
        Progress(interactive=False),
        "",
        trees={Target.OFFLINE: tree},
        derived=derived,
    )


def held(store: Store, digest: str, tmp_path: Path) -> dict[str, tuple[str, str, bytes]]:
    target = tmp_path / f"{digest}.zim"
    assert store.copy_to(digest, target)
    return entries_of(target)


def counting_writes(monkeypatch) -> list[str]:
    written = []
    write = zim.write
    monkeypatch.setattr(
        zim, "write", lambda made, *args, **kwargs: written.append(made.lang) or write(made, *args, **kwargs)
    )
    return written


def test_each_edition_is_a_file_in_dist_made_from_the_offline_tree(tmp_path):
    store = Store(tmp_path / "store")
    context = output_context(store, OFFLINE_TREE, Derivations({}), parallel=True)  # both at once, in two processes
    made = Files(store, "kiwix", Target.DIST)
    zim.KiwixEditions().produce(context, made)
    assert sorted(made.files) == ["hiwar_ar.zim", "hiwar_en.zim"] and zim.KiwixEditions.target is Target.DIST
    arabic, english = (held(store, made.files[name], tmp_path) for name in ("hiwar_ar.zim", "hiwar_en.zim"))
    assert set(arabic) == {"index.html", "articles/a/index.html", "assets/icon.png", "assets/s.css", "assets/bg.png"}
    assert set(english) == {
        "en/index.html",
        "en/articles/a/index.html",
        "assets/icon.png",
        "assets/s.css",
        "assets/bg.png",
    }
    assert arabic["articles/a/index.html"][0] == "المفاوضات مستمرة"  # the title, without the site's name
    assert b'href="https://hiwar.example.org/en/"' in arabic["index.html"][2]  # another file's page: on the site
    assert not list(store.folder.glob(".made-*"))  # libzim's working files are gone, the files moved into the store


@pytest.mark.parametrize("users", [None, "50000"])
def test_the_index_is_flushed_every_thousand_documents_unless_the_user_says_otherwise(tmp_path, monkeypatch, users):
    """Xapian keeps the index of the documents added since its last flush in memory (0.7 GB per file at 10,000
    articles with its own default of 10,000 documents); it reads the variable when libzim opens the index."""
    if users is None:
        monkeypatch.delenv("XAPIAN_FLUSH_THRESHOLD", raising=False)
    else:
        monkeypatch.setenv("XAPIAN_FLUSH_THRESHOLD", users)
    seen, creator = [], zim.Creator

    def recording(*args, **kwargs):
        seen.append(os.environ.get("XAPIAN_FLUSH_THRESHOLD"))
        return creator(*args, **kwargs)

    monkeypatch.setattr(zim, "Creator", recording)
    context = output_context(Store(tmp_path / "store"), OFFLINE_TREE, Derivations({}), parallel=False)
    zim.KiwixEditions().produce(context, Files(context.store, "kiwix", Target.DIST))
    assert seen == [users or "1000"] * 2
    assert os.environ.get("XAPIAN_FLUSH_THRESHOLD") == users


def edition_digests(files: dict[str, bytes], site_url: str = SITE_URL) -> dict[str, str]:
    store = Store(Path(__import__("tempfile").mkdtemp()) / "store")
    tree = {path: store.put(data) for path, data in files.items()}
    reader = zim.Reader(tree, store, Derivations({}))
    return {edition.lang: zim.edition_file(edition, EDITIONS, reader, site_url).digest for edition in EDITIONS}


def test_an_editions_inputs_change_with_what_its_file_holds_and_with_nothing_else():
    first = edition_digests(OFFLINE_TREE)
    assert first == edition_digests(dict(reversed(OFFLINE_TREE.items())))
    english = edition_digests({**OFFLINE_TREE, "en/articles/a/index.html": small_page("en", "Edited", "../../../")})
    assert english["ar"] == first["ar"] and english["en"] != first["en"]
    shared = edition_digests({**OFFLINE_TREE, "assets/bg.png": b"\x89PNG another"})  # a file both pages use
    assert shared["ar"] != first["ar"] and shared["en"] != first["en"]
    assert edition_digests({**OFFLINE_TREE, "search/pages/1.js": b"// more"}) == first  # a file neither holds
    assert set(edition_digests(OFFLINE_TREE, "https://elsewhere.example/").values()).isdisjoint(first.values())


def test_an_unchanged_file_is_kept_and_an_edit_to_one_edition_makes_only_its_file_again(tmp_path, monkeypatch):
    store, derived = Store(tmp_path / "store"), Derivations({})
    output = zim.KiwixEditions()
    context = output_context(store, OFFLINE_TREE, derived)
    name, entry = run(output, context, Record())
    files = entry.of("dist")
    written = counting_writes(monkeypatch)
    # The same inputs: the build's record says so, and nothing is made (libzim would give new bytes: a new UUID).
    previous = Record(outputs={name: entry}, derived=derived.kept(set(files.values())))
    again = output_context(store, OFFLINE_TREE, Derivations(previous.derived))
    assert run(zim.KiwixEditions(), again, previous) == (name, entry) and written == []
    # An English page edited: only the English file is made again; the Arabic one is the same blob.
    edited = {**OFFLINE_TREE, "en/articles/a/index.html": small_page("en", "Edited", "../../../")}
    context = output_context(store, edited, Derivations(previous.derived))
    _, after = run(zim.KiwixEditions(), context, previous)
    assert written == ["en"]
    assert after.of("dist")["hiwar_ar.zim"] == files["hiwar_ar.zim"]
    assert after.of("dist")["hiwar_en.zim"] != files["hiwar_en.zim"]
    assert b"Edited" in held(store, after.of("dist")["hiwar_en.zim"], tmp_path)["en/articles/a/index.html"][2]
    # The next record names the files this build published, not the English file it replaced (pruned from the store).
    kept = context.derived.kept(set(after.of("dist").values()))
    assert sorted(blob for key, blob in kept.items() if key.startswith(zim.MADE_FILE)) == sorted(
        after.of("dist").values()
    )


def test_a_file_the_store_lost_is_made_again(tmp_path, monkeypatch):
    store, derived = Store(tmp_path / "store"), Derivations({})
    name, entry = run(zim.KiwixEditions(), output_context(store, OFFLINE_TREE, derived), Record())
    store._drop(entry.of("dist")["hiwar_ar.zim"])
    written = counting_writes(monkeypatch)
    previous = Record(outputs={name: entry}, derived=derived.made)
    _, again = run(zim.KiwixEditions(), output_context(store, OFFLINE_TREE, Derivations(derived.made)), previous)
    assert written == ["ar"] and again.of("dist")["hiwar_en.zim"] == entry.of("dist")["hiwar_en.zim"]
    assert store.has(again.of("dist")["hiwar_ar.zim"])


def test_a_site_without_an_icon_stops_the_build_with_one_line(tmp_path):
    files = {**OFFLINE_TREE, "index.html": OFFLINE_TREE["index.html"].replace(b'rel="icon"', b'rel="preload"')}
    with pytest.raises(BuildProblem) as raised:
        zim.KiwixEditions().inputs(output_context(Store(tmp_path / "store"), files, Derivations({})))
    assert raised.value.lines == ['index.html: no icon (<link rel="icon">) for Kiwix\'s library to show']


@pytest.mark.parametrize("parallel", [True, False], ids=["in processes", "in the build's process"])
def test_an_icon_kiwix_cannot_show_stops_the_build_with_one_line_and_leaves_nothing_behind(tmp_path, parallel):
    store = Store(tmp_path / "store")
    context = output_context(store, {**OFFLINE_TREE, "assets/icon.png": b"GIF89a"}, Derivations({}), parallel)
    with pytest.raises(BuildProblem) as raised:
        zim.KiwixEditions().produce(context, Files(store, "kiwix", Target.DIST))
    assert raised.value.lines == ["assets/icon.png: Kiwix's library shows a 48×48 PNG; the site's icon is not one"]
    assert not list(store.folder.glob(".made-*"))


# ---- kiwix-serve: the catalogue and the search -----------------------------------------------------------------------
def test_the_catalogue_lists_each_book_with_its_language_title_and_icon(served):
    root = ET.fromstring(urlopen(f"{served}/catalog/v2/entries", timeout=30).read())
    listed = {entry.findtext(f"{ATOM}name"): entry for entry in root.iter(f"{ATOM}entry")}
    assert set(listed) == {book_name(e.lang) for e in EDITIONS}
    for edition in EDITIONS:
        entry = listed[book_name(edition.lang)]
        assert entry.findtext(f"{ATOM}language") == edition.t("language.iso639_3")
        assert entry.findtext(f"{ATOM}title") == edition.t("kiwix.title")
        assert entry.findtext(f"{ATOM}summary") == edition.t("kiwix.description")
        icon = next(link for link in entry.iter(f"{ATOM}link") if "image" in (link.get("rel") or ""))
        assert "width=48" in icon.get("type")
        assert urlopen(urljoin(served, icon.get("href")), timeout=30).read()[:8] == b"\x89PNG\r\n\x1a\n"


def article_words(books, lang: str) -> dict[str, list[str]]:
    """Each article page of a file: its words as a reader sees them (the article's text, as libzim holds it)."""
    words = {}
    for path, (_, kind, data) in sorted(entries_of(books[lang]).items()):
        if kind == "text/html" and path.startswith(f"{'en/' if lang == 'en' else ''}articles/"):
            words[path] = content(BeautifulSoup(data, "html.parser")).get_text(" ").split()
    return words


ARABIC_LETTERS = set("ابتثجحخدذرسشصضطظعغفقكلمنهويأإآءؤئةى")
TASHKEEL = {chr(c) for c in range(0x064B, 0x0653)}


def arabic_word(token: str) -> str | None:
    """A token of the text as a word of Arabic letters (its tashkeel and the punctuation around it left out), or None
    when it holds anything else (digits, Latin letters, «…» inside)."""
    letters = "".join(ch for ch in token if ch not in TASHKEEL).strip("«»“”\"'()[]،؛:.!?؟…-–")
    return letters if letters and set(letters) <= ARABIC_LETTERS else None


# How a reader may write a word the text spells otherwise, each folded away by Kiwix's analyser or by the folded forms
# the file's index holds: the query made from a word as written, given every word of the articles (None when the word
# does not show the trait), and other forms that must not be on the page either (so that only the folding finds it).
FOLDINGS = {
    "hamza written without it": (
        lambda w, words: w.translate(str.maketrans("أإآ", "ااا")) if set(w) & set("أإآ") else None,
        lambda q: set(),
    ),
    "taa marbuta written as haa": (
        lambda w, words: w[:-1] + "ه" if w.endswith("ة") and len(w) >= 4 else None,
        lambda q: set(),
    ),
    "alef maqsura written as yaa": (
        lambda w, words: w[:-1] + "ي" if w.endswith("ى") and len(w) >= 4 else None,
        lambda q: set(),
    ),
    "without the article": (lambda w, words: w[2:] if w.startswith("ال") and len(w) >= 6 else None, lambda q: set()),
    # A noun (another article writes it with the article) written with it.
    "with the article": (lambda w, words: "ال" + w if len(w) >= 4 and "ال" + w in words else None, lambda q: set()),
    # Xapian's Arabic stemmer leaves و+ال on (والمفاوضات stays whole): only the folded forms find these words.
    "without and-the (و+ال)": (
        lambda w, words: w[3:] if w.startswith("وال") and len(w) >= 7 else None,
        lambda q: {"ال" + q},
    ),
    "with tashkeel": (lambda w, words: w[0] + "\u064e" + w[1:] if len(w) >= 5 else None, lambda q: set()),
}


@pytest.mark.parametrize("folding", list(FOLDINGS))
def test_arabic_queries_find_articles_in_the_spellings_the_site_folds(books, served, folding):
    """For each way of spelling a word otherwise, a word of an article that shows it, written the other way, finds
    that article, though the query as written is nowhere on the page."""
    make, absent = FOLDINGS[folding]
    articles = {
        path: {word for word in map(arabic_word, words) if word} for path, words in article_words(books, "ar").items()
    }
    every_word = set().union(*articles.values())
    for path, written in articles.items():
        for word in sorted(written):
            query = make(word, every_word)
            if query is None or query in written or absent(query) & written:
                continue
            assert path in search(served, book_name("ar"), query), (folding, word, query, path)
            return
    pytest.fail(f"no article word shows {folding}")


def test_english_queries_find_english_articles_by_their_words_and_other_forms(books, served):
    checked = 0
    for path, words in article_words(books, "en").items():
        written = {w.strip(".,;:()“”\"'’").lower() for w in words}
        plurals = sorted(
            w
            for w in written
            if w.isalpha() and w.endswith(("ments", "tions", "ists", "ants")) and w[:-1] not in written
        )
        if plurals:  # the singular finds the plural
            assert path in search(served, book_name("en"), plurals[0][:-1]), (plurals[0], path)
            checked += 1
    assert checked >= 3
    with_article, bare = (set(search(served, book_name("en"), name)) for name in ("al-Kadhimi", "Kadhimi"))
    assert with_article and with_article <= bare  # a name finds the pages that write it with al- too


def test_title_suggestions_offer_articles_by_the_words_of_their_titles(books, served):
    title = Archive(books["ar"]).get_entry_by_path(next(iter(article_words(books, "ar")))).title
    word = max(filter(None, map(arabic_word, title.split())), key=len)
    query = urlencode({"content": book_name("ar"), "term": word})
    suggestions = json.loads(urlopen(f"{served}/suggest?{query}", timeout=30).read())
    assert title in [s["value"] for s in suggestions]


# ---- kiwix-serve: an article in the browser ----------------------------------------------------------------------
def test_an_arabic_article_renders_right_to_left_with_its_notes_and_its_links_lead_to_pages_of_the_file(
    books, served, browser
):
    path = next(
        p for p, words in article_words(books, "ar").items() if b'class="footnote"' in entries_of(books["ar"])[p][2]
    )
    book = book_name("ar")
    page = browser.new_page()
    failed, elsewhere = [], []
    page.on("response", lambda r: failed.append((r.status, r.url)) if r.status >= 400 else None)
    page.on(
        "request",
        lambda r: (
            elsewhere.append(r.url)
            if urlsplit(r.url).hostname not in ("127.0.0.1", None) and not r.url.startswith("data:")
            else None
        ),
    )
    try:
        page.goto(f"{served}/{book}/{path}")
        page.wait_for_load_state("networkidle")
        assert page.evaluate("document.documentElement.lang") == "ar"
        assert page.evaluate("getComputedStyle(document.querySelector('article')).direction") == "rtl"
        notes = page.locator("div.footnote li")
        assert notes.count() >= 1 and notes.first.is_visible()
        for number in range(1, notes.count() + 1):  # every note linked both ways
            assert page.locator(f"sup a[href='#fn:{number}']").count() == 1
            assert page.locator(f"[id='fn:{number}'] a[href='#fnref:{number}']").count() == 1
        assert page.locator("[data-hiwar-search], script[src*='hiwar-search']").count() == 0  # Kiwix searches
        assert page.evaluate("[...document.fonts].some(f => /Naskh/.test(f.family) && f.status === 'loaded')")
        # The language menu's English edition is another file: it leads to the English page on the site.
        english = page.locator("a.md-select__link[hreflang='en']").get_attribute("href")
        canonical = BeautifulSoup((OFFLINE / "en" / path).read_text(encoding="utf-8"), "html.parser").find(
            "link", rel="canonical"
        )["href"]
        assert english == canonical
        links = page.eval_on_selector_all(
            "nav.md-nav--primary a[href], article a[href]:not([download])", "els => els.map(a => a.href)"
        )
        inside = sorted(
            {
                link.split("#")[0]
                for link in links
                if link.startswith(f"{served}/{book}/") and link.split("#")[0].endswith(".html")
            }
        )
        assert len(inside) >= 8
        for link in inside[:12]:
            response = page.goto(link)
            assert response.status == 200, link
            assert page.locator("article").count() >= 1, link
        assert not failed, failed
        assert not elsewhere, elsewhere
    finally:
        page.close()


def test_an_english_article_renders_left_to_right(books, served, browser):
    path = next(iter(article_words(books, "en")))
    page = browser.new_page()
    try:
        response = page.goto(f"{served}/{book_name('en')}/{path}")
        assert response.status == 200
        assert page.evaluate("document.documentElement.lang") == "en"
        assert page.evaluate("getComputedStyle(document.querySelector('article')).direction") == "ltr"
    finally:
        page.close()


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_on_a_phone_an_article_fits_the_screen_without_the_site_search(books, served, browser, lang):
    """Without the search box, the language menu ends the header: its list must not reach past the page."""
    path = next(iter(article_words(books, lang)))
    page = browser.new_page(viewport={"width": 390, "height": 800})
    try:
        page.goto(f"{served}/{book_name(lang)}/{path}")
        page.wait_for_load_state("networkidle")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        page.close()


# ---- hostile inputs --------------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def hostile_books(tmp_path_factory):
    """A project with a payload in every field (as the browser test has it), built once with its offline edition and
    its downloads: the two ZIM files are among them."""
    import dataclasses

    from test_hostile_browser import hostile_fields

    base = tmp_path_factory.mktemp("hostile-zim")
    # And links in single quotes, which tools that scan a page for links (zimcheck) read inside text and JSON too.
    quoted = "<img src='../../../x.png'> <a href='../../y/'>y</a>"
    # A file name in Arabic: its pages' paths are Arabic, their links percent-encoded.
    fields = dataclasses.replace(
        hostile_fields(),
        author_ar=quoted,
        author_en=quoted,
        publisher_ar=quoted,
        publisher_en=quoted,
        summary_en=quoted,
        b_name="مقال [x](javascript:alert(1))",
    )
    result = mkdocs_build(hostile.write_project(base, fields), base / "site", offline=True, dist=base / "dist")
    assert result.returncode == 0, result.stderr
    return base, fields, {edition.lang: base / "dist" / zim.FILE_NAME.format(lang=edition.lang) for edition in EDITIONS}


def test_hostile_inputs_reach_the_files_as_text(hostile_books, browser):
    base, fields, books = hostile_books
    for lang, path in books.items():
        assert zimcheck(path)["status"] is True, lang
        found = entries_of(path)
        edition = next(e for e in EDITIONS if e.lang == lang)
        held = frozenset(found)
        for name, (title, kind, data) in found.items():
            if kind == "text/html":  # the offline page, with nothing but the search box left out and links moved
                page = (base / "site" / name).read_bytes()
                assert data == zim.kiwix_page(page, name, held, SITE_URL)
                assert title == zim.page_title(zim.Page(page).title(), edition.t("site.name"))
                soup = BeautifulSoup(page, "html.parser")
                assert " ".join(soup.title.get_text().split()).startswith(title)
    # The edited article's title, full of markup, is its title in Kiwix: the same text.
    expected = " ".join(normalise(f"مستقبل {hostile.one_line(fields.a_title_line)} الحوار").split())
    titles = [title for title, kind, _ in entries_of(books["ar"]).values() if kind == "text/html"]
    assert expected in titles
    with kiwix_serve(*books.values()) as base_url:
        suggestions = json.loads(
            urlopen(
                f"{base_url}/suggest?" + urlencode({"content": book_name("ar"), "term": "مستقبل"}), timeout=30
            ).read()
        )
        # kiwix-serve's suggestions are HTML (its page shows them as such): the title comes escaped, as text.
        values = [s["value"] for s in suggestions]
        assert expected in map(html.unescape, values) and not [v for v in values if "<" in v]
        page = browser.new_page()
        dialogs = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        try:
            articles = sorted(p for p in entries_of(books["ar"]) if p.startswith("articles/"))
            assert [p for p in articles if not p.isascii()]
            for path in articles:
                assert page.goto(f"{base_url}/{book_name('ar')}/{path}").status == 200, path
                page.wait_for_load_state("networkidle")
                page.mouse.move(200, 300)
                assert not page.evaluate("window.hostileRan"), path
            assert not dialogs, dialogs
        finally:
            page.close()


# ---- the producer's own rules ----------------------------------------------------------------------------------------
SEARCH_BLOCK = (
    '<link rel="stylesheet" href="../assets/s.css" data-hiwar-site-search>\n<label for="__search">'
    '<svg></svg></label>\n<div data-hiwar-search><div><script type="application/json">{"a":"\\u003c/div>"}'
    '</script></div></div>\n<script src="../assets/s.js" defer data-hiwar-site-search></script>'
)


def test_a_kiwix_page_leaves_the_site_search_out_and_links_other_editions_to_the_site():
    page = (
        f'<html><head><title>T - Site</title></head><body><header>{SEARCH_BLOCK} after<a href="../en/x/index.html#p-1">'
        'English</a></header><a href="../y/index.html">y</a><a href="#top">top</a>'
        '<a href="https://elsewhere.example/">e</a><img src="../assets/i.png"></body></html>'
    ).encode()
    held = frozenset({"x/index.html", "y/index.html", "assets/i.png"})
    out = zim.kiwix_page(page, "x/index.html", held, "https://hiwar.example.org/").decode()
    assert "data-hiwar-site-search" not in out and "data-hiwar-search" not in out and "s.js" not in out
    assert "__search" not in out and "\\u003c" not in out  # the box's label and its data went with it
    assert '<header> after<a href="https://hiwar.example.org/en/x/#p-1">English</a>' in out  # text after it stays
    assert '<a href="../y/index.html">' in out and '<a href="#top">' in out and 'src="../assets/i.png"' in out
    assert '<a href="https://elsewhere.example/">' in out
    assert '<a href="#">English</a>' in zim.kiwix_page(page, "x/index.html", held, "").decode()


def test_a_link_is_an_attribute_a_parser_reads_not_text_that_looks_like_one():
    """Text and script data that spell href="…" are not links: only the href and src attributes are."""
    page = (
        '<html><head><title>t</title><script type="application/json">{"x": "<a href=\\"../z/index.html\\">"}'
        '</script></head><body><p>href="../z/index.html" src=\'../q.png\'</p><img src="../i.png">'
        '<a title=\'href="../w/index.html"\' href="../y/index.html">y</a></body></html>'
    ).encode()
    assert list(map(str, zim.Page(page).links())) == ["../i.png", "../y/index.html"]
    assert zim.page_facts(page).uses == ("../i.png",)  # what the plan follows: files, not pages
    out = zim.kiwix_page(page, "x/index.html", frozenset({"i.png"}), "https://s.example/").decode()
    assert 'href="https://s.example/y/"' in out and 'src="../i.png"' in out
    # Quotes in text and attribute values are written as the site's templates write them: no tool reads a link there.
    assert "<p>href=&#34;../z/index.html&#34; src=&#39;../q.png&#39;</p>" in out
    assert 'title="href=&#34;../w/index.html&#34;"' in out
    assert '{"x": "<a href=\\"../z/index.html\\">"}</script>' in out  # a script's data is not HTML: as it was


def test_a_page_that_holds_the_marks_the_quotes_are_written_with_keeps_them_as_text():
    page = "<html><body><p>\ufdd0'\ufdd1\" <a href='../y/index.html'>y</a></p></body></html>".encode()
    out = zim.kiwix_page(page, "x/index.html", frozenset(), "https://s.example/").decode()
    assert '<p>\ufdd0&#39;\ufdd1&#34; <a href="https://s.example/y/">y</a></p>' in out


def test_an_edition_holds_its_pages_and_what_they_and_their_style_sheets_link_to(tmp_path):
    files = {
        "index.html": '<link rel="stylesheet" href="assets/a.css"><a href="en/index.html">en</a>'
        '<a href="t/index.html">t</a><a href="c/x.bib" download>bib</a>',
        "t/index.html": '<img src="../assets/i.png"><a href="../index.html">home</a>',
        "en/index.html": '<link rel="stylesheet" href="../assets/a.css"><a href="../c/x.bib">bib</a>',
        # url() with and without quotes, escaped, in a comment (not a link), data: (not a file), @import by string
        "assets/a.css": '@import "b.css"; /* url(commented.png) */ body{font:url("f.woff2")}'
        " .x{background:url(data:image/png;base64,AAAA)} .y{background:url(g\\(1\\).png)}",
        "assets/b.css": "@media print { .z { background: url( 'p.svg' ) } }",
        "assets/f.woff2": "font",
        "assets/i.png": "png",
        "assets/g(1).png": "png",
        "assets/p.svg": "<svg/>",
        "assets/commented.png": "png",
        "assets/unused.js": "x",
        "c/x.bib": "@x{}",
    }
    store = Store(tmp_path / "store")
    tree = {name: store.put(text.encode()) for name, text in files.items()}
    reader = zim.Reader(tree, store, Derivations({}))
    arabic = zim.plan(tree, zim.EditionFolder("", ("en/",)), reader.uses)
    assert arabic.pages == ("index.html", "t/index.html")
    assert arabic.files == (
        "assets/a.css",
        "assets/b.css",
        "assets/f.woff2",
        "assets/g(1).png",
        "assets/i.png",
        "assets/p.svg",
        "c/x.bib",
    )
    english = zim.plan(tree, zim.EditionFolder("en/", ()), reader.uses)
    assert english.pages == ("en/index.html",)
    assert english.files == (
        "assets/a.css",
        "assets/b.css",
        "assets/f.woff2",
        "assets/g(1).png",
        "assets/p.svg",
        "c/x.bib",
    )


def test_what_a_page_says_of_its_links_is_read_once_by_its_blob(tmp_path, monkeypatch):
    store, derived = Store(tmp_path / "store"), Derivations({})
    tree = {"index.html": store.put(b'<a href="a.css">x</a>'), "a.css": store.put(b"b{background:url(i.png)}")}
    zim.Reader(tree, store, derived).uses("index.html")
    zim.Reader(tree, store, derived).uses("a.css")
    read = []
    monkeypatch.setattr(zim, "page_facts", lambda html: read.append(html))
    monkeypatch.setattr(zim, "style_links", lambda css: read.append(css))
    again = zim.Reader(tree, store, Derivations(derived.made))
    assert again.uses("index.html") == ("a.css",) and again.uses("a.css") == ("i.png",) and read == []


def test_the_index_holds_the_folded_forms_of_the_words_kiwix_would_not_fold_itself():
    assert "كاظمي" in zim.folded_forms("الكاظمى")
    assert "مفاوضات" in zim.folded_forms("والمفاوضات")
    assert {"الحكومه", "حكومه"} <= set(zim.folded_forms("الحكومة"))
    assert "كاظمي" in zim.folded_forms("کاظمی")  # Persian letters
    assert zim.folded_forms("Sudani said the negotiations") == []  # English words are their own forms
    page = zim.Page(
        '<title>x</title><article class="md-content__inner md-typeset"><h1>عنوان</h1>'
        '<p>والمفاوضات مستمرة<a class="headerlink" href="#p">¶</a></p></article><nav>قائمة</nav>'.encode()
    )
    indexed = page.index_text("المفاوضات")
    assert indexed.content.startswith("والمفاوضات مستمرة") and "مفاوضات" in indexed.content.split()
    assert "عنوان" not in indexed.content and "¶" not in indexed.content and "قائمة" not in indexed.content
    assert indexed.wordcount == 2 and indexed.keywords.split() == ["مفاوضات"]


def test_titles_media_types_and_the_table_values_a_file_needs():
    assert zim.page_title(zim.Page("<title>A - B &amp; C - حوار</title>".encode()).title(), "حوار") == "A - B & C"
    assert zim.page_title(zim.Page("<title>حوار</title>".encode()).title(), "حوار") == "حوار"
    assert zim.media_type("citations/x.ar.csl.json") == "application/vnd.citationstyles.csl+json"
    assert zim.media_type("citations/x.ar.bib") == "application/x-bibtex"
    assert zim.media_type("a/b.woff2") == "font/woff2" and zim.media_type("a/b.unknown") == "application/octet-stream"
    book = zim.book_of(EDITIONS[0], "https://hiwar.example.org/")
    metadata = book.metadata(__import__("datetime").date(2024, 5, 1))
    assert {"Name", "Title", "Language", "Creator", "Publisher", "Date", "Description"} <= set(metadata)
    assert metadata["Date"] == "2024-05-01" and metadata["Language"] == "ara"


def test_a_bad_table_value_is_one_line_naming_the_table(tmp_path):
    from hiwar.site.editions import Edition, LanguageTable

    table = EDITIONS[1].table
    strings = dict(table.strings, **{"kiwix.tags": ["a;b"]})
    edition = Edition("en", False, LanguageTable("en", table.source, strings))
    with pytest.raises(zim.ZimError) as raised:
        zim.book_of(edition, "")
    assert str(raised.value).startswith(f"{table.source}: kiwix.tags") and "\n" not in str(raised.value)
    strings = dict(table.strings, **{"language.iso639_3": "en"})
    with pytest.raises(zim.ZimError, match="ISO 639-3"):
        zim.book_of(Edition("en", False, LanguageTable("en", table.source, strings)), "")
