"""An article as a reference: one CSL-JSON record per article and edition, the one source of every citation the
site gives (the suggested citation on the page, the CSL-JSON, RIS and BibTeX exports).

CSL-JSON (the Citation Style Language's data format) is what Zotero, Mendeley and citeproc read and write; it can
hold a date at any precision and an interval exactly (`issued.date-parts` with two ends), so the record is exact
and every format takes from it what it can hold (exports.py: what each file gives). Authors only where the text states them; the publisher is
the site that first published the article, when it is known; a translation names its original (title, language and
edition) and its translator.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from hiwar.knowledge.vocabulary import Tag
from hiwar.model.article import Article
from hiwar.model.dates import DateRange, DateValue, PartialDate
from hiwar.model.languages import SOURCE_LANGUAGE
from hiwar.site.editions import Edition
from hiwar.site.pages import ARTICLES_DIR, article_page, is_translated
from hiwar.site.urls import href
from hiwar.site.urls import page_url as served_at

# The kind of item: an article on a website (Zotero's "Web Page"; RIS ELEC; biblatex @online).
CSL_TYPE = "webpage"


def page_url(site_url: str, edition: Edition, article: Article) -> str:
    """The public address of the article's page in an edition."""
    return f"{site_url.rstrip('/')}/{href(edition.prefix + served_at(f'{ARTICLES_DIR}/{article.id}.md'))}"


def names_of(names: list[dict] | None) -> str | None:
    """A record's author or translator list as one text ("A; B"), or None when there is none."""
    return "; ".join(name["literal"] for name in names) if names else None


def reference_id(article: Article, edition: Edition) -> str:
    """The record's key, the same in every format (CSL id, RIS ID, BibTeX key): hiwar:SLUG:LANG."""
    return f"hiwar:{article.id}:{edition.lang}"


def source_edition(editions: Sequence[Edition]) -> Edition:
    return next(e for e in editions if e.lang == SOURCE_LANGUAGE)


def csl_item(
    article: Article, edition: Edition, editions: Sequence[Edition], site_url: str, vocabulary: Mapping[str, Tag]
) -> dict:
    """The CSL-JSON record of the article's page in `edition` (its language, its title, its address): what the page's
    front matter states (pages.article_page), and, for a translation, the original's title as its page states it."""
    lang = edition.lang
    page = article_page(article, edition, vocabulary)
    item: dict = {"id": reference_id(article, edition), "type": CSL_TYPE, "title": page.title}
    if page.author:
        # A literal name: Arabic names do not split into given and family names the way CSL assumes.
        item["author"] = [{"literal": page.author}]
    date = page.date_value
    if date is not None:
        item["issued"] = csl_date(date)
    item["container-title"] = edition.t("site.name")
    if page.publisher:
        item["publisher"] = page.publisher
    item["URL"] = page_url(site_url, edition, article)
    item["language"] = lang
    if page.summary:
        item["abstract"] = page.summary
    if lang != SOURCE_LANGUAGE:
        source = source_edition(editions)
        item["original-title"] = article_page(article, source, vocabulary).title
        item["translator"] = [{"literal": edition.t("cite.translator")}]
        # CSL has no variable for the original's address; `custom` is CSL-JSON's place for such data.
        item["custom"] = {
            "translation-of": reference_id(article, source),
            "original-language": source.lang,
            "original-URL": page_url(site_url, source, article),
        }
    return item


def items_of(article: Article, editions: Sequence[Edition], site_url: str, vocabulary: Mapping[str, Tag]) -> list[dict]:
    """The records of every edition that has the article's text (a translation in preparation has none)."""
    return [
        csl_item(article, edition, editions, site_url, vocabulary)
        for edition in editions
        if is_translated(article, edition)
    ]


# ---- dates ------------------------------------------------------------------------------------------------------
def csl_date(value: DateValue) -> dict:
    """A date value as CSL-JSON `date-parts`: [[2021, 7, 25]], [[2021, 7]], [[2021]], or both ends of an interval."""
    ends = [value.start, value.end] if isinstance(value, DateRange) else [value]
    return {"date-parts": [_parts(end) for end in ends]}


def date_value(issued: dict) -> DateValue:
    """The date value a CSL-JSON date holds (the inverse of csl_date)."""
    ends = [PartialDate(*parts) for parts in issued["date-parts"]]
    return ends[0] if len(ends) == 1 else DateRange(*ends)


def machine_date(value: DateValue | None) -> PartialDate | None:
    """The date for formats that hold a day, a month or a year but no interval (Highwire, Dublin Core, schema.org,
    Open Graph, RIS): the value itself, or the smallest day, month or year enclosing an interval (2024 for
    2024-01-30/2024-02-02); None when an interval runs across years, so no year is stated that the value does not fix."""
    return value.enclosing() if value is not None else None


def _parts(date: PartialDate) -> list[int]:
    return [part for part in (date.year, date.month, date.day) if part is not None]
