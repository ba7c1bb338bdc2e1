"""Adds the suggested citation and BibTeX entry to each article page (shown in "About this article").

It runs before hooks/safe_meta.py, on the front-matter as written; the template escapes what it prints.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(os.path.abspath(__file__)).parent.parent / "scripts"))

from hiwar.site.citations import bibtex, citation_text, html_with_languages


def on_page_markdown(markdown, page, config, files):
    meta = page.meta
    if "article" in meta:
        lang = config.theme["language"]
        url = page.canonical_url or page.url
        # Built here with escaping, so the template prints them as they are.
        meta["cite_html"] = html_with_languages(citation_text(meta, url, lang), lang)
        meta["cite_bibtex_html"] = html_with_languages(bibtex(meta, url, lang, config.site_name), lang)
    return markdown
