"""A build killed at any moment (kill -9: the OOM killer, a CI timeout, a power cut) leaves site/, site-offline/ and
dist/ each whole, the last build's or the new one's, and the next build completes or redoes the work and publishes
exactly what a clean build does; two builds at once run one after the other. `make test` kills a build at one step
of publishing (between two switches) and at one moment of building; `make test-long` at every step and HIWAR_FAULT_MOMENTS moments."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import time

import pytest

from builds import PUBLISHED, build, clean_copy, differences, published, small_project
from conftest import ENV, PYTHON
from hiwar.outputs.publish import FAULT_STEP

LONG = os.environ.get("HIWAR_LONG") == "1"
STEPS = ["staged", "journal written", "switched site/", "switched site-offline/", "switched dist/", "journal removed"]
MOMENTS = int(os.environ.get("HIWAR_FAULT_MOMENTS", "1"))


def by_folder(files: dict) -> dict[str, dict]:
    return {
        name: {path: data for path, data in files.items() if path == name or path.startswith(name + "/")}
        for name in PUBLISHED
    }


@pytest.fixture(scope="module")
def edited_once(tmp_path_factory):
    """A project built once, then edited: (project, what it published, what a clean build of the edit publishes)."""
    base = tmp_path_factory.mktemp("edited")
    project = small_project(base / "one")
    assert build(project).returncode == 0
    old = published(project)
    seed = project / "seeds" / "nested_bullets.txt"  # (headings.txt has a translation, line by line)
    seed.write_text(seed.read_text(encoding="utf-8") + "\nفقرة أضيفت بعد البناء الأول.\n", encoding="utf-8")
    clean = clean_copy(project, base / "clean")
    assert build(clean).returncode == 0
    return project, old, published(clean)


@pytest.fixture
def edited(edited_once, tmp_path):
    """The edited project, for each test a copy of its own: its outputs, its build folder and its inputs as the first
    build and the edit left them (timestamps included)."""
    project, old, new = edited_once
    copy = tmp_path / "project"
    shutil.copytree(project, copy, symlinks=True)
    return copy, old, new


def assert_whole_old_or_new(project, old, new):
    now = by_folder(published(project))
    for name, files in now.items():
        assert files in (by_folder(old)[name], by_folder(new)[name]), (
            f"{name}/ is neither the old build nor the new one"
        )


@pytest.mark.parametrize("step", STEPS if LONG else ["switched site-offline/"])  # between two switches
def test_a_build_killed_while_publishing_leaves_whole_outputs_and_the_next_build_completes_it(edited, step):
    project, old, new = edited
    killed = build(project, env={FAULT_STEP: step})
    assert killed.returncode == -signal.SIGKILL
    assert_whole_old_or_new(project, old, new)
    again = build(project)
    assert again.returncode == 0, again.stderr
    assert differences(published(project), new) == []
    journal_was_left = step not in ("staged", "journal removed")
    assert ("completing the switch" in again.stderr) is journal_was_left


@pytest.mark.long  # make test-long; make test kills a build between two switches of publishing
@pytest.mark.parametrize("moment", range(MOMENTS))
def test_a_build_killed_at_a_random_moment_leaves_whole_outputs_and_the_next_build_is_clean(edited, moment):
    project, old, new = edited
    started = time.monotonic()
    process = subprocess.Popen(
        [PYTHON, "-m", "hiwar", "build"],
        cwd=project,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=ENV,
    )
    delay = random.Random(moment).uniform(0.2, 8.0)
    try:
        process.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # the build and the processes of its editions, as the OOM killer would
        process.wait()
    assert_whole_old_or_new(project, old, new)
    again = build(project)
    assert again.returncode == 0, again.stderr
    assert differences(published(project), new) == [], f"killed after {time.monotonic() - started:.1f} s"


def test_two_builds_at_once_run_one_after_the_other_and_publish_what_a_clean_build_does(edited):
    project, _, new = edited
    first = subprocess.Popen(
        [PYTHON, "-m", "hiwar", "build"],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=ENV,
    )
    time.sleep(0.5)
    second = build(project)
    out, err = first.communicate(timeout=600)
    assert first.returncode == 0 and second.returncode == 0, err + second.stderr
    waited = [line for line in (err + second.stderr).splitlines() if line.startswith("hiwar: waiting:")]
    assert len(waited) <= 1 and "Traceback" not in err + second.stderr
    assert differences(published(project), new) == []
