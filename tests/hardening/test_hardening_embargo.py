"""Content under a running embargo never appears in lint, stats, misses or check without
--embargo."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.maintain.misses import record_miss

SECRET_ID = "voordracht-bestuursopdracht-id-2024-2028"
SECRET_TEXT = "De gemeente Amsterdam moet een organisatie zijn"


@pytest.fixture
def embargo_kb(kb_copy) -> Path:
    """The bundled knowledge base with the geheim voordracht's embargo moved into the future,
    and an unknown member in it (a loader warning that quotes a name)."""
    path = kb_copy / "dossiers" / f"{SECRET_ID}.yaml"
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^embargo_tot: .*$", "embargo_tot: 2999-10-23T17:00:00+02:00", text)
    path.write_text(text, encoding="utf-8")
    return kb_copy


def test_lint_leaves_out_dossiers_under_embargo(embargo_kb, capsys):
    main(["lint", "--kb", str(embargo_kb)])
    captured = capsys.readouterr()
    assert SECRET_ID not in captured.out and SECRET_TEXT not in captured.out
    assert "1 dossier(s) onder embargo niet nagekeken" in captured.err
    main(["lint", "--kb", str(embargo_kb), "--embargo"])
    assert SECRET_ID in capsys.readouterr().out


def test_lint_json_leaves_out_dossiers_under_embargo(embargo_kb, capsys):
    main(["lint", "--kb", str(embargo_kb), "--json"])
    out = capsys.readouterr().out
    data = json.loads(out)
    assert data["overgeslagen_onder_embargo"] == 1
    assert SECRET_ID not in out and SECRET_TEXT not in out
    main(["--embargo", "lint", "--kb", str(embargo_kb), "--json"])
    assert SECRET_ID in capsys.readouterr().out


@pytest.mark.parametrize("json_output", [False, True])
def test_stats_leaves_out_dossiers_under_embargo(embargo_kb, capsys, json_output):
    argv = ["stats", "--kb", str(embargo_kb)] + (["--json"] if json_output else [])
    assert main(argv) == 0
    captured = capsys.readouterr()
    assert SECRET_ID not in captured.out
    assert "1 dossier(s) onder embargo niet meegeteld" in captured.err
    assert main(argv + ["--embargo"]) == 0
    assert SECRET_ID in capsys.readouterr().out


def test_misses_hide_the_id_of_a_dossier_under_embargo(embargo_kb, capsys):
    from briefing.settings import settings_path

    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text("gemiste_vragen_bijhouden: true\n", encoding="utf-8")
    record_miss("wanneer gaat de bestuursopdracht in", when=datetime(2024, 10, 3, 14, 5),
                dossier=SECRET_ID)
    record_miss("wat kost de motie", when=datetime(2024, 10, 3, 14, 6),
                dossier="motie-780-racisme-wpi")
    for extra in ([], ["--json"]):
        assert main(["misses", "--kb", str(embargo_kb), *extra]) == 0
        out = capsys.readouterr().out
        assert SECRET_ID not in out
        assert "motie-780-racisme-wpi" in out and "(onder embargo)" in out
    assert main(["misses", "--kb", str(embargo_kb), "--embargo"]) == 0
    assert SECRET_ID in capsys.readouterr().out
    # A knowledge base that is not there: no id can be checked, so none is shown.
    assert main(["misses", "--kb", str(embargo_kb / "bestaat-niet")]) == 0
    out = capsys.readouterr().out
    assert SECRET_ID not in out and "motie-780-racisme-wpi" not in out


def test_check_holds_back_warnings_that_quote_an_embargoed_dossier(embargo_kb, capsys):
    path = embargo_kb / "dossiers" / f"{SECRET_ID}.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("vragen: []", "vragen:\n  - vraag: Wie?\n    raadslid: Geheimenaam\n")
    assert "Geheimenaam" in text
    path.write_text(text, encoding="utf-8")
    main(["check", str(embargo_kb)])
    out = capsys.readouterr().out
    assert "Geheimenaam" not in out
    assert "1 waarschuwing(en) over dossiers onder embargo niet getoond" in out
    main(["check", str(embargo_kb), "--embargo"])
    assert "Geheimenaam" in capsys.readouterr().out
