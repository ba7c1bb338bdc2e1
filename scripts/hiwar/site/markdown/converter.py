"""The converter's Markdown extension: the two things the converter's pages need of Python-Markdown that neither it
nor pymdown-extensions does. Enabled in mkdocs.yml with `attr_list` and `pymdownx.bracketspan`.

1. A bracketed span that carries `datetime` is written as HTML's <time>:

       [3 May 2021]{: datetime="2021-05-03" }  →  <time datetime="2021-05-03">3 May 2021</time>

   pymdownx.bracketspan makes `[text]{: attributes }` a <span>; HTML defines `datetime` on <time> alone, and no
   Markdown syntax makes a <time>. A span with `datetime` becomes one, with its attributes and content; every other
   span stays as it is.
2. A character reference is text as it is. The converter writes every ASCII punctuation character of a text as a
   numeric character reference (`&#44;`, site/markup.py `literal`), and Python-Markdown's `entity` inline pattern
   would take each one for a piece of raw HTML to set aside and put back: a fifth of the time a page takes to render.
   Its serializer already writes a reference as it is (an `&` that starts one is not escaped), in text and in
   attributes, so the pattern is left out; a page renders to the same HTML.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

# After the inline patterns (`inline`, 20), which make the spans, and before `attr_list` (8) and `toc` (5).
PRIORITY = 15
ENTITY_PATTERN = "entity"  # Python-Markdown's name for it (inlinepatterns.build_inlinepatterns)


class TimeSpanTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for element in root.iter("span"):
            if "datetime" in element.attrib:
                element.tag = "time"


class ConverterExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        md.treeprocessors.register(TimeSpanTreeprocessor(md), "timespan", PRIORITY)
        md.inlinePatterns.deregister(ENTITY_PATTERN, strict=False)


def makeExtension(**kwargs) -> ConverterExtension:  # noqa: N802 — the name Python-Markdown looks for
    return ConverterExtension(**kwargs)
