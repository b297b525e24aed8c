"""`briefing import FILE... [--out KB] [--json] [--force] [--dry-run]`: annotaties
(.txt, .md, .docx) into dossiers in the knowledge format, status concept."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

NAME = "import"
HELP = "importeer annotaties (.txt, .md, .docx) als dossier (status concept) in de kennisbank"


def add_arguments(parser) -> None:
    parser.add_argument("files", nargs="+", type=Path, metavar="BESTAND",
                        help="annotatie(s): .txt, .md of .docx")
    parser.add_argument("--out", type=Path, default=None, metavar="MAP",
                        help="kennisbank om in te schrijven (standaard: ./knowledge of de "
                        "meegeleverde); raadsleden en fracties worden met haar registers herkend")
    parser.add_argument("--json", action="store_true",
                        help="toon het dossier als JSON op stdout, bij meerdere bestanden een "
                        "lijst (de samenvatting gaat dan naar stderr)")
    parser.add_argument("--force", action="store_true",
                        help="overschrijf een bestaand dossierbestand met dezelfde naam")
    parser.add_argument("--dry-run", action="store_true",
                        help="proefdraai: herken en toon, maar schrijf niets")
    parser.add_argument("--id", default=None, metavar="ID",
                        help="id (en bestandsnaam) van het dossier; alleen bij één bestand")


def run(args) -> int:
    from briefing.cli import default_kb
    from briefing.fileio import write_atomic
    from briefing.importing import ReadError, import_file, to_json_data
    from briefing.importing.names import Names
    from briefing.importing.summary import summarise
    from briefing.model import load_knowledge
    from briefing.model.dossier import Dossier
    from briefing.model.serialize import dossier_to_yaml
    from briefing.model.yamlsource import YamlFileError, parse_yaml

    out_root: Path = args.out or getattr(args, "kb", None) or default_kb()
    report = sys.stderr if args.json else sys.stdout
    if args.id is not None:
        if len(args.files) != 1:
            print("fout: --id kan alleen bij één bestand", file=sys.stderr)
            return 1
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", args.id):
            print(f"fout: ongeldige id '{args.id}': alleen letters, cijfers, '-', '_' en '.', "
                  "zonder spaties", file=sys.stderr)
            return 1
    if out_root.exists() and not out_root.is_dir():
        print(f"fout: {out_root} is geen map", file=sys.stderr)
        return 1

    kb = load_knowledge(out_root) if out_root.is_dir() else None
    registers = kb.registers if kb is not None else None
    names = Names(registers)

    # Read and recognise everything first: one broken file means nothing is written.
    results = []
    failed = False
    for path in args.files:
        try:
            results.append((path, import_file(path, registers)))
        except ReadError as exc:
            print(f"fout: {exc}", file=sys.stderr)
            failed = True
        except RecursionError:
            print(f"fout: {path.name}: het bestand is te diep genest om te lezen", file=sys.stderr)
            failed = True
        except Exception as exc:  # a bug must not end in a traceback in front of an adviser
            print(f"fout: {path.name}: kon niet worden geïmporteerd door een interne fout "
                  f"({type(exc).__name__}); meld dit met het bestand erbij", file=sys.stderr)
            failed = True
    if failed:
        print("niets geschreven", file=sys.stderr)
        return 1

    folder = out_root / "dossiers"
    taken = {d.id: kb.paths.get(d.id) for d in kb.dossiers} if kb is not None else {}
    batch: set[str] = set()
    plan = []
    for path, result in results:
        dossier = result.dossier
        dossier.id = args.id or _free_id(dossier.id, folder, taken, batch)
        batch.add(dossier.id)
        target = folder / f"{dossier.id}.yaml"
        text = dossier_to_yaml(dossier)
        try:  # what we write must read back as a valid dossier
            data, _ = parse_yaml(target, text)
            Dossier.model_validate(data)
        except (YamlFileError, ValueError) as exc:
            print(f"fout: {path.name}: het dossier is niet geldig te schrijven ({exc})",
                  file=sys.stderr)
            return 1
        plan.append((path, result, target, text))

    if not args.dry_run and not args.force:
        existing = [(path, target) for path, _, target, _ in plan if target.exists()]
        for path, target in existing:
            print(f"fout: {path.name}: {target} bestaat al; gebruik --force om het te "
                  "overschrijven of --id voor een andere naam", file=sys.stderr)
        if existing:
            print("niets geschreven", file=sys.stderr)
            return 1

    written = []
    for path, result, target, text in plan:
        if args.dry_run:
            continue
        try:
            write_atomic(target, text, overwrite=args.force)
        except FileExistsError:
            print(f"fout: {path.name}: {target} bestaat al (net aangemaakt?); niets "
                  "overschreven", file=sys.stderr)
            return 1
        except OSError as exc:
            print(f"fout: {path.name}: kan {target} niet schrijven ({exc.strerror or exc})",
                  file=sys.stderr)
            return 1
        written.append(target)

    for path, result, target, _ in plan:
        shown = None if args.dry_run else _display(target)
        for line in summarise(result, path.name, shown, names):
            print(line, file=report)
    if args.dry_run:
        print("proefdraai: niets geschreven", file=report)
    elif written:
        print(f"{len(written)} dossier(s) geschreven naar {_display(folder)}; controleer ze en "
              "zet 'status: vastgesteld' als de inhoud klopt", file=report)
    if args.json:
        data = [to_json_data(result.dossier) for _, result, _, _ in plan]
        json.dump(data[0] if len(data) == 1 else data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    return 0


def _free_id(wanted: str, folder: Path, taken: dict, batch: set[str]) -> str:
    """The wanted id, or wanted-2, -3 ... when another dossier file or another file in
    this run already uses it. Its own file name (<id>.yaml) in the knowledge base is not
    'taken': writing there is an overwrite, which needs --force."""
    candidate, counter = wanted, 1
    while candidate in batch or (candidate in taken and taken[candidate] is not None and
                                 taken[candidate].resolve() != (folder / f"{candidate}.yaml").resolve()):
        counter += 1
        candidate = f"{wanted}-{counter}"
    return candidate


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
