"""An Article as one edition's Markdown page: YAML front matter (the converter's contract, model/page.py) plus a body.

The body carries the text: paragraphs with their ¶ numbers, headings, nested lists, glossary terms marked at their
first use, and the marks of the editors' and translators' notes, with the notes themselves after the text; what it
holds is body.py's data, written here as Markdown for Python-Markdown and pymdown-extensions (their syntax: README,
"The converter's Markdown"; the builders: markup.py). The side-by-side page's rows are a template's
(views.parallel_view). The article header (date, author, summary, reading time,
translation notice) and "About this article" are drawn by the theme from the plugin's view. Every text reaches the
Markdown through markup.literal (see markup.py); links to other pages are paths of their Markdown (urls.source_link).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import yaml

from hiwar.knowledge.glossary import Term
from hiwar.knowledge.vocabulary import Tag
from hiwar.model.article import AUTOMATIC, EDITORIAL, Article
from hiwar.model.dates import DateValue
from hiwar.model.languages import SOURCE_LANGUAGE
from hiwar.model.page import ArticlePage, EntityName, NoteFacts
from hiwar.site.body import (
    BodyBlock,
    BulletList,
    EndNote,
    GlossedTerm,
    Heading,
    Inline,
    ListItem,
    NoteMark,
    Text,
    article_body,
    is_source,
    is_translated,
)
from hiwar.site.dateformat import html_datetime
from hiwar.site.editions import Edition
from hiwar.site.markup import (
    emphasis,
    escaped_in,
    heading,
    link,
    list_item,
    literal,
    literal_in,
    note,
    note_mark,
    paragraph,
    span,
    strong,
)
from hiwar.site.urls import source_link

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


def article_page(article: Article, edition: Edition, vocabulary: Mapping[str, Tag]) -> ArticlePage:
    """What the article's page in the edition states about it: its front matter (the contract of `make pages`),
    which the feeds, the citation exports and the templates' view read."""
    lang = edition.lang
    summary = article.summary[lang].value
    date = article.date.value
    title = page_title(article, edition)
    origins = {
        "title": article.title[lang].origin if article.title[lang].value else AUTOMATIC,
        "date": article.date.origin,
        "summary": article.summary[lang].origin,
        "tags": article.tags.origin,
        "entities": article.entities.origin,
    }
    return ArticlePage(
        title=title,
        description=description(summary or title),
        date=date.edtf() if date else None,
        date_precision=date.precision if date else "unknown",
        date_display=edition.format_date(date),
        date_precision_label=edition.date_precision(date),
        date_datetime=html_datetime(date),
        date_published=date.feed_datetime() if date else None,
        date_evidence=article.date_evidence.get(lang) if article.date_evidence else None,
        date_origin=article.date.origin,
        author=(article.author.get(lang) or None) if article.author else None,
        publisher=(article.publisher.get(lang) or None) if article.publisher else None,
        summary=summary,
        tags=[vocabulary[tag_id].labels[lang] for tag_id in article.tags.value],
        tag_ids=list(article.tags.value),
        automatic=sorted(name for name, origin in origins.items() if origin == AUTOMATIC),
        editorial=sorted(name for name, origin in origins.items() if origin == EDITORIAL),
        article=article.id,
        seed=article.seed.name,
        seed_sha256=article.seed.sha256,
        words=article.words,
        reading_minutes=article.reading_minutes(edition.words_per_minute),
        translation=article.translation_status(lang),
        # Every translation's status: the page's metadata links to the editions that have the text (metadata.py).
        translations={other: article.translation_status(other) for other in sorted(article.translations)},
        translated_paragraphs=article.translated_paragraphs(lang),
        paragraphs=len(article.parsed.numbered),
        original_title=article.title[SOURCE_LANGUAGE].value if lang != SOURCE_LANGUAGE else None,
        entities=[EntityName(e.kind, dict(e.labels)) for e in article.entities.value],
        mentions=dict(article.mentions),
        notes=[NoteFacts(n.kind, n.paragraph, n.text.get(lang)) for n in article.notes],
    )


# Where the notes are listed: the footnotes extension's place marker (its default, which mkdocs.yml keeps). No text
# can hold it: a text's "/" is written as a character reference.
NOTES_PLACE = "///Footnotes Go Here///"


def render_article(
    article: Article,
    edition: Edition,
    editions: Sequence[Edition],
    vocabulary: Mapping[str, Tag],
    glossary: Sequence[Term] = (),
    related: str = "",
) -> str:
    page = front_matter(article_page(article, edition, vocabulary).front_matter())
    if not is_translated(article, edition):
        return page + related  # the theme shows the "translation in preparation" notice
    here = article_path(article)
    links = ""
    if has_parallel(article, edition, editions):
        links = (
            paragraph(link(literal(edition.t("article.parallel_link")), source_link(here, parallel_path(article))))
            + "\n"
        )
    body = article_body(article, edition, editions, glossary)
    text = "\n".join(_block(block, edition, editions) for block in body.blocks)
    return page + links + text + "\n" + _notes(body.notes, edition) + related


def _block(block: BodyBlock, edition: Edition, editions: Sequence[Edition]) -> str:
    if isinstance(block, Heading):
        return heading(2, literal_in(block.text or edition.t("article.untranslated_heading"), edition.lang))
    if isinstance(block, BulletList):
        return _list(block.items, edition, editions)
    pilcrow = _pilcrow(block.number, edition) if block.part == 1 else ""
    return paragraph(pilcrow + _shown(block.content, edition, editions), id=block.anchor)


def _shown(content: tuple[Inline, ...] | None, edition: Edition, editions: Sequence[Edition]) -> str:
    """A paragraph's text as inline Markdown: the first use of each glossary term marked to show it in the other
    languages on hover and focus, and the notes' marks after their phrases."""
    if content is None:
        return emphasis(literal(edition.t("article.untranslated")), classes=["hiwar-untranslated"])
    shown = []
    for segment in content:
        if isinstance(segment, Text):
            shown.append(escaped_in(segment.text, edition.lang))
        elif isinstance(segment, NoteMark):
            shown.append(note_mark(segment.number, classes=["hiwar-note-ref", f"hiwar-note-{segment.note_kind}"]))
        else:
            shown.append(
                span(
                    escaped_in(segment.text, edition.lang) + _gloss(segment, editions),
                    classes=["hiwar-term"],
                    tabindex=0,
                    aria_describedby=f"gloss-{segment.id}",
                )
            )
    return "".join(shown)


def _notes(notes: Sequence[EndNote], edition: Edition) -> str:
    """The notes after the text (`footnotes`), each saying whether it is an editor's or a translator's, linked back
    to its mark."""
    if not notes:
        return ""
    t = edition.t
    listed = "".join(
        note(n.number, f"{strong(literal(t(f'notes.{n.kind}') + ':'))} {literal_in(n.text, edition.lang)}")
        for n in notes
    )
    return f"{heading(2, literal(t('notes.title')), id='notes')}\n{NOTES_PLACE}\n\n{listed}\n"


def _gloss(term: GlossedTerm, editions: Sequence[Edition]) -> str:
    """The term in the other languages, shown on hover and focus: on a translation's page the original's; on the
    original's, every translation's."""
    directions = {e.lang: e.dir for e in editions}
    tooltip = {"classes": ["hiwar-gloss"], "role": "tooltip", "id": f"gloss-{term.id}"}
    if len(term.glosses) == 1:
        (gloss,) = term.glosses
        return span(literal(gloss.label), **tooltip, lang=gloss.lang, dir=directions[gloss.lang])
    return span(
        " · ".join(span(literal(g.label), lang=g.lang, dir=directions[g.lang]) for g in term.glosses), **tooltip
    )


def _pilcrow(number: int, edition: Edition) -> str:
    return (
        link(
            str(number), f"#p-{number}", classes=["hiwar-pnum"], aria_label=f"{edition.t('article.paragraph')} {number}"
        )
        + " "
    )


def _list(items: Sequence[ListItem], edition: Edition, editions: Sequence[Edition], depth: int = 0) -> str:
    """A nested list, each item with its anchor and ¶ number."""
    return "".join(
        list_item(_pilcrow(item.number, edition) + _shown(item.content, edition, editions), depth, id=item.anchor)
        + _list(item.items, edition, editions, depth + 1)
        for item in items
    )


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
    """The edition's home page: the newest articles with date and summary, then a link to all of them (`all_articles`:
    a page path, with an anchor), then the edition's downloads (Markdown from site/downloads.py; none in `make
    pages`, which makes no book)."""
    here = "index.md"
    lines = [
        front_matter(
            {"title": edition.t("home.title"), "description": edition.t("home.intro"), "hide": ["toc"], "home": True}
        )
    ]
    lines.append(paragraph(literal(edition.t("home.intro"))))
    for article in newest_first(articles)[:HOME_LATEST]:
        title = page_title(article, edition)
        summary = article.summary[edition.lang].value
        when = time_element(article.date.value, edition)
        minutes = edition.t("article.reading_time", minutes=article.reading_minutes(edition.words_per_minute))
        lines.append(heading(2, link(literal(title), source_link(here, article_path(article)))))
        lines.append(paragraph(f"{when} · {literal(minutes)}", classes=["hiwar-card-meta"]))
        if summary:
            lines.append(paragraph(literal(summary)))
        elif not is_translated(article, edition):
            lines.append(paragraph(literal(edition.t("article.translation_pending"))))
    if len(articles) > HOME_LATEST:
        target, _, anchor = all_articles.partition("#")
        lines.append(
            paragraph(
                link(literal(edition.t("home.all_articles", count=len(articles))), source_link(here, target, anchor))
            )
        )
    if downloads:
        lines.append(downloads)
    return "\n".join(lines)


def time_element(date: DateValue | None, edition: Edition) -> str:
    """The date in words, in a <time> whose datetime says as much as HTML can (it has no intervals)."""
    words = literal(edition.format_date(date))
    datetime = html_datetime(date)
    return span(words, datetime=datetime) if datetime else words


def newest_first(articles: list[Article]) -> list[Article]:
    return sorted(articles, key=lambda article: article.newest_first_key)


def parallel_sides(article: Article, edition: Edition, editions: Sequence[Edition]) -> list[Edition]:
    """The languages of a side-by-side page, this edition's first: on a translation's page, that translation and the
    original; on the original's, the original and every translation."""
    if is_source(edition):
        return [edition] + [e for e in editions if not is_source(e) and is_translated(article, e)]
    return [edition, next(e for e in editions if is_source(e))]


def render_parallel(
    article: Article, edition: Edition, editions: Sequence[Edition], vocabulary: Mapping[str, Tag]
) -> str:
    """The side-by-side page: its front matter and the link back to the article. The theme lays out the rows, the
    original beside its translations (views.parallel_view, overrides/partials/parallel.html): a layout of texts the
    model holds, a template's work; as Markdown, thousands of rows took a wrapper each, or a table the theme styles."""
    title = page_title(article, edition)
    label = edition.t("article.parallel_title")
    meta = {
        "title": f"{label}: {title}",
        "description": description(f"{label}: {title}"),
        "parallel_of": article.id,
        "hide": ["toc"],
    }
    back = paragraph(
        link(literal(edition.t("article.back_to_article")), source_link(parallel_path(article), article_path(article)))
    )
    return front_matter(meta) + back
