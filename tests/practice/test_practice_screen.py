"""A complete three-question round in the app's practice screen, driven by the keyboard."""

from __future__ import annotations

from textual.app import App
from textual.widgets import Input, Static

from briefing.app.practice_screen import PracticeScreen
from briefing.practice.progress import ProgressStore
from briefing.practice.scheduling import Grade
from briefing.practice.selection import Filters
from briefing.practice.session import Phase, prepare_round
from practice_kb import NOW


class PracticeHost(App):
    """A minimal app of our own, so the test does not depend on the real app's factory."""

    def __init__(self, session) -> None:
        super().__init__()
        self.session = session
        self.results = []

    def on_mount(self) -> None:
        self.push_screen(PracticeScreen(self.session), self.results.append)


def text_of(screen, selector) -> str:
    return str(screen.query_one(selector, Static).render())


async def test_three_question_round(kb, tmp_path, clock):
    store = ProgressStore(tmp_path / "oefenen.json")
    session = prepare_round(kb, Filters(dossier="meldpunt"), count=3, order="committee",
                            seed=5, time_limit=60, store=store, clock=clock, now=lambda: NOW)
    assert session.total == 3
    app = PracticeHost(session)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, PracticeScreen)

        # Question 1: the asker, the countdown, the key points, the reveal.
        first = session.current
        assert text_of(screen, "#practice-asker") == f"{first.asker}:"
        assert text_of(screen, "#practice-question") == first.text
        assert "vraag 1 van 3" in text_of(screen, "#practice-status")
        clock.advance(15)
        screen._tick()
        assert text_of(screen, "#practice-timer") == "Nog 0:45"
        assert isinstance(app.focused, Input)
        await pilot.press(*"drie externe vertrouwenspersonen 1")  # digits type, not grade
        assert session.phase == Phase.ASKING
        await pilot.press("enter")
        assert session.phase == Phase.REVEALED
        lines = screen.query(".answer-line")
        assert len(lines) == len(first.answer_lines())
        covered = screen.query(".answer-line.covered")
        assert len(covered) == session.current_result.coverage.covered
        assert "Gebruikt: 0:15" in text_of(screen, "#practice-timer")
        await pilot.press("3")

        # Question 2: nothing typed, over time, graded Opnieuw.
        assert session.index == 1
        assert "vraag 2 van 3" in text_of(screen, "#practice-status")
        assert screen.query_one("#practice-input", Input).value == ""
        clock.advance(70)
        screen._tick()
        assert "Tijd om!" in text_of(screen, "#practice-timer")
        await pilot.press("ctrl+j")
        assert session.phase == Phase.REVEALED
        assert len(screen.query(".answer-line.covered")) == 0
        await pilot.press("1")

        # Question 3: Makkelijk ends the round and shows the summary.
        await pilot.press(*"x", "enter", "4")
        await pilot.pause()
        assert session.phase == Phase.FINISHED
        summary_text = text_of(screen, "#practice-summary-text")
        assert "Samenvatting van de ronde" in summary_text
        assert "3 van 3 vragen beantwoord" in summary_text
        assert "Per fractie" in summary_text and "Zwakste vragen" in summary_text
        assert "VVD: nog geen voorbereide vragen voor dit agendapunt" in summary_text
        assert screen.query_one("#practice-summary").display

        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, PracticeScreen)

    assert len(app.results) == 1
    grades = [r.grade for r in app.results[0].results]
    assert grades == [Grade.GOED, Grade.OPNIEUW, Grade.MAKKELIJK]
    assert app.results[0].results[1].over_time
    saved = ProgressStore(tmp_path / "oefenen.json")
    assert saved.state(session.items[1].qid).lapses == 1
    assert saved.state(session.items[0].qid).reps == 1


async def test_escape_stops_a_round_early(kb, clock):
    session = prepare_round(kb, count=3, seed=1, time_limit=0, clock=clock, now=lambda: NOW)
    app = PracticeHost(session)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert "geen limiet" in text_of(app.screen, "#practice-timer")
        await pilot.press("enter", "2", "escape")
        await pilot.pause()
        assert session.phase == Phase.FINISHED
        assert "1 van 3 vragen beantwoord" in text_of(app.screen, "#practice-summary-text")
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, PracticeScreen)
    assert [r.grade for r in app.results[0].results] == [Grade.MOEILIJK]


async def test_practice_screen_helper_uses_the_user_data_dir(kb, tmp_path, monkeypatch):
    from briefing.app.practice_screen import practice_screen

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    screen = practice_screen(kb, Filters(member="Mangal"), seed=1, time_limit=0)
    app = App()
    async with app.run_test() as pilot:
        app.push_screen(screen)
        await pilot.pause()
        await pilot.press("enter", "3")
        await pilot.pause()
        assert screen.session.phase == Phase.FINISHED
    saved = tmp_path / "data" / "briefing" / "oefenen.json"
    assert "meldpunt/vraag-2" in saved.read_text(encoding="utf-8")
