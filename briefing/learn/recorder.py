"""From a copy or pin in the live desk to choices worth keeping.

The app posts `AnswerChosen(query, card_id, rank, action)` when the adviser copies or pins from
a card; its handler passes the conversation so far to `ChoiceRecorder.choices_for`, and stores
the result with `record` in a worker. Plain Python: the conversation is read through the few
attributes named in `ExchangeLike`, so this module never imports the app."""

from __future__ import annotations

import hashlib
import logging
from datetime import datetime
from typing import Any, Callable, Protocol, Sequence

from briefing.learn.store import Choice, add_choices, clean_text

log = logging.getLogger(__name__)


class ExchangeLike(Protocol):
    query: str                    # as typed, with @-filters
    results: list[Any]            # briefing.search.results.Result
    no_answer: bool
    context: str | None           # set when the question was searched as a follow-up


SplitFilters = Callable[[str], tuple[str, str | None, str | None]]


def choices_enabled() -> bool:
    """True only when the user set `keuzes_bijhouden: ja` in the settings."""
    try:
        from briefing.settings import load_settings

        return load_settings().record_choices
    except Exception:  # settings trouble means: do not record
        log.exception("instellingen niet te lezen; keuzes worden niet bijgehouden")
        return False


def card_mark(text: str | None) -> str | None:
    """A short hash of what the card asks (its question, or its title): tells later whether a
    card id still names the same question (numbers can be reused after an edit). A hash, so
    classified text stays out of the store."""
    if not text:
        return None
    folded = " ".join(str(text).lower().split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()[:12]


def _plain_split(query: str) -> tuple[str, str | None, str | None]:
    return " ".join(w for w in query.split() if not w.startswith("@")), None, None


class ChoiceRecorder:
    """One per live-desk session. Counts a card once per question in a session: copying three
    lines of the same card after one question is one choice, not three."""

    def __init__(self) -> None:
        self._seen: set[tuple[str, str]] = set()
        self._answered: set[int] = set()   # ids of exchanges the adviser used a card of

    def choices_for(self, exchanges: Sequence[ExchangeLike], query: str, card_id: str,
                    rank: int, action: str, *, when: datetime | None = None,
                    split_filters: SplitFilters | None = None) -> list[Choice]:
        """The choices one copy or pin stands for (often none: seen before, a follow-up, ...).

        The exchange is the newest one asked as `query` whose card `rank` is `card_id`. When
        the question just before it got no prepared answer and nothing was used from it, that
        question counts too (via "gemist"): the adviser rephrased and found the card."""
        split = split_filters or _plain_split
        index = _find(exchanges, query, card_id, rank)
        if index is None:
            return []
        exchange = exchanges[index]
        self._answered.add(id(exchange))
        out: list[Choice] = []
        result = exchange.results[rank]
        base = dict(card_id=card_id, action=action if action in ("copy", "pin") else "copy",
                    when=when, card_mark=card_mark(getattr(result, "question", None)
                                         or getattr(result, "title", None)))
        own = self._choice(exchange, split, rank=rank, certainty=getattr(result, "certainty", None),
                           no_answer=bool(exchange.no_answer), via="keuze", **base)
        if own is not None:
            out.append(own)
        if index > 0:
            before = exchanges[index - 1]
            if before.no_answer and id(before) not in self._answered:
                place = next((n for n, r in enumerate(before.results)
                              if getattr(r, "card_id", None) == card_id), None)
                missed = self._choice(before, split, rank=place, certainty=None, no_answer=True,
                                      via="gemist", **base)
                if missed is not None:
                    out.append(missed)
        return out

    def _choice(self, exchange: ExchangeLike, split: SplitFilters, **fields: Any) -> Choice | None:
        if exchange.context:  # "en de kosten?" only means something after the question before
            return None
        text, member, party = split(exchange.query)
        text = clean_text(text)
        if not any(ch.isalnum() for ch in text):
            return None
        key = (" ".join(text.lower().split()), fields["card_id"])
        if key in self._seen:
            return None
        self._seen.add(key)
        return Choice(query=text, member=member, party=party, **fields)


def _find(exchanges: Sequence[ExchangeLike], query: str, card_id: str, rank: int) -> int | None:
    for index in range(len(exchanges) - 1, -1, -1):
        exchange = exchanges[index]
        results = getattr(exchange, "results", None) or []
        if (exchange.query == query and 0 <= rank < len(results)
                and getattr(results[rank], "card_id", None) == card_id):
            return index
    return None


def record(choices: list[Choice]) -> list[str]:
    """Store choices when the setting is on. Never raises (the desk must go on); returns Dutch
    messages worth showing (a corrupt store moved aside, a folder that cannot be written)."""
    if not choices:
        return []
    try:
        if not choices_enabled():
            return []
        return add_choices(choices)
    except OSError as exc:
        log.warning("keuze niet opgeslagen", exc_info=True)
        return [f"Keuze niet bewaard: {exc.strerror or exc}"]
    except Exception:
        log.warning("keuze niet opgeslagen", exc_info=True)
        return []
