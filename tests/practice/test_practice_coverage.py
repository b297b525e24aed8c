"""Marking answer lines covered or missed against typed key points."""

from __future__ import annotations

import pytest

from briefing.practice.coverage import key_words, mark, mark_line, needed

MELDPUNT = "De inzet van het externe meldpunt verlengen we daarom tot eind 2024."


def test_key_words_drop_common_words_and_keep_numbers_and_abbreviations():
    assert key_words(MELDPUNT) == ["inzet", "externe", "meldpunt", "verlengen", "eind", "2024"]
    assert key_words("Het laatste MWO is uitgevoerd in 2022.") == [
        "laatste", "mwo", "uitgevoerd", "2022"]
    assert key_words("BI is hierop geen uitzondering.") == ["bi", "uitzondering"]


def test_needed_is_half_with_at_most_three():
    assert [needed(n) for n in (1, 2, 3, 4, 6, 10)] == [1, 1, 2, 2, 3, 3]


@pytest.mark.parametrize("typed", [
    "meldpunt verlengd tot eind 2024",          # another form of the verb
    "Externe meldpnt verlengen",                 # a typo
    "inzet meldp. 2024",                         # a number plus a prefix of five letters
])
def test_line_covered_by_short_fuzzy_key_points(typed):
    assert mark_line(MELDPUNT, typed).covered


@pytest.mark.parametrize("typed", [
    "", "meldpunt", "eind 2023, meldpunt stopt",   # too little / the wrong year
    "vertrouwenspersonen en trainingen",
])
def test_line_missed(typed):
    line = mark_line(MELDPUNT, typed)
    assert not line.covered, line.found


def test_numbers_and_short_abbreviations_must_match_exactly():
    line = "Het laatste MWO is uitgevoerd in 2022."
    assert mark_line(line, "mwo 2022").covered
    assert not mark_line(line, "mto 2023").covered
    assert not mark_line("BI ondersteunt.", "bij").covered
    assert mark_line("BI ondersteunt.", "BI").covered


def test_dutch_stems_meet():
    assert mark_line("De brandbrieven en de brieven.", "brief").covered
    assert mark_line("De brieven.", "brief").found == ("brieven",)
    assert mark_line("Medewerkers zijn geïnformeerd.", "informeren medewerkers").covered
    assert not mark_line("Medewerkers zijn geïnformeerd.", "informatie").covered


def test_accents_and_case_do_not_matter():
    assert mark_line("Medewerkers worden geïnformeerd via intranet.", "GEINFORMEERD intranet").covered


def test_marks_keep_structure_and_count():
    lines = [(0, MELDPUNT), (0, "Medewerkers weten het meldpunt te vinden."),
             (1, "Het kost tijd om verhalen boven tafel te krijgen."), (0, "Zie bijlage.")]
    result = mark(lines, "Meldpunt verlengd tot eind 2024.\nVerhalen kosten tijd.")
    assert [(m.depth, m.covered) for m in result.lines] == [
        (0, True), (0, False), (1, True), (0, False)]
    assert (result.covered, result.total) == (2, 4)
    assert result.ratio == 0.5


def test_nothing_typed_covers_nothing():
    result = mark([(0, MELDPUNT), (0, "Nee.")], "")
    assert result.covered == 0 and result.ratio == 0


def test_line_without_key_words_is_covered_when_typed():
    assert mark_line("Nee.", "nee, niet nu").covered
    assert not mark_line("Nee.", "ja").covered


def test_typed_text_is_plain_text():
    hostile = "[bold]meldpunt[/] (.* $(rm -rf) \\d+ {0} %s eind 2024"
    assert mark_line(MELDPUNT, hostile).covered  # meldpunt, eind, 2024; nothing interpreted
    assert mark([(0, "[red]x[/red] (.*)")], hostile).total == 1
