"""Header values as events: what 'Onderwerp: X', 'Datum: Y', 'Wethouder: Z' or a meeting
line ('Commissie WV d.d. 3 okt. 2024') say, read the same wherever the label stands (a
label line, the line after it, a header table)."""

from __future__ import annotations

import re

from briefing.importing import dates
from briefing.importing import events as ev
from briefing.importing.vocabulary import (CLASSIFICATION, COMMITTEE_ABBR, DUTCH_PREFIXES,
                                           HOLDER, MEETING, PLACEHOLDER, stamp_level,
                                           strip_colon, word_list)

_ANNOTATIE_MEETING = re.compile(
    r"^annotatie\s+(?:voor\s+|bij\s+|t\.b\.v\.\s+)?(?:de\s+)?(?P<meeting>(?:raads)?commissie\s+.+?)"
    r"\s+[–—:-]\s+(?P<title>.+)$", re.IGNORECASE)
_SMALL_WORDS = {"en", "van", "de", "het", "der", "voor", "op", "in", "met", "over", "tot", "t.b.v."}
_COMMITTEE_NAME = re.compile(
    r"^\s+[A-Z][\w'’-]*(?:(?:,\s*|\s+(?:en|&)\s+|\s*&\s*|\s+)[A-Z][\w'’-]*)*"
    r"(?:\s*\([A-Z][A-Za-z&]{1,8}\))?")


def header_value(key: str, value: str, label: str, state, line_text: str = "") -> \
        list[ev.Event] | None:
    """The events of one header field; None when the value does not fit the label (a
    'Datum' without a date), so that the line can be read otherwise."""
    value = strip_colon(value).strip()
    if not value or PLACEHOLDER.fullmatch(value):
        return []
    if key == "title":
        out: list[ev.Event] = []
        annotatie = _ANNOTATIE_MEETING.match(value)
        meeting = parse_meeting(annotatie.group("meeting"), force=True) if annotatie else None
        if meeting is not None:
            out.append(meeting)
            value = annotatie.group("title")  # 'Onderwerp: Annotatie commissie WB – X'
        return out + [ev.Title(value, 3)]
    if key == "meeting":
        meeting = parse_meeting(value, force=True)
        if meeting is not None:
            return [meeting]
        if not re.match(r"(?i)(?:raads)?commissie|raad|college|gemeenteraad", value) and \
                re.match(r"(?i)(?:raads)?commissie", label):
            value = f"Commissie {value}"  # 'Commissie: Mobiliteit, ...'
        return [ev.MeetingName(uncapped(value))]
    if key == "date":
        found = dates.find_date(value) or dates.find_ocr_date(value)
        return None if found is None else [ev.Date(found.date)]
    if key == "agenda":
        number = re.match(r"^(?:nr\.?|nummer)?\s*(\d+[a-z]?(?:\.\d+)?)\b", value, re.IGNORECASE)
        if number:
            out = [ev.Agenda(number.group(1))]
            rest = value[number.end():].strip(" :-–")
            return out + ([ev.Title(rest, 2)] if rest else [])
        if len(word_list(value)) <= 6:
            return [ev.Agenda(value)]
        return [ev.Title(value, 2)]
    if key == "holder":
        return holder_events(value, label)
    if key == "decision":
        return [ev.Decision(value)]
    if key == "classification":
        level = stamp_level(value)
        if level is None:
            level = next((lvl for lvl, pattern in CLASSIFICATION if pattern.search(value)), None)
        return [ev.Classified(level, force=True)] if level is not None else []
    if key == "embargo":
        moment = dates.parse_moment(value, state.header.date)
        if moment is None:
            return None
        return [ev.Embargo(moment)] + note_extra(line_text, value)
    if key == "addressee":
        # A memo to the wethouder: 'Aan: wethouder Van Dantzig'; to others it is a fact.
        if HOLDER.match(value) and not state.header.holder:
            return holder_events(value, "")
        return [ev.Fact(f"{label.strip().capitalize() or 'Aan'}: {value}")]
    if key == "sender":
        return [ev.Fact(f"{label.strip().capitalize()}: {value}")]
    if key == "portfolio":
        return [ev.Fact(f"Portefeuille: {value}")]
    if key == "contact":
        return [ev.Fact(f"Behandelend ambtenaar: {value}")]
    return []


def holder_events(value: str, label: str) -> list[ev.Event]:
    value = strip_colon(value).strip()
    if not value or PLACEHOLDER.fullmatch(value):
        return []
    out: list[ev.Event] = []
    role = re.search(r"(?i)wethouder|burgemeester", label)
    if role and not HOLDER.match(value):
        value = f"{role.group(0).lower()} {value}"  # 'Verantwoordelijk wethouder: X'
    portfolio = re.search(r"\s*\((?P<p>[^()]+)\)$", value)
    if portfolio:  # 'wethouder Pels (Duurzaamheid)'
        value = value[:portfolio.start()]
        out.append(ev.Fact(f"Portefeuille: {portfolio.group('p').strip()}"))
    name = holder_name(value)
    if name:
        out.append(ev.Holder(name))
    return out


def note_extra(line: str, value: str) -> list[ev.Event]:
    """A date field with more to say ('... 10.00 uur (publicatie rapport)'): the line is
    kept in the note, so the reason is not lost."""
    rest = value
    for found in reversed(dates.find_dates(value, 2000)):
        rest = rest[:found.start] + " " + rest[found.end:]
    rest = re.sub(r"(?i)\b(?:tot|t/m|om|vanaf|uur|uiterlijk|\d{1,2}[:.]\d{2}|u)\b", " ", rest)
    if any(len(w) >= 3 and w.isalpha() for w in re.findall(r"\w+", rest)):
        return [ev.DossierNote(line)]
    return []


def parse_meeting(text: str, force: bool = False) -> ev.Meeting | None:
    """'Raadscommissie FKD Tussentijdse raadsbrief', 'Gemeenteraad, 18 september 2024',
    'Commissie WV d.d. 3 okt. 2024': meeting, date and perhaps the title."""
    found = dates.find_date(text)
    abbr = COMMITTEE_ABBR.match(text)
    match = abbr or MEETING.match(text)
    if not match:
        return None
    if not abbr and not force and len(word_list(text)) > 8 and not found:
        return None
    meeting = match.group("meeting").strip()
    rest = match.group("rest")
    if not found and not abbr:
        if force:
            meeting, rest = text, ""
        else:
            # 'Commissie Onderwijs, Jeugd en Zorg': a committee's name is capitalised words.
            name = _COMMITTEE_NAME.match(rest)
            if name:
                meeting += name.group(0).rstrip()
                rest = rest[name.end():]
    if found:
        before = text[:found.start]
        after = text[found.end:]
        if abbr is None:
            meeting = before
        rest = (before[len(match.group("meeting")):] if abbr else "") + " " + after
    meeting = re.sub(r"\s*(?:,|d\.d\.|van|op|dd)\s*$", "", meeting.strip(), flags=re.I)
    meeting = meeting.strip(" ,:-–")
    rest = re.sub(r"^\s*(?:d\.d\.|dd)\s*", "", rest.strip(" ,:-–")).strip(" ,:-–")
    if not meeting:
        return None
    meeting = re.sub(r"(?i)^cie\.", "Commissie", uncapped(meeting))
    meeting = meeting[:1].upper() + meeting[1:]
    return ev.Meeting(meeting, found.date if found else None, None, rest)


def uncapped(name: str) -> str:
    """'RAADSCOMMISSIE MOBILITEIT, OPENBARE RUIMTE EN WATER' -> 'Raadscommissie Mobiliteit,
    Openbare Ruimte en Water': a name in capitals as the register writes it. Short words
    without vowels stay abbreviations ('FKD', 'WB')."""
    if any(c.islower() for c in name) or len(name.split()) < 2:
        return name
    words = []
    for word in name.split():
        bare = word.strip(",.;:()").lower()
        if bare in _SMALL_WORDS:
            words.append(word.lower())
        elif len(bare) <= 4 and not re.search(r"[aeiouy]", bare):
            words.append(word)
        else:
            words.append(word[:1] + word[1:].lower())
    return " ".join(words)


def holder_name(text: str) -> str | None:
    """'wethouder van Buren' -> 'wethouder Van Buren' (a surname without first name starts
    with a capital, also its 'van')."""
    text = strip_colon(text).strip()
    match = HOLDER.match(text)
    role, name = (match.group("role").lower(), match.group("name").strip()) if match else ("", text)
    if role.startswith("wh"):
        role = "wethouder"
    name = name.strip(" ,.")
    if not name:
        return None
    if name.lower().startswith(DUTCH_PREFIXES):
        name = name[:1].upper() + name[1:]
    return f"{role} {name}".strip()
