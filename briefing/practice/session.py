"""A practice round as a state machine that the CLI and the app both drive.

    session = prepare_round(kb, Filters(dossier="fkd"), count=5, order="committee", seed=7)
    while (item := session.ask()) is not None:       # phase ASKING, the clock runs
        coverage = session.reveal(typed_key_points)   # phase REVEALED, time stops
        session.grade(Grade.GOED)                     # schedule updated, next question
    print("\\n".join(session.summary().lines()))

Clocks are injectable: `clock` (seconds, monotonic) for timing answers, `now` (aware datetime)
for the schedule.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from enum import Enum
from typing import Callable

from briefing.model.dossier import Dossier
from briefing.model.knowledge import KnowledgeBase, is_under_embargo
from briefing.model.registers import Registers
from briefing.practice import coverage as coverage_rules
from briefing.practice import scheduling
from briefing.practice.coverage import Coverage
from briefing.practice.scheduling import Grade
from briefing.practice.selection import (DEFAULT_COUNT, DEFAULT_TIME, Filters, RoundItem,
                                         SelectionError, phrasings, select_round)


class Phase(str, Enum):
    ASKING = "vraag"
    REVEALED = "antwoord"
    FINISHED = "klaar"


class SessionError(RuntimeError):
    """A step out of order (e.g. grading before revealing): a programming error."""


@dataclass
class Result:
    item: RoundItem
    typed: str = ""
    coverage: Coverage = field(default_factory=Coverage)
    seconds: float = 0.0
    over_time: bool = False
    grade: Grade | None = None


@dataclass(frozen=True)
class Gap:
    party: str
    dossier: Dossier

    def text(self, with_dossier: bool = True) -> str:
        line = f"{self.party}: nog geen voorbereide vragen voor dit agendapunt"
        if with_dossier:
            line += f" ({dossier_heading(self.dossier)})"
        return line


class PracticeSession:
    def __init__(self, items: list[RoundItem], *, time_limit: float = DEFAULT_TIME,
                 store=None, gaps: list[Gap] | None = None, seed: int | None = None,
                 clock: Callable[[], float] = time.monotonic,
                 now: Callable[[], datetime] = lambda: datetime.now(timezone.utc)) -> None:
        self.items = list(items)
        self.time_limit = max(0.0, float(time_limit or 0))
        self.store = store
        self.gaps = list(gaps or [])
        self.seed = seed
        self.messages: list[str] = list(getattr(store, "messages", []) or [])
        self._clock = clock
        self._now = now
        self._index = 0
        self._started: float | None = None
        self._stopped_early = False
        self.results: list[Result] = []
        self.phase = Phase.ASKING if self.items else Phase.FINISHED

    # -- where we are ------------------------------------------------------------------

    @property
    def total(self) -> int:
        return len(self.items)

    @property
    def index(self) -> int:
        """0-based position of the current question."""
        return self._index

    @property
    def current(self) -> RoundItem | None:
        return self.items[self._index] if self.phase != Phase.FINISHED else None

    @property
    def current_result(self) -> Result | None:
        return self.results[-1] if self.phase == Phase.REVEALED else None

    # -- the steps -------------------------------------------------------------------

    def ask(self) -> RoundItem | None:
        """The current question; starts its clock the first time it is asked."""
        if self.phase == Phase.FINISHED:
            return None
        if self.phase == Phase.ASKING and self._started is None:
            self._started = self._clock()
        return self.current

    def elapsed(self) -> float:
        if self.phase == Phase.REVEALED:
            return self.results[-1].seconds
        if self._started is None:
            return 0.0
        return max(0.0, self._clock() - self._started)

    def remaining(self) -> float | None:
        """Seconds left for the current answer (may reach 0), None without a time limit."""
        if not self.time_limit:
            return None
        return max(0.0, self.time_limit - self.elapsed())

    def reveal(self, typed: str = "") -> Coverage:
        """Stop the clock and mark the answer lines against what was typed."""
        if self.phase != Phase.ASKING:
            raise SessionError("onthullen kan alleen tijdens een vraag")
        item = self.ask()
        seconds = self.elapsed()
        marks = coverage_rules.mark(item.answer_lines(), typed or "")
        self.results.append(Result(
            item=item, typed=typed or "", coverage=marks, seconds=seconds,
            over_time=bool(self.time_limit) and seconds > self.time_limit,
        ))
        self.phase = Phase.REVEALED
        return marks

    def grade(self, grade: Grade | int) -> RoundItem | None:
        """Grade the revealed answer, update its schedule, move on. Returns the next question."""
        if self.phase != Phase.REVEALED:
            raise SessionError("beoordelen kan alleen na het tonen van het antwoord")
        grade = Grade(grade)
        result = self.results[-1]
        result.grade = grade
        if self.store is not None:
            qid = result.item.qid
            state = scheduling.review(self.store.state(qid), grade, self._now())
            self.store.record(qid, state, seconds=result.seconds, coverage=result.coverage.ratio,
                              label=result.item.label)
            try:
                self.store.save()  # after every answer: a round cut short keeps its progress
            except OSError as exc:
                message = f"Voortgang niet opgeslagen: {exc.strerror or exc}"
                if message not in self.messages:
                    self.messages.append(message)
        self._index += 1
        self._started = None
        self.phase = Phase.ASKING if self._index < len(self.items) else Phase.FINISHED
        return self.ask()

    def stop(self) -> None:
        """End the round now; an answer revealed but not graded does not count."""
        if self.phase == Phase.REVEALED:
            self.results.pop()
        if self.phase != Phase.FINISHED:
            self._stopped_early = True
        self.phase = Phase.FINISHED

    # -- the end ---------------------------------------------------------------------

    def summary(self) -> "Summary":
        graded = [r for r in self.results if r.grade is not None]
        return Summary(results=graded, planned=self.total, gaps=self.gaps, seed=self.seed,
                       time_limit=self.time_limit, stopped_early=self._stopped_early)


@dataclass
class GroupScore:
    name: str
    asked: int = 0
    good: int = 0
    coverage: float = 0.0
    seconds: float = 0.0

    def add(self, result: Result) -> None:
        self.asked += 1
        self.good += result.grade is not None and result.grade >= Grade.GOED
        self.coverage += result.coverage.ratio
        self.seconds += result.seconds

    def text(self) -> str:
        return (f"{self.name}: {self.good}/{self.asked} goed, dekking {_pct(self.coverage / self.asked)}, "
                f"gem. {_secs(self.seconds / self.asked)}")


@dataclass
class Summary:
    results: list[Result]
    planned: int
    gaps: list[Gap] = field(default_factory=list)
    seed: int | None = None
    time_limit: float = 0
    stopped_early: bool = False

    @property
    def by_party(self) -> list[GroupScore]:
        return self._group(lambda r: r.item.party or "zonder fractie")

    @property
    def by_topic(self) -> list[GroupScore]:
        return self._group(lambda r: r.item.topic)

    def _group(self, key) -> list[GroupScore]:
        groups: dict[str, GroupScore] = {}
        for result in self.results:
            name = key(result)
            groups.setdefault(name, GroupScore(name)).add(result)
        return list(groups.values())

    @property
    def weakest(self) -> list[Result]:
        """Up to three answers graded Opnieuw or Moeilijk, worst first."""
        weak = [r for r in self.results if r.grade is not None and r.grade <= Grade.MOEILIJK]
        weak.sort(key=lambda r: (r.grade, r.coverage.ratio, -r.seconds))
        return weak[:3]

    @property
    def good(self) -> int:
        return sum(1 for r in self.results if r.grade is not None and r.grade >= Grade.GOED)

    def lines(self) -> list[str]:
        """The summary as Dutch text lines (the CLI prints them, the app shows them)."""
        out = ["Samenvatting van de ronde"]
        count = len(self.results)
        if not count:
            out.append("  Geen vragen beantwoord.")
        else:
            mean_cov = sum(r.coverage.ratio for r in self.results) / count
            mean_time = sum(r.seconds for r in self.results) / count
            late = sum(1 for r in self.results if r.over_time)
            line = (f"  {count} van {self.planned} vragen beantwoord · {self.good} goed of makkelijk"
                    f" · dekking {_pct(mean_cov)} · gemiddeld {_secs(mean_time)} per antwoord")
            if late:
                line += f" · {late}× over de tijd"
            out.append(line)
            out.append("")
            out.append("Per fractie")
            out += [f"  {g.text()}" for g in self.by_party]
            out.append("")
            out.append("Per onderwerp")
            out += [f"  {g.text()}" for g in self.by_topic]
            out.append("")
            out.append("Zwakste vragen")
            if self.weakest:
                for r in self.weakest:
                    out.append(f"  - {r.item.asker}: {_short(r.item.text)} ({r.grade.label}, "
                               f"{r.coverage.covered}/{r.coverage.total} regels gedekt)")
            else:
                out.append("  Geen: niets met Opnieuw of Moeilijk beoordeeld.")
            out.append("")
            out.append("Tijd per antwoord")
            for number, r in enumerate(self.results, 1):
                late_mark = " (over de tijd)" if r.over_time else ""
                out.append(f"  {number}. {r.item.asker} · {_secs(r.seconds)}{late_mark} · "
                           f"{r.grade.label} · {r.coverage.covered}/{r.coverage.total} regels")
        if self.gaps:
            out.append("")
            out.append("Nog voor te bereiden")
            # Name the dossier unless the whole round is about one agenda item.
            dossiers = {gap.dossier.id for gap in self.gaps} | {r.item.dossier.id for r in self.results}
            if len(dossiers) > 1:
                for dossier, gaps in group_gaps(self.gaps):
                    out.append(f"  {dossier_heading(dossier).rstrip('.:')}:")
                    out += [f"    {gap.text(with_dossier=False)}" for gap in gaps]
            else:
                out += [f"  {gap.text(with_dossier=False)}" for gap in self.gaps]
        if self.seed is not None:
            out.append("")
            out.append(f"Dezelfde ronde nog eens: --seed {self.seed}")
        return out


def group_gaps(gaps: list[Gap]) -> list[tuple[Dossier, list[Gap]]]:
    groups: dict[str | None, tuple[Dossier, list[Gap]]] = {}
    for gap in gaps:
        groups.setdefault(gap.dossier.id, (gap.dossier, []))[1].append(gap)
    return list(groups.values())


def dossier_heading(dossier: Dossier) -> str:
    point = f" (agendapunt {dossier.agenda_item})" if dossier.agenda_item else ""
    return f"{dossier.title}{point}"


def find_gaps(kb: KnowledgeBase, dossiers: list[Dossier], party: str | None = None) -> list[Gap]:
    """The dossiers' open_fracties (parties expected to speak without prepared questions).

    A listed party that meanwhile has an answered question in the dossier is left out: the
    message would no longer be true."""
    out = []
    for dossier in dossiers:
        prepared = {p.party for q in dossier.questions if q.answer
                    for p in phrasings(q, kb.registers) if p.party}
        for name in dossier.open_parties:
            short = _short_party(kb.registers, name)
            if party and not kb.registers.same_party(short, party):
                continue
            if any(kb.registers.same_party(short, done) for done in prepared):
                continue
            out.append(Gap(short, dossier))
    return out


def prepare_round(kb: KnowledgeBase, filters: Filters | None = None, *,
                  count: int | None = DEFAULT_COUNT, order: str = "random",
                  seed: int | None = None, time_limit: float = DEFAULT_TIME, store=None,
                  clock: Callable[[], float] = time.monotonic,
                  now: Callable[[], datetime] = lambda: datetime.now(timezone.utc),
                  ) -> PracticeSession:
    """Select a round and wrap it in a session. Raises SelectionError (Dutch) when empty.

    Without a seed one is drawn, and the summary shows it so the round can be repeated."""
    filters = filters or Filters()
    if seed is None:
        seed = random.SystemRandom().randrange(1, 100_000)
    moment = now()
    if filters.dossier:
        scope = [kb.dossier(filters.dossier)]
    else:
        scope = [d for d in kb.dossiers
                 if filters.include_embargoed or not is_under_embargo(d, moment)]
    gaps = find_gaps(kb, [d for d in scope if d is not None], filters.party)
    try:
        items = select_round(kb, filters, count=count, order=order, seed=seed, progress=store,
                             now=moment)
    except SelectionError as exc:
        if not gaps:
            raise
        # No questions, but a known gap: say so, that is what the team must prepare.
        lines = "\n".join(f"  {gap.text(with_dossier=len(scope) > 1)}" for gap in gaps)
        raise SelectionError(f"{exc}\nNog voor te bereiden:\n{lines}") from None
    return PracticeSession(items, time_limit=time_limit, store=store, gaps=gaps, seed=seed,
                           clock=clock, now=now)


def _short_party(registers: Registers, name: str) -> str:
    party = registers.party(name)
    return party.short if party else name


def _pct(ratio: float) -> str:
    return f"{round(ratio * 100)}%"


def _secs(seconds: float) -> str:
    return f"{round(seconds)} s"


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
