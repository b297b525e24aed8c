"""`briefing lint`: what a careful colleague would catch before a meeting."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

NAME = "lint"
HELP = "controleer de inhoud van de kennisbank (tijdelijke tekst, verlopen data, lakmarkeringen, ...)"

EPILOG = """\
Elke bevinding staat op één regel als bestand:regel: niveau: bericht [code]; fouten eerst,
dan waarschuwingen. Exitcode 1 alleen bij fouten; waarschuwingen geven exitcode 0.
Alle regels met hun code en niveau: briefing lint --regels (uitleg in docs/lint.md).
"""


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"geen datum (JJJJ-MM-DD): {text!r}") from None


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"geen geheel getal: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("moet minstens 1 zijn")
    return value


def add_arguments(parser) -> None:
    from briefing.cli import add_kb_option
    from briefing.maintain.registry import DEFAULT_MAX_WORDS

    parser.epilog = EPILOG
    add_kb_option(parser)
    parser.add_argument("--peildatum", type=_date, default=None, metavar="JJJJ-MM-DD",
                        help="controleer tijdsaanduidingen alsof het vandaag deze datum is "
                        "(bijvoorbeeld de datum van de vergadering)")
    parser.add_argument("--max-woorden", type=_positive, default=DEFAULT_MAX_WORDS, metavar="N",
                        help=f"langste regel om voor te lezen, in woorden (standaard {DEFAULT_MAX_WORDS})")
    parser.add_argument("--negeer", action="append", default=[], metavar="CODE",
                        help="sla deze regel over (mag vaker; codes: zie --regels)")
    parser.add_argument("--json", action="store_true", help="bevindingen als JSON (voor scripts)")
    parser.add_argument("--embargo", action="store_true", default=argparse.SUPPRESS,
                        help="kijk ook dossiers na die nog onder embargo staan (hun tekst komt dan "
                        "in de bevindingen)")
    parser.add_argument("--regels", action="store_true", help="toon alle regels en stop")


def run(args) -> int:
    from briefing.cli import knowledge_location
    from briefing.maintain.lint import RULES, LOADER_RULE, lint, rules_table
    from briefing.model import load_knowledge
    from briefing.safetext import printable, printable_data

    if args.regels:
        table = rules_table()
        width = max(len(code) for code, _, _ in table)
        for code, level, summary in table:
            print(f"{code:<{width}}  {level:<17}  {summary}")
        return 0
    unknown = [code for code in args.negeer if code not in RULES and code != LOADER_RULE]
    if unknown:
        print(f"onbekende regel(s) bij --negeer: {', '.join(unknown)}; zie briefing lint --regels",
              file=sys.stderr)
        return 2
    location = knowledge_location(args, NAME)
    if location is None:
        return 2
    root = location.path
    kb = load_knowledge(root)
    # Findings quote the text they are about: a dossier under embargo is left out entirely
    # (also from rules that compare dossiers), unless --embargo.
    hidden = [] if getattr(args, "embargo", False) else kb.embargoed()
    findings = lint(kb.without(hidden), today=args.peildatum, max_words=args.max_woorden,
                    skip=args.negeer)
    base = Path.cwd()
    errors = sum(f.is_error for f in findings)
    warnings = len(findings) - errors
    note = (f"{len(hidden)} dossier(s) onder embargo niet nagekeken; gebruik --embargo om ze "
            "mee te nemen") if hidden else None
    if args.json:
        json.dump(printable_data({
            "kennisbank": str(root), "fouten": errors, "waarschuwingen": warnings,
            "overgeslagen_onder_embargo": len(hidden),
            "bevindingen": [f.to_data(base) for f in findings]}),
            sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        for finding in findings:
            print(printable(finding.format(base)))
        summary = f"{errors} fout(en), {warnings} waarschuwing(en)"
        if findings:
            print(summary, file=sys.stderr)
        else:
            print(printable(f"{root}: geen bevindingen"))
        if note:
            print(note, file=sys.stderr)
    return 1 if errors else 0
