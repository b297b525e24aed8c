"""Dutch dates and times as annotaties write them: '18 september 2024', '22-10-2024',
'd.d. 14-09-2024', '3 okt. 2024', 'woensdag 23 oktober 17:00 uur'."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "febr": 2, "maart": 3, "mrt": 3, "mar": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8,
    "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = r"(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|ma|di|wo|do|vr|za|zo)\.?"

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_WRITTEN = re.compile(
    rf"(?<![\w.])(?:{WEEKDAYS},?\s+)?(?P<d>\d{{1,2}})(?:e|ste|de)?\s+(?P<m>{_MONTH_NAMES})\b\.?"
    rf"(?:,?\s+(?P<y>\d{{4}}|'\d{{2}}))?(?![\w-])",
    re.IGNORECASE,
)
_NUMERIC = re.compile(
    rf"(?<![\w.,-])(?:{WEEKDAYS},?\s+)?(?P<d>\d{{1,2}})(?P<sep>[-/.])(?P<m>\d{{1,2}})(?P=sep)"
    r"(?P<y>\d{4}|\d{2})(?![\w-]|\.\d)",
    re.IGNORECASE,
)
_ISO = re.compile(r"(?<![\w.-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\w-])")
_TIME = re.compile(
    r"^[\s,]*(?:om\s+|vanaf\s+|tot\s+)?(?P<h>\d{1,2})(?:[:.](?P<min>\d{2}))?\s*(?P<uur>uur|u\b)?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class FoundDate:
    date: dt.date
    start: int
    end: int
    has_year: bool


def _year(text: str | None, default: int | None) -> int | None:
    if not text:
        return default
    text = text.lstrip("'")
    year = int(text)
    return year + 2000 if year < 100 else year


def find_dates(text: str, default_year: int | None = None) -> list[FoundDate]:
    """All dates in text, in order. A date without a year takes default_year (or is skipped)."""
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []  # sorted spans of dates found so far
    for pattern in (_ISO, _NUMERIC, _WRITTEN):
        for m in pattern.finditer(text):
            at = bisect.bisect_left(taken, (m.start(), m.end()))
            if any(s < m.end() and m.start() < e
                   for s, e in taken[max(0, at - 1):at + 1]):
                continue  # part of a date found by an earlier pattern
            month_text = m.group("m")
            month = int(month_text) if month_text.isdigit() else MONTHS.get(month_text.lower())
            year = _year(m.group("y"), default_year)
            if month is None or year is None:
                continue
            try:
                value = dt.date(year, month, int(m.group("d")))
            except ValueError:
                continue
            found.append(FoundDate(value, m.start(), m.end(), bool(m.group("y"))))
            bisect.insort(taken, (m.start(), m.end()))
    return sorted(found, key=lambda f: f.start)


def find_date(text: str, default_year: int | None = None) -> FoundDate | None:
    dates = find_dates(text, default_year)
    return dates[0] if dates else None


# Digits as OCR misreads them in a day number ('g augustus' for '9 augustus').
_OCR_DIGITS = str.maketrans({"g": "9", "o": "0", "O": "0", "l": "1", "I": "1", "i": "1",
                             "s": "5", "S": "5", "B": "8"})


def find_ocr_date(text: str) -> FoundDate | None:
    """The date in a field that holds one ('Datum ...'), read through OCR errors: a month
    name with one or two letters wrong ('AUYUStUs') and a day number read as letters
    ('g augustus 2023'). Only for date fields: in running text a misread stays unread."""
    from rapidfuzz.distance import Levenshtein

    words = text.split()
    fixed = []
    for index, word in enumerate(words):
        bare = word.lower().strip(".,")
        if len(bare) >= 5 and bare.isalpha() and bare not in MONTHS:
            month = min((m for m in MONTHS if len(m) >= 5),
                        key=lambda m: Levenshtein.distance(bare, m))
            if Levenshtein.distance(bare, month) <= 2:
                word = month
        fixed.append(word)
    for index, word in enumerate(fixed):
        if index + 1 < len(fixed) and fixed[index + 1].lower() in MONTHS and \
                len(word) <= 2 and not word.isdigit():
            fixed[index] = word.translate(_OCR_DIGITS)
    return find_date(" ".join(fixed))


def parse_date(text: str, default_year: int | None = None) -> dt.date | None:
    found = find_date(text, default_year)
    return found.date if found else None


def find_time(text: str) -> tuple[int, int] | None:
    """A time of day at the start of text: '17:00 uur', '17.00', ', 17 uur'."""
    m = _TIME.match(text)
    if not m:
        return None
    if m.group("min") is None and not m.group("uur"):
        return None
    hour, minute = int(m.group("h")), int(m.group("min") or 0)
    if hour > 24 or minute > 59:
        return None
    return (0, 0) if hour == 24 else (hour, minute)


def amsterdam(moment: dt.datetime) -> dt.datetime:
    """Attach Amsterdam time (the meeting's clock); naive if there is no tz database."""
    try:
        from zoneinfo import ZoneInfo

        return moment.replace(tzinfo=ZoneInfo("Europe/Amsterdam"))
    except Exception:  # no tz data on this machine: a naive time is read as Amsterdam time
        return moment


def parse_moment(text: str, reference: dt.date | None = None,
                 through: bool = False) -> dt.datetime | None:
    """The first date in text with the time right after it (or end of day: 23:59 is too
    clever; a date alone means the start of that day). A date without a year takes the
    reference year, and moves to the next year when it would fall half a year before it. With
    through ('tot en met'), a date without a time means the end of that day."""
    default_year = reference.year if reference else dt.date.today().year
    found = find_date(text, default_year)
    if found is None:
        return None
    day = found.date
    if not found.has_year and reference and (reference - day).days > 183:
        try:
            day = day.replace(year=day.year + 1)
        except ValueError:
            return None
    time = find_time(text[found.end:])
    if time is None and through:
        # 'tot en met 4 februari': the whole day is still under embargo.
        day += dt.timedelta(days=1)
    return amsterdam(dt.datetime(day.year, day.month, day.day, *(time or (0, 0))))
