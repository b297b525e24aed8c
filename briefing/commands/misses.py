"""`briefing misses`: questions the live desk could not answer, most frequent first."""

from __future__ import annotations

import json
import sys

NAME = "misses"
HELP = "toon vragen waarop de live-app geen zeker antwoord had (vaakst gemist eerst)"

EPILOG = """\
Alleen als 'gemiste_vragen_bijhouden: true' in instellingen.yaml staat, onthoudt de live-app
vragen waarop hij geen zeker antwoord vond. De lijst staat alleen op deze computer en wordt
nooit verstuurd. Gelijke vragen (hoofdletters, accenten en leestekens tellen niet) staan samen.
"""


def add_arguments(parser) -> None:
    parser.epilog = EPILOG
    parser.add_argument("--json", action="store_true", help="als JSON (voor scripts)")
    parser.add_argument("--clear", action="store_true", help="wis de lijst met gemiste vragen")


def run(args) -> int:
    from briefing.maintain.misses import clear_misses, group_misses, load_misses, misses_path
    from briefing.settings import read_settings, settings_path

    settings, problems = read_settings()
    for problem in problems:
        print(f"instellingen: {problem}", file=sys.stderr)
    path = misses_path()
    if args.clear:
        removed = clear_misses(path)
        if args.json:
            print(json.dumps({"verwijderd": removed}))
        else:
            print(f"{removed} gemiste vraag/vragen gewist ({path})")
        return 0
    groups = group_misses(load_misses(path))
    if args.json:
        json.dump({"bijhouden": settings.record_misses, "bestand": str(path),
                   "vragen": [g.to_data() for g in groups]}, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    if not settings.record_misses:
        print("Gemiste vragen worden niet bijgehouden. Zet 'gemiste_vragen_bijhouden: true' in "
              f"{settings_path()} om dat aan te zetten (alleen op deze computer, nooit verstuurd).")
    if not groups:
        if settings.record_misses:
            print("Nog geen gemiste vragen.")
        return 0
    width = max(len("aantal"), *(len(str(g.count)) for g in groups))
    print(f"{'aantal':>{width}}  {'laatst':<16}  vraag")
    for group in groups:
        last = group.last.strftime("%Y-%m-%d %H:%M") if group.last else "onbekend"
        where = f"  [{', '.join(group.dossiers)}]" if group.dossiers else ""
        print(f"{group.count:>{width}}  {last:<16}  {group.text}{where}")
    print(f"\n{sum(g.count for g in groups)} gemist, {len(groups)} verschillende vragen ({path})")
    return 0
