"""The local store of choices: JSON, limits, a corrupt file moved aside, atomic writes."""

from __future__ import annotations

import json
import os
import stat

import pytest

from briefing.learn import store
from briefing.learn.store import (
    Choice, add_choices, choices_path, clear_choices, load_choices,
)
from tests.learn.conftest import WHEN, choice


def test_missing_file_is_an_empty_store():
    loaded = load_choices()
    assert loaded.choices == [] and loaded.messages == []


def test_round_trip_as_plain_json():
    first = choice(member="Mangal", via="keuze", card_mark="abc123")
    second = choice("hoeveel meldingen", "x/vraag-1", None, action="pin", no_answer=True,
                    via="gemist", certainty=None)
    assert add_choices([first]) == []
    add_choices([second])
    assert load_choices().choices == [first, second]
    data = json.loads(choices_path().read_text("utf-8"))   # JSON a person can read; no pickle
    assert data["versie"] == 1 and data["keuzes"][0]["vraag"] == first.query
    assert data["keuzes"][0]["kaart"] == first.card_id
    assert stat.S_IMODE(os.stat(choices_path()).st_mode) == 0o600


def test_entries_are_capped_oldest_first(monkeypatch):
    monkeypatch.setattr(store, "MAX_ENTRIES", 5)
    for n in range(8):
        add_choices([choice(f"vraag nummer {n}")])
    kept = [c.query for c in load_choices().choices]
    assert kept == [f"vraag nummer {n}" for n in range(3, 8)]


def test_size_is_capped(monkeypatch):
    monkeypatch.setattr(store, "MAX_FILE_BYTES", 4_000)
    for n in range(40):
        add_choices([choice(f"een wat langere vraag met nummer {n} " + "x" * 150)])
    assert choices_path().stat().st_size <= 4_000
    queries = [c.query for c in load_choices().choices]
    assert queries and queries[-1].startswith("een wat langere vraag met nummer 39")


def test_long_and_control_text_is_cleaned():
    add_choices([choice("a\x1b]52;c;ZWNobw==\x07b\nc " + "w" * 1000)])
    [stored] = load_choices().choices
    assert "\x1b" not in stored.query and "\n" not in stored.query
    assert len(stored.query) <= store.MAX_QUERY_CHARS


@pytest.mark.parametrize("content,reason", [
    (b"{niet: json", "geen geldige JSON"),
    (b"[1, 2, 3]", "geen keuzebestand van briefing"),
    (b'{"versie": 99, "keuzes": []}', "onbekende versie"),
    (b"\xff\xfe\x00", "geen UTF-8"),
])
def test_corrupt_file_is_moved_aside_with_a_dutch_message(content, reason):
    path = choices_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    loaded = load_choices()
    assert loaded.choices == []
    [message] = loaded.messages
    assert reason in message and "opzij gezet" in message
    aside = [p for p in path.parent.iterdir() if p.name.startswith("keuzes.json.kapot-")]
    assert len(aside) == 1 and aside[0].read_bytes() == content   # kept for a person to see
    assert not path.exists()
    # The next choice starts a fresh store and the message reaches the caller once.
    assert add_choices([choice()]) == []
    assert len(load_choices().choices) == 1


def test_a_corrupt_file_found_while_recording_is_reported():
    path = choices_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("kapot", encoding="utf-8")
    messages = add_choices([choice()])
    assert len(messages) == 1 and "opzij gezet" in messages[0]
    assert [c.query for c in load_choices().choices] == [choice().query]


def test_too_big_file_is_moved_aside(monkeypatch):
    monkeypatch.setattr(store, "MAX_FILE_BYTES", 100)
    path = choices_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"versie": 1, "keuzes": [], "x": "y" * 200}), encoding="utf-8")
    [message] = load_choices().messages
    assert "te groot" in message


def test_bad_entries_are_skipped_not_fatal():
    path = choices_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    good = choice().to_data()
    path.write_text(json.dumps({"versie": 1, "keuzes": [
        good, {"vraag": "x"}, "tekst", {**good, "plaats": "drie"}, {**good, "actie": "rm"},
        {**good, "tijd": "gisteren"}, {**good, "kaart": "zonder-schuine-streep"},
        {**good, "raadslid": ["lijst"]},
    ]}), encoding="utf-8")
    loaded = load_choices()
    assert loaded.choices == [choice()]
    assert "7 onleesbare keuze(s) overgeslagen" in loaded.messages[0]
    assert path.exists()  # a few bad entries are no reason to move the file


def test_a_failed_write_leaves_the_old_store_intact(monkeypatch):
    add_choices([choice("eerste vraag")])
    before = choices_path().read_bytes()

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", broken_replace)
        with pytest.raises(OSError):
            add_choices([choice("tweede vraag")])
    assert choices_path().read_bytes() == before
    leftovers = [p.name for p in choices_path().parent.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


def test_clear_removes_the_store():
    add_choices([choice(), choice("nog een vraag")])
    assert clear_choices() == 2
    assert not choices_path().exists()
    assert clear_choices() == 0


def test_from_data_never_raises_on_odd_values():
    odd = [None, 3, [], {"vraag": None, "kaart": None}, {"vraag": "a", "kaart": "b/c",
           "plaats": True, "actie": "copy"}, {"vraag": "a", "kaart": "b/c", "plaats": 10**9,
           "actie": "copy"}]
    assert [Choice.from_data(item) for item in odd] == [None] * len(odd)
    assert Choice.from_data(choice(when=WHEN).to_data()) == choice()
