"""Tables: header tables, fact tables and question-and-answer tables."""

from __future__ import annotations

import re

from briefing.importing.drafts import DraftQuestion, Lines, Segment
from briefing.importing.names import Asker
from briefing.importing.readers import Block
from briefing.importing.text import extract_pm, has_words
from briefing.importing.vocabulary import (COLUMN_WORDS, LABEL_RE, NOTE_BRACKETS, NOTE_PREFIX,
                                           PRESSED, word_list)
from briefing.model.registers import fold


class TablesMixin:
    # --- tables ---------------------------------------------------------------------------

    def _table(self, block: Block) -> None:
        self._use(block)
        group = None
        if self.section != "header" and self.theme is not None and self.theme.blocks == 0 \
                and not self.theme.lines.roots:
            group = self.theme.title  # 'Documenten' + table: the rows under that heading
            self.theme.blocks += 1
            self.themes.remove(self.theme)
            self.theme = None
            self.parent = None
        elif self.theme is not None:
            self.theme.blocks += 1
        self.facts.close()
        if group is not None:
            self.facts.add(group, -1)
        try:
            self._table_rows(block)
        finally:
            self.facts.close()

    def _table_rows(self, block: Block) -> None:
        rows = _merge_continuations(block.rows)
        header = rows[0] if len(rows) > 1 and _is_header_row(rows[0], rows[1:]) else None
        if header and self._qa_table(header, rows[1:], block):
            return
        if header is None:
            implied = _implied_qa_header(rows)
            if implied and self._qa_table(implied, rows, block, first=0):
                return
        rows = _drop_row_numbers(rows)
        if header is not None:
            header = rows[0]
            rows = rows[1:]
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
                    node = self.facts.stack[-1][1] if self.facts.stack else None
                    if node is not None:
                        node.text = f"{node.text} ({', '.join(cells)})"
                        previous = None
                        continue
                self.facts.add(", ".join(cells), 0)
                continue
            previous = row
            if self.section == "header" and len(cells) == 2:
                for key, pattern in LABEL_RE:
                    if pattern.fullmatch(cells[0].rstrip(":")) or \
                            pattern.match(cells[0].rstrip(":") + ":"):
                        if self._set_header(key, cells[1], block, cells[0]):
                            break
                else:
                    self._fact(cells, header, row)
                continue
            self._fact(cells, header, row)

    def _fact(self, cells: list[str], header: list[str] | None, row: list[str]) -> None:
        first = cells[0]
        if len(cells) == 1:
            parts = first.split("\n")
            self.facts.add(parts[0], 0)
            for part in parts[1:]:
                self.facts.add(part, 1)
        elif len(cells) == 2 and "\n" in cells[1]:
            self.facts.add(first, 0)
            for part in cells[1].split("\n"):
                self.facts.add(part, 1)
        elif len(cells) == 2 and header is not None and len(header) == len(row) == 2 \
                and header[1] and re.match(r"^[-+€$%]?\s?\d", cells[1]):
            self.facts.add(f"{first}: {header[1]}: {cells[1]}", 0)  # a number needs its column
        elif len(cells) == 2:
            joint = " " if first.endswith(("?", ":")) else ": "
            self.facts.add(f"{first}{joint}{cells[1]}", 0)
        elif header is not None and len(header) == len(row):
            pairs = [f"{h}: {c}" if h else c for h, c in zip(header[1:], row[1:]) if c]
            self.facts.add(f"{row[0] or first}: " + "; ".join(p.replace("\n", " ") for p in pairs), 0)
        else:
            self.facts.add(f"{first}: " + "; ".join(c.replace("\n", " ") for c in cells[1:]), 0)

    def _qa_table(self, header: list[str], rows: list[list[str]], block: Block,
                  first: int = 1) -> bool:
        """A table of questions and answers, by its column heads (first: the row where the
        questions start)."""
        columns = {fold(h).strip(" .:#"): index for index, h in enumerate(header)}
        # 'Fractie / lid', 'Vraag (kort)': a column is found by any of its words too.
        words = {w: index for index, h in enumerate(header)
                 for w in re.split(r"[\s/,()&+-]+", fold(h)) if w}

        def find(*keys):
            return next((columns[k] for k in keys if k in columns),
                        next((words[k] for k in keys if k in words), None))

        q_col = find("vraag", "vragen", "question")
        a_col = find("antwoord", "antwoorden", "lijn", "reactie")
        if q_col is None or a_col is None:
            return False
        n_col = find("nr", "nummer", "#", "no")
        m_col = find("raadslid", "lid", "naam", "vragensteller")
        p_col = find("fractie", "partij")
        d_col = find("doorvragen", "indien doorgevraagd", "als wordt doorgevraagd")
        t_col = find("notitie", "toelichting", "opmerking")
        self._end_header()
        self._leave_qa()
        self.section = "qa"
        for offset, row in enumerate(rows):
            cell = lambda c: row[c].strip() if c is not None and c < len(row) else ""  # noqa: E731
            if not cell(q_col):
                continue
            number = re.match(r"\d+", cell(n_col))
            member, party = cell(m_col) or None, cell(p_col) or None
            if m_col == p_col:
                member = None  # one 'Fractie / lid' column: the cell names both
            if party and not member and not self.names.is_party(party) and \
                    self.names.member(party):
                member, party = party, None  # a member's name in the party column
            # 'VVD (lid Van Dijk)', 'D66 / ook CDA': the cells may name several askers;
            # without asker columns the question may name them: '(VVD) Wat ...?'.
            who = ", ".join(c for c in (party, member) if c)
            text = cell(q_col).replace("\n", " ")
            askers = self.names.parse_askers(who, force=True) if who else None
            if not askers:
                askers, text = self._named_asker(text)
            askers = askers or [Asker(member, party, True)]
            index = offset + first
            line = block.row_lines[index] if index < len(block.row_lines) else block.line
            question = DraftQuestion(int(number.group()) if number else None, line,
                                     [Segment(askers[0], [text])])
            question.segments.extend(Segment(asker) for asker in askers[1:])
            target = question.answer
            for part in cell(a_col).split("\n"):
                part, points = extract_pm(part.strip())
                self.open_points.extend(points)
                pressed = PRESSED.match(part.strip())
                if pressed:  # 'Indien doorgevraagd: ...' inside the answer cell
                    target = question.pressed
                    part = pressed.group("rest") or ""
                note = NOTE_BRACKETS.match(part.strip()) or NOTE_PREFIX.match(part.strip())
                if note:
                    question.notes.append(note.groupdict().get("note") or part.strip())
                    continue
                _add_cell_line(target, part)
            for part in cell(d_col).split("\n"):
                part, points = extract_pm(part.strip())
                self.open_points.extend(points)
                _add_cell_line(question.pressed, part)
            if cell(t_col):
                question.notes.append(cell(t_col))
            self.questions.append(question)
        self.section = "body"
        return True


def _merge_continuations(rows: list[list[str]]) -> list[list[str]]:
    """A row with only one cell filled and an empty first cell continues the row above
    ('Wie legt geheimhouding' / 'op?')."""
    out: list[list[str]] = []
    for row in rows:
        filled = [i for i, c in enumerate(row) if c]
        if out and len(filled) == 1 and filled[0] > 0 and not row[0]:
            index = filled[0]
            previous = out[-1]
            if index < len(previous) and previous[index]:
                previous[index] = f"{previous[index]} {row[index]}"
                continue
        out.append(list(row))
    return out


def _drop_row_numbers(rows: list[list[str]]) -> list[list[str]]:
    firsts = [r[0] for r in rows if r and r[0]]
    if len(firsts) >= 2 and all(re.fullmatch(r"\d{1,3}\.?", f) for f in firsts) and \
            all(len(r) >= 3 for r in rows):
        return [r[1:] for r in rows]
    return rows


# An amount, a count or a share: '€ 87 mln', '1.820', '94%', '-12'; not a year ('2024').
_QUANTITY = re.compile(r"^(?:€|eur|\$)?\s*[-+−]?\s*(?:€\s*)?\d[\d.,]*\s*"
                       r"(?:%|procent|mln|mld|miljoen|miljard|k|fte|uur|weken|dagen)?$",
                       re.IGNORECASE)


def _quantity(text: str) -> bool:
    text = text.strip()
    return bool(_QUANTITY.match(text)) and not re.fullmatch(r"(?:19|20)\d\d", text)


def _implied_qa_header(rows: list[list[str]]) -> list[str] | None:
    """Column heads for a question table without them: the column whose cells are mostly
    questions, the answers to its right, perhaps the askers to its left and what to say when
    pressed after the answers."""
    width = max((len(r) for r in rows), default=0)
    if width < 2 or len(rows) < 1:
        return None
    for column in range(width - 1):
        cells = [r[column].strip() for r in rows if column < len(r) and r[column].strip()]
        asked = [c for c in cells if c.endswith("?") or re.search(r"\?\s*\([^()]*\)$", c)]
        if len(cells) >= 1 and 10 * len(asked) >= 6 * len(rows) and len(asked) == len(cells):
            header = [""] * width
            header[column], header[column + 1] = "vraag", "antwoord"
            if column > 0 and all(len(word_list(r[column - 1])) <= 6 for r in rows
                                  if column - 1 < len(r)):
                header[column - 1] = "fractie"
            if column + 2 < width:
                header[column + 2] = "indien doorgevraagd"
            return header
    return None


def _label(text: str) -> bool:
    """A header label ('Onderwerp', 'Datum commissie'), as a table's first cell."""
    text = text.strip().rstrip(":")
    for _, pattern in LABEL_RE:
        match = pattern.match(text + ":")
        if match and len(match.group("value").split()) <= 2:
            return True
    return False


def _is_header_row(row: list[str], body: list[list[str]] = ()) -> bool:
    """Column heads: named as such ('Naam', 'Jaar'), or short labels above columns of
    numbers ('Indicator | 2023 | 2024' over '... | 19 | 14')."""
    cells = [c for c in row if c]
    if len(cells) < 2:
        return False
    if not row[0]:
        return True
    if any(len(word_list(c)) > 6 for c in cells):
        return False
    labels = [r[0] for r in [row, *body] if r and r[0]]
    if len(row) == 2 and 2 * sum(_label(c) for c in labels) > len(labels):
        return False  # 'Onderwerp | Kademuren' over 'Datum | 3 februari': label and value rows
    if any(fold(c).strip(" .:") in COLUMN_WORDS for c in cells) and \
            all(len(word_list(c)) <= 3 for c in cells):
        return True
    if any(_quantity(c) for c in cells) or _label(row[0]):
        return False
    for column in range(1, len(row)):
        values = [r[column] for r in body if column < len(r) and r[column]]
        if values and 2 * sum(_quantity(v) for v in values) >= len(values) + 1:
            return True
    return False


def _add_cell_line(lines: Lines, part: str) -> None:
    from briefing.importing.readers import parse_markers

    part = part.strip()
    if not has_words(part):
        return
    marker, body = parse_markers(part)
    lines.add(body.strip(), 1 if marker is not None and marker.kind == "o" else 0)

