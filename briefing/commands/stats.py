"""`briefing stats`: questions, lines and open slots per dossier, party and member."""

from __future__ import annotations

import argparse
import json
import sys

NAME = "stats"
HELP = "toon per dossier, fractie en raadslid hoeveel vragen en regels er zijn voorbereid"


def add_arguments(parser) -> None:
    from briefing.cli import add_kb_option

    add_kb_option(parser)
    parser.add_argument("--json", action="store_true", help="als JSON (voor scripts)")
    parser.add_argument("--embargo", action="store_true", default=argparse.SUPPRESS,
                        help="tel ook dossiers mee die nog onder embargo staan")


def run(args) -> int:
    from briefing.cli import knowledge_location
    from briefing.maintain.stats import compute_stats, render_stats
    from briefing.model import load_knowledge
    from briefing.safetext import printable, printable_data

    location = knowledge_location(args, NAME)
    if location is None:
        return 2
    kb = load_knowledge(location.path)
    errors = kb.errors
    if errors:
        print(f"let op: {len(errors)} bestand(en) met fouten tellen niet mee; zie briefing check",
              file=sys.stderr)
    # A dossier under embargo is not counted at all: its id, title and its questions per party
    # and member would tell what is coming.
    hidden = [] if getattr(args, "embargo", False) else kb.embargoed()
    stats = compute_stats(kb.without(hidden))
    if args.json:
        data = stats.to_data()
        data["overgeslagen_onder_embargo"] = len(hidden)
        json.dump(printable_data(data), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print(printable(render_stats(stats)))
    if hidden:
        print(f"{len(hidden)} dossier(s) onder embargo niet meegeteld; gebruik --embargo om ze "
              "mee te tellen", file=sys.stderr)
    return 0
