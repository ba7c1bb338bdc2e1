"""Translations: the alignment check costs time in proportion to the lines (and still names the first paragraph that
differs), and a translated title line titles the translation."""

from __future__ import annotations

import random
import shutil

import pytest

from conftest import FIXTURES, ROOT
from hiwar.enrich.collection import collect
from hiwar.ingest.reader import read_article
from hiwar.ingest.seed import read_seed
from hiwar.ingest.translation import load_translation
from hiwar.problems import InputError


def aligned_pair(tmp_path, seed_lines: int, translated_lines: int, missing: int, length: tuple[int, int] = (8, 40)):
    """A seed of `seed_lines` paragraphs of `length` words (fewest, most), and a translation that lacks paragraph
    `missing` and is cut or padded with unrelated lines to `translated_lines` lines."""
    pick = random.Random(13)
    vocabulary = [
        word
        for word in (ROOT / "seeds" / "002_344b185d2b28595d.txt").read_text(encoding="utf-8").split()
        if not any(ch.isdigit() for ch in word)
    ]  # a paragraph's only number is its own
    arabic, english = [], []
    for n in range(1, seed_lines + 1):
        words = pick.sample(vocabulary, pick.randint(*length))
        arabic.append(f"{' '.join(words)} {n}.")
        english.append(f"{' '.join(['word'] * int(len(words) * 1.2))} {n}.")
    del english[missing - 1]
    english = english[:translated_lines]
    english += [
        f"An extra line {n}, with nothing like it in the original." for n in range(translated_lines - len(english))
    ]
    seed_path, translation_path = tmp_path / "long.txt", tmp_path / "long.en.txt"
    seed_path.write_text("\n\n".join(arabic), encoding="utf-8")
    translation_path.write_text("\n\n".join(english), encoding="utf-8")
    seed = read_seed(seed_path, "seeds/long.txt")
    parsed = read_article(seed)
    assert len(parsed.numbered) == seed_lines  # every line a paragraph: ¶N is seed line 2N - 1
    return seed, parsed, translation_path


def test_a_translation_ten_times_longer_than_its_seed_is_reported_at_the_first_missing_paragraph(tmp_path):
    seed, parsed, path = aligned_pair(tmp_path, 1_000, 10_000, missing=300)
    with pytest.raises(InputError) as caught:
        load_translation(path, "editorial/long.en.txt", "en", parsed, seed.text)
    assert str(caught.value).startswith(
        "editorial/long.en.txt: does not match its seed at ¶300 (seed line 599): "
        "10000 lines for 1000 in the seed: a line is missing or extra here"
    )


def test_a_seed_ten_times_longer_than_its_translation_is_reported_at_the_first_missing_paragraph(tmp_path):
    # short paragraphs: ten thousand of them stay within the size an article's text may have (seed.ARTICLE_TEXT_LIMIT)
    seed, parsed, path = aligned_pair(tmp_path, 10_000, 1_000, missing=700, length=(6, 20))
    with pytest.raises(InputError, match=r"at ¶700 \(seed line 1399\): 1000 lines for 10000 in the seed"):
        load_translation(path, "editorial/long.en.txt", "en", parsed, seed.text)


def test_a_translated_title_line_is_the_title_of_the_translation(tmp_path):
    seeds, editorial = tmp_path / "seeds", tmp_path / "editorial"
    seeds.mkdir(), editorial.mkdir()
    shutil.copy(FIXTURES / "translations" / "headings.txt", seeds)
    shutil.copy(FIXTURES / "translations" / "headings.en.txt", editorial)
    (article,) = collect(seeds, editorial).articles
    assert article.title["ar"].value == "مستقبل الوجود الأمريكي"
    assert (article.title["en"].value, article.title["en"].origin) == ("The future of the US presence", "editorial")
    assert article.translation_status("en") == "complete" and article.translated_paragraphs("en") == 3
    # An English title in NAME.yml still comes first.
    (editorial / "headings.yml").write_text("title:\n  en: The US presence after the dialogue\n", encoding="utf-8")
    (article,) = collect(seeds, editorial).articles
    assert article.title["en"].value == "The US presence after the dialogue"


def test_a_translation_is_read_with_the_seeds_rule_noncharacters_becoming_the_replacement_character(tmp_path):
    seed_path = FIXTURES / "translations" / "headings.txt"
    seed = read_seed(seed_path, "seeds/headings.txt")
    parsed = read_article(seed)
    english = (FIXTURES / "translations" / "headings.en.txt").read_text(encoding="utf-8")
    path = tmp_path / "headings.en.txt"
    path.write_text(english.replace("The future", "The\ufffe future\uffff"), encoding="utf-8")
    translation = load_translation(path, "editorial/headings.en.txt", "en", parsed, seed.text)
    assert translation.lines[parsed.title_line] == "The\ufffd future\ufffd of the US presence"


def test_a_translation_over_the_size_of_an_articles_text_is_refused_unread(tmp_path):
    seed = read_seed(FIXTURES / "translations" / "headings.txt", "seeds/headings.txt")
    path = tmp_path / "headings.en.txt"
    path.write_bytes(b"The future of the US presence\n" * 70_000)
    with pytest.raises(
        InputError,
        match=r"^editorial/headings.en.txt: is 2,100,000 bytes \(2 MiB\), more than the 2,097,152 "
        r"\(2 MiB\) an article's text \(a seed or a translation\) may have",
    ):
        load_translation(path, "editorial/headings.en.txt", "en", read_article(seed), seed.text)
