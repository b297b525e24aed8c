"""No duplicate dossiers: import recognises a document that is already in the knowledge base and
refuses, naming the existing file, unless --force (which replaces it under its existing id);
check warns about two dossiers from the same document."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.model import load_knowledge

SEEDS = Path(__file__).parents[1] / "importing" / "seeds"
SEED_002 = SEEDS / "002_fa814430e892bf7f.txt"
EXAMPLE_FILE = "raad-2024-09-18-paroolartikel.yaml"  # the bundled dossier made from seed 002


def yaml_files(kb: Path) -> list[str]:
    return sorted(p.name for p in (kb / "dossiers").glob("*.yaml"))


@pytest.fixture
def fresh_kb(tmp_path) -> Path:
    folder = tmp_path / "kb"
    assert main(["init", str(folder)]) == 0
    return folder


def test_same_file_again_is_refused_with_the_existing_name(kb_copy, capsys):
    before = yaml_files(kb_copy)
    capsys.readouterr()
    assert main(["import", str(SEED_002), "--out", str(kb_copy)]) == 1
    err = capsys.readouterr().err
    assert "al geïmporteerd" in err and EXAMPLE_FILE in err and "--force" in err
    assert "niets geschreven" in err
    assert yaml_files(kb_copy) == before


def test_renamed_copy_under_another_id_is_refused_by_content(fresh_kb, tmp_path, capsys):
    assert main(["import", str(SEED_002), "--out", str(fresh_kb)]) == 0
    first = yaml_files(fresh_kb)
    renamed = tmp_path / "annotatie-definitief.txt"
    shutil.copy(SEED_002, renamed)
    capsys.readouterr()
    assert main(["import", str(renamed), "--out", str(fresh_kb), "--id", "paroolvragen"]) == 1
    err = capsys.readouterr().err
    assert "zelfde inhoud" in err and first[0] in err
    assert yaml_files(fresh_kb) == first


def test_same_title_and_date_is_the_same_document(fresh_kb, tmp_path, capsys):
    first = tmp_path / "v1.txt"
    first.write_text("Onderwerp: Parkeren binnenstad\nDatum: 3 februari 2025\n\nKernboodschap\n\n"
                     "- De tarieven stijgen.\n", encoding="utf-8")
    second = tmp_path / "v2.txt"
    second.write_text("Onderwerp: Parkeren binnenstad\nDatum: 3 februari 2025\n\nKernboodschap\n\n"
                      "- De tarieven stijgen beperkt.\n", encoding="utf-8")
    assert main(["import", str(first), "--out", str(fresh_kb)]) == 0
    capsys.readouterr()
    assert main(["import", str(second), "--out", str(fresh_kb)]) == 1
    assert "zelfde titel en datum (2025-02-03)" in capsys.readouterr().err


def test_force_replaces_under_the_existing_id_and_file(kb_copy, tmp_path, capsys):
    # The existing dossier was vetted by hand; a new version of the same annotatie replaces it.
    target = kb_copy / "dossiers" / EXAMPLE_FILE
    before = yaml_files(kb_copy)
    renamed = tmp_path / "002_nieuwe_versie.txt"
    shutil.copy(SEED_002, renamed)
    assert main(["import", str(SEED_002), "--out", str(kb_copy), "--force"]) == 0
    assert yaml_files(kb_copy) == before  # replaced, no new file
    kb = load_knowledge(kb_copy)
    assert kb.errors == []
    dossier = next(d for d in kb.dossiers if kb.paths[d.id] == target)
    assert dossier.id == "raad-2024-09-18-paroolartikel" and dossier.status.value == "concept"
    assert len([d for d in kb.dossiers if d.source == SEED_002.name]) == 1
    assert main(["import", str(renamed), "--out", str(kb_copy), "--force", "--id", "x"]) == 1
    assert "laat --id weg" in capsys.readouterr().err


def test_force_on_a_new_document_is_an_ordinary_import(kb_copy, tmp_path, capsys):
    before = yaml_files(kb_copy)
    note = tmp_path / "nieuw.txt"
    note.write_text("Onderwerp: Parkeren\n\nKernboodschap\n\n- De tarieven stijgen.\n",
                    encoding="utf-8")
    assert main(["import", str(note), "--out", str(kb_copy), "--force"]) == 0
    assert len(yaml_files(kb_copy)) == len(before) + 1


def test_the_same_document_twice_in_one_run_is_refused(fresh_kb, tmp_path, capsys):
    copy = tmp_path / "kopie.txt"
    shutil.copy(SEED_002, copy)
    assert main(["import", str(SEED_002), str(copy), "--out", str(fresh_kb)]) == 1
    err = capsys.readouterr().err
    assert "kopie.txt is hetzelfde document als 002_fa814430e892bf7f.txt" in err
    assert yaml_files(fresh_kb) == []


def test_check_warns_about_two_dossiers_from_one_document(kb_copy, capsys):
    original = kb_copy / "dossiers" / EXAMPLE_FILE
    text = original.read_text(encoding="utf-8")
    (kb_copy / "dossiers" / "kopie.yaml").write_text(
        text.replace("id: raad-2024-09-18-paroolartikel", "id: kopie"), encoding="utf-8")
    capsys.readouterr()
    assert main(["check", str(kb_copy)]) == 0  # a warning, not an error
    out = capsys.readouterr().out
    [line] = [line for line in out.splitlines() if "lijkt hetzelfde document" in line]
    assert "kopie.yaml" in line and EXAMPLE_FILE in line and "zelfde bronbestand" in line


def test_check_warns_about_same_title_and_date_but_not_undated(kb_copy, capsys):
    dossiers = kb_copy / "dossiers"
    base = "titel: Parkeren\nstatus: concept\nkernboodschap: [{}]\n"
    (dossiers / "a.yaml").write_text("datum: 2025-02-03\n" + base.format("Stijgt."), "utf-8")
    (dossiers / "b.yaml").write_text("datum: 2025-02-03\n" + base.format("Daalt."), "utf-8")
    (dossiers / "c.yaml").write_text(base.format("Blijft."), "utf-8")
    (dossiers / "d.yaml").write_text(base.format("Wisselt."), "utf-8")
    capsys.readouterr()
    assert main(["check", str(kb_copy)]) == 0
    out = capsys.readouterr().out
    assert "b.yaml:2: waarschuwing: lijkt hetzelfde document als a.yaml (zelfde titel en datum" in out
    assert "d.yaml" not in out


def test_bundled_example_has_no_duplicates(bundled_kb):
    from briefing.maintain.duplicates import duplicate_problems

    assert duplicate_problems(load_knowledge(bundled_kb)) == []
