"""Spaced repetition per question: an SM-2 variant with four grades (as in Anki).

Pure functions on an immutable `CardState`; the caller passes the time (`now`), so tests and
the app inject their own clock. The rules, also explained for users in docs/practice.md:

- Every question starts with ease 2.5 and no interval. Ease stays between 1.3 and 3.5.
- Opnieuw (1): the answer failed. Ease -0.20, the run of successes restarts, the question is
  due again after 10 minutes (so the next round brings it back) and counts as a lapse.
- Moeilijk (2): ease -0.15; interval 12 hours on a first success, else 1.2 x the last interval.
- Goed (3): ease unchanged; interval 1 day on a first success, 3 days on the second, then the
  last interval x ease.
- Makkelijk (4): ease +0.15; the Goed interval x 1.3, at least 3 days.
- No interval exceeds 365 days, and Moeilijk < Goed < Makkelijk always holds for one state.

"Weakest first" (`weakness_key`) orders: failed last time, then due, then never practised,
then not yet due; within each group the lowest ease first, then the most overdue (lateness
relative to the interval), then the soonest due.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import IntEnum


class Grade(IntEnum):
    OPNIEUW = 1
    MOEILIJK = 2
    GOED = 3
    MAKKELIJK = 4

    @property
    def label(self) -> str:
        return self.name.capitalize()

    @classmethod
    def parse(cls, text: str) -> "Grade | None":
        """'3', 'goed', 'G', 'makk' -> a grade; anything else -> None."""
        key = text.strip().lower()
        if not key:
            return None
        if key.isdigit():
            number = int(key)
            return cls(number) if 1 <= number <= 4 else None
        hits = [g for g in cls if g.name.lower().startswith(key)]
        return hits[0] if len(hits) == 1 else None


START_EASE = 2.5
MIN_EASE = 1.3
MAX_EASE = 3.5
MAX_INTERVAL_DAYS = 365.0
RELEARN = timedelta(minutes=10)

_EASE_DELTA = {Grade.OPNIEUW: -0.20, Grade.MOEILIJK: -0.15, Grade.GOED: 0.0, Grade.MAKKELIJK: 0.15}


@dataclass(frozen=True)
class CardState:
    """What the schedule knows about one question."""

    ease: float = START_EASE
    interval_days: float = 0.0       # the last interval given (0: new or just failed)
    reps: int = 0                    # successes in a row since the last failure
    lapses: int = 0                  # times graded Opnieuw
    reviews: int = 0                 # times graded at all
    due: datetime | None = None      # None: never practised
    last_grade: Grade | None = None
    last_review: datetime | None = None

    @property
    def is_new(self) -> bool:
        return self.reviews == 0


def next_interval_days(state: CardState, grade: Grade) -> float:
    """The interval in days a grade earns from this state (Opnieuw: the relearn delay)."""
    if grade == Grade.OPNIEUW:
        return RELEARN.total_seconds() / 86400
    ease = _clamp(state.ease + _EASE_DELTA[grade], MIN_EASE, MAX_EASE)
    if state.reps == 0:
        good = 1.0
    elif state.reps == 1:
        good = 3.0
    else:
        good = max(state.interval_days * ease, state.interval_days + 1)
    if grade == Grade.MOEILIJK:
        interval = 0.5 if state.reps == 0 else max(state.interval_days * 1.2, 1.0)
        interval = min(interval, good)  # hard never beats good
    elif grade == Grade.GOED:
        interval = good
    else:
        interval = max(good * 1.3, 3.0)
    return min(interval, MAX_INTERVAL_DAYS)


def review(state: CardState, grade: Grade, now: datetime) -> CardState:
    """The state after grading the question at `now`."""
    grade = Grade(grade)
    interval = next_interval_days(state, grade)
    ease = _clamp(state.ease + _EASE_DELTA[grade], MIN_EASE, MAX_EASE)
    if grade == Grade.OPNIEUW:
        return replace(
            state, ease=ease, interval_days=0.0, reps=0, lapses=state.lapses + 1,
            reviews=state.reviews + 1, due=now + RELEARN, last_grade=grade, last_review=now,
        )
    return replace(
        state, ease=ease, interval_days=interval, reps=state.reps + 1,
        reviews=state.reviews + 1, due=now + timedelta(days=interval), last_grade=grade,
        last_review=now,
    )


def is_due(state: CardState, now: datetime) -> bool:
    return state.due is None or state.due <= now


def overdue_ratio(state: CardState, now: datetime) -> float:
    """How late a review is, relative to its interval (0 when not due; new: 0)."""
    if state.due is None or state.due > now:
        return 0.0
    late = (now - state.due).total_seconds() / 86400
    return late / max(state.interval_days, 1.0)


def weakness_key(state: CardState, now: datetime) -> tuple:
    """Sort key: the weakest question (the one to practise first) sorts first."""
    if state.is_new:
        group = 2
    elif state.last_grade == Grade.OPNIEUW:
        group = 0
    elif is_due(state, now):
        group = 1
    else:
        group = 3
    due_in = (state.due - now).total_seconds() if state.due and state.due > now else 0.0
    return (group, round(state.ease, 4), -overdue_ratio(state, now), due_in)


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value)) if not math.isnan(value) else START_EASE
