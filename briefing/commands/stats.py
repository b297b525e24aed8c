"""`briefing stats`: questions, lines and open slots per dossier, party and member."""

from __future__ import annotations

import json
import sys

NAME = "stats"
HELP = "toon per dossier, fractie en raadslid hoeveel vragen en regels er zijn voorbereid"


def add_arguments(parser) -> None:
    from briefing.cli import add_kb_option

    add_kb_option(parser)
    parser.add_argument("--json", action="store_true", help="als JSON (voor scripts)")


def run(args) -> int:
    from briefing.cli import knowledge_location
    from briefing.maintain.stats import compute_stats, render_stats
    from briefing.model import load_knowledge

    location = knowledge_location(args, NAME)
    if location is None:
        return 2
    kb = load_knowledge(location.path)
    errors = kb.errors
    if errors:
        print(f"let op: {len(errors)} bestand(en) met fouten tellen niet mee; zie briefing check",
              file=sys.stderr)
    stats = compute_stats(kb)
    if args.json:
        json.dump(stats.to_data(), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print(render_stats(stats))
    return 0
