"""`make build` (python -m hiwar build): one build at a time, into staging folders, then published whole.

1. The lock (outputs/lock.py): a second build waits, saying for which.
2. A switch an earlier build left half done is completed first (outputs/publish.py `recover`).
3. The engine builds the site, the offline edition and the downloads into build/stage/; the build makes each of
   those folders hold exactly what it made (outputs/tree.py).
4. The three staged folders switch into place together (outputs/publish.py), or, when anything failed before,
   nothing published changes.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
from pathlib import Path

from hiwar.outputs.lock import BuildLock
from hiwar.outputs.publish import PublishError, Switch, publish, recover

STAGE = "stage"
TARGETS = (("site", "site/"), ("site-offline", "site-offline/"), ("dist", "dist/"))


def say(line: str) -> None:
    print(f"hiwar: {line}", file=sys.stderr, flush=True)


def run_build(config_file: Path, targets: dict[str, Path], engine: str = "mkdocs", verbose: bool = False) -> int:
    from hiwar import engine as engines

    try:
        engines.select(engine)
    except (ValueError, ImportError) as err:
        say(
            f"{err}"
            if isinstance(err, ValueError)
            else f"the engine {engine!r} is not installed ({err}): `make build ENGINE={engine}` installs it"
        )
        return 2
    from hiwar.engine import adapter

    _log_to_stderr(adapter.ENGINE_LOGGER, verbose)
    work = adapter.plugin_options(config_file).cache_dir.parent  # the build folder: cache, journal, stage, lock
    with BuildLock(work, "make build", say):
        try:
            recover(work, say)
        except (OSError, PublishError) as err:
            say(f"publishing: {err}")
            return 1
        stage = work / STAGE
        shutil.rmtree(stage, ignore_errors=True)
        stage.mkdir(parents=True)
        staged = {name: stage / name for name, _ in TARGETS}
        os.environ["HIWAR_OFFLINE_DIR"] = str(staged["site-offline"])
        os.environ["HIWAR_DIST_DIR"] = str(staged["dist"])
        try:
            adapter.build_site(config_file, staged["site"])
        except SystemExit as stop:  # the engine's Abort: its reason is logged already
            shutil.rmtree(stage, ignore_errors=True)
            return int(stop.code or 1) if not isinstance(stop.code, str) else 1
        except OSError as err:  # the machine, not the inputs: a full disk, a file too large, a folder not writable
            shutil.rmtree(stage, ignore_errors=True)
            say(f"the build stopped, nothing was published: {err}")
            return 1
        try:
            publish(
                [Switch(label, str(staged[name]), str(targets[name].resolve())) for name, label in TARGETS], work, say
            )
        except (OSError, PublishError) as err:
            say(f"publishing: {err}")
            return 1
    return 0


def run_recover(config_file: Path) -> int:
    """Complete an interrupted switch, if there is one (every `make` target runs this first). The journal is looked
    for in the default build folder before the configuration is read (reading it costs a second)."""
    work = Path("build")
    if not (work / "publish.journal").exists():
        if not config_file.is_file():
            return 0
        from hiwar.engine.adapter import plugin_options

        work = plugin_options(config_file).cache_dir.parent
    if not (work / "publish.journal").exists():
        return 0
    with BuildLock(work, "completing a switch", say):
        try:
            recover(work, say)
        except (OSError, PublishError) as err:
            say(f"publishing: {err}")
            return 1
    return 0


def _log_to_stderr(engine_logger: str, verbose: bool) -> None:
    """The engine's messages as its own command line shows them (`LEVEL    -  message`): errors, or everything."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    for name in (engine_logger, "hiwar"):
        logger = logging.getLogger(name)
        logger.addHandler(handler)
        logger.setLevel(logging.INFO if verbose else logging.ERROR)
        logger.propagate = False
