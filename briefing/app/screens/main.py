"""The chat screen: conversation above, live matches and the question input below."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from textual import on, work
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Input
from textual.worker import Worker, WorkerState

from briefing.app.cheatsheet import Cheatsheet, Pin
from briefing.app.conversation import Conversation, Exchange, card_text, follow_up_context
from briefing.app.messages import Answered, CheatsheetSaved, LiveResults
from briefing.app.query import ParsedQuery, parse_query
from briefing.app.safety import guarded
from briefing.app.screens.dialogs import ConfirmScreen
from briefing.app.widgets.card import AnswerCard
from briefing.app.widgets.conversation import ConversationView, ExchangeView
from briefing.app.widgets.lines import LineBrowser
from briefing.app.widgets.live import HINT, LivePreview
from briefing.app.widgets.panels import CheatsheetPanel, CoreMessagePanel, PinList
from briefing.app.widgets.status import QuestionInput, StatusBar
from briefing.search.results import SearchOptions

if TYPE_CHECKING:
    from briefing.app.app import BriefingApp

RESULT_LIMIT = 10
# Show the side panel by itself on the first pin only when there is room for it.
AUTO_SIDE_WIDTH = 110


class MainScreen(Screen):
    """Owns the conversation, the spiekbriefje and the live search."""

    AUTO_FOCUS = "#question"

    BINDINGS = [
        Binding("escape", "focus_input", "Invoer", show=False,
                id="briefing.input", tooltip="Terug naar de invoer"),
        Binding("f2,ctrl+o", "toggle_core", "Kernboodschap", key_display="F2", show=False,
                id="briefing.kernboodschap", tooltip="Kernboodschap tonen of verbergen"),
        Binding("f3,ctrl+l", "toggle_cheatsheet", "Spiekbriefje", key_display="F3",
                id="briefing.spiekbriefje", tooltip="Spiekbriefje tonen of verbergen"),
        Binding("ctrl+s", "save_cheatsheet", "Opslaan", show=False, priority=True,
                id="briefing.spiekbriefje.save", tooltip="Spiekbriefje opslaan als Markdown"),
    ]

    def __init__(self) -> None:
        super().__init__(id="main")
        self.conversation = Conversation()
        self.cheatsheet = Cheatsheet()
        self._live_seq = 0
        self._pending_question: str | None = None
        self.current_card: AnswerCard | None = None
        self.show_core = False
        self.show_cheatsheet = False
        self.last_saved: str | None = None
        self._asking: str | None = None
        self.cheatsheet_dirty = False  # pins changed since the last save

    @property
    def briefing(self) -> BriefingApp:
        return self.app  # type: ignore[return-value]

    # --- layout ----------------------------------------------------------------------------
    def compose(self):
        yield StatusBar(id="status")
        with Horizontal(id="body"):
            with Vertical(id="chat"):
                yield ConversationView(id="conversation")
                yield LivePreview(id="live")
                yield QuestionInput(id="question")
            with Vertical(id="side"):
                yield CheatsheetPanel(id="cheatsheet")
                yield CoreMessagePanel(id="core")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.input.cursor_blink = self.briefing.cursor_blink
        self.query_one(CheatsheetPanel).show([])
        self._layout_side()
        self.refresh_status()
        self.watch(self.app, "knowledge_version", self._knowledge_changed, init=False)
        self.watch(self.app, "include_concept", self._scope_changed, init=False)
        self.watch(self.app, "active_dossier", self._scope_changed, init=False)
        if self.briefing.engine is None:
            self.query_one(LivePreview).show_message(
                "Kennisbank laden… u kunt alvast typen.", "hint")
        if self.briefing.on_ready is not None:
            self.call_after_refresh(self.briefing.on_ready, self.briefing, "input")

    @property
    def input(self) -> QuestionInput:
        return self.query_one(QuestionInput)

    # --- state from the app ------------------------------------------------------------------
    def refresh_status(self) -> None:
        app = self.briefing
        bar = self.query_one(StatusBar)
        dossier = app.kb.dossier(app.active_dossier) if app.kb and app.active_dossier else None
        bar.set_dossier(dossier.title if dossier else None)
        bar.set_concept(app.include_concept)
        bar.set_embargo(app.embargo)
        text, level = app.knowledge_summary()
        bar.set_knowledge(text, level)

    @guarded
    def _knowledge_changed(self) -> None:
        self.refresh_status()
        self._refresh_core()
        self.run_live_search()
        if self._pending_question is not None and self.briefing.engine is not None:
            question, self._pending_question = self._pending_question, None
            self.ask(question)

    @guarded
    def _scope_changed(self) -> None:
        self.refresh_status()
        self._refresh_core()
        self.run_live_search()

    # --- live search -------------------------------------------------------------------------
    def search_options(self, parsed: ParsedQuery, context: str | None) -> SearchOptions:
        app = self.briefing
        return SearchOptions(limit=RESULT_LIMIT, member=parsed.member, party=parsed.party,
                             dossier=app.active_dossier, include_concept=app.include_concept,
                             include_embargo=app.embargo, context=context)

    @on(Input.Changed, "#question")
    @guarded
    def _typed(self, event: Input.Changed) -> None:
        self.run_live_search(event.value)

    def run_live_search(self, text: str | None = None) -> None:
        text = self.input.value if text is None else text
        self._live_seq += 1
        preview = self.query_one(LivePreview)
        app = self.briefing
        if app.engine is None:
            if app.engine_error:
                preview.show_message(f"Zoeken is niet beschikbaar: {app.engine_error}", "error")
            else:
                preview.show_message("Kennisbank laden… u kunt alvast typen.", "hint")
            return
        parsed = parse_query(text, app.kb.registers if app.kb else None)
        if parsed.is_empty:
            if parsed.unknown:
                unknown = ", ".join("@" + u for u in parsed.unknown)
                preview.show_message(f"Onbekend raadslid of fractie: {unknown}", "warning")
            else:
                preview.show_message(HINT)
            return
        context = follow_up_context(parsed.text, self.conversation.last)
        self._search_live(self._live_seq, parsed, context, self.search_options(parsed, context))

    @work(thread=True, exclusive=True, exit_on_error=False, group="live")
    def _search_live(self, seq: int, parsed: ParsedQuery, context: str | None,
                     options: SearchOptions) -> None:
        results, no_answer = self.briefing.search(parsed.search_text, options)
        self.post_message(LiveResults(seq, parsed, results, no_answer, context))

    @on(LiveResults)
    @guarded
    def _show_live(self, message: LiveResults) -> None:
        if message.seq != self._live_seq:
            return  # typed on since: a newer search is under way
        self.query_one(LivePreview).show_results(message.parsed, message.results,
                                                 message.no_answer, message.context,
                                                 self.briefing.include_concept)

    # --- asking ------------------------------------------------------------------------------
    @on(Input.Submitted, "#question")
    @guarded
    def _submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text:
            return
        if self.briefing.engine is None:
            self._pending_question = text
            self.app.notify("De kennisbank wordt nog geladen; de vraag komt zo in het gesprek.",
                            markup=False)
            return
        self.ask(text)

    def ask(self, text: str) -> None:
        """Put the best card for text into the conversation (searched in a worker)."""
        app = self.briefing
        parsed = parse_query(text, app.kb.registers if app.kb else None)
        if parsed.is_empty:
            self.app.notify("Typ ook een paar woorden van de vraag.", severity="warning",
                            markup=False)
            return
        self.input.value = ""
        self._asking = text
        context = follow_up_context(parsed.text, self.conversation.last)
        self._search_ask(text, parsed, context, self.search_options(parsed, context))

    @work(thread=True, exclusive=True, exit_on_error=False, group="ask")
    def _search_ask(self, text: str, parsed: ParsedQuery, context: str | None,
                    options: SearchOptions) -> None:
        results, no_answer = self.briefing.search(parsed.search_text, options)
        exchange = Exchange(query=text, results=results, no_answer=no_answer, context=context,
                            filters=parsed.filter_label())
        self.post_message(Answered(exchange))

    @on(Answered)
    @guarded
    async def _answered(self, message: Answered) -> None:
        exchange = message.exchange
        self.conversation.exchanges.append(exchange)
        view = self.query_one(ConversationView)
        welcome = view.query("#welcome")
        if welcome:
            await welcome.remove()
        item = ExchangeView(exchange, len(self.conversation.exchanges) - 1,
                            embargoed_dossiers=self.briefing.embargoed_ids)
        await view.mount(item)
        card = item.card
        if card is not None:
            self.current_card = card
            card.select_edge(last=False)
            self.set_focus(card, scroll_visible=False)
        # Once laid out: the question at the top, so a long card is read from its start.
        self.call_after_refresh(view.scroll_to_widget, item, animate=False, top=True)
        self._refresh_core()
        if exchange.no_answer:
            self.briefing.record_miss(exchange.query)

    # --- focus and movement -------------------------------------------------------------------
    def action_focus_input(self) -> None:
        self.input.focus()

    @on(QuestionInput.ToConversation)
    @guarded
    def _up_from_input(self) -> None:
        self.action_to_conversation()

    @guarded
    def action_to_conversation(self) -> None:
        """Focus the newest answer card."""
        cards = self.query_one(ConversationView).cards()
        if cards:
            cards[-1].focus()
            cards[-1].select_edge(last=False)

    @guarded
    def type_ahead(self, character: str) -> None:
        """A letter typed on a card or panel: it starts the next question."""
        field = self.input
        self.set_focus(field, scroll_visible=False)
        field.cursor_position = len(field.value)
        field.insert_text_at_cursor(character)

    @on(LineBrowser.Boundary)
    @guarded
    def _boundary(self, message: LineBrowser.Boundary) -> None:
        if not isinstance(message.browser, AnswerCard):
            return
        cards = self.query_one(ConversationView).cards()
        try:
            index = cards.index(message.browser)
        except ValueError:
            return
        target = index + message.direction
        if target >= len(cards):
            self.input.focus()
        elif target >= 0:
            cards[target].focus()
            cards[target].select_edge(last=message.direction < 0)

    @guarded
    def on_descendant_focus(self, event) -> None:
        if isinstance(event.widget, AnswerCard):
            self.current_card = event.widget
            if not self.briefing.active_dossier and self.show_core:
                self._refresh_core()

    def card_for_action(self) -> AnswerCard | None:
        """The focused card, else the last one looked at, else the newest."""
        focused = self.focused
        if isinstance(focused, AnswerCard):
            return focused
        if self.current_card is not None and self.current_card.is_attached:
            return self.current_card
        cards = self.query_one(ConversationView).cards()
        return cards[-1] if cards else None

    # --- card actions -------------------------------------------------------------------------
    @on(AnswerCard.Action)
    @guarded
    async def _card_action(self, message: AnswerCard.Action) -> None:
        await self.card_action(message.card, message.name, message.argument, message.line_text)

    @guarded
    async def card_action(self, card: AnswerCard | None, name: str, argument: int = 0,
                          line_text: str | None = None) -> None:
        if card is None:
            self.app.notify("Er staat nog geen antwoord in het gesprek.", severity="warning",
                            markup=False)
            return
        if name == "copy_line":
            text = line_text or card.selected_text
            if text is None:
                card.select_edge(last=False)
                text = card.selected_text
            if text is None:
                self.app.notify("Deze kaart heeft geen regels.", severity="warning", markup=False)
                return
            self.briefing.copy(text, "Regel gekopieerd")
        elif name == "copy_card":
            self.briefing.copy(card_text(card.result), "Kaart gekopieerd")
        elif name == "pin":
            text = line_text or card.selected_text
            if text is None:
                self.app.notify("Kies eerst een regel (↑↓).", severity="warning", markup=False)
                return
            self.pin(Pin(text=text, card_id=card.result.card_id,
                         card_title=card.result.question or card.result.title,
                         dossier_title=card.result.dossier_title))
        elif name == "alternative":
            await self.open_alternative(card, argument)
        elif name in ("next_line", "previous_line"):
            card.focus()
            card.action_cursor(1 if name == "next_line" else -1)

    async def open_alternative(self, card: AnswerCard, number: int) -> None:
        exchanges = self.conversation.exchanges
        if not 0 <= card.exchange_index < len(exchanges):
            return
        exchange = exchanges[card.exchange_index]
        if number >= len(exchange.results):
            self.app.notify(f"Er is geen ander antwoord {number}.", severity="warning",
                            markup=False)
            return
        if not exchange.choose(number):
            return
        view = next((v for v in self.query(ExchangeView) if v.exchange is exchange), None)
        if view is None:
            return
        await view.recompose()
        new_card = view.card
        if new_card is not None:
            self.current_card = new_card
            new_card.focus()
            new_card.select_edge(last=False)
        self._refresh_core()

    # --- spiekbriefje -------------------------------------------------------------------------
    @guarded
    def pin(self, pin: Pin) -> None:
        if not self.cheatsheet.add(pin):
            self.app.notify("Deze regel staat al op het spiekbriefje.", markup=False)
            return
        self.cheatsheet_dirty = True
        self.query_one(CheatsheetPanel).show(self.cheatsheet.pins)
        roomy = self.size.width >= AUTO_SIDE_WIDTH
        if not self.show_cheatsheet and len(self.cheatsheet) == 1 and roomy:
            self.show_cheatsheet = True
            self._layout_side()
        self.app.notify(f"Vastgepind ({len(self.cheatsheet)} op het spiekbriefje, F3).",
                        markup=False)

    @on(PinList.Action)
    @guarded
    def _pin_action(self, message: PinList.Action) -> None:
        self.pin_action(message.name, message.index, message.argument)

    @guarded
    def pin_action(self, name: str, index: int | None = None, argument: int = 0) -> None:
        """Move, remove or copy a pinned line (default: the one selected in the panel)."""
        if index is None:
            index = self.query_one(PinList).cursor
        if name == "clear":
            self.action_clear_cheatsheet()
            return
        if not 0 <= index < len(self.cheatsheet):
            self.app.notify("Kies eerst een regel op het spiekbriefje (F3).", severity="warning",
                            markup=False)
            return
        if name == "move":
            index = self.cheatsheet.move(index, argument)
            self.cheatsheet_dirty = True
            self.query_one(CheatsheetPanel).show(self.cheatsheet.pins, index)
        elif name == "remove":
            self.cheatsheet.remove(index)
            self.cheatsheet_dirty = True
            self.query_one(CheatsheetPanel).show(self.cheatsheet.pins,
                                                 min(index, len(self.cheatsheet) - 1))
        elif name == "copy":
            self.briefing.copy(self.cheatsheet.pins[index].text, "Regel gekopieerd")

    @guarded
    def action_clear_cheatsheet(self) -> None:
        if not self.cheatsheet.pins:
            self.app.notify("Het spiekbriefje is al leeg.", markup=False)
            return

        def done(yes: bool | None) -> None:
            if yes:
                count = self.cheatsheet.clear()
                self.cheatsheet_dirty = False
                self.query_one(CheatsheetPanel).show([])
                self.app.notify(f"Spiekbriefje gewist ({count} regels).", markup=False)

        self.app.push_screen(ConfirmScreen(
            f"Spiekbriefje wissen ({len(self.cheatsheet)} regels)? Sla het eventueel eerst op "
            "met ctrl+s."), done)

    @guarded
    def action_save_cheatsheet(self) -> None:
        if not self.cheatsheet.pins:
            self.app.notify("Het spiekbriefje is leeg: pin eerst regels met spatie.",
                            severity="warning", markup=False)
            return
        app = self.briefing
        dossier = app.kb.dossier(app.active_dossier) if app.kb and app.active_dossier else None
        self._save_cheatsheet(list(self.cheatsheet.pins), app.now(),
                              dossier.title if dossier else None)

    @work(thread=True, exclusive=True, exit_on_error=False, group="save")
    def _save_cheatsheet(self, pins: list[Pin], when: datetime, dossier: str | None) -> None:
        sheet = Cheatsheet(pins=pins)
        try:
            path = sheet.save(self.briefing.cheatsheet_dir, when, dossier)
        except OSError as exc:
            self.post_message(CheatsheetSaved(None, str(exc.strerror or exc)))
            return
        self.post_message(CheatsheetSaved(str(path), None))

    @on(CheatsheetSaved)
    @guarded
    def _saved(self, message: CheatsheetSaved) -> None:
        if message.error:
            self.app.notify(f"Opslaan mislukt: {message.error}", severity="error", markup=False)
        else:
            self.last_saved = message.path
            self.cheatsheet_dirty = False
            self.app.notify(f"Opgeslagen als {message.path}", title="Spiekbriefje opgeslagen",
                            markup=False)

    # --- side panels -------------------------------------------------------------------------
    @guarded
    def action_toggle_cheatsheet(self) -> None:
        pins = self.query_one(PinList)
        if self.show_cheatsheet and not pins.has_focus:
            pins.focus()  # visible but elsewhere: go there first
            return
        self.show_cheatsheet = not self.show_cheatsheet
        self._layout_side()
        if self.show_cheatsheet:
            pins.focus()
        elif pins.has_focus or self.focused is None:
            self.input.focus()

    @guarded
    def action_toggle_core(self) -> None:
        self.show_core = not self.show_core
        self._layout_side()
        self._refresh_core()
        if not self.show_core and self.focused is None:
            self.input.focus()

    def _layout_side(self) -> None:
        self.query_one("#cheatsheet").display = self.show_cheatsheet
        self.query_one("#core").display = self.show_core
        self.query_one("#side").display = self.show_cheatsheet or self.show_core

    def _refresh_core(self) -> None:
        if not self.show_core:
            return
        app = self.briefing
        dossier, active = None, False
        if app.kb is not None:
            if app.active_dossier:
                dossier, active = app.kb.dossier(app.active_dossier), True
            else:
                card = self.card_for_action()
                if card is not None:
                    dossier = app.kb.dossier(card.result.dossier_id)
        self.query_one(CoreMessagePanel).show(dossier, active)

    # --- conversation ------------------------------------------------------------------------
    @guarded
    async def clear_conversation(self) -> None:
        self.conversation = Conversation()
        self.current_card = None
        view = self.query_one(ConversationView)
        await view.remove_children()
        await view.recompose()
        self.input.focus()
        self.run_live_search()

    # --- errors ------------------------------------------------------------------------------
    @on(Worker.StateChanged)
    def _worker_failed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self.briefing.report_worker_error(event.worker)
            if event.worker.group == "ask" and not self.input.value and self._asking:
                self.input.value = self._asking  # the question is not lost: Enter retries
                self.input.cursor_position = len(self._asking)
