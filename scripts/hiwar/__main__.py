"""Command line.

python -m hiwar build [--engine mkdocs|properdocs]                             every edition, staged, published whole
python -m hiwar recover                                                        complete a switch a stopped build left
python -m hiwar serve [--addr HOST:PORT] [--engine mkdocs|properdocs]          the live preview (make serve)
python -m hiwar pages --seeds DIR --out DIR [--editorial DIR] [--report FILE]   the converter's Markdown pages
python -m hiwar assets --out DIR                                                the font subset and the app's icons
python -m hiwar nginx --site DIR [--root DIR] [--listen ADDR] [--out FILE]     nginx configuration for a build
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="hiwar", description="Turn Arabic article seeds into bilingual Markdown pages."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="build every edition and publish site/, site-offline/ and dist/ together")
    build.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    build.add_argument("--engine", default=os.environ.get("ENGINE") or "mkdocs", help="mkdocs (default) or properdocs")
    build.add_argument("--site", type=Path, default=Path("site"))
    build.add_argument("--offline", type=Path, default=Path("site-offline"))
    build.add_argument("--dist", type=Path, default=Path("dist"))
    build.add_argument("--verbose", action="store_true", help="the engine's messages, the pages rendered and reused")
    serve = commands.add_parser(
        "serve", help="the live preview: the site as make build makes it, rebuilt on every save"
    )
    serve.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    serve.add_argument("--engine", default=os.environ.get("ENGINE") or "mkdocs", help="mkdocs (default) or properdocs")
    serve.add_argument("--addr", default="127.0.0.1:8000", help="where to serve (HOST:PORT)")
    serve.add_argument("--verbose", action="store_true", help="the engine's messages, the pages rendered and reused")
    recover = commands.add_parser("recover", help="complete the switch of outputs a stopped build left half done")
    recover.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    pages = commands.add_parser("pages", help="convert a folder of seeds into the pages of every edition")
    pages.add_argument("--seeds", type=Path, required=True, help="folder of .txt seeds (never modified)")
    pages.add_argument(
        "--out", type=Path, required=True, help="folder to write <lang>/ pages into (the layout of docs/)"
    )
    pages.add_argument("--editorial", type=Path, default=None, help="folder of translations and metadata (optional)")
    pages.add_argument("--report", type=Path, default=None, help="also write the build report to this file")
    pages.add_argument(
        "--editions",
        default=None,
        help="the edition languages, the source first (default: those of ./mkdocs.yml, else ar,en)",
    )
    pages.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    assets = commands.add_parser("assets", help="build the font subset the site bundles and the app's icons")
    assets.add_argument("--out", type=Path, required=True, help="assets folder, e.g. build/assets")
    assets.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    nginx = commands.add_parser("nginx", help="the nginx configuration serving a built site (deploy/nginx.conf)")
    nginx.add_argument("--site", type=Path, default=Path("site"), help="the built site")
    nginx.add_argument("--root", type=Path, default=None, help="where the site is on the server (default: --site)")
    nginx.add_argument("--listen", default="80")
    nginx.add_argument("--server-name", default="_")
    nginx.add_argument("--out", type=Path, default=None, help="write here (default: standard output)")
    args = parser.parse_args(argv)
    if args.command == "nginx":
        return _nginx(args)
    if args.command == "assets":
        from hiwar.site.assets import build_assets
        from hiwar.site.webapp.icons import build_icons
        from hiwar.site.webapp.manifest import theme_colours

        fonts = build_assets(args.out)
        configured = _configured_theme(args.config)
        colours = theme_colours(
            configured.palette if configured else None, configured.theme_stylesheets if configured else None
        )
        for path in fonts + build_icons(args.out, colours.theme, args.out / "fonts" / "noto-naskh-arabic-700.woff2"):
            print(f"{path} ({path.stat().st_size:,} bytes)")
        return 0
    if args.command == "build":
        from hiwar.build.command import run_build

        return run_build(
            args.config, {"site": args.site, "site-offline": args.offline, "dist": args.dist}, args.engine, args.verbose
        )
    if args.command == "serve":
        from hiwar.preview.command import run_serve

        host, _, port = args.addr.rpartition(":")
        if not host or not port.isdigit():
            print(f"hiwar: --addr {args.addr!r}: give HOST:PORT, such as 127.0.0.1:8000", file=sys.stderr)
            return 2
        return run_serve(args.config, host, int(port), args.engine, args.verbose)
    if args.command == "recover":
        from hiwar.build.command import run_recover

        return run_recover(args.config)
    return _pages(args)


def _nginx(args) -> int:
    import os

    from hiwar.site.hosting import nginx_conf

    if not (args.site / "index.html").is_file():
        print(f"{args.site}: no built site (run make build)", file=sys.stderr)
        return 2
    text = nginx_conf(
        args.site,
        root=args.root,
        listen=args.listen,
        server_name=args.server_name,
        site_url=os.environ.get("HIWAR_SITE_URL"),
    )
    if args.out is None:
        sys.stdout.write(text)
    else:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
        print(f"{args.out}: nginx configuration for {args.site} (root {args.root or args.site.resolve()})")
    return 0


def _pages(args) -> int:
    from hiwar.build.plan import generated_paths, render_pages
    from hiwar.enrich.collection import collect
    from hiwar.enrich.report import report
    from hiwar.problems import InputError
    from hiwar.site.editions import TableErrors, load_editions
    from hiwar.site.markdown_pages import write_pages

    languages_dir = None
    if args.editions:
        languages = tuple(args.editions.split(","))
    else:
        languages, languages_dir = _configured(args.config)
    try:
        editions = load_editions(list(languages), languages_dir)
    except (InputError, TableErrors) as err:
        lines = err.lines if isinstance(err, TableErrors) else [str(err.problem)]
        for line in lines:
            print(line, file=sys.stderr)
        print(f"hiwar: {len(lines)} problem(s) in the language tables; no page was written", file=sys.stderr)
        return 1
    collection = collect(args.seeds, args.editorial, languages=languages)
    if collection.problems:
        for problem in collection.problems:
            print(problem, file=sys.stderr)
        print(f"hiwar: {len(collection.problems)} problem(s); no page was written", file=sys.stderr)
        return 1
    pages = render_pages(collection, editions)
    write_pages(pages, args.out, generated_paths(editions))
    lines = report(collection)
    if args.report:
        args.report.parent.mkdir(parents=True, exist_ok=True)
        args.report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    print(f"hiwar: {len(collection.articles)} article(s), {len(pages)} pages in {args.out}")
    return 0


def _configured(config_file: Path) -> tuple[tuple[str, ...], Path | None]:
    """The editions and language tables the plugin is configured with (read by the engine's own loader, every
    option honoured), else the default editions."""
    from hiwar.model.languages import EDITION_LANGUAGES

    if not config_file.is_file():
        return EDITION_LANGUAGES, None
    from hiwar.engine.adapter import plugin_options

    configured = plugin_options(config_file)
    return tuple(configured.editions), configured.languages_dir


def _configured_theme(config_file: Path):
    """The theme's palette and stylesheets (the app's icons take their colours from them), read by the engine's
    loader."""
    if not config_file.is_file():
        return None
    from hiwar.engine.adapter import plugin_options

    return plugin_options(config_file)


if __name__ == "__main__":
    sys.exit(main())
