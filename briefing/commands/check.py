"""`briefing check [KB]`: validate every knowledge file and report all problems at once."""

from __future__ import annotations

import sys
from pathlib import Path

from briefing.maintain.duplicates import duplicate_problems
from briefing.model import load_knowledge

NAME = "check"
HELP = "controleer alle kennisbestanden en toon een samenvatting"


def add_arguments(parser) -> None:
    parser.add_argument("kb_pos", nargs="?", type=Path, metavar="KENNISBANK",
                        help="map met de kennisbank (standaard volgens de regel in briefing --help)")


def run(args) -> int:
    from briefing.cli import knowledge_location

    location = knowledge_location(args, NAME, flag=args.kb_pos)
    if location is None:
        return 1
    root = location.path
    kb = load_knowledge(root)
    kb.problems.extend(duplicate_problems(kb))
    base = Path.cwd()
    for problem in sorted(kb.problems, key=lambda p: (not p.is_error, str(p.path), p.line or 0)):
        print(problem.format(_relative_base(problem.path, base)))
    stats = kb.stats()
    print(
        f"{root}: {stats['dossiers']} dossiers, {stats['vragen']} vragen, {stats['regels']} regels, "
        f"{stats['raadsleden']} raadsleden, {stats['fracties']} fracties, "
        f"{stats['afkortingen']} afkortingen"
    )
    errors, warnings = len(kb.errors), len(kb.warnings)
    if errors:
        print(f"{errors} fout(en), {warnings} waarschuwing(en): niet in orde", file=sys.stderr)
        return 1
    print(f"in orde ({warnings} waarschuwing(en))" if warnings else "in orde")
    return 0


def _relative_base(path: Path, base: Path) -> Path | None:
    try:
        path.resolve().relative_to(base)
        return base
    except ValueError:
        return None
