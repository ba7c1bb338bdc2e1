"""Planning an edition's generated pages (site/generate.py): each page has a key (its Markdown, the site's
fingerprint and the edition) and an inputs key (what it is made of). A page whose recorded inputs key is unchanged
is not even made into Markdown; one whose Markdown is unchanged is made but not rendered again."""

from __future__ import annotations

import dataclasses
import shutil

import pytest

from conftest import FIXTURES, vocabulary_only
from hiwar.build import plan as generate
from hiwar.build.plan import Recorded, generated_paths, plan_edition, related_articles, render_pages
from hiwar.enrich.collection import collect
from hiwar.model.article import Sourced
from hiwar.site.editions import load_editions

EDITIONS = load_editions(["ar", "en"])
ARABIC, ENGLISH = EDITIONS
STEMS = ("date_line", "headings", "nested_bullets")


@pytest.fixture(scope="module")
def collection(tmp_path_factory):
    base = tmp_path_factory.mktemp("generate")
    seeds = base / "seeds"
    seeds.mkdir()
    for stem in STEMS:
        shutil.copy(FIXTURES / "traits" / f"{stem}.txt", seeds / f"{stem}.txt")
    result = collect(seeds, vocabulary_only(base))
    assert not result.problems
    return result


@pytest.fixture
def renders(monkeypatch) -> list[str]:
    """The ids of the articles whose pages are made into Markdown."""
    made: list[str] = []
    render = generate.render_article

    def counted(article, *args, **kwargs):
        made.append(article.id)
        return render(article, *args, **kwargs)

    monkeypatch.setattr(generate, "render_article", counted)
    return made


def plan(collection, edition=ARABIC, recorded=lambda src_uri: None, fingerprint="site", related=None):
    return plan_edition(collection, edition, EDITIONS, related or related_articles(collection), fingerprint, recorded)


def as_recorded(planned, **changes):
    return lambda src_uri: (
        dataclasses.replace(Recorded(planned[src_uri].key, planned[src_uri].inputs), **changes)
        if src_uri in planned
        else None
    )


def article_pages(planned):
    return {src_uri: page for src_uri, page in planned.items() if "/articles/" in src_uri}


def test_every_generated_page_of_an_edition_is_planned_with_its_markdown(collection, renders):
    planned = plan(collection)
    assert {f"ar/articles/{stem}.md" for stem in STEMS} | {
        "ar/index.md",
        "ar/glossary.md",
        "ar/people.md",
        "ar/translations.md",
        "ar/topics/index.md",
    } <= set(planned)
    assert all(src_uri.startswith("ar/") and page.src_uri == src_uri for src_uri, page in planned.items())
    assert all(page.markdown.startswith("---\n") for page in planned.values())
    assert sorted(renders) == sorted(STEMS)
    assert {page.inputs for src_uri, page in planned.items() if "/articles/" not in src_uri} == {""}  # listings


def test_a_page_whose_inputs_are_unchanged_is_not_made_again(collection, renders):
    first = plan(collection)
    renders.clear()
    again = plan(collection, recorded=as_recorded(first))
    assert renders == []
    assert {src_uri: (page.key, page.inputs) for src_uri, page in again.items()} == {
        src_uri: (page.key, page.inputs) for src_uri, page in first.items()
    }
    assert all(page.markdown is None for page in again.values())


def test_a_page_whose_markdown_is_unchanged_is_made_but_not_rendered_again(collection, renders):
    first = plan(collection)
    renders.clear()
    again = plan(collection, recorded=as_recorded(first, inputs="made of other inputs"))
    assert sorted(renders) == sorted(STEMS)  # the inputs key does not say: the Markdown is made, and compared
    assert all(page.markdown is None for page in again.values())
    assert {src_uri: page.key for src_uri, page in again.items()} == {
        src_uri: page.key for src_uri, page in first.items()
    }


def test_a_page_whose_markdown_changed_is_rendered(collection):
    first = plan(collection)
    again = plan(collection, recorded=as_recorded(first, key="made of other markdown", inputs="other inputs"))
    assert all(page.markdown == first[src_uri].markdown for src_uri, page in again.items())


def test_a_page_recorded_with_the_same_inputs_but_another_key_keeps_the_recorded_key_until_its_inputs_change(
    collection,
):
    """The inputs key decides alone: a recorded page made of the same inputs is taken as it is."""
    first = plan(collection)
    again = plan(collection, recorded=as_recorded(first, key="recorded"))
    assert {page.key for page in article_pages(again).values()} == {"recorded"}


def test_the_keys_follow_the_sites_fingerprint(collection):
    one, other = plan(collection, fingerprint="templates v1"), plan(collection, fingerprint="templates v2")
    assert all(one[src_uri].markdown == other[src_uri].markdown for src_uri in one)
    assert not {page.key for page in one.values()} & {page.key for page in other.values()}
    assert not {p.inputs for p in article_pages(one).values()} & {p.inputs for p in article_pages(other).values()}


def test_the_same_text_in_two_editions_has_two_keys(collection):
    arabic, english = plan(collection), plan(collection, ENGLISH)
    assert {src_uri[3:] for src_uri in arabic} == {src_uri[3:] for src_uri in english}
    assert not {page.key for page in arabic.values()} & {page.key for page in english.values()}


def test_an_article_page_is_made_of_its_conversion_and_of_the_cards_of_the_articles_it_lists(collection, monkeypatch):
    by_id = {article.id: article for article in collection.articles}
    related = {"date_line": [by_id["headings"]], "headings": [], "nested_bullets": []}
    first = article_pages(plan(collection, related=related))

    monkeypatch.setitem(collection.cache.keys, "nested_bullets", "the seed was edited")
    converted = article_pages(plan(collection, related=related))
    assert [src for src in first if first[src].inputs != converted[src].inputs] == ["ar/articles/nested_bullets.md"]
    monkeypatch.undo()

    retitled = dataclasses.replace(
        by_id["headings"], title={**by_id["headings"].title, "ar": Sourced("عنوان جديد", "editorial")}
    )
    shown = article_pages(plan(collection, related={**related, "date_line": [retitled]}))
    assert [src for src in first if first[src].inputs != shown[src].inputs] == ["ar/articles/date_line.md"]


def test_related_articles_are_scored_again_only_when_some_articles_features_change(collection, monkeypatch):
    scored = []
    related_map = generate.related_map
    monkeypatch.setattr(generate, "related_map", lambda articles: scored.append(1) or related_map(articles))
    monkeypatch.setattr(collection.cache, "pages", {})
    first = related_articles(collection)
    assert related_articles(collection) == first and len(scored) == 1
    assert set(first) == set(STEMS) and all(article.id != id_ for id_, shown in first.items() for article in shown)
    retagged = dataclasses.replace(collection.articles[0], tags=Sourced(["elections"], "editorial"))
    monkeypatch.setattr(collection, "articles", [retagged, *collection.articles[1:]])
    related_articles(collection)
    assert len(scored) == 2


def test_make_pages_gets_every_page_of_every_edition_and_owns_their_folders(collection):
    pages = render_pages(collection, EDITIONS)
    assert pages == {
        **{s: p.markdown for s, p in plan(collection, fingerprint="").items()},
        **{s: p.markdown for s, p in plan(collection, ENGLISH, fingerprint="").items()},
    }
    owned = generated_paths(EDITIONS)
    assert {"ar/index.md", "ar/articles", "en/articles", "en/parallel", "en/glossary.md"} <= set(owned)
    assert "ar/about.md" not in owned and "en/about.md" not in owned  # hand-written
    assert all(any(path == root or path.startswith(root + "/") for root in owned) for path in pages)
