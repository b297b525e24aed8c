"""Recognising time references and judging whether they have expired."""

from __future__ import annotations

from datetime import date

import pytest

from briefing.maintain.timerefs import Expired, find_time_refs, is_past_tense, judge


@pytest.mark.parametrize("text,phrase,year,expiry", [
    ("We zetten de informatie voor 1 juni online", "voor 1 juni", None, date(2024, 6, 1)),
    ("Dit volgt na de zomer 2024", "na de zomer 2024", 2024, date(2024, 12, 31)),
    ("die na zomer 2024 volgt", "na zomer 2024", 2024, date(2024, 12, 31)),
    ("De adviezen verwachten we dit najaar", "dit najaar", None, date(2024, 12, 31)),
    ("Het meldpunt loopt tot eind 2024", "eind 2024", 2024, date(2024, 12, 31)),
    ("Dit loopt door tot juli 2024", "tot juli 2024", 2024, date(2024, 7, 31)),
    ("Het rapport komt voor de zomer", "voor de zomer", None, date(2024, 7, 1)),
    ("Oplevering in Q3 2025", "in Q3 2025", 2025, date(2025, 9, 30)),
    ("Besluit uiterlijk 01-10-2024", "uiterlijk 01-10-2024", 2024, date(2024, 10, 1)),
    ("We ronden dit begin 2025 af", "begin 2025", 2025, date(2025, 3, 31)),
])
def test_references_are_found_with_their_expiry(text, phrase, year, expiry):
    refs = find_time_refs(text)
    assert [r.phrase for r in refs] == [phrase]
    assert refs[0].year == year
    assert refs[0].expiry(year or 2024) == expiry


@pytest.mark.parametrize("text", [
    "De zomer was druk.",
    "De Bestuursopdracht Inclusie en Diversiteit 2024-2028 is vastgesteld.",
    "Vanaf september zijn er trainingen.",
    "Het rapport telt 2024 pagina's.",
])
def test_no_moment_no_reference(text):
    assert find_time_refs(text) == []


def test_past_tense_sentences_are_recognised():
    text = "De opdracht is half mei verstrekt. De eerste adviezen verwachten we in het najaar."
    refs = find_time_refs(text)
    assert [(r.phrase, is_past_tense(text, r)) for r in refs] == [
        ("half mei", True), ("in het najaar", False)]


def test_yearless_reference_rolls_over_to_the_next_occurrence():
    [ref] = find_time_refs("Het rapport komt voor de zomer")
    # Written in October 2024: 'voor de zomer' is the summer of 2025.
    assert judge("Het rapport komt voor de zomer", ref, date(2024, 10, 1), date(2025, 6, 1)) is None
    verdict = judge("Het rapport komt voor de zomer", ref, date(2024, 10, 1), date(2025, 7, 2))
    assert isinstance(verdict, Expired) and verdict.expiry == date(2025, 7, 1)


def test_without_dossier_date_yearless_references_cannot_be_placed():
    [ref] = find_time_refs("voor 1 juni online")
    assert judge("voor 1 juni online", ref, None, date(2025, 1, 1)) == "onbekend"
