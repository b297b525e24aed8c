"""Helpers for the maintenance tests: registers and dossiers as YAML snippets."""

from __future__ import annotations

import textwrap
from pathlib import Path


MEMBERS = """\
- naam: Namane
  fractie: PvdA
- naam: Kreuger
  fractie: JA21
- naam: Veldhuyzen
  fractie: Lijst AV
  aliassen: [Veldhuijzen]
"""
PARTIES = """\
- naam: Partij van de Arbeid
  afkortingen: [PvdA]
- naam: JA21
- naam: Lijst Ahmadi-Veldhuyzen
  afkortingen: [Lijst AV]
- naam: GroenLinks
  afkortingen: [GL]
"""
ABBREVIATIONS = """\
- afkorting: WPI
  betekenis: Werk, Participatie en Inkomen
"""


def dossier_yaml(body: str = "", *, title: str = "Testdossier", status: str = "vastgesteld",
                 datum: str = "null", questions: str | None = None) -> str:
    """A valid dossier; `body` adds top-level keys, `questions` replaces the default question."""
    if questions is None:
        questions = """\
            - nummer: 1
              raadslid: Namane
              fractie: PvdA
              vraag: Hoe staat het met het meldpunt?
              antwoord:
                - Het meldpunt is gestart.
            """
    return (
        f"titel: {title}\ndatum: {datum}\nstatus: {status}\n"
        + textwrap.dedent(body)
        + "vragen:\n"
        + textwrap.indent(textwrap.dedent(questions), "  ")
    )


def line_containing(path: Path, needle: str) -> int:
    """1-based number of the first line of a file that contains needle."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")
