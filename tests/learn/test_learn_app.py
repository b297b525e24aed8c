"""The live desk records a choice, and `briefing learn --apply` turns it into a variant that makes
the same question find the chosen card first."""

from __future__ import annotations

import json

from textual.message import Message

from briefing.cli import main
from briefing.learn.store import load_choices
from tests.app.conftest import ask, build, data_dir, ready, settle  # noqa: F401 (fixtures)
from tests.learn.conftest import CARD, QUERY


class AnswerChosen(Message):
    """Stands in for the main screen's message (same name and fields): the app handles it by
    name, `on_answer_chosen`."""

    def __init__(self, query: str, card_id: str, rank: int, action: str) -> None:
        super().__init__()
        self.query, self.card_id, self.rank, self.action = query, card_id, rank, action


def top_card(kb, query: str, capsys) -> str:
    capsys.readouterr()
    assert main(["ask", "--kb", str(kb), "--json", query]) == 0
    return json.loads(capsys.readouterr().out)["resultaten"][0]["kaart"]


async def _choose(app, pilot, query: str, card_id: str) -> int:
    await ask(pilot, query)
    exchange = app.main.conversation.last
    rank = [r.card_id for r in exchange.results].index(card_id)
    app.main.post_message(AnswerChosen(exchange.query, card_id, rank, "copy"))
    await settle(pilot)
    return rank


async def test_a_choice_in_the_app_becomes_a_variant(build, kb_copy, recording_on, capsys):
    assert top_card(kb_copy, QUERY, capsys) != CARD
    app = build(kb=kb_copy)
    async with app.run_test(size=(100, 32)) as pilot:
        await ready(pilot)
        rank = await _choose(app, pilot, QUERY, CARD)
        assert rank > 0
        # Copying a second line of the same card after the same question is not a second choice.
        app.main.post_message(AnswerChosen(QUERY, CARD, rank, "pin"))
        await settle(pilot)
    [stored] = load_choices().choices
    assert (stored.query, stored.card_id, stored.rank, stored.action) == (QUERY, CARD, rank, "copy")

    assert main(["learn", "--kb", str(kb_copy), "--apply"]) == 0
    assert "nu als eerste gevonden" in capsys.readouterr().out
    assert main(["check", str(kb_copy)]) == 0
    assert top_card(kb_copy, QUERY, capsys) == CARD


async def test_nothing_is_recorded_when_the_setting_is_off(build, kb_copy):
    app = build(kb=kb_copy)
    async with app.run_test(size=(100, 32)) as pilot:
        await ready(pilot)
        await _choose(app, pilot, QUERY, CARD)
    assert load_choices().choices == []


async def test_filters_are_kept_as_the_asker(build, kb_copy, recording_on):
    app = build(kb=kb_copy)
    async with app.run_test(size=(100, 32)) as pilot:
        await ready(pilot)
        await _choose(app, pilot, f"@Namane {QUERY}", CARD)
    [stored] = load_choices().choices
    assert (stored.query, stored.member) == (QUERY, "Namane")
