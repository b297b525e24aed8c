"""The status line at the top and the question input at the bottom."""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.containers import HorizontalGroup
from textual.message import Message
from textual.widgets import Input, Label


class ClickLabel(Label):
    """A label that runs an app action when clicked (every click also has a key)."""

    def __init__(self, text: str = "", *, action: str, id: str | None = None,
                 classes: str = "") -> None:
        super().__init__(text, id=id, classes=classes, markup=False)
        self.action = action

    async def on_click(self, event: events.Click) -> None:
        event.stop()
        await self.app.run_action(self.action)


class StatusBar(HorizontalGroup):
    """Active dossier, the concept toggle, knowledge state and problems."""

    def compose(self):
        yield Label("briefing", id="status-app", markup=False)
        yield ClickLabel("Dossier: alle", action="choose_dossier", id="status-dossier")
        yield ClickLabel("", action="toggle_concept", id="status-concept")
        yield Label("", id="status-embargo", markup=False)
        yield ClickLabel("Kennisbank laden…", action="show_problems", id="status-kb")

    def set_dossier(self, title: str | None) -> None:
        label = self.query_one("#status-dossier", ClickLabel)
        label.update(f"Dossier: {' '.join(title.split())}" if title else "Dossier: alle (F5)")
        label.set_class(bool(title), "-active")

    def set_concept(self, include: bool) -> None:
        label = self.query_one("#status-concept", ClickLabel)
        label.update("● concept zichtbaar (F4)" if include else "○ alleen vastgesteld (F4)")
        label.set_class(include, "-on")

    def set_embargo(self, embargo: bool) -> None:
        label = self.query_one("#status-embargo", Label)
        label.update("EMBARGO ZICHTBAAR" if embargo else "")
        label.display = embargo

    def set_knowledge(self, text: str, level: str = "ok") -> None:
        label = self.query_one("#status-kb", ClickLabel)
        label.update(text)
        for name in ("ok", "loading", "warning", "error"):
            label.set_class(level == name, f"-{name}")


class QuestionInput(Input):
    """The question input. Enter (or ctrl+j, for terminals that mangle enter) asks."""

    BINDINGS = [
        Binding("enter", "submit", "In gesprek", key_display="⏎",
                id="briefing.input.enter", tooltip="Beste antwoord in het gesprek zetten"),
        Binding("ctrl+j", "submit", "Vraag stellen", show=False,
                id="briefing.input.submit", tooltip="Beste antwoord in het gesprek zetten"),
        Binding("up", "to_conversation", "Naar gesprek", show=False,
                id="briefing.input.up", tooltip="Naar het laatste antwoord"),
    ]

    class ToConversation(Message):
        """↑ in the input: go to the latest answer card."""

    def __init__(self, **kwargs) -> None:
        super().__init__(placeholder="Wat vraagt het raadslid?  (bijv. vragenlijst MWO, "
                                     "@Mangal brochure)",
                         select_on_focus=False, **kwargs)

    def action_to_conversation(self) -> None:
        self.post_message(self.ToConversation())

