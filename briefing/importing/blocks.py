"""Source blocks, the one shape every reader produces and the recognisers read.

A block is one paragraph, list item, heading or table with its source line numbers, list
level, style (bold, a Word or PDF style name), page and whether a blank line surrounds it.
Also here: the list-marker parser and list levels, and the joining of lines that a hard wrap
or a page break split, which all readers share."""

from __future__ import annotations

import re
from dataclasses import dataclass, field


class ReadError(Exception):
    """A file that cannot be imported; the message is Dutch and names no internals."""


@dataclass
class Block:
    kind: str                       # "para" | "item" | "heading" | "table" | "furniture"
    text: str
    lines: list[int]                # source line numbers (a joined block has several)
    raw: str = ""                   # the first source line as written, for messages
    level: int = 0                  # list level (items) or heading level (1 = top)
    marker: str | None = None       # "bullet" | "number" (items)
    number: int | None = None       # the item's number in a numbered list
    bold: bool = False              # the whole block is bold
    gap_before: bool = True         # a blank line (or the start) precedes it
    gap_after: bool = True          # a blank line (or the end) follows it
    rows: list[list[str]] = field(default_factory=list)      # table cells
    row_lines: list[int] = field(default_factory=list)       # a source line per table row
    page: int | None = None         # the page it starts on (PDF), when known
    style: str = ""                 # the reader's style name ('Heading 2', a PDF font), if any

    @property
    def line(self) -> int:
        return self.lines[0]





_BULLETS = "-–—•◦▪▫·*>➤➢►▶→o§✓✔■□●○\uf0a7\uf0b7\uf0d8\uf0fc\uf076\uf0e0"
_BULLET = re.compile(rf"^([{re.escape(_BULLETS)}])(?:\s+|$)")
_NUMBERED = re.compile(r"^\(?(\d{1,3}|[a-z])([.)])(?=\s|$)\s*")


@dataclass
class _Marker:
    kind: str            # what identifies this list style for nesting
    marker: str          # "bullet" | "number"
    number: int | None
    compound: bool       # '- o', '- 1.': an outer dash around the real marker


def parse_markers(text: str) -> tuple[_Marker | None, str]:
    """Split leading list markers off a stripped line: '- o tekst' -> (o-bullet, 'tekst')."""
    found: list[tuple[str, str, int | None]] = []
    rest = text
    while len(found) < 3:
        m = _NUMBERED.match(rest)
        if m and not (m.group(1).isalpha() and m.group(2) == "." and len(rest) > 2
                      and rest[2:3].isalpha()):
            token = m.group(1)
            if token.isdigit():
                found.append((f"num{m.group(2)}", "number", int(token)))
            elif token == "o" and m.group(2) == ")":
                found.append(("alpha)", "number", ord(token) - 96))
            else:
                found.append((f"alpha{m.group(2)}", "number", ord(token) - 96))
            rest = rest[m.end():]
            continue
        m = _BULLET.match(rest)
        if m:
            char = m.group(1)
            if char == "*" and rest.startswith("**"):
                break
            if char == "o" and not (len(rest) == 1 or rest[1] in " \t"):
                break
            char = {"—": "–", "\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➤", "\uf0fc": "✓"}.get(
                char, char)
            found.append((char, "bullet", None))
            rest = rest[m.end():]
            continue
        break
    if not found:
        return None, text
    kind, marker, number = found[-1]
    return _Marker(kind, marker, number, compound=len(found) > 1), rest


class ListLevels:
    """List levels from marker styles, as a reader would see them: a new style nests one
    deeper, a style seen before returns to its level, less indentation closes deeper levels.
    This copes with PDF exports that lose indentation after a page break ('- o ...')."""

    def __init__(self) -> None:
        self.stack: list[tuple[object, int]] = []
        self.last: tuple[object, int, bool, str] | None = None  # key, indent, compound, text

    def reset(self) -> None:
        self.stack.clear()
        self.last = None

    def level(self, key: object, indent: int, compound: bool = False, text: str = "") -> int:
        last, self.last = self.last, (key, indent, compound, text)
        if last is not None and isinstance(last[0], tuple) and last[0][-1] == "deeper" \
                and last[0][:-1] == key:
            key = last[0]  # more items of the deeper list
            self.last = (key, indent, compound, text)
        elif last is not None and last[2] and not compound and last[1] == indent > 0 \
                and key in [k for k, _ in self.stack[:-1]] and text[:1].isupper() \
                and not re.search(r"[.:;!?]$", last[3].strip()):
            # ' - o Muzus (...)' then ' - Kwalitatief onderzoek': a PDF export draws a third
            # level with the same dash as the first; after a label-like 'o' item it is deeper.
            key = (*key, "deeper") if isinstance(key, tuple) else (key, "deeper")
            self.last = (key, indent, compound, text)
        for index, (seen, _) in enumerate(self.stack):
            if seen == key:
                del self.stack[index + 1:]
                return index
        while self.stack and self.stack[-1][1] > indent:
            self.stack.pop()
        self.stack.append((key, indent))
        return len(self.stack) - 1


def is_bold(body: str) -> bool:
    """Markdown emphasis around the whole text: '**Vraag 1**', '- 1. Kan ik ...?**'."""
    body = body.strip()
    if body.startswith("**") and body.rstrip(" .:").endswith("**") and len(body) > 4:
        return True
    return body.endswith("**") and not body.startswith("**") and body.count("**") % 2 == 1


# --- joining lines that a page break or a hard wrap split ----------------------------------

_FUNCTION_WORDS = {
    "de", "het", "een", "en", "of", "van", "in", "op", "te", "voor", "met", "om", "aan", "bij",
    "dat", "die", "tot", "naar", "door", "als", "over", "uit", "onder", "is", "zijn", "wordt",
    "worden", "we", "wij", "ik", "u", "hun", "haar", "zijn", "deze", "dit", "ook", "maar",
    "want", "dus", "niet", "nog", "er", "zo", "waar", "wat", "wie", "heeft", "hebben", "kan",
    "kunnen", "moet", "moeten", "zal", "zullen", "the", "and", "of", "per", "via", "tussen",
    "tijdens", "binnen", "buiten", "zonder", "omdat", "zodat", "welke", "waarbij", "waarin",
}
# A sentence's end, perhaps with a footnote number after it ('... te halen?1', '... aan.[3 ]').
_TERMINAL = re.compile(r"[.!?:;…]['\"”’)\]]*(?:\[?\d{1,2}\s?\]?)?$")


def _ends_open(text: str) -> bool:
    """True when text stops mid-sentence: no closing punctuation."""
    return bool(text) and not _TERMINAL.search(text)


def _ends_with_function_word(text: str) -> bool:
    if text.endswith((",", "-", "–")):
        return True
    words = text.split()
    return bool(words) and words[-1].lower() in _FUNCTION_WORDS


def _starts_lower(text: str) -> bool:
    first = text.lstrip("(\"'“‘")[:1]
    return first.isalpha() and first.islower()


def join_broken(blocks: list[Block], markdown: bool = False) -> list[Block]:
    """Join a paragraph to the block before it when a hard wrap or a page break split a
    sentence: 'meer aandacht hebben' / '' / 'voor situatie en context'."""
    out: list[Block] = []
    for block in blocks:
        prev = out[-1] if out else None
        if prev is not None and block.kind == "para" and prev.kind in ("para", "item") \
                and prev.text and block.text and should_join(prev, block, markdown):
            prev.text = f"{prev.text} {block.text}"
            prev.lines.extend(block.lines)
            prev.gap_after = block.gap_after
            prev.bold = prev.bold and block.bold
            continue
        out.append(block)
    for block in out:
        if block.kind == "para":
            block.level = 0
    return out


LABEL_LINE = re.compile(r"^[A-Z][\w .'/&()-]{0,30}:(?:\s|$)")


# A letter's header labels, which stand without a colon ('Datum 31 oktober 2023', 'Onderwerp
# Beantwoording ...'): such a line starts a field, it does not continue the line above.
LETTER_LABEL = re.compile(r"^(?:Onderwerp|Datum|Portefeuille(?:houder)?(?:\(s\))?|Behandeld door|"
                          r"Ons kenmerk|Uw kenmerk|Kenmerk|Volgnummer|Bijlagen?|Retouradres)"
                          r"\s+(?=[A-Z0-9])")


# 'Vraag 3', 'Antwoord 4 en 5' alone on a line (Kamervragen).
QA_LABEL = re.compile(r"^(?:vraag|antwoord)\s+\d{1,3}(?:\s*(?:en|&)\s*\d{1,3})?\s*[:.]?$",
                      re.IGNORECASE)


def should_join(prev: Block, block: Block, markdown: bool, last_line: str | None = None) -> bool:
    """Whether block continues prev. last_line: prev's last source line, when prev was joined
    from several: only a long line can have been wrapped."""
    if LABEL_LINE.match(block.text) or (LABEL_LINE.match(prev.text) and not block.gap_before
                                          and not _starts_lower(block.text)):
        return False  # 'Wethouder: X' under 'Onderwerp: Y': separate fields, not one sentence
    if not markdown and LETTER_LABEL.match(block.text) and LETTER_LABEL.match(prev.text):
        return False
    if QA_LABEL.match(block.text) or QA_LABEL.match(prev.text):
        return False  # 'Antwoord 1' and 'Vraag 2' are structure, never part of a sentence
    if re.match(r"^(?:\d{1,2}|[a-z+*])\s?https?://", block.text) or \
            (block.gap_before and re.match(r"^\d{1,2}\s+[A-Z]", block.text)):
        return False  # a footnote ('1 https://...', '6 Gegevens ENTSOG') under the text
    if not block.gap_before:
        # Consecutive lines: one paragraph in markdown; in a text export only a wrapped one.
        if markdown and prev.kind == "para":
            return True
        if prev.kind == "item" and block.level >= 2:
            # An indented line continues its item, unless the item asked a question and the
            # line starts a sentence: that is the answer ('1. Hoe lang? [D66]' / '   De ...').
            return not (re.search(r"\?\W*(?:\[[^\]]*\]|\([^)]*\))?\W*$", prev.text)
                        and block.text[:1].isupper())
        length = len(last_line.strip()) if last_line is not None else len(prev.text)
        return _starts_lower(block.text) or (length >= 60 and _ends_open(prev.text)
                                             and not block.text[:1].isdigit())
    if not _ends_open(prev.text):
        return False
    if _ends_with_function_word(prev.text):
        return True
    # A page break splits a sentence, not a heading from the line below it ('Vragen' /
    # 'mevrouw Kat (SP)').
    return _starts_lower(block.text) and len(prev.text.split()) >= 4


# --- entry point ---------------------------------------------------------------------------
