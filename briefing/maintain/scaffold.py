"""`briefing init MAP`: a new, empty knowledge base that a team can put in git.

The registers start empty (`[]`) under commented examples, so `briefing check` passes at once
and an adviser sees the format where they fill it in. Nothing existing is ever overwritten."""

from __future__ import annotations

from pathlib import Path

from briefing.fileio import write_atomic
from briefing.location import ensure_writable
from briefing.model.loading import DOSSIER_DIR, SYNONYMS_FILE

README_FILE = "LEESMIJ.md"
KEEP_FILE = ".gitkeep"  # git keeps no empty folders; the loader reads only *.yaml in dossiers/

_EMPTY = """\
# Nog leeg. Vervang '[]' hieronder door uw eigen lijst, zoals in het voorbeeld hierboven
# (zonder de '# ' aan het begin van de regels).
[]
"""

MEMBERS = """\
# Raadsleden die in de commissie vragen stellen. Per raadslid: naam, fractie (de naam of een
# afkorting uit fracties.yaml) en aliassen: andere schrijfwijzen die in annotaties voorkomen.
# briefing herkent raadsleden hiermee bij het importeren en bij '@naam' in de live-app.
#
# Voorbeeld:
# - naam: Veldhuyzen
#   fractie: Lijst AV
#   aliassen: [Veldhuijzen, Veldhuizen]
# - naam: Namane
#   fractie: PvdA
#   aliassen: []
#
""" + _EMPTY

PARTIES = """\
# Fracties in de gemeenteraad, in de spreekvolgorde van de commissie. Per fractie: de volledige
# naam en de afkortingen die in annotaties en vragen worden gebruikt.
#
# Voorbeeld:
# - naam: Partij van de Arbeid
#   afkortingen: [PvdA]
# - naam: Lijst Ahmadi-Veldhuyzen
#   afkortingen: [Lijst AV, AV]
#
""" + _EMPTY

ABBREVIATIONS = """\
# Afkortingen en hun betekenis. briefing zoekt ze beide kanten op: wie 'BI' typt, vindt ook
# 'Bureau Integriteit', en andersom. Laat 'betekenis' leeg (null) als u die niet weet.
#
# Voorbeeld:
# - afkorting: WPI
#   betekenis: Werk, Participatie en Inkomen
# - afkorting: B&W
#   betekenis: burgemeester en wethouders
#
""" + _EMPTY

SYNONYMS = """\
# Synoniemen voor het zoeken: elke regel is een groep woorden of woordgroepen die in een
# raadsvraag hetzelfde kunnen betekenen. Ze worden alleen bij het zoeken gebruikt (beide kanten
# op), nooit in de antwoorden. Enkelvoud of meervoud maakt niet uit. Afkortingen horen in
# afkortingen.yaml.
#
# Voorbeeld:
# - [medewerker, werknemer, personeel, ambtenaar]
# - [vacature, openstaande functie, vacante functie]
# - [klacht, melding, signaal]
#
""" + _EMPTY

README = """\
# Kennisbank voor briefing

Deze map is een kennisbank voor briefing, het live antwoordbureau voor de raadscommissie. Het
zijn gewone tekstbestanden (YAML): zet de map in git, dan ziet het team wie wat heeft gewijzigd.

- `dossiers/`: één bestand per annotatie (kernboodschap, thema's, vragen met antwoorden).
- `raadsleden.yaml`, `fracties.yaml`, `afkortingen.yaml`, `synoniemen.yaml`: de registers
  waarmee briefing namen, afkortingen en andere woorden voor hetzelfde herkent. Elk bestand
  begint met een voorbeeld.

Aan de slag (vanuit deze map; `.` is deze map):

```sh
briefing import annotatie.docx --out .    # een annotatie wordt een conceptdossier in dossiers/
briefing check .                          # controleert alle bestanden
briefing lint --kb .                      # kijkt de inhoud na (tijdelijke tekst, ...)
briefing --kb .                           # opent de live-app op deze kennisbank
```

Een geïmporteerd dossier heeft `status: concept`; zet `status: vastgesteld` als de inhoud
klopt. Wilt u niet steeds `--kb` typen, zet dan `BRIEFING_KB` op deze map, of
`kennisbank: <deze map>` in instellingen.yaml (`briefing --help` toont de volgorde).
"""

TEMPLATES = {
    "raadsleden.yaml": MEMBERS,
    "fracties.yaml": PARTIES,
    "afkortingen.yaml": ABBREVIATIONS,
    SYNONYMS_FILE: SYNONYMS,
    README_FILE: README,
}


class KnowledgeBaseExists(Exception):
    """The folder already holds (part of) a knowledge base; the message is Dutch."""


def existing_parts(folder: Path) -> list[str]:
    """The names of knowledge base files or folders already in folder."""
    names = [*TEMPLATES, DOSSIER_DIR]
    return [name for name in names if (folder / name).exists() or (folder / name).is_symlink()]


def create_knowledge_base(folder: Path | str) -> list[Path]:
    """Create an empty knowledge base in folder (made when missing); the files written.

    Raises ReadOnlyKnowledge inside the installation, KnowledgeBaseExists when any part of a
    knowledge base is already there, and OSError when the disk says no."""
    folder = Path(folder)
    ensure_writable(folder)
    if folder.exists() and not folder.is_dir():
        raise KnowledgeBaseExists(f"{folder} bestaat al en is geen map")
    found = existing_parts(folder)
    if found:
        raise KnowledgeBaseExists(
            f"{folder} bevat al een kennisbank ({', '.join(found)}); er is niets overschreven. "
            "Kies een nieuwe of lege map")
    written = []
    (folder / DOSSIER_DIR).mkdir(parents=True, exist_ok=True)
    keep = folder / DOSSIER_DIR / KEEP_FILE
    write_atomic(keep, "", overwrite=False)
    written.append(keep)
    for name, text in TEMPLATES.items():
        path = folder / name
        write_atomic(path, text, overwrite=False)
        written.append(path)
    return written
