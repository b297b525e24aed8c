"""The practice round inside the app: the committee asks, the adviser answers, keyboard first.

`PracticeScreen(session)` takes a prepared round (briefing.practice.session.prepare_round) and
drives it: question with its asker and a countdown, an input for key points, Enter (or ctrl+j)
to reveal the vetted answer with every line marked covered or missed, 1-4 to grade, and the
summary at the end. Escape stops the round (and closes the summary); the screen is dismissed
with the round's Summary.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from briefing.practice.scheduling import Grade
from briefing.practice.session import Phase, PracticeSession, Summary, prepare_round


class PracticeScreen(Screen[Summary]):
    """One mock question round."""

    DEFAULT_CSS = """
    PracticeScreen { layout: vertical; padding: 0 1; }
    PracticeScreen #practice-status { height: 1; color: $text-muted; }
    PracticeScreen #practice-timer { height: 1; text-style: bold; }
    PracticeScreen #practice-timer.urgent { color: $warning; }
    PracticeScreen #practice-timer.over { color: $error; }
    PracticeScreen #practice-asker { margin-top: 1; text-style: bold; color: $accent; }
    PracticeScreen #practice-question { margin-bottom: 1; }
    PracticeScreen #practice-answer { height: 1fr; border: round $primary; padding: 0 1; }
    PracticeScreen .answer-line.covered { color: $success; }
    PracticeScreen .answer-line.missed { color: $error; }
    PracticeScreen .answer-meta { color: $text-muted; margin-top: 1; }
    PracticeScreen #practice-grades { height: 1; color: $text-muted; }
    PracticeScreen #practice-summary { height: 1fr; padding: 0 1; }
    PracticeScreen.revealed #practice-input { display: none; }
    PracticeScreen.finished #practice-round { display: none; }
    PracticeScreen #practice-summary { display: none; }
    PracticeScreen.finished #practice-summary { display: block; }
    """

    BINDINGS = [
        Binding("ctrl+j", "reveal", "Antwoord tonen", id="practice.reveal"),
        Binding("1", "grade(1)", "Opnieuw", id="practice.grade1"),
        Binding("2", "grade(2)", "Moeilijk", id="practice.grade2"),
        Binding("3", "grade(3)", "Goed", id="practice.grade3"),
        Binding("4", "grade(4)", "Makkelijk", id="practice.grade4"),
        Binding("escape", "stop", "Ronde stoppen", id="practice.stop"),
        Binding("escape", "close", "Terug", id="practice.close"),
    ]

    def __init__(self, session: PracticeSession, *, name: str | None = None,
                 id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.session = session
        self.summary: Summary | None = None
        self._notified = len(session.messages)  # shown on mount

    # -- layout ------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Vertical(id="practice-round"):
            yield Static("", id="practice-status", markup=False)
            yield Static("", id="practice-timer", markup=False)
            yield Static("", id="practice-asker", markup=False)
            yield Static("", id="practice-question", markup=False)
            yield Input(placeholder="Typ uw kernpunten; Enter toont het vastgestelde antwoord",
                        id="practice-input")
            yield VerticalScroll(id="practice-answer", can_focus=True)
            yield Static("", id="practice-grades", markup=False)
        yield VerticalScroll(Static("", id="practice-summary-text", markup=False),
                             id="practice-summary", can_focus=True)
        yield Footer()

    def on_mount(self) -> None:
        for message in self.session.messages:
            self.notify(message, severity="warning", timeout=10, markup=False)
        self._timer = self.set_interval(0.5, self._tick)
        self._show_question()

    # -- state -> widgets ----------------------------------------------------------------

    def _show_question(self) -> None:
        item = self.session.ask()
        if item is None:
            self._show_summary()
            return
        self.remove_class("revealed")
        self.query_one("#practice-status", Static).update(
            f"Oefenronde · vraag {self.session.index + 1} van {self.session.total} · {item.label}")
        self.query_one("#practice-asker", Static).update(f"{item.asker}:")
        self.query_one("#practice-question", Static).update(item.text)
        answer = self.query_one("#practice-answer", VerticalScroll)
        answer.remove_children()
        answer.display = False
        self.query_one("#practice-grades", Static).update(
            "Enter: antwoord tonen · esc: ronde stoppen")
        field = self.query_one("#practice-input", Input)
        field.value = ""
        field.disabled = False
        field.focus()
        self._tick()
        self.refresh_bindings()

    def _tick(self) -> None:
        if self.session.phase == Phase.FINISHED:
            return
        timer = self.query_one("#practice-timer", Static)
        remaining = self.session.remaining()
        timer.remove_class("urgent", "over")
        if remaining is None:
            used = self.session.elapsed()
            timer.update(f"Tijd: {_clock(used)} (geen limiet)")
            return
        if self.session.phase == Phase.REVEALED:
            result = self.session.current_result
            timer.update(f"Gebruikt: {_clock(result.seconds)}"
                         + (" · tijd overschreden" if result.over_time else ""))
            if result.over_time:
                timer.add_class("over")
            return
        if remaining <= 0:
            timer.update(f"Tijd om! ({_clock(self.session.elapsed())} gebruikt)")
            timer.add_class("over")
        else:
            timer.update(f"Nog {_clock(remaining)}")
            if remaining <= 10:
                timer.add_class("urgent")

    def _show_answer(self) -> None:
        result = self.session.current_result
        item = result.item
        answer = self.query_one("#practice-answer", VerticalScroll)
        answer.remove_children()
        widgets = [Static("Vastgesteld antwoord (✓ gedekt, ✗ gemist)", classes="answer-meta",
                          markup=False)]
        for line in result.coverage.lines:
            mark = "✓" if line.covered else "✗"
            state = "covered" if line.covered else "missed"
            widgets.append(Static(f"{'  ' * line.depth}{mark} {line.text}", markup=False,
                                  classes=f"answer-line {state}"))
        widgets.append(Static(f"Gedekt: {result.coverage.covered} van {result.coverage.total} "
                              f"regels", classes="answer-meta", markup=False))
        if item.question.if_pressed:
            widgets.append(Static("Bij doorvragen:", classes="answer-meta", markup=False))
            widgets += [Static(f"{'  ' * depth}- {text}", markup=False)
                        for depth, text in item.if_pressed_lines()]
        answer.mount_all(widgets)
        answer.display = True
        self.add_class("revealed")
        field = self.query_one("#practice-input", Input)
        field.disabled = True
        answer.focus()  # digits now grade instead of typing
        self.query_one("#practice-grades", Static).update(
            "Beoordeel: 1 Opnieuw · 2 Moeilijk · 3 Goed · 4 Makkelijk · esc: stoppen")
        self._tick()
        self.refresh_bindings()

    def _show_summary(self) -> None:
        self.summary = self.session.summary()
        self.add_class("finished")
        text = "\n".join(self.summary.lines())
        for message in self.session.messages:
            text += f"\n{message}"
        text += "\n\nesc of Enter: terug"
        self.query_one("#practice-summary-text", Static).update(text)
        self.query_one("#practice-summary", VerticalScroll).focus()
        self.refresh_bindings()

    # -- actions ---------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        phase = self.session.phase
        if action == "reveal":
            return phase == Phase.ASKING
        if action == "grade":
            return phase == Phase.REVEALED
        if action == "stop":
            return phase != Phase.FINISHED
        if action == "close":
            return phase == Phase.FINISHED
        return True

    @on(Input.Submitted, "#practice-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_reveal()

    def action_reveal(self) -> None:
        if self.session.phase != Phase.ASKING:
            return
        self.session.reveal(self.query_one("#practice-input", Input).value)
        self._show_answer()

    def action_grade(self, grade: int) -> None:
        if self.session.phase != Phase.REVEALED:
            return
        self.session.grade(Grade(grade))
        for message in self.session.messages[self._notified:]:
            self.notify(message, severity="warning", markup=False)
        self._notified = len(self.session.messages)
        self._show_question()

    def action_stop(self) -> None:
        if self.session.phase == Phase.FINISHED:
            return
        self.session.stop()
        self._show_summary()

    def action_close(self) -> None:
        """Leave the screen, handing the round's summary to whoever pushed it."""
        self.dismiss(self.summary or self.session.summary())

    def key_enter(self) -> None:
        if self.session.phase == Phase.FINISHED:
            self.action_close()


def _clock(seconds: float) -> str:
    seconds = max(0, int(round(seconds)))
    return f"{seconds // 60}:{seconds % 60:02d}"


def practice_screen(kb, filters=None, **options) -> PracticeScreen:
    """A screen for a new round on `kb`, with progress in the user's data dir.

    `options` go to prepare_round (count, order, seed, time_limit). Raises
    briefing.practice.selection.SelectionError (a Dutch message for a notification) when the
    filters leave nothing to practise."""
    from briefing.practice.progress import ProgressStore

    options.setdefault("store", ProgressStore())
    return PracticeScreen(prepare_round(kb, filters, **options))
