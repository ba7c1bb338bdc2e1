"""`make serve` (python -m hiwar serve): build, serve, and build again after every save.

1. The site is built as `make build` builds it (the last build's pages come from the store: after a `make build`,
   nothing is rendered), into the store only, and served as soon as that build ends.
2. Every save of an input starts a rebuild in this process, which keeps what the last build made in memory; the
   rebuild takes the build folder's lock, as `make build` does, so the two never write it at once.
3. The rebuilt site replaces the served one whole; open pages reload. A rebuild that fails leaves the last site
   served, with one line saying why; problems in the inputs are shown on every page (preview/__init__.py).
"""

from __future__ import annotations

import contextlib
import gc
import threading
import time
from pathlib import Path

from hiwar.build.command import _log_to_stderr, say
from hiwar.build.site import STORE, last_site
from hiwar.outputs.contract import Target
from hiwar.outputs.lock import BuildLock
from hiwar.outputs.store import Store
from hiwar.preview.server import PreviewServer, Site
from hiwar.preview.watch import Changes

SCRATCH = "preview"  # inside the build folder: where the engine writes (the preview serves from the store)


def run_serve(config_file: Path, host: str, port: int, engine: str = "mkdocs", verbose: bool = False) -> int:
    from hiwar import engine as engines

    try:
        engines.select(engine)
    except (ValueError, ImportError) as err:
        say(f"{err}" if isinstance(err, ValueError) else f"the engine {engine!r} is not installed ({err})")
        return 2
    from hiwar.engine import adapter

    _log_to_stderr(adapter.ENGINE_LOGGER, verbose)
    configured = adapter.plugin_options(config_file)
    work = configured.cache_dir.parent
    session = adapter.Session(config_file, work / SCRATCH)
    site = Site(Store(configured.cache_dir / STORE))
    try:
        server = PreviewServer((host, port), site)  # first: a port in use is said at once
    except OSError as err:
        say(f"cannot serve on {host}:{port} ({err.strerror}); make serve SERVE_ADDR=HOST:PORT serves elsewhere")
        return 1
    threading.Thread(target=server.serve_forever, daemon=True).start()  # "the first build is under way" meanwhile
    changes = Changes()
    try:
        watched = changes.watch(configured.inputs)  # before the first build: a save while it runs is seen
        changes.start()
        started = time.monotonic()
        last = last_site(configured.cache_dir)
        if last is not None:  # the last build's site, served while the first build brings it up to date
            site.store = last[1]
            site.swap(last[0])
            say(f"preview: serving http://{host}:{port}/ (the last build, while it is brought up to date)")
        built = _build(session)
        if built is None:
            say("the preview could not be built; fix what is said above and run make serve again")
            return 1
        site.store = built.store
        changed = site.swap(built.trees[Target.SITE])
        _persist(built, work)
        watching = ", ".join(_shown(path, config_file.resolve().parent) for path in watched)
        if last is not None:
            say(
                f"preview: up to date (built in {time.monotonic() - started:.1f} s; "
                + ("pages reloaded" if changed else "the last build was")
                + f"); watching {watching}"
            )
        else:
            say(
                f"preview: serving http://{host}:{port}/ (built in {time.monotonic() - started:.1f} s); "
                f"watching {watching}"
            )
        while True:
            if not changes.wait(timeout=1.0):
                continue
            started = time.monotonic()
            with _collected_after():
                built = _build(session)
                if built is None:
                    say("preview: the rebuild failed (see above); still serving the last site")
                    continue
                site.store = built.store
                changed = site.swap(built.trees[Target.SITE])
                say(
                    f"preview: rebuilt in {time.monotonic() - started:.2f} s"
                    + ("; pages reloaded" if changed else "; nothing changed")
                )
                _persist(built, work)
            changes.watch(_inputs(built.options))  # an edited mkdocs.yml may name other folders
    except KeyboardInterrupt:
        say("preview: stopped")
        return 0
    finally:
        changes.stop()
        server.shutdown()
        session.close()


@contextlib.contextmanager
def _collected_after():
    """A rebuild runs without the garbage collector's passes (a full one scans everything the preview keeps between
    builds: a third of a second at 1,000 articles, at any moment of a rebuild); the garbage it leaves in cycles is
    collected once the rebuilt site is served, while the preview waits for the next save."""
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        gc.collect()


def _build(session):
    """One build; None when it did not get as far as the site's tree (the reason is logged already)."""
    try:
        built = session.build()
    except KeyboardInterrupt:
        raise
    except BaseException as err:  # noqa: BLE001 — the engine's Abort, a broken configuration: the preview goes on
        if not isinstance(err, SystemExit):
            say(f"preview: {type(err).__name__}: {err}")
        return None
    if built is None or Target.SITE not in built.trees:
        return None
    return built


def _persist(built, work: Path) -> None:
    """What the build keeps for the next one (its record; the store pruned), once its site is served: under the lock,
    as every write of the build folder."""
    try:
        with BuildLock(work, "make serve"):
            built.persist()
    except OSError as err:
        say(f"preview: the build's record could not be saved ({err}); the next build renders more")


def _inputs(options) -> list[Path]:
    paths = [
        options.seeds,
        options.editorial,
        options.docs_dir,
        *options.theme_dirs,
        options.config_file,
        options.assets_dir,
    ]
    if options.languages_dir is not None:
        paths.append(options.languages_dir)
    return paths


def _shown(path: Path, project: Path) -> str:
    try:
        shown = path.relative_to(project.resolve()).as_posix()
    except ValueError:
        shown = str(path)
    return shown + ("/" if path.is_dir() else "")
