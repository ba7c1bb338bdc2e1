"""Command line.

    python -m hiwar pages --seeds DIR --out DIR [--editorial DIR] [--report FILE]   the converter's Markdown pages
    python -m hiwar assets --out DIR                                                the font subset and the app's icons
    python -m hiwar publish --stage DIR --site DIR --offline DIR --zip FILE         a finished build put in place
    python -m hiwar nginx --site DIR [--root DIR] [--listen ADDR] [--out FILE]     nginx configuration for a build
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="hiwar", description="Turn Arabic article seeds into bilingual Markdown pages.")
    commands = parser.add_subparsers(dest="command", required=True)
    pages = commands.add_parser("pages", help="convert a folder of seeds into the pages of every edition")
    pages.add_argument("--seeds", type=Path, required=True, help="folder of .txt seeds (never modified)")
    pages.add_argument("--out", type=Path, required=True, help="folder to write <lang>/ pages into (the layout of docs/)")
    pages.add_argument("--editorial", type=Path, default=None, help="folder of translations and metadata (optional)")
    pages.add_argument("--report", type=Path, default=None, help="also write the build report to this file")
    pages.add_argument("--editions", default=None,
                       help="the edition languages, the source first (default: those of ./mkdocs.yml, else ar,en)")
    assets = commands.add_parser("assets", help="build the font subset the site bundles")
    assets.add_argument("--out", type=Path, required=True, help="assets folder, e.g. build/assets")
    publish = commands.add_parser("publish", help="replace the site, the offline edition and its zip together")
    publish.add_argument("--stage", type=Path, required=True)
    publish.add_argument("--site", type=Path, required=True)
    publish.add_argument("--offline", type=Path, required=True)
    publish.add_argument("--zip", type=Path, required=True)
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
        colours = theme_colours(_configured_theme(Path("mkdocs.yml")).get("palette"))
        for path in fonts + build_icons(args.out, colours.theme, args.out / "fonts" / "noto-naskh-arabic-700.woff2"):
            print(f"{path} ({path.stat().st_size:,} bytes)")
        return 0
    if args.command == "publish":
        from hiwar.site.outputs import publish as put_in_place
        put_in_place(args.stage, [("site", args.site), ("site-offline", args.offline), (args.zip.name, args.zip)])
        return 0
    return _pages(args)


def _nginx(args) -> int:
    import os

    from hiwar.site.hosting import nginx_conf
    if not (args.site / "index.html").is_file():
        print(f"{args.site}: no built site (run make build)", file=sys.stderr)
        return 2
    text = nginx_conf(args.site, root=args.root, listen=args.listen, server_name=args.server_name,
                      site_url=os.environ.get("HIWAR_SITE_URL"))
    if args.out is None:
        sys.stdout.write(text)
    else:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
        print(f"{args.out}: nginx configuration for {args.site} (root {args.root or args.site.resolve()})")
    return 0


def _pages(args) -> int:
    from hiwar.enrich.collection import collect
    from hiwar.enrich.report import report
    from hiwar.problems import InputError
    from hiwar.site.editions import TableErrors, load_editions
    from hiwar.site.generate import generated_paths, render_pages
    from hiwar.site.markdown_pages import write_pages

    languages = tuple(args.editions.split(",")) if args.editions else _configured_languages(Path("mkdocs.yml"))
    try:
        editions = load_editions(list(languages))
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


def _configured_languages(config_file: Path) -> tuple[str, ...]:
    """The editions configured for the hiwar plugin in mkdocs.yml: one list of languages for the site and `make pages`."""
    from mkdocs.utils.yaml import yaml_load

    from hiwar.model.languages import EDITION_LANGUAGES

    if config_file.is_file():
        with config_file.open(encoding="utf-8") as stream:
            config = yaml_load(stream) or {}
        for plugin in config.get("plugins") or []:
            if isinstance(plugin, dict) and isinstance(plugin.get("hiwar"), dict) and plugin["hiwar"].get("editions"):
                return tuple(plugin["hiwar"]["editions"])
    return EDITION_LANGUAGES


def _configured_theme(config_file: Path) -> dict:
    """The theme section of mkdocs.yml (the palette the app's icons and manifest take their colours from)."""
    from mkdocs.utils.yaml import yaml_load

    if not config_file.is_file():
        return {}
    with config_file.open(encoding="utf-8") as stream:
        theme = (yaml_load(stream) or {}).get("theme")
    return theme if isinstance(theme, dict) else {}


if __name__ == "__main__":
    sys.exit(main())
