"""What the search knows of a page: the plugin makes one SearchDocument per page and edition."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SearchDocument:
    """One page as the search sees it.

    url: relative to the site root, as the page is linked online (`articles/NAME/`, `en/articles/NAME/`,
        `about/`); from file:// the query module adds `index.html` to a URL that ends in `/`.
    lang: the edition's language code; a reader's own edition is listed first.
    title, text: plain text (no HTML); the excerpt of a result is cut from `text`.
    extra: searched like the text but never shown: the page's facts (date, summary, author, tags) and
        every spelling of every name it mentions, so that قاآني finds a page that writes قاءأني.
    boost: the page's rank tier: within an edition, a page with a higher boost comes before every page
        with a lower one (articles 1.0, listing pages lower); within a tier, matches in the title come
        before matches in the text only.
    date: the date as the page shows it, or "" (shown beside the result's title).
    """

    url: str
    lang: str
    title: str
    text: str
    extra: str = ""
    boost: float = 1.0
    date: str = ""
