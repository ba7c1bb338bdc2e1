"""An Article as one edition's Markdown page: YAML front-matter (the converter's contract) plus a body.

The body carries the text: paragraphs with their ¶ numbers, headings, nested lists, glossary terms marked at their
first use, and the marks of the editors' and translators' notes, with the notes themselves after the text. The
article header (date, author, summary, reading time, translation notice) and "About this article" are drawn by the
theme from the plugin's view. Every text reaches the Markdown through markup.literal (see markup.py).
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import yaml

from hiwar.knowledge.glossary import Term
from hiwar.knowledge.vocabulary import Tag
from hiwar.model.article import AUTOMATIC, EDITORIAL, Article
from hiwar.model.dates import DateValue
from hiwar.model.editorial import Note
from hiwar.model.languages import SOURCE_LANGUAGE
from hiwar.model.seed import HEADING, LIST_ITEM, Block
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


def is_source(edition: Edition) -> bool:
    return edition.lang == SOURCE_LANGUAGE


def label_editions(edition: Edition, editions: Sequence[Edition]) -> list[Edition]:
    """The other editions a label is shown in: every other one on the original's pages, the original's elsewhere."""
    return [e for e in editions if e.lang != edition.lang and (is_source(edition) or is_source(e))]


def is_translated(article: Article, edition: Edition) -> bool:
    """Whether the edition has the article's text (the source always does)."""
    return article.translation_status(edition.lang) != "missing"


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
    notes = NoteMarks(article.notes, edition)
    body = "\n".join(_body(article, edition, editions, glossary, notes))
    return page + links + body + "\n" + notes.section() + related


@dataclass(frozen=True)
class _Mark:
    number: int
    note: Note


class NoteMarks:
    """The notes of one page, numbered in reading order: where each mark goes, and the list after the text."""

    def __init__(self, notes: Sequence[Note], edition: Edition):
        self.edition = edition
        self.by_paragraph: dict[int, list[Note]] = {}
        for note in notes:
            self.by_paragraph.setdefault(note.paragraph, []).append(note)
        self.placed: list[_Mark] = []

    def positions(self, paragraph: int | None, text: str, last: bool = True) -> list[tuple[int, _Mark]]:
        """Where in `text` (the ¶, or a part of a long one, as shown) its notes' marks go: after each note's phrase;
        in the ¶'s last part, the notes whose phrase was not found go at the end."""
        found, waiting = [], []
        for note in self.by_paragraph.get(paragraph, []) if paragraph else []:
            phrase = " ".join((note.at.get(self.edition.lang) or "").split())
            at = text.find(phrase) if phrase else -1
            if at >= 0:
                found.append((at + len(phrase), note))
            elif last:
                found.append((len(text), note))
            else:
                waiting.append(note)
        if paragraph:
            self.by_paragraph[paragraph] = waiting
        marks = []
        for position, note in sorted(found, key=lambda item: item[0]):
            mark = _Mark(len(self.placed) + 1, note)
            self.placed.append(mark)
            marks.append((position, mark))
        return marks

    def html(self, mark: _Mark) -> str:
        label = literal(self.edition.t(f"notes.{mark.note.kind}"))
        return (f'<sup class="hiwar-note-ref hiwar-note-{mark.note.kind}"><a id="note-ref-{mark.number}" '
                f'href="#note-{mark.number}" aria-label="{label} {mark.number}">{mark.number}</a></sup>')

    def section(self) -> str:
        """The notes after the text, each marked as an editor's or a translator's, linked back to its mark."""
        if not self.placed:
            return ""
        t = self.edition.t
        items = []
        for mark in self.placed:
            text = mark.note.text.get(self.edition.lang) or ""
            items.append(f'<li id="note-{mark.number}" class="hiwar-note hiwar-note-{mark.note.kind}">'
                         f'<strong>{literal(t(f"notes.{mark.note.kind}"))}:</strong> {literal_in(text, self.edition.lang)} '
                         f'<a class="hiwar-note-back" href="#note-ref-{mark.number}" aria-label="{literal(t("notes.back"))}">↩</a></li>')
        return f'## {literal(t("notes.title"))} {{#notes}}\n\n<ol class="hiwar-notes">{"".join(items)}</ol>\n\n'


def _body(article: Article, edition: Edition, editions: Sequence[Edition], glossary: Sequence[Term],
          notes: NoteMarks) -> Iterable[str]:
    blocks = article.parsed.blocks
    glossed: set[str] = set()  # each term is glossed at its first use only
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if block.kind == HEADING:
            yield f"## {literal_in(_text(article, block, edition) or edition.t('article.untranslated_heading'), edition.lang)}\n"
            index += 1
        elif block.kind == LIST_ITEM:
            run = []
            while index < len(blocks) and blocks[index].kind == LIST_ITEM:
                run.append(blocks[index])
                index += 1
            yield _list_html(article, run, edition, editions, glossary, glossed, notes) + "\n"
        elif block.part > 1 and not is_source(edition):
            index += 1  # the translation of a long line is one paragraph, under the first part's anchor
        else:
            pilcrow = _pilcrow(block, edition) if block.part == 1 else ""
            last_part = not any(b.line == block.line and b.part > block.part for b in blocks[index + 1:index + 2])
            shown = _shown(article, block, edition, editions, glossary, glossed, notes, last_part)
            yield f'<p id="{block.anchor}">{pilcrow}{shown}</p>\n'
            index += 1


def _text(article: Article, block: Block, edition: Edition) -> str | None:
    """The block's text in the edition's language; None where the translation has no text yet."""
    if is_source(edition):
        return block.text
    translation = article.translations.get(edition.lang)
    return translation.lines[block.line] if translation and translation.has(block.line) else None


def _shown(article: Article, block: Block, edition: Edition, editions: Sequence[Edition], glossary: Sequence[Term] = (),
           glossed: set[str] | None = None, notes: NoteMarks | None = None, last_part: bool = True) -> str:
    text = _text(article, block, edition)
    if text is None:
        return f'<em class="hiwar-untranslated">{literal(edition.t("article.untranslated"))}</em>'
    text = " ".join(text.split())
    marks = notes.positions(block.number, text, last_part) if notes is not None else []
    return _decorated(text, edition, editions, glossary, glossed if glossed is not None else set(), marks, notes)


def _decorated(text: str, edition: Edition, editions: Sequence[Edition], glossary: Sequence[Term], glossed: set[str],
               marks: list[tuple[int, _Mark]], notes: NoteMarks | None) -> str:
    """The text as HTML, with the first use of each glossary term marked to show it in the other languages on hover
    and focus, and the notes' marks after their phrases."""
    found = []
    for term in glossary:
        if term.id in glossed:
            continue
        pattern = term.pattern(edition.lang)
        match = pattern.search(text) if pattern else None
        if match:
            found.append((match.start(), match.end(), term))
    spans = []
    cursor = 0
    for start, end, term in sorted(found, key=lambda item: item[0]):
        if start >= cursor:  # overlapping terms: the first one wins
            spans.append((start, end, term))
            glossed.add(term.id)
            cursor = end
    # A mark that would fall inside a glossed term goes after it.
    marks = [(next((end for start, end, _ in spans if start < position < end), position), mark) for position, mark in marks]
    html, cursor = [], 0
    events = sorted([(start, 1, ("term", end, term)) for start, end, term in spans] +
                    [(position, 0, ("mark", mark)) for position, mark in marks], key=lambda item: (item[0], item[1]))
    for position, _, event in events:
        html.append(escaped_in(text[cursor:position], edition.lang))
        cursor = position
        if event[0] == "mark":
            html.append(notes.html(event[1]))
        else:
            _, end, term = event
            html.append(f'<span class="hiwar-term" tabindex="0" aria-describedby="gloss-{term.id}">'
                        f'{escaped_in(text[position:end], edition.lang)}{_gloss(term, edition, editions)}</span>')
            cursor = end
    html.append(escaped_in(text[cursor:], edition.lang))
    return "".join(html)


def _gloss(term: Term, edition: Edition, editions: Sequence[Edition]) -> str:
    """The term in the other languages, shown on hover and focus: on a translation's page the original's; on the
    original's, every translation's."""
    others = label_editions(edition, editions)
    opening = f'<span class="hiwar-gloss" role="tooltip" id="gloss-{term.id}"'
    if len(others) == 1:
        (other,) = others
        return f'{opening} lang="{other.lang}" dir="{other.dir}">{literal(term.labels[other.lang])}</span>'
    inner = " · ".join(f'<span lang="{e.lang}" dir="{e.dir}">{literal(term.labels[e.lang])}</span>' for e in others)
    return f"{opening}>{inner}</span>"


def _pilcrow(block: Block, edition: Edition) -> str:
    label = f"{literal(edition.t('article.paragraph'))} {block.number}"
    return f'<a class="hiwar-pnum" href="#p-{block.number}" aria-label="{label}">{block.number}</a> '


def _list_html(article: Article, items: list[Block], edition: Edition, editions: Sequence[Edition],
               glossary: Sequence[Term], glossed: set[str], notes: NoteMarks) -> str:
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
        shown = _shown(article, item, edition, editions, glossary, glossed, notes)
        html.append(f'<li id="{item.anchor}">{_pilcrow(item, edition)}{shown}')
        following = items[position + 1] if position + 1 < len(items) else None
        if following is None or following.level <= item.level:
            html.append("</li>")
    while depth > 0:
        html.append("</ul></li>")
        depth -= 1
    html.append("</ul>")
    return "".join(html)


def description(text: str) -> str:
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
    for block in article.parsed.blocks:
        if block.part > 1:
            continue
        cells = []
        for side in order:
            if block.kind == HEADING:
                inner = (f'<p class="hiwar-parallel-heading">'
                         f'{literal(_text(article, block, side) or side.t("article.untranslated_heading"))}</p>')
            elif block.kind == LIST_ITEM:
                inner = (f'<p class="hiwar-parallel-item hiwar-level-{block.level}">{_pilcrow(block, side)}• '
                         f'{_full(article, block, side, editions)}</p>')
            else:
                inner = f"<p>{_pilcrow(block, side)}{_full(article, block, side, editions)}</p>"
            cells.append(f'<div class="hiwar-parallel-cell" lang="{side.lang}" dir="{side.dir}">{inner}</div>')
        row_id = f' id="{block.anchor}"' if block.number else ""
        rows.append(f'<div class="hiwar-parallel-row"{row_id}>{"".join(cells)}</div>')
    back = f"[{literal(edition.t('article.back_to_article'))}](../{article_path(article)})\n\n"
    return front_matter(meta) + back + '<div class="hiwar-parallel">\n' + "\n".join(rows) + "\n</div>\n"


def _full(article: Article, block: Block, edition: Edition, editions: Sequence[Edition]) -> str:
    """A paragraph's whole text, parts of a long line joined again (rows align whole seed lines)."""
    if not is_source(edition):
        return _shown(article, block, edition, editions)
    parts = [b.text for b in article.parsed.blocks if b.line == block.line]
    return literal(" ".join(parts))
