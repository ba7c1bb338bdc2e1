"""Front-matter values are text; the theme prints some of them as HTML.

Material prints page.title raw into the page and page.meta.description raw inside an
attribute. Escaping them here means a title or summary can never become markup.
"""
from __future__ import annotations

import html


def on_page_markdown(markdown, page, config, files):
    for key in ("title", "description"):
        if isinstance(page.meta.get(key), str):
            page.meta[key] = html.escape(page.meta[key], quote=True)
    return markdown
