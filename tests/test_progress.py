"""Progress of a long build (site/progress.py): on a terminal a bar per stage; elsewhere (CI, a log file) one line
per stage when it ends, on stderr."""

from __future__ import annotations

import re

import pytest

from hiwar.build.progress import Progress


def test_without_a_terminal_each_stage_is_one_line_when_it_ends(capsys):
    progress = Progress(interactive=False)
    with progress.stage("seeds converted", total=3, unit="seeds") as stage:
        stage.advance()
        stage.advance(2)
    with progress.stage("offline edition", unit="files") as stage:
        stage.set(40)
        stage.set(42)
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 2
    assert re.fullmatch(r"hiwar: seeds converted: 3 seeds in \d+\.\d s", lines[0])
    assert re.fullmatch(r"hiwar: offline edition: 42 files in \d+\.\d s", lines[1])


def test_a_stage_that_fails_still_says_how_far_it_got(capsys):
    with pytest.raises(RuntimeError):
        with Progress(interactive=False).stage("pages rendered", unit="pages") as stage:
            stage.advance(5)
            raise RuntimeError("a template broke")
    assert re.fullmatch(r"hiwar: pages rendered: 5 pages in \d+\.\d s\n", capsys.readouterr().err)


def test_on_a_terminal_a_stage_is_a_bar_and_no_summary_line(capsys):
    with Progress(interactive=True).stage("seeds converted", total=2, unit="seeds") as stage:
        stage.advance(2)
    err = capsys.readouterr().err
    assert "seeds converted" in err and "2/2" in err
    assert "hiwar:" not in err


def test_a_build_asks_the_terminal_whether_it_is_one(capsys):
    assert Progress().interactive is False  # stderr is captured here, not a terminal
