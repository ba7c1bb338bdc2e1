"""Benchmark the automatic summary on EASC (Essex Arabic Summaries Corpus).

    python -m hiwar_tools.bench_summary PATH_TO_EASC

For each of the 153 articles, every summariser gets the same word budget: the mean length of
that article's five human summaries. Scores are ROUGE-1/ROUGE-2 F1 against each human summary,
averaged over the five, then over articles. "Human" scores each reference against the other four.
"Oracle" sees the references: it adds, one at a time, the whole sentence that most raises ROUGE-1
within the budget, so the gap between it and Lead is the room any sentence selector has here.
The last lines give the summariser's difference from Lead with a 95% paired bootstrap interval over
articles, so a change can be told apart from noise.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

from hiwar.ingest.reader import seed_lines
from hiwar.ingest.seed import normalise
from hiwar.knowledge.summary import lead, sentences, summarise
from hiwar.knowledge.text import words
from hiwar_tools.rouge import rouge_f1

# Rows scored from the references themselves, not by a summariser.
ORACLE, HUMAN = "Oracle (sees the references)", "Human (1 vs other 4)"


def load(corpus: Path) -> list[tuple[str, list[str], list[str]]]:
    root = corpus / "EASC-UTF-8" if (corpus / "EASC-UTF-8").is_dir() else corpus
    topics = []
    for topic in sorted((root / "Articles").iterdir(), key=lambda p: int(p.name.removeprefix("Topic"))):
        (article,) = list(topic.iterdir())
        text = article.read_text(encoding="utf-8-sig")
        references = [p.read_text(encoding="utf-8-sig") for p in sorted((root / "MTurk" / topic.name).iterdir())]
        # Read as a seed is: a third of EASC's articles are hard-wrapped, their paragraphs broken into lines.
        paragraphs = [line.strip() for _, line in seed_lines(normalise(text))]
        topics.append((topic.name, paragraphs, references))
    return topics


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not Path(argv[0]).is_dir():
        print("usage: python -m hiwar_tools.bench_summary PATH_TO_EASC", file=sys.stderr)
        return 2
    topics = load(Path(argv[0]))
    # At the references' length, the summariser is not held to its usual three sentences.
    systems = {"Lead": lead, "Hiwar summariser": lambda paragraphs, max_words: summarise(paragraphs, max_words, None)}
    scores: dict[str, dict[int, list[float]]] = {name: {1: [], 2: []} for name in [*systems, ORACLE, HUMAN]}
    seconds = {name: 0.0 for name in systems}
    for _, paragraphs, references in topics:
        budget = round(statistics.mean(len(words(r)) for r in references))
        for name, system in systems.items():
            start = time.perf_counter()
            summary = system(paragraphs, max_words=budget)
            seconds[name] += time.perf_counter() - start
            for n in (1, 2):
                scores[name][n].append(statistics.mean(rouge_f1(summary, ref, n) for ref in references))
        best = oracle(paragraphs, references, budget)
        for n in (1, 2):
            scores[ORACLE][n].append(statistics.mean(rouge_f1(best, ref, n) for ref in references))
            scores[HUMAN][n].append(
                statistics.mean(
                    statistics.mean(rouge_f1(ref, other, n) for other in references if other is not ref)
                    for ref in references
                )
            )
    print(f"EASC: {len(topics)} articles, 5 human summaries each; budget = mean length of the references")
    print(f"{'system':<30} {'ROUGE-1 F1':>10} {'ROUGE-2 F1':>10} {'ms/article':>10}")
    for name, by_n in scores.items():
        ms = f"{1000 * seconds[name] / len(topics):10.2f}" if name in seconds else f"{'':>10}"
        print(f"{name:<30} {statistics.mean(by_n[1]):10.4f} {statistics.mean(by_n[2]):10.4f} {ms}")
    for n in (1, 2):
        differences = [ours - baseline for ours, baseline in zip(scores["Hiwar summariser"][n], scores["Lead"][n])]
        low, high = paired_bootstrap(differences)
        print(
            f"Hiwar - Lead, ROUGE-{n} F1: {statistics.mean(differences):+.4f} (95% interval {low:+.4f} to {high:+.4f};"
            f" better on {sum(d > 0 for d in differences)}, worse on {sum(d < 0 for d in differences)} articles)"
        )
    return 0


def oracle(paragraphs: list[str], references: list[str], budget: int) -> str:
    """Whole sentences, added greedily while one raises the mean ROUGE-1 F1 and the budget allows, in text order."""
    candidates = [s for paragraph in paragraphs for s in sentences(paragraph)]
    lengths = [len(words(s)) for s in candidates]
    chosen: list[int] = []

    def score(picked: list[int]) -> float:
        text = " ".join(candidates[i] for i in sorted(picked))
        return statistics.mean(rouge_f1(text, ref, 1) for ref in references)

    best = 0.0
    while True:
        used = sum(lengths[i] for i in chosen)
        options = [
            (score(chosen + [i]), i) for i in range(len(candidates)) if i not in chosen and used + lengths[i] <= budget
        ]
        if not options or max(value for value, _ in options) <= best:
            return " ".join(candidates[i] for i in sorted(chosen))
        best, pick = max(options, key=lambda option: (option[0], -option[1]))  # a tie goes to the earlier sentence
        chosen.append(pick)


def paired_bootstrap(differences: list[float], rounds: int = 10_000) -> tuple[float, float]:
    """The 2.5th and 97.5th percentiles of the mean difference over articles resampled with replacement."""
    sample = random.Random(0)  # fixed seed: the same corpus prints the same interval
    means = sorted(statistics.fmean(sample.choices(differences, k=len(differences))) for _ in range(rounds))
    return means[int(0.025 * rounds)], means[int(0.975 * rounds) - 1]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
