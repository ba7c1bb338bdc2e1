"""What a built site needs to be served: the web app's files (webapp/) and the hosts' headers (headers.py), written
into the site at the end of a build; and the nginx configuration for a built site (deploy/nginx.conf, a template)."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Sequence

import jinja2

from hiwar.site import headers, webapp
from hiwar.site.webapp.manifest import theme_colours

log = logging.getLogger("mkdocs.plugins.hiwar")
NGINX_TEMPLATE = Path(__file__).resolve().parents[3] / "deploy" / "nginx.conf"


def write(site: Path, editions: Sequence, palette, site_url: str | None) -> dict:
    """The web app's files, then `_headers` (whose policy is read from the pages, all written by now)."""
    app = webapp.write(site, editions, theme_colours(palette))
    headers.write(site, site_url)
    log.info("hiwar: web app %s: shell %d bytes; editions %s", app["version"], app["shell_bytes"],
             ", ".join(f"{prefix} {size} bytes" for prefix, size in app["editions"].items()))
    return app


def nginx_conf(site: Path, *, root: Path | None = None, listen: str = "80", server_name: str = "_",
               site_url: str | None = None, template: Path = NGINX_TEMPLATE) -> str:
    """The nginx configuration (an http-level snippet: a map and a server) serving the built `site` folder, found on
    the server at `root` (default: where it is here), with the headers of headers.py for this build."""
    facts = headers.site_of(site, site_url)
    table = headers.rules(facts)
    values = {"root": str(root or site.resolve()), "listen": listen, "server_name": server_name}
    for name, value in values.items():
        if not headers.NGINX_WORD.fullmatch(value):
            raise ValueError(f"{name}: {value!r} cannot be written into an nginx configuration")
    environment = jinja2.Environment(autoescape=False, keep_trailing_newline=True, undefined=jinja2.StrictUndefined)
    return environment.from_string(template.read_text(encoding="utf-8")).render(
        **values, site_root=facts.root, error_pages=headers.error_pages(facts), text_types=headers.text_types(table),
        locations=headers.nginx_locations(table, facts.root))
