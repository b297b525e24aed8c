"""`briefing learn` from the command line: list, apply, and what it refuses."""

from __future__ import annotations

import json

from briefing.cli import main
from briefing.learn.apply import apply_proposals
from briefing.learn.proposals import build_proposals
from briefing.learn.store import add_choices, choices_path, load_choices
from briefing.model.loading import load_knowledge
from tests.conftest import BUNDLED_KB
from tests.learn.conftest import CARD, CARD_FILE, QUERY, choice, only_insertions

OTHER = "raad-2024-09-18-paroolartikel/vraag-5"
OTHER_QUERY = "hoe gaan jullie om met mensen die zich niet durven te melden"


def snapshot(folder) -> dict:
    return {p: p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def top_card(kb, query: str, capsys) -> str:
    capsys.readouterr()
    assert main(["ask", "--kb", str(kb), "--json", "--limit", "3", query]) == 0
    return json.loads(capsys.readouterr().out)["resultaten"][0]["kaart"]


def test_listing_writes_nothing(kb_copy, capsys):
    add_choices([choice(), choice(OTHER_QUERY, OTHER, 1, member="Mangal")])
    before, store_before = snapshot(kb_copy), choices_path().read_bytes()
    assert main(["learn", "--kb", str(kb_copy)]) == 0
    out = capsys.readouterr().out
    assert f'1. vraag "{QUERY}" -> kaart {CARD}, 1 keer gekozen' in out
    assert "als alternatief 2 (1x)" in out
    assert f'2. vraag "{OTHER_QUERY}" -> kaart {OTHER}, 1 keer gekozen' in out
    assert "Keuzes worden niet bijgehouden" in out   # the setting is off: say so
    assert snapshot(kb_copy) == before and choices_path().read_bytes() == store_before


def test_apply_writes_the_variant_check_passes_and_ask_finds_the_card_first(kb_copy, capsys):
    assert top_card(kb_copy, QUERY, capsys) != CARD        # the desk got it wrong before
    add_choices([choice(), choice(action="pin")])
    path = kb_copy / "dossiers" / CARD_FILE
    old = path.read_text("utf-8")
    assert main(["learn", "--kb", str(kb_copy), "--apply"]) == 0
    out = capsys.readouterr().out
    assert "Geschreven: 1 variant(en) in 1 bestand(en)" in out
    assert "Controle (briefing check): in orde" in out
    assert f'"{QUERY}" -> {CARD}: nu als eerste gevonden' in out
    new = path.read_text("utf-8")
    assert only_insertions(old, new, replaced_ok=1) == [
        "    varianten:\n", f"      - vraag: {QUERY}\n"]
    assert main(["check", str(kb_copy)]) == 0
    assert top_card(kb_copy, QUERY, capsys) == CARD
    # Done once: the phrasing is a variant now, so nothing is proposed again.
    assert main(["learn", "--kb", str(kb_copy), "--apply"]) == 0
    out = capsys.readouterr().out
    assert "Geen nieuwe varianten" in out and "staat al als vraag of variant" in out
    assert path.read_text("utf-8") == new


def test_only_the_chosen_numbers(kb_copy, capsys):
    add_choices([choice(), choice(), choice(OTHER_QUERY, OTHER, 1)])
    before = snapshot(kb_copy)
    assert main(["learn", "--kb", str(kb_copy), "--apply", "--alleen", "2"]) == 0
    changed = [p.name for p, raw in snapshot(kb_copy).items() if before[p] != raw]
    assert changed == ["raad-2024-09-18-paroolartikel.yaml"]
    assert main(["learn", "--kb", str(kb_copy), "--apply", "--alleen", "7"]) == 2
    assert "--alleen verwacht nummers" in capsys.readouterr().err


def test_a_file_changed_since_the_proposal_is_not_overwritten(kb_copy):
    kb = load_knowledge(kb_copy)
    [proposal] = build_proposals([choice()], kb).variants
    path = kb_copy / "dossiers" / CARD_FILE
    edited = path.read_text("utf-8").replace("titel:", "# een collega was hier bezig\ntitel:", 1)
    path.write_text(edited, "utf-8")
    [outcome] = apply_proposals([proposal])
    assert not outcome.written and "gewijzigd sinds het voorstel" in outcome.error
    assert path.read_text("utf-8") == edited


def test_the_bundled_example_is_read_only(capsys):
    add_choices([choice()])
    before = snapshot(BUNDLED_KB)
    assert main(["learn", "--kb", str(BUNDLED_KB), "--apply"]) == 2
    err = capsys.readouterr().err
    assert "alleen te lezen" in err and "briefing init" in err
    assert snapshot(BUNDLED_KB) == before


def test_classification_is_shown_where_the_card_is_not_public(kb_copy, capsys):
    path = kb_copy / "dossiers" / CARD_FILE
    path.write_text(path.read_text("utf-8").replace(
        "classificatie: openbaar", "classificatie: vertrouwelijk"), "utf-8")
    add_choices([choice()])
    assert main(["learn", "--kb", str(kb_copy)]) == 0
    assert f"-> kaart {CARD} [VERTROUWELIJK], 1 keer gekozen" in capsys.readouterr().out


def test_embargo_stays_hidden_unless_asked(kb_copy, capsys):
    path = kb_copy / "dossiers" / CARD_FILE
    path.write_text(path.read_text("utf-8").replace(
        "embargo_tot: null", "embargo_tot: 2099-01-01T09:00:00+01:00"), "utf-8")
    add_choices([choice()])
    assert main(["learn", "--kb", str(kb_copy)]) == 0
    out = capsys.readouterr().out
    assert QUERY not in out and CARD not in out and "onder embargo (--embargo" in out
    assert main(["learn", "--kb", str(kb_copy), "--embargo"]) == 0
    assert QUERY in capsys.readouterr().out


def test_a_broken_knowledge_base_is_not_written(kb_copy, capsys):
    add_choices([choice()])
    (kb_copy / "dossiers" / "kapot.yaml").write_text("titel: [\n", "utf-8")
    before = snapshot(kb_copy)
    assert main(["learn", "--kb", str(kb_copy), "--apply"]) == 1
    assert "Los die eerst op" in capsys.readouterr().err
    assert snapshot(kb_copy) == before


def test_json_and_clear(kb_copy, capsys, recording_on):
    add_choices([choice(), choice("rapport werkgeluk wanneer", "motie-780-racisme-wpi/thema-6", 0)])
    assert main(["learn", "--kb", str(kb_copy), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["bijhouden"] is True and data["aantal_keuzes"] == 2
    assert [p["kaart"] for p in data["voorstellen"]] == [CARD]
    assert [p["kaart"] for p in data["alleen_getoond"]] == ["motie-780-racisme-wpi/thema-6"]
    assert main(["learn", "--clear"]) == 0
    assert "2 keuze(s) gewist" in capsys.readouterr().out
    assert load_choices().choices == []


def test_a_corrupt_store_is_reported_and_set_aside(kb_copy, capsys):
    path = choices_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{kapot", "utf-8")
    assert main(["learn", "--kb", str(kb_copy)]) == 0
    captured = capsys.readouterr()
    assert "opzij gezet" in captured.err and "Nog geen keuzes" in captured.out
