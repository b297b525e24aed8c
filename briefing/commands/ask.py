"""`briefing ask VRAAG`: the prepared answer to a question, from the command line.

Also `--batch FILE` (one question per line) to prepare a list of expected questions at once."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from briefing.safetext import printable

NAME = "ask"
HELP = "zoek het voorbereide antwoord op een vraag (of een lijst vragen met --batch)"

NO_ANSWER = "Geen voorbereid antwoord"


def add_arguments(parser) -> None:
    from briefing.cli import add_kb_option

    add_kb_option(parser)
    parser.add_argument("vraag", nargs="*", metavar="VRAAG",
                        help="de vraag zoals getypt (woorden mogen los; zet '--' voor tekst die "
                             "met '-' begint)")
    parser.add_argument("--limit", "-n", type=int, default=3, metavar="N",
                        help="hoeveel antwoordkaarten tonen (standaard 3)")
    parser.add_argument("--member", "--raadslid", dest="member", metavar="NAAM",
                        help="alleen vragen van dit raadslid (naam, alias of met typefout)")
    parser.add_argument("--party", "--fractie", dest="party", metavar="FRACTIE",
                        help="alleen vragen van deze fractie (naam of afkorting)")
    parser.add_argument("--dossier", metavar="DOSSIER",
                        help="het actieve dossier (id of deel van de titel): komt bovenaan")
    parser.add_argument("--embargo", action="store_true",
                        help="toon ook inhoud die nog onder embargo staat")
    parser.add_argument("--zonder-concept", dest="no_concept", action="store_true",
                        help="laat concept-antwoorden weg (alleen vastgesteld)")
    parser.add_argument("--batch", type=Path, metavar="BESTAND",
                        help="een bestand met één vraag per regel ('-' is standaardinvoer)")
    parser.add_argument("--json", action="store_true",
                        help="uitvoer als JSON (met --batch: één JSON-object per regel)")


def run(args) -> int:
    from briefing.cli import knowledge_location

    location = knowledge_location(args, NAME)
    if location is None:
        return 2
    root = location.path
    if not (root / "dossiers").is_dir():
        print(f"briefing ask: fout: geen kennisbank gevonden in {root} (map 'dossiers' ontbreekt)",
              file=sys.stderr)
        return 2
    if args.limit < 1:
        print("briefing ask: fout: --limit moet minstens 1 zijn", file=sys.stderr)
        return 2
    if args.batch is not None:
        questions = _read_batch(args.batch)
        if questions is None:
            return 2
    else:
        text = " ".join(args.vraag).strip()
        if not text:
            print("briefing ask: fout: geef een vraag, of een bestand met --batch", file=sys.stderr)
            return 2
        questions = [text]

    from briefing.safetext import printable_data
    from briefing.search.engine import SearchEngine
    from briefing.search.results import SearchOptions

    engine = SearchEngine.open_folder(root)
    options = SearchOptions(
        limit=args.limit, member=args.member, party=args.party, dossier=args.dossier,
        include_embargo=bool(getattr(args, "embargo", False)),
        include_concept=not args.no_concept,
    )
    out = sys.stdout
    for number, question in enumerate(questions):
        results = engine.search(question, options)
        no_answer = SearchEngine.no_good_answer(results)
        if args.json:
            payload = printable_data({"vraag": question, "geen_voorbereid_antwoord": no_answer,
                                      "resultaten": [r.to_json() for r in results]})
            if args.batch is not None:
                out.write(json.dumps(payload, ensure_ascii=False) + "\n")
            else:
                out.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        else:
            if number:
                out.write("\n" + "=" * 72 + "\n\n")
            # Knowledge text, sources and the question itself never drive the terminal.
            out.write(printable(format_results(question, results, no_answer)))
    return 0


# A question is a sentence; a list of expected questions is at most a few hundred. The limits
# keep `--batch /dev/zero` or a binary file from filling memory before anything is said.
MAX_BATCH_LINE_BYTES = 4_000
MAX_BATCH_QUESTIONS = 10_000


def _read_batch(path: Path) -> list[str] | None:
    def fail(message: str) -> None:
        print(f"briefing ask: fout: {printable(str(path))}: {message}", file=sys.stderr)

    try:
        handle = sys.stdin.buffer if str(path) == "-" else open(path, "rb")
    except OSError as exc:
        fail(f"niet te lezen: {exc.strerror}")
        return None
    questions: list[str] = []
    try:
        with handle if handle is not sys.stdin.buffer else _keep_open(handle):
            number = 0
            while True:
                raw = handle.readline(MAX_BATCH_LINE_BYTES + 1)
                if not raw:
                    break
                number += 1
                if b"\0" in raw:
                    fail(f"regel {number} bevat nul-tekens; geef een tekstbestand met één vraag "
                         "per regel")
                    return None
                if len(raw) > MAX_BATCH_LINE_BYTES and not raw.endswith(b"\n"):
                    fail(f"regel {number} is te lang (meer dan {MAX_BATCH_LINE_BYTES} tekens); "
                         "zet één vraag per regel")
                    return None
                try:
                    line = raw.decode("utf-8-sig" if number == 1 else "utf-8").strip()
                except UnicodeDecodeError:
                    fail(f"regel {number} is geen UTF-8-tekst")
                    return None
                if not line or line.startswith("#"):
                    continue
                if len(questions) >= MAX_BATCH_QUESTIONS:
                    fail(f"meer dan {MAX_BATCH_QUESTIONS} vragen; splits de lijst")
                    return None
                questions.append(line)
    except OSError as exc:
        fail(f"niet te lezen: {exc.strerror}")
        return None
    return questions


class _keep_open:
    """`with` for standard input without closing it."""

    def __init__(self, handle):
        self.handle = handle

    def __enter__(self):
        return self.handle

    def __exit__(self, *exc):
        return False


def format_results(question: str, results, no_answer: bool) -> str:
    """Readable Dutch: per card its question or title, the answer lines (best lines marked),
    the if-pressed lines, certainty and source."""
    lines = [f"Vraag: {question}", ""]
    if not results:
        lines.append(f"{NO_ANSWER}: niets gevonden dat op deze vraag lijkt.")
        return "\n".join(lines) + "\n"
    if no_answer:
        lines.append(f"{NO_ANSWER}: niets past goed. Dichtstbijzijnde kaarten (zekerheid laag):")
        lines.append("")
    for rank, result in enumerate(results, start=1):
        kind = {"vraag": "Vraag", "thema": "Thema", "kernboodschap": "Kernboodschap"}[result.kind]
        asker = ", ".join(filter(None, [result.member, result.party]))
        head = f"{rank}. [zekerheid {result.certainty}] {kind}"
        if result.kind != "kernboodschap":
            head += f": {result.title}"
        if asker:
            head += f" ({asker})"
        lines.append(head)
        lines.append(f"   Dossier: {result.dossier_title}")
        flags = []
        if result.status != "vastgesteld":
            flags.append("CONCEPT, niet vastgesteld")
        if result.classification not in ("openbaar", "intern"):
            flags.append(result.classification.upper())
        if flags:
            lines.append(f"   Let op: {'; '.join(flags)}")
        best = set(result.best_lines)
        texts = result.line_texts
        from briefing.model.dossier import flatten_lines

        for i, (depth, text) in enumerate(flatten_lines(result.lines)):
            marker = "»" if i in best else "-"
            lines.append(f"   {'  ' * depth}{marker} {text}")
        if not texts:
            lines.append("   (nog geen antwoord voorbereid)")
        pressed = flatten_lines(result.if_pressed)
        if pressed:
            lines.append("   Bij doorvragen:")
            for depth, text in pressed:
                lines.append(f"   {'  ' * depth}- {text}")
        if result.note:
            lines.append(f"   Notitie (niet voorlezen): {result.note}")
        source = result.source or "onbekend"
        lines.append(f"   Bron: {source} · {result.card_id}")
        lines.append("")
    return "\n".join(lines)
