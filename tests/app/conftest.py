"""Fixtures for the live desk: the app built by the real factory on the real engine."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Callable

import pytest

from briefing.app.factory import make_app
from tests.conftest import BUNDLED_KB

FIXED_NOW = datetime(2026, 3, 4, 14, 30)


@pytest.fixture
def data_dir(tmp_path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def build(data_dir) -> Callable:
    """build(kb=BUNDLED_KB, **options) -> app: no clipboard tools, no timers, fixed clock."""

    def _build(kb: Path = BUNDLED_KB, **options):
        options.setdefault("clipboard_commands", [])
        options.setdefault("watch_interval", None)   # tests poll by hand: no timing races
        options.setdefault("now", lambda: FIXED_NOW)
        options.setdefault("cursor_blink", False)
        options.setdefault("flash_timeouts", False)  # a status message stays: stable frames
        options.setdefault("raise_errors", True)
        options.setdefault("data_dir", data_dir)
        return make_app(kb, **options)

    return _build


async def settle(pilot) -> None:
    """Let messages, workers and the messages those workers post all finish."""
    from textual.worker import WorkerFailed

    for _ in range(3):
        await pilot.pause()
        try:
            await pilot.app.workers.wait_for_complete()
        except WorkerFailed:
            # The app reports a failed worker itself (a notification, checked by the tests that
            # care). Whether wait_for_complete still sees the failed worker depends on timing:
            # on a busy machine it does, and then it raises here.
            pass
    await pilot.pause()


async def ready(pilot) -> None:
    """Wait until the knowledge base is loaded and the engine is open."""
    await settle(pilot)
    assert pilot.app.engine is not None, pilot.app.engine_error


async def type_text(pilot, text: str) -> None:
    """Type key by key (as the adviser does; each key triggers a live search)."""
    await pilot.press(*[("space" if ch == " " else ch) for ch in text])
    await settle(pilot)


async def enter_text(pilot, text: str) -> None:
    """Put text into the focused question input at once (a paste): faster than typing."""
    from textual.widgets import Input

    field = pilot.app.screen.query_one(Input)
    pilot.app.screen.set_focus(field)
    field.insert_text_at_cursor(text)
    await settle(pilot)


async def ask(pilot, text: str) -> None:
    """Put a question into the conversation and wait for its card."""
    await enter_text(pilot, text)
    await pilot.press("enter")
    await settle(pilot)
