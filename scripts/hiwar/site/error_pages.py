"""The theme's own pages, rendered once per edition from a template rather than from a page: the server's 404 page
and the service worker's offline page (503.html). MkDocs gives them links from the site root (they are shown at any
address); this gives them the view every other page has (`hiwar`), in the edition's language: title and text from
the edition's table, the language switch to each edition's home page, the search box."""

from __future__ import annotations

from typing import Sequence
from urllib.parse import urlsplit

from hiwar.site.markup import escaped_view
from hiwar.site.view import Alternate, PageView

# template → the section of the language tables with its title and text
SECTIONS = {"404.html": "not_found", "503.html": "offline"}


def error_page_view(template_name: str, edition, editions: Sequence, search, site_url: str | None):
    """The view of the theme page `template_name` in `edition`, or None for a template that is not one of them."""
    section = SECTIONS.get(template_name)
    if section is None:
        return None
    root = urlsplit(site_url or "/").path or "/"
    if not root.endswith("/"):
        root += "/"
    title = edition.t(f"{section}.title")
    alternates = [Alternate(other.lang, other.name, root + other.prefix, other is edition) for other in editions]
    return escaped_view(
        PageView(
            lang=edition.lang,
            dir=edition.dir,
            site_name=edition.t("site.name"),
            title=title,
            heading=title,
            alternates=alternates,
            problems=[],
            search=search,
            edition=edition,
        )
    )
