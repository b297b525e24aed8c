"""One rule for where the knowledge base is, and a guard that keeps the example read-only."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.cli import main
from briefing.location import (
    ENV, EXAMPLE, FLAG, LOCAL, SETTINGS, ReadOnlyKnowledge, bundled_example, ensure_writable,
    is_bundled_example, package_dir, resolve_knowledge,
)
from briefing.settings import settings_path
from tests.conftest import BUNDLED_KB


def _settings(text: str) -> Path:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def empty_cwd(tmp_path, monkeypatch):
    folder = tmp_path / "werkmap"
    folder.mkdir()
    monkeypatch.chdir(folder)
    monkeypatch.delenv("BRIEFING_KB", raising=False)
    return folder


def test_each_rule_in_order(empty_cwd, tmp_path, monkeypatch):
    # 5: nothing anywhere: the bundled example.
    location = resolve_knowledge()
    assert location.rule == EXAMPLE and location.is_example
    assert location.path == bundled_example() and (location.path / "dossiers").is_dir()
    # 4: ./knowledge with a dossiers folder.
    (empty_cwd / "knowledge" / "dossiers").mkdir(parents=True)
    assert resolve_knowledge().rule == LOCAL
    assert resolve_knowledge().path == empty_cwd / "knowledge"
    # 3: kennisbank: in instellingen.yaml; a relative path counts from the settings folder.
    settings = _settings("kennisbank: teamkennis\n")
    location = resolve_knowledge()
    assert (location.rule, location.path) == (SETTINGS, settings.parent / "teamkennis")
    assert str(settings) in location.reason
    # 2: the environment variable.
    monkeypatch.setenv("BRIEFING_KB", str(tmp_path / "uit-env"))
    assert resolve_knowledge().rule == ENV
    # 1: --kb.
    location = resolve_knowledge(tmp_path / "vlag")
    assert (location.rule, location.path) == (FLAG, tmp_path / "vlag")
    assert not location.is_example


def test_home_folder_in_settings_and_bad_value_is_ignored(empty_cwd, monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    _settings("kennisbank: ~/kennis\n")
    assert resolve_knowledge().path == tmp_path / "kennis"
    _settings("kennisbank: [een, lijst]\n")
    assert resolve_knowledge().rule == EXAMPLE


def test_a_chosen_folder_that_is_missing_is_an_error_naming_the_rule(empty_cwd, monkeypatch,
                                                                     capsys):
    monkeypatch.setenv("BRIEFING_KB", str(empty_cwd / "tikfout"))
    assert main(["ask", "kosten"]) == 2
    err = capsys.readouterr().err
    assert "tikfout bestaat niet" in err and "BRIEFING_KB" in err
    assert main(["check"]) == 1
    assert main(["lint"]) == 2 and main(["stats"]) == 2


def test_the_example_says_so_on_stderr(empty_cwd, capsys):
    assert main(["ask", "wat doet bi als eerste bij een melding", "--limit", "1"]) == 0
    captured = capsys.readouterr()
    assert "Bureau Integriteit" in captured.out
    assert "voorbeeldkennisbank" in captured.err and "briefing init" in captured.err


def test_help_shows_the_rule(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for part in ("--kb MAP", "BRIEFING_KB", "kennisbank: MAP", "./knowledge", "voorbeeldkennisbank",
                 "briefing init"):
        assert part in out


def test_version(capsys):
    import briefing

    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == f"briefing {briefing.__version__}"


def test_guard_refuses_the_example_and_the_installation(tmp_path):
    assert is_bundled_example(BUNDLED_KB)
    for path in (bundled_example(), bundled_example() / "dossiers", package_dir() / "x"):
        with pytest.raises(ReadOnlyKnowledge) as refused:
            ensure_writable(path)
        assert "briefing init" in str(refused.value)
    ensure_writable(tmp_path / "eigen")  # anywhere else: fine


def test_import_into_the_example_is_refused_and_writes_nothing(empty_cwd, capsys):
    before = sorted(p.name for p in (BUNDLED_KB / "dossiers").iterdir())
    seed = Path(__file__).parents[1] / "importing" / "seeds" / "002_fa814430e892bf7f.txt"
    assert main(["import", str(seed)]) == 1
    assert main(["import", str(seed), "--out", str(BUNDLED_KB), "--force"]) == 1
    err = capsys.readouterr().err
    assert "voorbeeldkennisbank" in err and "briefing init" in err
    assert sorted(p.name for p in (BUNDLED_KB / "dossiers").iterdir()) == before
    # A dry run writes nothing, so it may read the example's registers.
    note = empty_cwd / "notitie.txt"
    note.write_text("Onderwerp: Parkeren\n\nKernboodschap\n\n- De tarieven stijgen.\n",
                    encoding="utf-8")
    assert main(["import", str(note), "--dry-run"]) == 0
    assert sorted(p.name for p in empty_cwd.iterdir()) == ["notitie.txt"]


def test_the_app_is_told_it_opens_the_example(empty_cwd, monkeypatch):
    import briefing.app.factory as factory

    calls = []
    monkeypatch.setattr(factory, "run_app", lambda **kwargs: calls.append(kwargs) or 0)
    assert main([]) == 0
    assert calls[-1]["kb"] == bundled_example() and calls[-1]["example"] is True
    own = empty_cwd / "eigen"
    assert main(["init", str(own)]) == 0
    assert main(["--kb", str(own)]) == 0
    assert calls[-1]["kb"] == own and calls[-1]["example"] is False
