"""The chat flow: live matches while typing, Enter into the conversation, alternatives, keys."""

from __future__ import annotations

from textual.widgets import Input, Static

from briefing.app.widgets.card import AnswerCard
from briefing.app.widgets.conversation import ExchangeView
from briefing.app.widgets.live import LivePreview
from tests.app.conftest import ask, enter_text, ready, settle, type_text


def text_of(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_typing_shows_the_expected_answer_line_live(build):
    app = build()
    async with app.run_test(size=(100, 32)) as pilot:
        await ready(pilot)
        assert isinstance(app.focused, Input)
        await type_text(pilot, "vragenlijst mwo")
        assert "medewerkertevredenheidsonderzoek" in text_of(app, "#live-title")
        assert "Het laatste MWO is uitgevoerd in 2022" in text_of(app, "#live-lines")
        assert "zekerheid hoog" in text_of(app, "#live-status")
        # Nothing is in the conversation until Enter.
        assert not app.screen.query(ExchangeView)


async def test_input_is_usable_while_the_engine_loads(build):
    app = build()
    async with app.run_test(size=(100, 32)) as pilot:
        # Typed before the engine is open: kept, and searched once it is.
        await pilot.press("b", "r", "o", "c", "h", "u", "r", "e")
        await ready(pilot)
        assert app.screen.query_one(Input).value == "brochure"
        assert "brochure" in text_of(app, "#live-title").lower()


async def test_enter_puts_the_top_card_in_the_conversation(build):
    app = build()
    async with app.run_test(size=(100, 32)) as pilot:
        await ready(pilot)
        await type_text(pilot, "vragenlijst mwo")
        await pilot.press("enter")
        await settle(pilot)
        views = list(app.screen.query(ExchangeView))
        assert len(views) == 1
        card = views[0].card
        assert card.result.card_id.endswith("/vraag-4")
        assert card.has_focus, "the new card takes the focus so its keys work at once"
        assert app.screen.query_one(Input).value == ""
        lines = [item.text for item in card.items()]
        assert lines[0].startswith("Het laatste MWO is uitgevoerd in 2022")

        # A second question lands below the first.
        await pilot.press("escape")
        await ask(pilot, "brochure melders")
        views = list(app.screen.query(ExchangeView))
        assert [v.exchange.query for v in views] == ["vragenlijst mwo", "brochure melders"]
        assert views[1].card.result.card_id.endswith("/vraag-1")


async def test_alternatives_open_with_number_keys(build):
    app = build()
    async with app.run_test(size=(100, 32)) as pilot:
        await ready(pilot)
        await ask(pilot, "vragenlijst mwo")
        view = app.screen.query_one(ExchangeView)
        results = view.exchange.results
        assert len(results) >= 3
        listed = [str(s.render()) for s in view.query(".alternative").results(Static)]
        assert len(listed) == min(9, len(results) - 1)
        first_alternative = " ".join((results[1].question or results[1].title).split())
        assert "1" in listed[0] and first_alternative[:40] in listed[0]

        await pilot.press("2")
        await settle(pilot)
        card = app.screen.query_one(ExchangeView).card
        assert card.result.card_id == results[2].card_id
        assert card.has_focus
        await pilot.press("0")
        await settle(pilot)
        assert app.screen.query_one(ExchangeView).card.result.card_id == results[0].card_id


async def test_card_lines_walk_and_typing_goes_back_to_the_input(build):
    app = build()
    async with app.run_test(size=(100, 32)) as pilot:
        await ready(pilot)
        await ask(pilot, "streefcijfers voldoende")
        card = app.focused
        assert isinstance(card, AnswerCard)
        assert card.cursor == 0
        await pilot.press("down", "down")
        assert card.cursor == 2
        await pilot.press("end")
        assert card.cursor == len(card.items()) - 1
        await pilot.press("home")
        assert card.cursor == 0
        # Typing a letter on a card starts the next question; spaces are not eaten as pins.
        await type_text(pilot, "en de kosten")
        field = app.screen.query_one(Input)
        assert app.focused is field
        assert field.value == "en de kosten"
        assert len(app.screen.cheatsheet) == 0
        # Escape from a card returns to the input; ↑ from the input goes to the last card.
        await pilot.press("up")
        assert isinstance(app.focused, AnswerCard)
        await pilot.press("escape")
        assert app.focused is field


async def test_follow_up_is_searched_with_the_previous_topic(build):
    app = build()
    async with app.run_test(size=(100, 32)) as pilot:
        await ready(pilot)
        await ask(pilot, "brochure melders")
        await ask(pilot, "en de link naar SAM?")
        views = list(app.screen.query(ExchangeView))
        follow_up = views[1].exchange
        assert follow_up.context == "brochure melders"
        assert "vervolg op" in str(views[1].query_one(".asked-context", Static).render())
        # A new question (no follow-up opener) is searched on its own.
        await ask(pilot, "streefcijfers clusters")
        assert list(app.screen.query(ExchangeView))[2].exchange.context is None


async def test_markup_in_queries_is_shown_as_typed(build):
    app = build()
    async with app.run_test(size=(100, 32)) as pilot:
        await ready(pilot)
        await ask(pilot, "[bold]brochure[/] [red")
        asked = str(app.screen.query_one(".asked", Static).render())
        assert "[bold]brochure[/] [red" in asked


async def test_low_certainty_looks_different(build):
    app = build()
    async with app.run_test(size=(100, 32)) as pilot:
        await ready(pilot)
        await enter_text(pilot, "parkeervergunning grachtengordel")
        preview = app.screen.query_one(LivePreview)
        status = text_of(app, "#live-status")
        if app.screen.query_one("#live-title", Static).display:
            assert "Geen voorbereid antwoord" in status
            assert preview.has_class("-laag")
        else:
            assert "Geen voorbereid antwoord" in status and "niets gevonden" in status
        await pilot.press("enter")
        await settle(pilot)
        view = app.screen.query_one(ExchangeView)
        assert view.exchange.no_answer
        if view.card is not None:
            assert view.card.has_class("-no-answer")
            assert "Geen voorbereid antwoord" in str(
                view.card.query_one(".no-answer-banner", Static).render())
