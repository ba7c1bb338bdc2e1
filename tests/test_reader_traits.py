"""Each trait of real scrapes, shown by one small fixture seed (tests/fixtures/traits/), as the reader understands it:
a title line and its repetition, a byline, a date line, short heading lines, bullets nested by indentation, hard-wrapped
lines, and the site's leftovers (boilerplate, captions, pull-quotes) left out with the reason. What the enrichment
makes of the reader's findings (a provisional title, a date inferred from the text) is checked with it.

What only a built page shows — the HTML of a nested list, heading ids, the summary box — is checked at the end, on
the site built from the same seeds (`traits_site`)."""

from __future__ import annotations

import pytest

from conftest import FIXTURES, ROOT, content, html, split_page
from hiwar.enrich.article import enrich
from hiwar.ingest.reader import read_article
from hiwar.ingest.seed import read_seed
from hiwar.knowledge.events import load_calendar
from hiwar.knowledge.glossary import load_glossary
from hiwar.knowledge.names import load_names
from hiwar.knowledge.vocabulary import load_vocabulary
from hiwar.model.article import AUTOMATIC, SEED, Sourced
from hiwar.model.dates import PartialDate
from hiwar.model.editorial import Editorial
from hiwar.model.seed import HEADING, LIST_ITEM, PARAGRAPH
from hiwar.site.editions import load_editions
from hiwar.site.pages import render_article
from hiwar.site.views import article_view

TRAITS = FIXTURES / "traits"
EDITIONS = load_editions(["ar", "en"])
ARABIC = EDITIONS[0]
# The project's shared editorial data, as the fixture sites have it (conftest.vocabulary_only).
VOCABULARY = load_vocabulary(ROOT / "editorial" / "tags.yml")
CALENDAR = load_calendar(ROOT / "editorial" / "events.yml")
NAMES = load_names(ROOT / "editorial" / "names.yml")
GLOSSARY = load_glossary(ROOT / "editorial" / "glossary.yml")


def read(stem: str):
    return read_article(read_seed(TRAITS / f"{stem}.txt"))


def article(stem: str):
    """The seed enriched with nothing from an editor: what the page of a new seed shows."""
    seed = read_seed(TRAITS / f"{stem}.txt")
    return enrich(seed, read_article(seed), Editorial(), None, VOCABULARY, CALENDAR, NAMES, GLOSSARY)


def view(stem: str):
    return article_view(article(stem), ARABIC, EDITIONS, "https://hiwar.example.org/", f"articles/{stem}/", VOCABULARY)


def texts(parsed, *kinds: str) -> list[str]:
    return [block.text for block in parsed.blocks if not kinds or block.kind in kinds]


def left_out(parsed) -> dict[int, str]:
    return {line.line: line.reason for line in parsed.removed}


def body(parsed) -> str:
    return "\n".join(texts(parsed))


# ---- title -------------------------------------------------------------------------------------------------------
def test_title_line_becomes_the_title_and_its_repetition_is_dropped():
    parsed = read("title_repeated")
    title = "هل تنسحب القوات الأمريكية من العراق هذا العام؟"
    assert (parsed.title, parsed.title_line) == (title, 1)
    assert left_out(parsed) == {3: "title repeated"}
    assert "هل تنسحب القوات الأمريكية" not in body(parsed)
    assert texts(parsed)[0].startswith("يناقش هذا المقال")
    assert article("title_repeated").title["ar"] == Sourced(title, SEED)  # not automatic


def test_seed_without_title_line_gets_a_provisional_title_marked_automatic():
    parsed = read("no_title_line")
    assert (parsed.title, parsed.title_line, parsed.removed) == (None, None, [])
    # the opening paragraph is still the first paragraph: nothing was taken from the body
    first = parsed.blocks[0]
    assert (first.kind, first.number, first.line) == (PARAGRAPH, 1, 1)
    assert first.text.startswith("إن الفصائل المسلحة كانت تأمل") and first.text.endswith("السمة الأبرز للمرحلة.")
    title = article("no_title_line").title["ar"]
    assert title.origin == AUTOMATIC and title.value.startswith("إن الفصائل المسلحة كانت تأمل")


# ---- byline and date line --------------------------------------------------------------------------------------------
def test_byline_gives_the_author_and_the_bare_name_line_before_it_is_dropped():
    parsed = read("byline_with_name_line")
    assert parsed.author == "سارة محمود"
    assert left_out(parsed) == {5: "byline (author)", 3: "author's name (repeats the byline)"}
    assert "كتبت" not in body(parsed) and "سارة محمود" not in body(parsed)
    assert view("byline_with_name_line").author == "سارة محمود"  # shown once, as the author


def test_biqalam_byline_gives_the_author():
    parsed = read("byline_biqalam")
    assert parsed.author == "علي حسن" and left_out(parsed) == {3: "byline (author)"}
    assert "بقلم" not in body(parsed)


def test_standalone_date_line_is_read_day_month_year():
    parsed = read("date_line")
    assert (parsed.date, parsed.date_line) == (PartialDate(2021, 5, 3), "03/05/2021")
    assert left_out(parsed) == {3: "date line (publication date)"}
    assert "03/05/2021" not in body(parsed)
    assert article("date_line").date == Sourced(PartialDate(2021, 5, 3), SEED)  # not automatic
    assert view("date_line").date_iso == "2021-05-03"


def test_date_stated_in_text_with_levantine_month_is_automatic_with_precision():
    parsed = read("date_in_text_levantine")
    assert (parsed.date, parsed.date_line, parsed.removed) == (None, None, [])
    dated = article("date_in_text_levantine")
    # after the first round (11 June 2020), before the second (30 June 2020): that window, not the whole month
    assert dated.date.origin == AUTOMATIC
    assert (dated.date.value.edtf(), dated.date.value.precision) == ("2020-06-11/2020-06-29", "range")
    assert "حزيران 2020" in dated.date_evidence["ar"]
    shown = view("date_in_text_levantine")
    assert shown.date_display == "بين 11 و29 حزيران/يونيو 2020" and shown.date_automatic
    assert (shown.date_iso, dated.date.value.feed_datetime()) == ("2020-06", "2020-06-11T12:00:00Z")


# ---- headings and lists ------------------------------------------------------------------------------------------------
def test_short_lines_become_headings():
    parsed = read("headings")
    assert texts(parsed, HEADING) == ["دوافع الحوار", "الخلاصة"]
    assert [block.number for block in parsed.blocks] == [1, None, 2, None, 3]  # headings have no ¶ number


def test_bullets_become_list_items_nested_by_indentation():
    parsed = read("nested_bullets")
    items = [(block.level, block.number, block.text) for block in parsed.blocks if block.kind == LIST_ITEM]
    assert items == [
        (0, 2, "أن تطلب خروج القوات الأمريكية من العراق."),
        (0, 3, "أن تتجاهل قرار البرلمان، وهذا يعني:"),
        (1, 4, "تصعيداً داخلياً مع الفصائل المسلحة."),
        (1, 5, "أو تصعيداً إقليمياً بين طهران وواشنطن."),
        (0, 6, "أن تبحث عن حل وسط يرضي الطرفين."),
    ]
    assert "•" not in body(parsed)
    assert [block.kind for block in parsed.blocks] == [PARAGRAPH, *[LIST_ITEM] * 5, PARAGRAPH]


# ---- hard-wrapped text -------------------------------------------------------------------------------------------------
def hard_wrapped(stem: str):
    """What both hard-wrapped fixtures share: title, byline and date line kept apart from the text, and one heading."""
    parsed = read(stem)
    assert parsed.title == "الحوار الاستراتيجي بين بغداد وواشنطن: ما الذي تغيّر؟"
    assert (parsed.author, parsed.date) == ("علي حسن", PartialDate(2021, 5, 3))
    assert left_out(parsed) == {2: "byline (author)", 3: "date line (publication date)"}
    assert texts(parsed, HEADING) == ["دوافع الحوار"]
    assert parsed.wrap_width is not None
    return parsed


def test_hard_wrapped_lines_are_joined_into_paragraphs_not_read_as_headings():
    parsed = hard_wrapped("hard_wrapped")
    numbered = parsed.numbered
    assert len(numbered) == 7
    assert numbered[0].text.startswith("انطلقت الجولة الثالثة من الحوار الاستراتيجي بين العراق والولايات المتحدة")
    assert numbered[0].text.endswith("سيُبحث في اجتماعات فنية لاحقة.")
    # A wrapped list item stays one item, at its own depth, and ends where the text moves back left.
    assert [block.text for block in parsed.blocks if block.kind == LIST_ITEM and block.level == 1] == [
        "تصعيداً داخلياً مع الفصائل المسلحة التي تطالب بالانسحاب الكامل وتهدد باستهداف القوات والمصالح الأمريكية.",
        "أو تصعيداً إقليمياً مفتوحاً بين طهران وواشنطن على أرض العراق وفي مياه الخليج العربي ومضيق هرمز وباب المندب",
    ]
    assert (
        article("hard_wrapped")
        .summary["ar"]
        .value.startswith("انطلقت الجولة الثالثة من الحوار الاستراتيجي بين العراق والولايات المتحدة في نيسان،")
    )


def test_hard_wrapped_text_with_blank_lines_keeps_a_full_title_apart_from_byline_and_date():
    paragraphs = texts(hard_wrapped("hard_wrapped_blank_lines"), PARAGRAPH)
    assert len(paragraphs) == 3
    assert paragraphs[0].startswith("انطلقت الجولة الثالثة") and paragraphs[0].endswith("في بغداد وأربيل.")
    assert paragraphs[1].startswith("وأكد الطرفان") and paragraphs[1].endswith("في اجتماعات فنية لاحقة.")


# ---- the site's leftovers ---------------------------------------------------------------------------------------------------
def test_site_boilerplate_is_left_out_and_the_article_kept():
    parsed = read("boilerplate")
    assert texts(parsed) == [
        "تصاعدت الهجمات على القوات الأمريكية في العراق منذ بداية العام.",
        "ويرى محللون أن الحوار لن يوقف هذه الهجمات.",
    ]
    assert left_out(parsed) == {
        5: "teaser for another article (a “read also” link)",
        9: "site boilerplate (end of page)",
        11: "site boilerplate (end of page)",
        13: "site boilerplate (end of page)",
    }
    assert [line.text for line in parsed.removed][1:3] == ["ربما يعجبك أيضا", "عنوان مقال آخر من الموقع"]


def test_caption_and_teaser_that_repeat_the_body_are_not_paragraphs():
    parsed = read("caption_and_pull_quote")
    paragraphs = texts(parsed, PARAGRAPH)
    assert len(paragraphs) == 3
    assert not any(p.startswith("الأكاديمي المصري") for p in paragraphs)
    assert "حفريات" not in body(parsed)
    assert left_out(parsed) == {
        3: "image caption (every word of it is in the next paragraph, ¶1)",
        9: "teaser for another article (an interview headline; ¶2 words it differently)",
    }


# ---- the converter's contract ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("stem", sorted(path.stem for path in TRAITS.glob("*.txt")))
def test_every_page_has_front_matter_a_reader_and_a_search_engine_need(stem):
    data, _ = split_page(render_article(article(stem), ARABIC, EDITIONS, VOCABULARY, GLOSSARY))
    for key in (
        "title",
        "description",
        "date",
        "date_precision",
        "summary",
        "tags",
        "seed",
        "seed_sha256",
        "words",
        "reading_minutes",
        "automatic",
    ):
        assert key in data, key
    assert data["seed"] == f"{stem}.txt"
    assert len(data["seed_sha256"]) == 64
    assert data["reading_minutes"] >= 1 and data["words"] > 0


# ---- what only a built page shows ---------------------------------------------------------------------------------------------
def page(site, stem):
    return html(site / "articles" / stem / "index.html")


def test_the_title_is_the_pages_heading_and_is_not_repeated_in_its_text(traits_site):
    soup = page(traits_site, "title_repeated")
    assert soup.h1.get_text(strip=True) == "هل تنسحب القوات الأمريكية من العراق هذا العام؟"
    assert content(soup).get_text().count("هل تنسحب القوات الأمريكية") == 1


def test_headings_are_h2_with_readable_arabic_ids(traits_site):
    headings = content(page(traits_site, "headings")).find_all("h2")
    assert [h.get_text(strip=True).rstrip("#") for h in headings] == ["دوافع الحوار", "الخلاصة"]
    assert [h["id"] for h in headings] == ["دوافع-الحوار", "الخلاصة"]


def test_nested_items_are_nested_lists_in_the_page(traits_site):
    outer = content(page(traits_site, "nested_bullets")).find("ul")
    top_items = outer.find_all("li", recursive=False)
    assert len(top_items) == 3
    nested = top_items[1].find("ul")
    assert [" ".join(li.get_text().split()).split(" ", 1)[1] for li in nested.find_all("li")] == [
        "تصعيداً داخلياً مع الفصائل المسلحة.",
        "أو تصعيداً إقليمياً بين طهران وواشنطن.",
    ]


def test_summary_box_and_reading_time_are_shown(traits_site):
    text = content(page(traits_site, "headings"))
    assert text.select_one("aside.hiwar-summary p:not(.admonition-title)").get_text(strip=True)
    assert "دقائق للقراءة" in text.select_one(".hiwar-reading-time").get_text()


def test_a_date_read_from_the_text_is_marked_automatic_on_the_page(traits_site):
    assert "تلقائي" in content(page(traits_site, "date_in_text_levantine")).select_one(".hiwar-date").get_text()
    time = content(page(traits_site, "date_line")).select_one(".hiwar-date time")
    assert time["datetime"] == "2021-05-03"


def test_paragraph_anchors_link_to_themselves(traits_site):
    anchors = content(page(traits_site, "nested_bullets")).select("a.hiwar-pnum")
    assert len(anchors) == 7
    for anchor in anchors:
        assert anchor["href"] == "#" + anchor.parent["id"]
