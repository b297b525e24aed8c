"""Selectable lines: the shared behaviour of answer cards and the spiekbriefje."""

from __future__ import annotations

from textual import events
from textual.containers import HorizontalGroup, VerticalGroup
from textual.message import Message
from textual.reactive import reactive
from textual.content import Content
from textual.widgets import Static

from briefing.app.actions import bindings

BULLETS = ("•", "–", "·", "·")


class LineItem(HorizontalGroup):
    """One line with a bullet and a hanging indent (wrapped text stays aligned)."""

    def __init__(self, text: str, depth: int = 0, *, selectable: bool = True,
                 bullet: str | None = None, classes: str = "", marking: str | None = None
                 ) -> None:
        names = f"line-item depth-{min(depth, 3)} {classes}".strip()
        if selectable:
            names += " selectable"
        super().__init__(classes=names)
        self.text = text
        self.depth = depth
        self.bullet = bullet if bullet is not None else BULLETS[min(depth, 3)]
        self.marking = marking  # '[GEHEIM]' on a pinned line from a dossier not openbaar

    def compose(self):
        yield Static(self.bullet, classes="bullet", markup=False)
        if self.marking:
            yield Static(Content.assemble((self.marking, "bold $text-error"), " ",
                                          self.text), classes="text")
        else:
            yield Static(self.text, classes="text", markup=False)

    def on_click(self, event: events.Click) -> None:
        browser = next((a for a in self.ancestors if isinstance(a, LineBrowser)), None)
        if browser is not None and self.has_class("selectable"):
            event.stop()
            browser.focus()
            browser.select_item(self)

    def mark(self, selected: bool, focused: bool) -> None:
        """Highlight as the selected line; ▶ (readable without colour) while focused."""
        self.set_class(selected, "-selected")
        bullets = self.query(".bullet")
        if bullets:
            bullets.first(Static).update("▶" if selected and focused else self.bullet)


class LineBrowser(VerticalGroup, can_focus=True):
    """A focusable group whose `.selectable` LineItems are walked with ↑/↓.

    Printable keys it does not bind are handed to the question input, so the adviser can simply
    start typing the next question."""

    BINDINGS = bindings("lines")

    cursor: reactive[int] = reactive(-1, init=False)

    class Boundary(Message):
        """The cursor tried to move past the first (-1) or last (+1) line."""

        def __init__(self, browser: LineBrowser, direction: int) -> None:
            super().__init__()
            self.browser = browser
            self.direction = direction

    def items(self) -> list[LineItem]:
        return list(self.query(".selectable").results(LineItem))

    @property
    def selected(self) -> LineItem | None:
        items = self.items()
        if 0 <= self.cursor < len(items):
            return items[self.cursor]
        return None

    def action_cursor(self, delta: int) -> None:
        items = self.items()
        if not items:
            self.post_message(self.Boundary(self, delta))
            return
        target = self.cursor + delta
        if target < 0 or target >= len(items):
            self.post_message(self.Boundary(self, delta))
            return
        self.cursor = target

    def action_cursor_to(self, index: int) -> None:
        items = self.items()
        if items:
            self.cursor = index % len(items)

    def select_item(self, item: LineItem) -> None:
        items = self.items()
        if item in items:
            self.cursor = items.index(item)

    def select_edge(self, last: bool) -> None:
        items = self.items()
        self.cursor = (len(items) - 1 if last else 0) if items else -1
        self._show_cursor()

    def watch_cursor(self, old: int, new: int) -> None:
        self._show_cursor()

    def _show_cursor(self, focused: bool | None = None) -> None:
        focused = self.has_focus if focused is None else focused
        for index, item in enumerate(self.items()):
            item.mark(index == self.cursor, focused)
        selected = self.selected
        if selected is not None and focused:
            selected.scroll_visible(animate=False)

    def initial_cursor(self) -> int:
        """Where the cursor starts when the group is first focused."""
        return 0

    def on_focus(self) -> None:
        items = self.items()
        if self.cursor < 0 and items:
            self.cursor = min(max(self.initial_cursor(), 0), len(items) - 1)
        self._show_cursor(focused=True)

    def on_blur(self) -> None:
        self._show_cursor(focused=False)

    def on_key(self, event: events.Key) -> None:
        focused = self.screen.focused
        if focused is not None and focused is not self:
            # Keys that were already on their way here when a letter moved the focus to the
            # input (fast typing, a paste): they belong to the input too, spaces included.
            event.stop()
            event.prevent_default()
            focused.post_message(events.Key(event.key, event.character))
            return
        if not event.is_printable or not event.character or event.character == " ":
            return
        if event.key in self._bindings.key_to_bindings:
            return
        event.stop()
        event.prevent_default()
        # Synchronously: the keys typed right after this one must already reach the input
        # (a message or a deferred focus would let a following space pin a line).
        type_ahead = getattr(self.screen, "type_ahead", None)
        if type_ahead is not None:
            type_ahead(event.character)
