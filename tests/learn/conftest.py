"""Fixtures for learning from meetings: the setting, choices, a writable knowledge base."""

from __future__ import annotations

import difflib
from datetime import datetime

import pytest

from briefing.learn.store import Choice
from briefing.settings import settings_path

WHEN = datetime(2026, 3, 4, 14, 30)

# A question of the bundled knowledge base whose card the engine does not put first: the adviser
# typed it and chose alternative 2 (checked in test_learn_cli).
QUERY = "welke opleidingen zijn er voor leidinggevenden"
CARD = "fkd-vervolgstappen-onderzoeken/vraag-10"
CARD_FILE = "fkd-vervolgstappen-onderzoeken.yaml"


def choice(query: str = QUERY, card: str = CARD, rank: int | None = 2, **fields) -> Choice:
    fields.setdefault("action", "copy")
    fields.setdefault("when", WHEN)
    fields.setdefault("certainty", "middel")
    return Choice(query=query, card_id=card, rank=rank, **fields)


@pytest.fixture
def recording_on():
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("keuzes_bijhouden: ja\n", encoding="utf-8")
    return path


def only_insertions(old: str, new: str, replaced_ok: int = 0) -> list[str]:
    """The lines new has that old has not; fails if an old line went or changed (beyond
    `replaced_ok` lines, e.g. `varianten: []` that becomes `varianten:`)."""
    matcher = difflib.SequenceMatcher(a=old.splitlines(True), b=new.splitlines(True),
                                      autojunk=False)
    inserted, replaced = [], 0
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "insert":
            inserted += new.splitlines(True)[j1:j2]
        elif tag == "replace":
            replaced += i2 - i1
            inserted += new.splitlines(True)[j1:j2]
        elif tag == "delete":
            raise AssertionError(f"lines removed: {old.splitlines(True)[i1:i2]}")
    assert replaced <= replaced_ok, "existing lines changed"
    return inserted
