"""Synthetic archives made from the five real seeds, for benchmarks and for tests that need many articles."""
from __future__ import annotations

import random
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
TITLES = ["قراءة في", "ملف:", "تحليل:", "بعد", "أسئلة حول", "ماذا بعد"]


def synthetic_seeds(folder: Path, count: int) -> None:
    """N seeds from the five real ones: each with its own title line, date line, paragraph order and paragraphs."""
    originals = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    rng = random.Random(count)
    folder.mkdir(parents=True)
    for n in range(count):
        # Every paragraph is made distinct (its article's number), as in a real archive: nothing that works per
        # paragraph or per text can be served from another article's work.
        lines = [f"{line} (المقال {n + 1})" for line in originals[n % len(originals)].splitlines() if len(line.split()) > 12]
        rng.shuffle(lines)
        day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(2020, 2024)
        title = f"{rng.choice(TITLES)} الحوار الاستراتيجي: المقال {n + 1}"
        text = "\n\n".join([title, f"{day:02d}/{month:02d}/{year}", *lines])
        (folder / f"{n:05d}_synthetic.txt").write_text(text + "\n", encoding="utf-8")
