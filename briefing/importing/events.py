"""Typed events: what the recognisers (rules/) saw in the blocks, for the builder.

A recogniser never changes the dossier; it returns events, and the builder (builder.py)
applies them in order. Events say what a block is ('a header date', 'an answer line', 'a
new asker group'), not how the dossier keeps it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from briefing.importing.drafts import DraftQuestion, Segment
from briefing.importing.names import Asker
from briefing.model.dossier import Classification


class Event:
    """Base of all events."""


# --- bookkeeping -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Used(Event):
    """Source lines that went into a field (or were only structure): not 'onherkend'."""
    lines: tuple[int, ...]


@dataclass(frozen=True)
class Unrecognised(Event):
    line: int
    text: str


@dataclass(frozen=True)
class ImportNote(Event):
    """A remark for the person who vets the import (the summary's 'let op')."""
    text: str


@dataclass(frozen=True)
class Classified(Event):
    level: Classification
    force: bool = False      # a 'Classificatie:' field overrides an earlier stamp


@dataclass(frozen=True)
class Embargo(Event):
    moment: dt.datetime


@dataclass(frozen=True)
class Redaction(Event):
    text: str


@dataclass(frozen=True)
class OpenPoint(Event):
    text: str


@dataclass(frozen=True)
class Genre(Event):
    """The kind of document (annotatie, beantwoording, qa-lijst, kamervragen, vragen)."""
    kind: str


@dataclass(frozen=True)
class DocumentAskers(Event):
    """Who asks the questions of the whole document ('vragen van het lid IJmker',
    'D66-fractie' under the title): the asker of every question that names none."""
    askers: tuple[Asker, ...]


@dataclass(frozen=True)
class Closing(Event):
    """The letter's closing ('Met vriendelijke groet', 'Indiener(s),'): what follows is the
    signature, not content."""


@dataclass(frozen=True)
class Learn(Event):
    """Askers named with member and party, for later lines that give only the surname."""
    askers: tuple[Asker, ...]


# --- sections --------------------------------------------------------------------------------


@dataclass(frozen=True)
class EndHeader(Event):
    pass


@dataclass(frozen=True)
class EnterCore(Event):
    pass


@dataclass(frozen=True)
class EnterQa(Event):
    level: int | None = None   # the heading level of the questions section, if any
    close_open: bool = True    # a new section closes the open question and asker group


@dataclass(frozen=True)
class LeaveQa(Event):
    to_body: bool = True


# --- header ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Title(Event):
    text: str
    rank: int                # 3 label, 2 agenda or meeting line, 1 first heading


@dataclass(frozen=True)
class TitleFallback(Event):
    text: str


@dataclass(frozen=True)
class Meeting(Event):
    """A meeting line's parts; the builder keeps the first of each."""
    name: str
    date: dt.date | None = None
    agenda: str | None = None
    rest: str = ""           # what the line says besides: a title or a note


@dataclass(frozen=True)
class MeetingName(Event):
    name: str


@dataclass(frozen=True)
class Date(Event):
    date: dt.date


@dataclass(frozen=True)
class Agenda(Event):
    text: str


@dataclass(frozen=True)
class Holder(Event):
    text: str


@dataclass(frozen=True)
class Decision(Event):
    text: str


@dataclass(frozen=True)
class Pending(Event):
    """A header label whose value is on the next line (key None: nothing waits)."""
    key: str | None
    label: str = ""


@dataclass(frozen=True)
class DossierNote(Event):
    text: str


@dataclass(frozen=True)
class Fact(Event):
    text: str
    level: int = 0


@dataclass(frozen=True)
class FactAmend(Event):
    """Column heads that qualify the fact line above ('Aantal meldingen (2024, 2025)')."""
    suffix: str


@dataclass(frozen=True)
class FactsBreak(Event):
    pass


# --- body ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OpenTheme(Event):
    title: str
    level: int | None


@dataclass(frozen=True)
class Placeholder(Event):
    """A block that held only a PM: it keeps its theme a theme."""


@dataclass(frozen=True)
class ContentLine(Event):
    """A line of the core message or a theme (the builder knows which section is open).
    An item nests by its level; a paragraph stands on its own."""
    text: str
    level: int = 0
    item: bool = False


@dataclass(frozen=True)
class TableStart(Event):
    pass


@dataclass(frozen=True)
class TableEnd(Event):
    pass


# --- questions -------------------------------------------------------------------------------


@dataclass(frozen=True)
class OpenQuestion(Event):
    number: int | None
    line: int
    segments: tuple[Segment, ...] = ()
    by_label: bool = False         # 'Vraag N': asker lines may follow
    item_level: int | None = None  # a bullet question: its answer is the deeper bullets
    answering: bool = False        # the answer follows at once


@dataclass(frozen=True)
class TableQuestion(Event):
    """A finished question from a table row."""
    draft: DraftQuestion


@dataclass(frozen=True)
class AddAskers(Event):
    """More askers of the open question."""
    askers: tuple[Asker, ...]


@dataclass(frozen=True)
class AskText(Event):
    """More text of the open question."""
    text: str
    default: Asker = field(default_factory=Asker)
    also: tuple[Asker, ...] = ()


@dataclass(frozen=True)
class AskerLine(Event):
    """A line naming who asks the questions below it."""
    askers: tuple[Asker, ...]
    line: int


@dataclass(frozen=True)
class TemplateItem(Event):
    """An empty numbered item under an asker: a template slot, not a question."""


@dataclass(frozen=True)
class AnswerLabel(Event):
    rest: str = ""


@dataclass(frozen=True)
class PressedLabel(Event):
    text: str = ""


@dataclass(frozen=True)
class QuestionNote(Event):
    text: str


@dataclass(frozen=True)
class Answering(Event):
    """The open question's text is complete: what follows answers it."""


@dataclass(frozen=True)
class AnswerLine(Event):
    """A line of the open question's answer (or 'if pressed' part). mode: 'item' nests by
    level, 'label' takes the list after it, 'para' stands alone (a colon opens a list)."""
    text: str
    mode: str
    level: int = 0
    number: int | None = None
