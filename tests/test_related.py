"""Related articles at the level of the module: the block-wise matrix scoring gives exactly what the definition says
(shared tags count twice, shared names and glossary terms once; best first, ties by id; nothing when nothing is
shared), checked against the definition written out pair by pair on generated archives."""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field

from hypothesis import given, settings
from hypothesis import strategies as st

from hiwar.site import related


@dataclass
class _Sourced:
    value: list


@dataclass
class _Article:
    id: str
    tags: _Sourced
    mentions: dict = field(default_factory=dict)
    terms: dict = field(default_factory=dict)


def by_definition(articles) -> dict[str, list[str]]:
    result = {}
    for a in articles:
        scored = []
        for b in articles:
            if a is b:
                continue
            score = (
                2 * len(set(a.tags.value) & set(b.tags.value))
                + len(set(a.mentions) & set(b.mentions))
                + len(set(a.terms) & set(b.terms))
            )
            if score:
                scored.append((-score, b.id))
        result[a.id] = [other for _, other in heapq.nsmallest(related.RELATED_COUNT, scored)]
    return result


ARTICLE = st.builds(
    lambda tags, names, terms: (tags, names, terms),
    st.lists(st.sampled_from(["iran", "isis", "elections", "coalition"]), max_size=3, unique=True),
    st.lists(st.sampled_from([f"name-{n}" for n in range(8)]), max_size=5, unique=True),
    st.lists(st.sampled_from(["pmf", "sfa"]), max_size=2, unique=True),
)


@given(st.lists(ARTICLE, min_size=1, max_size=40))
@settings(max_examples=200, deadline=None)
def test_the_matrix_scoring_agrees_with_the_definition(features):
    articles = [
        _Article(f"a{n:03d}", _Sourced(tags), dict.fromkeys(names, [1]), dict.fromkeys(terms, [1]))
        for n, (tags, names, terms) in enumerate(features)
    ]
    assert related.related_map(articles) == by_definition(articles)


def test_blocks_give_the_same_answer_as_one_block(monkeypatch):
    articles = [
        _Article(f"a{n:03d}", _Sourced(["iran"] if n % 3 else ["isis"]), {f"name-{n % 7}": [1]}) for n in range(50)
    ]
    whole = related.related_map(articles)
    monkeypatch.setattr(related, "BLOCK", 7)
    assert related.related_map(articles) == whole == by_definition(articles)
