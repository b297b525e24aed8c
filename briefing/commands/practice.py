"""`briefing practice`: a mock question round in the terminal, or --export for a rehearsal."""

from __future__ import annotations

import argparse
import shlex
import sys
from datetime import datetime, timedelta
from typing import Callable, Iterator

NAME = "practice"
HELP = "oefen een vragenronde: briefing speelt de commissie"

EPILOG = """\
Een ronde stelt de vragen zoals het raadslid ze stelt ("Lid Namane (PvdA): ..."), met de
voorbereide vraag of een variant. Typ uw kernpunten (een lege regel = klaar; direct Enter
toont meteen het antwoord), lees het vastgestelde antwoord en beoordeel uzelf:
1 Opnieuw, 2 Moeilijk, 3 Goed, 4 Makkelijk (s = stoppen).

Alleen vastgestelde vragen met een antwoord doen mee (--concept neemt concepten mee);
dossiers onder embargo doen niet mee, tenzij u briefing --embargo practice gebruikt.

Gedekt of gemist: de kernwoorden van een antwoordregel zijn de woorden van vier of meer
letters, afkortingen in hoofdletters (MWO, BI) en getallen, zonder veelvoorkomende woorden
(de, het, wordt, omdat ...). Een kernwoord telt als genoemd als een getypt woord er voor
minstens 80% op lijkt ("verlengd" ~ "verlengen", tikfouten mogen), dezelfde stam heeft
("brief" ~ "brieven") of, met vijf of meer letters, er het begin van is ("vertrouwensp").
Getallen en korte afkortingen moeten precies kloppen. Een regel is gedekt als minstens de
helft van de kernwoorden genoemd is, met hooguit drie nodig.

Herhaling: elke vraag heeft een eigen schema (SM-2, zoals Anki). Opnieuw komt na 10 minuten
terug, Moeilijk/Goed/Makkelijk geven steeds langere tussenpozen. --order weakest begint met
wat misging, dan wat aan de beurt is. De voortgang staat in de gebruikersmap
($XDG_DATA_HOME/briefing/oefenen.json) en hoort bij vaste vraag-id's, dus een aangepaste
vraag houdt haar voortgang. Zie docs/practice.md.

Zonder terminal (bijvoorbeeld in een script) leest briefing de antwoorden van stdin:
per vraag regels met kernpunten, een lege regel, en een regel met de beoordeling (1-4).
"""

PIPE_WAIT = 5.0   # seconds to wait for piped answers before refusing (never hang in CI)


def add_arguments(parser) -> None:
    from briefing.cli import add_kb_option
    from briefing.practice.selection import DEFAULT_COUNT, DEFAULT_TIME, ORDERS

    parser.epilog = EPILOG
    add_kb_option(parser)
    parser.add_argument("--dossier", metavar="DOSSIER",
                        help="alleen dit dossier (id of een stuk van id of titel)")
    parser.add_argument("--party", metavar="FRACTIE", help="alleen vragen van deze fractie")
    parser.add_argument("--member", metavar="RAADSLID", help="alleen vragen van dit raadslid")
    parser.add_argument("--count", type=_non_negative_int, default=DEFAULT_COUNT, metavar="N",
                        help=f"aantal vragen (standaard {DEFAULT_COUNT}; 0 = alle)")
    parser.add_argument("--order", choices=ORDERS, default="random",
                        help="volgorde: random (willekeurig, met --seed), weakest (zwakste "
                             "eerst volgens het schema), committee (fracties in spreekvolgorde)")
    parser.add_argument("--time", type=_non_negative_float, default=DEFAULT_TIME,
                        metavar="SECONDEN",
                        help=f"bedenktijd per vraag (standaard {DEFAULT_TIME}; 0 = geen)")
    parser.add_argument("--seed", type=int, default=None, metavar="S",
                        help="zelfde seed, zelfde ronde (standaard: een nieuwe, die wordt getoond)")
    parser.add_argument("--concept", action="store_true",
                        help="neem ook vragen mee die nog concept zijn")
    parser.add_argument("--export", metavar="BESTAND", default=None,
                        help="schrijf de ronde als Markdown voor een repetitie met collega's, "
                             "zonder hem te spelen")
    parser.add_argument("--overwrite", action="store_true",
                        help="met --export: vervang een bestaand bestand")


def run(args) -> int:
    from briefing.cli import knowledge_location
    from briefing.model import load_knowledge
    from briefing.practice.progress import ProgressStore
    from briefing.practice.selection import Filters, SelectionError
    from briefing.practice.session import prepare_round

    location = knowledge_location(args, NAME)
    if location is None:
        return 2
    root = location.path
    kb = load_knowledge(root)
    if not kb.dossiers:
        for problem in kb.errors[:5]:
            print(problem, file=sys.stderr)
        print(f"Geen dossiers gevonden in {root}.", file=sys.stderr)
        return 1
    if kb.errors:
        print(f"Let op: {len(kb.errors)} fout(en) in de kennisbank; kapotte bestanden zijn "
              f"overgeslagen (zie briefing check).", file=sys.stderr)

    store = ProgressStore()
    for message in store.messages:
        print(message, file=sys.stderr)
    filters = Filters(dossier=args.dossier, party=args.party, member=args.member,
                      include_concept=args.concept,
                      include_embargoed=bool(getattr(args, "embargo", False)))
    try:
        # An export reads the schedule (for --order weakest) but never grades, so never writes.
        session = prepare_round(kb, filters, count=args.count, order=args.order, seed=args.seed,
                                time_limit=args.time, store=store)
    except SelectionError as exc:
        print(str(exc), file=sys.stderr)
        return 1

    if args.export:
        return _export(session, args)

    lines = _answer_source()
    if lines is None:
        print("Geen terminal en geen antwoorden op stdin: een ronde spelen kan zo niet.\n"
              "Start briefing practice in een terminal, geef per vraag kernpunten, een lege "
              "regel en een beoordeling (1-4) via stdin, of maak met --export BESTAND een "
              "ronde op papier.", file=sys.stderr)
        return 2
    return play(session, lines)


def _export(session, args) -> int:
    from briefing.practice.export import round_markdown, write_export

    text = round_markdown(session, order=args.order, command=_command(args, session.seed))
    try:
        path = write_export(args.export, text, overwrite=args.overwrite)
    except FileExistsError:
        print(f"{args.export} bestaat al; niets geschreven. Kies een andere naam of gebruik "
              f"--overwrite om het te vervangen.", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"Kan {args.export} niet schrijven: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"Ronde met {session.total} vragen geschreven naar {path} (seed {session.seed}).")
    return 0


def _command(args, seed: int) -> str:
    parts = ["briefing", "practice"]
    for flag, value in (("--dossier", args.dossier), ("--party", args.party),
                        ("--member", args.member)):
        if value:
            parts += [flag, value]
    parts += ["--count", str(args.count), "--order", args.order, "--seed", str(seed)]
    if args.concept:
        parts.append("--concept")
    return shlex.join(parts)


# -- playing a round -----------------------------------------------------------------------

Reader = Callable[[str], "str | None"]   # prompt -> line, None at end of input


def _answer_source() -> Reader | None:
    """input() on a terminal; piped stdin lines otherwise; None when neither is available."""
    stream = sys.stdin
    if stream is None or getattr(stream, "closed", False):
        return None
    try:
        interactive = stream.isatty()
    except (OSError, ValueError):
        interactive = False
    if interactive:
        def read(prompt: str) -> str | None:
            try:
                return input(prompt)
            except EOFError:
                return None
        return read
    lines = _piped_lines(stream, PIPE_WAIT)
    if lines is None:
        return None
    feed: Iterator[str] = iter(lines)

    def read_piped(prompt: str) -> str | None:
        line = next(feed, None)
        print(f"{prompt}{line if line is not None else ''}")  # a readable transcript
        return line
    return read_piped


def _piped_lines(stream, wait: float) -> list[str] | None:
    """All lines waiting on a non-terminal stdin; None when nothing comes within `wait`."""
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):
        fd = None
    if fd is not None:
        try:
            import select

            ready, _, _ = select.select([fd], [], [], wait)
        except (OSError, ValueError, TypeError):
            ready = [fd]  # select cannot watch this stream (e.g. Windows): just read
        if not ready:
            return None
    try:
        data = stream.read()
    except (OSError, ValueError):
        return None
    return data.splitlines() if data else None


def play(session, read: Reader, out=None) -> int:
    """Drive a session with a line reader; print the round and its summary."""
    from briefing.practice.scheduling import Grade

    out = out or sys.stdout
    stopped = False

    def say(text: str = "") -> None:
        from briefing.safetext import printable

        print(printable(text), file=out, flush=True)

    for message in session.messages:
        say(message)
    say(f"Oefenronde: {session.total} vragen (seed {session.seed}).")
    try:
        while (item := session.ask()) is not None:
            say()
            say(f"Vraag {session.index + 1}/{session.total} · {item.label}")
            say(item.prompt)
            if session.time_limit:
                deadline = datetime.now() + timedelta(seconds=session.time_limit)
                say(f"Bedenktijd {round(session.time_limit)} s: antwoord voor "
                    f"{deadline:%H:%M:%S}.")
            say("Typ uw kernpunten; een lege regel toont het antwoord.")
            typed, ended = _read_block(read)
            coverage = session.reveal(typed)
            result = session.current_result
            if result.over_time:
                say(f"Tijd overschreden: {round(result.seconds)} s (limiet "
                    f"{round(session.time_limit)} s).")
            else:
                say(f"Gebruikte tijd: {round(result.seconds)} s.")
            say("Vastgesteld antwoord (✓ gedekt, ✗ gemist):")
            for line in coverage.lines:
                say(f"{'  ' * (line.depth + 1)}{'✓' if line.covered else '✗'} {line.text}")
            say(f"Gedekt: {coverage.covered} van {coverage.total} regels.")
            if item.question.if_pressed:
                say("Bij doorvragen:")
                for depth, text in item.if_pressed_lines():
                    say(f"{'  ' * (depth + 1)}- {text}")
            if ended:
                stopped = True
                break
            grade = None
            while grade is None:
                answer = read("Beoordeling: 1 Opnieuw, 2 Moeilijk, 3 Goed, 4 Makkelijk "
                              "(s = stoppen): ")
                if answer is None or answer.strip().lower() in ("s", "stop", "stoppen", "q"):
                    stopped = True
                    break
                grade = Grade.parse(answer)
                if grade is None:
                    say("Kies 1, 2, 3 of 4 (of s om te stoppen).")
            if stopped:
                break
            session.grade(grade)
    except KeyboardInterrupt:
        stopped = True
        say()
    if stopped:
        session.stop()
        say("Ronde gestopt.")
    say()
    for line in session.summary().lines():
        say(line)
    for message in session.messages:
        if message not in getattr(session.store, "messages", []):
            say(message)
    return 0


def _read_block(read: Reader) -> tuple[str, bool]:
    """Lines up to an empty line. Returns (text, end of input reached)."""
    lines: list[str] = []
    while True:
        line = read("> ")
        if line is None:
            return "\n".join(lines), True
        if not line.strip():
            return "\n".join(lines), False
        lines.append(line)


def _non_negative_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"geen geheel getal: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError("mag niet negatief zijn")
    return value


def _non_negative_float(text: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"geen getal: {text!r}") from None
    if value < 0 or value != value:
        raise argparse.ArgumentTypeError("mag niet negatief zijn")
    return value
