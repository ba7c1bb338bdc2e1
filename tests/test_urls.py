"""Where a page is served and how pages link to each other (site/urls.py): one rule for every use. That the engine
still follows the same rule is tests/test_engine_adapter.py's to check."""

from __future__ import annotations

import posixpath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hiwar.site.urls import href, page_dest, page_url, relative_path, relative_url, source_link


@pytest.mark.parametrize(
    "path,dest,url",
    [
        ("index.md", "index.html", ""),
        (
            "articles/000_683b6dac8a733867.md",
            "articles/000_683b6dac8a733867/index.html",
            "articles/000_683b6dac8a733867/",
        ),
        ("topics/index.md", "topics/index.html", "topics/"),
        ("topics/iran/2.md", "topics/iran/2/index.html", "topics/iran/2/"),
    ],
)
def test_a_page_is_a_folder_holding_index_html_served_as_the_folder(path, dest, url):
    assert (page_dest(path), page_url(path)) == (dest, url)


@pytest.mark.parametrize(
    "target,origin,link",
    [
        ("articles/x/", "", "articles/x/"),
        ("", "articles/x/", "../.."),
        ("en/articles/x/", "articles/x/", "../../en/articles/x/"),
        ("assets/a.css", "en/topics/iran/", "../../../assets/a.css"),
        ("articles/y/", "articles/x/", "../y/"),
        ("feed.xml", "404.html", "feed.xml"),  # a file's folder is its page's
    ],
)
def test_links_are_relative_to_the_page_they_are_on(target, origin, link):
    assert relative_url(target, origin) == link


def test_a_link_between_two_pages_of_an_edition_is_the_relative_path_of_the_targets_markdown_percent_encoded():
    assert source_link("topics/iran.md", "articles/مقال.md") == "../articles/%D9%85%D9%82%D8%A7%D9%84.md"
    assert source_link("articles/x.md", "index.md") == "../index.md"
    assert source_link("topics/iran/2.md", "topics/iran.md") == "../iran.md"
    assert source_link("index.md", "topics/index.md", "by-year") == "topics/index.md#by-year"


@pytest.mark.parametrize(
    "path,expected",
    [
        ("articles/000_683b6dac8a733867/", "articles/000_683b6dac8a733867/"),
        ("articles/مقال/", "articles/%D9%85%D9%82%D8%A7%D9%84/"),
        ("en/topics/#by-year", "en/topics/#by-year"),
        ("a b/?x", "a%20b/%3Fx"),
    ],
)
def test_a_path_goes_into_an_href_with_each_segment_percent_encoded(path, expected):
    assert href(path) == expected


SEGMENTS = st.sampled_from(["a", "b", "topics", "مقالات", ".", "..", "", "x.md", "..x"])
PATHS = st.lists(SEGMENTS, max_size=5).map("/".join)


@given(PATHS, PATHS)
def test_a_relative_path_is_the_one_the_standard_library_gives(path, start):
    try:
        expected = posixpath.relpath(path, start)
    except ValueError:
        with pytest.raises(ValueError):
            relative_path(path, start)
        return
    assert relative_path(path, start) == expected
