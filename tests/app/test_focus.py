"""Focus follows the question: checked on the regions really on screen, not only in the DOM."""

from __future__ import annotations

import pytest
from textual.geometry import Region

from briefing.app.widgets.conversation import ConversationView, ExchangeView
from tests.app.conftest import ask, ready, settle


def visible_region(app) -> Region:
    return app.screen.query_one(ConversationView).scrollable_content_region


def inside(inner: Region, outer: Region) -> bool:
    return (inner.height > 0 and inner.y >= outer.y and inner.bottom <= outer.bottom)


@pytest.mark.parametrize("size", [(80, 24), (120, 35)])
async def test_after_enter_the_new_question_is_at_the_top_with_its_best_line_in_view(build, size):
    app = build()
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        await ask(pilot, "vragenlijst mwo")
        await pilot.press("escape")
        await ask(pilot, "wat doet bi als eerste bij een melding")
        views = list(app.screen.query(ExchangeView))
        new = views[-1]
        view = visible_region(app)
        asked = new.query_one(".asked").region
        assert asked.y == view.y, (asked, view)
        card = new.card
        best = card.best_item()
        assert best is not None and best.has_class("-best")
        assert inside(best.region, view), (best.region, view)
        # The earlier turn folded its alternatives into one line.
        assert views[0].has_class("-folded") and not new.has_class("-folded")
        assert views[0].query_one(".alternatives-folded").display


async def test_opening_the_spiekbriefje_keeps_the_selected_line_in_view(build):
    app = build()
    async with app.run_test(size=(120, 35)) as pilot:
        await ready(pilot)
        await ask(pilot, "wat doet bi als eerste bij een melding")
        card = app.focused
        for _ in range(6):
            await pilot.press("down")
        await settle(pilot)
        selected = card.selected
        assert inside(selected.region, visible_region(app))
        await pilot.press("space")            # the first pin opens the side panel
        await settle(pilot)
        assert app.screen.query_one("#cheatsheet").display
        assert inside(card.selected.region, visible_region(app))
        await pilot.press("f3", "f3")          # hide it again (first F3 focuses it)
        await settle(pilot)
        assert inside(card.selected.region, visible_region(app))


async def test_notifications_never_cover_the_answer(build):
    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await ask(pilot, "brochure melders")
        await pilot.press("enter", "space")    # copy and pin: two messages
        await settle(pilot)
        assert "Vastgepind" in app.screen.query_one("#status-flash").render().plain
        # Nothing floats over the conversation: no toast is shown for information.
        assert not app.screen.query("Toast")


async def test_the_example_notice_stands_in_the_conversation_not_over_it(build):
    app = build(example=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        welcome = str(app.screen.query_one("#welcome").render())
        assert "voorbeeldkennisbank" in welcome
        assert not app.screen.query("Toast")
        assert "VOORBEELD" in str(app.screen.query_one("#status-kb").render())


async def test_an_unknown_name_is_said_before_the_long_tail_at_80_columns(build):
    from tests.app.conftest import enter_text

    app = build()
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await enter_text(pilot, "@Jansen brochure melders")
        status = app.screen.query_one("#live-status")
        shown = status.render().plain if hasattr(status.render(), "plain") else str(status.render())
        assert shown.index("onbekend: @Jansen") < 60
