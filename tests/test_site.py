"""The real site built from seeds/: both editions, feeds, text preservation, the offline zip."""

from __future__ import annotations

import json
import re
import zipfile

import pytest

from conftest import ROOT, content, html, sha256
from hiwar.model.dates import parse_date_value

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
STEMS = [path.stem for path in SEEDS]
WORD = re.compile(r"[^\W_]+")


def test_seeds_are_the_originals_byte_for_byte():
    shared = ROOT.parent / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("no ../shared/seeds beside this checkout")
    assert [p.name for p in SEEDS] == sorted(p.name for p in shared.glob("*.txt"))
    for path in SEEDS:
        assert path.read_bytes() == (shared / path.name).read_bytes()


@pytest.mark.parametrize("stem", STEMS)
def test_each_seed_has_an_arabic_rtl_page_and_an_english_ltr_page(site, stem):
    arabic = html(site / "articles" / stem / "index.html")
    english = html(site / "en" / "articles" / stem / "index.html")
    assert arabic.html["lang"] == "ar" and arabic.body["dir"] == "rtl"
    assert english.html["lang"] == "en" and english.body["dir"] == "ltr"


@pytest.mark.parametrize("stem", STEMS)
def test_language_switcher_links_the_counterpart(site, stem):
    arabic = html(site / "articles" / stem / "index.html")
    link = arabic.select_one('a.md-select__link[hreflang="en"]')
    assert (site / "articles" / stem / link["href"] / "index.html").resolve() == (
        site / "en" / "articles" / stem / "index.html"
    ).resolve()


@pytest.mark.parametrize("stem", STEMS)
def test_every_body_word_of_the_seed_is_in_its_arabic_page(site, stem):
    report = (ROOT / "build" / "report.txt").read_text(encoding="utf-8")
    left_out = {
        int(n)
        for n in re.findall(r"(?m)^  line (\d+): left out", report.split(f"seeds/{stem}.txt:")[1].split("\nseeds/")[0])
    }
    lines = (ROOT / "seeds" / f"{stem}.txt").read_text(encoding="utf-8").splitlines()
    body_words = [w for n, line in enumerate(lines, 1) if n not in left_out for w in WORD.findall(line)]
    page_words = set(WORD.findall(content(html(site / "articles" / stem / "index.html")).get_text(" ")))
    missing = [w for w in body_words if w not in page_words]
    assert not missing
    assert len(body_words) > 300


def test_nested_list_of_000_is_nested(site):
    body = content(html(site / "articles" / "000_683b6dac8a733867" / "index.html"))
    nested = body.select("ul > li > ul > li")
    assert len(nested) == 2
    assert nested[0].get_text().strip().split(" ", 1)[1].startswith("تصعيد داخلي بين الميليشيات")


def test_section_headings_of_002_are_headings(site):
    body = content(html(site / "articles" / "002_344b185d2b28595d" / "index.html"))
    assert [h.get_text(strip=True).rstrip("#") for h in body.find_all("h2") if h.get("id") != "notes"] == [
        "دواعي هذا الحوار",
        "سيناريوهات متوقعة",
        "تأثيرات إنهاء مهمة التحالف الدولي في العراق",
        "الخلاصة",
    ]


@pytest.mark.parametrize(
    "stem,leftovers",
    [
        ("001_9f79dd596af1e7b3", ["ربما يعجبك أيضا", "كتبت –"]),
        ("004_619acb7bf2d5c641", ["انشر مقالك", "لإرسال مقال للنشر", "آخر الأخبار", "الصفحة الرئيسية", "اقرأ أيضاً"]),
    ],
)
def test_site_boilerplate_is_gone(site, stem, leftovers):
    text = content(html(site / "articles" / stem / "index.html")).get_text()
    for leftover in leftovers:
        assert leftover not in text


def test_paragraph_anchors_are_identical_in_both_languages(site):
    for stem in STEMS:
        arabic = [e["id"] for e in content(html(site / "articles" / stem / "index.html")).select("[id^=p-]")]
        english = [e["id"] for e in content(html(site / "en" / "articles" / stem / "index.html")).select("[id^=p-]")]
        assert arabic == english and arabic == [f"p-{n}" for n in range(1, len(arabic) + 1)]


def test_iso_dates_are_isolated_so_they_never_display_reversed(site):
    for stem in STEMS:
        time = content(html(site / "articles" / stem / "index.html")).select_one(".hiwar-date time")
        assert time is not None
        assert not re.search(r"\d{4}-\d{2}", time.get_text())  # shown as words, the ISO form only in datetime
        assert re.fullmatch(r"\d{4}(-\d{2}){0,2}", time["datetime"])


def test_home_pages_list_articles_newest_first_with_date_and_summary(site):
    for home in (site / "index.html", site / "en" / "index.html"):
        body = content(html(home))
        dates = [t["datetime"] for t in body.select(".hiwar-card-meta time")]
        assert len(dates) == len(STEMS)
        # newest first: by last day, then first day ("2021" may be as late as 31 December, so before "2021-07-25")
        keys = [parse_date_value(date, 9999).sort_key() for date in dates]
        assert keys == sorted(keys, reverse=True)
        assert len([h2 for h2 in body.find_all("h2") if h2.find("a", href=re.compile("^articles/"))]) == len(STEMS)


def test_articles_are_not_listed_in_the_sidebar(site):
    nav = html(site / "index.html").select_one("nav.md-nav--primary")
    assert not [a for a in nav.find_all("a") if "articles/" in a.get("href", "")]


@pytest.mark.parametrize("feed_path,lang", [("feed.json", "ar"), ("en/feed.json", "en")])
def test_json_feeds_carry_every_article_with_its_seed(site, feed_path, lang):
    feed = json.loads((site / feed_path).read_text(encoding="utf-8"))
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert len(feed["items"]) == len(STEMS)
    for item in feed["items"]:
        for key in ("id", "url", "title", "summary", "date_published", "language", "tags"):
            assert item[key], key
        assert item["language"] == lang
        extension = item["_hiwar"]
        seed = ROOT / "seeds" / extension["seed"]
        assert extension["seed_sha256"] == sha256(seed)
        page = site / extension["path"] / "index.html"
        assert page.exists(), extension["path"]
        assert item["url"].endswith("/" + extension["path"])
    assert [i["date_published"] for i in feed["items"]] == sorted(
        (i["date_published"] for i in feed["items"]), reverse=True
    )


def test_no_page_asks_for_a_font_or_script_from_another_host(site):
    for page in site.rglob("*.html"):
        soup = html(page)
        for tag in soup.find_all(["script", "link", "img", "iframe"]):
            url = tag.get("src") or (
                tag.get("href")
                if tag.name == "link" and tag.get("rel") != ["canonical"] and "alternate" not in (tag.get("rel") or [])
                else None
            )
            assert not (url or "").startswith(("http:", "https:", "//")), f"{page}: {tag}"


def test_bundled_font_ships_with_its_licence(site):
    fonts = site / "assets" / "fonts"
    assert sorted(p.name for p in fonts.glob("*.woff2")) == [
        "noto-naskh-arabic-400.woff2",
        "noto-naskh-arabic-700.woff2",
    ]
    assert "SIL Open Font License" in (fonts / "LICENSE-NotoNaskhArabic-OFL.txt").read_text()


def test_offline_zip_holds_the_offline_edition(offline_zip):
    with zipfile.ZipFile(offline_zip) as archive:
        names = archive.namelist()
    top = names[0].split("/")[0]
    assert f"{top}/index.html" in names and f"{top}/en/index.html" in names
    assert f"{top}/search/manifest.js" in names
    assert f"{top}/articles/004_619acb7bf2d5c641/index.html" in names
