"""One command of a benchmark, measured: wall time, CPU time and memory of its whole process tree, the machine's
load around it, and its output line by line with the moment each line came (to time the steps it prints).

Memory is measured two ways, because a build is several processes (make, MkDocs, the forked edition, the
conversion workers) that share copy-on-write pages:
- `largest_process_mb`: the kernel's peak resident set of the largest single process of the tree. `os.wait4` on
  the top process returns its own usage together with that of every descendant waited for (on Linux the
  maximum, not the sum, for the peak resident set);
- `tree_mb`: the peak of the sum of the proportional set sizes (PSS, /proc/PID/smaps_rollup: a page shared by k
  processes counts 1/k in each) of every live process of the tree, sampled every SAMPLE_SECONDS. Summing
  resident sets would count the pages a fork shares twice; sampling can miss a peak shorter than the interval.
"""

from __future__ import annotations

import os
import signal
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

SAMPLE_SECONDS = 0.25


@dataclass
class Run:
    command: list[str]
    status: int
    seconds: float
    cpu_seconds: float  # user + system of the top process and every descendant it waited for
    largest_process_mb: float
    tree_mb: float
    load_before: tuple[float, float, float]
    load_after: tuple[float, float, float]
    lines: list[tuple[float, str]] = field(default_factory=list)  # (seconds after the start, line)

    def output(self) -> str:
        return "\n".join(line for _, line in self.lines)


class Measured:
    """A command running in its own process group, its output read and its tree's memory sampled meanwhile."""

    def __init__(self, command: list[str], cwd: Path, env: dict, on_line=lambda line: None):
        self.command, self.on_line = [str(part) for part in command], on_line
        self.lines: list[tuple[float, str]] = []
        self.tree_peak_kb = 0
        self.load_before = os.getloadavg()
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            self.command,
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self._done = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._sampler = threading.Thread(target=self._sample, daemon=True)
        self._reader.start()
        self._sampler.start()

    @property
    def pid(self) -> int:
        return self.process.pid

    def _read(self) -> None:
        for raw in self.process.stdout:
            line = raw.decode("utf-8", "replace").rstrip("\r\n")
            self.lines.append((time.perf_counter() - self.started, line))
            self.on_line(line)

    def _sample(self) -> None:
        while not self._done.wait(SAMPLE_SECONDS):
            self.tree_peak_kb = max(self.tree_peak_kb, sum(_pss_kb(pid) for pid in _tree(self.pid)))

    def wait(self, timeout: float | None = None) -> Run:
        """Wait for the command to end (SIGTERM to its group after `timeout` seconds) and measure it."""
        timer = threading.Timer(timeout, self.signal, (signal.SIGTERM,)) if timeout else None
        if timer:
            timer.start()
        try:
            _, status, usage = os.wait4(self.pid, 0)  # reaped here, not by Popen: its usage comes with it
        finally:
            if timer:
                timer.cancel()
        seconds = time.perf_counter() - self.started
        self.process.returncode = os.waitstatus_to_exitcode(status)
        self._done.set()
        self._reader.join(timeout=30)
        return Run(
            self.command,
            self.process.returncode,
            seconds,
            usage.ru_utime + usage.ru_stime,
            usage.ru_maxrss / 1024,
            self.tree_peak_kb / 1024,
            self.load_before,
            os.getloadavg(),
            list(self.lines),
        )

    def signal(self, number: int) -> None:
        """A signal to the command's process group (it runs in a session of its own)."""
        try:
            os.killpg(self.pid, number)
        except ProcessLookupError:
            pass

    def stop(self, grace: float = 30) -> Run:
        """Ctrl-C (a server shuts down cleanly on it, removing its temporary site), SIGTERM after `grace` seconds."""
        self.signal(signal.SIGINT)
        return self.wait(grace)


def run(command: list[str], cwd: Path, env: dict, on_line=lambda line: None, timeout: float | None = None) -> Run:
    return Measured(command, cwd, env, on_line).wait(timeout)


def _tree(top: int) -> list[int]:
    """The process and all its live descendants (from the parent ids in /proc/*/stat)."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:
            continue
        parent = int(stat[stat.rindex(")") + 2 :].split()[1])  # the name, in parentheses, may hold spaces
        children.setdefault(parent, []).append(int(entry.name))
    found, pending = [], [top]
    while pending:
        pid = pending.pop()
        found.append(pid)
        pending.extend(children.get(pid, []))
    return found


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0
