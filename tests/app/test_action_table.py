"""One action table: every key binding of the desk comes from briefing.app.actions, has an F1
help line and a command palette entry; the palette runs it on the right widget."""

from __future__ import annotations

import subprocess
import sys

from textual.command import CommandPalette

from briefing.app.actions import ACTIONS, action_for_binding, help_sections
from briefing.app.app import BriefingApp
from briefing.app.screens.main import MainScreen
from briefing.app.widgets.card import AnswerCard
from briefing.app.widgets.lines import LineBrowser
from briefing.app.widgets.panels import PinList
from briefing.app.widgets.status import QuestionInput
from tests.app.conftest import ask, ready, settle, type_text

DESK = (BriefingApp, MainScreen, LineBrowser, AnswerCard, PinList, QuestionInput)


def test_every_binding_has_a_help_line_and_a_palette_entry():
    help_rows = {text for _, rows in help_sections() for _, text in rows}
    seen = set()
    for cls in DESK:
        for binding in cls.BINDINGS:
            action = action_for_binding(binding.id)
            assert action is not None, f"{cls.__name__}: {binding.key} is not in the table"
            assert binding.action.startswith(action.action), binding
            assert action.help in help_rows, f"{action.id} has no F1 line"
            assert action.palette or action.system, f"{action.id} has no palette entry"
            seen.add(action.id)
    keyed = {a.id for a in ACTIONS if a.keys}
    assert keyed == seen, f"in the table but bound nowhere: {keyed - seen}"
    ids = [a.id for a in ACTIONS]
    assert len(ids) == len(set(ids))
    names = [a.palette for a in ACTIONS if a.palette]
    assert len(names) == len(set(names))


def test_the_modules_import_without_a_circle():
    """app.py -> commands.py -> screens/main.py used to import each other; now each of them
    imports cleanly on its own, first."""
    for module in ("briefing.app.commands", "briefing.app.screens.main", "briefing.app.app"):
        done = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True,
                              text=True)
        assert done.returncode == 0, done.stderr


async def test_every_palette_entry_runs(build):
    """Each palette entry of the table runs without an error, on a desk with a card and pins."""
    app = build()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        await ask(pilot, "brochure melders")
        await pilot.press("space")
        await settle(pilot)
        main = app.screen
        skip = {"app.quit", "app.practice", "app.choose_dossier", "app.help",
                "app.show_problems", "main.new_meeting", "pins.clear"}
        for action in ACTIONS:
            if not action.palette or action.id in skip or action.per_key:
                continue
            main.run_registered(action.id)
            await settle(pilot)
            assert app.screen is main, action.id
        assert app.is_running


async def test_palette_card_action_and_alternative(build):
    app = build()
    async with app.run_test(size=(100, 32)) as pilot:
        await ready(pilot)
        await ask(pilot, "vragenlijst mwo")
        view_results = app.screen.conversation.last.results
        await pilot.press("escape", "ctrl+p")
        await settle(pilot)
        assert CommandPalette.is_open(app)
        await type_text(pilot, "ander antwoord 2")
        await pilot.press("enter")
        await settle(pilot)
        card = app.screen.card_for_action()
        assert card.result.card_id == view_results[2].card_id
