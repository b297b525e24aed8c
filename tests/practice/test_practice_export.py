"""Markdown export for a rehearsal, and the briefing practice command (export and piped)."""

from __future__ import annotations

import io
import json
import sys

from briefing.cli import main
from briefing.practice.export import md, round_markdown
from briefing.practice.selection import Filters
from briefing.practice.session import prepare_round
from practice_kb import NOW


def export_text(kb, seed, **kwargs):
    options = dict(count=0, order="committee", seed=seed, time_limit=60, now=lambda: NOW)
    options.update(kwargs)
    return round_markdown(prepare_round(kb, **options), order=options["order"])


def test_questions_per_member_then_a_separate_answer_sheet(kb):
    text = export_text(kb, 4, filters=Filters(dossier="meldpunt"))
    questions, answers = text.split("\n---\n")
    assert "## Vragen per raadslid" in questions and "## Antwoordblad" in answers
    # Answers never appear on the questions part.
    assert "verlengen we tot eind 2024" not in questions
    assert "verlengen we tot eind 2024" in answers
    assert "### Lid Veldhuijzen (GL)" in questions
    assert "### Fractie PvdD\n\n" in questions
    assert "### Lid Mangal (DENK)\n\n" in questions
    # Members in speaking order; numbering shared with the answer sheet.
    assert questions.index("(GL)") < questions.index("Fractie PvdD") < questions.index("(DENK)")
    for number in range(1, 6):
        assert f"\n### {number}. " in answers
    # Sub-lines stay nested; 'if pressed' lines are on the sheet.
    assert "\n  - Het kost tijd om verhalen boven tafel te krijgen." in answers
    assert "**Bij doorvragen**" in answers and "Een evaluatie volgt na de zomer." in answers
    # Gaps of this agenda item.
    assert "- VVD: nog geen voorbereide vragen voor dit agendapunt" in answers


def test_numbers_match_between_questions_and_answer_sheet(kb):
    text = export_text(kb, 11, order="random")
    questions, answers = text.split("\n---\n")
    import re

    asked = dict(re.findall(r"^(\d+)\. (.+)$", questions, re.M))
    sheet = dict(re.findall(r"^### (\d+)\. .+\n\n\*.+\*\n\n> (.+)$", answers, re.M))
    assert asked and asked == sheet


def test_same_seed_same_export_other_seed_different(kb):
    assert export_text(kb, 8, order="random") == export_text(kb, 8, order="random")
    assert len({export_text(kb, seed, order="random", count=3) for seed in range(6)}) > 1


def test_markdown_characters_in_knowledge_are_escaped(kb):
    text = export_text(kb, 1, filters=Filters(member="Kreuger"))
    assert "Wat kost het \\*extra\\* meldpunt?" in text
    assert md("a_b [c](d) <e> # f") == "a\\_b \\[c\\](d) \\<e\\> \\# f"


def run_cli(argv, monkeypatch, stdin_text=None):
    if stdin_text is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin_text))
    return main(argv)


def test_cli_export_writes_and_never_overwrites_silently(kb_root, tmp_path, monkeypatch, capsys):
    target = tmp_path / "ronde.md"
    argv = ["practice", "--kb", str(kb_root), "--seed", "3", "--order", "committee",
            "--export", str(target)]
    assert run_cli(argv, monkeypatch) == 0
    first = target.read_text(encoding="utf-8")
    assert first.startswith("# Oefenronde raadscommissie")
    assert "`briefing practice --count 10 --order committee --seed 3`" in first

    target.write_text("mijn aantekeningen", encoding="utf-8")
    capsys.readouterr()
    assert run_cli(argv, monkeypatch) == 1
    assert target.read_text(encoding="utf-8") == "mijn aantekeningen"
    assert "bestaat al" in capsys.readouterr().err
    assert run_cli(argv + ["--overwrite"], monkeypatch) == 0
    assert target.read_text(encoding="utf-8") == first
    # Exporting a round does not count as practising it.
    assert not list(tmp_path.rglob("oefenen.json"))


def test_cli_plays_a_round_from_piped_stdin(kb_root, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    answers = "meldpunt verlengd eind 2024\nkost tijd: verhalen boven tafel\n\n3\n"
    argv = ["practice", "--kb", str(kb_root), "--member", "Namane",
            "--seed", "1"]
    assert run_cli(argv + ["--count", "1"], monkeypatch, answers) == 0
    out = capsys.readouterr().out
    assert "Lid Namane (PvdA): Wordt het externe meldpunt verlengd?" in out
    assert "✓ De inzet van het externe meldpunt verlengen we tot eind 2024." in out
    assert "✗ Medewerkers weten het meldpunt te vinden." in out
    assert "Gedekt: 2 van 3 regels." in out
    assert "Samenvatting van de ronde" in out and "1 van 1 vragen beantwoord" in out
    saved = json.loads((tmp_path / "data" / "briefing" / "oefenen.json").read_text("utf-8"))
    assert saved["vragen"]["meldpunt/vraag-1"]["laatste_beoordeling"] == "goed"


def test_cli_piped_input_ending_early_stops_with_a_summary(kb_root, monkeypatch, capsys):
    argv = ["practice", "--kb", str(kb_root), "--count", "3", "--seed", "1"]
    assert run_cli(argv, monkeypatch, "iets\n\nmeh\n2\n") == 0
    out = capsys.readouterr().out
    assert "Kies 1, 2, 3 of 4" in out
    assert "Ronde gestopt." in out and "1 van 3 vragen beantwoord" in out


def test_cli_without_terminal_or_input_refuses_in_dutch(kb_root, monkeypatch, capsys):
    assert run_cli(["practice", "--kb", str(kb_root)], monkeypatch, "") == 2
    err = capsys.readouterr().err
    assert "Geen terminal en geen antwoorden op stdin" in err and "--export" in err


def test_cli_reports_selection_problems(kb_root, monkeypatch, capsys):
    assert run_cli(["practice", "--kb", str(kb_root), "--dossier", "onbekend"], monkeypatch,
                   "") == 1
    assert "niet gevonden" in capsys.readouterr().err


def test_cli_top_level_kb_option_is_honoured(kb_root, tmp_path, monkeypatch, capsys):
    target = tmp_path / "r.md"
    assert run_cli(["--kb", str(kb_root), "practice", "--export", str(target), "--seed", "1"],
                   monkeypatch) == 0
    assert "Extern meldpunt discriminatie" in target.read_text(encoding="utf-8")
