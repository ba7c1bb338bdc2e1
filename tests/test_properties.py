"""Property-based: over random Arabic, Latin, punctuation and markup, conversion never crashes, the
front-matter parses, every word of the input reaches the page, and no element or attribute comes from the text."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import markdown
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pymdownx.slugs import slugify

from conftest import ROOT, split_page
from hiwar.enrich.article import enrich
from hiwar.ingest.reader import read_article
from hiwar.ingest.seed import read_seed
from hiwar.knowledge.glossary import load_glossary
from hiwar.model.editorial import Editorial
from hiwar.problems import InputError
from hiwar.site.editions import load_editions
from hiwar.site.pages import render_article

settings.register_profile(
    "ci", max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci" if os.environ.get("CI") else "dev")

ARABIC_WORDS = [
    "الحوار",
    "الاستراتيجي",
    "بغداد",
    "واشنطن",
    "القوات",
    "الأمريكية",
    "إيران",
    "الكاظمي",
    "السوداني",
    "الفصائل",
    "الانسحاب",
    "اتفاقية",
    "مؤتمر",
    "ـــ",
    "العُليا",
    "كانون",
    "الثاني",
    "٢٠٢١",
    "هيئة",
]
ARABIC_WORDS_WITH_TERMS = ["الحشد الشعبي", "فيلق القدس", "والتحالف الدولي", "الإطار التنسيقي"]  # glossary terms
LATIN_WORDS = ["Biden", "NATO", "alert", "javascript", "onclick", "config", "site_name", "x", "y"]
MARKUP = [
    "<script>",
    "</script>",
    "<b>",
    "<img src=x onerror=alert(1)>",
    "&amp;",
    "&#60;",
    "&lt;",
    "[x](javascript:alert(1))",
    "](",
    "*",
    "**",
    "_",
    "__",
    "`",
    "```",
    "---",
    "===",
    "!!!",
    "???",
    "--8<--",
    "{: #id .cls onclick=x }",
    "{",
    "}",
    "$",
    "$$",
    "\\(",
    "\\)",
    "{{",
    "}}",
    "{%",
    "%}",
    "#",
    "##",
    "|",
    ">",
    "- ",
    "+ ",
    "1. ",
    "2021.",
    "~~",
    "==",
    "^^",
    "++",
    ":",
    "title:",
    "...",
    "<!--",
    "-->",
    "[[",
    "]]",
    "[^1]",
    "@",
    "\\",
    "'",
    '"',
    "«",
    "»",
    "؛",
    "،",
    "؟",
]
TOKEN = st.one_of(
    st.sampled_from(ARABIC_WORDS),
    st.sampled_from(ARABIC_WORDS_WITH_TERMS),
    st.sampled_from(LATIN_WORDS),
    st.sampled_from(MARKUP),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=3),
)
LINE = st.tuples(
    st.sampled_from(["", "", "  • ", "    • ", "    ", "\t", "# "]), st.lists(TOKEN, min_size=1, max_size=25)
).map(lambda t: t[0] + " ".join(t[1]))
SEED_TEXT = st.lists(LINE, min_size=1, max_size=12).map(lambda lines: "\n\n".join(lines))
OPENING = "يتناول هذا المقال الحوار الاستراتيجي بين العراق والولايات المتحدة وما يترتب عليه من نتائج سياسية وأمنية."

WORD = re.compile(r"[^\W_]+")
ALLOWED = {
    "h2": {"id"},
    "p": {"id"},
    "li": {"id"},
    "ul": set(),
    "a": {"class", "href", "aria-label", "title"},
    "span": {"class", "tabindex", "aria-describedby", "role", "id", "lang", "dir"},
}
GLOSSARY = load_glossary(ROOT / "editorial" / "glossary.yml")
EDITIONS = load_editions(["ar", "en"])
ARABIC, ENGLISH = EDITIONS
# The site's Markdown extensions (mkdocs.yml), so that what is checked is what the site renders.
RENDER = markdown.Markdown(
    extensions=["attr_list", "toc"], extension_configs={"toc": {"permalink": "#", "slugify": slugify(case="lower")}}
)


def convert(text: str, directory: Path):
    path = directory / "seed.txt"
    path.write_text(text, encoding="utf-8")
    seed = read_seed(path, "seeds/seed.txt")
    parsed = read_article(seed)
    article = enrich(seed, parsed, Editorial(), None, {})
    return parsed, article


@given(SEED_TEXT)
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
def test_random_text_converts_into_a_page_that_says_only_what_the_text_says(body):
    text = OPENING + "\n\n" + body
    with tempfile.TemporaryDirectory() as directory:
        try:
            parsed, article = convert(text, Path(directory))
        except InputError as err:
            assert str(err).startswith("seeds/seed.txt: ")
            return
    for edition in (ARABIC, ENGLISH):
        meta, _ = split_page(render_article(article, edition, EDITIONS, {}))
        assert isinstance(meta["title"], str) and meta["seed"] == "seed.txt"
    meta, page_body = split_page(render_article(article, ARABIC, EDITIONS, {}, GLOSSARY))
    RENDER.reset()
    soup = BeautifulSoup(RENDER.convert(page_body), "html.parser")
    for gloss in soup.select(".hiwar-gloss"):  # our translation of a glossary term, not the text
        gloss.extract()
    for element in soup.find_all(True):
        assert element.name in ALLOWED, element
        assert set(element.attrs) <= ALLOWED[element.name], element
        if element.name == "a":
            assert element["href"].startswith("#"), element
    shown = (
        soup.get_text(" ")
        + " "
        + meta["title"]
        + " "
        + " ".join([meta.get("author") or "", parsed.date_line or ""] + [removed.text for removed in parsed.removed])
    )
    shown_words = set(WORD.findall(shown))
    missing = [w for w in WORD.findall(read_seed_text(text)) if w not in shown_words]
    assert not missing


def read_seed_text(text: str) -> str:
    """The input as the reader sees it after normalisation (invisible characters neutralised)."""
    from hiwar.ingest.seed import normalise

    return normalise(text)
