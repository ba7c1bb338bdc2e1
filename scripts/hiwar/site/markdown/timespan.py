"""TimeSpan: a bracketed span that carries `datetime` is written as HTML's <time>.

    [3 May 2021]{: datetime="2021-05-03" }  →  <time datetime="2021-05-03">3 May 2021</time>

pymdownx.bracketspan makes `[text]{: attributes }` a <span>; HTML defines `datetime` on <time> alone, and no
Markdown syntax makes a <time>. So a span with `datetime` becomes one, with its attributes and content; every
other span stays as it is. Enabled with `pymdownx.bracketspan` and `attr_list` (mkdocs.yml).
"""
from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

# After the inline patterns (`inline`, 20), which make the spans, and before `attr_list` (8) and `toc` (5).
PRIORITY = 15


class TimeSpanTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for element in root.iter("span"):
            if "datetime" in element.attrib:
                element.tag = "time"


class TimeSpanExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        md.treeprocessors.register(TimeSpanTreeprocessor(md), "timespan", PRIORITY)


def makeExtension(**kwargs) -> TimeSpanExtension:  # noqa: N802 — the name Python-Markdown looks for
    return TimeSpanExtension(**kwargs)
