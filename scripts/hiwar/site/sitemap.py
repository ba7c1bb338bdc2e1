"""One sitemap for every edition, each page listed with its counterparts (hreflang), so search engines pair them.

No <lastmod>: the build knows when it ran, not when a page last changed. The theme looks for a sitemap.xml beside
each <link rel="alternate"> it finds (the feeds, in every edition's folder), so every edition gets a copy.
"""

from __future__ import annotations

import gzip
import xml.etree.ElementTree as ET

from hiwar.site.editions import Edition

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


def sitemap_xml(editions: tuple[Edition, ...], site_url: str, paths: dict[str, dict[str, str]]) -> bytes:
    ET.register_namespace("", SITEMAP_NS)
    ET.register_namespace("xhtml", XHTML_NS)
    root = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    base = site_url.rstrip("/") + "/"
    for _, urls in sorted(paths.items()):
        for edition in editions:
            if edition.lang not in urls:
                continue
            entry = ET.SubElement(root, f"{{{SITEMAP_NS}}}url")
            ET.SubElement(entry, f"{{{SITEMAP_NS}}}loc").text = base + urls[edition.lang]
            if len(urls) > 1:
                for other in editions:
                    if other.lang in urls:
                        ET.SubElement(
                            entry,
                            f"{{{XHTML_NS}}}link",
                            rel="alternate",
                            hreflang=other.lang,
                            href=base + urls[other.lang],
                        )
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def sitemap_files(editions: tuple[Edition, ...], site_url: str, paths: dict[str, dict[str, str]]) -> dict[str, bytes]:
    """The sitemap, plain and gzipped, in every edition's folder."""
    data = sitemap_xml(editions, site_url, paths)
    packed = gzip.compress(data, mtime=0)
    files = {}
    for edition in editions:
        files[f"{edition.prefix}sitemap.xml"] = data
        files[f"{edition.prefix}sitemap.xml.gz"] = packed
    return files
