"""Render an Article as one edition's Markdown page: YAML front-matter plus a body.

The body carries the text only; the article header (date, author, summary box, reading
time, translation notice) is drawn by the theme override from the front-matter.
"""
from __future__ import annotations

from typing import Iterable

import yaml

from .article import HEADING, LIST_ITEM, Block
from .edition import ARABIC, Edition
from .enrich import AUTOMATIC, EDITORIAL, Article
from .markup import literal
from .vocabulary import Tag

DESCRIPTION_CHARS = 160
ARTICLES_DIR = "articles"


def front_matter(data: dict) -> str:
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**9) + "---\n\n"


def article_path(article: Article) -> str:
    """The page's Markdown path inside an edition's folder (docs/ar/, docs/en/)."""
    return f"{ARTICLES_DIR}/{article.id}.md"


def is_translated(article: Article, edition: Edition) -> bool:
    return edition is ARABIC or article.translation is not None


def page_title(article: Article, edition: Edition) -> str:
    title = article.title[edition.lang].value
    if title:
        return title
    return f"{edition.labels['untitled']}, {edition.format_date(article.date.value)}"


def article_meta(article: Article, edition: Edition, vocabulary: dict[str, Tag]) -> dict:
    lang = edition.lang
    summary = article.summary[lang].value
    date = article.date.value
    origins = {
        "title": article.title[lang].origin if article.title[lang].value else AUTOMATIC,
        "date": article.date.origin,
        "summary": article.summary[lang].origin,
        "tags": article.tags.origin,
    }
    meta: dict = {
        "title": page_title(article, edition),
        "description": _description(summary or page_title(article, edition)),
        "date": date.iso() if date else None,
        "date_precision": date.precision if date else "unknown",
        "date_display": edition.format_date(date),
        "date_evidence": article.date_evidence.get(lang) if article.date_evidence else None,
    }
    if article.author and article.author.get(lang):
        meta["author"] = article.author.get(lang)
    if article.publisher and article.publisher.get(lang):
        meta["publisher"] = article.publisher.get(lang)
    meta.update({
        "summary": summary,
        "tags": [vocabulary[tag_id].label(lang) for tag_id in article.tags.value],
        "tag_ids": list(article.tags.value),
        "automatic": sorted(name for name, origin in origins.items() if origin == AUTOMATIC),
        "editorial": sorted(name for name, origin in origins.items() if origin == EDITORIAL),
        "article": article.id,
        "seed": article.seed.name,
        "seed_sha256": article.seed.sha256,
        "words": article.words,
        "reading_minutes": article.reading_minutes(edition.words_per_minute),
        "translation": "original" if lang == "ar" else ("complete" if article.translation else "missing"),
        "original_title": article.title["ar"].value if lang != "ar" else None,
    })
    return meta


def render_article(article: Article, edition: Edition, vocabulary: dict[str, Tag]) -> str:
    page = front_matter(article_meta(article, edition, vocabulary))
    if not is_translated(article, edition):
        return page  # the theme shows the "translation in preparation" notice
    return page + "\n".join(_body(article, edition)) + "\n"


def _body(article: Article, edition: Edition) -> Iterable[str]:
    blocks = article.parsed.blocks
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if block.kind == HEADING:
            yield f"## {literal(_text(article, block, edition))}\n"
            index += 1
        elif block.kind == LIST_ITEM:
            run = []
            while index < len(blocks) and blocks[index].kind == LIST_ITEM:
                run.append(blocks[index])
                index += 1
            yield _list_html(article, run, edition) + "\n"
        elif block.part > 1 and edition is not ARABIC:
            index += 1  # the translation of a long line is one paragraph, under the first part's anchor
        else:
            pilcrow = _pilcrow(block, edition) if block.part == 1 else ""
            yield f'<p id="{block.anchor}">{pilcrow}{literal(_text(article, block, edition))}</p>\n'
            index += 1


def _text(article: Article, block: Block, edition: Edition) -> str:
    if edition is ARABIC:
        return block.text
    return article.translation.lines[block.line]  # type: ignore[union-attr]


def _pilcrow(block: Block, edition: Edition) -> str:
    label = f"{edition.labels['paragraph']} {block.number}"
    return f'<a class="hiwar-pnum" href="#p-{block.number}" aria-label="{label}">{block.number}</a> '


def _list_html(article: Article, items: list[Block], edition: Edition) -> str:
    """Nested <ul> from list items with levels; one line, so Markdown keeps it as one raw block."""
    html = ["<ul>"]
    depth = 0
    for position, item in enumerate(items):
        while depth < item.level:
            html.append("<ul>")
            depth += 1
        while depth > item.level:
            html.append("</ul></li>")
            depth -= 1
        html.append(f'<li id="p-{item.number}">{_pilcrow(item, edition)}{literal(_text(article, item, edition))}')
        following = items[position + 1] if position + 1 < len(items) else None
        if following is None or following.level <= item.level:
            html.append("</li>")
    while depth > 0:
        html.append("</ul></li>")
        depth -= 1
    html.append("</ul>")
    return "".join(html)


def _description(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= DESCRIPTION_CHARS:
        return text
    cut = text[:DESCRIPTION_CHARS].rsplit(" ", 1)[0]
    return cut.rstrip("،,؛;:.") + " …"


def render_home(articles: list[Article], edition: Edition) -> str:
    """The edition's home page: every article, newest first, with date and summary."""
    lines = [front_matter({"title": edition.labels["home_title"], "description": edition.labels["home_intro"],
                           "hide": ["toc"], "home": True})]
    lines.append(literal(edition.labels["home_intro"]) + "\n")
    for article in sorted(articles, key=_newest_first):
        title = page_title(article, edition)
        summary = article.summary[edition.lang].value
        date = article.date.value
        when = (f'<time datetime="{date.iso()}">{literal(edition.format_date(date))}</time>' if date
                else literal(edition.labels["date_unknown"]))
        lines.append(f"## [{literal(title)}]({article_path(article)})\n")
        lines.append(f'<p class="hiwar-card-meta">{when} · {literal(edition.reading_time(article.reading_minutes(edition.words_per_minute)))}</p>\n')
        if summary:
            lines.append(literal(summary) + "\n")
        elif edition is not ARABIC:
            lines.append(literal(edition.labels["translation_pending"]) + "\n")
    return "\n".join(lines)


def _newest_first(article: Article) -> tuple:
    date = article.date.value
    # Unknown dates last; equal dates in a stable order (by id) so builds are identical.
    return (date is None, tuple(-part for part in date.sort_key()) if date else (), article.id)
