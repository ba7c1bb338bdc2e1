"""The test browser: Debian's chromium-headless-shell (scripts/install-test-tools.sh installs it), started with flags
that keep it from calling any outside host. The tests, the benchmarks and the audit all start it from here."""

from __future__ import annotations

BROWSER = "/usr/lib/chromium/chromium-headless-shell"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
