"""The nginx configuration for a built site (deploy/nginx.conf, a template filled in with the headers of headers.py
for that build). The web app's files and the hosts' `_headers` are an output of the build (outputs/webapp.py)."""

from __future__ import annotations

from pathlib import Path

import jinja2

from hiwar.site import headers

NGINX_TEMPLATE = Path(__file__).resolve().parents[3] / "deploy" / "nginx.conf"


def nginx_conf(
    site: Path,
    *,
    root: Path | None = None,
    listen: str = "80",
    server_name: str = "_",
    site_url: str | None = None,
    template: Path = NGINX_TEMPLATE,
) -> str:
    """The nginx configuration (an http-level snippet: a map and a server) serving the built `site` folder, found on
    the server at `root` (default: where it is here), with the headers of headers.py for this build."""
    facts = headers.site_in(site, site_url)
    table = headers.rules(facts)
    values = {"root": str(root or site.resolve()), "listen": listen, "server_name": server_name}
    for name, value in values.items():
        if not headers.NGINX_WORD.fullmatch(value):
            raise ValueError(f"{name}: {value!r} cannot be written into an nginx configuration")
    environment = jinja2.Environment(autoescape=False, keep_trailing_newline=True, undefined=jinja2.StrictUndefined)
    return environment.from_string(template.read_text(encoding="utf-8")).render(
        **values,
        site_root=facts.root,
        error_pages=headers.error_pages(facts),
        text_types=headers.text_types(table),
        locations=headers.nginx_locations(table, facts.root),
    )
