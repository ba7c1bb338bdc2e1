"""The build report: what each seed became, and every line left out of a page, with the reason."""

from __future__ import annotations

from hiwar.enrich.collection import Collection
from hiwar.model.languages import translation_languages


def report(collection: Collection) -> list[str]:
    """The build's report: what each seed became, and every line left out of a page, with the reason."""
    lines = []
    for article in sorted(collection.articles, key=lambda a: a.id):
        parsed = article.parsed
        lines.append(
            f"{article.seed.source}: {len(parsed.numbered)} paragraphs, "
            f"{sum(1 for b in parsed.blocks if b.kind == 'heading')} headings, {article.words} words; "
            f"date {article.date.value.edtf() if article.date.value else 'unknown'} ({article.date.origin})"
            + "".join(
                f"; translation ({lang}) {article.translation_status(lang)}"
                for lang in translation_languages(collection.languages)
            )
        )
        if parsed.wrap_width:
            lines.append(
                f"  hard-wrapped at about {parsed.wrap_width} characters a line: its lines are joined into paragraphs"
            )
        if parsed.title_line:
            lines.append(f"  line {parsed.title_line}: title")
        for removed in sorted(parsed.removed, key=lambda r: r.line):
            lines.append(f"  line {removed.line}: left out, {removed.reason}: {removed.text}")
    return lines
