"""Related articles: for each article, up to three others that share its topics, names and glossary terms.

Scores are counted for all pairs at once as a product of feature matrices (numpy), a block of rows at a time, so
that ten thousand articles cost seconds and bounded memory rather than a Python loop over a hundred million pairs.
"""

from __future__ import annotations

import numpy as np

from hiwar.model.article import Article
from hiwar.site.editions import Edition
from hiwar.site.listings import ArticleLinks
from hiwar.site.markup import heading, literal

RELATED_COUNT = 3
TAG_WEIGHT = 2  # a shared topic counts twice as much as a shared name or term
BLOCK = 1024  # rows scored at once: BLOCK × articles scores in memory


def related_map(articles: list[Article]) -> dict[str, list[str]]:
    """For each article id, the ids of up to RELATED_COUNT others sharing tags (×2), people, organisations and places,
    and glossary terms; best first, ties by id; none for an article that shares nothing."""
    ordered = sorted(articles, key=lambda a: a.id)
    ids = [a.id for a in ordered]
    columns: dict[str, int] = {}
    rows, cols, weights = [], [], []
    for row, article in enumerate(ordered):
        features = [(f"t:{t}", TAG_WEIGHT) for t in article.tags.value]
        features += [(f"n:{n}", 1) for n in article.mentions] + [(f"g:{g}", 1) for g in article.terms]
        for feature, weight in dict(features).items():
            rows.append(row)
            cols.append(columns.setdefault(feature, len(columns)))
            weights.append(weight)
    count = len(ordered)
    present = np.zeros((count, max(1, len(columns))), dtype=np.float32)
    weighted = np.zeros_like(present)
    present[rows, cols] = 1
    weighted[rows, cols] = weights
    related: dict[str, list[str]] = {}
    # Score then index as one number (score × count − index): the largest is the best score, then the smaller id.
    index = np.arange(count, dtype=np.int64)
    for start in range(0, count, BLOCK):
        scores = (weighted[start : start + BLOCK] @ present.T).astype(np.int64)
        keyed = scores * count - index
        for offset, row in enumerate(keyed):
            i = start + offset
            row[i] = -1  # not related to itself
            row[scores[offset] == 0] = -1
            take = min(RELATED_COUNT, count)
            best = np.argpartition(row, -take)[-take:] if take else []
            chosen = sorted((j for j in best if row[j] >= 0), key=lambda j: -row[j])
            related[ids[i]] = [ids[j] for j in chosen]
    return related


def feature_signature(article: Article) -> str:
    """What related_map reads of an article: when no signature changes, the related lists stay as they were."""
    return f"{article.id}:{','.join(article.tags.value)}:{','.join(sorted(article.mentions))}:{','.join(sorted(article.terms))}"


def render_related(related: list[Article], edition: Edition, page: str) -> str:
    if not related:
        return ""
    links = ArticleLinks(edition, page)
    return f"{heading(2, literal(edition.t('article.related')), id='related')}\n" + links.items(
        links.dated(a) for a in related
    )
