"""An Article as one edition's Markdown page: YAML front-matter (the converter's contract) plus a body.

The body carries the text: paragraphs with their ¶ numbers, headings, nested lists, glossary terms marked at their
first use, and the marks of the editors' and translators' notes, with the notes themselves after the text; what it
holds is body.py's data, rendered here as the site shows it. The article header (date, author, summary, reading time, translation notice) and "About this article" are drawn by the
theme from the plugin's view. Every text reaches the Markdown through markup.literal (see markup.py).
"""
from __future__ import annotations

from collections.abc import Sequence

import yaml

from hiwar.knowledge.glossary import Term
from hiwar.knowledge.vocabulary import Tag
from hiwar.model.article import AUTOMATIC, EDITORIAL, Article
from hiwar.model.dates import DateValue
from hiwar.model.languages import SOURCE_LANGUAGE
from hiwar.model.seed import HEADING, LIST_ITEM
from hiwar.site.body import (BodyBlock, BulletList, Cell, EndNote, GlossedTerm, Heading, Inline, ListItem, NoteMark, Text,
                             article_body, is_source, is_translated, parallel_rows)
from hiwar.site.dateformat import html_datetime
from hiwar.site.editions import Edition
from hiwar.site.markup import escaped_in, literal, literal_in

DESCRIPTION_CHARS = 160
ARTICLES_DIR = "articles"
PARALLEL_DIR = "parallel"

# libyaml's emitter when PyYAML has it (same YAML, several times faster), else the Python one.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def front_matter(data: dict) -> str:
    return "---\n" + yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=10**9) + "---\n\n"


def article_path(article: Article) -> str:
    """The page's Markdown path inside an edition's folder (docs/ar/, docs/en/)."""
    return f"{ARTICLES_DIR}/{article.id}.md"


def parallel_path(article: Article) -> str:
    return f"{PARALLEL_DIR}/{article.id}.md"


def has_parallel(article: Article, edition: Edition, editions: Sequence[Edition]) -> bool:
    """A side-by-side page: in a translation's edition when it has that translation; in the source edition when any
    translation exists."""
    if is_source(edition):
        return any(article.translation_status(e.lang) != "missing" for e in editions if not is_source(e))
    return is_translated(article, edition)


def page_title(article: Article, edition: Edition) -> str:
    title = article.title[edition.lang].value
    if title:
        return title
    return f"{edition.t('article.untitled')}, {edition.format_date(article.date.value)}"


def article_meta(article: Article, edition: Edition, vocabulary: dict[str, Tag]) -> dict:
    """The front-matter: what the page is, as data (the contract of `make pages`)."""
    lang = edition.lang
    summary = article.summary[lang].value
    date = article.date.value
    origins = {
        "title": article.title[lang].origin if article.title[lang].value else AUTOMATIC,
        "date": article.date.origin,
        "summary": article.summary[lang].origin,
        "tags": article.tags.origin,
        "entities": article.entities.origin,
    }
    meta: dict = {
        "title": page_title(article, edition),
        "description": description(summary or page_title(article, edition)),
        "date": date.edtf() if date else None,  # exact: 2021-05-03, 2021-05, 2021 or 2024-01-30/2024-02-02 (EDTF)
        "date_precision": date.precision if date else "unknown",  # day, month, year, range or unknown
        "date_display": edition.format_date(date),
        "date_precision_label": edition.date_precision(date),
        "date_datetime": html_datetime(date),  # for <time datetime>, which has no intervals: 2024 for a window in it
        "date_published": date.feed_datetime() if date else None,  # RFC 3339, noon UTC of the first day: inside it
        "date_evidence": article.date_evidence.get(lang) if article.date_evidence else None,
        "date_origin": article.date.origin,
    }
    if article.author and article.author.get(lang):
        meta["author"] = article.author[lang]
    if article.publisher and article.publisher.get(lang):
        meta["publisher"] = article.publisher[lang]
    meta.update({
        "summary": summary,
        "tags": [vocabulary[tag_id].labels[lang] for tag_id in article.tags.value],
        "tag_ids": list(article.tags.value),
        "automatic": sorted(name for name, origin in origins.items() if origin == AUTOMATIC),
        "editorial": sorted(name for name, origin in origins.items() if origin == EDITORIAL),
        "article": article.id,
        "seed": article.seed.name,
        "seed_sha256": article.seed.sha256,
        "words": article.words,
        "reading_minutes": article.reading_minutes(edition.words_per_minute),
        "translation": article.translation_status(lang),
        # Every translation's status: the page's metadata links to the editions that have the text (metadata.py).
        "translations": {other: article.translation_status(other) for other in sorted(article.translations)},
        "translated_paragraphs": article.translated_paragraphs(lang),
        "paragraphs": len(article.parsed.numbered),
        "original_title": article.title[SOURCE_LANGUAGE].value if lang != SOURCE_LANGUAGE else None,
        "entities": [{"kind": e.kind, **e.labels} for e in article.entities.value],
        "mentions": article.mentions,
        "notes": [{"kind": n.kind, "paragraph": n.paragraph, "text": n.text.get(lang)} for n in article.notes],
    })
    return meta


def render_article(article: Article, edition: Edition, editions: Sequence[Edition], vocabulary: dict[str, Tag],
                   glossary: Sequence[Term] = (), related: str = "") -> str:
    page = front_matter(article_meta(article, edition, vocabulary))
    if not is_translated(article, edition):
        return page + related  # the theme shows the "translation in preparation" notice
    links = ""
    if has_parallel(article, edition, editions):
        links = f"[{literal(edition.t('article.parallel_link'))}](../{parallel_path(article)})\n\n"
    body = article_body(article, edition, editions, glossary)
    text = "\n".join(_block(block, edition, editions) for block in body.blocks)
    return page + links + text + "\n" + _notes(body.notes, edition) + related


def _block(block: BodyBlock, edition: Edition, editions: Sequence[Edition]) -> str:
    if isinstance(block, Heading):
        return f"## {literal_in(block.text or edition.t('article.untranslated_heading'), edition.lang)}\n"
    if isinstance(block, BulletList):
        return _list_html(block.items, edition, editions) + "\n"
    pilcrow = _pilcrow(block.number, edition) if block.part == 1 else ""
    return f'<p id="{block.anchor}">{pilcrow}{_shown(block.content, edition, editions)}</p>\n'


def _shown(content: tuple[Inline, ...] | None, edition: Edition, editions: Sequence[Edition]) -> str:
    """A paragraph's text as HTML: the first use of each glossary term marked to show it in the other languages on
    hover and focus, and the notes' marks after their phrases."""
    if content is None:
        return f'<em class="hiwar-untranslated">{literal(edition.t("article.untranslated"))}</em>'
    html = []
    for segment in content:
        if isinstance(segment, Text):
            html.append(escaped_in(segment.text, edition.lang))
        elif isinstance(segment, NoteMark):
            html.append(_note_mark(segment, edition))
        else:
            html.append(f'<span class="hiwar-term" tabindex="0" aria-describedby="gloss-{segment.id}">'
                        f'{escaped_in(segment.text, edition.lang)}{_gloss(segment, editions)}</span>')
    return "".join(html)


def _note_mark(mark: NoteMark, edition: Edition) -> str:
    label = literal(edition.t(f"notes.{mark.note_kind}"))
    return (f'<sup class="hiwar-note-ref hiwar-note-{mark.note_kind}"><a id="note-ref-{mark.number}" '
            f'href="#note-{mark.number}" aria-label="{label} {mark.number}">{mark.number}</a></sup>')


def _notes(notes: Sequence[EndNote], edition: Edition) -> str:
    """The notes after the text, each marked as an editor's or a translator's, linked back to its mark."""
    if not notes:
        return ""
    t = edition.t
    items = []
    for note in notes:
        items.append(f'<li id="note-{note.number}" class="hiwar-note hiwar-note-{note.kind}">'
                     f'<strong>{literal(t(f"notes.{note.kind}"))}:</strong> {literal_in(note.text, edition.lang)} '
                     f'<a class="hiwar-note-back" href="#note-ref-{note.number}" aria-label="{literal(t("notes.back"))}">↩</a></li>')
    return f'## {literal(t("notes.title"))} {{#notes}}\n\n<ol class="hiwar-notes">{"".join(items)}</ol>\n\n'


def _gloss(term: GlossedTerm, editions: Sequence[Edition]) -> str:
    """The term in the other languages, shown on hover and focus: on a translation's page the original's; on the
    original's, every translation's."""
    directions = {e.lang: e.dir for e in editions}
    opening = f'<span class="hiwar-gloss" role="tooltip" id="gloss-{term.id}"'
    if len(term.glosses) == 1:
        (gloss,) = term.glosses
        return f'{opening} lang="{gloss.lang}" dir="{directions[gloss.lang]}">{literal(gloss.label)}</span>'
    inner = " · ".join(f'<span lang="{g.lang}" dir="{directions[g.lang]}">{literal(g.label)}</span>' for g in term.glosses)
    return f"{opening}>{inner}</span>"


def _pilcrow(number: int, edition: Edition) -> str:
    label = f"{literal(edition.t('article.paragraph'))} {number}"
    return f'<a class="hiwar-pnum" href="#p-{number}" aria-label="{label}">{number}</a> '


def _list_html(items: Sequence[ListItem], edition: Edition, editions: Sequence[Edition]) -> str:
    """Nested <ul> from list items; one line, so Markdown keeps it as one raw block."""
    return f"<ul>{''.join(_item_html(item, edition, editions) for item in items)}</ul>"


def _item_html(item: ListItem, edition: Edition, editions: Sequence[Edition]) -> str:
    nested = _list_html(item.items, edition, editions) if item.items else ""
    return f'<li id="{item.anchor}">{_pilcrow(item.number, edition)}{_shown(item.content, edition, editions)}{nested}</li>'


def description(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= DESCRIPTION_CHARS:
        return text
    cut = text[:DESCRIPTION_CHARS].rsplit(" ", 1)[0]
    return cut.rstrip("،,؛;:.") + " …"


# The home page shows the newest articles with their summaries; the rest are a click away, by year
# and topic, so that the page stays light on a phone however large the archive grows.
HOME_LATEST = 20


def render_home(articles: list[Article], edition: Edition, all_articles: str, downloads: str = "") -> str:
    """The edition's home page: the newest articles with date and summary, then a link to all of them, then the
    edition's downloads (Markdown from site/downloads.py; none in `make pages`, which makes no book)."""
    lines = [front_matter({"title": edition.t("home.title"), "description": edition.t("home.intro"),
                           "hide": ["toc"], "home": True})]
    lines.append(literal(edition.t("home.intro")) + "\n")
    for article in newest_first(articles)[:HOME_LATEST]:
        title = page_title(article, edition)
        summary = article.summary[edition.lang].value
        when = time_element(article.date.value, edition)
        minutes = edition.t("article.reading_time", minutes=article.reading_minutes(edition.words_per_minute))
        lines.append(f"## [{literal(title)}]({article_path(article)})\n")
        lines.append(f'<p class="hiwar-card-meta">{when} · {literal(minutes)}</p>\n')
        if summary:
            lines.append(literal(summary) + "\n")
        elif not is_translated(article, edition):
            lines.append(literal(edition.t("article.translation_pending")) + "\n")
    if len(articles) > HOME_LATEST:
        lines.append(f"[{literal(edition.t('home.all_articles', count=len(articles)))}]({all_articles})\n")
    if downloads:
        lines.append(downloads)
    return "\n".join(lines)


def time_element(date: DateValue | None, edition: Edition) -> str:
    """The date in words, in a <time> whose datetime says as much as HTML can (it has no intervals)."""
    words = literal(edition.format_date(date))
    datetime = html_datetime(date)
    return f'<time datetime="{datetime}">{words}</time>' if datetime else words


def newest_first(articles: list[Article]) -> list[Article]:
    return sorted(articles, key=lambda article: article.newest_first_key)


def render_parallel(article: Article, edition: Edition, editions: Sequence[Edition], vocabulary: dict[str, Tag]) -> str:
    """The original and its translations side by side, one row per heading or paragraph: on a translation's page,
    that translation and the original; on the original's, the original and every translation."""
    title = page_title(article, edition)
    label = edition.t("article.parallel_title")
    meta = {"title": f"{label}: {title}", "description": description(f"{label}: {title}"), "parallel_of": article.id,
            "hide": ["toc"]}
    source = next(e for e in editions if is_source(e))
    if is_source(edition):
        order = [edition] + [e for e in editions if not is_source(e) and is_translated(article, e)]
    else:
        order = [edition, source]
    rows = []
    for row in parallel_rows(article, order):
        cells = []
        for side, cell in zip(order, row.cells):
            if row.kind == HEADING:
                inner = (f'<p class="hiwar-parallel-heading">'
                         f'{literal(cell.text or side.t("article.untranslated_heading"))}</p>')
            elif row.kind == LIST_ITEM:
                inner = (f'<p class="hiwar-parallel-item hiwar-level-{row.level}">{_pilcrow(row.number, side)}• '
                         f'{_whole(cell, side)}</p>')
            else:
                inner = f"<p>{_pilcrow(row.number, side)}{_whole(cell, side)}</p>"
            cells.append(f'<div class="hiwar-parallel-cell" lang="{side.lang}" dir="{side.dir}">{inner}</div>')
        row_id = f' id="{row.anchor}"' if row.anchor else ""
        rows.append(f'<div class="hiwar-parallel-row"{row_id}>{"".join(cells)}</div>')
    back = f"[{literal(edition.t('article.back_to_article'))}](../{article_path(article)})\n\n"
    return front_matter(meta) + back + '<div class="hiwar-parallel">\n' + "\n".join(rows) + "\n</div>\n"


def _whole(cell: Cell, edition: Edition) -> str:
    """A paragraph's whole text (the parts of a long line joined again: rows align whole seed lines)."""
    return _shown(None if cell.text is None else (Text(cell.text),), edition, ())
