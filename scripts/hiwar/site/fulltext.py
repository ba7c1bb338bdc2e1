"""An article's text as feeds carry it: the page's body as rendered, without what only works on the page, with every
link absolute (a feed reader shows the text away from the site), in a block that says its language and direction.

Left out: the heading permalinks ("#"), the glosses that show on hover (a feed reader would print them inline), and
the related articles after the text. Kept: the ¶ numbers (they are how the articles are cited) and the notes.
Parsed and written with lxml's HTML tools, which also make the links absolute.
"""

from __future__ import annotations

from lxml import etree, html

from hiwar.site.editions import Edition

# What the page shows only for reading on the site.
PERMALINKS = "//a[@class='headerlink']"
GLOSSES = "//span[contains(concat(' ', normalize-space(@class), ' '), ' hiwar-gloss ')]"
RELATED_HEADING = "//*[@id='related']"


def feed_html(body: str, page_url: str, edition: Edition) -> str:
    """The article's body (EditionBuild.article_html) as HTML for a feed; empty when the page has no text."""
    block = html.fragment_fromstring(body or "", create_parent="div")
    related = block.xpath(RELATED_HEADING)
    if related:
        for sibling in list(related[0].itersiblings()):
            block.remove(sibling)
        block.remove(related[0])
    for element in block.xpath(PERMALINKS) + block.xpath(GLOSSES):
        element.drop_tree()  # keeps the text that follows it
    if not len(block) and not (block.text or "").strip():
        return ""
    block.make_links_absolute(page_url, resolve_base_href=False)
    block.set("lang", edition.lang)
    block.set("dir", edition.dir)
    return etree.tostring(block, encoding="unicode", method="html")
