"""Recognisers of sections and body lines: classification stamps, the headings that open the
core message or the questions, themed sections, contact lines, page furniture left in the
body, and plain lines of the core message or a theme."""

from __future__ import annotations

import re

from briefing.importing import dates
from briefing.importing import events as ev
from briefing.importing.context import Ctx, Step, section_name
from briefing.importing.text import has_words
from briefing.importing.vocabulary import (AGENDA_KIND, CORE, FURNITURE, MEETING, PLACEHOLDER,
                                           QA, SECTIONS, SPOKEN, STAMP_LINE, TEMPLATE,
                                           stamp_level, strip_colon, word_list)
from briefing.model.dossier import Classification
from briefing.model.registers import fold


def placeholder(ctx: Ctx) -> Step | None:
    """A block that held only a PM: its theme stays a theme."""
    return Step([ev.Placeholder()], ctx.i + 1) if ctx.block.kind == "pm" else None


def blank(ctx: Ctx) -> Step | None:
    return Step.consume(ctx) if not has_words(ctx.block.text) else None


def stamp(ctx: Ctx) -> Step | None:
    """A classification stamp on a line of its own: the classification, no content. In
    the body only a stamp that restricts ('Vertrouwelijk', not 'Openbaar.') and outside a
    question (where 'Openbaar na 1 maart.' may be an answer)."""
    block, state = ctx.block, ctx.state
    if block.kind not in ("para", "heading"):
        return None
    level = stamp_level(block.text)
    if level is None:
        return None
    if state.section != "header" and (level is Classification.OPENBAAR or
                                       state.qa.question is not None):
        return None
    events: list[ev.Event] = [ev.Classified(level)]
    rest = STAMP_LINE.match(block.text.strip(" *.:")).group("rest").strip(" –—-:,;(/|)")
    if has_words(rest) and dates.find_date(rest) is None:
        # 'Strikt geheim — tot de beantwoording in de raad': how to handle it, for the vetter.
        events.append(ev.DossierNote(block.text))
    return Step.consume(ctx, *events)


def agenda_kind(ctx: Ctx) -> Step | None:
    """'Mondelinge vragen' above the annotatie's header (not above the questions)."""
    text = ctx.block.text
    if ctx.state.section == "header" and AGENDA_KIND.match(text) and \
            not ctx.state.header.agenda and not ctx.doc.questions_follow(ctx.i):
        return Step.consume(ctx, ev.Agenda(strip_colon(text)))
    return None


def core_heading(ctx: Ctx) -> Step | None:
    if ctx.heading is None:
        return None
    title = ctx.heading[0]
    if CORE.match(title) or (SPOKEN.match(section_name(title)) and not ctx.state.body.core.roots
                             and ctx.state.section in ("header", "body")):
        return Step.consume(ctx, ev.EnterCore())
    return None


def qa_heading(ctx: Ctx) -> Step | None:
    if ctx.heading is not None and QA.match(ctx.heading[0]):
        return Step.consume(ctx, ev.EnterQa(ctx.heading[1]))
    return None


def ends_questions(ctx: Ctx) -> bool:
    """A heading that ends the questions section: a heading as high as the section's own,
    or a section the genre names."""
    if ctx.heading is None:
        return False
    title, level = ctx.heading
    qa_level = ctx.state.qa.level
    if ctx.block.kind == "heading" and (qa_level is None or (level or 0) <= qa_level):
        return not ctx.names.parse_askers(title)
    name = section_name(title)
    return bool(SECTIONS.match(name) or CORE.match(name))


def body_furniture(ctx: Ctx) -> Step | None:
    """Page headers and template remnants in the body: the meeting if still unknown,
    else an unrecognised line (kept, not dropped)."""
    block, text = ctx.block, ctx.block.text
    if block.kind != "para" or len(word_list(text)) > 8:
        return None
    meeting = ctx.state.header.meeting
    if meeting and fold(text) == fold(meeting):
        return Step.consume(ctx, ev.Unrecognised(block.line, text))
    if MEETING.match(text) and not meeting and len(word_list(text)) <= 6 and \
            re.match(r"^(?:college|gemeenteraad|raad)", text, re.IGNORECASE):
        return Step.consume(ctx, ev.MeetingName(text[:1].upper() + text[1:]))
    if FURNITURE.match(text) or TEMPLATE.match(text) or PLACEHOLDER.fullmatch(text):
        return Step.consume(ctx, ev.Unrecognised(block.line, text))
    return None


_CONTACT = re.compile(r"^(?P<label>behandelend ambtenaar|contactpersoon|opsteller)\b\s*"
                      r"(?:\([^)]*\))?\s*:?\s*(?P<value>.*)$", re.IGNORECASE)


def contact(ctx: Ctx) -> Step | None:
    """'Behandelend ambtenaar (naam, ...)' and its (redacted) value: a fact."""
    block, doc = ctx.block, ctx.doc
    match = _CONTACT.match(block.text)
    if not match or block.kind != "para":
        return None
    label = match.group("label")[:1].upper() + match.group("label")[1:].lower()
    value = match.group("value").strip()
    used, upto = [block], ctx.i
    following = doc.next_content(ctx.i)
    if not value and following is not None and doc.blocks[following].kind == "para" \
            and len(word_list(doc.blocks[following].text)) <= 8 \
            and doc.blocks[following].line - block.lines[-1] <= 3:
        value = doc.blocks[following].text
        used.append(doc.blocks[following])
        upto = following
    events = [ev.FactsBreak(), ev.Fact(f"{label}: {value}")] if value else []
    return Step.consume(ctx, *events, upto=upto, used=tuple(used))


def theme_heading(ctx: Ctx) -> Step | None:
    if ctx.heading is None:
        return None
    return Step.consume(ctx, ev.OpenTheme(ctx.heading[0], ctx.heading[1]))


def content(ctx: Ctx) -> Step:
    """A line of the core message or the open theme. 'Overige toelichting:' and the
    paragraph after it are one line."""
    block, doc, text = ctx.block, ctx.doc, ctx.block.text
    if block.kind == "item":
        return Step.consume(ctx, ev.ContentLine(text, block.level, item=True))
    following = doc.next_content(ctx.i)
    if text.endswith(":") and len(word_list(text)) <= 4 and following is not None and \
            doc.blocks[following].kind == "para" and doc.heading(following) is None:
        nxt = doc.blocks[following]
        return Step.consume(ctx, ev.ContentLine(f"{text} {nxt.text}"), upto=following,
                            used=(block, nxt))
    return Step.consume(ctx, ev.ContentLine(text))
