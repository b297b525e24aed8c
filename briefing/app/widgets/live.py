"""Live best matches above the input, updated as the adviser types."""

from __future__ import annotations

from textual.containers import VerticalGroup
from textual.content import Content
from textual.widgets import Static

from briefing.app.conversation import who
from briefing.app.query import ParsedQuery
from briefing.app.widgets.card import CERTAINTY_LABEL
from briefing.search.results import Result

HINT = "Typ een paar woorden van de vraag · @naam of @fractie filtert · F1 hulp"


def best_line_texts(result: Result, count: int = 2) -> list[str]:
    texts = result.line_texts
    order = [i for i in result.best_lines if 0 <= i < len(texts)]
    order += [i for i in range(len(texts)) if i not in order]
    return [texts[i] for i in order[:count]]


class LivePreview(VerticalGroup):
    """Shows the top card's gist and the runners-up; Enter puts the top card in the conversation."""

    def compose(self):
        yield Static(HINT, id="live-status", markup=False)
        yield Static("", id="live-title", markup=False)
        yield Static("", id="live-lines", markup=False)
        yield Static("", id="live-others", markup=False)

    def on_mount(self) -> None:
        self.show_message(HINT)

    def _set(self, status: Content | str, title: Content | str = "", lines: Content | str = "",
             others: Content | str = "") -> None:
        for wid, value in (("#live-status", status), ("#live-title", title),
                           ("#live-lines", lines), ("#live-others", others)):
            widget = self.query_one(wid, Static)
            widget.update(value)
            widget.display = bool(value) or wid == "#live-status"

    def show_message(self, text: str, kind: str = "hint") -> None:
        self.set_class(kind == "warning", "-warning")
        self.set_class(kind == "error", "-error")
        self.remove_class("-laag")
        self._set(Content(text))

    def show_results(self, parsed: ParsedQuery, results: list[Result], no_answer: bool,
                     context: str | None, include_concept: bool) -> None:
        self.remove_class("-warning", "-error")
        self.set_class(no_answer, "-laag")
        notes: list[tuple[str, str]] = []
        if parsed.filter_label():
            notes.append((f"  filter: {parsed.filter_label()}", "$text-accent"))
        if parsed.unknown:
            unknown = ", ".join("@" + u for u in parsed.unknown)
            notes.append((f"  onbekend: {unknown}", "$text-warning"))
        if context:
            notes.append(("  vervolgvraag", "$text-muted italic"))
        if not results:
            scope = "" if include_concept else " (alleen vastgesteld, F4: ook concept)"
            self.add_class("-laag")
            self._set(Content.assemble(("Geen voorbereid antwoord", "bold $text-error"), *notes,
                                       (" · niets gevonden" + scope, "$text-error")))
            return
        top = results[0]
        if no_answer:
            status = Content.assemble(
                ("Geen voorbereid antwoord", "bold $text-error"), *notes,
                (" · dichtstbijzijnde, zekerheid laag", "$text-error"))
        else:
            # The notes (filter, unknown name) before the long tail: on a narrow terminal the
            # tail is what the ellipsis takes.
            status = Content.assemble(
                ("Beste antwoord", "bold $text-success"), *notes,
                (f" · {CERTAINTY_LABEL[top.certainty]} · enter zet het in het gesprek",
                 "$text-muted"))
        title_parts: list = [(top.question or top.title, "bold")]
        if who(top):
            title_parts.append((f" — {who(top)}", "$text-muted"))
        if top.status != "vastgesteld":
            title_parts.append((f" [{top.status.upper()}]", "bold $text-warning"))
        lines = Content("\n").join(
            Content.assemble(("• ", "$text-muted"), (text, "")) for text in best_line_texts(top))
        others = ""
        if len(results) > 1:
            names = [(r.question or r.title) for r in results[1:4]]
            others = Content.assemble(("ook: ", "$text-muted"), (" · ".join(names), "$text-muted"))
        self._set(status, Content.assemble(*title_parts), lines, others)
