"""Recognisers for the genres whose questions stand in a list (beantwoording, qa-lijst,
kamervragen, vragen): who asks (named once, in the preamble or under the title), the
subject line of Kamervragen and incoming questions, letterheads and mastheads, footnotes,
and the letter's closing. None of them fires in an annotatie."""

from __future__ import annotations

import re

from briefing.importing import dates
from briefing.importing import events as ev
from briefing.importing.context import Ctx, Step, listed_question
from briefing.importing.names import Asker

_NAME = r"[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|van|de|der|den|ter|te|in\s+'t))*"
# 'vragen ontvangen van het lid IJmker', 'van het lid van de stadsdeelcommissie Van Zanten',
# 'Vragen van het lid Boswijk (CDA) aan de Minister ...'.
_MEMBER = re.compile(rf"\bvan\s+het\s+(?:raads|commissie)?lid\s+(?:van\s+de\s+[a-z]+\s+)?"
                     rf"(?P<who>{_NAME})(?:[\s´`'’]*\((?P<party>[^()]{{2,40}})\))?")
# 'namens de fractie van GroenLinks', 'de VVD-fractie', 'D66-fractie' (a line of its own).
_PARTY = re.compile(r"\bnamens\s+de\s+fractie\s+van\s+(?:de\s+)?(?P<a>[A-Z][\w/-]+)|"
                    r"(?:^|\s)(?:de\s+)?(?P<b>[A-Z][\w/]*(?:-[A-Z][\w/]*)?)-fractie\b")
# The subject line of questions: '... vragen van het lid X (P) [aan de Minister ...] over Y
# (ingezonden ...)', 'Schriftelijke vragen van het lid IJmker inzake Y'.
_SUBJECT = re.compile(r"^(?:schriftelijke\s+|mondelinge\s+)?vragen\s+van\s+(?:het|de)\s+"
                      r"(?:raads|commissie)?(?:lid|leden)\b.*?\s(?:over|inzake|betreffende|"
                      r"n\.a\.v\.|naar\s+aanleiding\s+van)\s+(?P<subject>.+?)"
                      r"\s*(?:\((?:ingezonden|ontvangen)[^()]*\))?\s*\.?$", re.IGNORECASE)
_RECEIVED = re.compile(r"(?i)^antwoord\s+van\s+(?:de\s+)?(?:minister|staatssecretaris)\b.*?"
                       r"\(ontvangen\s+(?P<date>[^()]+)\)")
# The letterhead: the city's logo as OCR reads it ('> < Gemeente', 'Amsterdam') and the
# document type printed beside it.
_LETTERHEAD = re.compile(r"^[<>X×\s]*(?:gemeente(?:\s+\w+)?|amsterdam)(?:\s+(?:raadsinformatiebrief|"
                         r"beantwoording\s+schriftelijke\s+vragen|schriftelijke\s+vragen))?\s*$",
                         re.IGNORECASE)
# The masthead and page furniture of the Aanhangsel Handelingen.
_MASTHEAD = re.compile(
    r"(?i)^(?:\d{1,4}|vergaderjaar\s+\d{4}.*|.*aanhangsel\s+van\s+de\s+handelingen.*|"
    r"vragen\s+gesteld\s+door\s+de\s+leden\s+der\s+kamer.*|regering\s+gegeven\s+antwoorden|"
    r"tweede\s+kamer\s+der\s+staten-generaal\d*|a?h[\s-]tk[\s-]\d{8}[\s-]\d+|issn\s+\d{4}.*|"
    r".*tweede\s+kamer,\s+vergaderjaar\s+\d{4}.*)$")
# A footnote: a small number (OCR may read it as a letter) and a citation: a web address, a
# Kamerstuk, a motion, a newspaper with its date.
_FOOTNOTE = re.compile(
    r"^(?:\d{1,2}|[s+*])\s?(?:https?://|www\.)\S+$|"
    r"^\d{1,2}\s?(?=[A-Z(])(?=.*(?:kamerstuk|motie\b|\bnr\.|https?://|handelingen|"
    r"\b[\w-]+\.(?:nl|com|net|org|eu)\b|"
    r"\b\d{1,2}\s+(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|"
    r"november|december)\s+\d{4})).*[^?]$", re.IGNORECASE)
# The end of a letter or of incoming questions: what follows is the signature.
CLOSING = re.compile(r"(?i)^(?:met\s+vriendelijke\s+groet|hoogachtend|indiener(?:\(s\)|s)?\b|"
                     r"(?:ik|wij)\s+(?:verwacht(?:en)?|hoop|hopen)\s+u\s+hiermee\b|"
                     r"(?:ik|wij)\s+vertrouw(?:en)?\s+erop\s+u\s+hiermee\b)")


def _active(ctx: Ctx) -> bool:
    return ctx.doc.lists_questions


def _before_questions(ctx: Ctx) -> bool:
    qa = ctx.state.qa
    return qa.question is None and not qa.questions


def closing(ctx: Ctx) -> Step | None:
    if _active(ctx) and ctx.block.kind == "para" and CLOSING.match(ctx.block.text):
        return Step.consume(ctx, ev.Closing(), ev.Unrecognised(ctx.block.line, ctx.block.text))
    return None


def signature(ctx: Ctx) -> Step | None:
    """After the closing: names, functions, 'Namens het college': not content."""
    if ctx.state.section == "closing":
        return Step.consume(ctx, ev.Unrecognised(ctx.block.line, ctx.block.text))
    return None


def masthead(ctx: Ctx) -> Step | None:
    text = ctx.block.text.strip("*# ")
    if not _active(ctx) or ctx.block.kind == "table":
        return None
    if (ctx.doc.kind == "kamervragen" and _MASTHEAD.match(text)) or \
            (ctx.i < 4 and _LETTERHEAD.match(text)):
        return Step.consume(ctx, ev.Unrecognised(ctx.block.line, ctx.block.text))
    return None


def footnote(ctx: Ctx) -> Step | None:
    if _active(ctx) and ctx.block.kind == "para" and _FOOTNOTE.match(ctx.block.text):
        return Step.consume(ctx, ev.Unrecognised(ctx.block.line, ctx.block.text))
    return None


def received(ctx: Ctx) -> Step | None:
    """'Antwoord van Minister X (ontvangen 13 november 2023)': the answers' date."""
    match = _RECEIVED.match(ctx.block.text) if _active(ctx) else None
    if not match:
        return None
    found = dates.find_date(match.group("date"))
    return Step.consume(ctx, *([ev.Date(found.date)] if found else []),
                        ev.DossierNote(ctx.block.text))


def subject(ctx: Ctx) -> Step | None:
    """'Vragen van het lid Bromet (GroenLinks) aan de Minister ... over X (ingezonden ...)':
    the subject is the title, the member and party ask every question."""
    if not _active(ctx) or ctx.block.kind not in ("para", "heading"):
        return None
    match = _SUBJECT.match(ctx.block.text.strip("* "))
    if not match:
        return None
    askers = _askers(ctx.block.text)
    subject_text = match.group("subject").strip(" .«»\"")
    return Step.consume(ctx, ev.Title(subject_text, 3), *askers)


def preamble_askers(ctx: Ctx) -> Step | None:
    """Who asks, named in the preamble ('schriftelijke vragen ontvangen van het lid IJmker',
    'namens de fractie van GroenLinks') or on a line of its own under the title
    ('D66-fractie'): not consumed, the line is still read."""
    if not _active(ctx) or not _before_questions(ctx) or ctx.block.kind not in ("para", "heading"):
        return None
    text = ctx.block.text
    if len(text.split()) <= 4 and listed_question(ctx.block) is None:
        askers = ctx.names.parse_askers(text)
        if askers and all(a.party or a.member for a in askers) and \
                any(a.explicit for a in askers):
            return Step([ev.DocumentAskers(tuple(askers)), ev.Learn(tuple(askers))])
    found = _askers(text)
    return Step(found) if found else None


def _askers(text: str) -> list[ev.Event]:
    out: list[Asker] = []
    member = _MEMBER.search(text)
    if member:
        out.append(Asker(member.group("who").strip(), (member.group("party") or "").strip()
                         or None, True))
    party = _PARTY.search(text)
    if party:
        out.append(Asker(None, (party.group("a") or party.group("b")).strip(), True))
    return [ev.DocumentAskers(tuple(out)), ev.Learn(tuple(out))] if out else []
