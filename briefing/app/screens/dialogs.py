"""Modal screens: help (F1), problems in the knowledge base, and a yes/no question."""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import Horizontal, HorizontalGroup, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from briefing.app.actions import HELP_NOTES, help_sections
from briefing.model.problems import Problem


class HelpScreen(ModalScreen[None]):
    """All keys, in Dutch. Any of esc, F1 or q closes it."""

    BINDINGS = [Binding("escape,f1,q", "dismiss", "Sluiten", key_display="esc")]

    def compose(self):
        with Vertical(id="help-box", classes="dialog"):
            yield Static("Toetsen van briefing", classes="dialog-title", markup=False)
            with VerticalScroll(id="help-body"):
                for section, rows in help_sections():
                    yield Static(section, classes="help-section", markup=False)
                    for key, text in rows:
                        with HorizontalGroup(classes="help-row"):
                            yield Static(key, classes="help-key", markup=False)
                            yield Static(text, classes="help-text", markup=False)
                for note in HELP_NOTES:
                    yield Static(note, classes="help-note", markup=False)
            yield Static("esc, F1 of q sluit deze hulp", classes="dialog-footer", markup=False)

    def action_dismiss(self) -> None:
        self.dismiss(None)


class ProblemsScreen(ModalScreen[None]):
    """Problems found while loading the knowledge base, with file and line."""

    BINDINGS = [Binding("escape,q", "dismiss", "Sluiten", key_display="esc")]

    def __init__(self, problems: list[Problem], root) -> None:
        super().__init__()
        self.problems = problems
        self.root = root

    def compose(self):
        with Vertical(id="problems-box", classes="dialog"):
            yield Static("Kennisbank: meldingen", classes="dialog-title", markup=False)
            with VerticalScroll(id="problems-body"):
                if not self.problems:
                    yield Static("Geen problemen: alle bestanden zijn in orde.", markup=False)
                for problem in self.problems:
                    style = "bold $text-error" if problem.is_error else "bold $text-warning"
                    yield Static(Content.assemble(
                        (problem.location(self.root), style), (f"  {problem.level}\n", style),
                        (problem.message, "")), classes="problem")
            yield Static("Herstel het bestand en sla het op: briefing leest het vanzelf "
                         "opnieuw in. esc sluit.", classes="dialog-footer", markup=False)

    def action_dismiss(self) -> None:
        self.dismiss(None)


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question: j or enter = ja, n or esc = nee."""

    BINDINGS = [
        Binding("j,y", "answer(True)", "Ja"),
        Binding("n,escape", "answer(False)", "Nee"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self):
        with Vertical(id="confirm-box", classes="dialog"):
            yield Static(self.question, classes="dialog-title", markup=False)
            with Horizontal(id="confirm-buttons"):
                yield Button("Ja (j)", id="yes", variant="error")
                yield Button("Nee (n)", id="no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
