"""`briefing init MAP`: a knowledge base a team can put in git, that check passes at once."""

from __future__ import annotations

import pytest
import yaml

from briefing.cli import main
from briefing.model import load_knowledge


def test_init_makes_a_clean_knowledge_base(tmp_path, capsys):
    folder = tmp_path / "teamkennis"
    assert main(["init", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "briefing import" in out and "briefing check" in out
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["LEESMIJ.md", "afkortingen.yaml", "dossiers", "fracties.yaml",
                     "raadsleden.yaml", "synoniemen.yaml"]
    assert list((folder / "dossiers").glob("*.yaml")) == []
    assert (folder / "dossiers" / ".gitkeep").is_file()  # git keeps no empty folders
    kb = load_knowledge(folder)
    assert kb.problems == []
    assert main(["check", str(folder)]) == 0
    assert main(["lint", "--kb", str(folder)]) == 0


@pytest.mark.parametrize("name", ["raadsleden.yaml", "fracties.yaml", "afkortingen.yaml",
                                  "synoniemen.yaml"])
def test_every_register_shows_a_commented_example_that_loads_when_uncommented(tmp_path, name):
    folder = tmp_path / "kb"
    assert main(["init", str(folder)]) == 0
    text = (folder / name).read_text(encoding="utf-8")
    assert "# Voorbeeld:" in text and text.rstrip().endswith("[]")
    # Do what the file says: uncomment the example and drop the '[]'.
    example = text.split("# Voorbeeld:\n", 1)[1].split("\n#\n", 1)[0]
    filled = "\n".join(line[2:] for line in example.splitlines()) + "\n"
    assert yaml.safe_load(filled)
    (folder / name).write_text(filled, encoding="utf-8")
    kb = load_knowledge(folder)
    assert kb.errors == []
    counts = {"raadsleden.yaml": len(kb.registers.members), "fracties.yaml": len(kb.registers.parties),
              "afkortingen.yaml": len(kb.registers.abbreviations),
              "synoniemen.yaml": len(kb.registers.synonyms)}
    assert counts[name] >= 2


def test_init_never_overwrites(tmp_path, capsys):
    folder = tmp_path / "kb"
    assert main(["init", str(folder)]) == 0
    (folder / "raadsleden.yaml").write_text("- naam: Mangal\n  fractie: DENK\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["init", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "bevat al een kennisbank" in err and "raadsleden.yaml" in err
    assert (folder / "raadsleden.yaml").read_text(encoding="utf-8").startswith("- naam: Mangal")


def test_init_in_a_folder_with_only_dossiers_is_refused(tmp_path, capsys):
    (tmp_path / "kb" / "dossiers").mkdir(parents=True)
    assert main(["init", str(tmp_path / "kb")]) == 1
    assert not (tmp_path / "kb" / "raadsleden.yaml").exists()


def test_init_in_an_existing_empty_folder_and_on_a_file(tmp_path, capsys):
    (tmp_path / "leeg").mkdir()
    assert main(["init", str(tmp_path / "leeg")]) == 0
    (tmp_path / "bestand").write_text("x", encoding="utf-8")
    assert main(["init", str(tmp_path / "bestand")]) == 1
    assert "geen map" in capsys.readouterr().err


def test_init_inside_the_installation_is_refused(capsys):
    from briefing.location import bundled_example, package_dir

    for folder in (bundled_example() / "nieuw", package_dir() / "kennis"):
        assert main(["init", str(folder)]) == 1
        assert not folder.exists()
    assert "briefing init" in capsys.readouterr().err
