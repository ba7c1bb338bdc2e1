"""The project's inputs: which files of seeds/ and editorial/ are seeds, which belong to a seed, which are shared.

Every entry is accounted for: a seed with its editorial files, a shared data file, ignored (hidden files and
READMEs), or one problem saying why it is not used (a special file, an unusable name, two seeds with one URL,
an editorial file named like a seed's but in another letter case, or one that belongs to no seed).
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from hiwar.ingest.files import InputFile, Listing, list_folder
from hiwar.ingest.naming import (
    SEED_SUFFIX,
    SHARED_FILES,
    editorial_names,
    looks_editorial,
    seed_name_problem,
    slug,
    stem_of_editorial,
)
from hiwar.problems import Problem, shown

IGNORED_NAMES = {"README.md", "README.txt"}


@dataclass(frozen=True)
class SeedInput:
    file: InputFile
    slug: str  # the article's id and URL segment
    own: tuple[InputFile, ...]  # its editorial files that exist (metadata, translations), by their names in editorial/


@dataclass
class Inputs:
    seeds: list[SeedInput] = field(default_factory=list)  # in file-name order
    shared: dict[str, InputFile] = field(default_factory=dict)  # the shared data files present, by name
    problems: list[Problem] = field(default_factory=list)


def ignored(name: str) -> bool:
    """Hidden files (.DS_Store, editor swap files) and READMEs are not inputs."""
    return name.startswith(".") or name in IGNORED_NAMES


def find_inputs(seeds_dir: Path, editorial_dir: Path | None, languages: tuple[str, ...]) -> Inputs:
    """The seeds and editorial files; links may point anywhere inside the project (the folder holding seeds/)."""
    inputs = Inputs()
    root = Path(os.path.abspath(seeds_dir)).parent
    editorial = Listing()
    if editorial_dir is not None and editorial_dir.is_dir():
        editorial = list_folder(editorial_dir, root, ignored)
        inputs.problems.extend(editorial.problems)
    inputs.shared = {name: editorial.files[name] for name in SHARED_FILES if name in editorial.files}
    listing = list_folder(seeds_dir, root, ignored)
    if not listing.files and not listing.problems:
        inputs.problems.append(Problem(seeds_dir.name, "holds no seeds (*.txt)"))
    inputs.problems.extend(listing.problems)
    stems: dict[str, str] = {}  # the stem of every seed file -> its source: editorial files named after it are its own
    slugs: dict[str, str] = {}  # article id -> the seed that has it
    for name, file in listing.files.items():
        if not name.endswith(SEED_SUFFIX):
            inputs.problems.append(
                Problem(
                    file.source,
                    f"is not a seed: seeds are plain-text files ending in {SEED_SUFFIX}; rename or remove it",
                )
            )
            continue
        stem = name[: -len(SEED_SUFFIX)]
        stems[stem] = file.source
        article_id = slug(stem)
        problem = seed_name_problem(name, languages)
        if problem is None and article_id in slugs:
            problem = (
                f"has the same article id as {slugs[article_id]} (both would be at articles/{article_id}/); "
                "rename one of them"
            )
        if problem is not None:
            inputs.problems.append(Problem(file.source, problem))
            continue
        slugs[article_id] = file.source
        own = tuple(editorial.files[n] for n in editorial_names(stem, languages) if n in editorial.files)
        inputs.seeds.append(SeedInput(file, article_id, own))
    where = editorial_dir.name if editorial_dir is not None else "editorial"
    inputs.problems.extend(_unclaimed(editorial, where, seeds_dir.name, stems, languages))
    return inputs


def _folded(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold()


def _unclaimed(
    editorial: Listing, where: str, seeds_name: str, stems: dict[str, str], languages: tuple[str, ...]
) -> list[Problem]:
    """Editorial files no seed or shared data claims: named like one but in another letter case, or orphans.

    On a case-insensitive file system (macOS) such a file would be used; on Linux it would be silently ignored.
    """
    expected = {name: stems[stem] for stem in stems for name in editorial_names(stem, languages)}
    by_folded = {_folded(name): name for name in [*expected, *SHARED_FILES]}
    problems = []
    for name, file in editorial.files.items():
        if name in expected or name in SHARED_FILES:
            continue
        right = by_folded.get(_folded(name))
        if right is not None:
            owner = (
                f"it probably belongs to {expected[right]}" if right in expected else "it is probably the shared file"
            )
            problems.append(
                Problem(
                    file.source,
                    f"differs from {where}/{shown(right)} only in letter case, so it is not "
                    f"used; {owner}: rename it {shown(right)}",
                )
            )
        elif looks_editorial(name, languages):
            stem = stem_of_editorial(name, languages)
            problems.append(
                Problem(
                    file.source,
                    f"belongs to no seed (expected {seeds_name}/{shown(stem)}{SEED_SUFFIX}); rename or remove it",
                )
            )
    return problems
