"""Translations: extract messages, update the .po files, compile .mo files, check completeness."""

from __future__ import annotations

import argparse
import sys

from devtools import catalogs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("extract", help="write translations/messages.pot from the sources")
    commands.add_parser("update", help="merge messages.pot into every locale's messages.po")
    compile_parser = commands.add_parser("compile", help="compile outdated .po files to .mo")
    compile_parser.add_argument("--force", action="store_true", help="compile every catalogue")
    commands.add_parser("check", help="fail on a stale .pot, missing, fuzzy or bad messages")
    args = parser.parse_args(argv)
    if args.command == "extract":
        print(f"{len(catalogs.write_template())} messages in {catalogs.TEMPLATE}")
    elif args.command == "update":
        print("updated:", " ".join(catalogs.update()))
    elif args.command == "compile":
        print("compiled:", " ".join(catalogs.compile_catalogs(force=args.force)) or "nothing")
    else:
        problems = catalogs.problems()
        print("\n".join(problems) or "translations are complete")
        return 1 if problems else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
