"""Recognisers of the questions section: 'Vraag N' lines, 'Antwoord:' and 'Indien
doorgevraagd:' labels, adviser notes, asker lines and asker groups, numbered and bulleted
questions, question text and answer lines. Every block here is used."""

from __future__ import annotations

import re

from briefing.importing import events as ev
from briefing.importing.context import Ctx, Step, labelled_item, run_chain
from briefing.importing.rules.askers import ALSO_LINE, AskerReader, unwrap
from briefing.importing.text import has_words
from briefing.importing.vocabulary import (ANSWER, ANSWER_NUMBERED, NOTE_BRACKETS, NOTE_PREFIX,
                                           PRESSED, TEMPLATE, VRAAG, VRAAG_BARE, VRAAG_PAIR,
                                           VRAAG_WHO, word_list)

# An adviser's remark at the end of an answer line: '... per wijk. [interne noot: ...]'.
NOTE_TRAILING = re.compile(r"\s*\[(?P<note>(?!\s*(?:zie|bijlage|bron|link|url|pm)\b)[^\[\]]+"
                           r"\s[^\[\]]+)\]\s*\.?$", re.IGNORECASE)
# 'Mocht doorgevraagd worden over X': the qualifier without its verb.
_QUALIFIER_VERB = re.compile(r"^(?:wordt|worden|is|zijn|er|nog)\s+", re.IGNORECASE)
_NUMBER_WHO = re.compile(r"^(?P<who>\([^()]{2,60}\)|[^:?]{2,40}):\s*(?P<rest>.+)$")


def read_questions(ctx: Ctx) -> Step:
    """The questions chain: the first recogniser that knows the block decides."""
    step = run_chain(QA_RULES, ctx)
    return Step.consume(ctx, *step.events)


def _reader(ctx: Ctx) -> AskerReader:
    return AskerReader(ctx.names, ctx.state.qa.group_asker())


def _done(ctx: Ctx, reader: AskerReader, *events: ev.Event) -> Step:
    return Step([*reader.learn(), *events], ctx.i + 1)


def vraag_label(ctx: Ctx) -> Step | None:
    """'Vraag 2:', 'Vraag 5 *Van Pijpen*', 'Vraag 3 (VVD, lid Bakker): tekst'."""
    block, text, reader = ctx.block, ctx.block.text, _reader(ctx)
    pair = VRAAG_PAIR.match(text)
    if pair:  # 'Vraag 4 en 5': both questions follow, one answer
        segments = reader.question_line(pair.group("rest"))
        return _done(ctx, reader, ev.OpenQuestion(int(pair.group("n")), block.line,
                                                  tuple(segments), by_label=True))
    match = VRAAG.match(text) or (VRAAG_BARE.match(text) if block.kind != "item"
                                  or labelled_item(text) else None)
    who = VRAAG_WHO.match(text) if not match and block.kind != "item" else None
    if who and not reader.parse(who.group("who")):
        who = None
    if not (match or who):
        return None
    groups = (match or who).groupdict()
    number = int(groups["n"]) if groups.get("n") else None
    if groups.get("who"):
        segments = reader.with_askers(unwrap(groups["who"]), groups["rest"].strip())
    else:
        segments = reader.question_line(groups["rest"].strip())
    return _done(ctx, reader, ev.OpenQuestion(number, block.line, tuple(segments),
                                              by_label=True))


def answer_label(ctx: Ctx) -> Step | None:
    match = ANSWER.match(ctx.block.text) or ANSWER_NUMBERED.match(ctx.block.text)
    if match and ctx.state.qa.question is not None and (ctx.block.kind != "item"
                                                         or match.group("rest")):
        return Step([ev.AnswerLabel((match.group("rest") or "").strip())], ctx.i + 1)
    return None


def pressed_label(ctx: Ctx) -> Step | None:
    """'Indien doorgevraagd:', 'Als wordt doorgevraagd over X: tekst'."""
    match = PRESSED.match(ctx.block.text)
    if not match or ctx.state.qa.question is None:
        return None
    qualifier = _QUALIFIER_VERB.sub("", (match.group("qual") or "").strip(" ,"))
    rest = (match.group("rest") or "").strip()
    text = rest
    if qualifier and len(word_list(qualifier)) >= 2:
        label = qualifier[:1].upper() + qualifier[1:]
        text = f"{label}: {rest}" if rest else f"{label}:"
    return Step([ev.PressedLabel(text)], ctx.i + 1)


def note(ctx: Ctx) -> Step | None:
    """'[We interpreteren deze vraag als ...]', 'NB: ...': a note for the adviser."""
    block, question = ctx.block, ctx.state.qa.question
    if question is None:
        return None
    match = NOTE_BRACKETS.match(block.text)
    if match:
        return Step([ev.QuestionNote(match.group("note").strip())], ctx.i + 1)
    if NOTE_PREFIX.match(block.text) and block.kind in ("para", "item"):
        return Step([ev.QuestionNote(block.text)], ctx.i + 1)
    return None


def also_asked(ctx: Ctx) -> Step | None:
    """'Ook gevraagd door: GroenLinks': more askers of the same question."""
    block, reader = ctx.block, _reader(ctx)
    match = ALSO_LINE.match(block.text)
    if match and ctx.state.qa.question is not None and block.kind in ("para", "heading", "item"):
        askers = reader.parse(match.group("who"), force=True)
        if askers:
            return _done(ctx, reader, ev.AddAskers(tuple(askers)))
    return None


def asker_line(ctx: Ctx) -> Step | None:
    """Asker lines: inside 'Vraag N' they add an asker; elsewhere they open a group."""
    block, reader, question = ctx.block, _reader(ctx), ctx.state.qa.question
    if not (block.kind in ("para", "heading") or (block.kind == "item" and block.bold
                                                  and block.marker == "bullet")):
        return None
    askers = reader.parse(block.text)
    if not askers:
        return None
    if question is not None and question.state == "ask" and question.by_label:
        return _done(ctx, reader, ev.AddAskers(tuple(askers)))
    return _done(ctx, reader, ev.AskerLine(tuple(askers), block.line))


def numbered_question(ctx: Ctx) -> Step | None:
    """Numbered questions under an asker ('- 1. Kan ik ...?**', '6. Klopt het ...?')."""
    block, text, reader = ctx.block, ctx.block.text, _reader(ctx)
    if not (block.kind == "item" and block.marker == "number" and block.number is not None):
        return None
    if not has_words(re.sub(r"\d", "", text)) or TEMPLATE.match(text):
        return Step([ev.TemplateItem()], ctx.i + 1)
    if not _next_number(ctx):
        return None
    who = VRAAG_WHO.match(text) or _NUMBER_WHO.match(text)
    askers = reader.parse(unwrap(who.group("who"))) if who else None
    if askers:
        segments = reader.with_askers(unwrap(who.group("who")), who.group("rest"))
    else:
        segments = reader.first_text(text)
    return _done(ctx, reader, ev.OpenQuestion(block.number, block.line, tuple(segments)))


def _next_number(ctx: Ctx) -> bool:
    """A numbered item is the next question, not the answer's own list going on."""
    qa, number = ctx.state.qa, ctx.block.number
    question = qa.question
    last = question.number if question is not None else (
        qa.questions[-1].number if qa.questions else None)
    fresh_group = qa.group is not None and qa.group.questions == 0
    if question is not None and question.state != "ask" and question.answer_numbers \
            and question.answer_numbers[-1] + 1 == number and not fresh_group:
        return False  # the answer's own numbered list goes on ('1. ...', '2. ...')
    if fresh_group or last is None:
        return True
    return number == last + 1


def listed(ctx: Ctx) -> Step | None:
    """In a genre that lists its questions: a numbered or bulleted block that asks opens
    the next question (numbers may skip where OCR lost a question), unless it continues
    the answer's own numbered list."""
    if not ctx.doc.lists_questions:
        return None
    found = ctx.doc.listed_question_at(ctx.i)
    if found is None:
        return None
    number, text = found
    question = ctx.state.qa.question
    if ctx.block.kind == "item" and question is not None and question.state != "ask" and \
            question.answer_numbers and question.answer_numbers[-1] + 1 == number:
        return None
    reader = _reader(ctx)
    segments = reader.first_text(text)
    return _done(ctx, reader, ev.OpenQuestion(number, ctx.block.line, tuple(segments)))


def bullet_question(ctx: Ctx) -> Step | None:
    """'- Waarom ...?' with deeper bullets as its answer."""
    block, doc, question = ctx.block, ctx.doc, ctx.state.qa.question
    if block.kind == "item" and block.text.endswith("?") and block.marker == "bullet" and (
            (question is None and doc.followed_by_deeper(ctx.i)) or (
                question is not None and question.item_level is not None
                and block.level <= question.item_level)):
        reader = _reader(ctx)
        segments = reader.first_text(block.text)
        return _done(ctx, reader, ev.OpenQuestion(None, block.line, tuple(segments),
                                                  item_level=block.level, answering=True))
    return None


def first_question(ctx: Ctx) -> Step | None:
    """No question open: a line under an asker, a line with '?' or a bold line opens one;
    anything else is kept as unrecognised."""
    block, state = ctx.block, ctx.state
    if state.qa.question is not None:
        return None
    if (block.kind in ("para", "heading") or block.bold) and (
            state.qa.group is not None or block.text.endswith("?") or block.bold) \
            and not TEMPLATE.match(block.text):
        reader = _reader(ctx)
        segments = reader.first_text(block.text)
        return _done(ctx, reader, ev.OpenQuestion(None, block.line, tuple(segments)))
    return Step([ev.Unrecognised(block.line, block.text)], ctx.i + 1)


def next_question(ctx: Ctx) -> Step | None:
    """A new unnumbered question under the same asker: a question mark or bold, after an
    answer."""
    block, question = ctx.block, ctx.state.qa.question
    if block.kind in ("para", "heading") and (block.text.endswith("?") or block.bold) and \
            question.state != "ask" and len(question.answer) and not question.by_label \
            and (question.number is None or block.bold) and question.item_level is None:
        reader = _reader(ctx)
        segments = reader.first_text(block.text)
        return _done(ctx, reader, ev.OpenQuestion(None, block.line, tuple(segments)))
    return None


def question_text(ctx: Ctx) -> Step | None:
    """A plain line while the question is being asked: more question text, unless the
    question ended with '?' and this line does not (then it is the answer)."""
    block, doc, question = ctx.block, ctx.doc, ctx.state.qa.question
    if question.state != "ask" or block.kind != "para":
        return None
    asked = next((" ".join(seg.text) for seg in reversed(question.segments) if seg.text), "")
    if asked.endswith("?") and not block.text.endswith("?") and not ALSO_LINE.match(block.text):
        return None
    if ctx.heading is not None and doc.followed_by_items(ctx.i) and question.has_text:
        return None
    if doc.lists_questions and doc.kind != "kamervragen" and not question.by_label and \
            block.gap_before and question.has_text:
        return None  # a listed question is one paragraph: after a blank line, the answer
    reader = _reader(ctx)
    text, also = reader.split_also(block.text)
    return _done(ctx, reader, ev.AskText(text, reader.default, tuple(also)))


def answer_line(ctx: Ctx) -> Step:
    """A line of the answer (or of what to say when pressed). Incoming questions have no
    answers: a line after one is kept as unrecognised, never invented into an answer."""
    block, doc, text = ctx.block, ctx.doc, ctx.block.text
    if doc.kind == "vragen":
        return Step([ev.Unrecognised(block.line, text)], ctx.i + 1)
    events: list[ev.Event] = [ev.Answering()]
    note = NOTE_TRAILING.search(text)
    if note:
        events.append(ev.QuestionNote(note.group("note").strip()))
        text = text[:note.start()].rstrip()
    if block.kind == "item":
        number = block.number if block.marker == "number" else None
        events.append(ev.AnswerLine(text, "item", block.level, number))
    elif ctx.heading is not None and len(word_list(ctx.heading[0])) <= 4 and \
            doc.followed_by_items(ctx.i):
        events.append(ev.AnswerLine(ctx.heading[0] if not text.endswith(":") else text, "label"))
    else:
        level = -1 if text.endswith(":") and doc.followed_by_items(ctx.i) else 0
        events.append(ev.AnswerLine(text, "para", level))
    return Step(events, ctx.i + 1)


QA_RULES = [
    vraag_label, answer_label, pressed_label, note, also_asked, asker_line, listed,
    numbered_question, bullet_question, first_question, next_question, question_text, answer_line,
]
