"""One test per class of hostile input (issue 13) that the ingest tests do not already hold on the site side: what a
reader, an editor at `make serve` or whoever runs `make build` sees when an input is crafted or broken."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

import hostile
from conftest import ENV, FIXTURES, html, make_project, mkdocs_build, repository_copy
from preview import Preview

HEADINGS = FIXTURES / "traits" / "headings.txt"
MKDOCS = str(Path(sys.executable).parent / "mkdocs")


def seeds_with(tmp_path: Path, **texts: str) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name, text in texts.items():
        (seeds / name).write_text(text, encoding="utf-8")
    return seeds


# ---- make serve: every problem in the banner, the preview kept ---------------------------------------------------


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
            assert preview.wait_until(path, lambda page: "</html>" in page, "the page") and not banner(
                preview.page(path)
            )

        # An id that names a path and holds markup: refused, shown as text, the other articles still previewed.
        tags.write_text(
            good_tags + '"../../README<img src=x onerror=alert(1)>": {ar: عنوان, en: Title}\n', encoding="utf-8"
        )
        for path in PAGES:
            shown = preview.wait_until(path, lambda page: "tags.yml" in banner(page), "the tags.yml problem")
            assert (
                'editorial/tags.yml: id "../../README<img src=x onerror=alert(1)>": must be lower-case ASCII letters'
                in banner(shown)
            )
            assert not BeautifulSoup(shown, "html.parser").select(".hiwar-problems img")
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
AUTHOR_ATTACK = 'x" onmouseover="alert(1)"><img src=x onerror=alert(1)><meta name="author" content="y'
TEXT = (
    "عقدت الجولة الثالثة من الحوار الاستراتيجي بين العراق والولايات المتحدة عبر الاتصال المرئي، وناقش الجانبان "
    "مستقبل القوات الأمريكية في العراق."
)


def head_of(page: Path):
    return html(page).head


def test_a_crafted_byline_or_author_is_the_author_meta_as_text(tmp_path):
    seeds = seeds_with(
        tmp_path,
        **{
            "byline.txt": f"قراءة في نتائج الحوار\n\nبقلم {BYLINE_ATTACK}\n\n{TEXT}\n",
            "edited.txt": f"مستقبل الحوار\n\n{TEXT}\n",
        },
    )
    project = make_project(tmp_path, seeds)
    (project / "editorial" / "edited.yml").write_text(
        hostile.dump({"author": {"ar": AUTHOR_ATTACK, "en": AUTHOR_ATTACK}}), encoding="utf-8"
    )
    result = mkdocs_build(project, tmp_path / "site", offline=True)
    assert result.returncode == 0, result.stderr
    for site in (tmp_path / "site-online", tmp_path / "site"):  # online, and the offline edition
        for page, author in [
            ("articles/byline/index.html", BYLINE_ATTACK),
            ("articles/edited/index.html", AUTHOR_ATTACK),
            ("en/articles/edited/index.html", AUTHOR_ATTACK),
        ]:
            head = head_of(site / page)
            assert [meta["content"] for meta in head.find_all("meta", attrs={"name": "author"})] == [author], page
            assert not head.find_all(["img", "b"]) and not head.find_all(attrs={"onmouseover": True})
            code = [s for s in head.find_all("script") if s.get("type") != "application/ld+json"]
            assert not [s for s in code if "alert" in s.get_text()]
            for data in [json.loads(s.string) for s in head.find_all("script", type="application/ld+json")]:
                assert [person["name"] for person in data["author"]] == [author]  # in the JSON-LD, text again
            body = html(site / page).body
            assert author in body.select_one(".hiwar-author").get_text() and not body.find_all(["img", "b"])


# ---- editorial text is read as seed text: nothing in it reorders, hides or colours what is shown ---------------


def test_editorial_text_cannot_reorder_or_hide_what_the_reader_sees(tmp_path):
    """Bidi overrides, isolates and marks, zero-width and control characters (a terminal escape) in NAME.yml are
    neutralised as in a seed: the page shows the letters in their order, nothing else."""
    project = make_project(tmp_path, seeds_with(tmp_path, **{"edited.txt": f"مستقبل الحوار\n\n{TEXT}\n"}))
    metadata = {
        "title": {"en": "The \u202eweiv lacitirc\u202c dialogue"},
        "author": {"ar": "علي\u200b حسن\u2066", "en": "Ali\u00ad \u200fHassan\x1b[31m"},
        "summary": {"ar": "ملخص\u061c قصير\x07", "en": "A\u2028short\x00summary\u2069"},
    }
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
        "The weiv lacitirc dialogue",
        [{"name": "Ali Hassan [31m"}],
        "A short summary",
    )


# ---- identifiers: never a path, an anchor or an attribute of their own choosing --------------------------------

NAME_ENTRY = "names:\n  - id: {id}\n    kind: person\n    ar: فلان الفلاني\n    en: Someone\n    variants: [الحوار]\n"
EVENT_ENTRY = "events:\n  - id: {id}\n    date: 2021-04-07\n    ar: جولة\n    en: A round\n    match: [[الحوار]]\n"
GLOSS_ENTRY = (
    "terms:\n  - id: {id}\n    ar: الحوار\n    en: the dialogue\n    match: [الحوار]\n"
    "    definition: {{ar: تعريف, en: A definition}}\n"
)


ID_FILES = {
    "tags.yml": "'{id}': {{ar: الحوار, en: Dialogue, match: [الحوار]}}\n",
    "names.yml": NAME_ENTRY,
    "events.yml": EVENT_ENTRY,
    "glossary.yml": GLOSS_ENTRY,
}


@pytest.mark.parametrize(
    "bad_id", ["../../../README", "/tmp/hiwar-owned", 'x" onclick="alert(1)', "x} {: onfocus=alert(1)"]
)
def test_an_id_cannot_choose_a_path_or_an_attribute(tmp_path, bad_id):
    """The ids of tags.yml, names.yml, events.yml and glossary.yml become page paths, anchors and attributes: one
    that is not lower-case letters, digits and hyphens stops the build with one line naming its file, nothing
    written (each file is checked on its own: every file holding one gets its line)."""
    project = make_project(tmp_path, seeds_with(tmp_path, **{"headings.txt": HEADINGS.read_text(encoding="utf-8")}))
    quoted = bad_id.replace("\\", "\\\\").replace('"', '\\"')
    for name, text in ID_FILES.items():
        (project / "editorial" / name).write_text(
            text.format(id=f'"{quoted}"' if name != "tags.yml" else bad_id.replace("'", "''")), encoding="utf-8"
        )
    (project / "README.md").write_text("the project's own README\n", encoding="utf-8")
    before = hostile.files_under(tmp_path)
    result = mkdocs_build(project, tmp_path / "site", offline=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    problems = hostile.problem_lines(result.stderr)
    for name in ID_FILES:
        named = [line for line in problems if line.startswith(f"editorial/{name}: ")]
        assert len(named) == 1 and "must be lower-case ASCII letters, digits and hyphens" in named[0], problems
    assert all(hostile.printable(line) for line in problems)
    after = hostile.files_under(tmp_path)
    made = sorted(set(after) - set(before))
    assert all(path.startswith(("site", "project/build/")) for path in made), made  # the outputs, nothing else
    assert {k: v for k, v in after.items() if k in before} == before
    assert not list(tmp_path.rglob("*.html")) and not Path("/tmp/hiwar-owned").exists()


# ---- seed file names: a URL is a slug, a link always works --------------------------------------------------------

URL_LIKE_NAMES = [
    "a#b.txt",
    "c%2e%2e.txt",
    "what?.txt",
    "x..%2F..%2Fetc.txt",
    "x.y z.txt",
    "[k](javascript:alert(1)).txt",
    "قراءة في الحوار.txt",
]


def test_seed_names_with_url_characters_give_working_links(tmp_path):
    seeds = seeds_with(tmp_path, **{name: HEADINGS.read_text(encoding="utf-8") for name in URL_LIKE_NAMES})
    project = make_project(tmp_path, seeds)
    result = mkdocs_build(project, tmp_path / "site", offline=True)
    assert result.returncode == 0, result.stderr
    for site, offline in ((tmp_path / "site-online", False), (tmp_path / "site", True)):
        seen = hostile.structure(site)
        assert not hostile.unsafe_urls(seen)
        named = {}
        for link in BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser").select(
            'h2 a[href^="articles/"]'
        ):
            target = site / unquote(urlsplit(link["href"]).path)
            page = target if offline else target / "index.html"
            assert page.is_file(), link["href"]
            named[html(page).find("meta", attrs={"name": "hiwar:seed"})["content"]] = link["href"]
        assert sorted(named) == sorted(URL_LIKE_NAMES)
        for href in named.values():  # the slug: letters, digits, "-" and "_" only
            assert re.fullmatch(r"articles/[\w-]+/(index\.html)?", unquote(href)), href
        for page, where, value in seen.urls:  # and every other link between pages leads to a page
            if where.startswith("a[") and hostile.scheme(value) is None and not value.startswith(("#", "/")):
                target = Path(os.path.normpath((site / page).parent / unquote(urlsplit(value).path)))
                assert target.is_file() or (not offline and (target / "index.html").is_file()), (page, value)


CONTROL_NAMES = {
    "a\nb.txt": "seeds/a\\x0ab.txt",
    "a\rb.txt": "seeds/a\\x0db.txt",
    "\u202eevil.txt": "seeds/\\u202eevil.txt",
}


def test_a_seed_name_with_a_line_break_or_a_bidi_control_is_one_line_of_refusal(tmp_path):
    text = HEADINGS.read_text(encoding="utf-8")
    seeds = seeds_with(tmp_path, **{name: text for name in CONTROL_NAMES}, **{"ok.txt": text})
    result = mkdocs_build(make_project(tmp_path, seeds), tmp_path / "site")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    problems = hostile.problem_lines(result.stderr)
    for name, shown in CONTROL_NAMES.items():  # one line each, the name shown with its characters escaped
        character = name[1] if name[0] == "a" else name[0]
        assert (
            problems.count(
                f"{shown}: its name holds control or invisible formatting characters (U+{ord(character):04X}); rename it"
            )
            == 1
        ), problems
    assert not list((tmp_path / "site").rglob("*.html"))


def build_with_regression(tmp_path: Path, project: Path, code: str, site: Path) -> subprocess.CompletedProcess:
    """`mkdocs build` of the project with `code` run first (a sitecustomize module): a regression planted in the
    build's own code, as a change could bring it."""
    regression = tmp_path / "regression"
    regression.mkdir()
    (regression / "sitecustomize.py").write_text(code, encoding="utf-8")
    env = {
        **ENV,
        "PYTHONPATH": f"{regression}{os.pathsep}{ENV['PYTHONPATH']}",
        "HIWAR_SITE_DIR": str(site),
        "HIWAR_OFFLINE_DIR": "",
    }
    return subprocess.run(
        [MKDOCS, "build", "--quiet", "-f", str(project / "mkdocs.yml")],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_no_page_is_written_outside_the_site_even_if_an_id_got_past_the_schema(tmp_path):
    """The second line of defence: with the id rule switched off (as a regression would), a tag whose id climbs out of
    the site still gets no page written outside it; the build stops with one line."""
    project = make_project(tmp_path, seeds_with(tmp_path, **{"headings.txt": HEADINGS.read_text(encoding="utf-8")}))
    (project / "editorial" / "tags.yml").write_text(
        "'../../escaped': {ar: الحوار, en: Dialogue, match: [الحوار]}\n", encoding="utf-8"
    )
    out = tmp_path / "out"
    result = build_with_regression(
        tmp_path,
        project,
        "import re\nimport hiwar.ingest.schema as schema\nschema.IDENTIFIER = re.compile(r'(?s).+')\n",
        out / "site",
    )
    assert not (out / "escaped").exists()  # site/topics/../../escaped
    assert result.returncode == 1 and "Traceback" not in result.stderr
    (problem,) = [line for line in hostile.problem_lines(result.stderr) if "outside" in line]
    assert "topics/../../escaped" in problem


# ---- make build: the site, the offline edition and the zip change together or not at all -----------------------


def published(copy: Path) -> dict[str, tuple]:
    return {
        name: hostile.files_under(copy / name) if (copy / name).is_dir() else ("file", (copy / name).read_bytes())
        for name in ("site", "site-offline", "dist")
        if (copy / name).exists()
    }


def make_build(copy: Path, file_size_limit: int | None = None) -> subprocess.CompletedProcess:
    def limited():
        import resource

        resource.setrlimit(resource.RLIMIT_FSIZE, (file_size_limit, file_size_limit))

    return subprocess.run(
        ["make", "build"],
        cwd=copy,
        capture_output=True,
        text=True,
        timeout=600,
        env={**ENV, "PYTHONPATH": str(copy / "scripts")},
        preexec_fn=limited if file_size_limit else None,
    )


@pytest.mark.long  # make test-long
def test_make_build_that_fails_late_leaves_the_published_site_as_it_was(tmp_path):
    """Two late failures, after both editions were rendered: the zip cannot be written (no room for a file that size,
    as on a full disk), and putting the new outputs in place fails half-way (dist is a file, not a folder). Both times
    site/, site-offline/ and the zip are exactly as the last good build left them."""
    copy = repository_copy(tmp_path)
    for n in range(3):  # incompressible files the site ships: the zip is by far the largest file a build writes
        (copy / "docs" / "assets" / f"padding-{n}.bin").write_bytes(os.urandom(700_000))
    first = make_build(copy)
    assert first.returncode == 0, first.stderr
    zip_size = (copy / "dist" / "hiwar-offline.zip").stat().st_size
    largest_other = max(p.stat().st_size for p in (copy / "site").rglob("*") if p.is_file())
    assert largest_other * 1.5 < zip_size
    # Something to publish: a new article.
    shutil.copy(HEADINGS, copy / "seeds" / "zz_new.txt")
    before = published(copy)

    late = make_build(copy, file_size_limit=int(largest_other * 1.2))
    assert late.returncode != 0
    assert published(copy) == before
    assert "File too large" in late.stderr and "Traceback" not in late.stderr
    assert "hiwar: offline edition" in late.stderr  # late: both editions and the offline edition were made
    assert not (copy / "build" / "stage").exists() or not any((copy / "build" / "stage").iterdir())

    shutil.rmtree(copy / "dist")
    (copy / "dist").write_text("a file where the zip's folder should be\n", encoding="utf-8")
    before = published(copy)
    half_way = make_build(copy)
    assert half_way.returncode != 0
    assert published(copy) == before
    assert "dist: not a folder" in half_way.stderr and "Traceback" not in half_way.stderr  # only publishing failed

    (copy / "dist").unlink()
    assert make_build(copy).returncode == 0
    assert (copy / "site" / "articles" / "zz_new" / "index.html").is_file()
    assert (copy / "site-offline" / "articles" / "zz_new" / "index.html").is_file()


def test_a_seed_whose_id_would_be_index_is_refused(tmp_path):
    """`index` is the page of a folder itself: articles/index.md would be the articles/ page, and the feed's link to
    articles/index/ would lead nowhere. The name is refused with one line, like any name that gives no usable id."""
    seeds = seeds_with(
        tmp_path, **{"Index.txt": HEADINGS.read_text(encoding="utf-8"), "ok.txt": HEADINGS.read_text(encoding="utf-8")}
    )
    result = mkdocs_build(make_project(tmp_path, seeds), tmp_path / "site")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert hostile.problem_lines(result.stderr)[0] == (
        'seeds/Index.txt: its name gives the article id "index", the name MkDocs keeps for a folder\'s own page; '
        "rename it"
    )


@pytest.mark.parametrize("failing", [("en",), ("ar", "en")])
def test_a_problem_met_by_an_editions_own_process_is_told_once_by_the_build(tmp_path, failing):
    """The English edition is built in a process of its own: its problem is reported by the build, once, and when the
    Arabic edition fails on the same input the build tells it once, not once per edition."""
    project = make_project(tmp_path, seeds_with(tmp_path, **{"headings.txt": HEADINGS.read_text(encoding="utf-8")}))
    result = build_with_regression(
        tmp_path,
        project,
        "from hiwar.build import edition\nfrom hiwar.build.seam import BuildProblem\n"
        "planned = edition.EditionBuild.plan\n"
        "def plan(self, *args):\n"
        f"    if self.lang in {failing!r}:\n"
        "        raise BuildProblem(['editorial/tags.yml: a problem both editions meet'], 'one problem')\n"
        "    return planned(self, *args)\n"
        "edition.EditionBuild.plan = plan\n",
        tmp_path / "out" / "site",
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert hostile.problem_lines(result.stderr).count("editorial/tags.yml: a problem both editions meet") == 1
