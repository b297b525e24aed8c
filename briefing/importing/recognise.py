"""One structure recogniser: source blocks -> a dossier in the knowledge format.

It reads an annotatie the way an adviser does: a header (title, meeting, date, agenda item,
wethouder, requested decision), a core message, themed sections, and questions with askers,
answers, 'if pressed' lines and notes. Every block lands in a field or in `onherkend` with
its line number: nothing is dropped silently.

The parts live in their own modules: vocabulary.py (the genre's words and patterns),
drafts.py (what is filled while reading), header.py, sections.py, questions.py, tables.py;
this module reads the blocks in order and hands each to the right part."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from briefing.importing import dates
from briefing.importing.drafts import AskerGroup, DraftQuestion, DraftTheme, Lines
from briefing.importing.header import HeaderMixin
from briefing.importing.names import Names
from briefing.importing.questions import QuestionsMixin
from briefing.importing.readers import Block
from briefing.importing.sections import SectionsMixin, section_name
from briefing.importing.tables import TablesMixin
from briefing.importing.text import (CONTACT_LABELS, extract_pm, has_words,
                                     remove_redactions, tidy)
from briefing.importing.vocabulary import (AGENDA_KIND, CORE, EMBARGO, EMBARGO_SHORT, QA,
                                           SPOKEN, STAMP_LINE, STOPWORDS, stamp_level, strip_colon,
                                           word_list)
from briefing.model.dossier import Classification, Dossier, SourceLine, Status, Theme, slug
from briefing.model.registers import Registers, fold


@dataclass
class ImportResult:
    """A recognised annotatie: the dossier and remarks for the summary."""

    dossier: Dossier
    notes: list[str] = field(default_factory=list)


# --- the recogniser --------------------------------------------------------------------------


class Recogniser(HeaderMixin, SectionsMixin, QuestionsMixin, TablesMixin):
    def __init__(self, blocks: list[Block], registers: Registers | None = None,
                 source_name: str | None = None, source_lines: dict[int, str] | None = None):
        self.blocks = blocks
        self.names = Names(registers)
        self.source_name = source_name
        self.source_lines = source_lines or {}
        self.notes: list[str] = []
        # header
        self.title: str | None = None
        self.title_rank = 0                  # 3 label, 2 agenda/meeting line, 1 first heading
        self.meeting: str | None = None
        self.date: dt.date | None = None
        self.agenda: str | None = None
        self.holder: str | None = None
        self.decision: list[str] = []
        self.classification: Classification | None = None
        self.embargo: dt.datetime | None = None
        self.dossier_note: list[str] = []
        self.pending: str | None = None      # a header label waiting for its value
        self.pending_label = ""              # ... as written ('Wethouder:' gives the role)
        self.title_fallback: str | None = None  # a meeting line, when nothing else names it
        # body
        self.section = "header"              # header | core | body | qa
        self.core = Lines()
        self.themes: list[DraftTheme] = []
        self.theme: DraftTheme | None = None
        self.parent: tuple[str, int | None] | None = None
        self.facts = Lines()
        self.questions: list[DraftQuestion] = []
        self.question: DraftQuestion | None = None
        self.group: AskerGroup | None = None
        self.groups: list[AskerGroup] = []
        self.qa_level: int | None = None
        self.open_points: list[str] = []
        self.redactions: list[str] = []
        self.unrecognised: list[tuple[int, str]] = []
        self.used: set[int] = set()
        self.last_label = ""

    # --- entry -----------------------------------------------------------------------

    def run(self) -> ImportResult:
        self._prepare()
        self._find_embargo()
        i = 0
        while i < len(self.blocks):
            i = self._step(i)
        self._close_question()
        self._close_group()
        return ImportResult(self._dossier(), self.notes)

    def _use(self, block: Block) -> None:
        self.used.update(block.lines)
        self.used.update(block.row_lines)

    def _unrecognised(self, block: Block, text: str | None = None) -> None:
        self._use(block)
        self.unrecognised.append((block.line, text if text is not None else (block.text or block.raw)))

    # --- pre-pass: redactions and open points ---------------------------------------------

    def _split_header_lines(self) -> None:
        """'Commissie Klimaat · 3-2-2025 · wethouder Pels': one header line per part."""
        out: list[Block] = []
        for index, block in enumerate(self.blocks):
            parts = _FIELD_SEPARATOR.split(block.text) if block.kind == "para" and index < 15 \
                else [block.text]
            if 2 <= len(parts) <= 5 and all(0 < len(word_list(p)) <= 8 for p in parts):
                for part in parts:
                    out.append(dataclasses.replace(block, text=part.strip(),
                                                   lines=list(block.lines)))
            else:
                out.append(block)
        self.blocks = out

    def _prepare(self) -> None:
        self._split_header_lines()
        kept: list[Block] = []
        previous_label = ""
        for block in self.blocks:
            if block.kind == "furniture":
                self._page_furniture(block)
                continue
            if block.kind == "table":
                block.rows = [self._redact_row(row, block, index, previous_label)
                              for index, row in enumerate(block.rows)]
                kept.append(block)
                continue
            text = self._redact(block.text, block.line, previous_label)
            contact = CONTACT_LABELS.match(block.text)
            if text != block.text and contact and has_words(text) and \
                    not CONTACT_LABELS.match(text):
                # 'Behandelend ambtenaar: 5.1.2e, Directie Financiën': the label stays with
                # what is left of its value.
                text = f"{strip_colon(block.text[:contact.end()])}: {text}"
            if text != block.text and (not has_words(text) or CONTACT_LABELS.fullmatch(
                    strip_colon(text)) or re.fullmatch(r"\W*", text)):
                self._use(block)       # only a redacted name (and its label) was here
                # The next line's bare mark ('5.1, 2, e' alone) is a second name for this label.
                previous_label = self.last_label or previous_label
                continue
            block.text = text
            text, points = extract_pm(text)
            if points:
                self.open_points.extend(points)
                if not has_words(text):
                    self._use(block)
                    block.text = ""
                    block.kind = "pm"
                    kept.append(block)  # keeps its place: a theme with only a PM is a theme
                    continue
                block.text = text
            if len(word_list(block.text)) <= 8:
                previous_label = strip_colon(block.text)
            kept.append(block)
        self.blocks = kept

    def _page_furniture(self, block: Block) -> None:
        """A running header, footer or page number: kept under 'onherkend' (never content);
        a classification stamp in it still counts ('Gemeente Amsterdam      Vertrouwelijk')."""
        raw = block.raw or block.text
        for part in re.split(r"\s{3,}|\t|\s[|·]\s", raw):
            level = stamp_level(part.strip())
            if level is not None and self.classification is None:
                self.classification = level
        text, _ = remove_redactions(block.text)
        if has_words(text):
            self.unrecognised.append((block.line, text))
        self._use(block)

    def _redact_row(self, row: list[str], block: Block, index: int, context: str) -> list[str]:
        """A table row without its Woo marks; a mark in a value cell is labelled by the row's
        first cell ('Opsteller | 5.1, 2, e'), and a row left with only that label is empty."""
        line = block.row_lines[index] if index < len(block.row_lines) else block.line
        label = strip_colon(row[0]) if row else ""
        cells = [self._redact(cell, line, label if column and label else context)
                 for column, cell in enumerate(row)]
        if len(row) >= 2 and cells != row and has_words(row[0]) and \
                not any(has_words(c) for c in cells[1:]) and cells[0] == row[0]:
            return ["" for _ in cells]  # the label only described the redacted value
        return cells

    def _redact(self, text: str, line: int, context: str) -> str:
        left, found = remove_redactions(text)
        self.last_label = ""
        contact = CONTACT_LABELS.match(context or "")
        for redaction in found:
            label = strip_colon(" ".join(word_list(redaction.label)[-6:]))
            if contact and not CONTACT_LABELS.match(label):
                label = contact.group(0)  # the name under 'Behandelend ambtenaar (naam, ...)'
            elif contact and fold(label) != fold(contact.group(0)):
                label = f"{contact.group(0)}: {label}"
            label = label or context or "naam"
            self.last_label = label
            self.redactions.append(f"{label} (regel {line}, Woo {redaction.ground})")
        return left

    def _find_embargo(self) -> None:
        reference = None
        for block in self.blocks[:12]:
            found = dates.find_date(block.text or "")
            if found and found.has_year:
                reference = found.date
                break
        for block in self.blocks:
            texts = [block.text] if block.kind != "table" else [" ".join(r) for r in block.rows]
            for text in texts:
                match = EMBARGO.search(text or "")
                if not match and len(word_list(text or "")) <= 20:
                    match = EMBARGO_SHORT.search(text or "")
                if not match:
                    continue
                when = next(v for v in match.groupdict().values() if v)
                through = bool(re.search(r"(?i)\btot\s+en\s+met\b|\bt/m\b", match.group(0)))
                moment = dates.parse_moment(when, self.date or reference, through)
                if moment is not None:
                    self.embargo = moment
                    return

    # --- dispatch -----------------------------------------------------------------------

    def _stamp(self, block: Block) -> bool:
        """A classification stamp on a line of its own: the classification, no content. In
        the body only a stamp that restricts ('Vertrouwelijk', not 'Openbaar.') and outside a
        question (where 'Openbaar na 1 maart.' may be an answer)."""
        if block.kind not in ("para", "heading"):
            return False
        level = stamp_level(block.text)
        if level is None:
            return False
        if self.section != "header" and (level is Classification.OPENBAAR or
                                          self.question is not None):
            return False
        if self.classification is None:
            self.classification = level
        rest = STAMP_LINE.match(block.text.strip(" *.:")).group("rest").strip(" –—-:,;(/|)")
        if has_words(rest) and dates.find_date(rest) is None:
            # 'Strikt geheim — tot de beantwoording in de raad': how to handle it, for the vetter.
            self.dossier_note.append(block.text)
        self._use(block)
        return True

    def _questions_follow(self, i: int) -> bool:
        following = self._next_content(i)
        if following is None:
            return False
        block = self.blocks[following]
        return block.text.endswith("?") or self._starts_question(block) or \
            self._asker_header(block) or bool(self.names.parse_askers(block.text))

    def _step(self, i: int) -> int:
        block = self.blocks[i]
        if block.kind == "pm":
            if self.theme is not None:
                self.theme.blocks += 1
            return i + 1
        if block.kind == "table":
            self._table(block)
            return i + 1
        text = block.text
        if not has_words(text):
            self._use(block)
            return i + 1
        if self._stamp(block):
            return i + 1
        if self.section == "header" and AGENDA_KIND.match(text) and not self.agenda \
                and not self._questions_follow(i):
            self.agenda = strip_colon(text)  # 'Mondelinge vragen' above the annotatie's header
            self._use(block)
            return i + 1
        heading = self._heading(i)

        # Sections by their headings.
        if heading is not None:
            title = heading[0]
            if CORE.match(title) or (SPOKEN.match(section_name(title)) and not self.core.roots
                                     and self.section in ("header", "body")):
                self._end_header()
                self._leave_qa()
                self.section = "core"
                self.core.close()
                self._use(block)
                return i + 1
            if QA.match(title):
                self._end_header()
                self._leave_qa()
                self.section = "qa"
                self.qa_level = heading[1]
                self._use(block)
                return i + 1

        if self.section == "header":
            consumed = self._header(i, heading)
            if consumed is not None:
                return consumed

        # Questions can start anywhere outside the header.
        if self._starts_question(block) or (self.section != "qa" and self._asker_header(block)):
            if self.section != "qa":
                self._end_header()
                self.section = "qa"
                self.qa_level = None
            return self._qa(i, heading)

        if self.section == "qa":
            if heading is not None and self._ends_qa(block, heading):
                self._leave_qa()
                self.section = "body"
            else:
                return self._qa(i, heading)

        if self._furniture(block):
            return i + 1
        contact = self._contact(i)
        if contact is not None:
            return contact

        if heading is not None:
            self._open_theme(heading[0], heading[1], block)
            return i + 1
        if self.section == "core":
            return self._content(i, self.core)
        self.section = "body"
        if self.theme is None:
            self._open_theme("Algemeen", None, None)
        self.theme.blocks += 1
        return self._content(i, self.theme.lines)

    # --- output ---------------------------------------------------------------------------

    def _dossier(self) -> Dossier:
        questions = self._questions()
        open_parties: list[str] = []
        for group in self.groups:
            if group.questions == 0:
                asker = self.names.resolve(group.askers[0])
                label = asker.party or asker.member
                if label and label not in open_parties:
                    open_parties.append(label)
        for line, text in self._leftovers():
            self.unrecognised.append((line, text))
        title = self.title or self.title_fallback or _title_from_name(self.source_name)
        embargo = self.embargo
        if embargo is not None and self.date is not None and \
                embargo.date() < self.date and (self.date - embargo.date()).days > 183:
            embargo = embargo.replace(year=embargo.year + 1)
        return Dossier(
            id=None,
            title=title,
            meeting=self.meeting,
            date=self.date,
            agenda_item=self.agenda,
            portfolio_holder=self.holder,
            requested_decision="\n".join(self.decision) or None,
            status=Status.CONCEPT,
            classification=self.classification or Classification.OPENBAAR,
            embargo_until=embargo,
            source=self.source_name,
            note="\n\n".join(self.dossier_note) or None,
            core_message=self.core.lines(),
            themes=[Theme(title=t.title, lines=t.lines.lines()) for t in self.themes
                    if t.blocks or t.lines.roots],
            questions=questions,
            open_parties=open_parties,
            open_points=self.open_points,
            redactions=self.redactions,
            facts=self.facts.lines(),
            unrecognised=[SourceLine(line=n, text=t) for n, t in sorted(self.unrecognised)],
        )

    def _leftovers(self) -> list[tuple[int, str]]:
        """Source lines no field took: the safety net that keeps 'nothing dropped' true."""
        seen = {n for n, _ in self.unrecognised}
        out = []
        for block in self.blocks:
            for number in block.lines:
                if number in self.used or number in seen:
                    continue
                text = self.source_lines.get(number, block.text or block.raw).strip()
                if has_words(text):
                    out.append((number, text))
        return out


_FIELD_SEPARATOR = re.compile(r"\s+[·|•]\s+")


# --- helpers ---------------------------------------------------------------------------------


def _title_from_name(name: str | None) -> str:
    if not name:
        return "Geïmporteerde annotatie"
    stem = re.sub(r"\.[A-Za-z]+$", "", name)
    return tidy(re.sub(r"[_]+", " ", stem)) or "Geïmporteerde annotatie"


def slug_id(dossier: Dossier) -> str:
    """A readable, stable id: date and the title's first meaningful words."""
    words = [w for w in slug(dossier.title).split("-")
             if w and w not in STOPWORDS and not w.isdigit() and len(w) > 1]
    parts = ([dossier.date.isoformat()] if dossier.date else []) + words[:6]
    return "-".join(parts)[:70].strip("-") or "annotatie"


def recognise(blocks: list[Block], registers: Registers | None = None,
              source_name: str | None = None,
              source_lines: dict[int, str] | None = None) -> ImportResult:
    result = Recogniser(blocks, registers, source_name, source_lines).run()
    result.dossier.id = slug_id(result.dossier)
    return result


def to_json_data(dossier: Dossier) -> dict[str, Any]:
    """The dossier with the YAML keys, dates as ISO text (for --json)."""
    def convert(value: Any) -> Any:
        if isinstance(value, (dt.date, dt.datetime)):
            return value.isoformat()
        if isinstance(value, dict):
            return {k: convert(v) for k, v in value.items()}
        if isinstance(value, list):
            return [convert(v) for v in value]
        return value

    return convert(dossier.to_data())
