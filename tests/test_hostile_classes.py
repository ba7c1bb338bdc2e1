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


# ---- mkdocs serve: every problem in the banner, the preview kept --------------------------------------------------

class Preview:
    """`mkdocs serve --dirty` (as `make serve` runs it) on a free port, watching the project's seeds and editorial files."""

    def __init__(self, project: Path, log: Path):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.log = log
        self.output = log.open("w")
        self.process = subprocess.Popen(
            [MKDOCS, "serve", "--dirty", "--livereload", "-a", f"127.0.0.1:{self.port}", "-f", str(project / "mkdocs.yml")],
            cwd=project, env=ENV, stdout=self.output, stderr=subprocess.STDOUT)

    def page(self, path: str) -> str:
        """The page as served now; a preview that stopped answering fails the test instead of waiting forever."""
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=20) as response:
                return response.read().decode("utf-8")
        except OSError as err:
            raise AssertionError(f"the preview does not answer ({err}):\n{self.log.read_text()[-3000:]}") from None

    def wait_until(self, path: str, shown, what: str) -> str:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                page = self.page(path)
            except AssertionError:
                if self.process.poll() is not None:
                    raise
                time.sleep(0.5)
                continue
            if shown(page):
                return page
            time.sleep(0.5)
        raise AssertionError(f"{path}: {what} not shown within a minute:\n{self.log.read_text()[-3000:]}")

    def stop(self) -> str:
        self.process.terminate()
        self.process.wait(timeout=30)
        self.output.close()
        return self.log.read_text()


def banner(page: str) -> str:
    found = BeautifulSoup(page, "html.parser").select_one(".hiwar-problems")
    return found.get_text(" ") if found is not None else ""


PAGES = ("", "articles/headings/", "en/articles/headings/", "about/", "en/topics/")


def test_the_preview_shows_every_problem_on_every_page_and_keeps_serving(tmp_path):
    """A problem in an input and an unexpected error in the build (here: build/cache is a file, so the build's own
    cache cannot be written) both come up in the banner of every page, and go once fixed; the preview never stops."""
    project = make_project(tmp_path, seeds_with(tmp_path, **{"headings.txt": HEADINGS.read_text(encoding="utf-8")}))
    tags = project / "editorial" / "tags.yml"
    good_tags = tags.read_text(encoding="utf-8")
    preview = Preview(project, tmp_path / "serve.log")
    try:
        for path in PAGES:
            assert preview.wait_until(path, lambda page: "</html>" in page, "the page") and not banner(preview.page(path))

        # An id that names a path: refused, the other articles still previewed.
        tags.write_text(good_tags + '"../../README": {ar: عنوان, en: Title}\n', encoding="utf-8")
        for path in PAGES:
            shown = preview.wait_until(path, lambda page: "tags.yml" in banner(page), "the tags.yml problem")
            assert 'editorial/tags.yml: id "../../README": must be lower-case ASCII letters' in banner(shown)
        tags.write_text(good_tags, encoding="utf-8")
        for path in PAGES:
            preview.wait_until(path, lambda page: "</html>" in page and not banner(page), "the page without the banner")

        # Not an input problem at all: the build's cache folder is a file.
        shutil.rmtree(project / "build" / "cache")
        (project / "build" / "cache").write_text("not a folder\n", encoding="utf-8")
        seed = project / "seeds" / "headings.txt"
        seed.write_text(seed.read_text(encoding="utf-8") + "\nسطر أضيف إلى المقال للتجربة.\n", encoding="utf-8")
        for path in PAGES:
            shown = preview.wait_until(path, lambda page: "internal error" in banner(page), "the internal error")
            assert "build/cache" in banner(shown)
        (project / "build" / "cache").unlink()
        seed.write_text(seed.read_text(encoding="utf-8") + "\nوسطر آخر.\n", encoding="utf-8")
        for path in PAGES:
            preview.wait_until(path, lambda page: "</html>" in page and not banner(page), "the page without the banner")
        assert "وسطر آخر" in preview.page("articles/headings/")
    finally:
        output = preview.stop()
    assert "Traceback" not in output
    assert "The server will appear stuck" not in output


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
