"""Side panels: the spiekbriefje (pinned lines) and the active dossier's kernboodschap."""

from __future__ import annotations

from textual.containers import VerticalGroup, VerticalScroll
from textual.message import Message
from textual.widgets import Static

from briefing.app.actions import bindings
from briefing.app.cheatsheet import Pin
from briefing.app.marking import highest
from briefing.app.widgets.lines import LineBrowser, LineItem
from briefing.model.dossier import Dossier, flatten_lines
from briefing.safetext import printable


class PinList(LineBrowser):
    """The pinned lines; reorder with shift/ctrl+arrows, remove with delete."""

    BINDINGS = bindings("pins")

    class Action(Message):
        def __init__(self, name: str, index: int, argument: int = 0) -> None:
            super().__init__()
            self.name = name
            self.index = index
            self.argument = argument

    def show(self, pins: list[Pin], cursor: int | None = None) -> None:
        self.remove_children()
        if not pins:
            self.mount(Static("Nog niets vastgepind. Kies een regel op een antwoordkaart en "
                              "druk op spatie.", classes="panel-empty", markup=False))
        else:
            self.mount_all(LineItem(pin.text, 0, bullet=f"{n}.", marking=pin.marking)
                           for n, pin in enumerate(pins, start=1))
        if cursor is not None:
            target = max(-1, min(cursor, len(pins) - 1))
            # Set after the new items are mounted, so the highlight lands on them.
            self.call_after_refresh(self._restore, target)

    def _restore(self, target: int) -> None:
        self.set_reactive(PinList.cursor, target)
        self._show_cursor()

    def action_move(self, delta: int) -> None:
        if self.cursor >= 0:
            self.post_message(self.Action("move", self.cursor, delta))

    def action_remove(self) -> None:
        if self.cursor >= 0:
            self.post_message(self.Action("remove", self.cursor))

    def action_copy(self) -> None:
        if self.cursor >= 0:
            self.post_message(self.Action("copy", self.cursor))

    def action_clear(self) -> None:
        self.post_message(self.Action("clear", self.cursor))


class CheatsheetPanel(VerticalScroll, can_focus=False):
    def compose(self):
        yield Static("Spiekbriefje", classes="panel-title", id="cheatsheet-title", markup=False)
        yield PinList(id="pins")

    def show(self, pins: list[Pin], cursor: int | None = None) -> None:
        top = highest([p.marking for p in pins])
        title = f"Spiekbriefje ({len(pins)})" if pins else "Spiekbriefje"
        self.query_one("#cheatsheet-title", Static).update(f"{title} {top}" if top else title)
        self.query_one(PinList).show(pins, cursor)


class CoreMessagePanel(VerticalScroll):
    """The kernboodschap of the active dossier (or of the dossier of the latest answer)."""

    def compose(self):
        yield Static("Kernboodschap", classes="panel-title", id="core-title", markup=False)
        yield VerticalGroup(id="core-lines")

    def show(self, dossier: Dossier | None, active: bool, marking: str | None = None) -> None:
        title = self.query_one("#core-title", Static)
        body = self.query_one("#core-lines", VerticalGroup)
        body.remove_children()
        if dossier is None:
            title.update("Kernboodschap")
            body.mount(Static("Kies een dossier met F5 (of ctrl+p → dossier).",
                              classes="panel-empty", markup=False))
            return
        label = "" if active else " (laatste antwoord)"
        title.update(f"Kernboodschap{label}")
        items: list = []
        if marking:
            items.append(Static(marking, classes="marking", markup=False))
        items.append(Static(printable(dossier.title), classes="core-dossier", markup=False))
        lines = flatten_lines(dossier.core_message)
        if not lines:
            items.append(Static("Dit dossier heeft geen kernboodschap.", classes="panel-empty",
                                markup=False))
        items += [LineItem(printable(text), depth, selectable=False) for depth, text in lines]
        body.mount_all(items)
