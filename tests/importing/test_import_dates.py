"""Dutch dates and times as annotaties write them."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.importing.dates import find_dates, parse_date, parse_moment


@pytest.mark.parametrize("text, iso", [
    ("18 september 2024", "2024-09-18"),
    ("Gemeenteraad, 18 september 2024", "2024-09-18"),
    ("22-10-2024", "2024-10-22"),
    ("d.d. 14-09-2024", "2024-09-14"),
    ("3 okt. 2024", "2024-10-03"),
    ("woensdag 2 oktober 2024", "2024-10-02"),
    ("14/09/24", "2024-09-14"),
    ("2024-10-22", "2024-10-22"),
    ("1e juni 2025", "2025-06-01"),
])
def test_dates(text, iso):
    assert parse_date(text).isoformat() == iso


@pytest.mark.parametrize("text", ["5.1.2.e", "2024-2028", "1.000.000", "artikel 5.1, 2e lid",
                                  "31-02-2024", "schaal 15 en hoger"])
def test_no_false_dates(text):
    assert find_dates(text, 2024) == []


def test_a_date_without_year_takes_the_reference_year():
    assert parse_date("op 23 oktober", 2024) == dt.date(2024, 10, 23)
    assert parse_date("op 23 oktober") is None


@pytest.mark.parametrize("text, expected", [
    ("woensdag 23 oktober 17:00 uur", "2024-10-23T17:00:00+02:00"),
    ("23 oktober, 17.00", "2024-10-23T17:00:00+02:00"),
    ("23 oktober 2024 om 9 uur", "2024-10-23T09:00:00+02:00"),
    ("3 december 12:30", "2024-12-03T12:30:00+01:00"),
])
def test_moments_in_amsterdam_time(text, expected):
    assert parse_moment(text, dt.date(2024, 10, 22)).isoformat() == expected


def test_moment_early_next_year():
    # A document of 20 December that mentions '3 januari' means next year.
    assert parse_moment("3 januari 10:00", dt.date(2024, 12, 20)).date() == dt.date(2025, 1, 3)
