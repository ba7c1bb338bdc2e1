"""The offline edition (site/offline.py): the online pages with every relative link to a folder pointing at its
index.html (a browser shows a folder from file:// as a listing), the online-only links left out, and the offline
folder kept in step with the site folder, each edition's process deriving its own part."""
from __future__ import annotations

import os

import pytest

from hiwar.site.offline import derive, folder_links_to_files, offline_page, online_only


def link(url: str, attribute: str = "href") -> str:
    return folder_links_to_files(f'<a {attribute}="{url}">x</a>')


@pytest.mark.parametrize("url,offline", [
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
])
def test_a_relative_link_to_a_folder_gets_its_index_html(url, offline):
    assert link(url) == f'<a href="{offline}">x</a>'
    assert folder_links_to_files(f'<img src="{url}">') == f'<img src="{offline}">'


@pytest.mark.parametrize("url", [
    "",  # the page itself
    "#p-1",  # a fragment of the page
    "?q=1",  # a query on the page itself
    "feed.xml", "../assets/stylesheets/hiwar.css", "articles/x/index.html",  # files
    "/about/",  # absolute: from file:// it would leave the edition
    "https://hiwar.example.org/articles/x/", "//hiwar.example.org/articles/x/", "http://example.org",
    "file:articles/x/",  # any scheme
    "mailto:editor@example.org", "data:image/svg+xml,%3Csvg/%3E", "javascript:void(0)", "tel:+9641",
])
def test_other_links_are_left_as_they_are(url):
    assert link(url) == f'<a href="{url}">x</a>'


def test_only_href_and_src_attributes_are_links():
    html = '<div data-href="articles/x/" title="../" class="a/"><a href="x/">x/</a></div>'
    assert folder_links_to_files(html) == '<div data-href="articles/x/" title="../" class="a/"><a href="x/index.html">x/</a></div>'


def test_links_marked_online_only_are_left_out_with_their_line():
    page = ('<head>\n'
            '  <link rel="alternate" type="application/atom+xml" href="feed.xml" data-hiwar-online-only>\n'
            '  <link rel="alternate" type="application/feed+json" title="JSON &gt; feed" data-hiwar-online-only href="feed.json">\n'
            '  <link rel="stylesheet" href="assets/x.css">\n'
            '  <link rel="canonical" href="https://hiwar.example.org/">\n'
            '</head>\n<body><a href="../">home</a></body>\n')
    assert offline_page(page) == ('<head>\n'
                                  '  <link rel="stylesheet" href="assets/x.css">\n'
                                  '  <link rel="canonical" href="https://hiwar.example.org/">\n'
                                  '</head>\n<body><a href="../index.html">home</a></body>\n')


def test_a_link_that_only_names_online_only_in_its_text_is_kept():
    page = '<link rel="stylesheet" href="data-hiwar-online-only.css">\n<link rel="x" data-hiwar-online-onlyish>\n'
    assert offline_page(page) == page


@pytest.mark.parametrize("relative,left_out", [
    ("sitemap.xml", True), ("sitemap.xml.gz", True), ("en/sitemap.xml", True), ("fr/sitemap.xml.gz", True),
    ("404.html", True), ("en/404.html", True), ("index.html", False), ("articles/sitemap.xml/index.html", False),
    ("sw.js", True), ("_headers", True), ("en/manifest.webmanifest", True), ("en/offline-files.json", True),
    ("503.html", True), ("en/503.html", True), ("articles/sw.js/index.html", False),
])
def test_what_only_crawlers_and_servers_read_is_left_out(relative, left_out):
    assert online_only(relative) is left_out


# ---- deriving the offline folder -------------------------------------------------------------------------------
SITE = {
    "index.html": '<a href="articles/a/">a</a>',
    "articles/a/index.html": '<a href="../../">home</a>',
    "assets/style.css": "body {}",
    "sitemap.xml": "<urlset/>",
    "404.html": '<a href="/">home</a>',
    "en/index.html": '<a href="articles/a/">a</a>',
    "en/articles/a/index.html": '<a href="../../">home</a>',
    "en/sitemap.xml": "<urlset/>",
}


def make_site(root, files=SITE):
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def tree(root) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8") for p in sorted(root.rglob("*")) if p.is_file()}


def later(path, seconds: int = 5) -> None:
    """Make a file newer than anything derived from it."""
    stamp = path.stat().st_mtime_ns + seconds * 10**9
    os.utime(path, ns=(stamp, stamp))


def test_pages_are_rewritten_other_files_linked_and_online_only_files_left_out(tmp_path):
    site, offline = make_site(tmp_path / "site"), tmp_path / "offline"
    counted = []
    assert derive(site, offline, progress=counted.append) == (4, 1)
    assert tree(offline) == {
        "articles/a/index.html": '<a href="../../index.html">home</a>',
        "assets/style.css": "body {}",
        "en/articles/a/index.html": '<a href="../../index.html">home</a>',
        "en/index.html": '<a href="articles/a/index.html">a</a>',
        "index.html": '<a href="articles/a/index.html">a</a>',
    }
    assert (offline / "assets/style.css").stat().st_ino == (site / "assets/style.css").stat().st_ino
    assert counted == [1] * 5


def test_a_second_derivation_touches_only_what_changed_in_the_site(tmp_path):
    site, offline = make_site(tmp_path / "site"), tmp_path / "offline"
    derive(site, offline)
    untouched = (offline / "index.html").stat().st_mtime_ns
    assert derive(site, offline) == (0, 0)
    (site / "articles/a/index.html").write_text('<a href="../">up</a>', encoding="utf-8")
    later(site / "articles/a/index.html")
    assert derive(site, offline) == (1, 0)
    assert (offline / "articles/a/index.html").read_text(encoding="utf-8") == '<a href="../index.html">up</a>'
    assert (offline / "index.html").stat().st_mtime_ns == untouched


def test_a_file_changed_in_the_site_replaces_its_offline_copy_without_writing_into_the_old_one(tmp_path):
    site, offline = make_site(tmp_path / "site"), tmp_path / "offline"
    derive(site, offline)
    kept = tmp_path / "earlier-style.css"
    os.link(offline / "assets/style.css", kept)  # an earlier build's copy of the same file
    (site / "assets/style.css").unlink()
    (site / "assets/style.css").write_text("body { color: red }", encoding="utf-8")
    later(site / "assets/style.css")
    assert derive(site, offline) == (0, 1)
    assert (offline / "assets/style.css").read_text(encoding="utf-8") == "body { color: red }"
    assert kept.read_text(encoding="utf-8") == "body {}"


def test_files_the_site_no_longer_has_are_removed_from_the_offline_folder(tmp_path):
    site, offline = make_site(tmp_path / "site"), tmp_path / "offline"
    derive(site, offline)
    (site / "articles/a/index.html").unlink()
    (offline / "stray.txt").write_text("left by hand", encoding="utf-8")
    derive(site, offline)
    assert "articles/a/index.html" not in tree(offline) and "stray.txt" not in tree(offline)
    assert "en/articles/a/index.html" in tree(offline)


def test_each_edition_derives_only_its_own_part(tmp_path):
    site, offline = make_site(tmp_path / "site"), tmp_path / "offline"
    make_site(offline, {"en/gone.html": "stale", "gone.html": "stale"})
    # The English edition's process: en/ only.
    assert derive(site, offline, within="en/") == (2, 0)
    assert sorted(tree(offline)) == ["en/articles/a/index.html", "en/index.html", "gone.html"]
    # The default edition's process: everything but the other editions' folders.
    (offline / "en/gone.html").write_text("stale", encoding="utf-8")
    assert derive(site, offline, leave=("en/",)) == (2, 1)
    assert sorted(tree(offline)) == ["articles/a/index.html", "assets/style.css", "en/articles/a/index.html",
                                     "en/gone.html", "en/index.html", "index.html"]


def test_a_folder_that_only_starts_like_another_editions_is_in_scope(tmp_path):
    site, offline = make_site(tmp_path / "site", {"english/index.html": '<a href="../">x</a>', "en/index.html": "e"}), \
        tmp_path / "offline"
    assert derive(site, offline, leave=("en/",)) == (1, 0)
    assert sorted(tree(offline)) == ["english/index.html"]
