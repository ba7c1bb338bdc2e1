"""What an article page says about itself to the tools that read pages, in the edition's language, made from the
same CSL-JSON record as the citations:

- Highwire Press `citation_*` tags: what Zotero's Embedded Metadata translator and Google Scholar read;
- Dublin Core (`DC.*`): what Zotero, Wikipedia's citation tool (html-metadata) and library harvesters read;
- schema.org JSON-LD: what search engines and linked-data tools read; it links the editions to each other
  (translationOfWork / workTranslation) and names the people and places the article is about;
- Open Graph and a Twitter card: what chat apps and social sites show in a link preview.

Dates: a format that holds a day, a month or a year but no interval gets the value or the smallest unit enclosing
it (reference.machine_date), never a padded day. Highwire writes dates with slashes (2021/07/25), as Google Scholar
asks; the others in ISO 8601 (2021-07-25). Highwire has no tag for a translation's original: the pages say it in
Dublin Core (DC.source) and JSON-LD (translationOfWork, with the original's title).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from hiwar.model.article import Article
from hiwar.site.editions import Edition
from hiwar.site.markup import json_for_script
from hiwar.site.pages import is_translated
from hiwar.site.reference import date_value, machine_date, names_of, page_url

SCHEMA_TYPE = "AnalysisNewsArticle"  # schema.org: a NewsArticle that offers interpretation and conclusions
# schema.org types of the names an article is about (names.yml kinds); organisations are not asked for.
ABOUT_TYPES = {"person": "Person", "place": "Place"}


@dataclass(frozen=True)
class MetaTag:
    attribute: str  # "name" or "property" (Open Graph)
    key: str
    content: str


@dataclass(frozen=True)
class PageMetadata:
    tags: list[MetaTag]
    json_ld: str  # JSON, made safe for a <script> element (markup.json_for_script)


def article_metadata(
    article: Article, edition: Edition, editions: Sequence[Edition], site_url: str, description: str, item: dict
) -> PageMetadata:
    """`item`: the article's csl_item in this edition."""
    url = item["URL"]
    date = machine_date(date_value(item["issued"])) if item.get("issued") else None
    others = [e for e in editions if e is not edition and is_translated(article, e)]
    other_urls = [page_url(site_url, e, article) for e in others]
    author, publisher = names_of(item.get("author")), item.get("publisher")
    original = item.get("custom", {}).get("original-URL")

    tags: list[MetaTag] = []

    def add(attribute: str, key: str, value: str | None) -> None:
        if value:
            tags.append(MetaTag(attribute, key, value))

    # Highwire Press
    add("name", "citation_title", item["title"])
    add("name", "citation_author", author)
    add("name", "citation_publication_date", date.iso().replace("-", "/") if date else None)
    add("name", "citation_language", edition.lang)
    add("name", "citation_publisher", publisher)
    add("name", "citation_public_url", url)
    # Dublin Core
    add("name", "DC.title", item["title"])
    add("name", "DC.creator", author)
    add("name", "DC.date", date.iso() if date else None)
    add("name", "DC.language", edition.lang)
    add("name", "DC.publisher", publisher)
    add("name", "DC.source", original)
    for other in other_urls:
        add("name", "DC.relation", other)
    # Open Graph and Twitter
    add("property", "og:type", "article")
    add("property", "og:title", item["title"])
    add("property", "og:description", description)
    add("property", "og:url", url)
    add("property", "og:site_name", item["container-title"])
    add("property", "og:locale", edition.t("language.og_locale"))
    for other in others:
        add("property", "og:locale:alternate", other.t("language.og_locale"))
    add("property", "article:published_time", date.iso() if date else None)
    add("name", "twitter:card", "summary")
    return PageMetadata(tags, json_for_script(_json_ld(article, edition, item, date, others, other_urls, site_url)))


def _json_ld(
    article: Article, edition: Edition, item: dict, date, others: list[Edition], other_urls: list[str], site_url: str
) -> dict:
    lang = edition.lang
    data: dict = {
        "@context": "https://schema.org",
        "@type": SCHEMA_TYPE,
        "@id": item["URL"],
        "url": item["URL"],
        "headline": item["title"],
        "inLanguage": lang,
    }  # the description is in the page's <meta> already
    if date:
        data["datePublished"] = date.iso()
    if item.get("author"):
        data["author"] = [{"@type": "Person", "name": n["literal"]} for n in item["author"]]
    if item.get("publisher"):
        data["publisher"] = {"@type": "Organization", "name": item["publisher"]}
    data["isPartOf"] = {"@type": "WebSite", "name": item["container-title"], "url": site_url}
    custom = item.get("custom") or {}
    if item.get("original-title"):
        original = {
            "@type": SCHEMA_TYPE,
            "@id": custom["original-URL"],
            "headline": item["original-title"],
            "inLanguage": custom["original-language"],
        }
        data["translationOfWork"] = original
        data["isBasedOn"] = custom["original-URL"]
        data["translator"] = [{"@type": "Organization", "name": n["literal"]} for n in item["translator"]]
    translations = [
        {"@type": SCHEMA_TYPE, "@id": url, "inLanguage": other.lang} for other, url in zip(others, other_urls)
    ]
    if not item.get("original-title") and translations:  # the original lists its translations
        data["workTranslation"] = translations
    authors = {n["literal"] for n in item.get("author", [])}  # the byline names the writer, not a subject
    about = [
        {"@type": ABOUT_TYPES[e.kind], "name": e.labels[lang]}
        for e in article.entities.value
        if e.kind in ABOUT_TYPES and e.labels.get(lang) and e.labels[lang] not in authors
    ]
    if about:
        data["about"] = about
    return data
