"""Time references in answer lines that have probably expired ("voor 1 juni", "na de zomer
2024", "dit najaar", "eind 2024"), judged against the dossier's date and today.

A reference is reported when it pointed to the future when the dossier was written and lies in
the past now. References already in the past at writing time are history ("Op 28 maart bent u
geïnformeerd"), not stale text. Without a dossier date, a reference without a year cannot be
placed: those are summed up in one finding that asks for the date."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable, Iterator

from briefing.maintain.registry import WARNING, Hit, LintContext, rule
from briefing.maintain.walk import LINES, walk_dossier

MONTHS = {
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
    "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
}
# (first month, first day), (last month, last day) of named periods, as Dutch policy texts use
# them: the council's summer recess is July-August; 'najaar' runs to the end of the year.
SEASONS = {
    "voorjaar": ((3, 1), (5, 31)), "lente": ((3, 1), (5, 31)),
    "zomervakantie": ((7, 1), (8, 31)), "zomerreces": ((7, 1), (8, 31)), "zomer": ((7, 1), (8, 31)),
    "najaar": ((9, 1), (12, 31)), "herfst": ((9, 1), (12, 31)),
    "herfstreces": ((10, 1), (10, 31)), "herfstvakantie": ((10, 1), (10, 31)),
    "kerstreces": ((12, 15), (12, 31)), "kerstvakantie": ((12, 15), (12, 31)),
    "meireces": ((4, 20), (5, 15)), "meivakantie": ((4, 20), (5, 15)),
}
_MONTH = "|".join(MONTHS)
_SEASON = "|".join(sorted(SEASONS, key=len, reverse=True))
_YEAR = r"(?P<year>20\d\d)(?![-–/]?\d)"  # not '2024-2028' (a span, not a moment)

# Prepositions that make a reference a deadline or plan: worth checking even without a year.
STRONG = {"voor", "vóór", "uiterlijk", "tot", "tot en met", "t/m"}


@dataclass(frozen=True)
class TimeRef:
    """A time reference: its text, whether it is a plan (strong), and its expiry per year."""

    phrase: str
    start: int
    end: int
    year: int | None
    strong: bool
    this_year: bool  # 'dit najaar': the dossier's own year, never the next
    expiry: Callable[[int], date]
    relative: bool = False  # 'eind dit jaar': needs the dossier date, year never written


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _season(name: str, year: int, part: str) -> date:
    (m1, d1), (m2, d2) = SEASONS[name]
    if part == "start":
        return date(year, m1, d1)
    return date(year, m2, d2)


def _norm(prep: str | None) -> str:
    return " ".join((prep or "").lower().split())


_DAY_MONTH = re.compile(
    rf"\b(?P<prep>vóór|voor|uiterlijk|tot\s+en\s+met|t/m|tot|per|vanaf|op|rond|in\s+de\s+week\s+van)"
    rf"\s+(?:(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH})\b(?:\s+{_YEAR})?"
    rf"|(?P<nday>\d{{1,2}})-(?P<nmonth>\d{{1,2}})-(?P<nyear>20\d\d)\b)",
    re.I,
)
_QUARTER = re.compile(
    rf"\b(?:(?P<prep>vóór|voor|uiterlijk|in|eind|tot)\s+)?(?:het\s+)?"
    rf"(?P<q>Q[1-4]|(?:eerste|tweede|derde|vierde|1e|2e|3e|4e)\s+kwartaal)\s+(?:van\s+)?{_YEAR}",
    re.I,
)
_SEASON_RE = re.compile(
    rf"\b(?:(?P<prep>vóór|voor|na|in|tijdens|rond|eind|begin|tot|vanaf)\s+)?"
    rf"(?:(?P<det>de|het|dit|deze|komend|komende|aankomend|aankomende|volgend|volgende)\s+)?"
    rf"(?P<season>{_SEASON})\b(?:\s+(?:van\s+)?{_YEAR})?",
    re.I,
)
_MONTH_RE = re.compile(
    rf"\b(?P<prep>vóór|voor|uiterlijk|tot\s+en\s+met|t/m|tot|eind|einde|begin|medio|half|"
    rf"halverwege|in|rond|vanaf|per)\s+(?P<month>{_MONTH})\b(?:\s+{_YEAR})?",
    re.I,
)
_YEAR_RE = re.compile(
    rf"\b(?P<prep>eind|einde|begin|medio|halverwege|ultimo|vóór|voor|uiterlijk|tot\s+en\s+met|t/m|"
    rf"tot|in\s+de\s+loop\s+van|in)\s+(?:van\s+)?{_YEAR}",
    re.I,
)
_RELATIVE = re.compile(
    r"\b(?:(?P<prep>eind|einde|begin|medio|voor\s+het\s+einde?\s+van|in\s+de\s+loop\s+van)\s+)?"
    r"(?P<rel>dit\s+jaar|volgend\s+jaar|komend\s+jaar)\b",
    re.I,
)


def _day_month(m: re.Match) -> TimeRef | None:
    prep = _norm(m["prep"])
    if m["nday"]:
        day, month, year = int(m["nday"]), int(m["nmonth"]), int(m["nyear"])
    else:
        day, month = int(m["day"]), MONTHS[m["month"].lower()]
        year = int(m["year"]) if m["year"] else None
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year or 2024, month)[1]:
        return None

    def expiry(y: int) -> date:
        return date(y, month, min(day, calendar.monthrange(y, month)[1]))

    return TimeRef(m.group(), m.start(), m.end(), year, prep in STRONG, False, expiry)


_QUARTER_NUMBER = {"eerste": 1, "1e": 1, "tweede": 2, "2e": 2, "derde": 3, "3e": 3,
                   "vierde": 4, "4e": 4}


def _quarter(m: re.Match) -> TimeRef:
    word = m["q"].lower().split()[0]
    quarter = int(word[1]) if word.startswith("q") else _QUARTER_NUMBER[word]
    prep = _norm(m["prep"])
    if prep in ("voor", "vóór"):
        return TimeRef(m.group(), m.start(), m.end(), int(m["year"]), True, False,
                       lambda y: date(y, 3 * quarter - 2, 1))
    return TimeRef(m.group(), m.start(), m.end(), int(m["year"]), True, False,
                   lambda y: _month_end(y, 3 * quarter))


def _season_ref(m: re.Match) -> TimeRef | None:
    prep, det = _norm(m["prep"]), _norm(m["det"])
    name = m["season"].lower()
    year = int(m["year"]) if m["year"] else None
    if not prep and det in ("", "de", "het") and year is None:
        return None  # 'de zomer was warm': no moment meant
    if prep == "vanaf":
        return None  # a start, not a deadline
    if prep in ("voor", "vóór", "tot"):
        def expiry(y: int) -> date:
            return _season(name, y, "start")
    elif prep == "na":
        def expiry(y: int) -> date:
            # 'na de zomer' promises the months after it: stale once those are over too.
            return _season(name, y, "end") + timedelta(days=122)
    else:
        def expiry(y: int) -> date:
            return _season(name, y, "end")
    return TimeRef(m.group(), m.start(), m.end(), year, True, det in ("dit", "deze"), expiry)


def _month_ref(m: re.Match) -> TimeRef | None:
    prep = _norm(m["prep"])
    month = MONTHS[m["month"].lower()]
    year = int(m["year"]) if m["year"] else None
    if prep in ("vanaf", "per"):
        return None
    if prep in ("voor", "vóór"):
        def expiry(y: int) -> date:
            return date(y, month, 1)
    else:
        def expiry(y: int) -> date:
            return _month_end(y, month)
    return TimeRef(m.group(), m.start(), m.end(), year, prep in STRONG, False, expiry)


def _year_ref(m: re.Match) -> TimeRef | None:
    prep = _norm(m["prep"])
    year = int(m["year"])
    ends = {"begin": (3, 31), "medio": (7, 31), "halverwege": (7, 31)}
    if prep in ("voor", "vóór", "tot"):
        def expiry(y: int) -> date:
            return date(y, 1, 1)
    else:
        month, day = ends.get(prep, (12, 31))

        def expiry(y: int) -> date:
            return date(y, month, day)
    return TimeRef(m.group(), m.start(), m.end(), year, prep != "in", False, expiry)


def _relative_ref(m: re.Match) -> TimeRef:
    prep = _norm(m["prep"])
    offset = 0 if m["rel"].lower().startswith("dit") else 1
    month, day = {"begin": (3, 31), "medio": (7, 31)}.get(prep, (12, 31))
    return TimeRef(m.group(), m.start(), m.end(), None, True, True,
                   lambda y: date(y + offset, month, day), relative=True)


# Most specific first: a later pattern never claims text an earlier one matched.
_PATTERNS = [(_DAY_MONTH, _day_month), (_QUARTER, _quarter), (_SEASON_RE, _season_ref),
             (_MONTH_RE, _month_ref), (_YEAR_RE, _year_ref), (_RELATIVE, _relative_ref)]


def find_time_refs(text: str) -> list[TimeRef]:
    """All time references in a text, left to right, without overlaps."""
    found: list[TimeRef] = []
    for pattern, build in _PATTERNS:
        for match in pattern.finditer(text):
            ref = build(match)
            if ref is None:
                continue
            if any(ref.start < other.end and other.start < ref.end for other in found):
                continue
            found.append(ref)
    return sorted(found, key=lambda r: r.start)


# --- past tense: 'De opdracht is half mei verstrekt' reports, it does not promise ---------------

_AUX = {"is", "zijn", "was", "waren", "werd", "werden", "heeft", "hebben", "had", "hadden", "hebt"}
_PAST_WORDS = {"jl", "jongstleden", "afgelopen", "destijds", "geleden", "inmiddels"}
_PARTICIPLE = re.compile(r"^(?:\w*ge\w{2,}(?:d|t|en)|(?:be|ver|ont|her|er)\w{2,}[dt])$")
# Words that look like a participle but are not one (or are present tense).
_NOT_PARTICIPLE = {"gereed", "gebied", "geld", "gezond", "geheel", "gemiddeld", "gelet", "gebeurt",
                   "bestaat", "betekent", "gemeenten", "bereid", "beroepsbevolking"}


def _sentence(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind("? ", 0, start), text.rfind("! ", 0, start))
    rights = [i for i in (text.find(". ", end), text.find("? ", end), text.find("! ", end)) if i >= 0]
    return text[left + 1: min(rights) if rights else len(text)]


def is_past_tense(text: str, ref: TimeRef) -> bool:
    """True when the sentence around the reference reports something done (a heuristic)."""
    words = [w.strip(".,:;()'\"").lower() for w in _sentence(text, ref.start, ref.end).split()]
    if any(w in _PAST_WORDS for w in words):
        return True
    if not any(w in _AUX for w in words):
        return False
    return any(_PARTICIPLE.match(w) and w not in _NOT_PARTICIPLE for w in words)


# --- the rule -----------------------------------------------------------------------------------

DUTCH_MONTHS = {v: k for k, v in MONTHS.items()}


def dutch_date(day: date) -> str:
    return f"{day.day} {DUTCH_MONTHS[day.month]} {day.year}"


@dataclass(frozen=True)
class Expired:
    ref: TimeRef
    expiry: date
    inferred_year: bool


def judge(text: str, ref: TimeRef, written: date | None, today: date) -> Expired | None | str:
    """Expired when the reference was ahead at `written` and is behind at `today`;
    'onbekend' when it cannot be placed without the dossier date; None when fine."""
    if ref.year is not None and not ref.relative:
        expiry = ref.expiry(ref.year)
        if written is not None:
            if expiry < written:
                return None  # already past when written: history, not a promise
        elif not ref.strong or is_past_tense(text, ref):
            return None
        return Expired(ref, expiry, False) if expiry < today else None
    if not ref.strong or is_past_tense(text, ref):
        return None
    if written is None:
        return "onbekend"
    year = written.year
    if not ref.this_year and ref.expiry(year) < written:
        year += 1  # 'voor de zomer' in an October dossier: next summer
    expiry = ref.expiry(year)
    if expiry < written:
        return None
    return Expired(ref, expiry, True) if expiry < today else None


@rule("verlopen-tijd", WARNING,
      "Een tijdsaanduiding die bij het schrijven in de toekomst lag en nu voorbij is ('voor 1 juni', "
      "'na de zomer 2024', 'dit najaar', 'eind 2024'), gemeten aan de dossierdatum en vandaag.")
def expired_time_refs(ctx: LintContext) -> Iterator[Hit]:
    for dossier in ctx.kb.dossiers:
        unplaced: list[str] = []
        for item in walk_dossier(dossier):
            if item.kind not in LINES:
                continue
            for ref in find_time_refs(item.text):
                verdict = judge(item.text, ref, dossier.date, ctx.today)
                if verdict == "onbekend":
                    unplaced.append(ref.phrase)
                elif isinstance(verdict, Expired):
                    basis = (f"dossier van {dutch_date(dossier.date)}" if dossier.date
                             else "dossier zonder datum")
                    year_note = ", jaar afgeleid uit de dossierdatum" if verdict.inferred_year else ""
                    yield Hit(dossier, item.loc,
                              f"'{ref.phrase}' in {item.label} is waarschijnlijk verlopen: "
                              f"{dutch_date(verdict.expiry)} is voorbij ({basis}{year_note}, "
                              f"peildatum {dutch_date(ctx.today)}); werk de regel bij")
        if unplaced:
            distinct: dict[str, str] = {}
            for phrase in unplaced:
                distinct.setdefault(phrase.lower(), phrase)
            shown = ", ".join(f"'{p}'" for p in distinct.values())
            yield Hit(dossier, ("datum",),
                      f"dossier heeft geen datum: {len(unplaced)} tijdsaanduiding(en) zonder jaartal "
                      f"zijn niet te controleren ({shown}); vul 'datum:' in")
