"""The table recogniser: a header table (label | value rows), a question table (by its
column heads, or a column of questions) or a table of facts."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from types import SimpleNamespace

from briefing.importing import events as ev
from briefing.importing.context import Ctx, Step
from briefing.importing.drafts import DraftQuestion, Segment
from briefing.importing.names import Asker
from briefing.importing.rules.askers import AskerReader
from briefing.importing.rules.fields import header_value
from briefing.importing.table_shapes import (add_cell_line, drop_row_numbers,
                                             implied_qa_header, is_header_row,
                                             merge_continuations)
from briefing.importing.text import extract_pm
from briefing.importing.vocabulary import LABEL_RE, NOTE_BRACKETS, NOTE_PREFIX, PRESSED, word_list
from briefing.model.registers import fold


def table(ctx: Ctx) -> Step | None:
    if ctx.block.kind != "table":
        return None
    events: list[ev.Event] = [ev.TableStart()]
    events.extend(_rows(ctx))
    events.append(ev.TableEnd())
    return Step.consume(ctx, *events)


def _rows(ctx: Ctx) -> list[ev.Event]:
    block = ctx.block
    rows = merge_continuations(block.rows)
    header = rows[0] if len(rows) > 1 and is_header_row(rows[0], rows[1:]) else None
    if header:
        found = _qa_table(ctx, header, rows[1:])
        if found is not None:
            return found
    if header is None:
        implied = implied_qa_header(rows)
        found = _qa_table(ctx, implied, rows, first=0) if implied else None
        if found is not None:
            return found
    rows = drop_row_numbers(rows)
    if header is not None:
        header = rows[0]
        rows = rows[1:]
    return _fact_rows(ctx, rows, header)


@dataclass
class _Seen:
    """Header fields set by earlier rows of this table (a 'Datum' row gives the year of an
    'Embargo' row under it)."""
    date: object = None
    holder: object = None
    events: list[ev.Event] = field(default_factory=list)

    def view(self, state) -> SimpleNamespace:
        return SimpleNamespace(header=SimpleNamespace(date=state.header.date or self.date,
                                                      holder=state.header.holder or self.holder))

    def add(self, events: list[ev.Event]) -> None:
        for event in events:
            if isinstance(event, ev.Date) and self.date is None:
                self.date = event.date
            elif isinstance(event, ev.Holder) and self.holder is None:
                self.holder = event.text
        self.events.extend(events)


def _fact_rows(ctx: Ctx, rows: list[list[str]], header: list[str] | None) -> list[ev.Event]:
    in_header = ctx.state.section == "header"
    seen = _Seen()
    previous: list[str] | None = None
    for row in rows:
        cells = [c for c in row if c]
        if not cells:
            continue
        if not row[0] and len(cells) >= 2 and all(len(word_list(c)) <= 3 for c in cells):
            # Column heads in the middle of a table ('' | 2024 | 2025): they qualify
            # the row label above them, or become the heads of the rows below.
            header = row
            if previous is not None and len([c for c in previous if c]) == 1:
                seen.add([ev.FactAmend(", ".join(cells))])
                previous = None
                continue
            seen.add([ev.Fact(", ".join(cells))])
            continue
        previous = row
        if in_header and len(cells) == 2:
            for key, pattern in LABEL_RE:
                if pattern.fullmatch(cells[0].rstrip(":")) or \
                        pattern.match(cells[0].rstrip(":") + ":"):
                    found = header_value(key, cells[1], cells[0], seen.view(ctx.state),
                                         ctx.block.text)
                    if found is not None:
                        seen.add(found)
                        break
            else:
                seen.add(_fact(cells, header, row))
            continue
        seen.add(_fact(cells, header, row))
    return seen.events


def _fact(cells: list[str], header: list[str] | None, row: list[str]) -> list[ev.Event]:
    first = cells[0]
    if len(cells) == 1:
        parts = first.split("\n")
        return [ev.Fact(parts[0])] + [ev.Fact(part, 1) for part in parts[1:]]
    if len(cells) == 2 and "\n" in cells[1]:
        return [ev.Fact(first)] + [ev.Fact(part, 1) for part in cells[1].split("\n")]
    if len(cells) == 2 and header is not None and len(header) == len(row) == 2 \
            and header[1] and re.match(r"^[-+€$%]?\s?\d", cells[1]):
        return [ev.Fact(f"{first}: {header[1]}: {cells[1]}")]  # a number needs its column
    if len(cells) == 2:
        joint = " " if first.endswith(("?", ":")) else ": "
        return [ev.Fact(f"{first}{joint}{cells[1]}")]
    if header is not None and len(header) == len(row):
        pairs = [f"{h}: {c}" if h else c for h, c in zip(header[1:], row[1:]) if c]
        return [ev.Fact(f"{row[0] or first}: " + "; ".join(p.replace("\n", " ") for p in pairs))]
    return [ev.Fact(f"{first}: " + "; ".join(c.replace("\n", " ") for c in cells[1:]))]


def _columns(header: list[str]) -> dict[str, int | None] | None:
    """Which column holds what, by its head; None without a question and an answer column."""
    columns = {fold(h).strip(" .:#"): index for index, h in enumerate(header)}
    # 'Fractie / lid', 'Vraag (kort)': a column is found by any of its words too.
    words = {w: index for index, h in enumerate(header)
             for w in re.split(r"[\s/,()&+-]+", fold(h)) if w}

    def find(*keys):
        return next((columns[k] for k in keys if k in columns),
                    next((words[k] for k in keys if k in words), None))

    found = {"q": find("vraag", "vragen", "question"), "a": find("antwoord", "antwoorden",
                                                                    "lijn", "reactie")}
    if found["q"] is None or found["a"] is None:
        return None
    found.update(n=find("nr", "nummer", "#", "no"), m=find("raadslid", "lid", "naam",
                                                             "vragensteller"),
                 p=find("fractie", "partij"),
                 d=find("doorvragen", "indien doorgevraagd", "als wordt doorgevraagd"),
                 t=find("notitie", "toelichting", "opmerking"))
    return found


def _qa_table(ctx: Ctx, header: list[str], rows: list[list[str]],
              first: int = 1) -> list[ev.Event] | None:
    """A table of questions and answers, by its column heads (first: the row where the
    questions start)."""
    columns = _columns(header)
    if columns is None:
        return None
    block = ctx.block
    reader = AskerReader(ctx.names)
    events: list[ev.Event] = [ev.EnterQa(None)]
    for offset, row in enumerate(rows):
        cell = lambda key: row[columns[key]].strip() \
            if columns[key] is not None and columns[key] < len(row) else ""  # noqa: E731
        if not cell("q"):
            continue
        number = re.match(r"\d+", cell("n"))
        member, party = cell("m") or None, cell("p") or None
        if columns["m"] == columns["p"]:
            member = None  # one 'Fractie / lid' column: the cell names both
        if party and not member and not ctx.names.is_party(party) and ctx.names.member(party):
            member, party = party, None  # a member's name in the party column
        # 'VVD (lid Van Dijk)', 'D66 / ook CDA': the cells may name several askers;
        # without asker columns the question may name them: '(VVD) Wat ...?'.
        who = ", ".join(c for c in (party, member) if c)
        text = cell("q").replace("\n", " ")
        askers = reader.parse(who, force=True) if who else None
        if not askers:
            askers, text = reader.named(text)
        askers = askers or [Asker(member, party, True)]
        index = offset + first
        line = block.row_lines[index] if index < len(block.row_lines) else block.line
        question = DraftQuestion(int(number.group()) if number else None, line,
                                 [Segment(askers[0], [text])])
        question.segments.extend(Segment(asker) for asker in askers[1:])
        events.extend(_answer_cells(question, cell("a"), cell("d"), cell("t")))
        events.append(ev.TableQuestion(question))
    return [*reader.learn(), *events, ev.LeaveQa()]


def _answer_cells(question: DraftQuestion, answer: str, pressed: str, note: str) -> list[ev.Event]:
    """The answer cell (perhaps with 'Indien doorgevraagd: ...' in it), the 'if pressed'
    cell and the note cell of one question row; PM's become open points."""
    points: list[ev.Event] = []
    target = question.answer
    for part in answer.split("\n"):
        part, found = extract_pm(part.strip())
        points.extend(ev.OpenPoint(p) for p in found)
        match = PRESSED.match(part.strip())
        if match:  # 'Indien doorgevraagd: ...' inside the answer cell
            target = question.pressed
            part = match.group("rest") or ""
        remark = NOTE_BRACKETS.match(part.strip()) or NOTE_PREFIX.match(part.strip())
        if remark:
            question.notes.append(remark.groupdict().get("note") or part.strip())
            continue
        add_cell_line(target, part)
    for part in pressed.split("\n"):
        part, found = extract_pm(part.strip())
        points.extend(ev.OpenPoint(p) for p in found)
        add_cell_line(question.pressed, part)
    if note:
        question.notes.append(note)
    return points
