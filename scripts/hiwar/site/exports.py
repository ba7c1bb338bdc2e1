"""Files for reference managers (Zotero, Mendeley, EndNote, BibLaTeX): per article and edition, and one collection
of every article in every edition, each in three formats made from the same CSL-JSON records (reference.py, made from
what each article's page states, model/page.py):

- CSL-JSON: the records themselves, but an interval's date is the smallest unit enclosing it, with the exact window
  in words in the note. CSL-JSON can hold an interval, but the programs that read it mishandle one: Zotero's import
  keeps its first day (a day the evidence does not fix), citeproc-py drops the year of an interval inside a year and
  fails on one inside a month;
- RIS: written with rispy; RIS has no interval, so an interval's date is the smallest unit enclosing it (none when
  it runs across years), and its exact window is given in words in a note;
- BibTeX (biblatex @online, citations.biblatex): exact dates, intervals included.

Per article: `<edition>/citations/SLUG.<lang>.{csl.json,ris,bib}` (the language in the name, so that files saved
from both editions do not collide); the collection: `citations/hiwar.{csl.json,ris,bib}` at the site root, where the
English entries are marked as translations of the Arabic ones (biblatex `related`/`translationof`, CSL
`original-title`, RIS `OP`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import rispy

from hiwar.knowledge.vocabulary import Tag
from hiwar.model.article import Article
from hiwar.model.dates import DateValue
from hiwar.site.citations import biblatex
from hiwar.site.editions import Edition
from hiwar.site.pages import is_translated
from hiwar.site.reference import csl_date, csl_item, date_value, items_of, machine_date

FOLDER = "citations"
COLLECTION = "hiwar"


class RisWriter(rispy.RisWriter):
    """RIS records as the format has them: rispy's writer puts a numbered line ("1.") before each, which its own
    reader skips but other readers need not."""

    def set_header(self, count: int) -> str:
        return ""


@dataclass(frozen=True)
class Format:
    label: str  # the format's name, as reference managers call it
    suffix: str
    media_type: str


FORMATS = (
    Format("CSL-JSON", "csl.json", "application/vnd.citationstyles.csl+json"),
    Format("RIS", "ris", "application/x-research-info-systems"),
    Format("BibTeX", "bib", "application/x-bibtex"),
)


def article_file(article: Article, edition: Edition, fmt: Format) -> str:
    """Where an article's reference in one format lives, relative to the site root."""
    return f"{edition.prefix}{FOLDER}/{article.id}.{edition.lang}.{fmt.suffix}"


def collection_file(fmt: Format) -> str:
    return f"{FOLDER}/{COLLECTION}.{fmt.suffix}"


# ---- formats -----------------------------------------------------------------------------------------------------
def csl_json(items: Sequence[dict], editions: Sequence[Edition]) -> bytes:
    by_lang = {edition.lang: edition for edition in editions}
    records = [_csl_record(item, by_lang[item["language"]]) for item in items]
    return (json.dumps(records, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _csl_record(item: dict, edition: Edition) -> dict:
    """The record as the CSL-JSON file gives it: an interval becomes the unit enclosing it (none when it runs across
    years) and its window, in words, the note (Zotero's Extra)."""
    if not item.get("issued") or len(item["issued"]["date-parts"]) == 1:
        return item
    value = date_value(item["issued"])
    unit = machine_date(value)
    record = {
        key: csl_date(unit) if key == "issued" else data
        for key, data in item.items()
        if key != "issued" or unit is not None
    }
    record["note"] = _window_note(value, edition)
    return record


def _window_note(value: DateValue, edition: Edition) -> str:
    """An interval in words, for formats whose date cannot hold it: "Published: between 15 and 19 August 2020"."""
    return f"{edition.t('article.published')} {edition.format_date(value)}"


def ris(items: Sequence[dict], editions: Sequence[Edition]) -> bytes:
    by_lang = {edition.lang: edition for edition in editions}
    return rispy.dumps(
        [_ris_entry(item, by_lang[item["language"]]) for item in items], implementation=RisWriter
    ).encode("utf-8")


def bibtex(items: Sequence[dict], editions: Sequence[Edition], related: bool) -> bytes:
    return "\n".join(biblatex(item, editions, related) for item in items).encode("utf-8")


def _ris_entry(item: dict, edition: Edition) -> dict:
    entry: dict = {"type_of_reference": "ELEC", "id": item["id"], "title": item["title"]}
    if item.get("author"):
        entry["authors"] = [name["literal"] for name in item["author"]]
    if item.get("translator"):
        # A4, "subsidiary author": where RIS puts a translator.
        entry["subsidiary_authors"] = [name["literal"] for name in item["translator"]]
    notes = []
    if item.get("issued"):
        value = date_value(item["issued"])
        unit = machine_date(value)
        if unit is not None:
            # RIS dates are YYYY/MM/DD/ with the unknown parts left empty.
            entry["year"] = str(unit.year)
            entry["date"] = (
                f"{unit.year:04d}/{f'{unit.month:02d}' if unit.month else ''}/{f'{unit.day:02d}' if unit.day else ''}/"
            )
        if unit != value:
            notes.append(_window_note(value, edition))  # RIS cannot hold an interval
    entry["secondary_title"] = item["container-title"]
    if item.get("publisher"):
        entry["publisher"] = item["publisher"]
    entry["urls"] = [item["URL"]]
    entry["language"] = item["language"]
    if item.get("abstract"):
        entry["abstract"] = " ".join(item["abstract"].split())
    if item.get("original-title"):
        entry["original_publication"] = item["original-title"]
        notes.append(item["custom"]["original-URL"])
    if notes:
        entry["notes"] = notes
    return entry


# ---- files ------------------------------------------------------------------------------------------------------
def edition_files(
    edition: Edition,
    editions: Sequence[Edition],
    articles: Iterable[Article],
    site_url: str,
    vocabulary: Mapping[str, Tag],
) -> dict[str, bytes]:
    """One edition's per-article files (every article whose text the edition has), by path from the site root."""
    files = {}
    for article in articles:
        if article_paths(article, edition):
            files.update(article_files(article, edition, editions, site_url, vocabulary))
    return files


def article_paths(article: Article, edition: Edition) -> list[str]:
    """The files edition_files makes for the article: none while the edition has no text of it."""
    return [article_file(article, edition, fmt) for fmt in FORMATS] if is_translated(article, edition) else []


def article_files(
    article: Article, edition: Edition, editions: Sequence[Edition], site_url: str, vocabulary: Mapping[str, Tag]
) -> dict[str, bytes]:
    items = [csl_item(article, edition, editions, site_url, vocabulary)]
    made = (csl_json(items, editions), ris(items, editions), bibtex(items, editions, related=False))
    return {article_file(article, edition, fmt): data for fmt, data in zip(FORMATS, made)}


def collection_files(
    editions: Sequence[Edition],
    articles: Iterable[Article],
    site_url: str,
    vocabulary: Mapping[str, Tag],
    records: Callable[[Article], list[dict]] | None = None,
) -> dict[str, bytes]:
    """The whole archive in every edition, newest article first, each original followed by its translations;
    `records` gives an article's records (items_of, or the same kept from an earlier build)."""
    records = records or (lambda article: items_of(article, editions, site_url, vocabulary))
    items = [item for article in articles for item in records(article)]
    return {
        collection_file(FORMATS[0]): csl_json(items, editions),
        collection_file(FORMATS[1]): ris(items, editions),
        collection_file(FORMATS[2]): bibtex(items, editions, related=True),
    }


__all__ = [
    "FORMATS",
    "Format",
    "article_file",
    "article_files",
    "article_paths",
    "collection_file",
    "collection_files",
    "csl_item",
    "edition_files",
]
