"""Command line.

    python -m hiwar pages --seeds DIR --out DIR [--editorial DIR] [--report FILE]   the converter's Markdown pages
    python -m hiwar assets --out DIR                                                the font subset the site bundles
    python -m hiwar publish --stage DIR --site DIR --offline DIR --zip FILE         a finished build put in place
    python -m hiwar zim --offline DIR --out DIR [--previous DIR]                    the Kiwix edition: a ZIM file per edition
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
    # wiring: zim (the output contract will own this)
    publish.add_argument("--zim-dir", type=Path, default=None, help="where the stage's ZIM files go (e.g. dist)")
    zim = commands.add_parser("zim", help="the Kiwix edition: one ZIM file per edition, made from the offline edition")
    zim.add_argument("--offline", type=Path, required=True, help="the offline edition's folder")
    zim.add_argument("--out", type=Path, required=True, help="folder to write hiwar_<lang>.zim into")
    zim.add_argument("--previous", type=Path, default=None,
                     help="folder of the last build's ZIM files: a file made from the same inputs is taken as it is")
    args = parser.parse_args(argv)
    if args.command == "assets":
        from hiwar.site.assets import build_assets
        for path in build_assets(args.out):
            print(f"{path} ({path.stat().st_size:,} bytes)")
        return 0
    if args.command == "publish":
        from hiwar.site.outputs import publish as put_in_place
        moves = [("site", args.site), ("site-offline", args.offline), (args.zip.name, args.zip)]
        if args.zim_dir is not None:  # wiring: zim (the output contract will own this)
            from hiwar.outputs.zim import FILE_NAME
            built = sorted(path.name for path in args.stage.glob(FILE_NAME.format(lang="*")))
            moves += [(name, args.zim_dir / name) for name in built]
        put_in_place(args.stage, moves)
        if args.zim_dir is not None:  # an edition no longer configured leaves no file behind
            for stale in args.zim_dir.glob(FILE_NAME.format(lang="*")):
                if stale.name not in built:
                    stale.unlink()
        return 0
    if args.command == "zim":
        return _zim(args)
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


def _zim(args) -> int:
    import datetime
    import os

    from hiwar.outputs.zim import ZimError, write_editions
    from hiwar.problems import InputError
    from hiwar.site.editions import TableErrors, load_editions
    from hiwar.site.progress import Progress

    config = _configuration(Path("mkdocs.yml"))
    plugin = _hiwar_options(config)
    folder = plugin.get("languages_dir")
    try:
        editions = load_editions(list(_configured_languages(Path("mkdocs.yml"))), Path(folder) if folder else None)
    except (InputError, TableErrors) as err:
        print(*(err.lines if isinstance(err, TableErrors) else [str(err.problem)]), sep="\n", file=sys.stderr)
        return 1
    # Dated as MkDocs dates its outputs: by SOURCE_DATE_EPOCH (the last commit, set by the Makefile), else today.
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    date = datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).date() if epoch else datetime.date.today()
    progress = Progress()
    try:
        made = write_editions(args.offline, args.out, editions, str(config.get("site_url") or ""), date, args.previous,
                              stage=lambda lang: progress.stage(f"zim {lang}", unit="entries"))
    except ZimError as err:
        print(err, file=sys.stderr)
        return 1
    for zim in made:
        print(f"{zim.path} ({zim.path.stat().st_size:,} bytes, {zim.entries} entries{', unchanged' if zim.reused else ''})")
    return 0


def _configuration(config_file: Path) -> dict:
    """mkdocs.yml as MkDocs reads it (its !ENV values resolved); empty when there is none."""
    from mkdocs.utils.yaml import yaml_load

    if not config_file.is_file():
        return {}
    with config_file.open(encoding="utf-8") as stream:
        return yaml_load(stream) or {}


def _hiwar_options(config: dict) -> dict:
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("hiwar"), dict):
            return plugin["hiwar"]
    return {}


def _configured_languages(config_file: Path) -> tuple[str, ...]:
    """The editions configured for the hiwar plugin in mkdocs.yml: one list of languages for the site and `make pages`."""
    from hiwar.model.languages import EDITION_LANGUAGES

    return tuple(_hiwar_options(_configuration(config_file)).get("editions") or EDITION_LANGUAGES)


if __name__ == "__main__":
    sys.exit(main())
