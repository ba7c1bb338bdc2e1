"""The Content-Security-Policy every page carries, made from what the page itself inlines.

A page may run its own scripts only from the site (`'self'`) or by the hash of an inline script it holds; styles
likewise; nothing comes from another host, nothing is an object, and neither the page's base URL nor a form's target
can be moved elsewhere. The theme inlines a few small scripts whose text varies with the page's depth
(Material's `__md_scope=new URL("../..",location)`), so each page's hashes are computed from the page as written:
parsed with lxml's HTML parser (never searched with patterns), hashed over the exact text of each executable inline
script (sha256, base64), as the browser hashes it.

The policy is a `<meta http-equiv>` so that it holds on any host, placed before anything it governs (right after the
`<meta charset>`, which must stay within the document's first 1024 bytes). The server's header policy
(headers.py) repeats it with the hashes of every page and what only a header can say (`frame-ancestors`).

The online and the offline (file://) editions differ only in their sources: in Chromium `'self'` on a file:// page
matches the files beside it (measured); `file:` is added for browsers that give file:// pages an opaque origin.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Iterable

import lxml.html
from lxml import etree
from lxml.html import builder

META_NAME = "Content-Security-Policy"

# Script types a browser executes; every other type (application/json, application/ld+json) is a data block that no
# policy governs.
EXECUTABLE_TYPES = {
    "",
    "text/javascript",
    "application/javascript",
    "module",
    "text/ecmascript",
    "application/ecmascript",
    "application/x-javascript",
    "text/x-javascript",
}


@dataclass(frozen=True)
class Policy:
    """A policy without its page's hashes: directive → sources, in the order they are written."""

    directives: tuple[tuple[str, tuple[str, ...]], ...]

    def text(self, allowed: "Sources") -> str:
        """The policy for a page whose inline code `allowed` names."""
        extra = {"script-src": allowed.scripts, "style-src": allowed.styles}
        return "; ".join(" ".join((name, *sources, *extra.get(name, ()))) for name, sources in self.directives)

    def with_directives(self, *more: tuple[str, tuple[str, ...]]) -> "Policy":
        return Policy(self.directives + more)


def _policy(own: tuple[str, ...], *, app: bool) -> Policy:
    """The page policy: `own` are the sources that stand for this site; `app` allows the service worker and the
    web app manifest."""
    none = ("'none'",)
    return Policy(
        (
            ("default-src", own),
            ("script-src", own),
            ("style-src", own),
            ("img-src", (*own, "data:")),  # the theme's icons are data: SVG images in its stylesheet
            ("font-src", own),
            ("connect-src", own),
            ("worker-src", own if app else none),
            ("manifest-src", own if app else none),
            ("object-src", none),
            ("base-uri", ("'self'",)),
            ("form-action", ("'self'",)),
        )
    )


ONLINE = _policy(("'self'",), app=True)
# From file:// there is no service worker (browsers allow none there) and nothing to install (that needs http(s)).
OFFLINE = _policy(("'self'", "file:"), app=False)
# What only a response header can say (a <meta> policy that says it is ignored, with a console error).
HEADER_ONLY = (("frame-ancestors", ("'none'",)),)


@dataclass(frozen=True)
class Sources:
    """The hash sources a page's inline code needs: for script-src and for style-src."""

    scripts: tuple[str, ...] = ()
    styles: tuple[str, ...] = ()

    def __or__(self, other: "Sources") -> "Sources":
        return Sources(_union(self.scripts, other.scripts), _union(self.styles, other.styles))


@dataclass(frozen=True)
class InlineCode:
    """What a page runs or styles inline: the exact texts the policy must allow by hash."""

    scripts: frozenset[str] = frozenset()
    styles: frozenset[str] = frozenset()  # <style> elements
    style_attributes: frozenset[str] = frozenset()  # style="…" values: their hashes need 'unsafe-hashes' (CSP 3)

    def sources(self) -> Sources:
        attributes = {_hash(text) for text in self.style_attributes}
        elements = {_hash(text) for text in self.styles} - attributes
        styles = (("'unsafe-hashes'",) + tuple(sorted(attributes)) if attributes else ()) + tuple(sorted(elements))
        return Sources(tuple(sorted({_hash(text) for text in self.scripts})), styles)


# Compiled XPath queries over the parsed page (lxml evaluates them in C).
INLINE_SCRIPTS = etree.XPath("//script[not(@src)]")
STYLE_ELEMENTS = etree.XPath("//style")
STYLE_ATTRIBUTES = etree.XPath("//@style", smart_strings=False)


def inline_code(html: str) -> InlineCode:
    """The inline scripts, <style> elements and style attributes of a page, as the browser's parser reads them."""
    document = lxml.html.document_fromstring(html)
    scripts = {
        _as_parsed(element.text or "") for element in INLINE_SCRIPTS(document) if _executable(element.get("type"))
    }
    styles = {_as_parsed(element.text or "") for element in STYLE_ELEMENTS(document)}
    attributes = set(STYLE_ATTRIBUTES(document))
    return InlineCode(frozenset(scripts), frozenset(styles), frozenset(attributes))


def with_policy(html: str, policy: Policy) -> str:
    """The page with its policy: the meta element placed first in <head> (after <meta charset>), or, when the page has
    one already (an online page on its way to the offline edition), that element replaced. A fragment without a
    <head> (no theme page is one) is left as it is."""
    place = _Head.locate(html)
    if place.existing is None and place.insert_at is None:
        return html
    text = policy.text(inline_code(html).sources())
    meta = lxml.html.tostring(builder.META(**{"http-equiv": META_NAME, "content": text}), encoding="unicode")
    if place.existing is not None:
        start, end = place.existing
        return html[:start] + meta + html[end:]
    return html[: place.insert_at] + meta + html[place.insert_at :]


def page_policy(html: str) -> str | None:
    """The policy a page's meta element states, or None."""
    return _Head.locate(html).policy


def stated_sources(policy_text: str) -> Sources:
    """The hash sources (and 'unsafe-hashes') a policy gives script-src and style-src."""
    found = {"script-src": (), "style-src": ()}
    for directive in policy_text.split(";"):
        name, *sources = directive.split() or ("",)
        if name in found:
            found[name] = tuple(s for s in sources if s.startswith("'sha256-") or s == "'unsafe-hashes'")
    return Sources(found["script-src"], found["style-src"])


def page_sources(html: str) -> Sources:
    """The hashes one page's policy states (none for a page without a policy)."""
    stated = page_policy(html)
    return stated_sources(stated) if stated is not None else Sources()


def header_policy(pages: Iterable[str], policy: Policy = ONLINE) -> str:
    """The policy for the server to send with every response: every page's hashes, and frame-ancestors."""
    return header_policy_of(sources_of(page_sources(page) for page in pages), policy)


def sources_of(each: Iterable[Sources]) -> Sources:
    union = Sources()
    for sources in each:
        union = union | sources
    return union


def header_policy_of(sources: Sources, policy: Policy = ONLINE) -> str:
    return policy.with_directives(*HEADER_ONLY).text(sources)


def _union(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, ...]:
    unsafe = tuple(s for s in ("'unsafe-hashes'",) if s in first or s in second)
    return unsafe + tuple(sorted((set(first) | set(second)) - {"'unsafe-hashes'"}))


def _executable(script_type: str | None) -> bool:
    return (script_type or "").strip().lower() in EXECUTABLE_TYPES


def _as_parsed(text: str) -> str:
    # The browser's input stream turns CR LF and lone CR into LF before it tokenises; libxml2 keeps them.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


@dataclass
class _Place:
    insert_at: int | None = None  # where a new meta element goes
    existing: tuple[int, int] | None = None  # the span of the page's policy element
    policy: str | None = None


class _Head(HTMLParser):
    """Finds, with the standard library's HTML tokenizer, where a page's <head> starts and what its first elements
    are; it stops at the first element that is neither <meta charset> nor the policy, so it reads only the page's
    first few hundred bytes."""

    class Done(Exception):
        pass

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.html = html
        self.place = _Place()
        self.in_head = False

    @classmethod
    def locate(cls, html: str) -> _Place:
        parser = cls(html)
        try:
            parser.feed(html)
            parser.close()
        except cls.Done:
            pass
        return parser.place

    def _end_of_tag(self) -> tuple[int, int]:
        start = _offset(self.html, *self.getpos())
        return start, start + len(self.get_starttag_text())

    def handle_starttag(self, tag, attrs):
        values = {name: value or "" for name, value in attrs}
        if tag == "head":
            self.in_head = True
            self.place.insert_at = self._end_of_tag()[1]
            return
        if not self.in_head:
            if tag in ("body",):
                raise self.Done
            return
        if tag == "meta" and "charset" in values:
            self.place.insert_at = self._end_of_tag()[1]
            return
        if tag == "meta" and values.get("http-equiv", "").lower() == META_NAME.lower():
            self.place.existing = self._end_of_tag()
            self.place.policy = values.get("content", "")
        raise self.Done

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag):
        if tag in ("head", "html"):
            raise self.Done


def _offset(html: str, line: int, column: int) -> int:
    position = 0
    for _ in range(line - 1):
        position = html.index("\n", position) + 1
    return position + column
