"""Corrections to markup the theme writes in places no override block reaches, each found by the
Nu HTML Checker or axe-core on the built site. Exact patterns only: when the theme changes and a
pattern no longer occurs, nothing is touched (and the tests report what the checkers find).
"""
from __future__ import annotations

import re

# <input type="checkbox" … autocomplete="off">: autocomplete is not allowed on checkboxes (Nu).
CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off"')
# The table of contents is labelled for a toggle that only exists when the page is in the sidebar (Nu).
TOC_LABEL = '<label class="md-nav__title" for="__toc">'
# The search dialog has no accessible name (axe: aria-dialog-name).
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
# <link rel="alternate" hreflang> in the head: the theme fetches a sitemap.xml beside every one of
# them (it takes them for other versions of the site): a 404 for each page. The sitemap already
# pairs every page with its counterpart (xhtml:link hreflang), and the language switcher links it.
HREFLANG_LINK = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[a-z]{2}">')
SEARCH_LABEL = {"ar": "البحث في الموقع", "en": "Search the site"}


def fix(output: str, language: str) -> str:
    output = CHECKBOX_AUTOCOMPLETE.sub(r"\1", output)
    if 'id="__toc"' not in output:
        output = output.replace(TOC_LABEL, '<label class="md-nav__title">')
    label = SEARCH_LABEL.get(language, SEARCH_LABEL["en"])
    output = output.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + f' aria-label="{label}">')
    return HREFLANG_LINK.sub("", output)


def on_post_page(output, page, config):
    return fix(output, config.theme["language"])


def on_post_template(output_content, template_name, config):
    """Pages rendered from a theme template alone, such as 404.html."""
    return fix(output_content, config.theme["language"]) if template_name.endswith(".html") else output_content
