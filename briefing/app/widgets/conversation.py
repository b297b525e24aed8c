"""The conversation: each question asked, the card chosen for it, and the other answers."""

from __future__ import annotations

from typing import Callable

from textual.containers import VerticalGroup, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from briefing.app.conversation import Exchange, who
from briefing.app.widgets.card import AnswerCard

WELCOME = (
    "Typ wat het raadslid vraagt, in een paar woorden. De beste voorbereide antwoorden "
    "verschijnen terwijl u typt; enter zet het beste antwoord hier in het gesprek.\n"
    "@naam of @fractie filtert op raadslid of fractie. F1 toont alle toetsen."
)


class ExchangeView(VerticalGroup):
    """One question with its answer card and the alternatives (keys 1-9).

    Only the newest exchange (and the one whose card has the focus) lists its alternatives;
    earlier ones fold them into one line, which a click (or focusing the card) opens again.
    The newest is at least as tall as the view, so its question can stand at the top."""

    def __init__(self, exchange: Exchange, index: int, *, embargoed_dossiers: frozenset[str],
                 marking: Callable[[str], str | None] | None = None):
        super().__init__(classes="exchange")
        self.exchange = exchange
        self.index = index
        self.embargoed_dossiers = embargoed_dossiers
        self.marking = marking
        self._latest = False
        self._open = False

    def set_latest(self, latest: bool) -> None:
        self._latest = latest
        self.set_class(latest, "-latest")
        self._fold()

    def set_open(self, open_: bool) -> None:
        self._open = open_
        self._fold()

    def _fold(self) -> None:
        self.set_class(not (self._latest or self._open), "-folded")

    def on_click(self, event) -> None:
        if self.has_class("-folded") and "alternatives-folded" in getattr(
                event.widget, "classes", ()):
            event.stop()
            self.set_open(True)

    def compose(self):
        exchange = self.exchange
        parts: list = [("› ", "bold $accent"), (exchange.query, "bold")]
        if exchange.filters:
            parts.append((f"   filter: {exchange.filters}", "$text-muted"))
        yield Static(Content.assemble(*parts), classes="asked")
        if exchange.context:
            yield Static(Content.assemble(("↳ vervolg op: ", "$text-muted"),
                                          (_short(exchange.context, 90), "$text-muted italic")),
                         classes="asked-context")
        card = exchange.card
        if card is None:
            yield Static("Geen voorbereid antwoord: niets in de kennisbank lijkt op deze vraag. "
                         "Probeer andere woorden, of kies een ander dossier (F5).",
                         classes="nothing-found", markup=False)
            return
        yield AnswerCard(card, exchange_index=self.index,
                         no_answer=exchange.no_answer and exchange.chosen == 0,
                         embargoed=card.dossier_id in self.embargoed_dossiers,
                         marking=self.marking(card.dossier_id) if self.marking else None)
        alternatives = exchange.alternatives
        if alternatives:
            yield Static(Content.assemble(
                ("▸ ", "$text-muted"), (f"{len(alternatives)} andere antwoorden", "$text-muted"),
                ("  (kies de kaart: toets 1-9)", "$text-muted")),
                classes="alternatives-folded")
            yield Static(Content.assemble(("Andere antwoorden", "bold $text-muted"),
                                          ("  toets 1-9 op de kaart, 0 = eerste", "$text-muted")),
                         classes="alternatives-title")
            for number, result in alternatives:
                shown = number == exchange.chosen
                certainty_style = {"hoog": "$text-success", "middel": "$text-warning"}.get(
                    result.certainty, "$text-muted")
                parts: list = [("▶" if shown else " ", "bold $accent"),
                               (f"{number} ", "bold $text-accent"),
                               (f"{result.certainty:<7}", certainty_style),
                               (" ".join((result.question or result.title).split()),
                                "bold" if shown else "")]
                if who(result):
                    parts.append((f"  {who(result)}", "$text-muted"))
                yield Static(Content.assemble(*parts), classes="alternative")

    @property
    def card(self) -> AnswerCard | None:
        cards = self.query(AnswerCard)
        return cards.first() if cards else None


class ConversationView(VerticalScroll, can_focus=False):
    """Newest exchange at the bottom; scrolls by itself as exchanges arrive."""

    def compose(self):
        yield Static(WELCOME, id="welcome", markup=False)

    def show_notice(self, text: str) -> None:
        """A note under the welcome text (it goes with it at the first question)."""
        welcome = self.query("#welcome")
        if welcome:
            welcome.first(Static).update(f"{WELCOME}\n\n{text}")

    def exchanges(self) -> list[ExchangeView]:
        return list(self.query(ExchangeView))

    def cards(self) -> list[AnswerCard]:
        return list(self.query(AnswerCard))


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
