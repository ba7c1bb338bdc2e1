"""What the site needs to be installed as an app and served with its headers: each edition's web app manifest, the
lists of each edition's files, the service worker (site/webapp/) and the hosts' `_headers` (site/headers.py), made
from the site's tree once every other file of the site is made (they list and describe all of them)."""

from __future__ import annotations

import functools
import json

import tinycss2

from hiwar.outputs import pycache
from hiwar.outputs.contract import Context, Files, Output, Scope, Target
from hiwar.site import headers, policy, webapp
from hiwar.site.webapp.files import site_files
from hiwar.site.webapp.manifest import CustomProperties, custom_properties, theme_colours

KIND = "page-policy-sources"  # what a page's policy allows by hash, kept by the page's blob (derived once)
PROPERTIES = "stylesheet-custom-properties"  # a theme stylesheet's custom properties, kept by its blob (the same
# bytes the site publishes): reading one takes a third of a second


class WebApp(Output):
    name = "web-app"
    target = Target.SITE
    scope = Scope.SITE
    in_preview = False  # its service worker would keep serving the pages it cached instead of the edited ones

    def produce(self, context: Context, files: Files) -> None:
        if context.options.serving and not self.in_preview:
            return
        tree = context.trees[Target.SITE]
        store = context.store
        every = site_files(
            ((path, store.size(digest), digest) for path, digest in tree.items()), leave=webapp.made_here
        )
        colours = theme_colours(
            context.options.palette, context.options.theme_stylesheets, lambda css: self._properties(context, css)
        )
        made, summary = webapp.app_files(every, context.editions, colours)
        for path, data in made.items():
            files.add(path, data)
        sources = policy.sources_of(
            self._sources(context, digest) for path, digest in tree.items() if path.endswith(".html")
        )
        site = headers.site_of(list(tree) + list(made), policy.header_policy_of(sources), context.site_url)
        for path, data in headers.headers_files(site).items():
            files.add(path, data)
        context.progress.note(
            f"web app {summary['version']}: shell {summary['shell_bytes']:,} bytes; "
            + ", ".join(f"edition {p} {size:,} bytes" for p, size in summary["editions"].items())
        )

    @staticmethod
    def _properties(context: Context, css: bytes) -> CustomProperties:
        def made() -> bytes:
            found = custom_properties(css)
            return json.dumps(sorted([*selected, value] for selected, value in found.items())).encode()

        blob = context.store.put(css)
        # the theme's style sheets, the same in every project: read once for them all
        shared = functools.partial(pycache.bytes_of, PROPERTIES, f"{tinycss2.__version__}:{blob}", made)
        data = context.derived.bytes_of(f"{PROPERTIES}:{blob}", context.store, shared)
        return {(selector, name): value for selector, name, value in json.loads(data)}

    @staticmethod
    def _sources(context: Context, digest: str) -> policy.Sources:
        def made() -> bytes:
            page = context.store.get(digest)
            found = policy.page_sources(page.decode("utf-8")) if page is not None else policy.Sources()
            return json.dumps([list(found.scripts), list(found.styles)]).encode()

        scripts, styles = json.loads(context.derived.bytes_of(f"{KIND}:{digest}", context.store, made))
        return policy.Sources(tuple(scripts), tuple(styles))
