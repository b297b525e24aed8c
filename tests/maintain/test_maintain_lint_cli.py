"""`briefing lint` on the command line: format, order, exit codes."""

from __future__ import annotations

import json
import re

from maintain_helpers import dossier_yaml

from briefing.cli import main

FINDING = re.compile(r"^\S+\.yaml(:\d+)?: (fout|waarschuwing): .+ \[[a-z-]+\]$")


def test_bundled_knowledge_has_one_error_the_blank_in_the_secret_voordracht(bundled_kb, capsys):
    code = main(["lint", "--kb", str(bundled_kb), "--peildatum", "2026-11-23"])
    out = capsys.readouterr().out.splitlines()
    assert code == 1
    heads = [line for line in out if not line.startswith("    ")]
    assert heads and all(FINDING.match(line) for line in heads), heads[:3]
    # The seed itself says "programma [X], onderdeel [X]": the card answering "wat zijn de
    # kosten" must not be read out like that.
    errors = [line for line in heads if ": fout: " in line]
    assert len(errors) == 1
    assert "voordracht-bestuursopdracht" in errors[0] and "'[X]'" in errors[0]
    assert "[tijdelijke-tekst]" in errors[0]
    # Real findings in the seeds: an expired promise and an attachment the app cannot show.
    assert any("'eind 2024'" in line and "[verlopen-tijd]" in line for line in heads)
    assert any("[Zie cijfer overzicht]" in line and "[verwijzing]" in line for line in heads)


def test_errors_exit_1_and_come_first(make_kb, capsys):
    kb = make_kb({"a.yaml": dossier_yaml(questions="""\
        - nummer: 1
          vraag: Zonder vraagsteller
          antwoord: [TODO]
        """)})
    code = main(["lint", "--kb", str(kb.root)])
    out = capsys.readouterr().out.splitlines()
    assert code == 1
    assert "fout" in out[0] and "[tijdelijke-tekst]" in out[0]
    assert "waarschuwing" in out[-1] and "[vraagsteller-ontbreekt]" in out[-1]
    assert out[0].startswith("dossiers/a.yaml:") or "/dossiers/a.yaml:" in out[0]


def test_warnings_only_exit_0_and_global_kb_option_is_honoured(make_kb, capsys):
    kb = make_kb({"a.yaml": dossier_yaml(questions="""\
        - nummer: 1
          fractie: PvdA
          vraag: Mag dit?
          antwoord: [Ja.]
          status: concept
        """)})
    assert main(["--kb", str(kb.root), "lint"]) == 0
    assert "[concept-in-vastgesteld]" in capsys.readouterr().out


def test_json_output_for_scripts(make_kb, capsys):
    kb = make_kb({"a.yaml": dossier_yaml(questions="""\
        - nummer: 1
          fractie: PvdA
          vraag: Mag dit?
          antwoord: []
        """)})
    assert main(["lint", "--kb", str(kb.root), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["fouten"] == 1
    [finding] = data["bevindingen"]
    assert finding["code"] == "leeg-antwoord" and finding["niveau"] == "fout"
    assert finding["bestand"].endswith("a.yaml") and finding["regel"] > 0


def test_unknown_rule_to_skip_is_a_usage_error(bundled_kb, capsys):
    assert main(["lint", "--kb", str(bundled_kb), "--negeer", "bestaat-niet"]) == 2
    assert "onbekende regel" in capsys.readouterr().err
