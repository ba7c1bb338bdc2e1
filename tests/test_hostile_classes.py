"""One test per class of hostile input (issue 13) that the ingest tests do not already hold on the site side: what a
reader, an editor at `make serve` or whoever runs `make build` sees when an input is crafted or broken."""
from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import ENV, FIXTURES, ROOT, html, make_project, mkdocs_build

import hostile

HEADINGS = FIXTURES / "traits" / "headings.txt"
MKDOCS = str(Path(sys.executable).parent / "mkdocs")


def seeds_with(tmp_path: Path, **texts: str) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name, text in texts.items():
        (seeds / name).write_text(text, encoding="utf-8")
    return seeds


# ---- <meta name="author">: a byline and NAME.yml's author are text ----------------------------------------------

BYLINE_ATTACK = '"><script>alert()</script><b'  # what a byline may hold: no digits, no . : ! ?
AUTHOR_ATTACK = "x\" onmouseover=\"alert(1)\"><img src=x onerror=alert(1)><meta name=\"author\" content=\"y"
TEXT = ("عقدت الجولة الثالثة من الحوار الاستراتيجي بين العراق والولايات المتحدة عبر الاتصال المرئي، وناقش الجانبان "
        "مستقبل القوات الأمريكية في العراق.")


def head_of(page: Path):
    return html(page).head


def test_a_crafted_byline_or_author_is_the_author_meta_as_text(tmp_path):
    seeds = seeds_with(tmp_path, **{
        "byline.txt": f"قراءة في نتائج الحوار\n\nبقلم {BYLINE_ATTACK}\n\n{TEXT}\n",
        "edited.txt": f"مستقبل الحوار\n\n{TEXT}\n",
    })
    project = make_project(tmp_path, seeds)
    (project / "editorial" / "edited.yml").write_text(hostile.dump({"author": {"ar": AUTHOR_ATTACK, "en": AUTHOR_ATTACK}}),
                                                      encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site", offline=True)
    assert result.returncode == 0, result.stderr
    for site in (tmp_path / "site-online", tmp_path / "site"):  # online, and the offline edition
        for page, author in [("articles/byline/index.html", BYLINE_ATTACK), ("articles/edited/index.html", AUTHOR_ATTACK),
                             ("en/articles/edited/index.html", AUTHOR_ATTACK)]:
            head = head_of(site / page)
            assert [meta["content"] for meta in head.find_all("meta", attrs={"name": "author"})] == [author], page
            assert not head.find_all(["img", "b"]) and not head.find_all(attrs={"onmouseover": True})
            assert not [s for s in head.find_all("script") if "alert" in s.get_text()]
            body = html(site / page).body
            assert author in body.select_one(".hiwar-author").get_text() and not body.find_all(["img", "b"])


# ---- editorial text is read as seed text: nothing in it reorders, hides or colours what is shown ---------------

def test_editorial_text_cannot_reorder_or_hide_what_the_reader_sees(tmp_path):
    """Bidi overrides, isolates and marks, zero-width and control characters (a terminal escape) in NAME.yml are
    neutralised as in a seed: the page shows the letters in their order, nothing else."""
    project = make_project(tmp_path, seeds_with(tmp_path, **{"edited.txt": f"مستقبل الحوار\n\n{TEXT}\n"}))
    metadata = {"title": {"en": "The \u202eweiv lacitirc\u202c dialogue"},
                "author": {"ar": "علي\u200b حسن\u2066", "en": "Ali\u00ad \u200fHassan\x1b[31m"},
                "summary": {"ar": "ملخص\u061c قصير\x07", "en": "A\u2028short\x00summary\u2069"}}
    (project / "editorial" / "edited.yml").write_text(hostile.dump(metadata), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    english = html(tmp_path / "site" / "en" / "articles" / "edited" / "index.html")
    arabic = html(tmp_path / "site" / "articles" / "edited" / "index.html")
    assert english.h1.get_text() == "The weiv lacitirc dialogue"
    assert english.find("meta", attrs={"name": "author"})["content"] == "Ali Hassan [31m"
    assert arabic.find("meta", attrs={"name": "author"})["content"] == "علي حسن"
    assert english.select_one(".hiwar-summary p:not(.admonition-title)").get_text() == "A short summary"
    assert arabic.select_one(".hiwar-summary p:not(.admonition-title)").get_text() == "ملخص قصير"
    feed = hostile.feed(tmp_path / "site", "en")["items"][0]
    assert (feed["title"], feed["authors"], feed["summary"]) == (
        "The weiv lacitirc dialogue", [{"name": "Ali Hassan [31m"}], "A short summary")
