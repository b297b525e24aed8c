"""`briefing check [KB]`: validate every knowledge file and report all problems at once."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from briefing.maintain.duplicates import duplicate_problems
from briefing.model import load_knowledge

NAME = "check"
HELP = "controleer alle kennisbestanden en toon een samenvatting"


def add_arguments(parser) -> None:
    parser.add_argument("kb_pos", nargs="?", type=Path, metavar="KENNISBANK",
                        help="map met de kennisbank (standaard volgens de regel in briefing --help)")
    parser.add_argument("--embargo", action="store_true", default=argparse.SUPPRESS,
                        help="toon ook waarschuwingen over dossiers die nog onder embargo staan")


def run(args) -> int:
    from briefing.cli import knowledge_location
    from briefing.safetext import printable

    location = knowledge_location(args, NAME, flag=args.kb_pos)
    if location is None:
        return 1
    root = location.path
    kb = load_knowledge(root)
    # Warnings can quote text (a name, a line); those about a dossier under embargo are held
    # back, and duplicates are looked for among the others only (a duplicate warning names the
    # earlier file). Errors always show: they say what to repair.
    embargo = bool(getattr(args, "embargo", False))
    under_embargo = [] if embargo else kb.embargoed()
    kb.problems.extend(duplicate_problems(kb.without(under_embargo) if under_embargo else kb))
    base = Path.cwd()
    hidden = {kb.paths[d.id] for d in under_embargo if d.id in kb.paths}
    shown = [p for p in kb.problems if p.is_error or p.path not in hidden]
    for problem in sorted(shown, key=lambda p: (not p.is_error, str(p.path), p.line or 0)):
        print(problem.format(_relative_base(problem.path, base)))
    if len(shown) < len(kb.problems):
        print(f"{len(kb.problems) - len(shown)} waarschuwing(en) over dossiers onder embargo niet "
              "getoond; gebruik --embargo om ze te zien")
    stats = kb.stats()
    print(printable(
        f"{root}: {stats['dossiers']} dossiers, {stats['vragen']} vragen, {stats['regels']} regels, "
        f"{stats['raadsleden']} raadsleden, {stats['fracties']} fracties, "
        f"{stats['afkortingen']} afkortingen"
    ))
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
