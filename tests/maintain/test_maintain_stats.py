"""`briefing stats` on the bundled knowledge base and on small fixtures."""

from __future__ import annotations

import json

from maintain_helpers import dossier_yaml

from briefing.cli import main
from briefing.maintain.stats import compute_stats, render_stats
from briefing.model import load_knowledge


def test_bundled_counts_match_the_seeds(bundled_kb):
    kb = load_knowledge(bundled_kb)
    stats = compute_stats(kb)
    dossiers = {r.naam: r for r in stats.dossiers}
    fkd = dossiers["fkd-vervolgstappen-onderzoeken"]
    assert (fkd.vragen, fkd.vastgesteld, fkd.concept) == (16, 16, 0)  # seed 001: 16 questions
    assert dossiers["raad-2024-09-18-paroolartikel"].vragen == 5  # seed 002: 5 questions
    assert dossiers["motie-780-racisme-wpi"].open_fracties == 3  # seed 000: GL, VVD, D66
    assert stats.total.vragen == kb.stats()["vragen"]
    assert stats.total.regels == kb.stats()["regels"]
    parties = {r.naam: r for r in stats.parties}
    assert parties["GL"].vragen == 0 and parties["GL"].open_fracties == 1
    assert parties["PvdD"].vragen == 3  # asked as 'Partij voor de Dieren': resolved to the register
    members = {r.naam: r for r in stats.members}
    assert members["Kreuger"].varianten == 2
    assert {"Mangal", "Namane", "Schmitt", "Garmy"} <= {n for n, r in members.items() if r.vragen}


def test_table_is_aligned(bundled_kb, capsys):
    assert main(["stats", "--kb", str(bundled_kb)]) == 0
    out = capsys.readouterr().out
    block = out.split("\n\n")[0].splitlines()  # the dossier table
    header, rule, *rows = block[1:]
    # Right-aligned numbers: every row ends its 'vragen' column where the header does.
    end = header.index("vragen") + len("vragen")
    assert all(row[end - 1].isdigit() and not row[end].strip() for row in rows)
    assert rule.split() and all(set(part) == {"-"} for part in rule.split())
    assert rows[-1].startswith("totaal")


def test_json_for_scripts(bundled_kb, capsys):
    assert main(["stats", "--kb", str(bundled_kb), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"dossiers", "fracties", "raadsleden", "totaal", "overgeslagen_onder_embargo"}
    assert data["totaal"]["vragen"] == 21
    row = next(r for r in data["dossiers"] if r["naam"] == "motie-780-racisme-wpi")
    assert row["open_fracties"] == 3 and row["status"] == "vastgesteld" and row["titel"]


def test_concept_and_unknown_party(make_kb):
    kb = make_kb({
        "a.yaml": dossier_yaml(status="concept"),
        "b.yaml": dossier_yaml(questions="""\
            - nummer: 1
              raadslid: Jansen
              fractie: Nieuwe Partij
              vraag: Wat kost het?
              antwoord: [Dat weten we nog niet.]
              status: concept
            - nummer: 2
              raadslid: Kreuger
              vraag: En nu?
              antwoord: [Nu gaan we door.]
              varianten:
                - {raadslid: Namane, vraag: "Hoe verder?"}
            """),
    })
    stats = compute_stats(kb)
    rows = {r.naam: r for r in stats.dossiers}
    assert (rows["a"].concept, rows["a"].vastgesteld) == (1, 0)  # concept dossier: all concept
    assert (rows["b"].concept, rows["b"].vastgesteld) == (1, 1)
    parties = {r.naam: r for r in stats.parties}
    assert parties["Nieuwe Partij"].vragen == 1
    assert parties["JA21"].vragen == 1  # Kreuger's party comes from the register
    assert parties["PvdA"].varianten == 1  # so does Namane's, for a variant
    assert "Jansen" in render_stats(stats)
