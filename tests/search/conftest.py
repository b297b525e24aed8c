"""A small knowledge base written into tmp_path: three dossiers (vetted, concept, embargoed),
registers with aliases and abbreviations, and a synonym list."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from briefing.model import load_knowledge

VETTED = {
    "id": "personeel",
    "titel": "Raadsbrief voortgang personeelsbeleid en integriteit",
    "vergadering": "Raadscommissie FKD",
    "status": "vastgesteld",
    "classificatie": "openbaar",
    "bron": "annotatie-personeel.docx",
    "kernboodschap": [
        "Het college wil een werkgever zijn waar iedereen zich veilig voelt.",
        "Vacatures invullen duurt langer door de krappe arbeidsmarkt.",
    ],
    "themas": [
        {"titel": "Meldpunt ongewenst gedrag", "regels": [
            "Het externe meldpunt is op 1 maart 2024 gestart.",
            {"tekst": "Medewerkers kunnen ook anoniem melden.",
             "sub": ["Anonieme meldingen worden niet op persoonsniveau onderzocht."]},
        ]},
        {"titel": "Sancties", "regels": [
            "We rapporteren jaarlijks over meldingen en sancties aan de raad.",
            "In 2023 zijn 45 sancties opgelegd.",
        ]},
        {"titel": "Medewerkerstevredenheidsonderzoek", "regels": [
            "Het medewerkerstevredenheidsonderzoek wordt in 2025 opnieuw uitgevoerd.",
        ]},
    ],
    "vragen": [
        {"nummer": 1, "raadslid": "Jansen", "fractie": "PvdA",
         "vraag": "Hoe lang duurt het voordat een vacature is ingevuld?",
         "antwoord": ["Gemiddeld duurt het vier maanden om een vacature in te vullen."],
         "doorvragen": ["We werken aan snellere wervingsprocedures."]},
        {"nummer": 2, "raadslid": "El Amrani", "fractie": "DENK",
         "vraag": "Kan ik de link naar het intranet krijgen?",
         "antwoord": ["We zetten de informatie voor 1 juni online.",
                      "Zodra dit beschikbaar is, ontvangt u een linkje."]},
        {"nummer": 3, "raadslid": "Jansen", "fractie": "PvdA",
         "vraag": "Wat doet Bureau Integriteit met een melding?",
         "antwoord": ["BI gaat altijd eerst in gesprek met de melder."],
         "varianten": [{"raadslid": "De Wit", "fractie": "VVD",
                        "vraag": "Hoe pakt het integriteitsbureau meldingen aan?"}]},
        {"nummer": 4, "raadslid": "De Wit", "fractie": "VVD",
         "vraag": "Wat kost het nieuwe meldpunt per jaar?",
         "antwoord": ["Het meldpunt kost 250.000 euro per jaar."]},
        {"nummer": 5, "raadslid": "De Wit", "fractie": "VVD",
         "vraag": "Is dit bedrag al in de begroting opgenomen?",
         "status": "concept",
         "antwoord": ["Nog niet: het komt in de voorjaarsnota."]},
    ],
}

CONCEPT = {
    "id": "diversiteit-concept",
    "titel": "Concept annotatie diversiteit",
    "status": "concept",
    "themas": [{"titel": "Streefcijfers diversiteit", "regels": [
        "De streefcijfers voor diversiteit in de top worden in 2026 gehaald.",
    ]}],
    "vragen": [{"nummer": 1, "raadslid": "Jansen", "fractie": "PvdA",
                "vraag": "Worden de streefcijfers voor diversiteit gehaald?",
                "antwoord": ["We verwachten de streefcijfers in 2026 te halen."]}],
}

EMBARGOED = {
    "id": "begroting-geheim",
    "titel": "Begroting 2030 (onder embargo)",
    "status": "vastgesteld",
    "embargo_tot": "2099-01-01T09:00:00",
    "themas": [{"titel": "Bezuinigingen", "regels": [
        "De bezuiniging op de parkeerhandhaving bedraagt twee miljoen euro.",
    ]}],
}

MEMBERS = [
    {"naam": "Jansen", "fractie": "PvdA", "aliassen": ["Janssen"]},
    {"naam": "El Amrani", "fractie": "DENK", "aliassen": ["Elamrani"]},
    {"naam": "De Wit", "fractie": "VVD", "aliassen": []},
]
PARTIES = [
    {"naam": "Partij van de Arbeid", "afkortingen": ["PvdA"]},
    {"naam": "DENK", "afkortingen": []},
    {"naam": "Volkspartij voor Vrijheid en Democratie", "afkortingen": ["VVD"]},
]
ABBREVIATIONS = [
    {"afkorting": "BI", "betekenis": "Bureau Integriteit"},
    {"afkorting": "MTO", "betekenis": "medewerkerstevredenheidsonderzoek"},
]
SYNONYMS = [["straf", "sanctie"], ["vacature", "openstaande functie"], ["baas", "leidinggevende"]]


def write_kb(root: Path, dossiers=(VETTED, CONCEPT, EMBARGOED)) -> Path:
    (root / "dossiers").mkdir(parents=True, exist_ok=True)

    def dump(path: Path, data) -> None:
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False),
                        encoding="utf-8")

    dump(root / "raadsleden.yaml", MEMBERS)
    dump(root / "fracties.yaml", PARTIES)
    dump(root / "afkortingen.yaml", ABBREVIATIONS)
    dump(root / "synoniemen.yaml", SYNONYMS)
    for dossier in dossiers:
        dump(root / "dossiers" / f"{dossier['id']}.yaml", dossier)
    return root


@pytest.fixture
def small_kb_path(tmp_path) -> Path:
    return write_kb(tmp_path / "kb")


@pytest.fixture
def small_kb(small_kb_path):
    kb = load_knowledge(small_kb_path)
    assert not kb.errors, kb.errors
    return kb


@pytest.fixture
def engine(small_kb):
    from briefing.search import SearchEngine

    return SearchEngine.open(small_kb)
