"""Synthetic archives made from the five real seeds, for benchmarks and for tests that need many articles."""

from __future__ import annotations

import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Title openings, the English one at the same place as its Arabic one.
TITLES = ["قراءة في", "ملف:", "تحليل:", "بعد", "أسئلة حول", "ماذا بعد"]
TITLES_EN = ["Reading", "File:", "Analysis:", "After", "Questions on", "What next for"]
SUBJECT = {"ar": "الحوار الاستراتيجي", "en": "the strategic dialogue"}
LABEL = {"ar": "المقال", "en": "Article"}


def _paragraph_pairs(seed: Path, editorial: Path) -> list[tuple[str, str | None]]:
    """The seed's paragraphs of more than 12 words, each with its line of the English translation (None when the
    seed has no translation). A translation has one line per non-empty seed line (editorial/README.md)."""
    lines = [line for line in seed.read_text(encoding="utf-8").splitlines() if line.strip()]
    translation = editorial / f"{seed.stem}.en.txt"
    if translation.is_file():
        english = [line for line in translation.read_text(encoding="utf-8").splitlines() if line.strip()]
        if len(english) != len(lines):  # only a hard-wrapped seed would differ; the five real ones are not
            raise ValueError(f"{translation}: {len(english)} lines for {len(lines)} non-empty lines of {seed}")
    else:
        english = [None] * len(lines)
    return [(line, other) for line, other in zip(lines, english) if len(line.split()) > 12]


def synthetic_seeds(folder: Path, count: int, editorial: Path | None = None, progress=lambda: None) -> None:
    """N seeds from the five real ones: each with its own title line, date line, paragraph order and paragraphs.

    With `editorial`, each seed also gets its English translation there (NAME.en.txt), aligned line by line and
    made of the real translations of the lines picked, so that English pages carry text as a real archive's do.
    The seeds are the same with or without it."""
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    originals = [_paragraph_pairs(seed, ROOT / "editorial") for seed in seeds]
    if editorial is not None and any(english is None for pairs in originals for _, english in pairs):
        raise ValueError("every real seed needs its translation in editorial/ to make synthetic translations")
    rng = random.Random(count)
    folder.mkdir(parents=True)
    if editorial is not None:
        editorial.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        # Every paragraph is made distinct (its article's number), as in a real archive: nothing that works per
        # paragraph or per text can be served from another article's work.
        pairs = [
            (f"{line} ({LABEL['ar']} {n + 1})", f"{english} ({LABEL['en']} {n + 1})")
            for line, english in originals[n % len(originals)]
        ]
        rng.shuffle(pairs)
        day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2020, 2024)
        opening = TITLES.index(rng.choice(TITLES))
        date = f"{day:02d}/{month:02d}/{year}"
        name = f"{n:05d}_synthetic"
        title = f"{TITLES[opening]} {SUBJECT['ar']}: {LABEL['ar']} {n + 1}"
        text = "\n\n".join([title, date, *(line for line, _ in pairs)])
        (folder / f"{name}.txt").write_text(text + "\n", encoding="utf-8")
        if editorial is not None:
            title_en = f"{TITLES_EN[opening]} {SUBJECT['en']}: {LABEL['en']} {n + 1}"
            english = "\n\n".join([title_en, date, *(line for _, line in pairs)])
            (editorial / f"{name}.en.txt").write_text(english + "\n", encoding="utf-8")
        progress()
