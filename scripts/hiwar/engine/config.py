"""The plugin's typed configuration (mkdocs.yml, `plugins: - hiwar: …`); a bad value names the option."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class HiwarConfig(base.Config):
    # Inputs, relative to the folder of mkdocs.yml.
    seeds = c.Type(str, default="seeds")
    editorial = c.Type(str, default="editorial")
    # Editions, by language code; the first is the default edition, at the site root, the others under <code>/.
    editions = c.ListOfItems(c.Type(str), default=["ar", "en"])
    # A folder of extra or replacement language tables (<code>.yml); the package's own tables are the fallback.
    languages_dir = c.Optional(c.Dir(exists=True))
    # Assets built from npm packages (the font subset, `python -m hiwar assets`), added to the site under assets/.
    assets_dir = c.Type(str, default="build/assets")
    # Where the build's cache (the store of everything it made, its record) and the build report go.
    cache_dir = c.Type(str, default="build/cache")
    report = c.Type(str, default="build/report.txt")
    # The offline edition (opens from file://) is derived from the same rendering when a folder is given; the
    # downloads (the offline edition's zip, …) go into `dist_dir` when one is given.
    offline_dir = c.Type(str, default="")
    dist_dir = c.Type(str, default="")
    # Editions are rendered in parallel processes where the platform can fork.
    parallel = c.Type(bool, default=True)
