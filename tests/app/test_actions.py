"""Copying, the spiekbriefje, @-filters, the active dossier and the concept toggle."""

from __future__ import annotations

import sys

from textual.command import CommandPalette
from textual.widgets import Static

from briefing.app.clipboard import CLIPBOARD_FILE
from briefing.app.screens.dialogs import ConfirmScreen
from briefing.app.widgets.card import AnswerCard
from briefing.app.widgets.conversation import ExchangeView
from briefing.app.widgets.panels import PinList
from tests.app.conftest import ask, enter_text, ready, settle, type_text


def notifications(app) -> list[str]:
    return list(app.said)


async def test_copy_line_and_whole_card(build, data_dir):
    app = build()
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await ready(pilot)
        await ask(pilot, "streefcijfers voldoende")
        card = app.focused
        assert isinstance(card, AnswerCard)
        await pilot.press("down", "enter")
        await settle(pilot)
        expected = card.items()[1].text
        assert app.clipboard == expected
        assert any("Regel gekopieerd" in n for n in notifications(app))
        # The fallback for terminals without OSC 52: the same text in klembord.txt.
        assert (data_dir / CLIPBOARD_FILE).read_text(encoding="utf-8") == expected

        await pilot.press("ctrl+a")
        await settle(pilot)
        whole = app.clipboard
        assert whole.startswith("Ik zie dat er nu afspraken gemaakt worden met clusters")
        assert "(Namane (PvdA))" in whole
        assert "- Nee, dit alleen zal niet voldoende zijn." in whole
        assert "Bron: " in whole
        assert any("Kaart gekopieerd" in n for n in notifications(app))


async def test_copy_uses_a_native_tool_when_there_is_one(build, tmp_path):
    target = tmp_path / "native.txt"
    tool = [sys.executable, "-c",
            f"import sys; open({str(target)!r}, 'w', encoding='utf-8').write(sys.stdin.read())"]
    app = build(clipboard_commands=[tool])
    async with app.run_test(size=(100, 32)) as pilot:
        await ready(pilot)
        await ask(pilot, "brochure melders")
        await pilot.press("enter")
        await settle(pilot)
        assert target.read_text(encoding="utf-8") == app.clipboard
        assert app.last_copy is not None and app.last_copy.tool == sys.executable


async def test_pin_reorder_save_and_clear_the_spiekbriefje(build, data_dir):
    app = build()
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await ready(pilot)
        await ask(pilot, "streefcijfers voldoende")
        card = app.focused
        first, second = card.items()[0].text, card.items()[1].text
        await pilot.press("space", "down", "space")
        await pilot.press("space")  # the same line twice: pinned once
        await settle(pilot)
        screen = app.screen
        assert [p.text for p in screen.cheatsheet.pins] == [first, second]
        assert any("staat al op het spiekbriefje" in n for n in notifications(app))
        # Wide enough: the panel opened by itself on the first pin.
        assert screen.query_one("#cheatsheet").display

        # F3 goes to the panel; shift+↓ moves the selected line down.
        await pilot.press("f3")
        pins = app.focused
        assert isinstance(pins, PinList)
        assert pins.cursor == 0
        await pilot.press("shift+down")
        await settle(pilot)
        assert [p.text for p in screen.cheatsheet.pins] == [second, first]
        assert pins.cursor == 1
        panel_text = [item.text for item in pins.items()]
        assert panel_text == [second, first]

        await pilot.press("ctrl+s")
        await settle(pilot)
        saved = sorted((data_dir / "spiekbriefjes").glob("*.md"))
        assert [p.name for p in saved] == ["spiekbriefje-2026-03-04-1430.md"]
        markdown = saved[0].read_text(encoding="utf-8")
        assert markdown.startswith("# Spiekbriefje")
        assert markdown.index(second) < markdown.index(first)
        # Saving again never overwrites the first file.
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert len(list((data_dir / "spiekbriefjes").glob("*.md"))) == 2

        await pilot.press("delete")
        await settle(pilot)
        assert [p.text for p in screen.cheatsheet.pins] == [second]

        await pilot.press("ctrl+x")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(pilot)
        assert len(screen.cheatsheet) == 1
        await pilot.press("ctrl+x")
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        assert len(screen.cheatsheet) == 0


async def test_at_member_and_party_filters(build):
    app = build()
    async with app.run_test(size=(100, 32)) as pilot:
        await ready(pilot)
        await ask(pilot, "@Namane stappen")
        exchange = app.screen.query_one(ExchangeView).exchange
        assert exchange.filters == "raadslid Namane"
        assert exchange.results and all(r.member == "Namane" for r in exchange.results)

        await pilot.press("escape")
        await ask(pilot, "@denk vragenlijst")
        exchange = list(app.screen.query(ExchangeView))[-1].exchange
        assert exchange.filters == "fractie DENK"
        assert exchange.results and all(r.party == "DENK" for r in exchange.results)

        # An unknown name is said, not silently dropped.
        await pilot.press("escape")
        await type_text(pilot, "@Jansen")
        status = str(app.screen.query_one("#live-status", Static).render())
        assert "Onbekend raadslid of fractie: @Jansen" in status


async def test_choose_active_dossier_from_the_palette(build):
    app = build()
    async with app.run_test(size=(100, 32)) as pilot:
        await ready(pilot)
        await pilot.press("f5")
        await settle(pilot)
        assert CommandPalette.is_open(app)
        await type_text(pilot, "paroolartikel")
        await pilot.press("enter")
        await settle(pilot)
        assert not CommandPalette.is_open(app)
        assert app.active_dossier == "raad-2024-09-18-paroolartikel"
        status = str(app.screen.query_one("#status-dossier", Static).render())
        assert "Paroolartikel" in status
        # The active dossier ranks first.
        await ask(pilot, "bureau integriteit")
        card = app.screen.query_one(ExchangeView).card
        assert card.result.dossier_id == "raad-2024-09-18-paroolartikel"
        # And from the full palette (ctrl+p) it can be switched off again.
        await pilot.press("ctrl+p")
        await settle(pilot)
        await type_text(pilot, "dossier geen")
        await pilot.press("enter")
        await settle(pilot)
        assert app.active_dossier is None


async def test_kernboodschap_panel_follows_the_active_dossier(build):
    app = build()
    async with app.run_test(size=(120, 36)) as pilot:
        await ready(pilot)
        app.set_active_dossier("motie-780-racisme-wpi")
        await settle(pilot)
        await pilot.press("f2")
        await settle(pilot)
        core = app.screen.query_one("#core")
        assert core.display
        shown = " ".join(str(s.render()) for s in core.query(Static))
        assert "Met de ingediende motie wordt het college gevraagd" in shown
        await pilot.press("f2")
        assert not core.display


async def test_concept_is_hidden_until_the_toggle(build, kb_copy):
    path = kb_copy / "dossiers" / "fkd-vervolgstappen-onderzoeken.yaml"
    text = path.read_text(encoding="utf-8")
    marker = "vraag: Is het mogelijk dat ik de vragenlijst van het medewerkertevredenheidsonderzoek"
    start = text.index(marker)
    end = text.index("status: vastgesteld", start)
    path.write_text(text[:end] + "status: concept" + text[end + len("status: vastgesteld"):],
                    encoding="utf-8")
    app = build(kb_copy)
    async with app.run_test(size=(100, 32)) as pilot:
        await ready(pilot)
        concept_label = str(app.screen.query_one("#status-concept", Static).render())
        assert "alleen vastgesteld" in concept_label
        await enter_text(pilot, "vragenlijst medewerkertevredenheidsonderzoek")
        title = str(app.screen.query_one("#live-title", Static).render())
        assert "Is het mogelijk dat ik de vragenlijst" not in title

        await pilot.press("f4")
        await settle(pilot)
        assert app.include_concept
        assert "concept zichtbaar" in str(app.screen.query_one("#status-concept", Static).render())
        title = str(app.screen.query_one("#live-title", Static).render())
        assert "Is het mogelijk dat ik de vragenlijst" in title and "CONCEPT" in title
        await pilot.press("enter")
        await settle(pilot)
        card = app.screen.query_one(ExchangeView).card
        assert card.result.status == "concept"
        badges = [str(label.render()) for label in card.query(".badge").results(Static)]
        assert "CONCEPT" in badges


async def test_embargo_only_with_the_flag(build, kb_copy):
    path = kb_copy / "dossiers" / "raad-2024-09-18-paroolartikel.yaml"
    text = path.read_text(encoding="utf-8").replace("embargo_tot: null",
                                                    "embargo_tot: 2099-01-01T09:00:00+01:00")
    path.write_text(text, encoding="utf-8")
    for embargo in (False, True):
        app = build(kb_copy, embargo=embargo)
        async with app.run_test(size=(100, 32)) as pilot:
            await ready(pilot)
            await ask(pilot, "bureau integriteit gemeentesecretaris")
            results = app.screen.query_one(ExchangeView).exchange.results
            from_embargoed = [r for r in results if r.dossier_id == "raad-2024-09-18-paroolartikel"]
            if not embargo:
                assert from_embargoed == []
            else:
                assert from_embargoed
                assert "EMBARGO" in str(app.screen.query_one("#status-embargo", Static).render())
                card = app.screen.query_one(ExchangeView).card
                if card.result.dossier_id == "raad-2024-09-18-paroolartikel":
                    assert card.query(".embargo")


async def test_unanswered_questions_are_recorded_only_when_enabled(build, tmp_path):
    import os
    from pathlib import Path

    config = Path(os.environ["XDG_CONFIG_HOME"]) / "briefing"
    misses = Path(os.environ["XDG_DATA_HOME"]) / "briefing" / "gemiste-vragen.jsonl"
    app = build()
    async with app.run_test(size=(100, 32)) as pilot:
        await ready(pilot)
        await ask(pilot, "parkeervergunning grachtengordel")
        assert app.screen.query_one(ExchangeView).exchange.no_answer
        assert not misses.exists(), "off by default"

    config.mkdir(parents=True, exist_ok=True)
    (config / "instellingen.yaml").write_text("gemiste_vragen_bijhouden: ja\n", encoding="utf-8")
    app = build()
    async with app.run_test(size=(100, 32)) as pilot:
        await ready(pilot)
        await ask(pilot, "parkeervergunning grachtengordel")
        await ask(pilot, "brochure melders")  # answered with confidence: not a miss
        lines = misses.read_text(encoding="utf-8").splitlines()
        assert len(lines) == 1 and "parkeervergunning grachtengordel" in lines[0]


async def test_practice_round_starts_from_the_palette(build):
    from briefing.app.practice_screen import PracticeScreen

    app = build()
    async with app.run_test(size=(100, 32)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await type_text(pilot, "oefenronde")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PracticeScreen)


async def test_palette_runs_card_actions(build):
    app = build()
    async with app.run_test(size=(100, 32)) as pilot:
        await ready(pilot)
        await ask(pilot, "brochure melders")
        card = app.focused
        await pilot.press("escape")
        await pilot.press("ctrl+p")
        await settle(pilot)
        await type_text(pilot, "regel kopi")
        await pilot.press("enter")
        await settle(pilot)
        assert app.clipboard == card.items()[0].text


async def test_every_offered_theme_exists_and_bad_names_are_harmless(build):
    from briefing.app.app import THEMES

    app = build(theme="bestaat-niet")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        for key, name in THEMES.items():
            app.set_theme(key)
            await pilot.pause()
            assert app.theme == name
        app.set_theme("paars")
        await pilot.pause()
        assert app.is_running and app.theme == THEMES["terminal-licht"]


async def test_copy_and_pin_post_answer_chosen(build):
    """AnswerChosen tells a recorder (issue 10 §4) which card answered which question."""
    from briefing.app.messages import AnswerChosen

    seen: list[AnswerChosen] = []

    def hook(message) -> None:
        if isinstance(message, AnswerChosen) and message not in seen:
            seen.append(message)

    app = build()
    async with app.run_test(size=(100, 32), message_hook=hook) as pilot:
        await ready(pilot)
        await ask(pilot, "vragenlijst mwo")
        await pilot.press("enter")             # copy the first line of the top card
        await pilot.press("2")                 # open alternative 2
        await settle(pilot)
        await pilot.press("space")             # pin its first line
        await pilot.press("ctrl+a")            # copy the whole card
        await settle(pilot)
        results = app.screen.conversation.last.results
    got = [(m.query, m.card_id, m.rank, m.action, m.line) for m in seen]
    assert got == [("vragenlijst mwo", results[0].card_id, 0, "copy", 0),
                   ("vragenlijst mwo", results[2].card_id, 2, "pin", 0),
                   ("vragenlijst mwo", results[2].card_id, 2, "copy", None)]
