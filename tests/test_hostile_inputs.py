"""Every byte of every input is text. Hostile strings — quotes, markup, URLs with schemes, paths, line breaks,
control and bidi characters, Jinja, Markdown and pymdown syntax, YAML-looking text — are put into every field at
once (hostile.Fields: seed lines, seed file names, every field of NAME.yml, the translation, tags.yml, names.yml,
events.yml and glossary.yml), and the site is built, both editions, online and offline. Then, per site:

- no element and no (element, attribute) pair appears that the same project with benign strings in the same
  places does not have;
- no URL attribute has a scheme other than http(s) or mailto, no srcdoc, no inline event handler at all;
- every link between the site's pages leads to a page of the site (file names with `#`, `%2e`, `?`…);
- Jinja in a field is not evaluated; the feeds are JSON and well-formed XML (lxml, feedparser), the sitemap XML,
  naming pages of the site;
- the hostile title, author and seed name reach the page, the feeds, <meta> and the BibTeX collection (read with
  pybtex) as the same text;
- each edition's EPUB is well-formed XML with nothing the benign books lack, and holds the hostile title, author,
  summary and note as the same text;
- nothing is written outside the output folders;
- or the input is refused: one line per problem, `FILE: what is wrong`, no traceback, no page written.
"""

from __future__ import annotations

import os
import re
import tempfile
import time
import unicodedata
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import feedparser
import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, event, given, note, settings
from hypothesis import strategies as st
from lxml import etree

import hostile
from bibtex_reader import read_bibtex
from conftest import mkdocs_build
from hiwar.ingest.seed import normalise
from hostile import FIELD_NAMES, Fields

CI = bool(os.environ.get("CI"))
SITE_URL = "https://hiwar.example.org/"

# Pieces of attacks, each a string that means something to one of the layers text goes through.
MARKUP = [
    '"',
    "'",
    "<",
    ">",
    "&",
    "{",
    "}",
    "[",
    "]",
    "(",
    ")",
    "`",
    "*",
    "_",
    "#",
    "|",
    "\\",
    "!",
    ":",
    "=",
    "/",
    "?",
    "%",
    ";",
    "~",
    "^",
    "$",
    "+",
    "-",
    ".",
    ",",
    "@",
    "<<",
    ">>",
    "'\"",
    "\"'",
    "  ",
    "<script>alert(1)</script>",
    "</script><script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg/onload=alert(1)>",
    '" onmouseover="alert(1)',
    "' onfocus='alert(1)' autofocus='",
    '"><b>x</b>',
    "<a href=javascript:alert(1)>x</a>",
    "<iframe srcdoc='<script>alert(1)</script>'></iframe>",
    "<object data=javascript:alert(1)>",
    "<form action=javascript:alert(1)><button formaction=javascript:alert(1)>",
    "<base href=//evil.example/>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "<style>*{color:red}</style>",
    "</style>",
    "</title>",
    "</textarea>",
    "</noscript>",
    "<!--",
    "-->",
    "--!>",
    "<![CDATA[ x ]]>",
    "<?xml x?>",
    "<!DOCTYPE x>",
    "&lt;",
    "&#60;",
    "&#x3c;",
    "&amp;",
    "&#0;",
    "&quot;",
    "&nbsp",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "http://evil.example/x",
    "//evil.example/",
    "mailto:x@example.org",
    "../",
    "../../README",
    "..\\..\\x",
    "%2e%2e/",
    "%2e",
    "%2F",
    "%00",
    "?x=1",
    "#frag",
    "#",
    "index.html",
    "[x](javascript:alert(1))",
    "[x](data:text/html,x)",
    "![i](javascript:alert(1))",
    "<javascript:alert(1)>",
    "<http://evil.example>",
    "[x]: javascript:alert(1)",
    "[x][x]",
    '{: onclick="alert(1)" }',
    "{#id .cls onclick=alert(1)}",
    '--8<-- "/etc/passwd"',
    '--8<-- "README.md"',
    ";--8<--",
    "$x^2$",
    "$$",
    "\\(x\\)",
    "\\[x\\]",
    "2021. ",
    "    code",
    "??? note",
    "!!! danger",
    "***",
    "---",
    "===",
    "- [ ] ",
    "1. ",
    "> ",
    "| a | b |",
    "[^1]",
    "*[HTML]: x",
    "==x==",
    "^^x^^",
    "~~x~~",
    "++ctrl++",
    ":smile:",
    "{~~a~>b~~}",
    "<div markdown=1>",
    "```",
    "~~~",
    "{{ 'zq' ~ 7191*3 }}",
    "{% set v = 'zq' ~ 7191*4 %}{{ v }}",
    "{{ config.site_name }}",
    "{{ page.meta }}",
    "{# c #}",
    "{%- raw %}",
    "{{",
    "}}",
    "{%",
    "%}",
    "{0}",
    "{x}",
    "{0.__class__}",
    "{lang}",
    "%s",
    "%(x)s",
    "%d",
    "title: x",
    "key: [a, b]",
    "- item",
    "&anchor x",
    "*alias",
    "!!python/object/apply:os.system ['id']",
    "--- ",
    "...",
    "? x",
    "<<: *x",
    "@x",
    "`x`",
    "|-",
    ">-",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "\x00",
    "\x01",
    "\x07",
    "\x0b",
    "\x0c",
    "\x1b[31m",
    "\x7f",
    "\x85",
    "\u2028",
    "\u2029",
    "\u202e",
    "\u202d",
    "\u2066",
    "\u2067",
    "\u2069",
    "\u200e",
    "\u200f",
    "\u061c",
    "\u200b",
    "\ufeff",
    "\u00a0",
    "\u00ad",
    "\ufffd",
    "\U0001f600",
    "\u0301",
    "\ufffe",
    "\uffff",
    "\ufdd0",
    "\U0010ffff",  # noncharacters: XML 1.0 cannot hold the first two
    "\\}",
    "\\{",
    "}, url = {x",
    "@misc{x,",
    "''",
    "``",
    "!`",
    "\\textbf{x}",  # what BibTeX and LaTeX read
    "الحوار",
    "الاستراتيجي",
    "بغداد",
    "«",
    "»",
    "،",
    "؛",
    "؟",
    "٢٠٢١",
    "Biden",
    "x",
]
TOKEN = st.one_of(
    st.sampled_from(MARKUP),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=3),
)


def joined(tokens: list[str], spaces: list[bool]) -> str:
    return "".join(t + (" " if s else "") for t, s in zip(tokens, spaces)).rstrip(" ") or tokens[0]


def hostile_text(max_tokens: int = 6):
    return st.lists(st.tuples(TOKEN, st.booleans()), min_size=1, max_size=max_tokens).map(
        lambda pairs: joined([t for t, _ in pairs], [s for _, s in pairs])
    )


def with_a_word(text: str) -> str:
    """Editorial values must hold something: a field of only spaces or punctuation gets a letter at its end (phrases
    to match need a word, labels some text); what the field holds otherwise is kept."""
    return text if any(ch.isalnum() for ch in normalise(text)) else text + " x"


# A byline is a name after بقلم: the reader takes at most five words and none of these characters.
BYLINE_EXCLUDED = set("0123456789.،:؛!?؟\n\r\x85\u2028\u2029") | set("٠١٢٣٤٥٦٧٨٩")
BYLINE = (
    hostile_text(3)
    .map(lambda s: "".join(ch for ch in s if ch not in BYLINE_EXCLUDED))
    .map(lambda s: ("علي " + s.strip())[:50].strip())
)
# A title line: at most 25 words, or the reader takes it for a paragraph (and the note would move to another ¶).
TITLE_LINE = hostile_text(3)
# File names: anything the file system takes (not "/" or NUL), up to 40 characters; a name the build refuses
# (control or bidi characters, bytes that are not UTF-8) is one line of refusal.
# Most names are ones the build takes (the slug and the links are then checked); one in sixteen may hold anything.
REFUSED_IN_NAMES = ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")
NAME_PIECES = [m for m in MARKUP if not set(m) & set(hostile.NOT_IN_FILE_NAMES)] + ["%2e%2e", "a#b", "a?b", "..", "."]
TAKEN_NAME_PIECES = [m for m in NAME_PIECES if not any(unicodedata.category(ch) in REFUSED_IN_NAMES for ch in m)]


def file_name(pieces: list[str], categories: tuple[str, ...]):
    piece = st.one_of(
        st.sampled_from(pieces),
        st.text(
            alphabet=st.characters(
                codec="utf-8", exclude_categories=categories, exclude_characters=hostile.NOT_IN_FILE_NAMES
            ),
            min_size=1,
            max_size=3,
        ),
    )
    return st.lists(piece, min_size=1, max_size=6).map(lambda parts: "".join(parts)[:40])


ANY_NAME = file_name(NAME_PIECES + ["\udce9"], ("Cs",))
TAKEN_NAME = file_name(TAKEN_NAME_PIECES, REFUSED_IN_NAMES)
# Names that mean something to MkDocs or to the site's own files, as they are.
SITE_NAMES = [
    "index",
    "Index",
    "INDEX",
    "404",
    "feed",
    "sitemap.xml",
    "assets",
    "search",
    "parallel",
    "articles",
    "topics",
    "en",
    "ar",
    "people",
    "about",
]


def seed_file_name(first: str):
    """A seed's name without .txt: `first` and a generated name (the two seeds' names differ by their first letter),
    or sometimes a name the site has a use for."""
    return st.integers(0, 15).flatmap(
        lambda n: (
            st.sampled_from(SITE_NAMES)
            if n == 5 and first == "a"
            else (ANY_NAME if n == 7 else TAKEN_NAME).map(lambda name: first + name)
        )
    )


def field_strategy(name: str):
    if name in ("a_name", "b_name"):
        return seed_file_name(name[0])
    if name in ("a_byline", "b_byline"):
        return BYLINE
    if name in ("a_title_line", "b_title_line", "a_en_title_line"):
        return TITLE_LINE
    return hostile_text().map(with_a_word)


FIELDS = st.builds(Fields, **{name: field_strategy(name) for name in FIELD_NAMES})
ID_FIELDS = ["tags.yml", "names.yml", "events.yml", "events.yml terms", "glossary.yml", "NAME.yml tags"]
# One id in twelve is hostile too: refused with a line naming the file and the id, or, if it happens to be a valid id,
# built like any other.
BAD_ID = st.integers(0, 11).flatmap(
    lambda n: st.tuples(st.sampled_from(ID_FIELDS), hostile_text(4)) if n == 5 else st.just(None)
)

# 3 built sites in make test; 120 in make test-long (CI runs both); HIWAR_HOSTILE_EXAMPLES=N for more or fewer.
EXAMPLES = int(os.environ.get("HIWAR_HOSTILE_EXAMPLES", 3))
JINJA_RESULTS = ("zq21573", "zq28764")  # what the Jinja pieces above would print if a template evaluated them


def write(base: Path, fields: Fields, bad_id=None) -> Path:
    project = hostile.write_project(base, fields)
    if bad_id is not None:
        where, value = bad_id
        _put_id(project / "editorial", where, value, fields)
    return project


def _put_id(editorial: Path, where: str, value: str, fields: Fields) -> None:
    shared = hostile.shared_files(fields)
    if where == "tags.yml":
        shared["tags.yml"] = {value: shared["tags.yml"]["hostile-topic"]}
    elif where == "names.yml":
        shared["names.yml"]["names"][0]["id"] = value
    elif where == "events.yml":
        shared["events.yml"]["events"][0]["id"] = value
    elif where == "events.yml terms":
        shared["events.yml"]["terms"][0]["id"] = value
    elif where == "glossary.yml":
        shared["glossary.yml"]["terms"][0]["id"] = value
    else:
        metadata = hostile.metadata_a(fields)
        metadata["tags"] = [value]
        stem = hostile.a_seed_name(fields)[:-4]
        (editorial / os.fsdecode(os.fsencode(stem) + b".yml")).write_text(hostile.dump(metadata), encoding="utf-8")
        return
    for name, data in shared.items():
        (editorial / name).write_text(hostile.dump(data), encoding="utf-8")


def build(base: Path, project: Path):
    """Both editions online (base/site-online), the offline edition (base/site) and its zip (base/dist)."""
    return mkdocs_build(project, base / "site", offline=True, dist=base / "dist")


ZIP_NAME = "hiwar-offline.zip"


SITES = ("site-online", "site")


@pytest.fixture(scope="module")
def benign_sites(tmp_path_factory):
    """The yardstick: the same project with plain words in every field, built the same way."""
    base = tmp_path_factory.mktemp("benign")
    result = build(base, write(base, hostile.benign()))
    assert result.returncode == 0, result.stderr
    found = {name: hostile.structure(base / name) for name in SITES}
    # The fixed text around the fields gives every feature something to show.
    for name in SITES:
        elements = found[name].elements
        assert {"time", "ul", "li", "sup", "h2", "aside"} <= elements
        assert ("span", "aria-describedby") in found[name].pairs  # a glossed term
        assert ("meta", "content") in found[name].pairs
    online = base / "site-online"
    found["epub"] = hostile.epub_structure(online)  # the books: every XML document parsed, its structure recorded
    assert {"sup", "li", "time", "h2"} <= found["epub"].elements
    assert ("a", "epub:type") in found["epub"].pairs and ("a", "role") in found["epub"].pairs  # notes, glossary
    assert "hostile-name" in (online / "people" / "index.html").read_text(encoding="utf-8")
    assert (online / "people" / "hostile-name" / "index.html").is_file()  # the name's own page
    assert "hostile-event" in (online / "timeline" / "index.html").read_text(encoding="utf-8")
    return found


@pytest.fixture(scope="module")
def repository_before():
    before = hostile.outside_snapshot()
    yield before
    assert hostile.outside_snapshot() == before, "a build wrote into the repository"


def spaced(text: str) -> str:
    """Runs of whitespace as one space, as a browser shows HTML text."""
    return " ".join(text.split())


def as_feedparser_reads(text: str) -> str:
    """feedparser takes a text whose characters are all Latin-1 and whose Latin-1 bytes are UTF-8 for mojibake, and
    decodes it again ("Ý´" becomes "ݴ": feedparser/mixin.py, "address common error"): a reader's repair, not the
    feed's text, which lxml reads as written."""
    try:
        return text.encode("iso-8859-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def shown(text: str) -> str:
    """A field as a reader sees it: normalised like a seed's text (bidi controls and invisible characters gone,
    control characters as spaces), runs of whitespace made one space."""
    return " ".join(normalise(text).split())


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=CI,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
@given(fields=FIELDS, bad_id=BAD_ID)
def test_hostile_strings_in_every_field_stay_text(benign_sites, repository_before, fields, bad_id):
    with tempfile.TemporaryDirectory(prefix="hostile-") as directory:
        base = Path(directory)
        project = write(base, fields, bad_id)
        (base / "outside").mkdir()
        (base / "outside" / "sentinel.txt").write_text("untouched\n", encoding="utf-8")
        outputs = (
            base / "site",
            base / "site-online",
            base / "dist",
            project / "build" / "cache",
            project / "build" / "report.txt",
        )
        before = hostile.files_under(base, skip=outputs)
        started = time.monotonic()
        result = build(base, project)
        note(f"build: {time.monotonic() - started:.1f} s, exit {result.returncode}\n{result.stderr[-3000:]}")
        assert "Traceback" not in result.stderr + result.stdout
        assert hostile.files_under(base, skip=outputs) == before, "something was written outside the output folders"
        if result.returncode != 0:
            check_refusal(base, result, bad_id)
            return
        event("built")
        for name in SITES:
            check_site(base / name, benign_sites[name], offline=name == "site")
        check_text_is_text(base / "site-online", fields)
        check_books(base / "site-online", fields, benign_sites["epub"])
        check_zip(base / "dist" / ZIP_NAME, base / "site")
        report = (project / "build" / "report.txt").read_text(encoding="utf-8")
        assert all(hostile.printable(line) for line in report.splitlines())  # nothing a terminal would act on


def check_books(site: Path, fields: Fields, benign) -> None:
    """The EPUB of each edition: well-formed XML with no element, attribute, handler or URL scheme the benign books
    lack, no Jinja evaluated, and the hostile title, author, summary and note as the same text a reader is told."""
    seen = hostile.epub_structure(site)
    assert seen.elements <= benign.elements, seen.elements - benign.elements
    assert seen.pairs <= benign.pairs, seen.pairs - benign.pairs
    assert not seen.handlers and not hostile.unsafe_urls(seen)
    expected = {
        "ar": (
            shown(f"مستقبل {hostile.one_line(fields.a_title_line)} الحوار"),
            fields.author_ar,
            fields.summary_ar,
            fields.note_ar,
        ),
        "en": (shown(fields.title_en), fields.author_en, fields.summary_en, fields.note_en),
    }
    for lang, (title, author, summary, note_text) in expected.items():
        books = hostile.epub_articles(site, lang)
        assert title in books, (title, list(books))
        document = books[title]
        text = spaced("".join(document.itertext()))
        assert not any(result in text for result in JINJA_RESULTS)
        xhtml = "{http://www.w3.org/1999/xhtml}"
        meta = spaced("".join(document.find(f".//{xhtml}p[@class='meta']").itertext()))
        assert shown(author) in meta
        assert spaced("".join(document.find(f".//{xhtml}p[@class='summary']").itertext())).endswith(shown(summary))
        (note,) = document.iterfind(f".//{xhtml}li[@class='note editor']")
        assert shown(note_text) in spaced("".join(note.itertext()))


def check_refusal(base: Path, result, bad_id) -> None:
    problems = hostile.problem_lines(result.stderr)
    for line in problems:
        source, _, message = line.partition(": ")
        if source.startswith(("seeds/", "editorial/")):  # which kind of file, and the start of what is wrong
            source, message = re.match(r"(.*?(?:\.en\.txt|\.yml|\.txt)): (.*)", line).groups()
            name = source.split("/", 1)[1]
            kind = (
                name
                if name in ("tags.yml", "names.yml", "events.yml", "glossary.yml")
                else "NAME" + (".en.txt" if name.endswith(".en.txt") else Path(name).suffix)
            )
            event(f"refused: {source.split('/')[0]}/{kind}: {' '.join(message.split()[:4])}")
    note(f"problems: {problems}")
    assert problems, result.stderr
    for line in problems:
        assert hostile.printable(line), line  # one line, nothing that reorders or hides it on a terminal
        assert line.startswith(("seeds/", "editorial/")) or "problem(s) in seeds or editorial files" in line, line
    assert not list((base / "site").rglob("*.html")) and not list((base / "site-online").rglob("*.html"))


def check_site(site: Path, benign, offline: bool) -> None:
    seen = hostile.structure(site)
    assert seen.elements <= benign.elements, seen.elements - benign.elements
    assert seen.pairs <= benign.pairs, seen.pairs - benign.pairs
    assert not seen.handlers
    assert not hostile.unsafe_urls(seen)
    for path in site.rglob("*"):
        if path.suffix in (".html", ".json", ".xml", ".txt"):
            text = path.read_text(encoding="utf-8")
            assert not any(result in text for result in JINJA_RESULTS), path
    for prefix in ("", "en"):
        data = hostile.feed(site, prefix)
        for item in data["items"]:
            assert (
                item["url"].startswith(SITE_URL) and (site / unquote(item["_hiwar"]["path"]) / "index.html").is_file()
            )
    if not offline:
        for prefix in ("", "en"):
            root = ET.fromstring((site / prefix / "sitemap.xml").read_bytes())
            for loc in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc"):
                assert loc.text.startswith(SITE_URL)
                assert (site / unquote(loc.text[len(SITE_URL) :]) / "index.html").is_file() or (
                    site / unquote(loc.text[len(SITE_URL) :])
                ).is_file(), loc.text
    check_links(site, seen, offline)


def check_zip(archive: Path, offline: Path) -> None:
    """The zip holds the offline edition, file for file, every name under its one top folder."""
    with zipfile.ZipFile(archive) as opened:
        names = opened.namelist()
        assert all(name.startswith("hiwar-offline/") and ".." not in name.split("/") for name in names)
        files = {p.relative_to(offline).as_posix(): p for p in offline.rglob("*") if p.is_file()}
        assert sorted(name.removeprefix("hiwar-offline/") for name in names) == sorted(files)
        for name in names:
            assert opened.read(name) == files[name.removeprefix("hiwar-offline/")].read_bytes()


def check_links(site: Path, seen, offline: bool) -> None:
    """Every relative link from a page leads to a file of the site (offline: to the file itself, never a folder)."""
    for page, where, value in seen.urls:
        if not where.startswith("a[") or hostile.scheme(value) is not None or value.startswith("#"):
            continue
        path = unquote(urlsplit(value).path)
        # A path from the root (the theme's 404 page) is read from the site's root: the site is served at "/".
        target = site / path.lstrip("/") if path.startswith("/") else (site / page).parent / path
        target = Path(os.path.normpath(target))
        assert site == target or site in target.parents, (page, value)
        if offline:
            assert target.is_file(), (page, value)
        else:
            assert target.is_file() or (target / "index.html").is_file(), (page, value)


def check_text_is_text(site: Path, fields: Fields) -> None:
    """What a reader is told — the titles (the seed's title line, NAME.yml's English title), the authors, the summary,
    the seed's file name — is the same text on the page, in <title>, in <meta> and in the feeds."""
    a_name, b_name = hostile.a_seed_name(fields), hostile.b_seed_name(fields)
    expected = {
        "": (
            shown(f"مستقبل {hostile.one_line(fields.a_title_line)} الحوار"),
            shown(fields.author_ar),
            shown(fields.summary_ar),
        ),
        "en": (shown(fields.title_en), shown(fields.author_en), shown(fields.summary_en)),
    }
    for prefix, (title, author, summary) in expected.items():
        pages = {}
        for folder in hostile.article_dirs(site, prefix):
            soup = BeautifulSoup((folder / "index.html").read_text(encoding="utf-8"), "html.parser")
            pages[soup.find("meta", attrs={"name": "hiwar:seed"})["content"]] = soup
        assert set(pages) == {a_name, b_name, *hostile.PLAIN_SEEDS}
        soup = pages[a_name]
        assert spaced(soup.h1.get_text()) == title
        assert spaced(soup.title.get_text()).startswith(title)
        assert soup.find("meta", attrs={"name": "author"})["content"] == author
        assert soup.select_one(".hiwar-summary p:not(.admonition-title)").get_text() == summary
        items = {item["_hiwar"]["seed"]: item for item in hostile.feed(site, prefix)["items"]}
        assert spaced(items[a_name]["title"]) == title and items[a_name]["authors"] == [{"name": author}]
        assert items[a_name]["content_text"] == summary
        # the Atom feed: well-formed XML whatever the fields hold (lxml refuses anything else), and the same text
        atom = (site / prefix / "feed.xml").read_bytes()
        tree = etree.fromstring(atom, etree.XMLParser(recover=False))
        atom_ns = {"a": "http://www.w3.org/2005/Atom"}
        (written,) = tree.xpath(
            "a:entry[a:link[@rel='alternate']/@href=$url]", namespaces=atom_ns, url=items[a_name]["url"]
        )
        assert written.findtext("a:summary", namespaces=atom_ns) == summary
        feed = feedparser.parse(atom)
        assert feed.bozo == 0, feed.get("bozo_exception")
        entry = next(entry for entry in feed.entries if entry.link == items[a_name]["url"])
        assert (spaced(entry.title), entry.author, entry.summary) == tuple(
            as_feedparser_reads(text) for text in (title, author, summary)
        )
        # the BibTeX collection: every entry whole, the title and the author as the page has them
        slug = unquote(items[a_name]["url"].rstrip("/").rsplit("/", 1)[1])
        reference = read_bibtex((site / "citations" / "hiwar.bib").read_text(encoding="utf-8"))[
            f"hiwar:{slug}:{prefix or 'ar'}"
        ]
        assert (reference.text("title"), reference.names_text("author")) == (title, [author])
        if prefix == "":
            byline = pages[b_name].find("meta", attrs={"name": "author"})
    if byline is not None:  # the name the seed's byline gives, as its line says it
        assert spaced(byline["content"]) in shown(hostile.seed_text(fields.b_byline)), byline  # a seed holds no NUL
        event("byline as author")
