"""The chat screen: conversation above, live matches and the question input below."""

from __future__ import annotations

from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any, Callable, cast

from textual import on, work
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Input
from textual.worker import Worker, WorkerState

from briefing.app.actions import BY_ID, bindings
from briefing.app.cheatsheet import Cheatsheet, Pin
from briefing.app.conversation import Conversation, Exchange, card_text, follow_up_context
from briefing.app.host import DeskHost
from briefing.app.marking import marked_block, marked_line
from briefing.app.meeting import AskedQuestion, Meeting, clear_meeting, load_meeting, save_meeting
from briefing.app.messages import (AnswerChosen, Answered, CheatsheetSaved, LiveResults,
                                   MeetingRestored)
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

RESULT_LIMIT = 10
# Show the side panel by itself on the first pin only when there is room for it.
AUTO_SIDE_WIDTH = 110


class MainScreen(Screen):
    """Owns the conversation, the spiekbriefje and the live search."""

    AUTO_FOCUS = "#question"

    BINDINGS = bindings("main")

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
        # The meeting on disk is restored once, when the engine is first ready; until then
        # nothing is saved (an empty desk must not overwrite the stored meeting).
        self._restored = False
        self._restoring = False
        self._held_pins: list[Pin] = []  # restored pins under embargo: kept, not shown

    @property
    def briefing(self) -> DeskHost:
        """The app, through the small interface the screen needs (no import of app.py)."""
        return cast(DeskHost, self.app)

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
        if getattr(self.app, "example", False):
            # The bundled example: said where the answers will come, until the first question
            # (a toast would cover the first answer).
            from briefing.location import EXAMPLE_NOTICE

            self.query_one(ConversationView).show_notice(f"Voorbeeld. {EXAMPLE_NOTICE}")
        if self.briefing.knowledge_version:
            self._knowledge_changed()  # loaded before this screen was there to watch
        if self.briefing.on_ready is not None:
            self.call_after_refresh(self.briefing.on_ready, self.briefing, "input")

    @property
    def input(self) -> QuestionInput:
        return self.query_one(QuestionInput)

    def flash(self, text: str, severity: str = "information", timeout: float | None = 4) -> None:
        """A short message in the status line (it never covers the answer)."""
        self.query_one(StatusBar).flash(text, severity, timeout)

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
        if self.briefing.engine is None:
            return
        if not self._restored and not self._restoring:
            self._restore_meeting()
            return
        self._ask_pending()

    def _ask_pending(self) -> None:
        if self._pending_question is not None and self.briefing.engine is not None:
            question, self._pending_question = self._pending_question, None
            self.ask(question)

    @guarded
    def _scope_changed(self) -> None:
        self.refresh_status()
        self._refresh_core()
        self.run_live_search()
        self.save_meeting()

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
            self.briefing.say("De kennisbank wordt nog geladen; de vraag komt zo in het gesprek.")
            return
        self.ask(text)

    def ask(self, text: str) -> None:
        """Put the best card for text into the conversation (searched in a worker)."""
        app = self.briefing
        parsed = parse_query(text, app.kb.registers if app.kb else None)
        if parsed.is_empty:
            self.briefing.say("Typ ook een paar woorden van de vraag.", severity="warning")
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
        item = await self._add_exchange(exchange)
        card = item.card
        if card is not None:
            self.current_card = card
            card.select_edge(last=False)
            self.set_focus(card, scroll_visible=False)
        self._refresh_core()
        self.save_meeting()
        if exchange.no_answer:
            self.briefing.record_miss(exchange.query)

    async def _add_exchange(self, exchange: Exchange, *, bring_into_view: bool = True
                            ) -> ExchangeView:
        """Mount an exchange below the others; earlier ones fold their alternatives."""
        self.conversation.exchanges.append(exchange)
        view = self.query_one(ConversationView)
        welcome = view.query("#welcome")
        if welcome:
            await welcome.remove()
        for earlier in view.exchanges():
            earlier.set_latest(False)
        item = ExchangeView(exchange, len(self.conversation.exchanges) - 1,
                            embargoed_dossiers=self.briefing.embargoed_ids, marking=self._marking)
        item.set_latest(True)
        await view.mount(item)
        if bring_into_view:
            # Once laid out: the new question at the top of the conversation.
            self.call_after_refresh(self.bring_into_view, item)
        return item

    def _marking(self, dossier_id: str) -> str | None:
        return self.briefing.marking(dossier_id)

    def bring_into_view(self, item: ExchangeView, attempt: int = 0) -> None:
        """The question at the top of the conversation and, as far as they fit, its answer
        lines below it; the best line is always in view (if the card is taller than the view,
        the question gives way to it)."""
        if not item.is_attached:
            return
        view = self.query_one(ConversationView)
        content = view.scrollable_content_region
        # Screen regions exist for widgets out of view too; make them positions in the view.
        top = item.region.y - content.y + round(view.scroll_y)
        target = top
        card = item.card
        best = card.best_item() if card is not None else None
        if best is not None:
            best_bottom = best.region.bottom - content.y + round(view.scroll_y)
            if best_bottom - top > content.height:
                target = best_bottom - content.height
        if round(view.scroll_y) != target:
            view.scroll_to(y=target, animate=False, immediate=True)
        if attempt < 2:
            # Earlier turns fold in the same refresh, which moves this one up: look again
            # once that layout is done (a no-op when it is already in place).
            self.call_after_refresh(self.bring_into_view, item, attempt + 1)

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
            # The card looked at shows its alternatives; other earlier turns stay folded.
            for view in self.query(ExchangeView):
                view.set_open(view.card is event.widget)
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
            self.briefing.say("Er staat nog geen antwoord in het gesprek.", severity="warning")
            return
        marking = self.briefing.marking(card.result.dossier_id)
        if name == "copy_line":
            text = line_text or card.selected_text
            if text is None:
                card.select_edge(last=False)
                text = card.selected_text
            if text is None:
                self.briefing.say("Deze kaart heeft geen regels.", severity="warning")
                return
            self.briefing.copy(marked_line(text, marking), "Regel gekopieerd")
            self._chosen(card, "copy", text)
        elif name == "copy_card":
            self.briefing.copy(marked_block(card_text(card.result), marking), "Kaart gekopieerd")
            self._chosen(card, "copy", None)
        elif name == "pin":
            text = line_text or card.selected_text
            if text is None:
                self.briefing.say("Kies eerst een regel (↑↓).", severity="warning")
                return
            if self.pin(Pin(text=text, card_id=card.result.card_id,
                            card_title=card.result.question or card.result.title,
                            dossier_title=card.result.dossier_title, marking=marking,
                            dossier_id=card.result.dossier_id)):
                self._chosen(card, "pin", text)
        elif name == "alternative":
            await self.open_alternative(card, argument)
        elif name in ("next_line", "previous_line"):
            card.focus()
            card.action_cursor(1 if name == "next_line" else -1)

    def _chosen(self, card: AnswerCard, action: str, line_text: str | None) -> None:
        """Tell whoever records choices (issue 10 §4) which card answered which question."""
        exchanges = self.conversation.exchanges
        if not 0 <= card.exchange_index < len(exchanges):
            return
        exchange = exchanges[card.exchange_index]
        line = None
        if line_text is not None:
            texts = card.result.line_texts
            line = texts.index(line_text) if line_text in texts else None
        self.post_message(AnswerChosen(exchange.query, card.result.card_id, exchange.chosen,
                                       action, line))

    async def open_alternative(self, card: AnswerCard, number: int) -> None:
        exchanges = self.conversation.exchanges
        if not 0 <= card.exchange_index < len(exchanges):
            return
        exchange = exchanges[card.exchange_index]
        if number >= len(exchange.results):
            self.briefing.say(f"Er is geen ander antwoord {number}.", severity="warning")
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
        self.save_meeting()

    # --- spiekbriefje -------------------------------------------------------------------------
    def pin(self, pin: Pin) -> bool:
        """Pin a line (False when it was pinned already)."""
        if not self.cheatsheet.add(pin):
            self.briefing.say("Deze regel staat al op het spiekbriefje.")
            return False
        self.cheatsheet_dirty = True
        self.query_one(CheatsheetPanel).show(self.cheatsheet.pins)
        roomy = self.size.width >= AUTO_SIDE_WIDTH
        if not self.show_cheatsheet and len(self.cheatsheet) == 1 and roomy:
            self.show_cheatsheet = True
            self._layout_side()
        self.briefing.say(f"Vastgepind ({len(self.cheatsheet)} op het spiekbriefje, F3).")
        self.save_meeting()
        return True

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
            self.briefing.say("Kies eerst een regel op het spiekbriefje (F3).", severity="warning")
            return
        if name == "move":
            index = self.cheatsheet.move(index, argument)
            self.cheatsheet_dirty = True
            self.query_one(CheatsheetPanel).show(self.cheatsheet.pins, index)
            self.save_meeting()
        elif name == "remove":
            self.cheatsheet.remove(index)
            self.cheatsheet_dirty = True
            self.query_one(CheatsheetPanel).show(self.cheatsheet.pins,
                                                 min(index, len(self.cheatsheet) - 1))
            self.save_meeting()
        elif name == "copy":
            self.briefing.copy(self.cheatsheet.pins[index].marked_text, "Regel gekopieerd")

    @guarded
    def action_clear_cheatsheet(self) -> None:
        if not self.cheatsheet.pins:
            self.briefing.say("Het spiekbriefje is al leeg.")
            return

        def done(yes: bool | None) -> None:
            if yes:
                count = self.cheatsheet.clear()
                self.cheatsheet_dirty = False
                self.query_one(CheatsheetPanel).show([])
                self.save_meeting()
                self.briefing.say(f"Spiekbriefje gewist ({count} regels).")

        self.app.push_screen(ConfirmScreen(
            f"Spiekbriefje wissen ({len(self.cheatsheet)} regels)? Sla het eventueel eerst op "
            "met ctrl+s."), done)

    @guarded
    def action_save_cheatsheet(self) -> None:
        if not self.cheatsheet.pins:
            self.briefing.say("Het spiekbriefje is leeg: pin eerst regels met spatie.",
                            severity="warning")
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
            self.briefing.say(f"Opslaan mislukt: {message.error}", severity="error")
        else:
            self.last_saved = message.path
            self.cheatsheet_dirty = False
            self.briefing.say(f"Opgeslagen als {message.path}", title="Spiekbriefje opgeslagen")

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
        # The conversation gets narrower or wider and its lines rewrap: once laid out again,
        # the line the adviser had selected is brought back into view.
        self.call_after_refresh(self._keep_selection_in_view)

    def _keep_selection_in_view(self) -> None:
        card = self.current_card
        if card is None or not card.is_attached:
            return
        selected = card.selected
        if selected is not None:
            self.query_one(ConversationView).scroll_to_widget(selected, animate=False,
                                                               immediate=True)

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
        if dossier is not None and not app.embargo and dossier.id in app.embargoed_ids:
            dossier = None  # its kernboodschap is under embargo: not without --embargo
        marking = app.marking(dossier.id) if dossier is not None and dossier.id else None
        self.query_one(CoreMessagePanel).show(dossier, active, marking)

    # --- the meeting: kept on disk, restored at start, "Nieuwe vergadering" clears it -------
    @property
    def _data_dir(self) -> Path | None:
        return self.briefing.data_dir

    def meeting(self) -> Meeting:
        """The meeting as it stands: what is kept for the next start."""
        questions = [AskedQuestion(e.query, e.context, e.card.card_id if e.card else None)
                     for e in self.conversation.exchanges]
        return Meeting(active_dossier=self.briefing.active_dossier, questions=questions,
                       pins=list(self.cheatsheet.pins) + self._held_pins)

    def save_meeting(self) -> None:
        """Keep the meeting on disk (in a worker; the newest state wins)."""
        if not self._restored or self._data_dir is None:
            return
        self._write_meeting(self._data_dir, self.meeting())

    @work(thread=True, exclusive=True, exit_on_error=False, group="meeting")
    def _write_meeting(self, folder: Path, meeting: Meeting) -> None:
        save_meeting(folder, meeting)

    async def save_meeting_now(self) -> None:
        """At quit: wait for a write under way, then write the last state."""
        if not self._restored or self._data_dir is None:
            return
        await self.app.workers.wait_for_complete(
            [w for w in self.app.workers if w.group == "meeting"])
        try:
            save_meeting(self._data_dir, self.meeting())
        except OSError as exc:
            self.briefing.say(f"Vergadering kon niet worden bewaard: {exc.strerror or exc}",
                              severity="error")

    def _restore_meeting(self) -> None:
        self._restoring = True
        if self._data_dir is None:
            self._restored, self._restoring = True, False
            self._ask_pending()
            return
        app = self.briefing
        self._read_meeting(self._data_dir, app.include_concept, app.embargo)

    @work(thread=True, exclusive=True, exit_on_error=False, group="restore")
    def _read_meeting(self, folder: Path, include_concept: bool, embargo: bool) -> None:
        meeting, problem = load_meeting(folder)
        app = self.briefing
        kb = app.kb
        active = meeting.active_dossier
        if active and (kb is None or kb.dossier(active) is None):
            active = None
        exchanges: list[Exchange] = []
        previous: Exchange | None = None
        for asked in meeting.questions:
            parsed = parse_query(asked.query, kb.registers if kb else None)
            if parsed.is_empty:
                continue
            context = asked.context if previous is not None else None
            options = SearchOptions(limit=RESULT_LIMIT, member=parsed.member, party=parsed.party,
                                    dossier=active, include_concept=include_concept,
                                    include_embargo=embargo, context=context)
            results, no_answer = app.search(parsed.search_text, options)
            exchange = Exchange(query=asked.query, results=results, no_answer=no_answer,
                                context=context, filters=parsed.filter_label())
            ids = [r.card_id for r in results]
            if asked.card_id in ids:
                exchange.chosen = ids.index(asked.card_id)
            exchanges.append(exchange)
            previous = exchange
        self.post_message(MeetingRestored(exchanges, meeting.pins, active, problem))

    @on(MeetingRestored)
    @guarded
    async def _meeting_restored(self, message: MeetingRestored) -> None:
        app = self.briefing
        try:
            if message.problem:
                self.briefing.say(message.problem, severity="warning")
            shown, held = [], []
            for pin in message.pins:
                dossier = app.kb.dossier(pin.dossier_id) if app.kb and pin.dossier_id else None
                if dossier is not None and not app.embargo and dossier.id in app.embargoed_ids:
                    held.append(pin)  # under embargo now: kept in the file, not shown
                    continue
                if dossier is not None and dossier.id:
                    # The marking as it is now (an embargo may have passed).
                    pin = Pin(pin.text, pin.card_id, pin.card_title, pin.dossier_title,
                              app.marking(dossier.id), pin.dossier_id)
                shown.append(pin)
            self._held_pins = held
            for pin in shown:
                self.cheatsheet.add(pin)
            if self.cheatsheet.pins:
                self.query_one(CheatsheetPanel).show(self.cheatsheet.pins)
                # Not known to be saved as Markdown: "Nieuwe vergadering" asks before wiping.
                self.cheatsheet_dirty = True
            if message.active_dossier and message.active_dossier != app.active_dossier:
                app.set_active_dossier(message.active_dossier, quiet=True)
            last = None
            for exchange in message.exchanges:
                last = await self._add_exchange(exchange, bring_into_view=False)
            if last is not None:
                self.call_after_refresh(self.bring_into_view, last)
            if message.exchanges or shown:
                asked, pinned = len(message.exchanges), len(shown)
                self.briefing.say(
                    f"{asked} {'vraag' if asked == 1 else 'vragen'}, {pinned} "
                    f"{'regel' if pinned == 1 else 'regels'} op het spiekbriefje (ctrl+p → "
                    "Nieuwe vergadering begint opnieuw)", title="Vergadering hervat")
            if held:
                self.briefing.say(f"{len(held)} vastgepinde regels staan onder embargo en "
                                  "worden niet getoond (start met --embargo).",
                                  severity="warning")
        finally:
            self._restored, self._restoring = True, False
        self._ask_pending()

    @guarded
    def action_new_meeting(self) -> None:
        """Clear the conversation, the spiekbriefje and the active dossier (asks first when
        there are pinned lines that were never saved)."""
        if self.cheatsheet.pins and self.cheatsheet_dirty:
            def done(yes: bool | None) -> None:
                if yes:
                    self.run_worker(self.new_meeting(), group="new-meeting")

            self.app.push_screen(ConfirmScreen(
                f"Nieuwe vergadering: gesprek en spiekbriefje ({len(self.cheatsheet)} regels, "
                "niet opgeslagen) wissen? (n en dan ctrl+s slaat het spiekbriefje op)"), done)
            return
        self.run_worker(self.new_meeting(), group="new-meeting")

    async def new_meeting(self) -> None:
        self.cheatsheet.clear()
        self._held_pins = []
        self.cheatsheet_dirty = False
        self.query_one(CheatsheetPanel).show([])
        await self.clear_conversation()
        self.briefing.set_active_dossier(None, quiet=True)
        if self._data_dir is not None:
            try:
                clear_meeting(self._data_dir)
            except OSError:
                pass
        self.briefing.say("Gesprek, spiekbriefje en actief dossier zijn leeg.",
                          title="Nieuwe vergadering")

    @guarded
    async def clear_conversation(self) -> None:
        self.conversation = Conversation()
        self.current_card = None
        view = self.query_one(ConversationView)
        await view.remove_children()
        await view.recompose()
        self.input.focus()
        self.run_live_search()

    # --- the action table: the palette runs actions on the widget of their scope -------------
    def run_registered(self, action_id: str, argument: int | None = None) -> None:
        self.run_worker(self._run_registered(action_id, argument), group="palette")

    async def _run_registered(self, action_id: str, argument: int | None) -> None:
        entry = BY_ID[action_id]
        action = f"{entry.action}({argument})" if argument is not None else entry.action
        target: Any
        if entry.scope == "app":
            target = self.app
        elif entry.scope == "main":
            target = self
        elif entry.scope == "input":
            target = self.input
            target.focus()
        elif entry.scope in ("card", "lines"):
            target = self.card_for_action()
            if target is None:
                self.briefing.say("Er staat nog geen antwoord in het gesprek.",
                                  severity="warning")
                return
            target.focus()
            if target.cursor < 0:
                target.cursor = max(0, min(target.initial_cursor(), len(target.items()) - 1))
        else:  # pins
            target = self.query_one(PinList)
            if not self.cheatsheet.pins:
                self.briefing.say("Het spiekbriefje is leeg: pin eerst regels met spatie.",
                                  severity="warning")
                return
            if not self.show_cheatsheet:
                self.show_cheatsheet = True
                self._layout_side()
            target.focus()
            if target.cursor < 0:
                target.cursor = 0
        await self.app.run_action(action, target)

    def palette_extras(self) -> list[tuple[str, Callable[[], object], str]]:
        """Palette entries that change with the meeting: the other answers of the card."""
        out: list[tuple[str, Callable[[], object], str]] = []
        card = self.card_for_action()
        exchanges = self.conversation.exchanges
        exchange = None
        if card is not None and 0 <= card.exchange_index < len(exchanges):
            exchange = exchanges[card.exchange_index]
        elif exchanges:
            exchange = exchanges[-1]
        if exchange is not None:
            for number, result in exchange.alternatives:
                label = " ".join((result.question or result.title).split())
                out.append((f"Ander antwoord {number}: {label[:70]}",
                            partial(self.run_registered, "card.alternative", number),
                            f"toets {number} op de kaart: toon dit antwoord"))
        return out

    # --- errors ------------------------------------------------------------------------------
    @on(Worker.StateChanged)
    def _worker_failed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self.briefing.report_worker_error(event.worker)
            if event.worker.group == "ask" and not self.input.value and self._asking:
                self.input.value = self._asking  # the question is not lost: Enter retries
                self.input.cursor_position = len(self._asking)
