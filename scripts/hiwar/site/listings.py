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
from hiwar.site.editions import ARABIC, Edition
from hiwar.site.markup import literal, literal_in
from hiwar.site.pages import article_path, front_matter, newest_first, page_title

TOPICS_DIR = "topics"
TIMELINE_PAGE, INDEX_PAGE, GLOSSARY_PAGE = "timeline.md", "people.md", "glossary.md"
NAMES_DIR = "people"  # a page per name that more articles mention than the index lists
INDEX_LATEST = 5  # articles listed under each name in the index, newest first
ROUND_EVENTS = ("dialogue-round-1", "dialogue-round-2", "dialogue-round-3", "dialogue-round-4", "hmc-talks-2024")
RELATED_COUNT = 3
LISTING = {"search": {"boost": 0.5}}  # pages that list articles rank below the articles themselves

LABELS = {
    "ar": {"topics": "المواضيع", "topics_intro": "المقالات حسب الموضوع والسنة وجولة الحوار.", "by_topic": "حسب الموضوع",
           "by_year": "حسب السنة", "by_round": "حسب جولة الحوار", "undated": "غير مؤرخة", "articles": "مقالات",
           "timeline": "الخط الزمني", "timeline_intro": "أحداث العلاقة العراقية الأمريكية التي تناقشها المقالات، وروابط إلى الفقرات التي تذكرها.",
           "index": "الأشخاص والجهات والأماكن", "index_intro": "كل اسم بصيغتيه العربية والإنجليزية، مع روابط إلى الفقرات التي يرد فيها.",
           "person": "أشخاص", "organisation": "جهات", "place": "أماكن",
           "glossary": "المصطلحات", "glossary_intro": "مصطلحات تتكرر في المقالات، معرّفة باللغتين. في صفحات المقالات يظهر مقابل المصطلح عند تمرير المؤشر عليه أو التركيز عليه بلوحة المفاتيح.",
           "related": "مقالات ذات صلة", "all_mentions": "كل المقالات التي تذكره ({count})", "paragraph": "الفقرة", "no_articles": "لا توجد مقالات بعد."},
    "en": {"topics": "Topics", "topics_intro": "Articles by topic, by year and by round of the dialogue.", "by_topic": "By topic",
           "by_year": "By year", "by_round": "By round of the dialogue", "undated": "Undated", "articles": "articles",
           "timeline": "Timeline", "timeline_intro": "Events of the Iraq–US relationship that the articles discuss, with links to the paragraphs that mention them.",
           "index": "People, organisations and places", "index_intro": "Every name in English and Arabic, with links to the paragraphs where it appears.",
           "person": "People", "organisation": "Organisations", "place": "Places",
           "glossary": "Glossary", "glossary_intro": "Terms that recur in the articles, defined in both languages. On article pages, a term shows its translation on hover and on keyboard focus.",
           "related": "Related articles", "all_mentions": "All {count} articles that mention it", "paragraph": "¶", "no_articles": "No articles yet."},
}


class _Links:
    """Markdown links to articles from one listing page: each article's link is made once per page."""

    def __init__(self, edition: Edition, depth: int = 0):
        self.edition, self.prefix = edition, "../" * depth
        self.mark = LABELS[edition.lang]["paragraph"]
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


def render_topics(articles: list[Article], edition: Edition, vocabulary: dict[str, Tag], calendar: Calendar) -> dict[str, str]:
    labels = LABELS[edition.lang]
    links = _Links(edition, depth=1)
    pages = {}
    overview = [front_matter({"title": labels["topics"], "description": labels["topics_intro"], **LISTING}),
                literal(labels["topics_intro"]) + "\n", f"## {literal(labels['by_topic'])}\n"]
    for tag in vocabulary.values():
        tagged = newest_first([a for a in articles if tag.id in a.tags.value])
        if not tagged:
            continue
        overview.append(f"- [{literal(tag.label(edition.lang))}]({tag.id}.md) ({len(tagged)})")
        page = [front_matter({"title": tag.label(edition.lang), "description": f"{labels['topics']}: {tag.label(edition.lang)}", **LISTING})]
        page += [f"- {links.dated(a)}" for a in tagged]
        pages[f"{TOPICS_DIR}/{tag.id}.md"] = "\n".join(page) + "\n"
    overview.append(f"\n## {literal(labels['by_year'])} {{#by-year}}\n")
    by_year: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        by_year[str(article.date.value.year) if article.date.value else labels["undated"]].append(article)
    for year in sorted(by_year, reverse=True):
        overview.append(f"### {literal(year)}\n")
        overview += [f"- {links.dated(a)}" for a in newest_first(by_year[year])]
        overview.append("")
    overview.append(f"## {literal(labels['by_round'])}\n")
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
    labels = LABELS[edition.lang]
    lines = [front_matter({"title": labels["timeline"], "description": labels["timeline_intro"], **LISTING}),
             literal(labels["timeline_intro"]) + "\n"]
    ordered, links = newest_first(articles), _Links(edition)
    for event in sorted(calendar.events, key=lambda e: (e.date.sort_key(), e.id)):
        title = event.labels[edition.lang]
        lines.append(f'## <time datetime="{event.date.iso()}">{literal(edition.format_date(event.date))}</time>: '
                     f"{literal_in(title, edition.lang)} {{#{event.id}}}\n")
        discussing = [a for a in ordered if event.id in a.events]
        lines += [f"- {links.with_paragraphs(a, a.events[event.id])}" for a in discussing] or [literal(labels["no_articles"])]
        lines.append("")
    return "\n".join(lines)


def render_index(articles: list[Article], edition: Edition, names: list[Name],
                 kept: Callable[[str, list[Article]], bool] = lambda path, sources: False) -> dict[str, str | None]:
    """The index of names, with the newest articles that mention each; a page of its own for a name mentioned more often.

    A name's page is None, not rendered, when kept(path, the articles it lists) says its file is still as it should be.
    """
    labels = LABELS[edition.lang]
    other_lang = "en" if edition is ARABIC else "ar"
    lines = [front_matter({"title": labels["index"], "description": labels["index_intro"], **LISTING}), literal(labels["index_intro"]) + "\n"]
    pages = {}
    links, name_page_links = _Links(edition), _Links(edition, depth=1)
    mentioning: dict[str, list[Article]] = defaultdict(list)  # name id -> articles, newest first
    for article in newest_first(articles):
        for name_id in article.mentions:
            mentioning[name_id].append(article)
    for kind in KINDS:
        entries = [n for n in names if n.kind == kind and mentioning[n.id]]
        if not entries:
            continue
        lines.append(f"## {literal(labels[kind])}\n")
        for name in sorted(entries, key=lambda n: n.labels["ar"] if edition is ARABIC else n.labels["en"].removeprefix("the ").lower()):
            first, second = name.labels[edition.lang], name.labels[other_lang]
            both = (f'{literal(first)} · <span lang="{other_lang}" dir="{"ltr" if other_lang == "en" else "rtl"}">'
                    f"{literal(second)}</span>")
            lines.append(f"### {both} {{#{name.id}}}\n")
            found = mentioning[name.id]
            lines += [f"- {links.with_paragraphs(a, a.mentions[name.id])}" for a in found[:INDEX_LATEST]]
            if len(found) > INDEX_LATEST:
                path = f"{NAMES_DIR}/{name.id}.md"
                lines.append(f"\n[{literal(labels['all_mentions'].format(count=len(found)))}]({path})")
                pages[path] = None if kept(path, found) else _name_page(name, first, both, found, edition, name_page_links)
            lines.append("")
    pages[INDEX_PAGE] = "\n".join(lines)
    return pages


def _name_page(name: Name, first: str, both: str, found: list[Article], edition: Edition, links: _Links) -> str:
    labels = LABELS[edition.lang]
    page = [front_matter({"title": first, "description": f"{labels['index']}: {first}", **LISTING}),
            f"# {both}\n", f"[{literal(labels['index'])}](../{INDEX_PAGE}#{name.id})\n"]
    page += [f"- {links.with_paragraphs(a, a.mentions[name.id])}" for a in found]
    return "\n".join(page) + "\n"


def render_glossary(edition: Edition, glossary: list[Term]) -> str:
    labels = LABELS[edition.lang]
    lines = [front_matter({"title": labels["glossary"], "description": labels["glossary_intro"], **LISTING}), literal(labels["glossary_intro"]) + "\n"]
    for term in sorted(glossary, key=lambda t: t.labels["ar"] if edition is ARABIC else t.labels["en"].removeprefix("the ").lower()):
        other_lang = "en" if edition is ARABIC else "ar"
        own, other = term.labels[edition.lang], term.labels[other_lang]
        lines.append(f'## {literal(own)} · <span lang="{other_lang}" dir="{"ltr" if other_lang == "en" else "rtl"}">'
                     f"{literal(other)}</span> {{#{term.id}}}\n")
        lines.append(literal(term.definitions[edition.lang]) + "\n")
        lines.append(f'<p lang="{other_lang}" dir="{"ltr" if other_lang == "en" else "rtl"}" class="hiwar-other-definition">'
                     f"{literal(term.definitions[other_lang])}</p>\n")
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
    lines = [f"## {literal(LABELS[edition.lang]['related'])} {{#related}}\n"]
    lines += [f"- [{literal(page_title(a, edition))}]({a.id}.md) · {_dated(a, edition)}" for a in related]
    return "\n".join(lines) + "\n"
