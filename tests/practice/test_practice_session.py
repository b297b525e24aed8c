"""A round as a state machine: ask, reveal, grade, timing and the summary."""

from __future__ import annotations

import pytest

from briefing.practice.scheduling import Grade
from briefing.practice.selection import Filters
from briefing.practice.selection import SelectionError
from briefing.practice.session import Phase, SessionError, prepare_round
from practice_kb import NOW


def make(kb, clock, **kwargs):
    options = dict(count=0, order="committee", seed=2, time_limit=60, clock=clock,
                   now=lambda: NOW)
    options.update(kwargs)
    return prepare_round(kb, **options)


def test_steps_and_timing(kb, clock):
    session = make(kb, clock)
    assert session.phase == Phase.ASKING and session.total == 5
    item = session.ask()
    assert item.party == "GL"
    clock.advance(20)
    assert session.remaining() == 40
    marks = session.reveal("drie externe vertrouwenspersonen")
    assert session.phase == Phase.REVEALED and marks.covered == 1
    clock.advance(100)  # reading the answer does not count
    assert session.current_result.seconds == 20 and not session.current_result.over_time
    assert session.remaining() == 40
    with pytest.raises(SessionError):
        session.reveal("nog eens")
    nxt = session.grade(Grade.GOED)
    assert nxt is session.current and session.index == 1
    clock.advance(75)
    session.reveal("")
    assert session.current_result.over_time and session.remaining() == 0


def test_grading_before_revealing_is_refused(kb, clock):
    session = make(kb, clock)
    session.ask()
    with pytest.raises(SessionError):
        session.grade(Grade.GOED)


def test_no_time_limit(kb, clock):
    session = make(kb, clock, time_limit=0)
    session.ask()
    clock.advance(500)
    assert session.remaining() is None
    session.reveal("")
    assert not session.current_result.over_time


def test_summary_scores_per_party_and_topic_weakest_and_time(kb, clock):
    session = make(kb, clock, filters=Filters(include_concept=True), count=0)
    grades = [Grade.GOED, Grade.OPNIEUW, Grade.MAKKELIJK, Grade.MOEILIJK, Grade.GOED,
              Grade.GOED, Grade.OPNIEUW]
    asked = []
    while (item := session.ask()) is not None:
        asked.append(item)
        clock.advance(10 * (len(asked)))
        session.reveal("")
        session.grade(grades[len(asked) - 1])
    assert session.phase == Phase.FINISHED and len(asked) == 7
    summary = session.summary()
    parties = {g.name: g for g in summary.by_party}
    assert sum(g.asked for g in parties.values()) == 7
    topics = {g.name: (g.asked, g.good) for g in summary.by_topic}
    assert topics["Nog niet vastgesteld"][0] == 1
    assert topics["Extern meldpunt discriminatie"][0] == 6
    weakest = summary.weakest
    assert [r.grade for r in weakest] == [Grade.OPNIEUW, Grade.OPNIEUW, Grade.MOEILIJK]
    text = "\n".join(summary.lines())
    assert "7 van 7 vragen beantwoord · 4 goed of makkelijk" in text
    assert "Per fractie" in text and "Per onderwerp" in text and "Zwakste vragen" in text
    assert "1. " + asked[0].asker + " · 10 s · Goed" in text
    assert "--seed 2" in text


def test_summary_shows_open_parties(kb, clock):
    session = make(kb, clock, filters=Filters(dossier="meldpunt"))
    session.stop()
    lines = session.summary().lines()
    assert "  VVD: nog geen voorbereide vragen voor dit agendapunt" in lines
    assert "  D66: nog geen voorbereide vragen voor dit agendapunt" in lines
    # Embargoed dossiers' gaps stay hidden; a party filter narrows the gaps.
    assert not any("PvdD" in line for line in lines)
    # GL is listed as open but has an answered question by now: not a gap any more.
    assert not any(line.startswith("  GL:") for line in lines)
    narrowed = make(kb, clock, filters=Filters(dossier="meldpunt", party="PvdA",
                                               include_concept=True)).gaps
    assert narrowed == []


def test_a_party_without_questions_is_told_what_to_prepare(kb, clock):
    with pytest.raises(SelectionError) as caught:
        make(kb, clock, filters=Filters(dossier="meldpunt", party="VVD"))
    message = str(caught.value)
    assert message.startswith("Geen vragen met een antwoord om te oefenen")
    assert "VVD: nog geen voorbereide vragen voor dit agendapunt" in message
    assert "D66" not in message and "concept" not in message


def test_stop_drops_an_ungraded_answer(kb, clock):
    session = make(kb, clock)
    session.ask()
    session.reveal("")
    session.grade(Grade.GOED)
    session.ask()
    session.reveal("")
    session.stop()
    summary = session.summary()
    assert session.phase == Phase.FINISHED and len(summary.results) == 1
    assert summary.stopped_early
    assert session.ask() is None
