"""Command line: argument parsing only. Each subcommand lives in briefing/commands/<name>.py
and calls one core function; `briefing` without a subcommand opens the live desk."""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from briefing import __version__
from briefing.location import (
    ENV_VAR, EXAMPLE, EXAMPLE_HINT, RULE_HELP, KnowledgeLocation, resolve_knowledge,
)

# Subcommand modules, in the order `briefing --help` lists them. Each defines NAME, HELP,
# add_arguments(parser) and run(args) -> exit code.
COMMAND_MODULES = (
    "check",
    "ask",
    "evaluate",
    "practice",
    "lint",
    "stats",
    "misses",
    "learn",
    "export",
    "import_",
    "init",
)

_ARGPARSE_DUTCH = {
    "the following arguments are required: ": "deze argumenten ontbreken: ",
    "unrecognized arguments: ": "onbekende argumenten: ",
    "invalid choice: ": "ongeldige keuze: ",
    "choose from ": "kies uit ",
    "expected one argument": "verwacht één waarde",
    "invalid int value: ": "geen geheel getal: ",
    "invalid float value: ": "geen getal: ",
    "not allowed with argument ": "niet samen met ",
    "ambiguous option: ": "dubbelzinnige optie: ",
    "could match ": "past op ",
}


class DutchHelpFormatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # noqa: D102
        return super().add_usage(usage, actions, groups, "gebruik: " if prefix is None else prefix)


class DutchArgumentParser(argparse.ArgumentParser):
    """argparse with Dutch headings, help and error messages (users read Dutch)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", DutchHelpFormatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        self.add_argument("-h", "--help", action="help", help="toon deze hulptekst en stop")

    def error(self, message: str):
        for english, dutch in _ARGPARSE_DUTCH.items():
            message = message.replace(english, dutch)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fout: {message}\n")


def knowledge_location(args: argparse.Namespace, command: str,
                       flag: Path | None = None) -> KnowledgeLocation | None:
    """The knowledge folder for this command, by the one rule (briefing.location). None, after
    a Dutch error on stderr, when the folder chosen does not exist. On the bundled example a
    one-line notice goes to stderr, so a new user knows whose dossiers these are."""
    location = resolve_knowledge(flag if flag is not None else getattr(args, "kb", None))
    problem = location.problem()
    if problem:
        print(f"{' '.join(filter(None, ['briefing', command]))}: fout: {problem}", file=sys.stderr)
        return None
    if location.rule == EXAMPLE:
        print(f"briefing: let op: de meegeleverde voorbeeldkennisbank (alleen lezen); "
              f"{EXAMPLE_HINT}", file=sys.stderr)
    return location


def default_kb() -> Path:
    """The knowledge folder by the one rule, without messages (see briefing.location)."""
    return resolve_knowledge().path


def add_kb_option(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS: a subcommand's own default must not erase `briefing --kb DIR <commando>`;
    # the top-level parser sets the real default (None).
    parser.add_argument("--kb", type=Path, default=argparse.SUPPRESS, metavar="MAP",
                        help=f"map met de kennisbank (anders {ENV_VAR}, instellingen.yaml, "
                        "./knowledge of het voorbeeld; zie briefing --help)")


def build_parser() -> tuple[DutchArgumentParser, dict[str, object]]:
    parser = DutchArgumentParser(
        prog="briefing",
        description="Live antwoordbureau voor de adviseurs van een wethouder in de raadscommissie.\n"
        "Zonder subcommando opent briefing de live-app.",
        epilog=RULE_HELP + "\n\nElk subcommando heeft --help, bijvoorbeeld: briefing import --help",
    )
    parser.add_argument("--version", action="version", version=f"briefing {__version__}",
                        help="toon het versienummer en stop")
    add_kb_option(parser)
    parser.set_defaults(kb=None)
    parser.add_argument("--embargo", action="store_true",
                        help="toon ook inhoud die nog onder embargo staat")
    subparsers = parser.add_subparsers(dest="command", title="subcommando's", metavar="COMMANDO",
                                       parser_class=DutchArgumentParser)
    modules = {}
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"briefing.commands.{name}")
        sub = subparsers.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.add_arguments(sub)
        modules[module.NAME] = module
    return parser, modules


def main(argv: list[str] | None = None) -> int:
    parser, modules = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            return _open_app(args, parser)
        return int(modules[args.command].run(args) or 0)
    except KeyboardInterrupt:
        print("afgebroken", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def _open_app(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    try:
        app_module = importlib.import_module("briefing.app.factory")
    except ModuleNotFoundError:
        parser.print_help()
        return 0
    location = knowledge_location(args, "")
    if location is None:
        return 2
    return int(app_module.run_app(kb=location.path, embargo=args.embargo,
                                  example=location.is_example) or 0)


if __name__ == "__main__":
    sys.exit(main())
