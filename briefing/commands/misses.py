"""`briefing misses`: questions the live desk could not answer, most frequent first."""

from __future__ import annotations

import argparse
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
    from briefing.cli import add_kb_option

    parser.epilog = EPILOG
    add_kb_option(parser)
    parser.add_argument("--json", action="store_true", help="als JSON (voor scripts)")
    parser.add_argument("--embargo", action="store_true", default=argparse.SUPPRESS,
                        help="toon ook de id van een dossier dat nog onder embargo staat")
    parser.add_argument("--clear", action="store_true", help="wis de lijst met gemiste vragen")


def run(args) -> int:
    from briefing.maintain.misses import clear_misses, group_misses, load_misses, misses_path
    from briefing.safetext import printable, printable_data
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
    hidden = 0
    if not getattr(args, "embargo", False) and any(g.dossiers for g in groups):
        hidden = _hide_embargoed(groups, getattr(args, "kb", None))
    if args.json:
        json.dump(printable_data({"bijhouden": settings.record_misses, "bestand": str(path),
                                  "vragen": [g.to_data() for g in groups]}),
                  sys.stdout, ensure_ascii=False, indent=2)
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
        print(printable(f"{group.count:>{width}}  {last:<16}  {group.text}{where}"))
    print(printable(f"\n{sum(g.count for g in groups)} gemist, {len(groups)} verschillende vragen "
                    f"({path})"))
    if hidden:
        print(f"bij {hidden} vraag/vragen staat een dossier onder embargo: niet getoond "
              "(gebruik --embargo)", file=sys.stderr)
    return 0


EMBARGO_MARK = "(onder embargo)"


def _hide_embargoed(groups, kb_root) -> int:
    """Replace the ids of dossiers under a running embargo by a mark, and the ids whose embargo
    cannot be checked now (the file does not load, or the knowledge base is not there). Returns
    how many groups had one. The file keeps the ids: once the embargo has passed they show."""
    from pathlib import Path

    from briefing.cli import default_kb
    from briefing.model import load_knowledge
    from briefing.model.loading import knowledge_files

    root = Path(kb_root or default_kb())
    kb = load_knowledge(root)
    secret = {d.id for d in kb.embargoed()}
    visible = {d.id for d in kb.dossiers} - secret
    present = {p.stem for p in knowledge_files(root)} if root.is_dir() else None

    def shown(dossier_id: str) -> bool:
        if dossier_id in visible:
            return True
        # A dossier that is gone from a readable knowledge base has no embargo to keep.
        return present is not None and dossier_id not in present and dossier_id not in secret

    touched = 0
    for group in groups:
        if not all(shown(d) for d in group.dossiers):
            touched += 1
            group.dossiers = [d for d in group.dossiers if shown(d)] + [EMBARGO_MARK]
    return touched
