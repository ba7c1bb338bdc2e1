"""Render an Article as one edition's Markdown page: YAML front-matter plus a body.

The body carries the text only; the article header (date, author, summary box, reading
time, translation notice) is drawn by the theme override from the front-matter.
"""
from __future__ import annotations

from typing import Iterable

import yaml

from hiwar.knowledge.glossary import Term
from hiwar.knowledge.vocabulary import Tag
from hiwar.model.article import AUTOMATIC, EDITORIAL, Article
from hiwar.model.seed import HEADING, LIST_ITEM, Block
from hiwar.site.editions import ARABIC, ENGLISH, Edition
from hiwar.site.markup import escaped_in, literal, literal_in

DESCRIPTION_CHARS = 160
ARTICLES_DIR = "articles"


# libyaml's emitter when PyYAML has it (same YAML, several times faster), else the Python one.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def front_matter(data: dict) -> str:
    return "---\n" + yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=10**9) + "---\n\n"


def article_path(article: Article) -> str:
    """The page's Markdown path inside an edition's folder (docs/ar/, docs/en/)."""
    return f"{ARTICLES_DIR}/{article.id}.md"


PARALLEL_DIR = "parallel"
TRANSLATIONS_PAGE = "translations.md"


def parallel_path(article: Article) -> str:
    return f"{PARALLEL_DIR}/{article.id}.md"


def is_translated(article: Article, edition: Edition) -> bool:
    return edition is ARABIC or article.translation_status("en") != "missing"


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
        "entities": article.entities.origin,
    }
    meta: dict = {
        "title": page_title(article, edition),
        "description": _description(summary or page_title(article, edition)),
        "date": date.iso() if date else None,
        "date_precision": date.precision if date else "unknown",
        "date_display": edition.format_date(date),
        "date_evidence": article.date_evidence.get(lang) if article.date_evidence else None,
        "date_origin": article.date.origin,
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
        "translation": article.translation_status("en"),
        "translated_paragraphs": article.translated_paragraphs("en"),
        "paragraphs": len(article.parsed.numbered),
        "original_title": article.title["ar"].value if lang != "ar" else None,
        "search": {"boost": 2},  # the article itself ranks above pages that only list or mention it
        "entities": [{"kind": e.kind, **e.labels} for e in article.entities.value],
        "mentions": article.mentions,
        # The theme lists the notes as "source errors" until it shows them at their marks.
        "source_errors": [{"ar": n.at.get("ar", ""), "en": n.text["en"]} for n in article.notes],
    })
    return meta


def render_article(article: Article, edition: Edition, vocabulary: dict[str, Tag], glossary: list[Term] = (),
                   related: str = "") -> str:
    page = front_matter(article_meta(article, edition, vocabulary))
    if not is_translated(article, edition):
        return page + related  # the theme shows the "translation in preparation" notice
    links = ""
    if article.translation_status("en") != "missing":
        links = f"[{edition.labels['parallel_link']}](../{parallel_path(article)})\n\n"
    return page + links + "\n".join(_body(article, edition, glossary)) + "\n" + related


def _body(article: Article, edition: Edition, glossary: list[Term] = ()) -> Iterable[str]:
    blocks = article.parsed.blocks
    glossed: set[str] = set()  # each term is glossed at its first use only
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if block.kind == HEADING:
            yield f"## {literal_in(_text(article, block, edition) or edition.labels['untranslated_heading'], edition.lang)}\n"
            index += 1
        elif block.kind == LIST_ITEM:
            run = []
            while index < len(blocks) and blocks[index].kind == LIST_ITEM:
                run.append(blocks[index])
                index += 1
            yield _list_html(article, run, edition, glossary, glossed) + "\n"
        elif block.part > 1 and edition is not ARABIC:
            index += 1  # the translation of a long line is one paragraph, under the first part's anchor
        else:
            pilcrow = _pilcrow(block, edition) if block.part == 1 else ""
            yield f'<p id="{block.anchor}">{pilcrow}{_shown(article, block, edition, glossary, glossed)}</p>\n'
            index += 1


def _text(article: Article, block: Block, edition: Edition) -> str | None:
    """The block's text in the edition's language; None where the translation has no text yet."""
    if edition is ARABIC:
        return block.text
    translation = article.translations.get(edition.lang)
    return translation.lines[block.line] if translation and translation.has(block.line) else None


def _shown(article: Article, block: Block, edition: Edition, glossary: list[Term] = (), glossed: set[str] | None = None) -> str:
    text = _text(article, block, edition)
    if text is None:
        return f'<em class="hiwar-untranslated">{literal(edition.labels["untranslated"])}</em>'
    return _with_glosses(text, edition, glossary, glossed if glossed is not None else set())


def _with_glosses(text: str, edition: Edition, glossary: list[Term], glossed: set[str]) -> str:
    """The text, with the first use of each glossary term marked to show its translation on hover and focus."""
    text = " ".join(text.split())
    found = []
    for term in glossary:
        if term.id in glossed:
            continue
        pattern = term.pattern(edition.lang)
        match = pattern.search(text) if pattern else None
        if match:
            found.append((match.start(), match.end(), term))
    html, cursor = [], 0
    for start, end, term in sorted(found, key=lambda item: item[0]):
        if start < cursor:
            continue  # overlapping terms: the first one wins
        glossed.add(term.id)
        other = "en" if edition.lang == "ar" else "ar"
        html.append(escaped_in(text[cursor:start], edition.lang))
        html.append(f'<span class="hiwar-term" tabindex="0" aria-describedby="gloss-{term.id}">'
                    f'{escaped_in(text[start:end], edition.lang)}<span class="hiwar-gloss" role="tooltip" id="gloss-{term.id}" '
                    f'lang="{other}" dir="{"ltr" if other == "en" else "rtl"}">{literal(term.labels[other])}</span></span>')
        cursor = end
    html.append(escaped_in(text[cursor:], edition.lang))
    return "".join(html)


def _pilcrow(block: Block, edition: Edition) -> str:
    label = f"{edition.labels['paragraph']} {block.number}"
    return f'<a class="hiwar-pnum" href="#p-{block.number}" aria-label="{label}">{block.number}</a> '


def _list_html(article: Article, items: list[Block], edition: Edition, glossary: list[Term] = (),
               glossed: set[str] | None = None) -> str:
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
        html.append(f'<li id="{item.anchor}">{_pilcrow(item, edition)}{_shown(article, item, edition, glossary, glossed)}')
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


# The home page shows the newest articles with their summaries; the rest are a click away, by year
# and topic, so that the page stays light on a phone however large the archive grows.
HOME_LATEST = 20


def render_home(articles: list[Article], edition: Edition, all_articles: str) -> str:
    """The edition's home page: the newest articles with date and summary, then a link to all of them."""
    lines = [front_matter({"title": edition.labels["home_title"], "description": edition.labels["home_intro"],
                           "hide": ["toc"], "home": True, "search": {"boost": 0.5}})]
    lines.append(literal(edition.labels["home_intro"]) + "\n")
    for article in newest_first(articles)[:HOME_LATEST]:
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
    if len(articles) > HOME_LATEST:
        lines.append(f"[{literal(edition.labels['all_articles'].format(count=len(articles)))}]({all_articles})\n")
    return "\n".join(lines)


def newest_first(articles: list[Article]) -> list[Article]:
    return sorted(articles, key=lambda article: article.newest_first_key)


def render_parallel(article: Article, edition: Edition, vocabulary: dict[str, Tag]) -> str:
    """Arabic and English side by side, one row per heading or paragraph; the page's language first."""
    title = page_title(article, edition)
    meta = {"title": f"{edition.labels['parallel_title']}: {title}", "description": _description(
        f"{edition.labels['parallel_title']}: {title}"), "parallel_of": article.id, "hide": ["toc"],
            "search": {"exclude": True}}  # the article page already holds this text
    order = (ARABIC, ENGLISH) if edition is ARABIC else (ENGLISH, ARABIC)
    rows = []
    for block in article.parsed.blocks:
        if block.part > 1:
            continue
        cells = []
        for side in order:
            if block.kind == HEADING:
                inner = f'<p class="hiwar-parallel-heading">{literal(_text(article, block, side) or side.labels["untranslated_heading"])}</p>'
            elif block.kind == LIST_ITEM:
                inner = f'<p class="hiwar-parallel-item" style="--level: {block.level}">{_pilcrow(block, side)}• {_full(article, block, side)}</p>'
            else:
                inner = f"<p>{_pilcrow(block, side)}{_full(article, block, side)}</p>"
            cells.append(f'<div class="hiwar-parallel-cell" lang="{side.lang}" dir="{side.dir}">{inner}</div>')
        row_id = f' id="{block.anchor}"' if block.number else ""
        rows.append(f'<div class="hiwar-parallel-row"{row_id}>{"".join(cells)}</div>')
    back = f"[{edition.labels['back_to_article']}](../{article_path(article)})\n\n"
    return front_matter(meta) + back + '<div class="hiwar-parallel">\n' + "\n".join(rows) + "\n</div>\n"


def _full(article: Article, block: Block, edition: Edition) -> str:
    """A paragraph's whole text, parts of a long line joined again (rows align whole seed lines)."""
    if edition is not ARABIC:
        return _shown(article, block, edition)
    parts = [b.text for b in article.parsed.blocks if b.line == block.line]
    return literal(" ".join(parts))


def render_translation_status(articles: list[Article], edition: Edition) -> str:
    """Per article: complete, partial or missing, with the count of translated paragraphs."""
    labels = edition.labels
    lines = [front_matter({"title": labels["status_title"], "description": labels["status_intro"], "search": {"boost": 0.5}}),
             literal(labels["status_intro"]) + "\n",
             f"| {labels['status_article']} | {labels['status_state']} | {labels['status_paragraphs']} |",
             "|---|---|---|"]
    for article in newest_first(articles):
        state = labels[f"status_{article.translation_status('en')}"]
        lines.append(f"| [{literal(page_title(article, edition))}]({article_path(article)}) | {literal(state)} | "
                     f"{article.translated_paragraphs('en')} / {len(article.parsed.numbered)} |")
    return "\n".join(lines) + "\n"
