"""The one builder: it owns everything the import learns about the dossier and applies the
recognisers' events in order. Recognisers read its state (section, header fields, the open
question) but never change it.

The state is split over three drafts with their own rules (header_draft.py, body_draft.py,
qa_draft.py); this class holds them, the document-wide fields (classification, embargo,
redactions, open points, the kind of document) and the lines nothing took."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from briefing.importing import events as ev
from briefing.importing.body_draft import BodyDraft
from briefing.importing.header_draft import HeaderDraft
from briefing.importing.names import Asker, Names
from briefing.importing.qa_draft import QaDraft
from briefing.importing.text import has_words, tidy
from briefing.model.dossier import Classification, Dossier, SourceLine, Status, Theme


@dataclass
class ImportResult:
    """A recognised document: the dossier and remarks for the summary."""

    dossier: Dossier
    notes: list[str] = field(default_factory=list)


class Builder:
    def __init__(self, names: Names, source_name: str | None = None):
        self.names = names
        self.source_name = source_name
        self.section = "header"              # header | core | body | qa
        self.header = HeaderDraft()
        self.body = BodyDraft()
        self.qa = QaDraft()
        self.kind: str | None = None
        self.document_askers: list = []
        self.classification: Classification | None = None
        self.embargo: dt.datetime | None = None
        self.redactions: list[str] = []
        self.open_points: list[str] = []
        self.unrecognised: list[tuple[int, str]] = []
        self.used: set[int] = set()
        self.notes: list[str] = []

    def apply(self, event: ev.Event) -> None:
        if self.header.apply(event) or self.qa.apply(event):
            return
        handler = _HANDLERS.get(type(event))
        if handler is None:
            raise TypeError(f"no handler for {type(event).__name__}")
        handler(self, event)

    def apply_all(self, events: list[ev.Event]) -> None:
        for event in events:
            self.apply(event)

    # --- bookkeeping -----------------------------------------------------------------------

    def _used(self, event: ev.Used) -> None:
        self.used.update(event.lines)

    def _unrecognised(self, event: ev.Unrecognised) -> None:
        self.unrecognised.append((event.line, event.text))

    def _note(self, event: ev.ImportNote) -> None:
        self.notes.append(event.text)

    def _classified(self, event: ev.Classified) -> None:
        if self.classification is None or event.force:
            self.classification = event.level

    def _embargo(self, event: ev.Embargo) -> None:
        self.embargo = event.moment

    def _redaction(self, event: ev.Redaction) -> None:
        self.redactions.append(event.text)

    def _open_point(self, event: ev.OpenPoint) -> None:
        self.open_points.append(event.text)

    def _genre(self, event: ev.Genre) -> None:
        self.kind = event.kind

    def _document_askers(self, event: ev.DocumentAskers) -> None:
        for asker in event.askers:
            same = next((a for a in self.document_askers
                         if a.member and asker.member and a.member == asker.member), None)
            lonely = next((a for a in self.document_askers if a.member and not a.party), None)
            if same is not None:
                same.party = same.party or asker.party
            elif lonely is not None and asker.party and not asker.member:
                lonely.party = asker.party  # 'het lid IJmker' ... 'namens de fractie van GL'
            elif not any(a.party == asker.party and not asker.member
                         for a in self.document_askers):
                self.document_askers.append(Asker(asker.member, asker.party, asker.explicit))

    def _closing(self, event: ev.Closing) -> None:
        self.end_header()
        self.qa.leave()
        self.section = "closing"

    def _learn(self, event: ev.Learn) -> None:
        self.names.learn(list(event.askers))

    # --- sections --------------------------------------------------------------------------

    def end_header(self) -> None:
        if self.section == "header":
            self.section = "body"
            self.header.pending = None

    def _end_header(self, event: ev.EndHeader) -> None:
        self.end_header()

    def _enter_core(self, event: ev.EnterCore) -> None:
        self.end_header()
        self.qa.leave()
        self.section = "core"
        self.body.core.close()

    def _enter_qa(self, event: ev.EnterQa) -> None:
        self.end_header()
        if event.close_open:
            self.qa.leave()
            self.qa.level = event.level
        elif self.section != "qa":
            self.qa.level = None
        self.section = "qa"

    def _leave_qa(self, event: ev.LeaveQa) -> None:
        self.qa.leave()
        if event.to_body:
            self.section = "body"

    # --- body ------------------------------------------------------------------------------

    def _open_theme(self, event: ev.OpenTheme) -> None:
        self.end_header()
        if self.section in ("core", "qa"):
            self.section = "body"
        self.body.open_theme(event.title, event.level)

    def _placeholder(self, event: ev.Placeholder) -> None:
        self.body.placeholder()

    def _content(self, event: ev.ContentLine) -> None:
        if self.section == "core":
            self.body.add_line(self.body.core, event)
            return
        self.section = "body"
        self.body.add_line(self.body.theme_lines(), event)

    def _table_start(self, event: ev.TableStart) -> None:
        self.body.table_start(self.section == "header")

    def _table_end(self, event: ev.TableEnd) -> None:
        self.body.facts.close()

    def _fact(self, event: ev.Fact) -> None:
        self.body.fact(event)

    def _fact_amend(self, event: ev.FactAmend) -> None:
        self.body.amend_fact(event)

    def _facts_break(self, event: ev.FactsBreak) -> None:
        self.body.facts.close()

    # --- the result ------------------------------------------------------------------------

    def finish(self, block_text, leftovers) -> ImportResult:
        """The dossier. block_text(line) is the text of the block starting at a line;
        leftovers(used, seen) gives the source lines no field took."""
        self.qa.leave()
        self.names.learn(self.document_askers)
        self.qa.default_asker = self.document_askers[0] if self.document_askers else None
        questions = self.qa.finish(self.names, self.notes, self.unrecognised, block_text)
        open_parties = self.qa.open_parties(self.names)
        seen = {n for n, _ in self.unrecognised}
        self.unrecognised.extend(leftovers(self.used, seen))
        header = self.header
        title = header.title or header.title_fallback or title_from_name(self.source_name)
        embargo = self.embargo
        if embargo is not None and header.date is not None and \
                embargo.date() < header.date and (header.date - embargo.date()).days > 183:
            embargo = embargo.replace(year=embargo.year + 1)
        body = self.body
        dossier = Dossier(
            id=None,
            title=title,
            meeting=header.meeting,
            date=header.date,
            agenda_item=header.agenda,
            portfolio_holder=header.holder,
            requested_decision="\n".join(header.decision) or None,
            status=Status.CONCEPT,
            kind=self._final_kind(questions),
            classification=self.classification or Classification.OPENBAAR,
            embargo_until=embargo,
            source=self.source_name,
            note="\n\n".join(header.note) or None,
            core_message=body.core.lines(),
            themes=[Theme(title=t.title, lines=t.lines.lines()) for t in body.themes
                    if t.blocks or t.lines.roots],
            questions=questions,
            open_parties=open_parties,
            open_points=self.open_points,
            redactions=self.redactions,
            facts=body.facts.lines(),
            unrecognised=[SourceLine(line=n, text=t) for n, t in sorted(self.unrecognised)],
        )
        return ImportResult(dossier, self.notes)

    def _final_kind(self, questions) -> str | None:
        """Answers or questions decide in the end: a list of questions without a single
        answer is incoming questions."""
        kind = self.kind
        if kind in ("qa-lijst", "beantwoording") and questions and \
                not any(q.answer for q in questions):
            return "vragen"
        return kind


def title_from_name(name: str | None) -> str:
    if not name:
        return "Geïmporteerde annotatie"
    stem = re.sub(r"\.[A-Za-z]+$", "", name)
    return tidy(re.sub(r"[_]+", " ", stem)) or "Geïmporteerde annotatie"


def leftover_lines(blocks, source_lines: dict[int, str]):
    """Source lines no field took: the safety net that keeps 'nothing dropped' true."""
    def find(used: set[int], seen: set[int]) -> list[tuple[int, str]]:
        out = []
        for block in blocks:
            for number in block.lines:
                if number in used or number in seen:
                    continue
                text = source_lines.get(number, block.text or block.raw).strip()
                if has_words(text):
                    out.append((number, text))
        return out
    return find


_HANDLERS = {
    ev.Used: Builder._used,
    ev.Unrecognised: Builder._unrecognised,
    ev.ImportNote: Builder._note,
    ev.Classified: Builder._classified,
    ev.Embargo: Builder._embargo,
    ev.Redaction: Builder._redaction,
    ev.OpenPoint: Builder._open_point,
    ev.Genre: Builder._genre,
    ev.Learn: Builder._learn,
    ev.DocumentAskers: Builder._document_askers,
    ev.Closing: Builder._closing,
    ev.EndHeader: Builder._end_header,
    ev.EnterCore: Builder._enter_core,
    ev.EnterQa: Builder._enter_qa,
    ev.LeaveQa: Builder._leave_qa,
    ev.OpenTheme: Builder._open_theme,
    ev.Placeholder: Builder._placeholder,
    ev.ContentLine: Builder._content,
    ev.TableStart: Builder._table_start,
    ev.TableEnd: Builder._table_end,
    ev.Fact: Builder._fact,
    ev.FactAmend: Builder._fact_amend,
    ev.FactsBreak: Builder._facts_break,
}
