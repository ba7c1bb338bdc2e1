"""Command line: python -m hiwar pages --seeds DIR --out DIR [--editorial DIR] [--report FILE]"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hiwar.enrich.collection import build_pages, collect, report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="hiwar", description="Turn Arabic article seeds into bilingual Markdown pages.")
    commands = parser.add_subparsers(dest="command", required=True)
    pages = commands.add_parser("pages", help="convert a folder of seeds into the pages of both editions")
    pages.add_argument("--seeds", type=Path, required=True, help="folder of .txt seeds (never modified)")
    pages.add_argument("--out", type=Path, required=True, help="docs folder to write ar/ and en/ pages into")
    pages.add_argument("--editorial", type=Path, default=None, help="folder of translations and metadata (optional)")
    pages.add_argument("--report", type=Path, default=None, help="also write the build report to this file")
    assets = commands.add_parser("assets", help="build the font subset and scripts the site bundles")
    assets.add_argument("--out", type=Path, required=True, help="assets folder, e.g. docs/assets")
    archive = commands.add_parser("zip", help="pack a built offline site into one zip")
    archive.add_argument("--site", type=Path, required=True)
    archive.add_argument("--out", type=Path, required=True, help="e.g. dist/hiwar-offline.zip")
    args = parser.parse_args(argv)
    if args.command == "zip":
        from hiwar.site.archive import zip_site
        count = zip_site(args.site, args.out, args.out.stem)
        print(f"{args.out}: {count} files ({args.out.stat().st_size:,} bytes)")
        return 0
    if args.command == "assets":
        from hiwar.site.assets import build_assets
        for path in build_assets(args.out):
            print(f"{path} ({path.stat().st_size:,} bytes)")
        return 0

    collection = collect(args.seeds, args.editorial)
    if collection.problems:
        for problem in collection.problems:
            print(problem, file=sys.stderr)
        print(f"hiwar: {len(collection.problems)} problem(s); no page was written", file=sys.stderr)
        return 1
    counts = build_pages(collection, args.out)
    lines = report(collection)
    if args.report:
        args.report.parent.mkdir(parents=True, exist_ok=True)
        args.report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    print(f"hiwar: {len(collection.articles)} article(s), {counts.pages} pages in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
