"""Messages that workers post; `@on` handlers on the main thread turn them into state."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message

from briefing.app.conversation import Exchange
from briefing.app.query import ParsedQuery
from briefing.model.knowledge import KnowledgeBase
from briefing.search.results import Result

if TYPE_CHECKING:
    from briefing.app.host import Engine


class KnowledgeReady(Message):
    """A knowledge base was loaded and its engine opened (at start or after an edit)."""

    def __init__(self, kb: KnowledgeBase, engine: Engine, reason: str, changed: list[str],
                 signature: tuple, seconds: float) -> None:
        super().__init__()
        self.kb = kb
        self.engine = engine
        self.reason = reason            # "start" | "reload"
        self.changed = changed
        self.signature = signature
        self.seconds = seconds


class KnowledgeFailed(Message):
    """Loading or indexing failed entirely; the previous state (if any) stays in use."""

    def __init__(self, reason: str, error: str, signature: tuple) -> None:
        super().__init__()
        self.reason = reason
        self.error = error
        self.signature = signature


class KnowledgeChanged(Message):
    """The watcher saw files change: time to reload."""

    def __init__(self, signature: tuple, changed: list[str]) -> None:
        super().__init__()
        self.signature = signature
        self.changed = changed


class LiveResults(Message):
    """Results for what is in the input right now (stale ones are dropped by sequence number)."""

    def __init__(self, seq: int, parsed: ParsedQuery, results: list[Result],
                 no_answer: bool, context: str | None) -> None:
        super().__init__()
        self.seq = seq
        self.parsed = parsed
        self.results = results
        self.no_answer = no_answer
        self.context = context


class Answered(Message):
    """A question was put into the conversation."""

    def __init__(self, exchange: Exchange) -> None:
        super().__init__()
        self.exchange = exchange


class CopyDone(Message):
    """The clipboard fallback finished (tool or file)."""

    def __init__(self, what: str, tool: str | None, file: str | None, error: str | None) -> None:
        super().__init__()
        self.what = what
        self.tool = tool
        self.file = file
        self.error = error


class CheatsheetSaved(Message):
    def __init__(self, path: str | None, error: str | None) -> None:
        super().__init__()
        self.path = path
        self.error = error


class AnswerChosen(Message):
    """The adviser copied or pinned from an answer card: a choice worth remembering.

    Posted by the main screen (it bubbles to the app) whenever a line or a whole card is copied
    or a line is pinned, on a card that answers a question in the conversation. `query` is the
    question as typed (with @-filters), `card_id` the card's stable id, `rank` its place in the
    results (0 = the top card, n = alternative n), `action` "copy" or "pin", and `line` the
    index of the chosen line in the card's answer lines (None for the whole card).
    A handler (issue 10 §4, setting `keuzes_bijhouden`) records these; nothing else depends on
    it, so a missing handler costs nothing."""

    def __init__(self, query: str, card_id: str, rank: int, action: str,
                 line: int | None = None) -> None:
        super().__init__()
        self.query = query
        self.card_id = card_id
        self.rank = rank
        self.action = action          # "copy" | "pin"
        self.line = line


class MeetingRestored(Message):
    """The meeting of the previous session was read and its questions searched again."""

    def __init__(self, exchanges: list[Exchange], pins: list, active_dossier: str | None,
                 problem: str | None = None) -> None:
        super().__init__()
        self.exchanges = exchanges
        self.pins = pins
        self.active_dossier = active_dossier
        self.problem = problem
