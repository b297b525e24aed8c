"""`briefing import`: writes a valid dossier, never overwrites without --force, --dry-run
writes nothing, --json prints the dossier, and broken input fails cleanly with exit 1."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from briefing.cli import main
from briefing.model import load_knowledge
from tests.conftest import REPO

SEEDS = Path(__file__).parent / "seeds"
SEED_002 = SEEDS / "002_fa814430e892bf7f.txt"
ID_002 = "2024-09-18-raadsvragen-paroolartikel-werken-gemeente-amsterdam"


@pytest.fixture
def kb_copy(kb_copy):
    """The bundled knowledge base without the dossier made from seed 002: import refuses a
    document that is already there (see tests/tooling/test_import_duplicates.py)."""
    (kb_copy / "dossiers" / "raad-2024-09-18-paroolartikel.yaml").unlink()
    return kb_copy


def dossier_files(kb: Path) -> set[str]:
    return {p.name for p in (kb / "dossiers").glob("*.yaml")}


def test_import_writes_a_dossier_that_passes_check(kb_copy, capsys):
    before = dossier_files(kb_copy)
    assert main(["import", str(SEED_002), "--out", str(kb_copy)]) == 0
    out = capsys.readouterr().out
    assert dossier_files(kb_copy) - before == {f"{ID_002}.yaml"}
    # The Dutch summary: id, counts, askers, redactions, unrecognised lines.
    assert f"id: {ID_002}" in out
    assert "vragen: 5" in out and "raadsleden: 2 (Kreuger, Van Pijpen)" in out
    assert "redacties (Woo): 2" in out and "niet herkend: geen" in out
    kb = load_knowledge(kb_copy)
    assert kb.errors == []
    dossier = kb.dossier(ID_002)
    assert dossier.status.value == "concept" and len(dossier.questions) == 5
    assert main(["check", str(kb_copy)]) == 0


def test_written_yaml_is_readable_and_stable(kb_copy):
    assert main(["import", str(SEED_002), "--out", str(kb_copy)]) == 0
    text = (kb_copy / "dossiers" / f"{ID_002}.yaml").read_text(encoding="utf-8")
    keys = [line.split(":")[0] for line in text.splitlines() if line and line[0].isalpha()]
    assert keys[:8] == ["id", "titel", "vergadering", "datum", "agendapunt", "portefeuillehouder",
                        "gevraagd_besluit", "status"]
    # Long lines are not folded mid-sentence: every answer line is one YAML line.
    assert "  - Ik ben niet op de hoogte van elke individuele casus. En ik wil hier ook niet op " \
           "casus niveau spreken.\n" in text


def test_existing_target_is_not_overwritten_without_force(kb_copy, capsys):
    target = kb_copy / "dossiers" / f"{ID_002}.yaml"
    assert main(["import", str(SEED_002), "--out", str(kb_copy)]) == 0
    target.write_text(target.read_text(encoding="utf-8") + "# met de hand bijgewerkt\n",
                      encoding="utf-8")
    edited = target.read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["import", str(SEED_002), "--out", str(kb_copy)]) == 1
    err = capsys.readouterr().err
    assert "bestaat al" in err and "--force" in err
    assert target.read_text(encoding="utf-8") == edited
    assert main(["import", str(SEED_002), "--out", str(kb_copy), "--force"]) == 0
    assert "met de hand" not in target.read_text(encoding="utf-8")


def test_dry_run_writes_nothing(kb_copy, capsys):
    before = dossier_files(kb_copy)
    assert main(["import", str(SEED_002), "--out", str(kb_copy), "--dry-run"]) == 0
    assert dossier_files(kb_copy) == before
    assert "proefdraai: niets geschreven" in capsys.readouterr().out


def test_json_prints_the_dossier_with_the_yaml_keys(kb_copy, capsys):
    assert main(["import", str(SEED_002), "--out", str(kb_copy), "--json", "--dry-run"]) == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert data["id"] == ID_002 and data["datum"] == "2024-09-18"
    assert data["vragen"][0]["fractie"] == "PvdD"
    assert data["vragen"][0]["varianten"][0]["raadslid"] == "Kreuger"
    assert "vragen: 5" in captured.err  # the summary goes to stderr, stdout stays JSON


def test_json_matches_the_written_yaml(kb_copy, capsys):
    assert main(["import", str(SEED_002), "--out", str(kb_copy), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    written = yaml.safe_load((kb_copy / "dossiers" / f"{ID_002}.yaml").read_text("utf-8"))
    assert list(data) == list(written)
    assert data["vragen"] == written["vragen"]


@pytest.mark.parametrize("name, content, message", [
    ("leeg.txt", b"", "leeg"),
    ("spaties.md", b"  \n\n \t\n", "leeg"),
    ("binair.txt", bytes(range(256)) * 8, "binair"),
    ("nep.docx", b"Dit is geen Word-bestand", "geen geldig Word-bestand"),
    ("oud.doc", b"\xd0\xcf\x11\xe0 oud Word", "niet ondersteund"),
    ("stuk.pdf", b"%PDF-1.4", "PDF-bestand is beschadigd"),
])
def test_broken_input_fails_with_a_dutch_message_and_writes_nothing(
        kb_copy, tmp_path, capsys, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    before = dossier_files(kb_copy)
    assert main(["import", str(path), "--out", str(kb_copy)]) == 1
    err = capsys.readouterr().err
    assert name in err and message in err and "niets geschreven" in err
    assert "Traceback" not in err
    assert dossier_files(kb_copy) == before


def test_one_broken_file_means_nothing_is_written(kb_copy, tmp_path, capsys):
    broken = tmp_path / "leeg.txt"
    broken.write_text("", encoding="utf-8")
    before = dossier_files(kb_copy)
    assert main(["import", str(SEED_002), str(broken), "--out", str(kb_copy)]) == 1
    assert dossier_files(kb_copy) == before


def test_missing_file(kb_copy, tmp_path, capsys):
    assert main(["import", str(tmp_path / "weg.txt"), "--out", str(kb_copy)]) == 1
    assert "bestaat niet" in capsys.readouterr().err


def test_several_files_into_a_new_folder(tmp_path, capsys):
    out = tmp_path / "nieuw"
    files = sorted(str(p) for p in SEEDS.glob("*.txt"))
    assert main(["import", *files, "--out", str(out)]) == 0
    assert len(dossier_files(out)) == 5
    kb = load_knowledge(out)
    assert kb.errors == []


def test_same_id_twice_in_one_run_gets_a_suffix(tmp_path, capsys):
    # Two different notes that happen to get the same id (same title, no date).
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("Onderwerp: Parkeren binnenstad\n\nKernboodschap\n\n- De tarieven stijgen.\n",
                     encoding="utf-8")
    second.write_text("Onderwerp: Parkeren binnenstad\n\nKernboodschap\n\n- De tarieven dalen.\n",
                      encoding="utf-8")
    out = tmp_path / "kb"
    assert main(["import", str(first), str(second), "--out", str(out)]) == 0
    assert dossier_files(out) == {"parkeren-binnenstad.yaml", "parkeren-binnenstad-2.yaml"}
    assert load_knowledge(out).errors == []


def test_explicit_id(tmp_path, capsys):
    out = tmp_path / "kb"
    assert main(["import", str(SEED_002), "--out", str(out), "--id", "paroolvragen"]) == 0
    assert dossier_files(out) == {"paroolvragen.yaml"}
    assert main(["import", str(SEED_002), "--out", str(out), "--id", "met spatie"]) == 1


def test_command_runs_as_a_subprocess(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "import", str(SEED_002), "--dry-run",
         "--out", str(tmp_path / "kb")],
        cwd=REPO, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "proefdraai" in result.stdout


def test_out_defaults_to_the_knowledge_folder_here(tmp_path, monkeypatch, capsys):
    (tmp_path / "knowledge" / "dossiers").mkdir(parents=True)
    monkeypatch.chdir(tmp_path)
    assert main(["import", str(SEED_002)]) == 0
    assert dossier_files(tmp_path / "knowledge") == {f"{ID_002}.yaml"}


def test_an_id_used_by_another_file_gets_a_suffix(kb_copy, capsys):
    other = kb_copy / "dossiers" / "met-de-hand.yaml"
    other.write_text(f"id: {ID_002}\ntitel: Met de hand\n", encoding="utf-8")
    assert main(["import", str(SEED_002), "--out", str(kb_copy)]) == 0
    assert f"{ID_002}-2.yaml" in dossier_files(kb_copy)
    assert load_knowledge(kb_copy).errors == []


def test_unreadable_file(tmp_path, monkeypatch, capsys):
    path = tmp_path / "geheim.txt"
    path.write_text("Annotatie\n", encoding="utf-8")

    def refuse(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert main(["import", str(path), "--out", str(tmp_path / "kb")]) == 1
    err = capsys.readouterr().err
    assert "geheim.txt" in err and "geen toestemming" in err
    assert not (tmp_path / "kb").exists()
