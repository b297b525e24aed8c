"""Table shapes, judged from the cells alone: column heads (named, or short labels over
columns of numbers), continuation rows, row numbers, and question tables without heads."""

from __future__ import annotations

import re

from briefing.importing.blocks import parse_markers
from briefing.importing.drafts import Lines
from briefing.importing.text import has_words
from briefing.importing.vocabulary import COLUMN_WORDS, LABEL_RE, word_list
from briefing.model.registers import fold


def merge_continuations(rows: list[list[str]]) -> list[list[str]]:
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


def drop_row_numbers(rows: list[list[str]]) -> list[list[str]]:
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


def implied_qa_header(rows: list[list[str]]) -> list[str] | None:
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


def is_header_row(row: list[str], body: list[list[str]] = ()) -> bool:
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


def add_cell_line(lines: Lines, part: str) -> None:
    part = part.strip()
    if not has_words(part):
        return
    marker, body = parse_markers(part)
    lines.add(body.strip(), 1 if marker is not None and marker.kind == "o" else 0)
