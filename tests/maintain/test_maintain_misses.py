"""Missed questions: recorded only when enabled, locally, grouped and listed; never raising."""

from __future__ import annotations

import json
import os
from datetime import datetime

import pytest

from briefing.cli import main
from briefing.maintain import misses as misses_module
from briefing.maintain.misses import (
    group_misses, load_misses, misses_enabled, misses_path, record_miss,
)
from briefing.settings import settings_path


def enable(value: str = "true") -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"gemiste_vragen_bijhouden: {value}\n", encoding="utf-8")


def test_paths_follow_xdg(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert misses_path() == tmp_path / "data" / "briefing" / "gemiste-vragen.jsonl"
    assert settings_path() == tmp_path / "config" / "briefing" / "instellingen.yaml"


def test_off_by_default_records_nothing():
    assert misses_enabled() is False
    record_miss("hoeveel meldingen zijn er?")
    assert not misses_path().exists()


def test_enabled_records_groups_and_lists_most_frequent_first(capsys):
    enable("ja")
    assert misses_enabled() is True
    record_miss("Hoeveel meldingen?", when=datetime(2024, 10, 3, 14, 0))
    record_miss("wat kost het meldpunt", when=datetime(2024, 10, 3, 14, 5), dossier="fkd")
    record_miss("hoeveel meldingen?!", when=datetime(2024, 10, 3, 15, 30))
    record_miss("Hoevéél meldingen!", when=datetime(2024, 10, 2, 9, 0))
    assert len(load_misses()) == 4
    groups = group_misses(load_misses())
    assert [(g.count, g.key) for g in groups] == [(3, "hoeveel meldingen"), (1, "wat kost het meldpunt")]
    assert groups[0].last == datetime(2024, 10, 3, 15, 30)
    assert groups[0].text == "hoeveel meldingen?!"  # the most recent wording
    assert groups[1].dossiers == ["fkd"]

    assert main(["misses"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["aantal", "laatst", "vraag"]
    assert out[1].split()[:3] == ["3", "2024-10-03", "15:30"]
    assert "wat kost het meldpunt" in out[2] and "[fkd]" in out[2]

    assert main(["misses", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["bijhouden"] is True and data["vragen"][0]["aantal"] == 3

    assert main(["misses", "--clear"]) == 0
    assert "4 gemiste" in capsys.readouterr().out
    assert load_misses() == []


def test_query_is_stored_as_plain_text_on_one_line():
    enable()
    record_miss('evil\n{"vraag": "x"}\x1b[31m' + "a" * 2000)
    lines = misses_path().read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1
    [miss] = load_misses()
    assert miss.query.startswith('evil {"vraag": "x"}') and "\x1b" not in miss.query
    assert len(miss.query) <= 500


def test_record_miss_never_raises_on_io_errors(caplog):
    enable()
    # The data folder 'briefing' is a file: creating the list fails.
    misses_path().parent.parent.mkdir(parents=True, exist_ok=True)
    misses_path().parent.write_text("geen map", encoding="utf-8")
    record_miss("hoeveel meldingen")  # no exception
    assert "niet opgeslagen" in caplog.text


def test_record_miss_never_raises_when_settings_break(monkeypatch):
    def broken():
        raise RuntimeError("kapot")

    monkeypatch.setattr("briefing.settings.load_settings", broken)
    record_miss("hoeveel meldingen")  # no exception
    assert misses_module.misses_enabled() is False


def test_damaged_lines_are_skipped():
    path = misses_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"vraag": "goed", "tijd": "2024-10-03T10:00:00"}\nkapot\n{"x": 1}\n\xff\n',
                    encoding="latin-1")
    assert [m.query for m in load_misses()] == ["goed"]


def test_disabled_listing_explains_how_to_enable(capsys):
    assert main(["misses"]) == 0
    out = capsys.readouterr().out
    assert "gemiste_vragen_bijhouden: true" in out and "nooit verstuurd" in out


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_file_is_private():
    enable()
    record_miss("hoeveel meldingen")
    assert misses_path().stat().st_mode & 0o077 == 0
