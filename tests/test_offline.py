"""The offline edition (outputs/offline.py): the online pages, read and written by an HTML parser, with every relative
link to a folder pointing at its index.html (a browser shows a folder from file:// as a listing), what only works
online left out, and each page derived once from the blob of its online version."""

from __future__ import annotations

import html5lib
import pytest

from hiwar.build.progress import Progress
from hiwar.outputs.contract import Context, Derivations, Files, Target
from hiwar.outputs.offline import OfflineEdition, derive_pages, file_url, offline_page, online_only
from hiwar.outputs.store import Store


def links(html: str) -> list[tuple[str, str, str]]:
    """(element, attribute, value) of every href and src of a page, as a browser's parser reads it."""
    document = html5lib.parse(html.decode("utf-8") if isinstance(html, bytes) else html, namespaceHTMLElements=False)
    return [
        (element.tag, name, value)
        for element in document.iter()
        if isinstance(element.tag, str)
        for name, value in element.attrib.items()
        if name in ("href", "src")
    ]


def page(body: str) -> bytes:
    return f"<!doctype html><html><head><title>t</title></head><body>{body}</body></html>".encode()


@pytest.mark.parametrize(
    "url,offline",
    [
        ("articles/x/", "articles/x/index.html"),
        ("../", "../index.html"),
        ("../../topics/iran/", "../../topics/iran/index.html"),
        ("./", "./index.html"),
        (".", "./index.html"),
        ("..", "../index.html"),
        ("../..", "../../index.html"),
        ("articles/%D9%85%D9%82%D8%A7%D9%84/", "articles/%D9%85%D9%82%D8%A7%D9%84/index.html"),
        ("../topics/#by-year", "../topics/index.html#by-year"),
        ("2/?page=2", "2/index.html?page=2"),
        ("../?q=a#r", "../index.html?q=a#r"),
    ],
)
def test_a_relative_link_to_a_folder_gets_its_index_html(url, offline):
    assert file_url(url) == offline
    assert links(offline_page(page(f'<a href="{url}">x</a><img src="{url}" alt="">'))) == [
        ("a", "href", offline),
        ("img", "src", offline),
    ]


@pytest.mark.parametrize(
    "url",
    [
        "",  # the page itself
        "#p-1",  # a fragment of the page
        "?q=1",  # a query on the page itself
        "feed.xml",
        "../assets/stylesheets/hiwar.css",
        "articles/x/index.html",  # files
        "/about/",  # absolute: from file:// it would leave the edition
        "https://hiwar.example.org/articles/x/",
        "//hiwar.example.org/articles/x/",
        "http://example.org",
        "file:articles/x/",  # any scheme
        "mailto:editor@example.org",
        "data:image/svg+xml,%3Csvg/%3E",
        "javascript:void(0)",
        "tel:+9641",
    ],
)
def test_other_links_are_left_as_they_are(url):
    assert file_url(url) == url


def test_only_href_and_src_attributes_are_links_and_the_rest_of_the_page_is_as_it_was():
    original = page(
        '<div data-href="articles/x/" title="../" class="a/"><a href="x/">x/</a></div>'
        '<p id="p-1" lang="ar" dir="rtl">نص «مقتبس» &amp; <b>x</b></p><script>if (a < b) {}</script>'
    )
    derived = html5lib.parse(offline_page(original).decode("utf-8"), namespaceHTMLElements=False)
    div = derived.find(".//div")
    assert div.attrib == {"data-href": "articles/x/", "title": "../", "class": "a/"}
    assert div.find("a").get("href") == "x/index.html" and div.find("a").text == "x/"
    assert html5lib.serialize(derived.find(".//p")) == html5lib.serialize(
        html5lib.parse(original.decode("utf-8"), namespaceHTMLElements=False).find(".//p")
    )
    assert derived.find(".//script").text == "if (a < b) {}"


def test_elements_marked_online_only_are_left_out():
    original = (
        "<!doctype html><html><head>\n"
        '  <link rel="alternate" type="application/atom+xml" href="feed.xml" data-hiwar-online-only>\n'
        '  <link rel="alternate" type="application/feed+json" title="JSON &gt; feed" data-hiwar-online-only href="feed.json">\n'
        '  <link rel="stylesheet" href="assets/x.css">\n'
        '  <link rel="canonical" href="https://hiwar.example.org/">\n'
        '</head>\n<body><a href="../">home</a></body></html>\n'
    ).encode()
    assert links(offline_page(original)) == [
        ("link", "href", "assets/x.css"),
        ("link", "href", "https://hiwar.example.org/"),
        ("a", "href", "../index.html"),
    ]


def test_a_link_that_only_names_online_only_in_its_text_is_kept():
    original = page('<link rel="stylesheet" href="data-hiwar-online-only.css"><link rel="x" data-hiwar-online-onlyish>')
    assert [name for _, _, name in links(offline_page(original))] == ["data-hiwar-online-only.css"]


@pytest.mark.parametrize(
    "relative,left_out",
    [
        ("sitemap.xml", True),
        ("sitemap.xml.gz", True),
        ("en/sitemap.xml", True),
        ("fr/sitemap.xml.gz", True),
        ("404.html", True),
        ("en/404.html", True),
        ("index.html", False),
        ("articles/sitemap.xml/index.html", False),
        ("sw.js", True),
        ("_headers", True),
        ("en/manifest.webmanifest", True),
        ("en/offline-files.json", True),
        ("503.html", True),
        ("en/503.html", True),
        ("articles/sw.js/index.html", False),
    ],
)
def test_what_only_crawlers_and_servers_read_is_left_out(relative, left_out):
    assert online_only(relative) is left_out


# ---- the offline edition as an output -----------------------------------------------------------------------------
SITE = {
    "index.html": page('<a href="articles/a/">a</a>'),
    "articles/a/index.html": page('<a href="../../">home</a>'),
    "assets/style.css": b"body {}",
    "sitemap.xml": b"<urlset/>",
    "404.html": page('<a href="/">home</a>'),
    "en/index.html": page('<a href="articles/a/">a</a>'),
    "en/sitemap.xml": b"<urlset/>",
}


def made(
    tmp_path, site: dict[str, bytes], derived: Derivations | None = None
) -> tuple[dict[str, str], Store, Derivations]:
    store = Store(tmp_path / "store")
    derived = derived or Derivations({})
    context = Context(
        None,
        (),
        None,
        store,
        Progress(interactive=False),
        "",
        trees={Target.SITE: {path: store.put(data) for path, data in site.items()}},
        derived=derived,
    )
    files = Files(store, "offline", Target.OFFLINE)
    OfflineEdition().produce(context, files)
    return files.files, store, derived


def test_every_file_but_what_only_works_online_pages_with_their_links_made_for_disk(tmp_path):
    files, store, _ = made(tmp_path, SITE)
    assert sorted(files) == ["articles/a/index.html", "assets/style.css", "en/index.html", "index.html"]
    assert store.get(files["assets/style.css"]) == b"body {}"
    assert links(store.get(files["articles/a/index.html"])) == [("a", "href", "../../index.html")]


def test_a_page_is_derived_once_by_the_blob_of_its_online_version(tmp_path, monkeypatch):
    from hiwar.outputs import offline as offline_module

    first, store, derived = made(tmp_path, SITE)
    calls = []
    monkeypatch.setattr(offline_module, "offline_page", lambda html: calls.append(html) or b"<p>derived</p>")
    again, _, _ = made(
        tmp_path,
        {**SITE, "articles/a/index.html": page('<a href="../">up</a>')},
        Derivations(derived.kept(set(store.verified))),
    )
    assert calls == [page('<a href="../">up</a>')]
    assert {path: digest for path, digest in again.items() if path != "articles/a/index.html"} == {
        path: digest for path, digest in first.items() if path != "articles/a/index.html"
    }


def test_a_derived_page_the_store_lost_is_derived_again(tmp_path):
    first, store, derived = made(tmp_path, SITE)
    for digest in derived.made.values():
        store._drop(digest)
    again, _, _ = made(tmp_path, SITE, Derivations(derived.made))
    assert again == first


def test_pages_rendered_in_an_editions_process_are_derived_there(tmp_path):
    store, derived = Store(tmp_path / "store"), Derivations({})
    derive_pages({"en/index.html": store.put(SITE["en/index.html"]), "en/x.css": store.put(b"x")}, store, derived)
    assert list(derived.made) == [f"offline-page:{store.put(SITE['en/index.html'])}"]
