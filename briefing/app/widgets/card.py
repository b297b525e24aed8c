"""An answer card: the prepared question, who asked it, the answer lines, status and certainty."""

from __future__ import annotations

import re

from textual.containers import HorizontalGroup
from textual.message import Message
from textual.widgets import Label, Static

from briefing.app.actions import bindings
from briefing.app.conversation import card_lines, format_date, who
from briefing.app.widgets.lines import LineBrowser, LineItem
from briefing.search.results import Result

CERTAINTY_LABEL = {"hoog": "zekerheid hoog", "middel": "zekerheid middel",
                   "laag": "zekerheid laag"}


# How many best-matching lines a card highlights.
BEST_SHOWN = 2


def kind_label(result: Result) -> str:
    if result.kind == "vraag":
        match = re.search(r"/vraag-(\d+)$", result.card_id)
        return f"vraag {match.group(1)}" if match else "vraag"
    if result.kind == "thema":
        return "thema"
    return "kernboodschap"


class AnswerCard(LineBrowser):
    """One result, shown in full. The lines can be walked, copied and pinned."""

    BINDINGS = bindings("card")

    class Action(Message):
        """The adviser asked for something done with this card (copy, pin, alternative)."""

        def __init__(self, card: AnswerCard, name: str, argument: int = 0) -> None:
            super().__init__()
            self.card = card
            self.name = name
            self.argument = argument
            # The line as selected when the key was pressed: keys typed ahead (↓ right after
            # spatie) must not change which line this action is about.
            self.line_text = card.selected_text

    def __init__(self, result: Result, *, exchange_index: int = -1, no_answer: bool = False,
                 embargoed: bool = False, marking: str | None = None,
                 id: str | None = None) -> None:
        classes = f"answer-card certainty-{result.certainty}"
        if no_answer:
            classes += " -no-answer"
        if result.status != "vastgesteld":
            classes += " -concept"
        super().__init__(id=id, classes=classes)
        self.result = result
        self.exchange_index = exchange_index
        self.no_answer = no_answer
        self.embargoed = embargoed
        self.marking = marking

    def compose(self):
        result = self.result
        with HorizontalGroup(classes="card-header"):
            status = "VASTGESTELD" if result.status == "vastgesteld" else result.status.upper()
            yield Label(status, classes=f"badge status-{result.status}", markup=False)
            yield Label(result.classification.upper(),
                        classes=f"badge class-{result.classification}", markup=False)
            if self.embargoed:
                yield Label("EMBARGO", classes="badge embargo", markup=False)
            yield Label(CERTAINTY_LABEL.get(result.certainty, result.certainty),
                        classes=f"badge certainty certainty-{result.certainty}", markup=False)
            yield Label("", classes="header-gap", markup=False)
            yield Label(kind_label(result), classes="kind", markup=False)
        if self.no_answer:
            yield Static("Geen voorbereid antwoord. Dit is het dichtstbijzijnde: "
                         "controleer het voor u het doorgeeft.", classes="no-answer-banner",
                         markup=False)
        yield Static(result.question or result.title, classes="card-title", markup=False)
        if who(result):
            yield Static(who(result), classes="card-who", markup=False)
        lines = card_lines(result)
        answer = [line for line in lines if line.section == "antwoord"]
        pressed = [line for line in lines if line.section == "doorvragen"]
        if not answer:
            yield Static("(geen antwoordregels)", classes="card-empty", markup=False)
        # The lines that matched the question best stand out, so the eye finds them at once.
        best = set(result.best_lines[:BEST_SHOWN])
        for index, line in enumerate(answer):
            yield LineItem(line.text, line.depth, classes="-best" if index in best else "")
        if pressed:
            yield Static("Doorvragen", classes="card-section", markup=False)
            for line in pressed:
                yield LineItem(line.text, line.depth, classes="if-pressed")
        if result.note:
            yield Static(f"Notitie (niet voorlezen): {result.note}", classes="card-note",
                         markup=False)
        source = f"Bron: {result.dossier_title}"
        if result.dossier_date:
            source += f" · {format_date(result.dossier_date)}"
        yield Static(source, classes="card-source", markup=False)

    def on_resize(self) -> None:
        self._fit_header()

    def _fit_header(self) -> None:
        """Badges are never cut: on a narrow card the least needed labels shorten or go
        (first the card number, then 'zekerheid hoog' becomes 'hoog')."""
        width = self.content_region.width or self.size.width
        if not width:
            return
        certainty = self.query_one(".certainty", Label)
        kind = self.query_one(".kind", Label)
        full = CERTAINTY_LABEL.get(self.result.certainty, self.result.certainty)
        badges = [b for b in self.query(".badge").results(Label) if b is not certainty]
        # Each badge has one cell of padding either side and one of margin after it.
        fixed = sum(len(str(b.render())) + 3 for b in badges)
        label = kind_label(self.result)
        for text, show_kind in ((full, True), (full, False), (self.result.certainty, False)):
            need = fixed + len(text) + 3 + (len(label) if show_kind else 0)
            if need <= width:
                break
        certainty.update(text)
        kind.display = show_kind

    def best_item(self) -> LineItem | None:
        """The answer line that matched best (the first line when none did)."""
        items = [i for i in self.items() if not i.has_class("if-pressed")]
        if not items:
            return None
        index = self.initial_cursor()
        return items[index] if 0 <= index < len(items) else items[0]

    def initial_cursor(self) -> int:
        """Start on the best matching line: usually the one the wethouder needs."""
        best = self.result.best_lines
        return best[0] if best and best[0] < len(self.result.line_texts) else 0

    @property
    def selected_text(self) -> str | None:
        selected = self.selected
        return selected.text if selected is not None else None

    def action_copy_line(self) -> None:
        self.post_message(self.Action(self, "copy_line"))

    def action_copy_card(self) -> None:
        self.post_message(self.Action(self, "copy_card"))

    def action_pin(self) -> None:
        self.post_message(self.Action(self, "pin"))

    def action_alternative(self, number: int) -> None:
        self.post_message(self.Action(self, "alternative", number))
