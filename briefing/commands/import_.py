"""`briefing import FILE... [--out KB] [--json] [--force] [--dry-run]`: annotaties
(.txt, .md, .docx, .pdf) into dossiers in the knowledge format, status concept."""

from __future__ import annotations

import builtins
import json
import re
import sys
from pathlib import Path

from briefing.safetext import printable, printable_data

NAME = "import"
HELP = ("importeer annotaties en andere stukken (.txt, .md, .docx, .pdf) als dossier (status "
        "concept) in de kennisbank")


# Longest id (and so file name, before '.yaml'). Ids are readable slugs; the limit keeps the
# file name, and the atomic writer's temporary name next to it, far below the 255 bytes most
# file systems allow.
MAX_ID_LENGTH = 100
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def add_arguments(parser) -> None:
    parser.add_argument("files", nargs="+", type=Path, metavar="BESTAND",
                        help="document(en): .txt, .md, .docx of .pdf")
    parser.add_argument("--out", type=Path, default=None, metavar="MAP",
                        help="kennisbank om in te schrijven (standaard: --kb, BRIEFING_KB, "
                        "instellingen.yaml of ./knowledge; nooit de meegeleverde voorbeeldkennisbank); "
                        "raadsleden en fracties worden met haar registers herkend")
    parser.add_argument("--json", action="store_true",
                        help="toon het dossier als JSON op stdout, bij meerdere bestanden een "
                        "lijst (de samenvatting gaat dan naar stderr)")
    parser.add_argument("--force", action="store_true",
                        help="vervang een dossier dat al uit hetzelfde document is geïmporteerd "
                        "(zelfde bronbestand, inhoud, of titel en datum), onder zijn bestaande id")
    parser.add_argument("--dry-run", action="store_true",
                        help="proefdraai: herken en toon, maar schrijf niets")
    parser.add_argument("--id", default=None, metavar="ID",
                        help="id (en bestandsnaam) van het dossier; alleen bij één bestand")


def _fail(message: str) -> int:
    print(f"fout: {message}", file=sys.stderr)
    return 1


def _check_id(value: str) -> tuple[str | None, str | None]:
    """(id, None) or (None, Dutch problem). 'x.yaml' means id 'x': a file name given as id."""
    for suffix in (".yaml", ".yml"):
        if value.lower().endswith(suffix) and len(value) > len(suffix):
            value = value[: -len(suffix)]
            break
    if not ID_PATTERN.fullmatch(value):
        return None, (f"ongeldige id '{value}': alleen letters, cijfers, '-', '_' en '.', "
                      "zonder spaties")
    if len(value) > MAX_ID_LENGTH:
        return None, (f"de id is {len(value)} tekens lang; hooguit {MAX_ID_LENGTH} (de id is "
                      "ook de bestandsnaam)")
    return value, None


def _short_id(value: str) -> str:
    """A generated id cut to MAX_ID_LENGTH, at a '-' where possible."""
    if len(value) <= MAX_ID_LENGTH:
        return value
    cut = value[:MAX_ID_LENGTH]
    return (cut.rsplit("-", 1)[0] if "-" in cut[MAX_ID_LENGTH // 2:] else cut).strip("-._") \
        or "annotatie"


def _is_new_knowledge_base(root: Path) -> bool:
    from briefing.model.loading import DOSSIER_DIR, REGISTER_FILES, SYNONYMS_FILE

    return not any((root / name).exists() for name in (*REGISTER_FILES, SYNONYMS_FILE, DOSSIER_DIR))


def print(*values, **kwargs) -> None:  # noqa: A001 - every message of this command
    """Messages quote file names and recognised text from the source: never escape codes."""
    builtins.print(*(printable(str(value)) for value in values), **kwargs)


def clean_dossier(dossier):
    """The dossier without control characters or escape sequences in any text (a source file
    name with escape codes would otherwise be stored in `bron:` and printed by every ask)."""
    from briefing.model.dossier import Dossier

    data = dossier.to_data()
    cleaned = printable_data(data)
    return dossier if cleaned == data else Dossier.model_validate(cleaned)


def run(args) -> int:
    from briefing.fileio import write_atomic
    from briefing.importing import ReadError, import_file, to_json_data
    from briefing.importing.names import Names
    from briefing.importing.summary import summarise
    from briefing.location import ReadOnlyKnowledge, ensure_writable, resolve_knowledge
    from briefing.maintain.duplicates import find_matches
    from briefing.model import load_knowledge
    from briefing.model.dossier import Dossier
    from briefing.model.serialize import dossier_to_yaml
    from briefing.model.yamlsource import MAX_FILE_BYTES, YamlFileError, parse_yaml

    report = sys.stderr if args.json else sys.stdout
    wanted_id = None
    if args.id is not None:
        if len(args.files) != 1:
            return _fail("--id kan alleen bij één bestand")
        wanted_id, problem = _check_id(args.id)
        if problem:
            return _fail(problem)

    if args.out is not None:
        out_root: Path = args.out
    else:
        location = resolve_knowledge(getattr(args, "kb", None))
        out_root = location.path
        if not args.dry_run and not location.is_example:
            print(f"kennisbank: {location.describe()}", file=report)
    if not args.dry_run:
        try:
            ensure_writable(out_root)
        except ReadOnlyKnowledge as exc:
            print(f"fout: {exc}", file=sys.stderr)
            print("niets geschreven", file=sys.stderr)
            return 1
    if out_root.exists() and not out_root.is_dir():
        return _fail(f"{out_root} is geen map")
    new_kb = _is_new_knowledge_base(out_root)

    kb = load_knowledge(out_root) if out_root.is_dir() else None
    registers = kb.registers if kb is not None else None
    names = Names(registers)

    # Read and recognise everything first: one broken file means nothing is written.
    results = []
    failed = False
    for path in args.files:
        try:
            size = path.stat().st_size if path.is_file() else 0
            if path.suffix.lower() in (".txt", ".md", ".markdown") and size > MAX_FILE_BYTES:
                # Everything in the text ends up in the dossier ('onherkend' keeps what is not
                # placed), so the dossier would exceed the loader's limit and check refuse it.
                print(f"fout: {path.name}: te groot om te importeren ({size / 1024 / 1024:.1f} MB); "
                      f"een kennisbestand mag hooguit {MAX_FILE_BYTES // 1024 // 1024} MB zijn",
                      file=sys.stderr)
                failed = True
                continue
            result = import_file(path, registers)
            result.dossier = clean_dossier(result.dossier)
            results.append((path, result))
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
    existing = list(kb.dossiers) if kb is not None else []
    paths = dict(kb.paths) if kb is not None else {}
    taken = set(paths) | ({p.stem for p in folder.iterdir() if p.suffix in (".yaml", ".yml")}
                          if folder.is_dir() else set())
    batch: list[Dossier] = []
    batch_names: dict[int, str] = {}
    plan = []
    refused = False
    for path, result in results:
        dossier = result.dossier
        replaces = None
        matches = find_matches(dossier, existing + batch)
        if matches:
            match = matches[0]
            if any(match.dossier is d for d in batch):
                print(f"fout: {path.name} is hetzelfde document als "
                      f"{batch_names[id(match.dossier)]} in deze import ({match.reason})",
                      file=sys.stderr)
                refused = True
                continue
            old_path = paths.get(match.dossier.id or "")
            where = _display(old_path) if old_path else f"dossier '{match.dossier.id}'"
            if not args.force:
                print(f"fout: {path.name} is al geïmporteerd: {where} bestaat al ({match.reason}); "
                      "gebruik --force om dat dossier te vervangen (het houdt zijn id)",
                      file=sys.stderr)
                refused = True
                continue
            if wanted_id is not None and wanted_id != match.dossier.id:
                print(f"fout: {path.name}: --force vervangt {where} onder zijn id "
                      f"'{match.dossier.id}'; laat --id weg", file=sys.stderr)
                refused = True
                continue
            replaces = old_path
            dossier.id = match.dossier.id
        elif wanted_id is not None:
            dossier.id = wanted_id
            if wanted_id in taken and not args.force:
                print(f"fout: {path.name}: er is al een dossier met id '{wanted_id}'; kies een "
                      "andere --id (of --force om het te vervangen)", file=sys.stderr)
                refused = True
                continue
            if wanted_id in taken:
                replaces = paths.get(wanted_id) or folder / f"{wanted_id}.yaml"
        else:
            dossier.id = _free_id(_short_id(dossier.id or "annotatie"), taken)
        taken.add(dossier.id)
        batch.append(dossier)
        batch_names[id(dossier)] = path.name
        target = replaces or folder / f"{dossier.id}.yaml"
        text = dossier_to_yaml(dossier)
        size = len(text.encode("utf-8"))
        if size > MAX_FILE_BYTES:
            print(f"fout: {path.name}: het dossier wordt {size / 1024 / 1024:.1f} MB; een "
                  f"kennisbestand mag hooguit {MAX_FILE_BYTES // 1024 // 1024} MB zijn",
                  file=sys.stderr)
            refused = True
            continue
        try:  # what we write must read back as a valid dossier
            data, _ = parse_yaml(target, text)
            Dossier.model_validate(data)
        except (YamlFileError, ValueError) as exc:
            print(f"fout: {path.name}: het dossier is niet geldig te schrijven ({exc})",
                  file=sys.stderr)
            refused = True
            continue
        plan.append((path, result, target, text, replaces is not None))
    if refused:
        print("niets geschreven", file=sys.stderr)
        return 1

    written = []
    for path, result, target, text, replace in plan:
        if args.dry_run:
            continue
        try:
            write_atomic(target, text, overwrite=replace)
        except FileExistsError:
            print(f"fout: {path.name}: {target} bestaat al (net aangemaakt?); niets "
                  "overschreven", file=sys.stderr)
            return 1
        except OSError as exc:
            print(f"fout: {path.name}: kan {target} niet schrijven ({exc.strerror or exc})",
                  file=sys.stderr)
            return 1
        written.append(target)

    for path, result, target, _, replace in plan:
        shown = None if args.dry_run else _display(target) + (" (vervangen)" if replace else "")
        for line in summarise(result, path.name, shown, names):
            print(line, file=report)
    if args.dry_run:
        print("proefdraai: niets geschreven", file=report)
    elif written:
        print(f"{len(written)} dossier(s) geschreven naar {_display(folder)}; controleer ze en "
              "zet 'status: vastgesteld' als de inhoud klopt", file=report)
    if new_kb and (written or args.dry_run):
        print(f"let op: {_display(out_root)} was nog geen kennisbank (geen registers, geen map "
              "dossiers): " + ("er is een nieuwe gemaakt, " if written else "er zou een nieuwe "
              "komen, ") + "zonder raadsleden, fracties en afkortingen. Een tikfout in --out? "
              "Een nieuwe kennisbank maakt u met 'briefing init MAP'.", file=sys.stderr)
    if args.json:
        data = [to_json_data(result.dossier) for _, result, _, _, _ in plan]
        json.dump(data[0] if len(data) == 1 else data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    return 0


def _free_id(wanted: str, taken: set[str]) -> str:
    """The wanted id, or wanted-2, -3 ... when a dossier (or file) in the knowledge base or
    in this run already has it: a different document that happens to get the same id."""
    candidate, counter = wanted, 1
    while candidate in taken:
        counter += 1
        candidate = f"{wanted}-{counter}"
    return candidate


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
