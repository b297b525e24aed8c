"""`briefing ask` and `briefing eval` from the command line."""

from __future__ import annotations

import json
import subprocess
import sys

from briefing.cli import main
from tests.conftest import REPO


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_ask_prints_the_answer_lines_in_dutch(capsys, small_kb_path):
    code, out, _ = run(capsys, "ask", "--kb", str(small_kb_path), "wat", "kost", "het", "meldpunt")
    assert code == 0
    assert "Vraag: wat kost het meldpunt" in out
    assert "Het meldpunt kost 250.000 euro per jaar." in out
    assert "zekerheid hoog" in out
    assert "De Wit, VVD" in out
    assert "Geen voorbereid antwoord" not in out


def test_ask_says_clearly_when_there_is_no_prepared_answer(capsys, small_kb_path):
    code, out, _ = run(capsys, "ask", "--kb", str(small_kb_path), "--",
                       "Wat vindt de wethouder van de Noord/Zuidlijn?")
    assert code == 0
    assert "Geen voorbereid antwoord" in out


def test_ask_json_and_options(capsys, small_kb_path):
    code, out, _ = run(capsys, "ask", "--kb", str(small_kb_path), "--json", "--limit", "2",
                       "--member", "janssen", "meldpunt", "melding")
    assert code == 0
    data = json.loads(out)
    assert data["vraag"] == "meldpunt melding"
    assert 1 <= len(data["resultaten"]) <= 2
    assert all(r["raadslid"] == "Jansen" for r in data["resultaten"])
    code, out, _ = run(capsys, "ask", "--kb", str(small_kb_path), "--json", "--embargo",
                       "bezuiniging parkeerhandhaving")
    assert json.loads(out)["resultaten"][0]["dossier"] == "begroting-geheim"


def test_ask_batch_writes_one_json_object_per_line(capsys, small_kb_path, tmp_path):
    batch = tmp_path / "vragen.txt"
    batch.write_text("# verwachte vragen\nwat kost het meldpunt\n\nlink intranet\n",
                     encoding="utf-8")
    code, out, _ = run(capsys, "ask", "--kb", str(small_kb_path), "--batch", str(batch), "--json")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [row["vraag"] for row in rows] == ["wat kost het meldpunt", "link intranet"]
    assert rows[1]["resultaten"][0]["kaart"] == "personeel/vraag-2"


def test_ask_usage_errors_are_dutch(capsys, small_kb_path, tmp_path):
    code, _, err = run(capsys, "ask", "--kb", str(small_kb_path))
    assert code == 2 and "geef een vraag" in err
    code, _, err = run(capsys, "ask", "--kb", str(tmp_path / "nergens"), "meldpunt")
    assert code == 2 and "geen kennisbank" in err


def test_ask_does_not_import_textual():
    code = ("import sys; from briefing.cli import main; main(['ask', '--help'])")
    done = subprocess.run([sys.executable, "-c", code + "\n"], cwd=REPO, capture_output=True,
                          text=True, timeout=60)
    assert "gebruik: briefing ask" in done.stdout
    check = subprocess.run(
        [sys.executable, "-c", "import sys, runpy; sys.argv=['briefing','ask','--kb','knowledge',"
         "'meldpunt']; import briefing.cli as c; c.main(sys.argv[1:]); "
         "print('TEXTUAL' if any(m.startswith('textual') for m in sys.modules) else 'CLEAN')"],
        cwd=REPO, capture_output=True, text=True, timeout=120)
    assert check.returncode == 0, check.stderr
    assert check.stdout.strip().endswith("CLEAN")


def test_eval_reports_engine_and_baselines(capsys, small_kb_path, tmp_path):
    queries = tmp_path / "vragen.yaml"
    queries.write_text(
        "- {id: a, query: wat kost het meldpunt, expect: 250.000 euro, kind: exact}\n"
        "- {id: b, query: openstaande functies invullen, expect: vier maanden, kind: paraphrase}\n"
        "- {id: c, query: noord zuidlijn, expect: null, kind: geen}\n", encoding="utf-8")
    code, out, _ = run(capsys, "eval", str(queries), "--kb", str(small_kb_path))
    assert code == 0
    assert "engine" in out and "whoosh-standaard" in out and "rapidfuzz" in out
    assert "paraphrase" in out and "totaal" in out
    assert "kalibratie van de zekerheid" in out and "geen voorbereid antwoord" in out
    code, out, _ = run(capsys, "eval", str(queries), "--kb", str(small_kb_path), "--json")
    data = json.loads(out)
    assert data["systemen"]["engine"]["totaal"]["recall@1"] == 1.0
    assert data["zekerheid"]["zonder_antwoord_herkend"] == 1
    calibration = data["kalibratie"]
    assert set(calibration["per_niveau"]) == {"hoog", "middel", "laag"}
    assert sum(v["vragen"] for v in calibration["per_niveau"].values()) == 2
    assert calibration["geen_antwoord"]["zonder_voorbereid_antwoord"]["van"] == 1
