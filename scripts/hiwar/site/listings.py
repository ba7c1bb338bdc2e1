"""Ways into the archive, one set per edition: topics, years and rounds of the dialogue, the timeline, the index of
people, organisations and places, the glossary, translation status and related articles.

Pages stay light however large the archive grows: a listing shows at most LISTED articles a page, newest first, with
links to the older ones; under each name, event and round the index shows the PREVIEW newest and links to a page
listing all of them. Pages are Markdown (markup.py's builders): a list of articles is a list of links to their pages'
Markdown (urls.source_link), which MkDocs resolves and checks; every text goes through markup.literal.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

from hiwar.knowledge.events import Calendar
from hiwar.knowledge.glossary import Term
from hiwar.knowledge.names import KINDS, Name
from hiwar.knowledge.vocabulary import Tag
from hiwar.model.article import Article
from hiwar.model.texts import Texts
from hiwar.site.body import is_source, is_translated, label_editions
from hiwar.site.editions import Edition
from hiwar.site.markup import (
    bullet_list,
    escaped,
    heading,
    html_block,
    link,
    literal,
    literal_in,
    paragraph,
    span,
    table,
)
from hiwar.site.pages import article_path, front_matter, newest_first, page_title, time_element
from hiwar.site.urls import source_link

TOPICS_DIR, YEARS_DIR = "topics", "topics/years"
TIMELINE_PAGE, TIMELINE_DIR = "timeline.md", "timeline"  # a page per event, listing the articles that discuss it
INDEX_PAGE, NAMES_DIR = "people.md", "people"  # a page per name, listing the articles that mention it
GLOSSARY_PAGE = "glossary.md"
TRANSLATIONS_PAGE = "translations.md"
LISTED = 100  # articles on one listing page
PREVIEW = 5  # articles shown under each name, event and round, newest first
PARAGRAPH_LINKS = 8  # ¶ links shown after an article in a list


class ArticleLinks:
    """Lists of links to articles from one page: each article's link is made once per page."""

    def __init__(self, edition: Edition, page: str):
        self.edition, self.page = edition, page
        self.mark = literal(edition.t("listings.paragraph_mark"))
        self._made: dict[str, tuple[str, str]] = {}

    def link(self, article: Article) -> tuple[str, str]:
        """(the Markdown link, its target) for an article."""
        made = self._made.get(article.id)
        if made is None:
            target = source_link(self.page, article_path(article))
            made = self._made[article.id] = (link(literal(page_title(article, self.edition)), target), target)
        return made

    def dated(self, article: Article) -> str:
        return f"{self.link(article)[0]} · {literal(self.edition.format_date(article.date.value))}"

    def with_paragraphs(self, article: Article, numbers: Sequence[int]) -> str:
        """The article's link, then links to the ¶ that mention what is listed, on its page when that page has the
        article's text (a translation still to come has no ¶ to go to)."""
        element, target = self.link(article)
        if not is_translated(article, self.edition):
            return element
        marks = ", ".join(link(f"{self.mark}&#160;{n}", f"{target}#p-{n}") for n in numbers[:PARAGRAPH_LINKS])
        return f"{element} {escaped('(')}{marks}{escaped(')')}"

    def items(self, entries: Iterable[str]) -> str:
        """A list of entries (no wrapper: each would walk the whole page made so far, markup.html_block)."""
        return bullet_list(entries)


# A listing's pages made by `paginated` for these articles (as the listing sees them), or the same pages an earlier
# build made of what the listing reads of the same articles (build/plan.py keeps them): (path, articles, make).
Kept = Callable[[str, Sequence[Article], Callable[[], dict[str, str]]], dict[str, str]]


def made_now(path: str, articles: Sequence[Article], make: Callable[[], dict[str, str]]) -> dict[str, str]:
    return make()


def paginated(
    path: str,
    title: str,
    description: str,
    heading_: str | Callable[[str], str],
    articles: list[Article],
    edition: Edition,
    entry: Callable[[ArticleLinks, Article], str],
    kept: Kept = made_now,
) -> dict[str, str]:
    """A listing of articles over as many pages as it takes, LISTED a page: `path` (say topics/iran.md), then
    topics/iran/2.md, … each linking to the newer and the older page. `heading_`: the pages' heading, or what makes it
    for a page (its links are relative to the page)."""

    def made() -> dict[str, str]:
        t = edition.t
        chunks = [articles[i : i + LISTED] for i in range(0, len(articles), LISTED)] or [[]]
        paths = [path] + [f"{path[:-3]}/{n}.md" for n in range(2, len(chunks) + 1)]
        pages = {}
        for number, (page, chunk) in enumerate(zip(paths, chunks), 1):
            links = ArticleLinks(edition, page)
            counter = f" ({t('listings.page_of', page=number, pages=len(chunks))})" if len(chunks) > 1 else ""
            lines = [
                front_matter({"title": title + counter, "description": description}),
                heading_(page) if callable(heading_) else heading_,
            ]
            lines.append(
                links.items(entry(links, a) for a in chunk) if chunk else paragraph(literal(t("listings.no_articles")))
            )
            if len(chunks) > 1:
                lines.append(_page_links(page, paths, number, edition))
            pages[page] = "\n".join(lines) + "\n"
        return pages

    return kept(path, articles, made)


def _page_links(page: str, paths: list[str], number: int, edition: Edition) -> str:
    """The links to the newer and the older page of a listing, in a navigation landmark named for it."""
    t = edition.t
    parts = []
    if number > 1:
        parts.append(link(literal(t("listings.newer")), source_link(page, paths[number - 2]), rel="prev"))
    parts.append(literal(t("listings.page_of", page=number, pages=len(paths))))
    if number < len(paths):
        parts.append(link(literal(t("listings.older")), source_link(page, paths[number]), rel="next"))
    return html_block("nav", paragraph(" · ".join(parts)), classes=["hiwar-pages"], aria_label=t("listings.pages"))


def _preview(
    page: str,
    heading_: str,
    found: list[Article],
    numbers: Callable[[Article], Sequence[int]],
    all_page: str,
    edition: Edition,
    links: ArticleLinks,
) -> list[str]:
    """A heading, the newest PREVIEW articles with their ¶ links, and a link to the page listing all of them."""
    lines = [heading_, links.items(links.with_paragraphs(a, numbers(a)) for a in found[:PREVIEW])]
    if len(found) > PREVIEW:
        lines.append(
            paragraph(link(literal(edition.t("listings.all_mentions", count=len(found))), source_link(page, all_page)))
        )
    return lines


def in_all_languages(labels: Texts, edition: Edition, editions: Sequence[Edition]) -> str:
    """A name in the page's language, then in the other editions' (each marked with its language and direction)."""
    others = "".join(
        f" · {span(literal(labels[e.lang]), lang=e.lang, dir=e.dir)}" for e in label_editions(edition, editions)
    )
    return literal(labels[edition.lang]) + others


def sort_key(label: str) -> str:
    """Names sort without an English article in front ("the Pentagon" among the P's)."""
    return label.removeprefix("the ").lower()


def _year_page(year: int | None) -> str:
    return f"{YEARS_DIR}/{year if year is not None else 'undated'}.md"


def render_topics(
    articles: list[Article], edition: Edition, vocabulary: dict[str, Tag], calendar: Calendar, kept: Kept = made_now
) -> dict[str, str]:
    """The topics overview (topics, years, rounds), a listing per topic and a listing per year."""
    t = edition.t
    page = f"{TOPICS_DIR}/index.md"
    pages: dict[str, str] = {}
    overview = [
        front_matter({"title": t("listings.topics"), "description": t("listings.topics_intro")}),
        paragraph(literal(t("listings.topics_intro"))),
        heading(2, literal(t("listings.by_topic"))),
    ]
    topic_items = []
    for tag in vocabulary.values():
        tagged = newest_first([a for a in articles if tag.id in a.tags.value])
        if not tagged:
            continue
        label = tag.labels[edition.lang]
        path = f"{TOPICS_DIR}/{tag.id}.md"
        topic_items.append(f"{link(literal(label), source_link(page, path))}{escaped(f' ({len(tagged)})')}")
        pages.update(
            paginated(
                path,
                label,
                f"{t('listings.topics')}: {label}",
                heading(1, literal(label)),
                tagged,
                edition,
                ArticleLinks.dated,
                kept,
            )
        )
    overview.append(ArticleLinks(edition, page).items(topic_items))
    overview.append(heading(2, literal(t("listings.by_year")), id="by-year"))
    by_year: dict[int | None, list[Article]] = defaultdict(list)
    for article in articles:  # a window across the new year is listed under each year it may belong to
        for year in article.date.value.years() if article.date.value else [None]:
            by_year[year].append(article)
    year_items = []
    for year in sorted(by_year, key=lambda y: (y is not None, y or 0), reverse=True):  # undated last
        label = str(year) if year is not None else t("listings.undated")
        path = _year_page(year)
        year_items.append(f"{link(literal(label), source_link(page, path))}{escaped(f' ({len(by_year[year])})')}")
        pages.update(
            paginated(
                path,
                label,
                f"{t('listings.by_year')}: {label}",
                heading(1, literal(label)),
                newest_first(by_year[year]),
                edition,
                ArticleLinks.dated,
                kept,
            )
        )
    overview.append(ArticleLinks(edition, page).items(year_items))
    overview.append(heading(2, literal(t("listings.by_round"))))
    links = ArticleLinks(edition, page)
    for event in calendar.rounds():  # the events editorial/events.yml marks `round: true`
        event_id = event.id
        discussing = newest_first([a for a in articles if event_id in a.events])
        if not discussing:
            continue
        title = f"{literal(edition.format_date(event.date))}{escaped(': ')}{literal_in(event.labels[edition.lang], edition.lang)}"
        overview += _preview(
            page,
            heading(3, title),
            discussing,
            lambda a, e=event_id: a.events[e],
            f"{TIMELINE_DIR}/{event_id}.md",
            edition,
            links,
        )
    pages[page] = "\n".join(overview) + "\n"
    return pages


def render_timeline(
    articles: list[Article], edition: Edition, calendar: Calendar, kept: Kept = made_now
) -> dict[str, str]:
    """The timeline of events, each with the newest articles that discuss it; a listing per event."""
    t = edition.t
    page = TIMELINE_PAGE
    lines = [
        front_matter({"title": t("listings.timeline"), "description": t("listings.timeline_intro")}),
        paragraph(literal(t("listings.timeline_intro"))),
    ]
    pages: dict[str, str] = {}
    ordered, links = newest_first(articles), ArticleLinks(edition, page)
    for event in sorted(calendar.events, key=lambda e: (e.date.sort_key(), e.id)):
        title = (
            f"{time_element(event.date, edition)}{escaped(': ')}{literal_in(event.labels[edition.lang], edition.lang)}"
        )
        heading_ = heading(2, title, id=event.id)
        discussing = [a for a in ordered if event.id in a.events]
        if not discussing:
            lines += [heading_, paragraph(literal(t("listings.no_articles")))]
            continue
        path = f"{TIMELINE_DIR}/{event.id}.md"
        lines += _preview(page, heading_, discussing, lambda a, e=event.id: a.events[e], path, edition, links)
        if len(discussing) > PREVIEW:
            pages.update(
                paginated(
                    path,
                    event.labels[edition.lang],
                    f"{t('listings.timeline')}: {event.labels[edition.lang]}",
                    heading(1, title),
                    discussing,
                    edition,
                    lambda links, a, e=event.id: links.with_paragraphs(a, a.events[e]),
                    kept,
                )
            )
    pages[page] = "\n".join(lines)
    return pages


def render_index(
    articles: list[Article], edition: Edition, editions: Sequence[Edition], names: list[Name], kept: Kept = made_now
) -> dict[str, str]:
    """The index of names, with the newest articles that mention each; a listing per name mentioned more often."""
    t = edition.t
    page = INDEX_PAGE
    lines = [
        front_matter({"title": t("listings.index"), "description": t("listings.index_intro")}),
        paragraph(literal(t("listings.index_intro"))),
    ]
    pages: dict[str, str] = {}
    links = ArticleLinks(edition, page)
    mentioning: dict[str, list[Article]] = defaultdict(list)  # name id -> articles, newest first
    for article in newest_first(articles):
        for name_id in article.mentions:
            mentioning[name_id].append(article)
    for kind in KINDS:
        entries = [n for n in names if n.kind == kind and mentioning[n.id]]
        if not entries:
            continue
        lines.append(heading(2, literal(t(f"listings.{kind}"))))
        for name in sorted(entries, key=lambda n: sort_key(n.labels[edition.lang])):
            both = in_all_languages(name.labels, edition, editions)
            found = mentioning[name.id]
            path = f"{NAMES_DIR}/{name.id}.md"
            lines += _preview(
                page, heading(3, both, id=name.id), found, lambda a, n=name.id: a.mentions[n], path, edition, links
            )
            if len(found) > PREVIEW:

                def named(listing: str, both: str = both, name_id: str = name.id) -> str:
                    """The name, and the way back to it in the index."""
                    back = paragraph(link(literal(t("listings.index")), source_link(listing, page, name_id)))
                    return f"{heading(1, both)}\n{back}"

                pages.update(
                    paginated(
                        path,
                        name.labels[edition.lang],
                        f"{t('listings.index')}: {name.labels[edition.lang]}",
                        named,
                        found,
                        edition,
                        lambda links, a, n=name.id: links.with_paragraphs(a, a.mentions[n]),
                        kept,
                    )
                )
    pages[page] = "\n".join(lines)
    return pages


def render_translation_status(articles: list[Article], edition: Edition, editions: Sequence[Edition]) -> dict[str, str]:
    """Per article, newest first: complete, partial or missing, with the count of translated paragraphs — of this
    edition's translation, or on the original's edition, of every translation. A table (`tables`) in a `hiwar-status`
    wrapper."""
    t = edition.t
    shown = [e for e in editions if not is_source(e)] if is_source(edition) else [edition]

    def column(label: str, other: Edition) -> str:
        return literal(label if len(shown) == 1 else f"{label} ({other.name})")

    header = [literal(t("status.article"))]
    for other in shown:
        header += [column(t("status.state"), other), column(t("status.paragraphs"), other)]

    def rows(links: ArticleLinks, chunk: list[Article]) -> str:
        cells = []
        for article in chunk:
            row = [links.link(article)[0]]
            for other in shown:
                row.append(literal(t(f"status.{article.translation_status(other.lang)}")))
                row.append(literal(f"{article.translated_paragraphs(other.lang)} / {len(article.parsed.numbered)}"))
            cells.append(row)
        return html_block("div", table(header, cells), classes=["hiwar-status"])

    ordered = newest_first(articles)
    chunks = [ordered[i : i + LISTED] for i in range(0, len(ordered), LISTED)] or [[]]
    paths = [TRANSLATIONS_PAGE] + [f"{TRANSLATIONS_PAGE[:-3]}/{n}.md" for n in range(2, len(chunks) + 1)]
    pages = {}
    for number, (page, chunk) in enumerate(zip(paths, chunks), 1):
        counter = f" ({t('listings.page_of', page=number, pages=len(chunks))})" if len(chunks) > 1 else ""
        lines = [
            front_matter({"title": t("status.title") + counter, "description": t("status.intro")}),
            paragraph(literal(t("status.intro"))),
            rows(ArticleLinks(edition, page), chunk),
        ]
        if len(chunks) > 1:
            lines.append(_page_links(page, paths, number, edition))
        pages[page] = "\n".join(lines) + "\n"
    return pages


def render_glossary(edition: Edition, editions: Sequence[Edition], glossary: list[Term]) -> str:
    t = edition.t
    lines = [
        front_matter({"title": t("listings.glossary"), "description": t("listings.glossary_intro")}),
        paragraph(literal(t("listings.glossary_intro"))),
    ]
    for term in sorted(glossary, key=lambda term: sort_key(term.labels[edition.lang])):
        lines.append(heading(2, in_all_languages(term.labels, edition, editions), id=term.id))
        lines.append(paragraph(literal(term.definitions[edition.lang])))
        for other in label_editions(edition, editions):
            lines.append(
                paragraph(
                    literal(term.definitions[other.lang]),
                    classes=["hiwar-other-definition"],
                    lang=other.lang,
                    dir=other.dir,
                )
            )
    return "\n".join(lines)
