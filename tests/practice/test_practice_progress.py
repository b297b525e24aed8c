"""Progress on disk: round trip, a corrupt file, an edited knowledge base, two writers."""

from __future__ import annotations

import json
from datetime import timedelta

from briefing.model import load_knowledge
from briefing.practice.progress import ProgressStore, default_path
from briefing.practice.scheduling import CardState, Grade, review
from briefing.practice.selection import Filters
from briefing.practice.session import prepare_round
from practice_kb import MELDPUNT, NOW


def test_default_location_respects_xdg_data_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_path() == tmp_path / "data" / "briefing" / "oefenen.json"


def test_round_trip(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    store = ProgressStore()
    state = review(review(CardState(), Grade.GOED, NOW), Grade.MOEILIJK, NOW + timedelta(days=1))
    store.record("meldpunt/vraag-1", state, seconds=42.26, coverage=0.5, label="Meldpunt, vraag 1")
    store.save()
    assert (tmp_path / "data" / "briefing" / "oefenen.json").is_file()

    again = ProgressStore()
    assert again.messages == []
    assert again.state("meldpunt/vraag-1") == state
    assert again.history("meldpunt/vraag-1")[-1]["seconden"] == 42.3
    assert again.state("onbekend/vraag-1") == CardState()
    assert not list((tmp_path / "data" / "briefing").glob(".*tmp"))  # no temp files left


def test_corrupt_file_is_kept_aside_and_a_fresh_one_started(tmp_path):
    path = tmp_path / "oefenen.json"
    path.write_text('{"versie": 1, "vragen": {"a/vraag-1": {"gemak": 2.5', encoding="utf-8")
    store = ProgressStore(path, now=NOW)
    aside = tmp_path / "oefenen.json.kapot-20240601T120000"
    assert aside.read_text(encoding="utf-8").startswith('{"versie": 1')  # nothing lost
    assert not path.exists() and len(store) == 0
    assert len(store.messages) == 1
    assert "beschadigd" in store.messages[0] and aside.name in store.messages[0]

    store.record("a/vraag-1", review(CardState(), Grade.GOED, NOW))
    store.save()
    assert ProgressStore(path).state("a/vraag-1").reps == 1


def test_a_bad_entry_keeps_the_good_ones(tmp_path):
    path = tmp_path / "oefenen.json"
    good = {"gemak": 2.2, "interval_dagen": 3, "op_rij": 2, "beoordelingen": 2,
            "vervalt": "2024-06-04T12:00:00+00:00", "laatste_beoordeling": "goed"}
    path.write_text(json.dumps({"versie": 1, "vragen": {
        "a/vraag-1": good, "a/vraag-2": {"gemak": "veel"}}}), encoding="utf-8")
    store = ProgressStore(path, now=NOW)
    assert store.state("a/vraag-1").ease == 2.2
    assert "a/vraag-2" not in store
    assert "1 bruikbare" in store.messages[0]
    assert list(tmp_path.glob("oefenen.json.kapot-*"))


def test_two_writers_do_not_erase_each_other(tmp_path):
    path = tmp_path / "oefenen.json"
    app, cli = ProgressStore(path), ProgressStore(path)
    app.record("a/vraag-1", review(CardState(), Grade.GOED, NOW))
    app.save()
    cli.record("a/vraag-2", review(CardState(), Grade.OPNIEUW, NOW))
    cli.save()
    merged = ProgressStore(path)
    assert merged.state("a/vraag-1").reps == 1 and merged.state("a/vraag-2").lapses == 1


def test_an_edited_knowledge_base_keeps_progress(kb_root, tmp_path, clock):
    store = ProgressStore(tmp_path / "oefenen.json")
    kb = load_knowledge(kb_root)
    session = prepare_round(kb, Filters(member="Mangal"), seed=1, time_limit=0, store=store,
                            clock=clock, now=lambda: NOW)
    session.ask()
    session.reveal("")
    session.grade(Grade.OPNIEUW)

    # Reword the question and its answer, and move it to the end of the file.
    edited = MELDPUNT.replace("Kan ik de vragenlijst van het MWO krijgen?",
                              "Mag ik de MWO-vragenlijst zien?")
    edited = edited.replace("Zie bijlage.", "De vragenlijst zit in de bijlage.")
    block_start = edited.index("  - nummer: 2")
    block_end = edited.index("  - nummer: 3")
    block = edited[block_start:block_end]
    edited = edited[:block_start] + edited[block_end:]
    edited = edited.replace("open_fracties:", block + "open_fracties:")
    (kb_root / "dossiers" / "meldpunt.yaml").write_text(edited, encoding="utf-8")
    kb2 = load_knowledge(kb_root)
    assert not kb2.errors
    moved = kb2.dossier("meldpunt").questions[-1]
    assert moved.number == 2 and kb2.dossier("meldpunt").question_id(moved) == "meldpunt/vraag-2"

    fresh = ProgressStore(tmp_path / "oefenen.json")
    assert fresh.state("meldpunt/vraag-2").lapses == 1
    later = NOW + timedelta(hours=1)
    weakest = prepare_round(kb2, count=0, order="weakest", seed=9, time_limit=0, store=fresh,
                            clock=clock, now=lambda: later)
    first = weakest.ask()
    assert first.qid == "meldpunt/vraag-2"
    assert first.text == "Mag ik de MWO-vragenlijst zien?"


def test_session_saves_after_every_grade(kb, tmp_path, clock):
    path = tmp_path / "oefenen.json"
    session = prepare_round(kb, count=2, seed=3, time_limit=0, store=ProgressStore(path),
                            clock=clock, now=lambda: NOW)
    first = session.ask()
    session.reveal("")
    session.grade(Grade.GOED)
    assert ProgressStore(path).state(first.qid).reps == 1  # a round cut short keeps this


def test_unwritable_progress_is_reported_not_fatal(kb, tmp_path, clock):
    blocker = tmp_path / "bestand"
    blocker.write_text("geen map", encoding="utf-8")
    session = prepare_round(kb, count=1, seed=3, time_limit=0,
                            store=ProgressStore(blocker / "oefenen.json"), clock=clock,
                            now=lambda: NOW)
    session.ask()
    session.reveal("")
    session.grade(Grade.GOED)
    assert any("niet opgeslagen" in m for m in session.messages)
