"""Each edition's web app manifest: the app a reader installs, named in the edition's language, and its colours,
taken from the theme's own stylesheets for the palette mkdocs.yml chooses (one source: change the palette, the app
follows)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

import tinycss2

from hiwar.site.webapp.icons import ICONS

PRIMARY = "--md-primary-fg-color"
BACKGROUND = "--md-default-bg-color"


@dataclass(frozen=True)
class Colours:
    theme: str  # the app's title bar: the palette's primary colour
    background: str  # the splash screen: the page background of the palette's scheme


CustomProperties = dict[tuple[str, str], str]  # (selector, custom property) -> value


def theme_colours(
    palette: Sequence[dict] | dict | None,
    stylesheets: Path,
    read: Callable[[bytes], CustomProperties] | None = None,
) -> Colours:
    """The colours of the first (light) palette mkdocs.yml sets, read from Material's stylesheets (each by `read`, a
    build's remembered reading of the same bytes, or `custom_properties`)."""
    first = (palette[0] if isinstance(palette, list) and palette else palette) or {}
    primary = str(first.get("primary", "indigo")).replace(" ", "-")
    scheme = str(first.get("scheme", "default"))
    values: CustomProperties = {}
    for path in sorted(stylesheets.glob("*.min.css")):
        for found, value in (read or custom_properties)(path.read_bytes()).items():
            values.setdefault(found, value)
    try:
        return Colours(
            values[(f"[data-md-color-primary={primary}]", PRIMARY)],
            values[(f"[data-md-color-scheme={scheme}]", BACKGROUND)],
        )
    except KeyError as missing:
        raise ValueError(f"the theme's stylesheets set no {missing.args[0][1]} for {missing.args[0][0]}") from None


def custom_properties(css: bytes) -> CustomProperties:
    """(selector, custom property) → value, for every selector of every qualified rule of a stylesheet (the first
    value set wins)."""
    values: CustomProperties = {}
    for rule in tinycss2.parse_stylesheet(css.decode("utf-8"), skip_comments=True, skip_whitespace=True):
        if rule.type != "qualified-rule":
            continue
        selectors = [s.strip() for s in tinycss2.serialize(rule.prelude).split(",")]
        for declaration in tinycss2.parse_declaration_list(rule.content, skip_comments=True, skip_whitespace=True):
            if declaration.type == "declaration" and declaration.name.startswith("--"):
                value = tinycss2.serialize(declaration.value).strip()
                for selector in selectors:
                    values.setdefault((selector, declaration.name), value)
    return values


def web_manifest(edition, colours: Colours, root: str) -> dict:
    """The manifest of `edition`, for its folder; `root` is the site root relative to that folder ("" or "../").
    The scope is the whole site, so that the language switch stays in the app."""
    return {
        "name": edition.t("app.name"),
        "short_name": edition.t("app.short_name"),
        "description": edition.t("site.description"),
        "lang": edition.lang,
        "dir": edition.dir,
        "start_url": "./",
        "scope": root or "./",
        "display": "standalone",
        "theme_color": colours.theme,
        "background_color": colours.background,
        "icons": [
            {
                "src": f"{root}{icon.path}",
                "sizes": f"{icon.size}x{icon.size}",
                "type": "image/png",
                "purpose": icon.purpose,
            }
            for icon in ICONS
            if icon.purpose in ("any", "maskable")
        ],
    }


def manifest_bytes(manifest: dict) -> bytes:
    return (json.dumps(manifest, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
