"""The one boundary between text and markup (site/markup.py): text becomes Markdown, HTML, an attribute, JSON inside
<script> or a URL path here, once, and reads back as exactly the text."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field

import pytest
from bs4 import BeautifulSoup
from markupsafe import Markup

from conftest import rendered_markdown
from hiwar.site.markup import (
    Run,
    attributes,
    escaped,
    escaped_in,
    escaped_view,
    heading,
    html_block,
    json_for_script,
    language_runs,
    link,
    list_item,
    literal,
    literal_in,
    note,
    note_mark,
    paragraph,
    span,
    table,
)

HOSTILE = [
    "<b>عريض</b>",
    "<script>alert(1)</script>",
    "[رابط](javascript:alert(1))",
    "*نجمة* _شرطة_ `شيفرة`",
    '--8<-- "/etc/passwd"',
    '{: onclick="alert(1)" }',
    "$x^2$",
    "{{ config.site_name }}",
    "{% if true %}",
    "2021. سنة في بداية السطر",
    "&amp; كيان &#60;",
    "!!! note",
    "# عنوان",
    "- بند",
    "> اقتباس",
    "| a | b |",
    '[x]{: onclick="alert(1)" }',
    "[^1]",
    "///Footnotes Go Here///",
    "/// html | script",
    '"} .x {: #y',
]


def rendered(text: str) -> BeautifulSoup:
    return rendered_markdown(text)


@pytest.mark.parametrize("text", HOSTILE)
def test_literal_text_renders_through_markdown_as_itself_and_nothing_else(text):
    page = rendered(literal(text))
    assert [element.name for element in page.find_all(True)] == ["p"]
    assert page.get_text() == text


@pytest.mark.parametrize("text", HOSTILE)
def test_a_text_in_every_place_the_builders_take_one_is_only_text(text):
    """Headings, links, spans, attribute values, list items, table cells, notes and wrappers hold a text as text."""
    made = "\n".join(
        [
            heading(2, literal(text), id="h"),
            paragraph(
                link(literal(text), "../a/b.md", rel="next", aria_label=text)
                + " "
                + span(literal(text), lang="ar", dir="rtl", title=text)
                + note_mark(1, classes=["n"]),
                id="p-1",
                aria_label=text,
            ),
            list_item(literal(text), id="p-2") + list_item(literal(text), 1, id="p-3"),
            table([literal(text), "b"], [[f"{literal(text)} {attributes(id='p-4', lang='en', title=text)}", "c"]]),
            html_block("nav", paragraph(literal(text)), classes=["hiwar-pages"], aria_label=text),
            note(1, literal(text)),
        ]
    )
    page = rendered(made)
    assert {element.name for element in page.find_all(True)} <= {
        "h2",
        "p",
        "a",
        "span",
        "sup",
        "ul",
        "li",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "nav",
        "div",
        "hr",
        "ol",
    }
    assert not page.find_all(attrs={"onclick": True}) and not page.find_all("script")
    attributes_ = [(name, value) for element in page.find_all(True) for name, value in element.attrs.items()]
    assert {name for name, _ in attributes_} <= {"id", "class", "href", "rel", "aria-label", "lang", "dir", "title"}
    # Every value the text was given reads back as the text (the extensions' own links aside).
    for element in page.select(":is([aria-label], [title]):not(.headerlink, .footnote-backref)"):
        assert (element.get("aria-label") or element.get("title")) == " ".join(text.split())
    assert [a["href"] for a in page.select("p a:not(.footnote-ref, .footnote-backref)")] == ["../a/b.md"]
    assert page.get_text().count(" ".join(text.split())) >= 6


def test_ids_classes_attribute_names_and_link_targets_are_held_to_their_rules():
    assert (
        attributes(id="p-3", classes=["hiwar-pnum"], aria_label="Paragraph 3", dir="rtl")
        == '{: #p-3 .hiwar-pnum aria-label="Paragraph 3" dir="rtl" }'
    )
    assert (
        attributes(datetime="2021-05-03", type="application/epub+zip", title="Editor's note")
        == '{: datetime="2021-05-03" type="application/epub+zip" title="Editor&#39;s note" }'
    )  # a value not a token: text
    for bad in ({"id": "p 3"}, {"id": 'x" onclick="y'}, {"classes": ["a}"]}, {"on click": "x"}, {"onclick=": "x"}):
        with pytest.raises(ValueError):
            attributes(**bad)
    for target in ("javascript:alert(1)", "../a b.md", "x.md)", "https://example.org/"):
        with pytest.raises(ValueError):
            link("x", target)
    with pytest.raises(ValueError):
        html_block("div onclick", "x")


def test_the_builders_make_the_elements_they_name_with_their_attributes():
    page = rendered(
        "\n".join(
            [
                heading(2, "Notes", id="notes"),
                paragraph(
                    link("1", "#p-1", classes=["hiwar-pnum"], aria_label="Paragraph 1")
                    + " text"
                    + note_mark(1, classes=["hiwar-note-ref", "hiwar-note-editor"]),
                    id="p-1",
                ),
                paragraph(span("3 May 2021", datetime="2021-05-03") + " · " + span("بغداد", lang="ar", dir="rtl")),
                list_item("one", id="p-2") + list_item("two", 1, id="p-3"),
                html_block("div", table(["A", "B"], [['x {: #p-4 .c lang="en" }', "y"]]), classes=["hiwar-status"]),
                note(1, "A note."),
            ]
        )
    )
    assert page.select_one("h2#notes").contents[0] == "Notes"
    pnum = page.select_one("p#p-1 > a.hiwar-pnum")
    assert (pnum["href"], pnum["aria-label"]) == ("#p-1", "Paragraph 1")
    assert page.select_one("p#p-1 sup.hiwar-note-ref.hiwar-note-editor a")["href"] == "#fn:1"
    assert page.select_one("time")["datetime"] == "2021-05-03" and page.select_one("time").get_text() == "3 May 2021"
    assert page.select_one("span[lang=ar][dir=rtl]").get_text() == "بغداد"
    assert page.select_one("li#p-2 > ul > li#p-3").get_text().strip() == "two"
    assert page.select_one("div.hiwar-status table td#p-4.c[lang=en]").get_text().strip() == "x"
    assert page.select_one("div.footnote li#fn\\:1").get_text().strip().startswith("A note.")


def test_literal_text_keeps_arabic_and_latin_letters_and_makes_every_run_of_spaces_one():
    assert literal("  الحوار\tالاستراتيجي \n Biden  ") == "الحوار الاستراتيجي Biden"
    assert literal("a-b") == "a&#45;b" and literal("«نص»؛ ، ؟") == "«نص»؛ ، ؟"  # only ASCII punctuation is escaped
    assert html.unescape(literal('<a href="x">&amp;</a>')) == '<a href="x">&amp;</a>'


def test_a_piece_of_a_longer_text_keeps_its_edge_spaces():
    assert escaped(" [x] ") == " &#91;x&#93; "


def test_arabic_runs_in_other_languages_are_runs_of_their_own_with_their_language_and_direction():
    assert language_runs("The «الحوار الاستراتيجي» talks, then بغداد.", "en") == [
        Run("The «"),
        Run("الحوار الاستراتيجي»", "ar", "rtl"),
        Run(" talks, then "),
        Run("بغداد", "ar", "rtl"),
        Run("."),
    ]
    assert language_runs("Between بغداد، وواشنطن (أمس) now", "en") == [  # one run across punctuation
        Run("Between "),
        Run("بغداد، وواشنطن (أمس", "ar", "rtl"),
        Run(") now"),
    ]
    assert language_runs("No Arabic here.", "en") == [Run("No Arabic here.")]
    assert language_runs("نص عربي", "ar") == [Run("نص عربي")]


def test_text_in_the_source_language_is_not_marked_and_text_in_another_is_a_span():
    assert literal_in("قال  <بغداد>", "ar") == "قال &#60;بغداد&#62;"
    assert literal_in("Said  <بغداد>", "en") == 'Said &#60;[بغداد]{: lang="ar" dir="rtl" }&#62;'
    assert escaped_in(" بغداد ", "fr") == ' [بغداد]{: lang="ar" dir="rtl" } '
    page = rendered(literal_in("Said «الحوار الاستراتيجي», then بغداد.", "en"))
    assert [(s["lang"], s["dir"], s.get_text()) for s in page.select("span")] == [
        ("ar", "rtl", "الحوار الاستراتيجي»"),
        ("ar", "rtl", "بغداد"),
    ]
    assert page.get_text() == "Said «الحوار الاستراتيجي», then بغداد."


@dataclass(frozen=True)
class Inner:
    label: str
    count: int = 0


@dataclass(frozen=True)
class Outer:
    title: str
    inner: Inner
    items: list
    pair: tuple
    mapping: dict
    ready: Markup
    nothing: None = None
    helper: object = field(default=None, metadata={"escape": False})


def test_a_view_is_escaped_once_through_nested_data_classes_mappings_and_lists():
    helper = {"not": "<text>"}
    view = Outer(
        title="<b>",
        inner=Inner("a & b", 3),
        items=["<i>", Inner("<u>")],
        pair=("<", 1),
        mapping={"<k>": "<v>"},
        ready=Markup("<em>made here</em>"),
        helper=helper,
    )
    escaped_ = escaped_view(view)
    assert escaped_ == Outer(
        title="&lt;b&gt;",
        inner=Inner("a &amp; b", 3),
        items=["&lt;i&gt;", Inner("&lt;u&gt;")],
        pair=("&lt;", 1),
        mapping={"&lt;k&gt;": "&lt;v&gt;"},
        ready=Markup("<em>made here</em>"),
        helper=helper,
    )
    assert isinstance(escaped_.title, Markup) and isinstance(escaped_.inner.label, Markup)
    assert type(escaped_.items) is list and type(escaped_.pair) is tuple
    assert escaped_.helper is helper  # a field marked escape=False holds an object, not text
    assert view.title == "<b>"  # the view itself is left as it was
    assert escaped_view(escaped_) == escaped_  # Markup is never escaped twice


def test_json_for_a_script_element_cannot_close_it_and_reads_back_as_the_data():
    data = {
        "title": "</script><script>alert(1)</script>",
        "note": "a & b <!-- c",
        "ar": "بغداد",
        "lines": "one\u2028two\u2029three",
        "quoted": "<img src='x'>",
    }
    text = json_for_script(data)
    assert isinstance(text, Markup)
    for forbidden in ("<", ">", "&", "\u2028", "\u2029", "'", ' src="'):
        assert forbidden not in text
    assert "بغداد" in text  # not escaped as \u0628…
    assert json.loads(str(text)) == data
