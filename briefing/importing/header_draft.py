"""The header fields while they are read: the first value of each field wins, the strongest
title wins (a label over an agenda or meeting line over the first heading), and what loses
is kept in the note, never dropped."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from briefing.importing import events as ev
from briefing.importing.vocabulary import AGENDA_KIND, strip_colon, word_list
from briefing.model.registers import fold


@dataclass
class HeaderDraft:
    title: str | None = None
    title_rank: int = 0                   # 3 label, 2 agenda/meeting line, 1 first heading
    title_fallback: str | None = None     # a meeting line, when nothing else names it
    meeting: str | None = None
    date: dt.date | None = None
    agenda: str | None = None
    holder: str | None = None
    decision: list[str] = field(default_factory=list)
    note: list[str] = field(default_factory=list)
    pending: str | None = None            # a header label waiting for its value
    pending_label: str = ""               # ... as written ('Wethouder:' gives the role)

    def apply(self, event: ev.Event) -> bool:
        """Apply a header event; False when the event is not about the header."""
        handler = _HANDLERS.get(type(event))
        if handler is None:
            return False
        handler(self, event)
        return True

    def set_title(self, text: str, rank: int) -> None:
        text = strip_colon(text).strip()
        if not text:
            return
        if rank > self.title_rank:
            if self.title and fold(self.title) != fold(text):
                self.note.append(self.title)
            self.title, self.title_rank = text, rank
        elif self.title and fold(self.title) != fold(text):
            self.note.append(text)

    def _title(self, event: ev.Title) -> None:
        self.set_title(event.text, event.rank)

    def _fallback(self, event: ev.TitleFallback) -> None:
        self.title_fallback = self.title_fallback or event.text

    def _meeting(self, event: ev.Meeting) -> None:
        if event.date is not None:
            self.date = self.date or event.date
        self.meeting = self.meeting or event.name
        rest = event.rest
        kind = rest.strip("() ")
        if kind and AGENDA_KIND.match(kind):
            self.agenda = self.agenda or kind  # 'Gemeenteraad 5 maart 2025 (vragenuur)'
            rest = ""
        if rest:
            if len(word_list(rest)) >= 2 and self.title_rank < 2:
                self.set_title(rest, 2)
            elif rest.lower() not in ("", "vergadering"):
                self.note.append(rest)

    def _meeting_name(self, event: ev.MeetingName) -> None:
        self.meeting = self.meeting or event.name

    def _date(self, event: ev.Date) -> None:
        self.date = self.date or event.date

    def _agenda(self, event: ev.Agenda) -> None:
        self.agenda = self.agenda or event.text

    def _holder(self, event: ev.Holder) -> None:
        self.holder = self.holder or event.text

    def _decision(self, event: ev.Decision) -> None:
        self.decision.append(event.text)

    def _pending(self, event: ev.Pending) -> None:
        self.pending = event.key
        if event.key is not None:
            self.pending_label = event.label

    def _note(self, event: ev.DossierNote) -> None:
        self.note.append(event.text)


_HANDLERS = {
    ev.Title: HeaderDraft._title,
    ev.TitleFallback: HeaderDraft._fallback,
    ev.Meeting: HeaderDraft._meeting,
    ev.MeetingName: HeaderDraft._meeting_name,
    ev.Date: HeaderDraft._date,
    ev.Agenda: HeaderDraft._agenda,
    ev.Holder: HeaderDraft._holder,
    ev.Decision: HeaderDraft._decision,
    ev.Pending: HeaderDraft._pending,
    ev.DossierNote: HeaderDraft._note,
}
