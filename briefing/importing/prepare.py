"""The pass before structure is read: header lines that pack several fields, Woo redaction
marks (removed from the text, kept as redactions with their label), 'PM:' notes (open
points), page furniture (never content, but a classification stamp in it counts) and the
embargo a document states anywhere."""

from __future__ import annotations

import dataclasses
import re

from briefing.importing import dates
from briefing.importing import events as ev
from briefing.importing.blocks import Block
from briefing.importing.text import CONTACT_LABELS, extract_pm, has_words, remove_redactions
from briefing.importing.vocabulary import (EMBARGO, EMBARGO_SHORT, stamp_level, strip_colon,
                                           word_list)
from briefing.model.registers import fold

_FIELD_SEPARATOR = re.compile(r"\s+[·|•]\s+")


def split_header_lines(blocks: list[Block]) -> list[Block]:
    """'Commissie Klimaat · 3-2-2025 · wethouder Pels': one header line per part."""
    out: list[Block] = []
    for index, block in enumerate(blocks):
        parts = _FIELD_SEPARATOR.split(block.text) if block.kind == "para" and index < 15 \
            else [block.text]
        if 2 <= len(parts) <= 5 and all(0 < len(word_list(p)) <= 8 for p in parts):
            for part in parts:
                out.append(dataclasses.replace(block, text=part.strip(),
                                               lines=list(block.lines)))
        else:
            out.append(block)
    return out


class _Redactor:
    """Removes Woo marks; a mark is labelled by the text before it or by the label line
    above it ('Behandelend ambtenaar:' / '5.1.2.e')."""

    def __init__(self) -> None:
        self.events: list[ev.Event] = []
        self.last_label = ""

    def text(self, text: str, line: int, context: str) -> str:
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
            self.events.append(ev.Redaction(f"{label} (regel {line}, Woo {redaction.ground})"))
        return left

    def row(self, row: list[str], block: Block, index: int, context: str) -> list[str]:
        """A table row without its Woo marks; a mark in a value cell is labelled by the
        row's first cell ('Opsteller | 5.1, 2, e'), and a row left with only that label is
        empty."""
        line = block.row_lines[index] if index < len(block.row_lines) else block.line
        label = strip_colon(row[0]) if row else ""
        cells = [self.text(cell, line, label if column and label else context)
                 for column, cell in enumerate(row)]
        if len(row) >= 2 and cells != row and has_words(row[0]) and \
                not any(has_words(c) for c in cells[1:]) and cells[0] == row[0]:
            return ["" for _ in cells]  # the label only described the redacted value
        return cells


def furniture_events(block: Block) -> list[ev.Event]:
    """A running header, footer or page number: kept under 'onherkend' (never content);
    a classification stamp in it still counts ('Gemeente Amsterdam      Vertrouwelijk')."""
    out: list[ev.Event] = []
    raw = block.raw or block.text
    for part in re.split(r"\s{3,}|\t|\s[|·]\s", raw):
        level = stamp_level(part.strip())
        if level is not None:
            out.append(ev.Classified(level))
    text, _ = remove_redactions(block.text)
    if has_words(text):
        out.append(ev.Unrecognised(block.line, text))
    out.append(ev.Used(tuple(block.lines)))
    return out


# A page footer glued to the label that starts the next page ('... Aanhangsel 1Antwoord 3
# Binnen het kader ...'): a digit directly followed by the label word.
_GLUED_LABEL = re.compile(r"(?<=\d)(?=(?:Vraag|Antwoord)\s+\d{1,3}\b)")


def split_glued_labels(blocks: list[Block]) -> list[Block]:
    out: list[Block] = []
    for block in blocks:
        parts = _GLUED_LABEL.split(block.text) if block.kind == "para" else [block.text]
        if len(parts) == 2 and all(p.strip() for p in parts):
            out.append(dataclasses.replace(block, text=parts[0].strip(), lines=list(block.lines)))
            out.append(dataclasses.replace(block, text=parts[1].strip(), lines=list(block.lines),
                                           gap_before=True))
        else:
            out.append(block)
    return out


def prepare(blocks: list[Block]) -> tuple[list[Block], list[ev.Event]]:
    """The blocks to read, and the events the pass found (furniture, redactions, PM's)."""
    blocks = split_glued_labels(split_header_lines(blocks))
    events: list[ev.Event] = []
    redactor = _Redactor()
    kept: list[Block] = []
    previous_label = ""
    for block in blocks:
        if block.kind == "furniture":
            events.extend(furniture_events(block))
            continue
        if block.kind == "table":
            block.rows = [redactor.row(row, block, index, previous_label)
                          for index, row in enumerate(block.rows)]
            kept.append(block)
            continue
        text = redactor.text(block.text, block.line, previous_label)
        contact = CONTACT_LABELS.match(block.text)
        if text != block.text and contact and has_words(text) and \
                not CONTACT_LABELS.match(text):
            # 'Behandelend ambtenaar: 5.1.2e, Directie Financiën': the label stays with
            # what is left of its value.
            text = f"{strip_colon(block.text[:contact.end()])}: {text}"
        if text != block.text and (not has_words(text) or CONTACT_LABELS.fullmatch(
                strip_colon(text)) or re.fullmatch(r"\W*", text)):
            events.append(ev.Used(tuple(block.lines)))  # only a redacted name was here
            # The next line's bare mark ('5.1, 2, e' alone) is a second name for this label.
            previous_label = redactor.last_label or previous_label
            continue
        block.text = text
        text, points = extract_pm(text)
        if points:
            events.extend(ev.OpenPoint(p) for p in points)
            if not has_words(text):
                events.append(ev.Used(tuple(block.lines)))
                block.text = ""
                block.kind = "pm"
                kept.append(block)  # keeps its place: a theme with only a PM is a theme
                continue
            block.text = text
        if len(word_list(block.text)) <= 8:
            previous_label = strip_colon(block.text)
        kept.append(block)
    return kept, redactor.events + events


def find_embargo(blocks: list[Block]) -> ev.Embargo | None:
    """'Geheim tot 4 februari', 'Embargo: 12 maart 10.00 uur', 'Openbaar na ...': the first
    embargo the document states; a date without a year takes the year of the first date."""
    reference = None
    for block in blocks[:12]:
        found = dates.find_date(block.text or "")
        if found and found.has_year:
            reference = found.date
            break
    for block in blocks:
        texts = [block.text] if block.kind != "table" else [" ".join(r) for r in block.rows]
        for text in texts:
            match = EMBARGO.search(text or "")
            if not match and len(word_list(text or "")) <= 20:
                match = EMBARGO_SHORT.search(text or "")
            if not match:
                continue
            when = next(v for v in match.groupdict().values() if v)
            through = bool(re.search(r"(?i)\btot\s+en\s+met\b|\bt/m\b", match.group(0)))
            moment = dates.parse_moment(when, reference, through)
            if moment is not None:
                return ev.Embargo(moment)
    return None
