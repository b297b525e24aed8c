"""A small knowledge base made for practice tests: vetted, concept, unanswered and embargoed
questions, variants with their own askers, and parties still without prepared questions."""

from __future__ import annotations

import textwrap
from datetime import datetime, timezone
from pathlib import Path

FRACTIES = """\
- naam: GroenLinks
  afkortingen: [GL]
- naam: Partij van de Arbeid
  afkortingen: [PvdA]
- naam: Volkspartij voor Vrijheid en Democratie
  afkortingen: [VVD]
- naam: Partij voor de Dieren
  afkortingen: [PvdD]
- naam: JA21
  afkortingen: []
- naam: DENK
  afkortingen: []
"""

RAADSLEDEN = """\
- {naam: Namane, fractie: PvdA}
- {naam: Mangal, fractie: DENK}
- {naam: Kreuger, fractie: JA21}
- {naam: Veldhuyzen, fractie: GL, aliassen: [Veldhuijzen]}
- {naam: Bakker, fractie: VVD}
"""

MELDPUNT = """\
id: meldpunt
titel: Extern meldpunt discriminatie
agendapunt: "4"
status: vastgesteld
vragen:
  - nummer: 1
    raadslid: Namane
    fractie: PvdA
    vraag: Wordt het externe meldpunt verlengd?
    varianten:
      - {raadslid: Kreuger, fractie: JA21, vraag: "Gaat dat meldpunt nog langer door?"}
    antwoord:
      - De inzet van het externe meldpunt verlengen we tot eind 2024.
      - tekst: Medewerkers weten het meldpunt te vinden.
        sub:
          - Het kost tijd om verhalen boven tafel te krijgen.
    doorvragen:
      - Een evaluatie volgt na de zomer.
  - nummer: 2
    raadslid: Mangal
    vraag: Kan ik de vragenlijst van het MWO krijgen?
    antwoord:
      - Het laatste MWO is uitgevoerd in 2022.
      - Zie bijlage.
  - nummer: 3
    fractie: Partij voor de Dieren
    vraag: Zit er al schot in de werkcultuur?
    antwoord:
      - Een nieuwe organisatiecultuur is iets van de lange adem.
  - nummer: 4
    raadslid: Veldhuijzen
    fractie: GL
    vraag: Hoeveel vertrouwenspersonen zijn er?
    antwoord:
      - Er zijn drie externe vertrouwenspersonen gestart.
  - nummer: 5
    raadslid: Namane
    fractie: PvdA
    vraag: Wat doet Bureau Integriteit?
    antwoord:
      - BI ondersteunt bij meldingen.
    status: concept
  - nummer: 6
    raadslid: Bakker
    fractie: VVD
    vraag: Een vraag zonder antwoord?
    antwoord: []
  - nummer: 7
    raadslid: Kreuger
    fractie: JA21
    vraag: Wat kost het *extra* meldpunt?
    antwoord:
      - Het kost 50.000 euro per jaar.
open_fracties: [VVD, D66, GL]
"""

CONCEPT = """\
id: concept-dossier
titel: Nog niet vastgesteld
status: concept
vragen:
  - nummer: 1
    raadslid: Namane
    fractie: PvdA
    vraag: Een conceptvraag?
    antwoord: [Een conceptantwoord.]
"""

EMBARGO = """\
id: geheim
titel: Begroting onder embargo
status: vastgesteld
classificatie: geheim
embargo_tot: 2999-10-23T17:00:00
vragen:
  - nummer: 1
    raadslid: Mangal
    fractie: DENK
    vraag: Wat staat er in de begroting?
    antwoord: [Dat hoort u na de presentatie.]
open_fracties: [PvdD]
"""

NOW = datetime(2024, 6, 1, 12, 0, tzinfo=timezone.utc)


def write_kb(root: Path, dossiers: dict[str, str] | None = None) -> Path:
    (root / "dossiers").mkdir(parents=True, exist_ok=True)
    (root / "fracties.yaml").write_text(FRACTIES, encoding="utf-8")
    (root / "raadsleden.yaml").write_text(RAADSLEDEN, encoding="utf-8")
    (root / "afkortingen.yaml").write_text("- {afkorting: MWO, betekenis: medewerkersonderzoek}\n",
                                           encoding="utf-8")
    files = dossiers if dossiers is not None else {
        "meldpunt": MELDPUNT, "concept-dossier": CONCEPT, "geheim": EMBARGO}
    for name, text in files.items():
        (root / "dossiers" / f"{name}.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return root


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds
