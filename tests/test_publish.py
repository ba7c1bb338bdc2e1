"""Publishing (outputs/publish.py) and one build at a time (outputs/lock.py): the staged site, offline edition and
downloads switch into place together; a kill at any step of the switch leaves each output whole, the old build's or
the new one's, and the next run completes the switch before anything else; a mount point is filled file by file and
another file system is copied beside the target first, each said in one line; a second build waits for the first."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import textwrap
import time
from pathlib import Path

import pytest

from conftest import ENV, PYTHON
from hiwar.outputs.lock import BuildLock
from hiwar.outputs.publish import FAULT_STEP, JOURNAL, Switch, exchange, publish, recover

NAMES = ("site", "site-offline", "dist")
STEPS = ["staged", "journal written", "switched site/", "switched site-offline/", "switched dist/", "journal removed"]


def folder_of(root: Path, files: dict[str, str]) -> Path:
    for relative, text in files.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_text(text, encoding="utf-8")
    return root


def build_of(tmp_path: Path, label: str) -> dict[str, dict[str, str]]:
    return {
        name: {"index.html": f"{label} {name}", "articles/x/index.html": f"{label} x", f"only-{label}.txt": label}
        for name in NAMES
    }


def contents(folder: Path) -> dict[str, str] | None:
    if not folder.is_dir():
        return None
    return {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8") for p in folder.rglob("*") if p.is_file()}


def staged(tmp_path: Path, label: str) -> list[Switch]:
    stage = tmp_path / "build" / "stage"
    return [
        Switch(f"{name}/", str(folder_of(stage / name, build_of(tmp_path, label)[name])), str(tmp_path / name))
        for name in NAMES
    ]


def test_the_staged_folders_replace_the_published_ones_and_nothing_is_left_behind(tmp_path):
    said = []
    publish(staged(tmp_path, "old"), tmp_path / "build", said.append)  # a first build: nothing there yet
    publish(staged(tmp_path, "new"), tmp_path / "build", said.append)
    for name in NAMES:
        assert contents(tmp_path / name) == build_of(tmp_path, "new")[name]
    assert [p.name for p in (tmp_path / "build").iterdir()] == ["stage"]  # no journal
    assert list((tmp_path / "build" / "stage").iterdir()) == []  # no staged folder, no old copy
    assert said == []


def test_an_exchange_swaps_two_folders_in_one_step(tmp_path):
    first, second = folder_of(tmp_path / "a", {"x": "a"}), folder_of(tmp_path / "b", {"x": "b"})
    exchange(first, second)
    assert (contents(first), contents(second)) == ({"x": "b"}, {"x": "a"})


PUBLISH = textwrap.dedent("""
    import sys
    from pathlib import Path
    from hiwar.outputs.publish import Switch, publish
    root = Path(sys.argv[1])
    publish([Switch(f"{name}/", str(root / "build" / "stage" / name), str(root / name))
             for name in ("site", "site-offline", "dist")], root / "build", print)
""")


@pytest.mark.parametrize("step", STEPS)
def test_a_kill_at_any_step_of_publishing_leaves_whole_outputs_and_the_next_run_completes_the_switch(tmp_path, step):
    publish(staged(tmp_path, "old"), tmp_path / "build")
    staged(tmp_path, "new")
    result = subprocess.run(
        [PYTHON, "-c", PUBLISH, str(tmp_path)],
        env={**ENV, FAULT_STEP: step},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == -signal.SIGKILL, result.stderr
    old, new = build_of(tmp_path, "old"), build_of(tmp_path, "new")
    for name in NAMES:  # each output is whole: the old build's or the new one's, never missing, never a mix
        assert contents(tmp_path / name) in (old[name], new[name]), (step, name)
    journal = (tmp_path / "build" / JOURNAL).exists()
    assert journal == (step not in ("staged", "journal removed"))
    said = []
    assert recover(tmp_path / "build", said.append) is journal
    expected = old if step == "staged" else new
    for name in NAMES:  # after the next run's recovery, the three come from one build
        assert contents(tmp_path / name) == expected[name], (step, name)
    assert not (tmp_path / "build" / JOURNAL).exists()
    assert len(said) == (1 if journal else 0)


def test_without_a_journal_there_is_nothing_to_recover(tmp_path):
    assert recover(tmp_path / "build") is False


def _namespaced(script: str, tmp_path: Path) -> subprocess.CompletedProcess:
    """Run `script` (Python) as root in a private mount namespace, so that it can mount without touching the host."""
    if os.geteuid() != 0 or not shutil.which("unshare"):
        pytest.skip("needs root and unshare for a private mount namespace")
    program = tmp_path / "program.py"
    program.write_text(textwrap.dedent(script), encoding="utf-8")
    return subprocess.run(
        ["unshare", "--mount", "--propagation", "private", PYTHON, str(program), str(tmp_path)],
        env=ENV,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_target_that_is_a_mount_point_is_filled_file_by_file_and_says_so(tmp_path):
    result = _namespaced(
        """
        import json, subprocess, sys
        from pathlib import Path
        from hiwar.outputs.publish import Switch, publish
        root = Path(sys.argv[1])
        volume, site = root / "volume", root / "site"
        for folder in (volume, site):
            folder.mkdir()
        (volume / "stale.html").write_text("stale")
        subprocess.run(["mount", "--bind", str(volume), str(site)], check=True)
        stage = root / "build" / "stage" / "site"
        (stage / "articles" / "x").mkdir(parents=True)
        (stage / "index.html").write_text("new")
        (stage / "articles" / "x" / "index.html").write_text("x")
        said = []
        publish([Switch("site/", str(stage), str(site))], root / "build", said.append)
        found = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
        print(json.dumps({"said": said, "found": found, "index": (site / "index.html").read_text(),
                          "mounted": subprocess.run(["mountpoint", "-q", str(site)]).returncode == 0}))
    """,
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout.splitlines()[-1])
    assert outcome["found"] == ["articles/x/index.html", "index.html"] and outcome["index"] == "new"
    assert outcome["mounted"] and len(outcome["said"]) == 1 and "mount point" in outcome["said"][0]


def test_a_target_on_another_file_system_is_copied_beside_it_then_switched_and_says_so(tmp_path):
    result = _namespaced(
        """
        import json, subprocess, sys
        from pathlib import Path
        from hiwar.outputs.publish import Switch, publish
        root = Path(sys.argv[1])
        volume = root / "volume"
        volume.mkdir()
        subprocess.run(["mount", "-t", "tmpfs", "tmpfs", str(volume)], check=True)
        site = volume / "site"
        site.mkdir()
        (site / "old.html").write_text("old")
        stage = root / "build" / "stage" / "site"
        stage.mkdir(parents=True)
        (stage / "index.html").write_text("new")
        said = []
        publish([Switch("site/", str(stage), str(site))], root / "build", said.append)
        print(json.dumps({"said": said, "found": sorted(p.name for p in site.iterdir()),
                          "beside": sorted(p.name for p in volume.iterdir())}))
    """,
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout.splitlines()[-1])
    assert outcome["found"] == ["index.html"] and outcome["beside"] == ["site"]
    assert len(outcome["said"]) == 1 and "another file system" in outcome["said"][0]


HOLD = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from hiwar.outputs.lock import BuildLock
    with BuildLock(Path(sys.argv[1]), "make build"):
        print("held", flush=True)
        time.sleep(float(sys.argv[2]))
""")


def test_a_second_build_waits_for_the_first_saying_which_it_waits_for(tmp_path):
    holder = subprocess.Popen([PYTHON, "-c", HOLD, str(tmp_path), "1.5"], env=ENV, stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    said = []
    started = time.monotonic()
    with BuildLock(tmp_path, "make serve", said.append):
        waited = time.monotonic() - started
    holder.wait(timeout=30)
    assert waited > 0.5 and len(said) == 1
    assert said[0].startswith(f"waiting: make build (process {holder.pid}, since ") and "one build at a time" in said[0]


def test_a_killed_build_leaves_the_lock_free(tmp_path):
    holder = subprocess.Popen([PYTHON, "-c", HOLD, str(tmp_path), "60"], env=ENV, stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=30)
    said = []
    with BuildLock(tmp_path, "make build", said.append):
        pass
    assert said == []


def test_the_journal_names_each_staged_folder_by_its_inode(tmp_path):
    publish(staged(tmp_path, "old"), tmp_path / "build")
    switches = staged(tmp_path, "new")
    inodes = {switch.name: os.stat(switch.stage).st_ino for switch in switches}
    subprocess.run(
        [PYTHON, "-c", PUBLISH, str(tmp_path)],
        env={**ENV, FAULT_STEP: "journal written"},
        capture_output=True,
        timeout=60,
    )
    journal = json.loads((tmp_path / "build" / JOURNAL).read_text(encoding="utf-8"))
    assert {entry["name"]: entry["staged"][1] for entry in journal} == inodes
    assert {entry["how"] for entry in journal} == {"exchange"}
