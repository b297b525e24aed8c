"""A meeting survives a restart: pins, active dossier and conversation are kept in the data
folder as they change and come back at the next start; "Nieuwe vergadering" clears them."""

from __future__ import annotations

import json

from briefing.app.meeting import MEETING_FILE
from briefing.app.screens.dialogs import ConfirmScreen
from briefing.app.widgets.conversation import ExchangeView
from tests.app.conftest import ask, ready, settle, type_text

DOSSIER = "raad-2024-09-18-paroolartikel"


async def test_quit_and_restart_restores_the_meeting(build, data_dir):
    app = build()
    async with app.run_test(size=(100, 32)) as pilot:
        await ready(pilot)
        app.set_active_dossier(DOSSIER)
        await settle(pilot)
        await ask(pilot, "brochure melders")
        await pilot.press("space")
        await pilot.press("escape")
        await ask(pilot, "vragenlijst mwo")
        await pilot.press("2")                     # the adviser chose another answer
        await settle(pilot)
        chosen = app.screen.conversation.last.card.card_id
        pinned = [p.text for p in app.screen.cheatsheet.pins]
        assert pinned
        await pilot.press("ctrl+q")                # no question asked: all is kept
        await settle(pilot)
    assert app.return_code == 0
    stored = json.loads((data_dir / MEETING_FILE).read_text(encoding="utf-8"))
    assert stored["actief_dossier"] == DOSSIER

    app = build()
    async with app.run_test(size=(100, 32)) as pilot:
        await ready(pilot)
        await settle(pilot)
        screen = app.screen
        assert app.active_dossier == DOSSIER, (app.said, screen._restored)
        assert [p.text for p in screen.cheatsheet.pins] == pinned
        views = list(screen.query(ExchangeView))
        assert [v.exchange.query for v in views] == ["brochure melders", "vragenlijst mwo"]
        assert views[-1].card.result.card_id == chosen
        assert views[-1].has_class("-latest") and views[0].has_class("-folded")

        # "Nieuwe vergadering" from the palette clears it all (after a yes: pins unsaved).
        await pilot.press("ctrl+p")
        await settle(pilot)
        await type_text(pilot, "nieuwe vergadering")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("j")
        await settle(pilot)
        assert not list(screen.query(ExchangeView))
        assert not screen.cheatsheet.pins and app.active_dossier is None
        assert not (data_dir / MEETING_FILE).exists()

    app = build()
    async with app.run_test(size=(100, 32)) as pilot:
        await ready(pilot)
        await settle(pilot)
        assert not list(app.screen.query(ExchangeView)) and not app.screen.cheatsheet.pins


async def test_a_damaged_meeting_file_is_harmless(build, data_dir):
    data_dir.mkdir(parents=True)
    (data_dir / MEETING_FILE).write_text('{"vragen": [{"vraag": 5}, "x", {"vraag": '
                                         '"brochure melders", "kaart": 7}], "spiekbriefje": '
                                         '{"a": 1}, "actief_dossier": ["x"]}', encoding="utf-8")
    app = build()
    async with app.run_test(size=(100, 32)) as pilot:
        await ready(pilot)
        await settle(pilot)
        views = list(app.screen.query(ExchangeView))
        assert [v.exchange.query for v in views] == ["brochure melders"]
        assert app.active_dossier is None

    (data_dir / MEETING_FILE).write_text("{niet: json", encoding="utf-8")
    app = build()
    async with app.run_test(size=(100, 32)) as pilot:
        await ready(pilot)
        await settle(pilot)
        assert any("kon niet worden gelezen" in s for s in app.said)
        assert app.is_running
        # The unreadable file is not overwritten before the adviser changes something.
        assert (data_dir / MEETING_FILE).read_text(encoding="utf-8") == "{niet: json"
