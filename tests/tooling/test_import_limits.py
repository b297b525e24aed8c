"""Import hardening on the write side (issue 14): the loader's limits apply to what import
writes; ids that cannot be file names are refused in Dutch; a new --out folder is announced."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.cli import main
from briefing.commands.import_ import MAX_ID_LENGTH
from briefing.model import load_knowledge
from briefing.model.yamlsource import MAX_FILE_BYTES

NOTE = "Onderwerp: Parkeren binnenstad\n\nKernboodschap\n\n- De tarieven stijgen.\n"


@pytest.fixture
def note(tmp_path) -> Path:
    path = tmp_path / "notitie.txt"
    path.write_text(NOTE, encoding="utf-8")
    return path


@pytest.fixture
def kb(tmp_path) -> Path:
    folder = tmp_path / "kb"
    assert main(["init", str(folder)]) == 0
    return folder


def files(kb: Path) -> list[str]:
    return sorted(p.name for p in (kb / "dossiers").iterdir() if p.name != ".gitkeep")


def test_text_larger_than_a_knowledge_file_may_be_is_refused_at_once(kb, tmp_path, capsys):
    big = tmp_path / "groot.txt"
    with big.open("w", encoding="utf-8") as handle:
        handle.write("Kernboodschap\n\n")
        line = "- De wethouder antwoordt op de vraag over de kosten van het programma.\n"
        handle.write(line * (MAX_FILE_BYTES // len(line) + 10))
    capsys.readouterr()
    assert main(["import", str(big), "--out", str(kb)]) == 1
    err = capsys.readouterr().err
    assert "groot.txt" in err and "te groot" in err and "10 MB" in err and "niets geschreven" in err
    assert files(kb) == []


def test_a_dossier_over_the_limit_is_not_written(kb, note, monkeypatch, capsys):
    # The authoritative check is on the YAML that would be written (a .docx packs its text).
    import briefing.model.yamlsource as yamlsource

    monkeypatch.setattr(yamlsource, "MAX_FILE_BYTES", 100)
    capsys.readouterr()
    assert main(["import", str(note), "--out", str(kb)]) == 1
    err = capsys.readouterr().err
    assert "het dossier wordt" in err and "hooguit" in err
    assert files(kb) == []


def test_an_id_too_long_for_a_file_name_is_a_dutch_error(kb, note, capsys):
    capsys.readouterr()
    assert main(["import", str(note), "--out", str(kb), "--id", "a" * 300]) == 1
    err = capsys.readouterr().err
    assert "300 tekens" in err and f"hooguit {MAX_ID_LENGTH}" in err and "Traceback" not in err
    assert main(["import", str(note), "--out", str(kb), "--id", "a" * MAX_ID_LENGTH]) == 0
    assert files(kb) == ["a" * MAX_ID_LENGTH + ".yaml"]


def test_a_very_long_title_gets_a_short_id(kb, tmp_path, capsys):
    path = tmp_path / "lang.txt"
    path.write_text("Onderwerp: " + " ".join(["Parkeervergunningen"] * 60) +
                    "\n\nKernboodschap\n\n- Ja.\n", encoding="utf-8")
    assert main(["import", str(path), "--out", str(kb)]) == 0
    [name] = files(kb)
    assert len(name) <= MAX_ID_LENGTH + len(".yaml")
    assert load_knowledge(kb).errors == []


@pytest.mark.parametrize("given", ["paroolvragen.yaml", "paroolvragen.yml", "paroolvragen.YAML"])
def test_an_id_given_as_a_file_name_drops_the_extension(kb, note, given):
    assert main(["import", str(note), "--out", str(kb), "--id", given]) == 0
    assert files(kb) == ["paroolvragen.yaml"]
    assert load_knowledge(kb).dossier("paroolvragen") is not None


def test_an_explicit_id_that_exists_needs_force(kb, note, tmp_path, capsys):
    assert main(["import", str(note), "--out", str(kb), "--id", "parkeren"]) == 0
    other = tmp_path / "ander.txt"
    other.write_text("Onderwerp: Fietsen\n\nKernboodschap\n\n- Meer stallingen.\n", "utf-8")
    capsys.readouterr()
    assert main(["import", str(other), "--out", str(kb), "--id", "parkeren"]) == 1
    assert "al een dossier met id 'parkeren'" in capsys.readouterr().err
    assert main(["import", str(other), "--out", str(kb), "--id", "parkeren", "--force"]) == 0
    assert files(kb) == ["parkeren.yaml"]
    assert load_knowledge(kb).dossier("parkeren").title == "Fietsen"


def test_a_new_out_folder_is_announced(tmp_path, note, capsys):
    typo = tmp_path / "kennisbnak"
    assert main(["import", str(note), "--out", str(typo)]) == 0
    err = capsys.readouterr().err
    assert "was nog geen kennisbank" in err and "tikfout" in err.lower() and "briefing init" in err
    assert main(["import", str(note), "--out", str(typo), "--dry-run"]) == 1  # now a duplicate


def test_an_existing_knowledge_base_is_not_announced_as_new(kb, note, capsys):
    assert main(["import", str(note), "--out", str(kb)]) == 0
    assert "nog geen kennisbank" not in capsys.readouterr().err
