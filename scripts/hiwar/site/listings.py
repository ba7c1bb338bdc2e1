"""Ways into the archive, one set per edition: topics (and years, and rounds of the dialogue),
the timeline, the index of people, organisations and places, the glossary, and related articles.

Every page is Markdown with links MkDocs checks; all text from data files is escaped (markup.literal).
"""
from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Callable

from hiwar.knowledge.events import Calendar
from hiwar.knowledge.glossary import Term
from hiwar.knowledge.names import KINDS, Name
from hiwar.knowledge.vocabulary import Tag
from hiwar.model.article import Article
from hiwar.model.texts import Texts
from hiwar.site.editions import Edition
from hiwar.site.markup import literal, literal_in
from hiwar.site.pages import article_path, front_matter, is_source, newest_first, page_title, time_element

TOPICS_DIR = "topics"
TIMELINE_PAGE, INDEX_PAGE, GLOSSARY_PAGE = "timeline.md", "people.md", "glossary.md"
NAMES_DIR = "people"  # a page per name that more articles mention than the index lists
INDEX_LATEST = 5  # articles listed under each name in the index, newest first
ROUND_EVENTS = ("dialogue-round-1", "dialogue-round-2", "dialogue-round-3", "dialogue-round-4", "hmc-talks-2024")
RELATED_COUNT = 3


class _Links:
    """Markdown links to articles from one listing page: each article's link is made once per page."""

    def __init__(self, edition: Edition, depth: int = 0):
        self.edition, self.prefix = edition, "../" * depth
        self.mark = literal(edition.t("listings.paragraph_mark"))
        self._made: dict[str, tuple[str, str]] = {}
        self._dated: dict[str, str] = {}

    def _link_and_path(self, article: Article) -> tuple[str, str]:
        made = self._made.get(article.id)
        if made is None:
            path = self.prefix + article_path(article)
            made = self._made[article.id] = (f"[{literal(page_title(article, self.edition))}]({path})", path)
        return made

    def to(self, article: Article) -> str:
        return self._link_and_path(article)[0]

    def dated(self, article: Article) -> str:
        """The link, then the article's date."""
        if article.id not in self._dated:
            self._dated[article.id] = f"{self.to(article)} · {_dated(article, self.edition)}"
        return self._dated[article.id]

    def with_paragraphs(self, article: Article, numbers: list[int]) -> str:
        link, path = self._link_and_path(article)
        return f"{link} ({', '.join(f'[{self.mark}&#160;{n}]({path}#p-{n})' for n in numbers[:8])})"


def _dated(article: Article, edition: Edition) -> str:
    return literal(edition.format_date(article.date.value))


def _others(edition: Edition, editions: tuple[Edition, ...]) -> list[Edition]:
    """The other editions a label is shown in: every other one on the original's pages, the original's elsewhere."""
    return [e for e in editions if e.lang != edition.lang and (is_source(edition) or is_source(e))]


def in_all_languages(labels: Texts, edition: Edition, editions: tuple[Edition, ...]) -> str:
    """A name in the page's language, then in the other editions' (each marked with its language and direction)."""
    others = "".join(f' · <span lang="{e.lang}" dir="{e.dir}">{literal(labels[e.lang])}</span>'
                     for e in _others(edition, editions))
    return literal(labels[edition.lang]) + others


def sort_key(label: str) -> str:
    """Names sort without an English article in front ("the Pentagon" among the P's)."""
    return label.removeprefix("the ").lower()


def render_topics(articles: list[Article], edition: Edition, vocabulary: dict[str, Tag], calendar: Calendar) -> dict[str, str]:
    t = edition.t
    links = _Links(edition, depth=1)
    pages = {}
    overview = [front_matter({"title": t("listings.topics"), "description": t("listings.topics_intro")}),
                literal(t("listings.topics_intro")) + "\n", f"## {literal(t('listings.by_topic'))}\n"]
    for tag in vocabulary.values():
        tagged = newest_first([a for a in articles if tag.id in a.tags.value])
        if not tagged:
            continue
        label = tag.labels[edition.lang]
        overview.append(f"- [{literal(label)}]({tag.id}.md) ({len(tagged)})")
        page = [front_matter({"title": label, "description": f"{t('listings.topics')}: {label}"})]
        page += [f"- {links.dated(a)}" for a in tagged]
        pages[f"{TOPICS_DIR}/{tag.id}.md"] = "\n".join(page) + "\n"
    overview.append(f"\n## {literal(t('listings.by_year'))} {{#by-year}}\n")
    by_year: dict[int | None, list[Article]] = defaultdict(list)
    for article in articles:  # a window across the new year is listed under each year it may belong to
        for year in article.date.value.years() if article.date.value else [None]:
            by_year[year].append(article)
    for year in sorted(by_year, key=lambda y: (y is not None, y or 0), reverse=True):  # undated last
        overview.append(f"### {literal(str(year) if year is not None else t('listings.undated'))}\n")
        overview += [f"- {links.dated(a)}" for a in newest_first(by_year[year])]
        overview.append("")
    overview.append(f"## {literal(t('listings.by_round'))}\n")
    events = {event.id: event for event in calendar.events}
    for event_id in ROUND_EVENTS:
        event = events.get(event_id)
        discussing = [a for a in articles if event_id in a.events]
        if event is None or not discussing:
            continue
        overview.append(f"### {literal(edition.format_date(event.date))}: {literal_in(event.labels[edition.lang], edition.lang)}\n")
        overview += [f"- {links.with_paragraphs(a, a.events[event_id])}" for a in newest_first(discussing)]
        overview.append("")
    pages[f"{TOPICS_DIR}/index.md"] = "\n".join(overview) + "\n"
    return pages


def render_timeline(articles: list[Article], edition: Edition, calendar: Calendar) -> str:
    t = edition.t
    lines = [front_matter({"title": t("listings.timeline"), "description": t("listings.timeline_intro")}),
             literal(t("listings.timeline_intro")) + "\n"]
    ordered, links = newest_first(articles), _Links(edition)
    for event in sorted(calendar.events, key=lambda e: (e.date.sort_key(), e.id)):
        lines.append(f"## {time_element(event.date, edition)}: "
                     f"{literal_in(event.labels[edition.lang], edition.lang)} {{#{event.id}}}\n")
        discussing = [a for a in ordered if event.id in a.events]
        lines += [f"- {links.with_paragraphs(a, a.events[event.id])}" for a in discussing] or [literal(t("listings.no_articles"))]
        lines.append("")
    return "\n".join(lines)


def render_index(articles: list[Article], edition: Edition, editions: tuple[Edition, ...], names: list[Name],
                 kept: Callable[[str, list[Article]], bool] = lambda path, sources: False) -> dict[str, str | None]:
    """The index of names, with the newest articles that mention each; a page of its own for a name mentioned more often.

    A name's page is None, not rendered, when kept(path, the articles it lists) says its file is still as it should be.
    """
    t = edition.t
    lines = [front_matter({"title": t("listings.index"), "description": t("listings.index_intro")}),
             literal(t("listings.index_intro")) + "\n"]
    pages: dict[str, str | None] = {}
    links, name_page_links = _Links(edition), _Links(edition, depth=1)
    mentioning: dict[str, list[Article]] = defaultdict(list)  # name id -> articles, newest first
    for article in newest_first(articles):
        for name_id in article.mentions:
            mentioning[name_id].append(article)
    for kind in KINDS:
        entries = [n for n in names if n.kind == kind and mentioning[n.id]]
        if not entries:
            continue
        lines.append(f"## {literal(t(f'listings.{kind}'))}\n")
        for name in sorted(entries, key=lambda n: sort_key(n.labels[edition.lang])):
            both = in_all_languages(name.labels, edition, editions)
            lines.append(f"### {both} {{#{name.id}}}\n")
            found = mentioning[name.id]
            lines += [f"- {links.with_paragraphs(a, a.mentions[name.id])}" for a in found[:INDEX_LATEST]]
            if len(found) > INDEX_LATEST:
                path = f"{NAMES_DIR}/{name.id}.md"
                lines.append(f"\n[{literal(t('listings.all_mentions', count=len(found)))}]({path})")
                pages[path] = None if kept(path, found) else _name_page(name, both, found, edition, name_page_links)
            lines.append("")
    pages[INDEX_PAGE] = "\n".join(lines)
    return pages


def _name_page(name: Name, both: str, found: list[Article], edition: Edition, links: _Links) -> str:
    t = edition.t
    first = name.labels[edition.lang]
    page = [front_matter({"title": first, "description": f"{t('listings.index')}: {first}"}),
            f"# {both}\n", f"[{literal(t('listings.index'))}](../{INDEX_PAGE}#{name.id})\n"]
    page += [f"- {links.with_paragraphs(a, a.mentions[name.id])}" for a in found]
    return "\n".join(page) + "\n"


def render_glossary(edition: Edition, editions: tuple[Edition, ...], glossary: list[Term]) -> str:
    t = edition.t
    lines = [front_matter({"title": t("listings.glossary"), "description": t("listings.glossary_intro")}),
             literal(t("listings.glossary_intro")) + "\n"]
    for term in sorted(glossary, key=lambda term: sort_key(term.labels[edition.lang])):
        lines.append(f"## {in_all_languages(term.labels, edition, editions)} {{#{term.id}}}\n")
        lines.append(literal(term.definitions[edition.lang]) + "\n")
        for other in _others(edition, editions):
            lines.append(f'<p lang="{other.lang}" dir="{other.dir}" class="hiwar-other-definition">'
                         f"{literal(term.definitions[other.lang])}</p>\n")
    return "\n".join(lines)


def related_map(articles: list[Article]) -> dict[str, list[str]]:
    """For each article, the ids of up to three others sharing tags (×2), people, organisations and places,
    and glossary terms; best first, ties by id.

    Features are bit sets, so comparing all pairs stays fast at a thousand articles.
    """
    bits: dict[str, int] = {}

    def bitset(values) -> int:
        mask = 0
        for value in values:
            mask |= 1 << bits.setdefault(value, len(bits))
        return mask

    ids = [article.id for article in articles]
    features = [(bitset(f"t:{t}" for t in a.tags.value), bitset(f"n:{n}" for n in a.mentions), bitset(f"g:{g}" for g in a.terms))
                for a in articles]
    related = {}
    for i, (tags, names, terms) in enumerate(features):
        scored = []
        for j, (other_tags, other_names, other_terms) in enumerate(features):
            if i != j:
                score = 2 * (tags & other_tags).bit_count() + (names & other_names).bit_count() + (terms & other_terms).bit_count()
                if score:
                    scored.append((-score, ids[j]))
        related[ids[i]] = [other for _, other in heapq.nsmallest(RELATED_COUNT, scored)]
    return related


def feature_signature(article: Article) -> str:
    """What related_map reads of an article: when no signature changes, the related lists stay as they were."""
    return f"{article.id}:{','.join(article.tags.value)}:{','.join(sorted(article.mentions))}:{','.join(sorted(article.terms))}"


def render_related(related: list[Article], edition: Edition) -> str:
    if not related:
        return ""
    lines = [f"## {literal(edition.t('article.related'))} {{#related}}\n"]
    lines += [f"- [{literal(page_title(a, edition))}]({a.id}.md) · {_dated(a, edition)}" for a in related]
    return "\n".join(lines) + "\n"
