"""The status line at the top and the question input at the bottom."""

from __future__ import annotations

import re

from textual import events
from textual.containers import HorizontalGroup
from textual.message import Message
from textual.widgets import Input, Label

from briefing.app.actions import bindings
from briefing.app.labels import short_title


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
    """Active dossier, the concept toggle, knowledge state; and short messages for a moment.

    Messages (copied, pinned, dossier chosen) show here, in place of the dossier, so they never
    cover the answer. Labels shorten by meaning on a narrow terminal."""

    # Below this width the concept toggle and the knowledge summary use their short forms.
    NARROW = 100

    def compose(self):
        yield Label("briefing", id="status-app", markup=False)
        yield ClickLabel("Dossier: alle", action="choose_dossier", id="status-dossier")
        yield Label("", id="status-flash", markup=False)
        yield ClickLabel("", action="toggle_concept", id="status-concept")
        yield Label("", id="status-embargo", markup=False)
        yield ClickLabel("Kennisbank laden…", action="show_problems", id="status-kb")

    def on_mount(self) -> None:
        self._dossier: str | None = None
        self._concept = False
        self._knowledge = ("Kennisbank laden…", "loading")
        self._flash_timer = None
        self.query_one("#status-flash").display = False

    def on_resize(self) -> None:
        self._render_labels()

    @property
    def narrow(self) -> bool:
        width = self.size.width or (self.app.size.width if self.app else 0)
        return width < self.NARROW

    def set_dossier(self, title: str | None) -> None:
        self._dossier = " ".join(title.split()) if title else None
        self._render_labels()

    def set_concept(self, include: bool) -> None:
        self._concept = include
        self._render_labels()

    def set_embargo(self, embargo: bool) -> None:
        label = self.query_one("#status-embargo", Label)
        label.update("EMBARGO" if embargo and self.narrow else
                     "EMBARGO ZICHTBAAR" if embargo else "")
        label.display = embargo

    def set_knowledge(self, text: str, level: str = "ok") -> None:
        self._knowledge = (text, level)
        self._render_labels()

    def _render_labels(self) -> None:
        narrow = self.narrow
        concept = self.query_one("#status-concept", ClickLabel)
        if self._concept:
            concept.update("● concept (F4)" if narrow else "● concept zichtbaar (F4)")
        else:
            concept.update("○ vastgesteld (F4)" if narrow else "○ alleen vastgesteld (F4)")
        concept.set_class(self._concept, "-on")
        text, level = self._knowledge
        if narrow and level in ("ok", "loading", "warning"):
            # '5 dossiers · 21 vragen' -> '21 vragen': the count that matters in a meeting.
            text = " · ".join(p for p in text.split(" · ")
                              if not re.fullmatch(r"\d+ dossiers?", p))
        knowledge = self.query_one("#status-kb", ClickLabel)
        knowledge.update(text)
        for name in ("ok", "loading", "warning", "error"):
            knowledge.set_class(level == name, f"-{name}")
        embargo = self.query_one("#status-embargo", Label)
        # The dossier gets what the other labels leave (each label has one cell of padding
        # either side).
        width = self.size.width or self.app.size.width
        used = len("briefing") + 2 + len(str(concept.render())) + 2 + len(text) + 2
        if embargo.display:
            used += len(str(embargo.render())) + 2
        room = max(8, width - used - 2)
        label = self.query_one("#status-dossier", ClickLabel)
        if self._dossier:
            # On a narrow line the title's distinctive words matter more than the prefix.
            prefix = "Dossier: " if room >= 45 else ""
            label.update(prefix + short_title(self._dossier, room - len(prefix) - 5) + " (F5)")
        else:
            label.update("Dossier: alle (F5)" if room >= 18 else "alle (F5)")
        label.set_class(bool(self._dossier), "-active")

    def flash(self, text: str, severity: str = "information", timeout: float | None = 4) -> None:
        """Show a short message in place of the dossier for a few seconds."""
        flash = self.query_one("#status-flash", Label)
        flash.update(" ".join(text.split()))
        flash.set_class(severity == "warning", "-warning")
        flash.display = True
        self.query_one("#status-dossier").display = False
        if self._flash_timer is not None:
            self._flash_timer.stop()
            self._flash_timer = None
        if timeout:
            self._flash_timer = self.set_timer(timeout, self.end_flash)

    def end_flash(self) -> None:
        self._flash_timer = None
        self.query_one("#status-flash").display = False
        self.query_one("#status-dossier").display = True

    @property
    def flash_text(self) -> str | None:
        flash = self.query_one("#status-flash", Label)
        return str(flash.render()) if flash.display else None


class QuestionInput(Input):
    """The question input. Enter (or ctrl+j, for terminals that mangle enter) asks."""

    BINDINGS = bindings("input")

    class ToConversation(Message):
        """↑ in the input: go to the latest answer card."""

    def __init__(self, **kwargs) -> None:
        super().__init__(placeholder="Wat vraagt het raadslid?  (bijv. vragenlijst MWO, "
                                     "@Mangal brochure)",
                         select_on_focus=False, **kwargs)

    def action_to_conversation(self) -> None:
        self.post_message(self.ToConversation())

