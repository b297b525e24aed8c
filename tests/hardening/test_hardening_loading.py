"""Hostile knowledge folders: one bad file costs only that file, reported file:line in Dutch;
nothing outside the knowledge folder is read; nothing crashes the process."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.model import load_knowledge
from briefing.model.yamlsource import YamlFileError, read_bytes_limited
from tests.conftest import REPO

GOOD = """\
titel: Parkeren binnenstad
status: vastgesteld
datum: 2024-09-18
vragen:
  - nummer: 1
    vraag: Wat kost een parkeervergunning?
    antwoord:
      - Een vergunning kost 50 euro per maand.
"""
SECRET = """\
titel: Geheime reorganisatie
classificatie: geheim
kernboodschap:
  - Het geheime plan voor de reorganisatie van de dienst.
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def errors_of(kb) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for problem in kb.errors:
        out.setdefault(problem.path.name, []).append(problem.format())
    return out


# --- symlinks and special files -------------------------------------------------------------

def test_symlink_to_a_dossier_outside_the_folder_is_not_followed(kb_copy, tmp_path, capsys):
    elsewhere = write(tmp_path / "elders" / "geheim.yaml", SECRET)
    link = kb_copy / "dossiers" / "geheim.yaml"
    link.symlink_to(elsewhere)
    kb = load_knowledge(kb_copy)
    assert "Geheime reorganisatie" not in [d.title for d in kb.dossiers]
    (message,) = errors_of(kb)["geheim.yaml"]
    assert "symbolische link naar een bestand buiten de kennismap" in message
    assert main(["check", str(kb_copy)]) == 1
    captured = capsys.readouterr()
    assert "geheim.yaml" in captured.out and "niet in orde" in captured.err
    assert main(["ask", "--kb", str(kb_copy), "geheime reorganisatie plan dienst"]) == 0
    assert "geheime plan" not in capsys.readouterr().out


@pytest.mark.parametrize("target", ["/etc/passwd", "/proc/self/environ"])
def test_symlink_to_system_files_is_never_read(kb_copy, capsys, target):
    if not Path(target).exists():
        pytest.skip(f"{target} bestaat niet op dit systeem")
    (kb_copy / "dossiers" / "systeem.yaml").symlink_to(target)
    kb = load_knowledge(kb_copy)
    (message,) = errors_of(kb)["systeem.yaml"]
    assert "buiten de kennismap" in message
    assert main(["check", str(kb_copy)]) == 1
    out = capsys.readouterr().out
    # Key names of /etc/passwd (root:x:0:0...) or of the environment never show up.
    assert "onbekende sleutel" not in out and "root:" not in out and "PATH" not in out


def test_symlink_inside_the_folder_is_followed(kb_copy):
    write(kb_copy / "archief" / "parkeren.yaml", GOOD)
    (kb_copy / "dossiers" / "parkeren.yaml").symlink_to(Path("..") / "archief" / "parkeren.yaml")
    kb = load_knowledge(kb_copy)
    assert "Parkeren binnenstad" in [d.title for d in kb.dossiers]
    assert kb.errors == []


def test_knowledge_root_given_through_a_symlink_still_works(kb_copy, tmp_path):
    alias = tmp_path / "snelkoppeling"
    alias.symlink_to(kb_copy)
    kb = load_knowledge(alias)
    assert kb.errors == [] and len(kb.dossiers) == 5


def test_fifo_in_dossiers_is_reported_and_never_opened(kb_copy):
    if not hasattr(os, "mkfifo"):
        pytest.skip("geen FIFO's op dit systeem")
    fifo = kb_copy / "dossiers" / "pijp.yaml"
    os.mkfifo(fifo)
    kb = load_knowledge(kb_copy)  # would block forever if the FIFO were opened for reading
    (message,) = errors_of(kb)["pijp.yaml"]
    assert "named pipe" in message and "wordt niet gelezen" in message
    assert len(kb.dossiers) == 5


SPECIAL_READ = """
import sys
from pathlib import Path
from briefing.model.yamlsource import YamlFileError, read_bytes_limited
try:
    read_bytes_limited(Path(sys.argv[1]))
except YamlFileError as exc:
    print(exc.problem.message)
"""


@pytest.mark.parametrize("kind", ["fifo", "/dev/zero"])
def test_reading_a_special_file_is_refused_without_blocking(tmp_path, kind):
    if kind == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("geen FIFO's op dit systeem")
        path = tmp_path / "pijp.yaml"
        os.mkfifo(path)
    else:
        path = Path(kind)
        if not path.exists():
            pytest.skip(f"{kind} bestaat niet")
    done = subprocess.run([sys.executable, "-c", SPECIAL_READ, str(path)], cwd=REPO,
                          capture_output=True, text=True, timeout=60)
    assert "geen gewoon bestand" in done.stdout


def test_a_regular_file_is_read_with_a_bound(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_bytes(b"titel: x\n")
    assert read_bytes_limited(path) == b"titel: x\n"
    with open(path, "wb") as handle:
        handle.truncate(11 * 1024 * 1024)
    with pytest.raises(YamlFileError, match="te groot"):
        read_bytes_limited(path)


# --- impossible values ------------------------------------------------------------------------

IMPOSSIBLE = [
    ("datum: 2024-09-18", "datum: 2024-02-30", 3, "ongeldige datum '2024-02-30'"),
    ("datum: 2024-09-18", "datum: 2024-09-18\nembargo_tot: 2030-13-45", 4,
     "ongeldig tijdstip '2030-13-45'"),
    ("nummer: 1", "nummer: " + "9" * 4300, 5, "te groot"),
    ("nummer: 1", "nummer: " + "9" * 5000, 5, "verwacht een geheel getal"),
]


@pytest.mark.parametrize("old, new, line, expected", IMPOSSIBLE)
def test_impossible_value_costs_only_that_file(kb_copy, old, new, line, expected):
    write(kb_copy / "dossiers" / "kapot.yaml", GOOD.replace(old, new))
    kb = load_knowledge(kb_copy)
    (message,) = errors_of(kb)["kapot.yaml"]
    assert f"kapot.yaml:{line}: fout:" in message and expected in message
    assert len(message) < 300
    assert len(kb.dossiers) == 5  # the bundled five still load


@pytest.mark.parametrize("old, new, line, expected", IMPOSSIBLE[:3])
def test_impossible_value_in_every_command(kb_copy, capsys, old, new, line, expected):
    write(kb_copy / "dossiers" / "kapot.yaml", GOOD.replace(old, new))
    root = str(kb_copy)
    assert main(["check", root]) == 1
    assert f"kapot.yaml:{line}: fout:" in capsys.readouterr().out
    assert main(["ask", "--kb", root, "meldpunt integriteit"]) == 0
    assert main(["lint", "--kb", root]) == 1
    assert f"kapot.yaml:{line}: fout:" in capsys.readouterr().out
    assert main(["stats", "--kb", root]) == 0
    assert "1 bestand(en) met fouten tellen niet mee" in capsys.readouterr().err


def test_reload_keeps_last_good_version_and_loads_new_good_files(kb_copy):
    path = write(kb_copy / "dossiers" / "parkeren.yaml", GOOD)
    first = load_knowledge(kb_copy)
    assert "Parkeren binnenstad" in [d.title for d in first.dossiers]
    # One file breaks (an impossible date), another good file arrives at the same time.
    path.write_text(GOOD.replace("2024-09-18", "2024-02-30").replace("50 euro", "60 euro"))
    write(kb_copy / "dossiers" / "nieuw.yaml", GOOD.replace("Parkeren binnenstad", "Nieuw dossier"))
    second = load_knowledge(kb_copy, previous=first)
    titles = [d.title for d in second.dossiers]
    assert "Nieuw dossier" in titles
    kept = next(d for d in second.dossiers if d.title == "Parkeren binnenstad")
    assert kept.questions[0].answer[0].text == "Een vergunning kost 50 euro per maand."
    assert [p.line for p in second.errors if p.path == path] == [3]
    assert any("vorige goede versie" in p.message for p in second.warnings if p.path == path)


# --- deep nesting -----------------------------------------------------------------------------

DEEP = {
    "flow": "titel: diep\nvragen: " + "[" * 30_000 + "]" * 30_000 + "\n",
    "block": "titel: diep\nvragen:\n" + "- " * 30_000 + "x\n",
    "mapping": "titel: diep\nvragen: " + "{a: " * 30_000 + "x" + "}" * 30_000 + "\n",
}


@pytest.mark.parametrize("shape, command", [
    *((shape, ["check", "{kb}"]) for shape in sorted(DEEP)),
    ("flow", ["ask", "--kb", "{kb}", "meldpunt"]),
    ("block", ["lint", "--kb", "{kb}"]),
])
def test_deep_nesting_is_refused_before_parsing(kb_copy, shape, command):
    (kb_copy / "dossiers" / "diep.yaml").write_text(DEEP[shape], encoding="utf-8")
    argv = [part.format(kb=kb_copy) for part in command]
    # A separate process: before the fix this was a segfault that took the test runner along.
    done = subprocess.run([sys.executable, "-m", "briefing", *argv], cwd=REPO,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode in (0, 1), done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    if command[0] != "ask":
        assert re.search(r"diep\.yaml:[23]: fout: te diep genest", done.stdout)


def test_ordinary_nesting_still_loads(kb_copy):
    sub = "antwoord:\n" + "".join("  " * (i + 2) + ("- tekst: regel\n" + "  " * (i + 3) + "sub:\n")
                                  for i in range(0, 20, 2))
    doc = GOOD + "  - nummer: 2\n    vraag: Diep?\n    " + sub.replace("\n", "\n    ").rstrip() \
        + " [laatste]\n"
    write(kb_copy / "dossiers" / "genest.yaml", doc)
    kb = load_knowledge(kb_copy)
    assert kb.errors == [], [p.format() for p in kb.errors]


# --- control characters -----------------------------------------------------------------------

def test_check_reports_control_characters_with_file_and_line(kb_copy, capsys):
    write(kb_copy / "dossiers" / "stuur.yaml", GOOD.replace(
        "Een vergunning kost 50 euro per maand.",
        '"Een vergunning \\e]52;c;aGFjaw==\\a kost \\u202e50 euro."'))
    kb = load_knowledge(kb_copy)
    (warning,) = [p for p in kb.warnings if p.path.name == "stuur.yaml"]
    assert warning.line == 8 and "stuurtekens (escape-reeks" in warning.message
    dossier = next(d for d in kb.dossiers if d.title == "Parkeren binnenstad")
    assert dossier.questions[0].answer[0].text == "Een vergunning  kost 50 euro."
    assert main(["check", str(kb_copy)]) == 0
    assert "stuur.yaml:8: waarschuwing: tekst bevat stuurtekens" in capsys.readouterr().out


def test_file_name_with_escape_codes_is_shown_without_them(kb_copy, capsys):
    write(kb_copy / "dossiers" / "x\x1b]52;c;aGFjaw==\x07.yaml", "titel: [kapot\n")
    assert main(["check", str(kb_copy)]) == 1
    out = capsys.readouterr().out
    assert "x.yaml" in out and "\x1b" not in out and "\x07" not in out


# --- temp files of an interrupted write -------------------------------------------------------

def test_stale_temp_file_is_reported_by_check(kb_copy, capsys):
    stale = kb_copy / "dossiers" / ".motie.yaml.k2j3h4g5.tmp"
    stale.write_text("titel: half geschre")
    fresh = kb_copy / "dossiers" / ".fkd.yaml.abcd1234.tmp"
    fresh.write_text("titel: bezig")
    old = os.stat(stale).st_mtime - 3600
    os.utime(stale, (old, old))
    assert main(["check", str(kb_copy)]) == 1
    captured = capsys.readouterr()
    assert ".motie.yaml.k2j3h4g5.tmp: fout: tijdelijk bestand van een afgebroken schrijfactie" \
        in captured.out
    assert ".fkd.yaml" not in captured.out  # an import that is still running
    assert "in orde" not in captured.out


def test_copy_of_bundled_kb_is_clean(kb_copy):
    shutil.rmtree(kb_copy / "dossiers" / "__pycache__", ignore_errors=True)
    assert load_knowledge(kb_copy).problems == []


# --- the user's settings file gets the same parser ------------------------------------------

@pytest.mark.parametrize("content, expected", [
    ("gemiste_vragen_bijhouden: " + "[" * 30_000 + "]" * 30_000 + "\n", "te diep genest"),
    ("gemiste_vragen_bijhouden: 2024-02-30\n", "verwacht ja of nee"),
])
def test_hostile_settings_file_falls_back_to_defaults(tmp_path, content, expected):
    from briefing.settings import read_settings

    path = tmp_path / "instellingen.yaml"
    path.write_text(content, encoding="utf-8")
    settings, problems = read_settings(path)
    assert settings.record_misses is False
    assert len(problems) == 1 and expected in problems[0]
