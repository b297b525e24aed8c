"""`briefing export DOSSIER`: a printable annotatie as Markdown or self-contained HTML."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

NAME = "export"
HELP = "maak een afdrukbare annotatie van één dossier (Markdown of HTML)"

EPILOG = """\
Volgorde: kop met classificatie, gevraagd besluit, kernboodschap, thema's, feiten, vragen per
raadslid, open fracties en open punten. De HTML is één bestand zonder externe onderdelen; bij
afdrukken staan classificatie en embargo boven- en onderaan elke pagina.

Zonder --out gaat de tekst naar het scherm (stdout). Een bestaand bestand wordt nooit
overschreven, tenzij u --force geeft; het bestand wordt in één keer vervangen (nooit half).
Een dossier onder embargo wordt alleen geëxporteerd met --embargo.
"""


def add_arguments(parser) -> None:
    from briefing.cli import add_kb_option
    from briefing.maintain.export import FORMATS

    parser.epilog = EPILOG
    parser.add_argument("dossier", metavar="DOSSIER", help="id van het dossier (of een uniek stuk van id of titel)")
    add_kb_option(parser)
    parser.add_argument("--format", choices=FORMATS, default=None,
                        help="md of html (standaard: volgens de extensie van --out, anders html)")
    parser.add_argument("--out", type=Path, default=None, metavar="BESTAND",
                        help="schrijf naar dit bestand in plaats van naar het scherm")
    parser.add_argument("--force", action="store_true", help="overschrijf een bestaand bestand")
    parser.add_argument("--embargo", action="store_true", default=argparse.SUPPRESS,
                        help="exporteer ook een dossier dat nog onder embargo staat")


def run(args) -> int:
    from briefing.cli import knowledge_location
    from briefing.maintain.export import ExportError, export
    from briefing.model import load_knowledge
    from briefing.safetext import printable

    fmt = args.format
    if fmt is None:
        fmt = "md" if args.out is not None and args.out.suffix.lower() in (".md", ".markdown") else "html"
    location = knowledge_location(args, NAME)
    if location is None:
        return 2
    kb = load_knowledge(location.path)
    try:
        text = export(kb, args.dossier, fmt, out=args.out, force=args.force,
                      embargo=bool(getattr(args, "embargo", False)))
    except ExportError as exc:
        print(printable(f"briefing export: {exc}"), file=sys.stderr)
        return 1
    if args.out is None:
        sys.stdout.write(printable(text))
    else:
        print(printable(f"geschreven: {args.out} ({fmt})"), file=sys.stderr)
    return 0
