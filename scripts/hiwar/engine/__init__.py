"""The seam between the build and the engine that renders pages (MkDocs 1.x, or ProperDocs, its continuation):
the only package that imports it. plugin.py turns the engine's events into calls of hiwar.build; config.py declares
the plugin's options; adapter.py holds every reliance on the engine's behaviour, each with a test."""

ENGINES = ("mkdocs", "properdocs")


def select(engine: str) -> None:
    """Choose the engine before anything imports it: ProperDocs, once its import redirect is on, answers every
    `mkdocs.*` import (the plugin, the theme and this package keep their imports)."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}: one of {', '.join(ENGINES)}")
    if engine == "properdocs":
        import properdocs.replacement  # noqa: F401 — its import is the switch
