"""seeds/ and editorial/ hold whatever an editor (or an attacker) put there: every entry is a regular file read
as text, or one line saying why it is not used. Nothing is opened that is not a regular file, no link leads out
of the project, and a name is shown safely, never trusted."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from conftest import ENV, FIXTURES, ROOT
from hiwar.enrich.collection import collect
from hiwar.ingest.files import SizeLimit, read_bytes
from hiwar.ingest.naming import slug
from hiwar.problems import InputError

SEED = FIXTURES / "traits" / "headings.txt"
TRANSLATION = ["Strategic dialogue between Baghdad and Washington", "The third round of the dialogue", "Line three"]


def project(tmp_path, *names: str):
    """tmp/project with seeds/ holding a copy of one real seed under each name, and an empty editorial/."""
    root = tmp_path / "project"
    (root / "seeds").mkdir(parents=True)
    (root / "editorial").mkdir()
    for name in names:
        shutil.copy(SEED, root / "seeds" / name)
    return root


def problems(root, languages=("ar", "en")) -> list[str]:
    collection = collect(root / "seeds", root / "editorial", languages=languages)
    lines = [str(problem) for problem in collection.problems]
    assert all("\n" not in line and "Traceback" not in line for line in lines)
    return lines


def test_a_fifo_in_seeds_or_editorial_is_refused_without_being_opened(tmp_path):
    root = project(tmp_path, "headings.txt")
    os.mkfifo(root / "seeds" / "pipe.txt")
    os.mkfifo(root / "editorial" / "headings.yml")  # opened for reading, a FIFO would wait for a writer forever
    # In a separate process with a time limit: a hang fails the test instead of stopping the suite.
    command = [
        sys.executable,
        "-m",
        "hiwar",
        "pages",
        "--seeds",
        str(root / "seeds"),
        "--out",
        str(tmp_path / "out"),
        "--editorial",
        str(root / "editorial"),
    ]
    result = subprocess.run(command, capture_output=True, text=True, env=ENV, cwd=ROOT, timeout=60)
    assert result.returncode == 1
    assert "seeds/pipe.txt: is a FIFO, not a text file; remove it" in result.stderr
    assert "editorial/headings.yml: is a FIFO, not a text file; remove it" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_file_that_turns_into_a_fifo_after_listing_is_refused_when_opened(tmp_path):
    fifo = tmp_path / "was_a_file.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match=r"^seeds/was_a_file.txt: is a FIFO, not a text file; remove it$"):
        read_bytes(fifo, "seeds/was_a_file.txt")


def test_folders_and_sockets_are_refused_one_line_each(tmp_path):
    import socket

    root = project(tmp_path, "headings.txt")
    (root / "seeds" / "drafts").mkdir()
    (root / "editorial" / "headings.yml").mkdir()
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(root / "seeds" / "sock.txt"))
        found = problems(root)
    assert "seeds/drafts: is a folder, not a text file; remove it" in found
    assert "editorial/headings.yml: is a folder, not a text file; remove it" in found
    assert "seeds/sock.txt: is a socket, not a text file; remove it" in found
    assert len(found) == 3


def test_a_link_out_of_the_project_is_refused_and_a_link_inside_it_is_read(tmp_path):
    root = project(tmp_path)
    outside = tmp_path / "elsewhere.txt"
    shutil.copy(SEED, outside)
    (root / "seeds" / "outside.txt").symlink_to(outside)
    (root / "seeds" / "to_etc.txt").symlink_to("/etc/hostname")
    (root / "kept").mkdir()
    shutil.copy(SEED, root / "kept" / "inside.txt")
    (root / "seeds" / "inside.txt").symlink_to(root / "kept" / "inside.txt")
    (root / "seeds" / "dangling.txt").symlink_to(root / "kept" / "missing.txt")
    (root / "seeds" / "to_folder.txt").symlink_to(root / "kept")
    collection = collect(root / "seeds", root / "editorial")
    found = [str(problem) for problem in collection.problems]
    assert sorted(found) == [
        "seeds/dangling.txt: is a symbolic link to nothing (its target is missing); remove it",
        "seeds/outside.txt: is a symbolic link to a file outside the project; copy the file here instead",
        "seeds/to_etc.txt: is a symbolic link to a file outside the project; copy the file here instead",
        "seeds/to_folder.txt: is a symbolic link to a folder, not to a text file; remove it",
    ]
    (article,) = collection.articles
    assert (article.id, article.seed.name) == ("inside", "inside.txt")


def test_a_link_is_not_followed_when_a_file_is_opened_directly(tmp_path):
    (tmp_path / "link.yml").symlink_to("/etc/hostname")
    with pytest.raises(InputError, match="^editorial/link.yml: is a symbolic link"):
        read_bytes(tmp_path / "link.yml", "editorial/link.yml")


def test_names_that_are_not_utf8_or_hold_control_or_bidi_characters_are_shown_escaped(tmp_path):
    root = project(tmp_path, "headings.txt", "bad\u202ename.txt", "tab\tname.txt")
    os.close(os.open(os.fsencode(root / "seeds") + b"/caf\xe9.txt", os.O_CREAT | os.O_WRONLY))  # Latin-1 bytes
    found = problems(root)
    assert "seeds/caf\\xe9.txt: its name is not valid UTF-8 text; rename it (UTF-8, letters, digits, - and _)" in found
    assert (
        "seeds/bad\\u202ename.txt: its name holds control or invisible formatting characters (U+202E); rename it"
        in found
    )
    assert (
        "seeds/tab\\x09name.txt: its name holds control or invisible formatting characters (U+0009); rename it" in found
    )
    assert len(found) == 3


def test_a_name_too_long_for_its_editorial_files_is_refused(tmp_path):
    name = "a" * 250 + ".txt"  # 254 bytes: NAME.en.txt would be 257, over the file system's 255
    root = project(tmp_path, name)
    (found,) = problems(root)
    assert found == (
        f"seeds/{name}: its name is too long (254 bytes): its editorial file NAME.en.txt "
        "would be 257 bytes, over the 255 a file name may have; shorten it"
    )
    assert problems(project(tmp_path / "ok", "a" * 246 + ".txt")) == []  # 250 bytes: NAME.en.txt fits


@pytest.mark.parametrize(
    "stem,expected",
    [
        ("000_683b6dac8a733867", "000_683b6dac8a733867"),  # today's names keep their URLs
        ("headings", "headings"),
        ("Kadhimi in Washington!", "kadhimi-in-washington"),
        ("../../README", "readme"),
        ("javascript:alert(1)", "javascript-alert-1"),
        ("a#b?c%2e", "a-b-c-2e"),
        ("--__x--y__--", "x-y"),
        ("الحوار الاستراتيجي", "الحوار-الاستراتيجي"),
        ("ﻻ ٢٠٢١", "لا-٢٠٢١"),  # NFKC: a presentation form becomes its letters
        ("x" * 100, "x" * 80),
        ("؟!", ""),
    ],
)
def test_the_url_slug_of_a_seed_name(stem, expected):
    assert slug(stem) == expected


def test_seeds_with_the_same_slug_are_a_problem_naming_both(tmp_path):
    root = project(tmp_path, "Kadhimi visit.txt", "kadhimi-visit.txt", "؟؟.txt")
    found = problems(root)
    assert (
        "seeds/kadhimi-visit.txt: has the same article id as seeds/Kadhimi visit.txt (both would be at "
        "articles/kadhimi-visit/); rename one of them"
    ) in found
    assert (
        "seeds/؟؟.txt: its name gives an empty article id (the URL is made from the letters and digits of the name); "
        "rename it"
    ) in found


def test_the_article_id_is_the_slug_and_the_seed_keeps_its_file_name(tmp_path):
    root = project(tmp_path, "Kadhimi in Washington!.txt")
    (article,) = collect(root / "seeds", root / "editorial").articles
    assert (article.id, article.seed.name) == ("kadhimi-in-washington", "Kadhimi in Washington!.txt")


def test_an_editorial_file_that_matches_a_seed_only_in_letter_case_says_which_seed(tmp_path):
    root = project(tmp_path, "foo.txt")
    (root / "editorial" / "Foo.yml").write_text("tags: []\n", encoding="utf-8")
    (root / "editorial" / "FOO.en.txt").write_text("x\n", encoding="utf-8")
    (root / "editorial" / "Tags.yml").write_text("{}\n", encoding="utf-8")
    (root / "editorial" / "bar.yml").write_text("{}\n", encoding="utf-8")
    assert sorted(problems(root)) == [
        "editorial/FOO.en.txt: differs from editorial/foo.en.txt only in letter case, so it is not used; "
        "it probably belongs to seeds/foo.txt: rename it foo.en.txt",
        "editorial/Foo.yml: differs from editorial/foo.yml only in letter case, so it is not used; "
        "it probably belongs to seeds/foo.txt: rename it foo.yml",
        "editorial/Tags.yml: differs from editorial/tags.yml only in letter case, so it is not used; "
        "it is probably the shared file: rename it tags.yml",
        "editorial/bar.yml: belongs to no seed (expected seeds/bar.txt); rename or remove it",
    ]


def test_a_translation_for_every_edition_language(tmp_path):
    root = project(tmp_path, "headings.txt")
    lines = (root / "seeds" / "headings.txt").read_text(encoding="utf-8").split("\n")
    english = "\n".join("English line" if line.strip() else "" for line in lines)
    (root / "editorial" / "headings.en.txt").write_text(english, encoding="utf-8")
    (root / "editorial" / "headings.fr.txt").write_text(
        english.replace("English", "Ligne française,"), encoding="utf-8"
    )
    (article,) = collect(root / "seeds", root / "editorial", languages=("ar", "en", "fr")).articles
    assert sorted(article.translations) == ["en", "fr"]
    assert article.translation_status("fr") == "complete" and article.translation_status("en") == "complete"
    assert problems(root) == []  # with the default editions, NAME.fr.txt is no translation of ours (and no orphan)


LIMIT = SizeLimit(1000, "a test file", "make it smaller")


def test_a_file_over_its_size_limit_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as sparse:
        sparse.truncate(64 * 2**30)  # 64 GiB that take no disk: read whole, they would exhaust the memory
    with pytest.raises(InputError) as refused:
        read_bytes(path, "seeds/huge.txt", LIMIT)
    assert str(refused.value) == (
        "seeds/huge.txt: is 68,719,476,736 bytes (64 GiB), more than the 1,000 a test file may have; make it smaller"
    )
    path.write_bytes(b"x" * 1000)
    assert read_bytes(path, "seeds/huge.txt", LIMIT) == b"x" * 1000
    path.write_bytes(b"x" * 1001)
    with pytest.raises(InputError, match="^seeds/huge.txt: is 1,001 bytes"):
        read_bytes(path, "seeds/huge.txt", LIMIT)
