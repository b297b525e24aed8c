"""User settings: Dutch keys, defaults, and clear Dutch messages instead of crashes."""

from __future__ import annotations

import pytest
import yaml

from briefing.settings import (
    Settings, default_settings_yaml, load_settings, read_settings, settings_path,
)


def write(content: bytes | str) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)


def test_missing_file_gives_defaults():
    settings, problems = read_settings()
    assert settings == Settings() and settings.record_misses is False and problems == []


@pytest.mark.parametrize("value,expected", [("true", True), ("ja", True), ("Ja", True),
                                            ("nee", False), ("false", False), ("aan", True)])
def test_dutch_and_yaml_booleans(value, expected):
    write(f"gemiste_vragen_bijhouden: {value}\n")
    assert read_settings() == (Settings(gemiste_vragen_bijhouden=expected), [])


@pytest.mark.parametrize("content,message", [
    ("gemiste_vragen_bijhouden: misschien\n", "ongeldige waarde voor 'gemiste_vragen_bijhouden'"),
    ("gemiste_vragen: true\n", "bedoelde u 'gemiste_vragen_bijhouden'?"),
    ("gemiste_vragen_bijhouden: [true\n", "ongeldige YAML"),
    ("- een lijst\n", "verwacht regels als 'sleutel: waarde'"),
    (b"gemiste_vragen_bijhouden: \xff\n", "geen UTF-8"),
    ("!!python/object/apply:os.system [echo oeps]\n", "ongeldige YAML"),
])
def test_bad_file_gives_dutch_message_and_defaults(content, message):
    write(content)
    settings, problems = read_settings()
    assert settings.record_misses is False
    assert len(problems) == 1 and message in problems[0]
    assert str(settings_path()) in problems[0]


def test_one_bad_key_keeps_the_good_ones(caplog):
    write("gemiste_vragen_bijhouden: ja\nkleur: blauw\n")
    assert load_settings().record_misses is True
    assert "onbekende instelling 'kleur'" in caplog.text


def test_unreadable_path_is_not_a_crash():
    settings_path().mkdir(parents=True)  # a folder where the file should be
    assert load_settings() == Settings()


def test_default_file_documents_every_key_and_loads():
    text = default_settings_yaml()
    assert "# Houd vragen bij" in text and "nooit verstuurd" in text
    data = yaml.safe_load(text)
    assert data == {"gemiste_vragen_bijhouden": False, "keuzes_bijhouden": False,
                    "kennisbank": None}
    write(text)
    assert read_settings() == (Settings(), [])
