"""Terminal injection: knowledge text with escape sequences never reaches the terminal."""

from __future__ import annotations

import json
from pathlib import Path

from briefing.cli import main

# YAML double-quoted escapes: \e is ESC, \a is BEL. OSC 52 (clipboard), OSC 8 (link), CSI 2J.
HOSTILE_LINE = (r'"Hostiele regel over de parkeervergunning \e]52;c;aGFjaw==\a '
                r'\e]8;;http://evil.example\e\\klik\e]8;;\e\\ \e[2J einde"')
HOSTILE_DOSSIER = f"""\
titel: "Parkeervergunning \\e[31mrood"
status: vastgesteld
bron: "annotatie\\e]52;c;eA==\\a.docx"
kernboodschap:
  - {HOSTILE_LINE}
vragen:
  - nummer: 1
    vraag: "Hoeveel kost de parkeervergunning \\u202eraad\\u202c?"
    antwoord:
      - {HOSTILE_LINE}
"""


def hostile_kb(kb_copy: Path) -> Path:
    (kb_copy / "dossiers" / "hostiel.yaml").write_text(HOSTILE_DOSSIER, encoding="utf-8")
    return kb_copy


def assert_clean(text: str) -> None:
    for bad in ("\x1b", "\x07", "\x9b", "\x9d", "\u202e", "aGFjaw=="):
        assert bad not in text, f"{bad!r} reached the output"


def test_ask_strips_escape_sequences(kb_copy, capsys):
    root = hostile_kb(kb_copy)
    assert main(["ask", "--kb", str(root), "parkeervergunning hostiele regel"]) == 0
    out = capsys.readouterr().out
    assert "Hostiele regel over de parkeervergunning" in out and "klik" in out
    assert_clean(out)


def test_ask_json_strips_escape_sequences(kb_copy, capsys):
    root = hostile_kb(kb_copy)
    assert main(["ask", "--kb", str(root), "--json", "parkeervergunning hostiele regel"]) == 0
    out = capsys.readouterr().out
    payload = json.loads(out)
    assert payload["resultaten"]
    assert_clean(json.dumps(payload, ensure_ascii=False))
