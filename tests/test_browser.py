"""In a real browser (Debian's chromium-headless-shell driven by Playwright): search and language switch,
on the online site over http and on the offline edition unpacked from its zip and opened from file://."""

from __future__ import annotations

from urllib.parse import urlparse

from playwright.sync_api import expect

ARTICLE = "004_619acb7bf2d5c641"


class Requests:
    """Every URL the page asked for; anything not on the site's own origin is an outside request."""

    def __init__(self, page, origin: str):
        self.origin = origin
        self.outside: list[str] = []
        page.on("request", self.seen)

    def seen(self, request):
        url = request.url
        if url.startswith(("data:", "blob:", "about:")):
            return
        if self.origin == "file":
            if urlparse(url).scheme != "file":
                self.outside.append(url)
        elif not url.startswith(self.origin):
            self.outside.append(url)


def search(page, query: str):
    box = page.locator(".hiwar-search input[type=search]")
    box.click()
    box.fill(query)
    results = page.locator(".hiwar-search .md-search-result__item")
    expect(results.first).to_be_visible(timeout=15000)
    return results


def check_search_and_switch(page, home: str, article: str, english_article: str):
    page.goto(home)
    results = search(page, "الكاظمي")
    assert results.count() >= 3
    texts = " ".join(results.all_inner_texts())
    assert "الكاظمي" in texts

    page.goto(article)
    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.locator("body").get_attribute("dir") == "rtl"
    page.locator(".md-select__link[hreflang=en]").first.dispatch_event("click")
    page.wait_for_url(english_article)
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("body").get_attribute("dir") == "ltr"
    assert "Will Washington respond" in page.locator("h1").inner_text()
    page.locator(".md-select__link[hreflang=ar]").first.dispatch_event("click")
    page.wait_for_url(article)


def test_online_site_search_and_language_switch(browser, http_site):
    page = browser.new_page()
    requests = Requests(page, http_site)
    check_search_and_switch(page, http_site, f"{http_site}articles/{ARTICLE}/", f"{http_site}en/articles/{ARTICLE}/")
    assert requests.outside == []
    page.close()


def test_offline_edition_from_file_search_language_switch_and_no_outside_request(browser, offline_root):
    page = browser.new_page()
    requests = Requests(page, "file")
    base = offline_root.as_uri()
    check_search_and_switch(
        page, f"{base}/index.html", f"{base}/articles/{ARTICLE}/index.html", f"{base}/en/articles/{ARTICLE}/index.html"
    )
    # the English edition searches too, from disk
    page.goto(f"{base}/en/index.html")
    results = search(page, "Kadhimi")
    assert "Kadhimi" in " ".join(results.all_inner_texts())
    assert requests.outside == []
    page.close()


def test_bundled_arabic_font_is_used(browser, http_site):
    page = browser.new_page()
    page.goto(f"{http_site}articles/{ARTICLE}/")
    page.evaluate("document.fonts.ready")
    assert page.evaluate("document.fonts.check('16px \"Noto Naskh Arabic\"', 'الحوار')")
    loaded = page.evaluate("[...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)")
    assert any("Noto Naskh Arabic" in family for family in loaded)
    page.close()


def test_parallel_reading_offline_side_by_side_and_stacked_on_a_phone(browser, offline_root):
    base = offline_root.as_uri()
    for width, side_by_side in ((1280, True), (390, False)):
        page = browser.new_page(viewport={"width": width, "height": 900})
        requests = Requests(page, "file")
        page.goto(f"{base}/en/parallel/{ARTICLE}/index.html")
        row = page.locator(".hiwar-parallel-row#p-1")
        english = row.locator('[lang="en"]').bounding_box()
        arabic = row.locator('[lang="ar"]').bounding_box()
        if side_by_side:
            assert abs(english["y"] - arabic["y"]) < 5 and english["x"] < arabic["x"]  # English on the left
        else:
            assert arabic["y"] > english["y"] + english["height"] - 1  # stacked: English, then its Arabic
        assert requests.outside == []
        page.close()


def test_glossary_translation_shows_on_hover_and_on_keyboard_focus(browser, http_site):
    page = browser.new_page()
    page.goto(f"{http_site}articles/001_9f79dd596af1e7b3/")
    term = page.locator(".hiwar-term").first
    gloss = term.locator(".hiwar-gloss")
    assert not gloss.is_visible()
    term.hover()
    assert gloss.is_visible()
    page.mouse.move(0, 0)
    assert not gloss.is_visible()
    term.focus()
    assert gloss.is_visible()
    page.close()


def test_online_pages_fetch_the_search_index_only_when_the_reader_turns_to_search(browser, http_site):
    page = browser.new_page()
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url) if "/search/" in request.url else None)
    page.goto(f"{http_site}articles/{ARTICLE}/", wait_until="networkidle")
    assert fetched == []
    assert page.locator("script[src*=iframe-worker]").count() == 0  # the file:// shim is for the offline edition
    results = search(page, "الكاظمي")
    assert "الكاظمي" in " ".join(results.all_inner_texts())
    assert fetched[0] == f"{http_site}search/manifest.js" and len(fetched) < 20  # the directory, then a few chunks
    page.close()


def test_nothing_sits_above_the_header_when_there_is_no_problem(browser, http_site, offline_root):
    """No announcement strip (the theme draws one for any non-empty announce block): the header starts the page."""
    for url in (f"{http_site}articles/{ARTICLE}/", f"{http_site}en/", (offline_root / "index.html").as_uri()):
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.goto(url)
        assert page.locator(".md-banner").count() == 0
        header = page.locator("header.md-header").bounding_box()
        assert header["y"] == 0 and header["height"] > 0
        # What is drawn at the very top of the page is the header itself.
        top = page.evaluate("document.elementFromPoint(640, 2).closest('header') !== null")
        assert top
        page.close()
