"""What a recogniser may look at: the document's blocks with lookahead helpers (Doc), the
builder's state read-only (View), and the block in hand (Ctx). A recogniser returns a Step:
events for the builder and how far it read."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

from briefing.importing import dates
from briefing.importing.blocks import Block
from briefing.importing.events import Event, Used
from briefing.importing.names import Names
from briefing.importing.vocabulary import (ABBREV_END, ANNOTATIE_VOOR, CORE, FURNITURE,
                                           LABEL_RE, MEETING, NOT_HEADING, PLACEHOLDER, QA,
                                           SECTIONS, VRAAG, VRAAG_BARE, VRAAG_PAIR, VRAAG_WHO,
                                           strip_colon, word_list)

if TYPE_CHECKING:
    from briefing.importing.builder import Builder as View


# '3.1 Financiën', '2. Kernboodschap': a section number in front of a heading.
SECTION_NUMBER = re.compile(r"^(?P<number>\d{1,2}(?:\.\d{1,2})*)\.?\s+(?=\S)")


def section_name(text: str) -> str:
    """A heading as the vocabulary knows it: no section number, qualifier in brackets or
    colon ('3. Achtergrond (niet voor uitspraak):' -> 'Achtergrond')."""
    text = SECTION_NUMBER.sub("", strip_colon(text.strip()))
    return strip_colon(re.sub(r"\s*\([^()]*\)$", "", text).strip())


def named_section(text: str) -> bool:
    """A heading the genre names: core message, questions, or a known section."""
    name = section_name(text)
    return bool(name) and bool(CORE.match(name) or QA.match(name) or SECTIONS.match(name))


# A question in a list, numbered in any style OCR leaves ('1.', '2-', '12:', '3 ') or after a
# bullet as OCR reads it ('e', '*', '+', '•'): (number, question text), or None.
_LIST_NUMBER = re.compile(r"^\(?(?P<n>\d{1,2})\s*(?:[.):\-–]\s*|\s+)(?=[A-Z“\"'‘(«])")
_OCR_BULLET = re.compile(r"^(?:[e*+•·»©o]|\d(?=\s+[A-Z]))\s+(?=[A-Z“\"'‘(«])")


def listed_question(block: Block) -> tuple[int | None, str] | None:
    """A block that is one question of a list: it asks (a '?') and is numbered or bulleted."""
    text = block.text
    if "?" not in text or len(text.split()) < 3:
        return None
    if block.kind == "item":
        return (block.number if block.marker == "number" else None), text
    if block.kind != "para":
        return None
    number = _LIST_NUMBER.match(text)
    if number:
        return int(number.group("n")), text[number.end():]
    bullet = _OCR_BULLET.match(text)
    if bullet:
        return None, text[bullet.end():]
    return None


def labelled_item(text: str) -> bool:
    """'- Vraag: ...' as a list item; not '- V. d. Berg' or '- Q3 cijfers'."""
    return bool(re.match(r"(?i)^vraag\s*(?:\([^()]*\))?\s*:", text))


class Doc:
    """The blocks of one document and what can be judged from them alone."""

    def __init__(self, blocks: list[Block], names: Names, kind: str = "annotatie"):
        self.blocks = blocks
        self.names = names
        self.kind = kind                  # the genre, judged before reading (rules/genre.py)
        self._candidates: dict[int, bool] = {}
        self._index = {id(block): index for index, block in enumerate(blocks)}

    @property
    def lists_questions(self) -> bool:
        """A genre whose questions stand in a list (numbered or bulleted), not under an
        annotatie's questions heading."""
        return self.kind in ("beantwoording", "qa-lijst", "vragen", "kamervragen")

    def next_content(self, i: int) -> int | None:
        for j in range(i + 1, len(self.blocks)):
            if self.blocks[j].kind != "pm" and (self.blocks[j].text or self.blocks[j].rows):
                return j
        return None

    def first_content(self) -> int:
        for j, block in enumerate(self.blocks):
            if block.kind != "pm" and (block.text or block.rows) and not (
                    block.kind == "para" and FURNITURE.match(block.text)):
                return j
        return 0

    def block_text(self, line: int) -> str:
        for block in self.blocks:
            if block.lines and block.lines[0] == line:
                return block.text
        return ""

    def followed_by_items(self, i: int) -> bool:
        following = self.next_content(i)
        return following is not None and self.blocks[following].kind == "item"

    def followed_by_deeper(self, i: int) -> bool:
        following = self.next_content(i)
        return following is not None and self.blocks[following].kind == "item" and \
            self.blocks[following].level > self.blocks[i].level

    # --- headings ------------------------------------------------------------------------

    def numbered_heading(self, i: int) -> int | None:
        """The level of a numbered section heading ('3. Achtergrond', '3.1 Financiën'), or
        None. A numbered list item is a heading when the genre names it, or when sections
        numbered under it ('3.1 ...') follow."""
        block = self.blocks[i]
        words = word_list(block.text)
        if not words or len(words) > 12 or block.text.endswith((".", ";", ",", "?")):
            return None
        if block.kind == "item" and block.marker == "number" and block.number is not None \
                and block.level == 0:
            if named_section(block.text):
                return 1
            following = self.next_content(i)
            nxt = self.blocks[following] if following is not None else None
            if nxt is not None and nxt.kind == "para" and \
                    re.match(rf"^{block.number}\.\d{{1,2}}\.?\s+[A-Z]", nxt.text):
                return 1
            return None
        if block.kind == "para":
            number = SECTION_NUMBER.match(block.text)
            if number and "." in number.group("number") and block.text[number.end():][:1].isupper():
                return number.group("number").count(".") + 1
        return None

    def candidate(self, i: int) -> bool:
        """Could this block be a heading, judged by itself?"""
        if i not in self._candidates:
            self._candidates[i] = self._candidate(i)
        return self._candidates[i]

    def _candidate(self, i: int) -> bool:
        block = self.blocks[i]
        if block.kind == "heading":
            return True
        text = block.text
        words = word_list(text)
        if block.kind in ("para", "item") and 0 < len(words) <= 12 and named_section(text) \
                and (block.kind == "para" or self.numbered_heading(i) is not None):
            return True  # 'Q&A', 'Achtergrond (niet voor uitspraak)', '2. Hoofdlijnen'
        if block.kind == "item":
            if self.numbered_heading(i) is not None:
                return True
            return (block.bold and block.marker == "bullet" and block.gap_before
                    and block.gap_after and 0 < len(words) <= 15 and not text.endswith("."))
        if block.kind != "para" or not words:
            return False
        if not block.gap_after and i + 1 < len(self.blocks) and \
                self.blocks[i + 1].kind == "para":
            # A heading straight above its text: only when it reads like one.
            nxt = self.blocks[i + 1].text
            if not (SECTIONS.match(strip_colon(text)) or CORE.match(strip_colon(text)) or
                    QA.match(strip_colon(text)) or (len(words) <= 6 and (
                        len(word_list(nxt)) >= 8 or re.search(r"[.!?]$", nxt)))):
                return False
        limit = 25 if block.bold else 20
        if len(words) > limit or len(text) > 170:
            return False
        first = text.lstrip("➤>•-–*([\"'“")[:1]
        if not first or (first.isalpha() and first.islower()):
            return False
        if text.endswith((".", ";", ",")) and not ABBREV_END.search(text):
            return False
        if "=" in text or NOT_HEADING.match(text) or PLACEHOLDER.fullmatch(text):
            return False
        if re.search(r"[.!?]\s+[A-Z]", text):
            return False
        colon = text.find(":")
        if 0 < colon < len(text) - 1 and len(word_list(text[colon + 1:])) <= 4 and block.kind != "heading":
            return False  # 'Financiële onderbouwing: Ja' is a line, not a section
        return sum(1 for w in words if sum(c.isalpha() for c in w) >= 3) >= 1

    def heading(self, i: int, in_qa: bool = False) -> tuple[str, int | None] | None:
        """(title, level) when block i is a heading in its context, else None. In the
        questions section a line ending in '?' is a question, not a heading."""
        if not self.candidate(i):
            return None
        block = self.blocks[i]
        title = strip_colon(block.text.lstrip("➤>•*– ").strip())
        if block.kind == "heading":
            return title, block.level
        level = self.numbered_heading(i)
        if level is not None:
            return strip_colon(SECTION_NUMBER.sub("", title)), level
        following = self.next_content(i)
        if following is None:
            return None
        nxt = self.blocks[following]
        name = section_name(block.text)
        if named_section(block.text) and len(word_list(block.text)) <= 6 and \
                not (in_qa and block.text.endswith("?")) and (
                    CORE.match(name) or QA.match(name) or not (
                        block.text.endswith(":") and nxt.kind == "para")):
            return title, None  # 'Conclusie:' + its paragraph stays one line (below)
        if block.text.endswith(":") and nxt.kind == "para" and len(word_list(block.text)) <= 4:
            return None  # 'Overige toelichting:' + paragraph: one line, not a section
        if in_qa and block.text.endswith("?"):
            return None
        if nxt.kind in ("para", "item") and self.candidate(following) and \
                len(word_list(block.text)) > 6 and nxt.kind != "heading":
            # Two heading-like lines in a row: a long first one is a line of text.
            if self.next_content(following) is not None:
                return None
        return title, None

    def header_follows(self, i: int) -> bool:
        """The next block is a header line (a label, 'Annotatie ...', a meeting with a
        date): a short line before it belongs to the header, it does not end it."""
        following = self.next_content(i)
        if following is None:
            return False
        text = self.blocks[following].text
        if re.match(r"(?i)^annotatie\b", text) or ANNOTATIE_VOOR.match(text):
            return True
        if any(p.match(text) and (":" in text[:40] or self.lists_questions) for _, p in LABEL_RE):
            return True  # a letter's header labels stand without a colon ('Datum 3 maart')
        return bool(MEETING.match(text) and dates.find_date(text))

    # --- questions -----------------------------------------------------------------------

    def starts_question(self, block: Block) -> bool:
        if block.kind not in ("para", "heading", "item"):
            return False
        if VRAAG.match(block.text) or VRAAG_PAIR.match(block.text):
            return True
        if self.lists_questions and id(block) in self._index and \
                self.listed_question_at(self._index[id(block)]) is not None:
            return True
        if VRAAG_BARE.match(block.text) and (block.kind != "item" or labelled_item(block.text)):
            return True
        who = VRAAG_WHO.match(block.text)
        return bool(who and block.kind != "item" and self.names.parse_askers(who.group("who")))

    def asker_header(self, block: Block) -> bool:
        """'Lid Mangal (DENK)', 'Fractie GL – raadslid Jansen': a strong asker line."""
        if block.kind not in ("para", "heading") and not (block.kind == "item" and block.bold):
            return False
        text = block.text
        if not re.match(r"^(?:vragen\s+(?:van\s+)?)?(?:het\s+|de\s+)?(?:raads)?lid\b|^fractie\b",
                        text, re.IGNORECASE):
            return False
        return self.names.parse_askers(text) is not None

    def listed_question_at(self, i: int) -> tuple[int | None, str] | None:
        """A question of a list at block i: it asks and is numbered or bulleted. A numbered
        question is one paragraph: its question mark may come in the lines after it; in a
        list of questions a paragraph that starts in lower case and asks is a question whose
        start OCR lost."""
        block = self.blocks[i]
        found = listed_question(block)
        if found is not None or block.kind != "para":
            return found
        number = _LIST_NUMBER.match(block.text)
        if number:
            for j in range(i + 1, min(i + 5, len(self.blocks))):
                following = self.blocks[j]
                if following.kind != "para" or following.gap_before:
                    break
                if "?" in following.text:
                    return int(number.group("n")), block.text[number.end():]
            return None
        if self.kind in ("qa-lijst", "vragen") and block.gap_before and \
                block.text[:1].islower() and "?" in block.text and len(block.text.split()) >= 5:
            return None, block.text
        return None

    def questions_follow(self, i: int) -> bool:
        following = self.next_content(i)
        if following is None:
            return False
        block = self.blocks[following]
        return block.text.endswith("?") or self.starts_question(block) or \
            self.asker_header(block) or bool(self.names.parse_askers(block.text))


@dataclass
class Ctx:
    """The block in hand: its index, the heading it makes here (if any) and the text the
    header rules read (without a classification stamp)."""

    doc: Doc
    state: "View"
    i: int
    heading: tuple[str, int | None] | None
    text: str = ""

    @property
    def block(self) -> Block:
        return self.doc.blocks[self.i]

    @property
    def names(self) -> Names:
        return self.doc.names


@dataclass
class Step:
    """A recogniser's answer: events, and the index of the next block to read (None: the
    block is not consumed; the events apply and the next recogniser looks at it)."""

    events: list[Event] = field(default_factory=list)
    next: int | None = None
    stop: bool = False       # not consumed, and the rest of this chain does not apply

    @classmethod
    def end(cls) -> "Step":
        """The block ends the part this chain reads (a heading ends the header)."""
        return cls([], None, True)

    @classmethod
    def consume(cls, ctx: Ctx, *events: Event, upto: int | None = None,
                used: tuple[Block, ...] | None = None) -> "Step":
        """Consume the block in hand (and up to block `upto`), marking them used."""
        blocks = used if used is not None else (ctx.block,)
        lines = tuple(n for b in blocks for n in (*b.lines, *b.row_lines))
        return cls([Used(lines), *events], (upto if upto is not None else ctx.i) + 1)


Rule = Callable[[Ctx], "Step | None"]


def run_chain(rules: list[Rule], ctx: Ctx) -> Step | None:
    """The first rule that recognises the block decides; a rule may also add events without
    consuming it (next None), and the chain goes on, unless the rule stops it."""
    pending: list[Event] = []
    for rule in rules:
        step = rule(ctx)
        if step is None:
            continue
        if step.next is not None:
            return Step(pending + step.events, step.next)
        pending.extend(step.events)
        if step.stop:
            return Step(pending, None, True)
    return Step(pending, None) if pending else None
