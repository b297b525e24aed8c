"""Shared fixtures: the bundled knowledge base, and user dirs isolated per test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BUNDLED_KB = REPO / "knowledge"
SEEDS = REPO.parent / "shared" / "seeds"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Never touch the real cache, data or config dirs from a test."""
    base = tmp_path_factory.mktemp("xdg")
    for name in ("XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
        path = base / name.lower()
        path.mkdir()
        monkeypatch.setenv(name, str(path))


@pytest.fixture
def bundled_kb() -> Path:
    return BUNDLED_KB


@pytest.fixture
def kb_copy(tmp_path) -> Path:
    """A writable copy of the bundled knowledge base."""
    target = tmp_path / "kb"
    shutil.copytree(BUNDLED_KB, target)
    return target
