"""The Textual app: knowledge lifecycle (load, watch, reload), global toggles and services."""

from __future__ import annotations

import importlib
import importlib.util
import time
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

from textual import on, work
from textual.app import App
from textual.command import CommandPalette
from textual.reactive import reactive
from textual.worker import Worker, WorkerState

from briefing.app.actions import bindings
from briefing.app.clipboard import CLIPBOARD_FILE, fallback_copy
from briefing.app.commands import BriefingCommands, DossierCommands
from briefing.app.conversation import clean_result, visible
from briefing.app.host import Engine
from briefing.app.labels import short_title
from briefing.app.learning import ChoiceHook
from briefing.app.marking import dossier_marking
from briefing.app.messages import CopyDone, KnowledgeChanged, KnowledgeFailed, KnowledgeReady
from briefing.app.safety import guarded
from briefing.app.screens.dialogs import HelpScreen, ProblemsScreen
from briefing.app.screens.main import MainScreen
from briefing.app.watch import changed_files, signature
from briefing.model.knowledge import KnowledgeBase, is_under_embargo
from briefing.model.loading import load_knowledge
from briefing.safetext import printable
from briefing.search.results import Result, SearchOptions

EngineFactory = Callable[[KnowledgeBase], Engine]

# Dutch names for the themes offered; the "terminal" ones use the terminal's own ANSI colours.
THEMES = {"donker": "textual-dark", "licht": "textual-light", "terminal": "ansi-dark",
          "terminal-licht": "ansi-light"}


def default_engine_factory(kb: KnowledgeBase) -> Engine:
    from briefing.search import SearchEngine

    return SearchEngine.open(kb)


class BriefingApp(App[int]):
    """The live answer desk. Build it with `briefing.app.factory.make_app`."""

    CSS_PATH = "styles/app.tcss"
    TITLE = "briefing"
    COMMANDS = {BriefingCommands}
    ENABLE_COMMAND_PALETTE = True

    BINDINGS = bindings("app")

    knowledge_version: reactive[int] = reactive(0, init=False)
    include_concept: reactive[bool] = reactive(False, init=False)
    active_dossier: reactive[str | None] = reactive(None, init=False)

    def __init__(self, kb_path: Path, *, embargo: bool = False,
                 engine_factory: EngineFactory | None = None,
                 data_dir: Path | None = None,
                 clipboard_commands: list[list[str]] | None = None,
                 watch_interval: float | None = 1.0,
                 now: Callable[[], datetime] | None = None,
                 on_ready: Callable[[BriefingApp, str], None] | None = None,
                 theme: str | None = None,
                 cursor_blink: bool = True,
                 flash_timeouts: bool = True,
                 raise_errors: bool = False,
                 example: bool = False) -> None:
        super().__init__()
        self.kb_path = Path(kb_path)
        self.embargo = embargo
        self.engine_factory = engine_factory or default_engine_factory
        self.data_dir = data_dir
        self.clipboard_commands = clipboard_commands
        self.watch_interval = watch_interval
        self.now = now or datetime.now
        self.on_ready = on_ready  # on_ready(app, "input" | "engine"): for the start-up benchmark
        self.cursor_blink = cursor_blink  # off in snapshot tests, so every frame is the same
        self.flash_timeouts = flash_timeouts  # off in tests: a message stays until the next
        self.raise_errors = raise_errors  # tests: a bug in a handler fails the test (see safety)
        self.example = example  # the bundled example (read-only): marked, with how to start one's own
        self.kb: KnowledgeBase | None = None
        self.engine: Engine | None = None
        self.engine_error: str | None = None
        self.embargoed_ids: frozenset[str] = frozenset()
        self.signature: tuple = ()
        self.loading = False
        self.last_copy: CopyDone | None = None
        self._told_clipboard_file = False
        self.choice_hook = ChoiceHook()  # keuzes_bijhouden (briefing learn)
        self.said: list[str] = []  # what say() told the adviser, newest last (tests read it)
        if theme:
            self.set_theme(theme, quiet=True)

    # --- screens -----------------------------------------------------------------------------
    def get_default_screen(self) -> MainScreen:
        return MainScreen()

    @property
    def main(self) -> MainScreen:
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                return screen
        raise LookupError("main screen missing")

    def on_mount(self) -> None:
        self.remove_clipboard_file()  # left by a session that did not end normally
        self.loading = True
        self._load("start", None, [])
        if self.watch_interval:
            self.set_interval(self.watch_interval, self.poll_knowledge, name="watch")

    # --- knowledge: load, watch, reload --------------------------------------------------------
    @work(thread=True, exclusive=True, exit_on_error=False, group="knowledge")
    def _load(self, reason: str, previous: KnowledgeBase | None, changed: list[str]) -> None:
        started = time.perf_counter()
        sig = signature(self.kb_path)
        if previous is not None and not self.kb_path.is_dir():
            # A folder that vanished (a branch switch, a network drive) must not empty the desk.
            self.post_message(KnowledgeFailed(
                reason, f"de map {self.kb_path} is niet bereikbaar; de vorige versie blijft in "
                "gebruik", sig))
            return
        try:
            kb = load_knowledge(self.kb_path, previous=previous)
            engine = self.engine_factory(kb)
        except Exception as exc:  # the app must keep running with what it had
            self.post_message(KnowledgeFailed(reason, f"{type(exc).__name__}: {exc}", sig))
            return
        self.post_message(KnowledgeReady(kb, engine, reason, changed, sig,
                                         time.perf_counter() - started))

    @guarded
    def poll_knowledge(self) -> None:
        if not self.loading:
            self._check_changes(self.signature)

    @work(thread=True, exclusive=True, exit_on_error=False, group="watch")
    def _check_changes(self, known: tuple) -> None:
        current = signature(self.kb_path)
        if current != known:
            self.post_message(KnowledgeChanged(current, changed_files(known, current)))

    @on(KnowledgeChanged)
    @guarded
    def _knowledge_changed(self, message: KnowledgeChanged) -> None:
        if self.loading or message.signature == self.signature:
            return
        self.reload(message.changed)

    def reload(self, changed: list[str] | None = None) -> None:
        """Read the knowledge folder again (keeps the last good version of a broken file)."""
        self.loading = True
        self.main.refresh_status()
        self._load("reload", self.kb, changed or [])

    @on(KnowledgeReady)
    @guarded
    def _knowledge_ready(self, message: KnowledgeReady) -> None:
        self.loading = False
        old_errors = {p.format(self.kb_path) for p in (self.kb.errors if self.kb else [])}
        self.kb, self.engine, self.engine_error = message.kb, message.engine, None
        self.signature = message.signature
        self.embargoed_ids = frozenset(d.id for d in message.kb.dossiers
                                       if d.id and is_under_embargo(d))
        if self.active_dossier and (
                message.kb.dossier(self.active_dossier) is None
                or (not self.embargo and self.active_dossier in self.embargoed_ids)):
            self.active_dossier = None
        self.knowledge_version += 1
        errors = message.kb.errors
        if message.reason == "reload":
            names = ", ".join(message.changed[:3]) or "kennisbank"
            if not errors:
                self.say(f"Bijgewerkt: {printable(names)}",
                         title="Kennisbank opnieuw ingelezen")
        new = [p for p in errors if p.format(self.kb_path) not in old_errors]
        shown = (new if message.reason == "reload" else errors)[:3]
        if shown:
            # One toast for all of them: stacked toasts would climb over the answer.
            self.say("\n".join(printable(f"{p.location(self.kb_path)}: {p.message}")
                               for p in shown),
                     title="Fout in de kennisbank (vorige versie blijft in gebruik)"
                     if message.reason == "reload" else "Fout in de kennisbank",
                     severity="error")
        if message.reason == "start" and self.on_ready is not None:
            self.call_after_refresh(self.on_ready, self, "engine")

    @on(KnowledgeFailed)
    @guarded
    def _knowledge_failed(self, message: KnowledgeFailed) -> None:
        self.loading = False
        self.signature = message.signature  # do not retry in a loop; the next edit retries
        if self.engine is None:
            self.engine_error = message.error
        self.knowledge_version += 1
        self.say(printable(message.error), title="Kennisbank kon niet worden geladen",
                 severity="error", timeout=15)

    def knowledge_summary(self) -> tuple[str, str]:
        """Status text and level for the status bar."""
        if self.kb is None:
            if self.engine_error:
                return "Kennisbank niet geladen (ctrl+p → meldingen)", "error"
            return "Kennisbank laden…", "loading"
        stats = self.kb.stats()
        dossiers, questions = stats["dossiers"], stats["vragen"]
        base = (f"{dossiers} {'dossier' if dossiers == 1 else 'dossiers'} · "
                f"{questions} {'vraag' if questions == 1 else 'vragen'}")
        if self.example:
            base = f"VOORBEELD · {base}"
        if self.loading:
            return f"{base} · bijwerken…", "loading"
        errors, warnings = len(self.kb.errors), len(self.kb.warnings)
        if errors:
            return f"⚠ {errors} {'fout' if errors == 1 else 'fouten'} in de kennisbank", "error"
        if self.engine is None:
            return f"{base} · zoeken niet beschikbaar", "error"
        if warnings:
            return f"{base} · {warnings} waarsch.", "warning"
        return base, "ok"

    # --- searching ---------------------------------------------------------------------------
    def search(self, query: str, options: SearchOptions) -> tuple[list[Result], bool]:
        """Search with the current engine (any thread); returns (visible results, no_answer)."""
        engine = self.engine
        if engine is None:
            return [], True
        results = engine.search(query, options)
        results = visible(results, include_concept=options.include_concept,
                          include_embargo=options.include_embargo,
                          embargoed=self.embargoed_ids)
        # Knowledge text is untrusted: no terminal control sequence reaches a widget or the
        # clipboard.
        results = [clean_result(r) for r in results]
        return results, bool(engine.no_good_answer(results))

    @work(thread=True, exit_on_error=False, group="misses")
    def record_miss(self, query: str) -> None:
        """Note a question without a confident answer, if the adviser switched that on."""
        try:
            misses = importlib.import_module("briefing.maintain.misses")
        except ImportError:
            return  # not available in this version
        if misses.misses_enabled():
            misses.record_miss(query, dossier=self.active_dossier)

    @guarded
    def on_answer_chosen(self, message) -> None:
        """A copy or pin from a card (AnswerChosen): a choice for `briefing learn`."""
        self.choice_hook.handle(self, message)

    # --- messages to the adviser ------------------------------------------------------------
    def say(self, message: str, *, title: str = "", severity: str = "information",
            timeout: float | None = None) -> None:
        """Tell the adviser something without covering the answer.

        Information and warnings go to the status line (top row) for a few seconds; only
        errors become a toast, and only one at a time, over the input at the bottom."""
        self.said.append(f"{title} {message}".strip())
        del self.said[:-50]
        if severity == "error":
            self.clear_notifications()
            self.notify(message, title=title, severity="error", timeout=timeout or 12,
                        markup=False)
            return
        try:
            main = self.main
        except LookupError:
            self.notify(message, title=title, severity=severity, markup=False)  # type: ignore[arg-type]
            return
        seconds = timeout or (6 if severity == "warning" else 4)
        main.flash(f"{title}: {message}" if title else message, severity,
                   seconds if self.flash_timeouts else None)

    # --- clipboard ---------------------------------------------------------------------------
    @guarded
    def copy(self, text: str, what: str) -> None:
        """Copy via OSC 52 and, in the background, via a native tool and klembord.txt.

        The caller passes the text as it must travel: with its marking when it comes from a
        dossier that is not openbaar."""
        self.copy_to_clipboard(text)
        preview = " ".join(text.split())
        self.say(preview, title=what)
        self._copy_fallback(text, what)

    @work(thread=True, exclusive=True, exit_on_error=False, group="clipboard")
    def _copy_fallback(self, text: str, what: str) -> None:
        from briefing.app.clipboard import detect_commands

        commands = self.clipboard_commands
        if commands is None:
            commands = detect_commands()
        outcome = fallback_copy(text, self.data_dir, commands)
        self.post_message(CopyDone(what, outcome.tool,
                                   str(outcome.file) if outcome.file else None, outcome.error))

    @on(CopyDone)
    @guarded
    def _copy_done(self, message: CopyDone) -> None:
        self.last_copy = message
        if message.error:
            self.say(message.error, severity="warning")
        elif message.tool is None and message.file and not self._told_clipboard_file:
            # Once per session: where to find the text if the terminal ignored OSC 52.
            self._told_clipboard_file = True
            self.say(f"Werkt plakken niet? De tekst staat ook in {message.file} (tot u "
                     "afsluit)", timeout=8)

    def remove_clipboard_file(self) -> None:
        """klembord.txt holds copied (possibly classified) text: it lasts only a session."""
        if self.data_dir is None:
            return
        try:
            (self.data_dir / CLIPBOARD_FILE).unlink(missing_ok=True)
        except OSError:
            pass

    def on_unmount(self) -> None:
        self.remove_clipboard_file()

    @property
    def cheatsheet_dir(self) -> Path:
        return (self.data_dir or Path.cwd()) / "spiekbriefjes"

    def marking(self, dossier_id: str) -> str | None:
        """The marking text of a dossier's classification and running embargo, or None."""
        if self.kb is None:
            return None
        return dossier_marking(self.kb.dossier(dossier_id), self._now_aware())

    def _now_aware(self) -> datetime:
        now = self.now()
        return now if now.tzinfo is not None else now.astimezone()

    def selectable_dossiers(self) -> list:
        """The dossiers F5 offers: never one under embargo unless started with --embargo."""
        if self.kb is None:
            return []
        return [d for d in self.kb.dossiers if self.embargo or d.id not in self.embargoed_ids]

    # --- actions -----------------------------------------------------------------------------
    @guarded
    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_command_palette(self) -> None:
        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(id="--command-palette",
                                            placeholder="Zoek een opdracht of dossier…"))

    @guarded
    def action_choose_dossier(self) -> None:
        if not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(providers=[DossierCommands],
                                            id="--command-palette",
                                            placeholder="Kies het dossier van deze vergadering…"))

    @guarded
    def set_active_dossier(self, dossier_id: str | None, quiet: bool = False) -> None:
        if dossier_id and not self.embargo and dossier_id in self.embargoed_ids:
            self.say("Dit dossier staat onder embargo; start briefing met --embargo om het te "
                     "gebruiken.", severity="warning")
            return
        self.active_dossier = dossier_id
        if quiet:
            return
        if dossier_id and self.kb is not None:
            dossier = self.kb.dossier(dossier_id)
            title = short_title(dossier.title if dossier else dossier_id, 60)
            self.say(f"{title} (komt bovenaan)", title="Actief dossier")
        else:
            self.say("Alle dossiers tellen weer even zwaar.", title="Geen actief dossier")

    @guarded
    def action_toggle_concept(self) -> None:
        self.include_concept = not self.include_concept
        self.say("Concepten worden getoond, met label CONCEPT." if self.include_concept
                 else "Alleen vastgestelde antwoorden.")

    @guarded
    def action_show_problems(self) -> None:
        problems = self.kb.problems if self.kb else []
        self.push_screen(ProblemsScreen(problems, self.kb_path))

    @guarded
    def action_reload_knowledge(self) -> None:
        if not self.loading:
            self.reload([])

    @guarded
    def action_theme(self, key: str) -> None:
        self.set_theme(key)

    @guarded
    def action_practice(self) -> None:
        if not self.practice_available():
            self.say("Oefenen is in deze versie niet beschikbaar.", severity="warning")
            return
        self.start_practice()

    async def action_quit(self) -> None:
        """Quit at once: the meeting (conversation, pins, dossier) is already on disk."""
        try:
            await self.main.save_meeting_now()
        except LookupError:
            pass
        self.exit()

    def action_help_quit(self) -> None:
        self.say("Afsluiten met ctrl+q. Kopiëren op een kaart: enter of ctrl+c.")

    @guarded
    def set_theme(self, key: str, quiet: bool = False) -> None:
        name = THEMES.get(key, key)
        if name not in self.available_themes:
            if not quiet:
                self.say(f"Onbekend thema: {key}", severity="warning")
            return
        self.theme = name

    def practice_available(self) -> bool:
        return (importlib.util.find_spec("briefing.app.practice_screen") is not None
                and importlib.util.find_spec("briefing.practice.session") is not None)

    @guarded
    def start_practice(self) -> None:
        """Push the practice screen (written by the practice helper) with a new round."""
        try:
            from briefing.app.practice_screen import PracticeScreen
            session = self._new_practice_session()
        except Exception as exc:  # a missing or changed practice module must not crash
            self.say(str(exc), title="Oefenronde kan niet starten", severity="error")
            return
        self.push_screen(PracticeScreen(session))

    def _new_practice_session(self) -> Any:
        from briefing.practice.progress import ProgressStore
        from briefing.practice.selection import Filters
        from briefing.practice.session import prepare_round

        if self.kb is None:
            raise RuntimeError("de kennisbank is nog niet geladen")
        filters = Filters(dossier=self.active_dossier, include_concept=self.include_concept,
                          include_embargoed=self.embargo)
        return prepare_round(self.kb, filters, store=ProgressStore())

    # --- errors ------------------------------------------------------------------------------
    @on(Worker.StateChanged)
    def _worker_failed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self.report_worker_error(event.worker)

    def report_worker_error(self, worker: Worker) -> None:
        error = worker.error
        self.say(f"{type(error).__name__}: {error}",
                 title="Er ging iets mis (de app loopt door)", severity="error", timeout=10)
