"""Command line.

    python -m hiwar pages --seeds DIR --out DIR [--editorial DIR] [--report FILE]   the converter's Markdown pages
    python -m hiwar assets --out DIR                                                the font subset the site bundles
    python -m hiwar publish --stage DIR --site DIR --offline DIR --zip FILE         a finished build put in place
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
    # wiring: epub (the output contract will own this)
    publish.add_argument("--downloads", type=Path, default=None,
                         help="also publish the site's books (its downloads/ folder) into this folder, e.g. dist")
    args = parser.parse_args(argv)
    if args.command == "assets":
        from hiwar.site.assets import build_assets
        for path in build_assets(args.out):
            print(f"{path} ({path.stat().st_size:,} bytes)")
        return 0
    if args.command == "publish":
        from hiwar.site.outputs import publish as put_in_place
        moves = [("site", args.site), ("site-offline", args.offline), (args.zip.name, args.zip)]
        if args.downloads is not None:  # wiring: epub (the output contract will own this)
            from hiwar.site.downloads import staged_books
            moves += staged_books(args.stage, "site", args.downloads)
        put_in_place(args.stage, moves)
        return 0
    return _pages(args)


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


if __name__ == "__main__":
    sys.exit(main())
