"""The spaced-repetition math (SM-2 variant, four grades) and the weakest-first order."""

from __future__ import annotations

from datetime import timedelta

import pytest

from briefing.practice.scheduling import (MAX_EASE, MAX_INTERVAL_DAYS, MIN_EASE, CardState,
                                          Grade, is_due, next_interval_days, review,
                                          weakness_key)
from practice_kb import NOW

DAY = timedelta(days=1)


def test_goed_gives_one_then_three_days_then_interval_times_ease():
    state = review(CardState(), Grade.GOED, NOW)
    assert state.interval_days == 1 and state.due == NOW + DAY and state.reps == 1
    state = review(state, Grade.GOED, NOW + DAY)
    assert state.interval_days == 3
    state = review(state, Grade.GOED, NOW + 4 * DAY)
    assert state.interval_days == pytest.approx(7.5)  # 3 x ease 2.5
    assert state.ease == 2.5 and state.reviews == 3


def test_opnieuw_relearns_after_ten_minutes_and_lowers_ease():
    state = review(review(CardState(), Grade.GOED, NOW), Grade.GOED, NOW + DAY)
    failed = review(state, Grade.OPNIEUW, NOW + 4 * DAY)
    assert failed.due == NOW + 4 * DAY + timedelta(minutes=10)
    assert failed.reps == 0 and failed.lapses == 1 and failed.interval_days == 0
    assert failed.ease == pytest.approx(2.3)
    again = review(failed, Grade.GOED, NOW + 5 * DAY)
    assert again.interval_days == 1  # starts over


def test_moeilijk_and_makkelijk_adjust_ease():
    assert review(CardState(), Grade.MOEILIJK, NOW).ease == pytest.approx(2.35)
    assert review(CardState(), Grade.MOEILIJK, NOW).interval_days == 0.5
    easy = review(CardState(), Grade.MAKKELIJK, NOW)
    assert easy.ease == pytest.approx(2.65) and easy.interval_days == 3


def test_ease_stays_within_bounds():
    state = CardState()
    for _ in range(20):
        state = review(state, Grade.OPNIEUW, NOW)
    assert state.ease == MIN_EASE
    for _ in range(20):
        state = review(state, Grade.MAKKELIJK, NOW)
    assert state.ease == MAX_EASE
    assert state.interval_days == MAX_INTERVAL_DAYS


@pytest.mark.parametrize("reps,interval,ease", [(0, 0, 2.5), (1, 1, 2.5), (1, 0.5, 1.3),
                                                (2, 3, 2.5), (5, 40, 1.3), (5, 300, 3.5)])
def test_better_grades_never_give_shorter_intervals(reps, interval, ease):
    state = CardState(ease=ease, interval_days=interval, reps=reps, reviews=reps)
    hard, good, easy = (next_interval_days(state, g)
                        for g in (Grade.MOEILIJK, Grade.GOED, Grade.MAKKELIJK))
    assert next_interval_days(state, Grade.OPNIEUW) < hard <= good <= easy
    if good < MAX_INTERVAL_DAYS:
        assert hard < good < easy


def test_due():
    state = review(CardState(), Grade.GOED, NOW)
    assert not is_due(state, NOW + DAY / 2)
    assert is_due(state, NOW + DAY)
    assert is_due(CardState(), NOW)


def test_weakness_order_failed_due_new_later():
    failed = review(CardState(), Grade.OPNIEUW, NOW - DAY)
    due_hard = CardState(ease=1.5, interval_days=3, reps=2, reviews=2, due=NOW - DAY,
                         last_grade=Grade.MOEILIJK)
    due_easy = CardState(ease=2.8, interval_days=3, reps=2, reviews=2, due=NOW - 5 * DAY,
                         last_grade=Grade.GOED)
    new = CardState()
    later = review(CardState(), Grade.GOED, NOW)
    states = {"later": later, "new": new, "due_easy": due_easy, "failed": failed,
              "due_hard": due_hard}
    ranked = sorted(states, key=lambda name: weakness_key(states[name], NOW))
    assert ranked == ["failed", "due_hard", "due_easy", "new", "later"]


def test_most_overdue_first_at_equal_ease():
    a = CardState(interval_days=2, reps=2, reviews=2, due=NOW - DAY, last_grade=Grade.GOED)
    b = CardState(interval_days=2, reps=2, reviews=2, due=NOW - 4 * DAY, last_grade=Grade.GOED)
    assert weakness_key(b, NOW) < weakness_key(a, NOW)


@pytest.mark.parametrize("text,grade", [("1", Grade.OPNIEUW), ("2", Grade.MOEILIJK),
                                        (" 3 ", Grade.GOED), ("Makkelijk", Grade.MAKKELIJK),
                                        ("goed", Grade.GOED), ("op", Grade.OPNIEUW),
                                        ("5", None), ("", None), ("x", None), ("0", None)])
def test_grade_parse(text, grade):
    assert Grade.parse(text) == grade
