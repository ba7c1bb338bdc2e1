"""The live preview (`make serve`), as an editor uses it after `make build`: a saved seed, translation and NAME.yml
each show on their page, in the listings and in the search as soon as the rebuild ends; and what the preview serves
is, file for file, what a clean `make build` of the same inputs publishes in site/, but for what the preview leaves
out on purpose (the web app: its service worker would keep serving the pages it cached instead of the edited ones)
and the live reload's script element it adds to every HTML response."""

from __future__ import annotations

import hashlib
import re

from builds import build, clean_copy, small_project
from hiwar.site.webapp import MANIFEST, made_here
from preview import Preview, without_reload

SENTENCE = "وأضاف المحرر جملة جديدة في وسط الفقرة"
TRANSLATED = "and the translator added this clause to the line"
SUMMARY = ("ملخص كتبه المحرر بعد المعاينة", "A summary the editor wrote while previewing")


def search_page_of(preview: Preview, url: str) -> str:
    """The search's file for one page (search/pages/N.js: its URL, title and text)."""
    for path in preview.files():
        if path.startswith("search/pages/"):
            script = preview.page(path)
            if f'"u":"{url}"' in script:
                return script
    raise AssertionError(f"no search document for {url}")


def web_app(path: str) -> bool:
    return made_here(path) or path.rsplit("/", 1)[-1] == MANIFEST


def test_edits_show_on_their_pages_listings_and_search_and_the_preview_serves_what_a_clean_build_publishes(tmp_path):
    project = small_project(tmp_path)
    assert build(project).returncode == 0  # the preview starts from the last build
    seed = project / "seeds" / "headings.txt"
    translation = project / "editorial" / "headings.en.txt"
    metadata = project / "editorial" / "nested_bullets.yml"
    with Preview(project, tmp_path / "serve.log") as preview:
        preview.wait_until("articles/headings/", lambda page: "</html>" in page, "the article")
        # It served the last build at once, then found that its first build of the same inputs makes the same site.
        preview.wait_for_line("preview: up to date")
        assert "preview: serving http" in preview.tail() and "the last build was" in preview.tail()

        # A seed: a sentence in the middle of a paragraph (its translation stays aligned).
        text = seed.read_text(encoding="utf-8")
        seed.write_text(text.replace("بعد الحوار.", f"بعد الحوار، {SENTENCE}."), encoding="utf-8")
        preview.wait_until("articles/headings/", lambda page: SENTENCE in page, "the seed's new sentence")
        assert SENTENCE in search_page_of(preview, "articles/headings/")

        # A translation: the English page and its search document.
        text = translation.read_text(encoding="utf-8")
        translation.write_text(
            text.replace("after the dialogue.", f"after the dialogue, {TRANSLATED}."), encoding="utf-8"
        )
        preview.wait_until("en/articles/headings/", lambda page: TRANSLATED in page, "the translation's new clause")
        assert TRANSLATED in search_page_of(preview, "en/articles/headings/")
        assert SENTENCE in preview.page("articles/headings/")  # the Arabic page still shows the seed's edit

        # A NAME.yml: a summary and a topic; the home page lists the summary, the topic's listing the article.
        metadata.write_text(f"summary:\n  ar: {SUMMARY[0]}\n  en: {SUMMARY[1]}\ntags: [iran]\n", encoding="utf-8")
        page = preview.wait_until("articles/nested_bullets/", lambda page: SUMMARY[0] in page, "the new summary")
        assert SUMMARY[0] in preview.page("") and SUMMARY[1] in preview.page("en/")
        assert "nested_bullets" in preview.page("topics/iran/") and "nested_bullets" in preview.page("en/topics/iran/")
        assert SUMMARY[0] in search_page_of(preview, "articles/nested_bullets/") or SUMMARY[0] in page

        served = preview.files()
        bodies = {path: preview.get(path) for path in served}

    clean = clean_copy(project, tmp_path / "clean")
    assert build(clean).returncode == 0
    published = {
        path.relative_to(clean / "site").as_posix(): path.read_bytes()
        for path in (clean / "site").rglob("*")
        if path.is_file()
    }
    left_out = sorted(path for path in published if web_app(path))
    assert left_out and set(published) - set(served) == set(left_out)  # the web app, and nothing else
    assert set(served) - set(published) == set()
    for path, digest in served.items():
        status, body, kind = bodies[path]
        assert status == 200, path
        if kind.startswith("text/html"):
            assert re.search(rb'<script src="/\.hiwar/reload\.js" data-hiwar-version="\d+"></script></body>', body), (
                path
            )
            body = without_reload(body)
        assert body == published[path], path
        assert digest == hashlib.sha256(published[path]).hexdigest(), path
