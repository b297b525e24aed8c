"""`briefing init MAP`: a new knowledge base with empty registers, ready for git."""

from __future__ import annotations

import sys
from pathlib import Path

NAME = "init"
HELP = "maak een nieuwe, lege kennisbank (registers met voorbeelden, map dossiers, LEESMIJ)"

EPILOG = """\
De registers (raadsleden, fracties, afkortingen, synoniemen) beginnen leeg, met een voorbeeld
in commentaar. Een map die al een kennisbank bevat wordt nooit overschreven.

Daarna:  briefing import annotatie.docx --out MAP
         briefing check MAP
         briefing --kb MAP          (of zet BRIEFING_KB=MAP)
"""


def add_arguments(parser) -> None:
    parser.epilog = EPILOG
    parser.add_argument("folder", type=Path, metavar="MAP",
                        help="de nieuwe map (of een bestaande map zonder kennisbank)")


def run(args) -> int:
    from briefing.location import ReadOnlyKnowledge
    from briefing.maintain.scaffold import KnowledgeBaseExists, create_knowledge_base

    folder: Path = args.folder
    try:
        written = create_knowledge_base(folder)
    except (ReadOnlyKnowledge, KnowledgeBaseExists) as exc:
        print(f"briefing init: fout: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"briefing init: fout: kan {folder} niet maken ({exc.strerror or exc})",
              file=sys.stderr)
        return 1
    print(f"Nieuwe kennisbank in {folder}:")
    for path in written:
        if path.name.startswith("."):
            continue
        print(f"  {path.relative_to(folder)}")
    print(f"  {Path('dossiers')}/ (nog leeg)")
    shown = str(folder)
    print()
    print("Volgende stappen:")
    print(f"  briefing import annotatie.docx --out {shown}   # een annotatie als conceptdossier")
    print(f"  briefing check {shown}                         # alles controleren")
    print(f"  briefing --kb {shown}                          # de live-app op deze kennisbank")
    print("Vul de registers aan (zie het voorbeeld bovenaan elk bestand) en zet de map in git.")
    return 0
