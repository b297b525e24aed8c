"""The small interfaces between the parts of the app, so no module needs to import app.py.

`Engine` is what the desk needs of a search engine; `DeskHost` is what the main screen and the
command palette need of the app. The app implements both roles; tests may pass fakes."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Callable, Protocol, runtime_checkable

from briefing.model.knowledge import KnowledgeBase
from briefing.search.results import Result, SearchOptions


class Engine(Protocol):
    """A search engine as the desk uses it (briefing.search.SearchEngine is one)."""

    def search(self, query: str, options: SearchOptions) -> list[Result]: ...

    def no_good_answer(self, results: list[Result]) -> bool: ...


class DeskHost(Protocol):
    """What the main screen asks of the app: knowledge, scope toggles and services."""

    kb: KnowledgeBase | None
    engine: Engine | None
    engine_error: str | None
    embargo: bool
    embargoed_ids: frozenset[str]
    include_concept: bool
    active_dossier: str | None
    knowledge_version: int
    cursor_blink: bool
    now: Callable[[], datetime]
    data_dir: Path | None
    on_ready: Callable[..., None] | None

    @property
    def cheatsheet_dir(self) -> Path: ...

    def search(self, query: str, options: SearchOptions) -> tuple[list[Result], bool]: ...

    def copy(self, text: str, what: str) -> None: ...

    def record_miss(self, query: str) -> None: ...

    def knowledge_summary(self) -> tuple[str, str]: ...

    def marking(self, dossier_id: str) -> str | None: ...

    def say(self, message: str, *, title: str = "", severity: str = "information",
            timeout: float | None = None) -> None: ...

    def set_active_dossier(self, dossier_id: str | None, quiet: bool = False) -> None: ...

    def report_worker_error(self, worker) -> None: ...


@runtime_checkable
class PaletteHost(Protocol):
    """A screen whose actions the command palette can run (the main screen)."""

    def run_registered(self, action_id: str, argument: int | None = None) -> None: ...

    def palette_extras(self) -> list[tuple[str, Callable[[], object], str]]: ...
