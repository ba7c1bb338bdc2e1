"""Each trait of real scrapes, shown by one small fixture seed, as a reader of the built page sees it."""
from __future__ import annotations

from conftest import content, html, read_front_matter


def page(site, stem, lang="ar"):
    prefix = "" if lang == "ar" else "en/"
    return html(site / f"{prefix}articles/{stem}/index.html")


def meta(pages, stem, lang="ar"):
    return read_front_matter(pages / lang / "articles" / f"{stem}.md")[0]


def test_title_line_becomes_the_title_and_its_repetition_is_dropped(traits_site, traits_pages):
    soup = page(traits_site, "title_repeated")
    assert soup.h1.get_text(strip=True) == "هل تنسحب القوات الأمريكية من العراق هذا العام؟"
    assert content(soup).get_text().count("هل تنسحب القوات الأمريكية") == 1
    assert "title" not in meta(traits_pages, "title_repeated")["automatic"]


def test_seed_without_title_line_gets_a_provisional_title_marked_automatic(traits_pages, traits_site):
    data = meta(traits_pages, "no_title_line")
    assert data["title"].startswith("إن الفصائل المسلحة كانت تأمل")
    assert "title" in data["automatic"]
    # the opening paragraph is still the first paragraph: nothing was taken from the body
    assert content(page(traits_site, "no_title_line")).select_one("#p-1").get_text().strip().endswith(
        "السمة الأبرز للمرحلة.")


def test_byline_gives_the_author_and_the_bare_name_line_before_it_is_dropped(traits_site, traits_pages):
    assert meta(traits_pages, "byline_with_name_line")["author"] == "سارة محمود"
    text = content(page(traits_site, "byline_with_name_line")).get_text()
    assert "كتبت" not in text
    assert text.count("سارة محمود") == 1  # shown once, as the author


def test_biqalam_byline_gives_the_author(traits_pages):
    assert meta(traits_pages, "byline_biqalam")["author"] == "علي حسن"


def test_standalone_date_line_is_read_day_month_year(traits_site, traits_pages):
    data = meta(traits_pages, "date_line")
    assert (data["date"], data["date_precision"]) == ("2021-05-03", "day")
    assert "date" not in data["automatic"]
    time = content(page(traits_site, "date_line")).select_one(".hiwar-date time")
    assert time["datetime"] == "2021-05-03"
    assert "03/05/2021" not in content(page(traits_site, "date_line")).get_text()


def test_date_stated_in_text_with_levantine_month_is_automatic_with_precision(traits_pages, traits_site):
    data = meta(traits_pages, "date_in_text_levantine")
    # after the first round (11 June 2020), before the second (30 June 2020): that window, not the whole month
    assert (data["date"], data["date_precision"]) == ("2020-06-11/2020-06-29", "range")
    assert data["date_display"] == "بين 11 و29 حزيران/يونيو 2020"
    assert (data["date_datetime"], data["date_published"]) == ("2020-06", "2020-06-11T12:00:00Z")
    assert "date" in data["automatic"]
    assert "حزيران 2020" in data["date_evidence"]
    assert "تلقائي" in content(page(traits_site, "date_in_text_levantine")).select_one(".hiwar-date").get_text()


def test_short_lines_become_headings(traits_site):
    headings = [h.get_text(strip=True).rstrip("#") for h in content(page(traits_site, "headings")).find_all("h2")]
    assert headings == ["دوافع الحوار", "الخلاصة"]


def test_heading_ids_are_readable_arabic(traits_site):
    ids = [h["id"] for h in content(page(traits_site, "headings")).find_all("h2")]
    assert ids == ["دوافع-الحوار", "الخلاصة"]


def test_bullets_become_lists_nested_by_indentation(traits_site):
    body = content(page(traits_site, "nested_bullets"))
    outer = body.find("ul", recursive=True)
    top_items = outer.find_all("li", recursive=False)
    assert len(top_items) == 3
    nested = top_items[1].find("ul")
    assert [" ".join(li.get_text().split()).split(" ", 1)[1] for li in nested.find_all("li")] == [
        "تصعيداً داخلياً مع الفصائل المسلحة.", "أو تصعيداً إقليمياً بين طهران وواشنطن."]
    assert "•" not in body.get_text()


def hard_wrapped_page(traits_site, traits_pages, stem):
    """Front-matter and body of a hard-wrapped fixture, after checking what both fixtures share: title, byline
    and date line kept apart from the text, and the one heading."""
    data = meta(traits_pages, stem)
    assert data["title"] == "الحوار الاستراتيجي بين بغداد وواشنطن: ما الذي تغيّر؟"
    assert (data["author"], data["date"]) == ("علي حسن", "2021-05-03")
    body = content(page(traits_site, stem))
    assert [h.get_text(strip=True).rstrip("#") for h in body.find_all("h2")] == ["دوافع الحوار"]
    return data, body


def test_hard_wrapped_lines_are_joined_into_paragraphs_not_read_as_headings(traits_site, traits_pages):
    data, body = hard_wrapped_page(traits_site, traits_pages, "hard_wrapped")
    paragraphs = {p["id"]: " ".join(p.get_text(" ", strip=True).split()[1:]) for p in body.select("[id^=p-]")}
    assert len(paragraphs) == 7
    assert paragraphs["p-1"].startswith("انطلقت الجولة الثالثة من الحوار الاستراتيجي بين العراق والولايات المتحدة")
    assert paragraphs["p-1"].endswith("سيُبحث في اجتماعات فنية لاحقة.")
    # A wrapped list item stays one item, at its own depth, and ends where the text moves back left.
    nested = body.select("li li")
    assert [" ".join(li.get_text(" ", strip=True).split()[1:]) for li in nested] == [
        "تصعيداً داخلياً مع الفصائل المسلحة التي تطالب بالانسحاب الكامل وتهدد باستهداف القوات والمصالح الأمريكية.",
        "أو تصعيداً إقليمياً مفتوحاً بين طهران وواشنطن على أرض العراق وفي مياه الخليج العربي ومضيق هرمز وباب المندب"]
    assert data["summary"].startswith("انطلقت الجولة الثالثة من الحوار الاستراتيجي بين العراق والولايات المتحدة في نيسان،")


def test_hard_wrapped_text_with_blank_lines_keeps_a_full_title_apart_from_byline_and_date(traits_site, traits_pages):
    _, body = hard_wrapped_page(traits_site, traits_pages, "hard_wrapped_blank_lines")
    paragraphs = [" ".join(p.get_text(" ", strip=True).split()[1:]) for p in body.select("[id^=p-]")]
    assert len(paragraphs) == 3
    assert paragraphs[0].startswith("انطلقت الجولة الثالثة") and paragraphs[0].endswith("في بغداد وأربيل.")
    assert paragraphs[1].startswith("وأكد الطرفان") and paragraphs[1].endswith("في اجتماعات فنية لاحقة.")


def test_site_boilerplate_is_not_shown_and_is_reported(traits_site, tmp_path):
    text = content(page(traits_site, "boilerplate")).get_text()
    for leftover in ("ربما يعجبك أيضا", "عنوان مقال آخر من الموقع", "اقرأ أيضاً"):
        assert leftover not in text
    assert "ويرى محللون أن الحوار لن يوقف هذه الهجمات." in text


def test_caption_and_pull_quote_that_repeat_the_body_are_not_paragraphs(traits_site):
    body = content(page(traits_site, "caption_and_pull_quote"))
    paragraphs = [p.get_text(" ", strip=True) for p in body.select("[id^=p-]")]
    assert len(paragraphs) == 3
    assert not any(p.split(" ", 1)[1].startswith("الأكاديمي المصري") for p in paragraphs)
    assert "حفريات" not in body.get_text()


def test_every_page_has_front_matter_a_reader_and_a_search_engine_need(traits_pages):
    for path in sorted((traits_pages / "ar" / "articles").glob("*.md")):
        data, _ = read_front_matter(path)
        for key in ("title", "description", "date", "date_precision", "summary", "tags", "seed", "seed_sha256",
                    "words", "reading_minutes", "automatic"):
            assert key in data, f"{path.name} lacks {key}"
        assert data["seed"] == f"{path.stem}.txt"
        assert len(data["seed_sha256"]) == 64
        assert data["reading_minutes"] >= 1 and data["words"] > 0


def test_summary_box_and_reading_time_are_shown(traits_site):
    body = content(page(traits_site, "headings"))
    assert body.select_one("aside.hiwar-summary p:not(.admonition-title)").get_text(strip=True)
    assert "دقائق للقراءة" in body.select_one(".hiwar-reading-time").get_text()


def test_paragraph_anchors_link_to_themselves(traits_site):
    for anchor in content(page(traits_site, "nested_bullets")).select("a.hiwar-pnum"):
        assert anchor["href"] == "#" + anchor.parent["id"]
