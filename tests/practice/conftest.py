"""Fixtures for practice tests (data and helpers live in practice_kb.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.model import load_knowledge
from practice_kb import FakeClock, write_kb


@pytest.fixture
def kb_root(tmp_path) -> Path:
    return write_kb(tmp_path / "kb")


@pytest.fixture
def kb(kb_root):
    loaded = load_knowledge(kb_root)
    assert not loaded.errors, loaded.errors
    return loaded


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()
