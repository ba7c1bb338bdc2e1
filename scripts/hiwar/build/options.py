"""What a build is asked to do, as plain data: the plugin's options (engine/config.py) and the engine's settings that
the build needs, resolved to absolute paths."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class BuildOptions:
    project: Path  # the folder of the configuration file
    config_file: Path
    docs_dir: Path
    theme_dirs: tuple[Path, ...]  # the theme overrides: their templates are inputs of every page
    site_dir: Path  # where the engine writes the online edition
    site_url: str
    seeds: Path
    editorial: Path
    editions: tuple[str, ...]  # language codes; the first is the default edition, at the site root
    languages_dir: Path | None
    assets_dir: Path
    cache_dir: Path
    report: Path
    offline_dir: Path | None  # the offline edition, when asked for
    dist_dir: Path | None  # the downloads (the offline zip, …), when asked for
    parallel: bool  # the other editions in processes of their own, where the platform can fork
    serving: bool  # a live preview: problems are shown on the pages instead of stopping the build
    # Pages carry their Content-Security-Policy, as published; not under the engine's own server (`mkdocs serve`),
    # whose live reload injects an inline script the policy would block.
    policy_in_pages: bool = True
    # The preview (python -m hiwar serve) serves the site's tree from the store: the engine's site folder is its
    # scratch, never made to hold the tree.
    served_from_store: bool = False
    palette: list | dict | None = None  # the theme's colour schemes (the web app's colours)
    theme_stylesheets: Path | None = None  # the theme's stylesheets, where those colours are defined

    @property
    def work(self) -> Path:
        """The build folder: the cache, the journal of publishing, the lock."""
        return self.cache_dir.parent
