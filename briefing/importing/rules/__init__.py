"""The classifier: chains of small recognisers, each `rule(ctx) -> Step | None`, that turn
one block into typed events (markdown-it's rules_block is the model). A recogniser looks at
the block, the blocks around it and the builder's state, and either recognises its one
construct or declines; it holds no state and changes nothing.

The chains run in this order for every block:

    PRELUDE    placeholders, tables, blank lines, stamps, the headings that open the core
               message or the questions; in the genres that list questions (rules/lists.py)
               also mastheads, footnotes, the subject line, who asks and the closing
    header     while the header is open (rules/header.py); a section heading or the first
               question ends it
    questions  a 'Vraag N' line starts them anywhere; while they are open (rules/questions.py)
               until a heading ends them
    BODY       page furniture, contact lines, theme headings, lines of text

A new construct is a new recogniser and one line in a chain."""

from __future__ import annotations

from briefing.importing import events as ev
from briefing.importing.context import Ctx, Doc, Step, run_chain
from briefing.importing.rules import lists, sections
from briefing.importing.rules.header import read_header
from briefing.importing.rules.questions import read_questions
from briefing.importing.rules.tables import table

PRELUDE = [lists.signature, sections.placeholder, table, sections.blank, lists.masthead,
           lists.footnote, lists.closing, lists.received, lists.subject, lists.preamble_askers,
           sections.stamp, sections.agenda_kind, sections.core_heading, sections.qa_heading]
BODY = [sections.body_furniture, sections.contact, sections.theme_heading, sections.content]


def classify(doc: Doc, state, i: int) -> Step:
    """The events of block i (and perhaps the blocks after it) and where to read on."""
    block = doc.blocks[i]
    in_qa = state.section == "qa"
    heading = doc.heading(i, in_qa) if block.kind not in ("pm", "table") and block.text else None
    ctx = Ctx(doc, state, i, heading)
    step = run_chain(PRELUDE, ctx)
    if step is not None and step.next is not None:
        return step
    events: list[ev.Event] = list(step.events) if step else []
    if state.section == "header":
        step = read_header(ctx)
        if step is not None and step.next is not None:
            return Step(events + step.events, step.next)
        events += step.events if step else []
    if doc.starts_question(block) or (not in_qa and doc.asker_header(block)):
        opening = [] if in_qa else [ev.EnterQa(None, close_open=False)]
        return Step(events + opening + read_questions(ctx).events, i + 1)
    if in_qa:
        if not sections.ends_questions(ctx):
            return Step(events + read_questions(ctx).events, i + 1)
        events.append(ev.LeaveQa())
    step = run_chain(BODY, ctx)
    return Step(events + step.events, step.next)
