"""What the search knows of the site's pages: one SearchDocument per page and edition, for hiwar.site.search.

An article page is described from the model (its text and notes in the edition's language; its date, summary, author,
publisher and topics; every spelling of every name it mentions, so that قاآني finds a page that writes قاءأني). Other
pages are described from the text MkDocs rendered. Pages that only continue a listing (topics/iran/2/) and
side-by-side pages (their text is the article's) are left out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml import html

from hiwar.knowledge.names import Name
from hiwar.model.article import Article
from hiwar.site.editions import Edition
from hiwar.site.pages import is_translated, page_title
from hiwar.site.search import SearchDocument

ARTICLE_BOOST, PAGE_BOOST = 1.0, 0.25  # articles before the pages that list or explain them


def _with_class(name: str) -> str:
    return f"//*[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]"


# What a page shows besides its text: its title (a document's title is a field of its own, and the theme adds the
# <h1> a page's Markdown lacks), permalinks, hover glosses, ¶ numbers, the home page's Save for offline box.
NOT_TEXT = " | ".join(
    [
        "//h1",
        _with_class("headerlink"),
        _with_class("hiwar-gloss"),
        _with_class("hiwar-pnum"),
        _with_class("hiwar-offline"),
    ]
)
CONTINUATION = re.compile(r"/\d+\.md$")  # topics/iran/2.md: the rest of a listing
LEFT_OUT = ("parallel/", "topics/years/")


def indexed(path: str) -> bool:
    """Whether a page (its path inside its edition, as in docs/<lang>/) goes into the search index."""
    return not path.startswith(LEFT_OUT) and not CONTINUATION.search(path)


def article_document(
    article: Article, edition: Edition, url: str, names: dict[str, Name], tag_labels: dict[str, str]
) -> SearchDocument | None:
    """An article page as the search sees it; None when the edition has no text of it yet."""
    lang = edition.lang
    if not is_translated(article, edition):
        return None
    translation = article.translations.get(lang)
    paragraphs = [
        block.text if translation is None else translation.lines.get(block.line, "")
        for block in article.parsed.blocks
        if block.part == 1 or translation is None
    ]
    paragraphs += [note.text.get(lang, "") for note in article.notes]  # the notes are on the page too
    date = edition.format_date(article.date.value)
    facts = [
        date,
        article.summary[lang].value or "",
        *(t.get(lang, "") for t in (article.author, article.publisher) if t),
        *(tag_labels.get(tag, "") for tag in article.tags.value),
    ]
    spellings = [
        " ".join([*names[n].labels.values(), *(" ".join(form) for form in names[n].forms)])
        for n in sorted(article.mentions)
        if n in names
    ]
    spellings += [" ".join([*entity.labels.values(), *entity.variants]) for entity in article.entities.value]
    return SearchDocument(
        url=url,
        lang=lang,
        title=page_title(article, edition),
        text="\n".join(filter(None, paragraphs)),
        extra=" ".join(filter(None, [*facts, *spellings])),
        boost=ARTICLE_BOOST,
        date=date if article.date.value else "",
    )


def page_document(title: str, content_html: str, url: str, lang: str) -> SearchDocument:
    """Any other page, from the HTML MkDocs rendered for its content (read with lxml's HTML parser)."""
    content = _fragment(content_html)
    for element in content.xpath(NOT_TEXT):
        element.clear(keep_tail=True)  # its text goes; the words on either side stay apart
    return SearchDocument(url=url, lang=lang, title=_text(_fragment(title)), text=_text(content), boost=PAGE_BOOST)


def _fragment(markup: str) -> html.HtmlElement:
    return html.fragment_fromstring(markup or "", create_parent="div")


def _text(element: html.HtmlElement) -> str:
    """The words of an element, as a reader reads them: the texts of its elements, each apart from the next."""
    return " ".join(" ".join(element.itertext()).split())


def ordered(documents: Sequence[SearchDocument]) -> list[SearchDocument]:
    return sorted(documents, key=lambda d: (d.lang, d.url))
