"""Recognisers of the header: title, meeting, date, agenda item, wethouder, requested
decision, as label lines ('Onderwerp: X', 'Datum' / '3 maart'), meeting lines, the first
heading, and notes above the core message. The chain ends at a section heading or the first
question: the header is over."""

from __future__ import annotations

import re

from briefing.importing import dates
from briefing.importing import events as ev
from briefing.importing.context import Ctx, Step, named_section, run_chain
from briefing.importing.rules.fields import header_value, holder_events, parse_meeting
from briefing.importing.text import has_words
from briefing.importing.vocabulary import (AGENDA_KIND, ANNOTATIE_AGENDA, ANNOTATIE_VOOR,
                                           CLASSIFICATION, CLASSIFICATION_LINE,
                                           COLLEGE_DECIDES, DECISION_CONTENT, FURNITURE,
                                           LABEL_RE, MEETING, NOTE_PREFIX, PLACEHOLDER,
                                           QUESTIONS_OF, SECTIONS, STAMP, TEMPLATE, VOORDRACHT,
                                           strip_colon, word_list)

_DOC_TYPE = re.compile(r"(?i)annotatie|(?i:concept[- ]?)?annotatie\s+(?:wethouder|voor wethouder)?")
_ANNOTATIE_LINE = re.compile(r"^annotatie\s*[–—:-]?\s+(?:voor\s+|bij\s+|t\.b\.v\.\s+)?(?:de\s+)?"
                             r"(?P<rest>.+)$", re.IGNORECASE)
_LABEL_FACT = re.compile(r"^(?P<label>[A-Z][\w .'/&-]{1,30}):\s+(?P<value>.{1,120})$")


def unrecognised(ctx: Ctx) -> Step:
    block = ctx.block
    return Step.consume(ctx, ev.Unrecognised(block.line, block.text or block.raw))


def read_header(ctx: Ctx) -> Step | None:
    """The header chain; a classification word in a short line counts, and the rules read
    the line without its stamp."""
    block, text = ctx.block, ctx.block.text
    pre: list[ev.Event] = []
    if block.kind in ("para", "heading") and (len(word_list(text)) <= 15 or block.kind == "heading"):
        level = next((lvl for lvl, pattern in CLASSIFICATION if pattern.search(text)), None)
        if level is not None:
            pre.append(ev.Classified(level))
        if CLASSIFICATION_LINE.match(text):
            return Step.consume(ctx, *pre)  # 'Vertrouwelijk', 'STRIKT GEHEIM': no content
        text = STAMP.sub(" ", text).strip() if STAMP.search(text) else text
    ctx.text = text
    step = run_chain(HEADER_RULES, ctx) or Step()
    return Step(pre + step.events, step.next, step.stop) if pre or step.events or \
        step.next is not None or step.stop else None


def document_type(ctx: Ctx) -> Step | None:
    if _DOC_TYPE.fullmatch(ctx.text.strip(" :")):
        return unrecognised(ctx)  # the document type, not its title
    return None


def empty(ctx: Ctx) -> Step | None:
    return Step.consume(ctx) if not ctx.text else None


def letterhead(ctx: Ctx) -> Step | None:
    if ctx.block.kind == "para" and FURNITURE.match(ctx.text):
        return unrecognised(ctx)  # 'Gemeente Amsterdam' above the annotatie: no title
    return None


def decision_item(ctx: Ctx) -> Step | None:
    block = ctx.block
    if ctx.state.header.pending == "decision" and block.kind == "item":
        prefix = f"{block.number}. " if block.marker == "number" and block.number else ""
        return Step.consume(ctx, ev.Decision(prefix + ctx.text))
    return None


def decision_line(ctx: Ctx) -> Step | None:
    """'Gevraagd besluit' / 'Ter bespreking.' on the next line."""
    header_state = ctx.state.header
    if header_state.pending == "decision" and ctx.block.kind == "para" and \
            not header_state.decision and not any(p.match(ctx.text) for _, p in LABEL_RE):
        return Step.consume(ctx, ev.Decision(ctx.text))
    return None


def pending_value(ctx: Ctx) -> Step | None:
    """The value of a label on the line before ('Onderwerp' / 'Kademuren')."""
    header_state = ctx.state.header
    if header_state.pending is None:
        return None
    clear = ev.Pending(None)
    if header_state.pending != "decision" and ctx.block.kind in ("para", "heading"):
        found = header_value(header_state.pending, ctx.text, header_state.pending_label,
                             ctx.state, ctx.block.text)
        if found is not None:
            return Step.consume(ctx, clear, *found)
    return Step([clear])


def college_decides(ctx: Ctx) -> Step | None:
    if COLLEGE_DECIDES.match(ctx.text):
        return Step.consume(ctx, ev.MeetingName("College van burgemeester en wethouders"),
                            ev.Pending("decision"))
    return None


def annotatie_for(ctx: Ctx) -> Step | None:
    match = ANNOTATIE_VOOR.match(ctx.text)
    return Step.consume(ctx, *holder_events(match.group("who"), "")) if match else None


def questions_of(ctx: Ctx) -> Step | None:
    """'Vragen van het lid Ceder (CU) over ...': the askers are learnt (for 'Vraag 2
    (Ceder)'); the line names the subject."""
    match = QUESTIONS_OF.match(ctx.text)
    askers = ctx.names.parse_askers(match.group("who")) if match else None
    if not askers:
        return None
    rank = 2 if ctx.state.header.title_rank < 2 else 1
    return Step.consume(ctx, ev.Learn(tuple(askers)), ev.Title(ctx.text, rank))


def annotatie_meeting(ctx: Ctx) -> Step | None:
    """'Annotatie raadscommissie Mobiliteit, 12 maart 2025'."""
    match = _ANNOTATIE_LINE.match(ctx.text)
    if match and MEETING.match(match.group("rest")):
        meeting = parse_meeting(match.group("rest"))
        if meeting is not None:
            return Step.consume(ctx, meeting, ev.TitleFallback(ctx.text))
    return None


def annotatie_agenda(ctx: Ctx) -> Step | None:
    match = ANNOTATIE_AGENDA.match(ctx.text)
    if match:
        return Step.consume(ctx, *(header_value("agenda", match.group("value"), "", ctx.state)
                                   or []))
    return None


def voordracht(ctx: Ctx) -> Step | None:
    if not VOORDRACHT.match(ctx.text):
        return None
    found = dates.find_date(ctx.text)
    return Step.consume(ctx, *([ev.Date(found.date)] if found else []))


def label_line(ctx: Ctx) -> Step | None:
    """'Onderwerp: X', 'Datum 3 maart', 'Wethouder:' (value on the next line)."""
    text, block = ctx.text, ctx.block
    for key, pattern in LABEL_RE:
        match = pattern.match(text)
        if not match:
            continue
        value = match.group("value").strip()
        if key == "holder" and match.group("label").lower() in ("wethouder", "burgemeester"):
            if not value and not text.rstrip().endswith(":"):
                continue
            if value and (len(word_list(value)) > 5 or value[:1].islower()):
                continue  # 'Wethouder heeft ...' is a sentence, not a label
            value = f"{match.group('label').lower()} {value}" if value else ""
        if key == "decision" and not (text.rstrip().endswith(":") or ":" in text or
                                      not value or len(word_list(text)) <= 4):
            continue
        if key == "title" and not value and ctx.heading is None and not text.endswith(":") \
                and len(word_list(text)) > 2:
            continue
        value, after, extra = _split_glued_label(value, block)
        if not value or PLACEHOLDER.fullmatch(value):
            waiting = after or (key if not match.group("value").strip() else None)
            return Step.consume(ctx, *extra, ev.Pending(waiting, match.group("label")))
        found = header_value(key, value, match.group("label"), ctx.state, block.text)
        if found is not None:
            return Step.consume(ctx, *found)
    return None


def _split_glued_label(value: str, block) -> tuple[str, str | None, list[ev.Event]]:
    """'<automatisch>Tekst ... Onderwerp': a label glued to the end of a line opens the
    next field; a placeholder is no value (what follows it is kept as unrecognised)."""
    after, extra = None, []
    glued = re.search(r"\s(Onderwerp|Titel|Betreft)$", value)
    if glued:
        value = value[:glued.start()].strip()
        after = "title"
    placeholder = PLACEHOLDER.match(value)
    if placeholder:
        rest = value[placeholder.end():].strip()
        if rest:
            extra.append(ev.Unrecognised(block.line, rest))
        value = ""
    return value, after, extra


def lone_date(ctx: Ctx) -> Step | None:
    """A date on its own: the meeting's date."""
    text = ctx.text
    found = dates.find_date(text)
    around = text[:found.start] + text[found.end:] if found else ""
    if found and found.has_year and not has_words(
            re.sub(r"(?i)\b(?:d\.d\.|datum|op|van)\b", "", around)):
        return Step.consume(ctx, ev.Date(found.date))
    return None


def agenda_kind(ctx: Ctx) -> Step | None:
    if AGENDA_KIND.match(ctx.text) and len(word_list(ctx.text)) <= 6:
        return Step.consume(ctx, ev.Agenda(strip_colon(ctx.text)))
    return None


def meeting_line(ctx: Ctx) -> Step | None:
    meeting = parse_meeting(ctx.text)
    return Step.consume(ctx, meeting) if meeting is not None else None


def decision_content(ctx: Ctx) -> Step | None:
    """'- Ter bespreking' in the header: the requested decision."""
    if ctx.block.kind == "item" and DECISION_CONTENT.match(ctx.text) and \
            not ctx.state.header.decision:
        return Step.consume(ctx, ev.Decision(ctx.text))
    return None


def template(ctx: Ctx) -> Step | None:
    return unrecognised(ctx) if TEMPLATE.match(ctx.text) else None


def annotatie_title(ctx: Ctx) -> Step | None:
    text = ctx.text
    if re.match(r"^annotatie\b", text, re.IGNORECASE) and len(word_list(text)) > 1 \
            and ctx.state.header.title_rank < 2:
        return Step.consume(ctx, ev.Title(re.sub(r"(?i)^annotatie\s*:\s*", "", text), 2))
    return None


def heading(ctx: Ctx) -> Step | None:
    """The first heading is the title; a short line above header lines is a note; any
    other heading opens a section: the header is over."""
    if ctx.heading is None:
        return None
    block, doc, title = ctx.block, ctx.doc, ctx.heading[0]
    if ctx.state.header.title is None and not SECTIONS.match(title) and (
            block.kind == "heading" or block.bold or ctx.i == doc.first_content()):
        return Step.consume(ctx, ev.Title(title, 1))
    if doc.header_follows(ctx.i) and not named_section(title):
        return Step.consume(ctx, ev.DossierNote(ctx.text))  # 'Sociaal Domein' above it
    return Step.end()


def question(ctx: Ctx) -> Step | None:
    if ctx.doc.starts_question(ctx.block) or ctx.doc.asker_header(ctx.block):
        return Step.end()
    return None


def first_line_title(ctx: Ctx) -> Step | None:
    block = ctx.block
    if block.kind == "para" and ctx.state.header.title is None and \
            ctx.i == ctx.doc.first_content() and len(word_list(ctx.text)) <= 25:
        return Step.consume(ctx, ev.Title(ctx.text, 1))
    return None


def label_fact(ctx: Ctx) -> Step | None:
    """Explanations above the core message ('NB: ...' is a note, not a fact)."""
    label = _LABEL_FACT.match(ctx.text)
    if label and not NOTE_PREFIX.match(ctx.text) and len(word_list(label.group("label"))) <= 4:
        return Step.consume(ctx, ev.Fact(f"{label.group('label')}: {label.group('value')}"))
    return None


def note(ctx: Ctx) -> Step:
    return Step.consume(ctx, ev.DossierNote(ctx.text))


HEADER_RULES = [
    document_type, empty, letterhead, decision_item, decision_line, pending_value,
    college_decides, annotatie_for, questions_of, annotatie_meeting, annotatie_agenda,
    voordracht, label_line, lone_date, agenda_kind, meeting_line, decision_content, template,
    annotatie_title, heading, question, first_line_title, label_fact, note,
]
