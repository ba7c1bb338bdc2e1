"""The one boundary between text and markup (site/markup.py): text becomes Markdown, HTML, an attribute, JSON inside
<script> or a URL path here, once, and reads back as exactly the text."""
from __future__ import annotations

import html
import json
from dataclasses import dataclass, field

import markdown
import pytest
from bs4 import BeautifulSoup
from markupsafe import Markup

from hiwar.site.markup import (escaped, escaped_in, escaped_view, html_in, json_for_script, literal, literal_in,
                               mark_arabic)

HOSTILE = ['<b>عريض</b>', '<script>alert(1)</script>', '[رابط](javascript:alert(1))', '*نجمة* _شرطة_ `شيفرة`',
           '--8<-- "/etc/passwd"', '{: onclick="alert(1)" }', '$x^2$', '{{ config.site_name }}', '{% if true %}',
           '2021. سنة في بداية السطر', '&amp; كيان &#60;', '!!! note', '# عنوان', '- بند', '> اقتباس', '| a | b |']
# The site's Markdown extensions (mkdocs.yml).
SITE_MARKDOWN = dict(extensions=["attr_list", "toc"])


@pytest.mark.parametrize("text", HOSTILE)
def test_literal_text_renders_through_markdown_as_itself_and_nothing_else(text):
    rendered = BeautifulSoup(markdown.markdown(literal(text), **SITE_MARKDOWN), "html.parser")
    assert [element.name for element in rendered.find_all(True)] == ["p"]
    assert rendered.get_text() == text


def test_literal_text_keeps_arabic_and_latin_letters_and_makes_every_run_of_spaces_one():
    assert literal("  الحوار\tالاستراتيجي \n Biden  ") == "الحوار الاستراتيجي Biden"
    assert literal("a-b") == "a&#45;b" and literal("«نص»؛ ، ؟") == "«نص»؛ ، ؟"  # only ASCII punctuation is escaped
    assert html.unescape(literal('<a href="x">&amp;</a>')) == '<a href="x">&amp;</a>'


def test_a_piece_of_a_longer_text_keeps_its_edge_spaces():
    assert escaped(" [x] ") == " &#91;x&#93; "


def test_arabic_runs_in_other_languages_are_marked_with_their_language_and_direction():
    assert mark_arabic("The «الحوار الاستراتيجي» talks, then بغداد.") == (
        'The «<span lang="ar" dir="rtl">الحوار الاستراتيجي»</span> talks, then <span lang="ar" dir="rtl">بغداد</span>.')
    assert mark_arabic("Between بغداد، وواشنطن (أمس) now") == (
        'Between <span lang="ar" dir="rtl">بغداد، وواشنطن (أمس</span>) now')  # one run across Arabic punctuation
    assert mark_arabic("No Arabic here.") == "No Arabic here."


def test_text_in_the_source_language_is_not_marked_and_text_in_another_is():
    assert literal_in("قال  <بغداد>", "ar") == "قال &#60;بغداد&#62;"
    assert literal_in("Said  <بغداد>", "en") == 'Said &#60;<span lang="ar" dir="rtl">بغداد</span>&#62;'
    assert escaped_in(" بغداد ", "fr") == ' <span lang="ar" dir="rtl">بغداد</span> '


def test_html_in_is_markup_escaped_once_with_arabic_marked_in_other_languages():
    value = html_in('  "بغداد" & <Washington>  ', "en")
    assert isinstance(value, Markup)
    assert value == '&#34;<span lang="ar" dir="rtl">بغداد</span>&#34; &amp; &lt;Washington&gt;'
    assert html_in("<بغداد>", "ar") == "&lt;بغداد&gt;"


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
    view = Outer(title="<b>", inner=Inner("a & b", 3), items=["<i>", Inner("<u>")], pair=("<", 1),
                 mapping={"<k>": "<v>"}, ready=Markup("<em>made here</em>"), helper=helper)
    escaped_ = escaped_view(view)
    assert escaped_ == Outer(title="&lt;b&gt;", inner=Inner("a &amp; b", 3), items=["&lt;i&gt;", Inner("&lt;u&gt;")],
                             pair=("&lt;", 1), mapping={"&lt;k&gt;": "&lt;v&gt;"}, ready=Markup("<em>made here</em>"),
                             helper=helper)
    assert isinstance(escaped_.title, Markup) and isinstance(escaped_.inner.label, Markup)
    assert type(escaped_.items) is list and type(escaped_.pair) is tuple
    assert escaped_.helper is helper  # a field marked escape=False holds an object, not text
    assert view.title == "<b>"  # the view itself is left as it was
    assert escaped_view(escaped_) == escaped_  # Markup is never escaped twice


def test_json_for_a_script_element_cannot_close_it_and_reads_back_as_the_data():
    data = {"title": "</script><script>alert(1)</script>", "note": "a & b <!-- c", "ar": "بغداد",
            "lines": "one\u2028two\u2029three", "quoted": "<img src='x'>"}
    text = json_for_script(data)
    assert isinstance(text, Markup)
    for forbidden in ("<", ">", "&", "\u2028", "\u2029", "'", ' src="'):
        assert forbidden not in text
    assert "بغداد" in text  # not escaped as \u0628…
    assert json.loads(str(text)) == data
