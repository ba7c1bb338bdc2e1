"""Seed text is only ever text: markup in a seed never becomes an element, attribute, link or include."""

from __future__ import annotations

from conftest import content, html

ALLOWED = {"h2", "a", "p", "ul", "li", "h1", "div", "span", "time", "aside"}


def test_hostile_seed_renders_as_literal_text(traits_site):
    body = content(html(traits_site / "articles" / "hostile_markup" / "index.html"))
    text = body.get_text(" ")
    for literal in (
        "<b>عريض</b>",
        "<script>alert(1)</script>",
        "[رابط](javascript:alert(1))",
        "*نجمة*",
        "_شرطة_",
        "`شيفرة`",
        '--8<-- "/etc/passwd"',
        '{: onclick="alert(1)" }',
        "$x^2$",
        "{{ config.site_name }}",
        "{% if true %}",
        "2021. سنة في بداية السطر",
        "&amp; كيان &#60;",
        "!!! note",
        "title: سطر يشبه YAML",
    ):
        assert literal in text, literal
    assert body.find("script") is None and body.find("b") is None and body.find("code") is None
    assert body.find("ol") is None and body.find("details") is None and body.find(class_="arithmatex") is None
    assert not body.select("[onclick]")
    assert not [a for a in body.find_all("a") if "javascript" in a.get("href", "")]
    assert "root:" not in text  # no file was included


def test_hostile_title_is_text_in_title_heading_and_description(traits_site):
    soup = html(traits_site / "articles" / "hostile_markup" / "index.html")
    assert "<b>عريض</b>" in soup.title.get_text()
    assert "<b>عريض</b>" in soup.h1.get_text()
    assert soup.find("meta", attrs={"name": "description"})["content"]
    assert not soup.head.find("b") and not soup.h1.find("b")
