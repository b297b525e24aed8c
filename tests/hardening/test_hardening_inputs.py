"""Hostile input files given on the command line: ask --batch, import."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.commands.ask import MAX_BATCH_LINE_BYTES, MAX_BATCH_QUESTIONS
from briefing.model import load_knowledge
from tests.conftest import REPO

try:
    import resource
except ImportError:  # not on Windows
    resource = None


def _limit_memory():
    # Before the fix the whole of /dev/zero was read into memory: with a cap the old code
    # fails fast with MemoryError instead of eating the machine.
    limit = 3 * 1024 ** 3
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


@pytest.mark.skipif(resource is None or not Path("/dev/zero").exists(),
                    reason="needs /dev/zero and resource limits")
def test_batch_from_dev_zero_is_refused_with_a_dutch_error(bundled_kb):
    done = subprocess.run(
        [sys.executable, "-m", "briefing", "ask", "--kb", str(bundled_kb), "--batch", "/dev/zero"],
        cwd=REPO, capture_output=True, text=True, timeout=120, preexec_fn=_limit_memory)
    assert done.returncode == 2
    assert "MemoryError" not in done.stderr and "Traceback" not in done.stderr
    assert "briefing ask: fout: /dev/zero: regel 1 bevat nul-tekens" in done.stderr


def test_batch_line_too_long(bundled_kb, tmp_path, capsys):
    path = tmp_path / "vragen.txt"
    path.write_text("wat kost het meldpunt\n" + "x" * (MAX_BATCH_LINE_BYTES * 3) + "\n")
    assert main(["ask", "--kb", str(bundled_kb), "--batch", str(path)]) == 2
    assert "regel 2 is te lang" in capsys.readouterr().err


def test_batch_too_many_questions(bundled_kb, tmp_path, capsys):
    path = tmp_path / "vragen.txt"
    path.write_text("meldpunt\n" * (MAX_BATCH_QUESTIONS + 1))
    assert main(["ask", "--kb", str(bundled_kb), "--batch", str(path)]) == 2
    assert f"meer dan {MAX_BATCH_QUESTIONS} vragen" in capsys.readouterr().err


def test_batch_still_reads_an_ordinary_list(bundled_kb, tmp_path, capsys):
    path = tmp_path / "vragen.txt"
    path.write_bytes("\ufeffwat doet bi bij een melding\n\n# commentaar\r\nmeldpunt kosten\r\n"
                     .encode("utf-8"))
    assert main(["ask", "--kb", str(bundled_kb), "--batch", str(path), "--json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and '"vraag": "wat doet bi bij een melding"' in lines[0]


def test_import_never_stores_escape_codes_from_the_file_name_or_text(kb_copy, tmp_path, capsys):
    name = "annotatie\x1b]52;c;aGFjaw==\x07\x1b[2J.txt"
    source = tmp_path / name
    source.write_text("Onderwerp: Parkeren binnenstad\n\nKernboodschap\n\n"
                      "- De tarieven stijgen\u202e beperkt.\n", encoding="utf-8")
    assert main(["import", str(source), "--out", str(kb_copy), "--id", "parkeren"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    stored = (kb_copy / "dossiers" / "parkeren.yaml").read_text(encoding="utf-8")
    for bad in ("\x1b", "\\e", "\x07", "\\a", "aGFjaw", "\u202e", "\\u202E"):
        assert bad not in stored, f"{bad!r} stored"
    dossier = next(d for d in load_knowledge(kb_copy).dossiers if d.id == "parkeren")
    assert dossier.source == "annotatie.txt"
    assert main(["ask", "--kb", str(kb_copy), "tarieven parkeren binnenstad"]) == 0
    assert "\x1b" not in capsys.readouterr().out
