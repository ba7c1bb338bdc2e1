"""Synthetic archives for the benchmarks and the large-archive tests (tools/synthetic.py): N seeds made from the real
ones, each a distinct article with its own title line, date line and paragraphs, the same N giving the same files."""

from __future__ import annotations

from hiwar.ingest.reader import read_article
from hiwar.ingest.seed import read_seed
from hiwar_tools.synthetic import synthetic_seeds


def test_each_synthetic_seed_reads_as_its_own_dated_article(tmp_path):
    synthetic_seeds(tmp_path / "seeds", 7)
    paths = sorted((tmp_path / "seeds").glob("*.txt"))
    assert [p.name for p in paths] == [f"{n:05d}_synthetic.txt" for n in range(7)]
    parsed = [read_article(read_seed(path)) for path in paths]
    assert all(p.title and p.date and p.blocks for p in parsed)
    assert len({p.title for p in parsed}) == 7
    paragraphs = [block.text for p in parsed for block in p.blocks]
    assert len(paragraphs) == len(set(paragraphs))  # no paragraph is shared between two articles


def test_the_same_count_gives_the_same_archive(tmp_path):
    synthetic_seeds(tmp_path / "a", 5)
    synthetic_seeds(tmp_path / "b", 5)
    assert [p.read_bytes() for p in sorted((tmp_path / "a").iterdir())] == [
        p.read_bytes() for p in sorted((tmp_path / "b").iterdir())
    ]
