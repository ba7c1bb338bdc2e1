"""The theme looks for a sitemap.xml at the root of each edition (it maps a page to its counterpart when
the reader switches language); mkdocs-static-i18n writes one, covering both editions, at the site root.
The English edition gets the same file, so no request ends in a 404."""
from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.plugins import event_priority


@event_priority(-110)  # after mkdocs-static-i18n (-100) built every edition
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is None or getattr(i18n, "building", False):
        return
    site = Path(config.site_dir)
    for language in i18n.build_languages:
        if language != i18n.default_language and (site / language).is_dir():
            for name in ("sitemap.xml", "sitemap.xml.gz"):
                if (site / name).exists():
                    shutil.copyfile(site / name, site / language / name)
