"""Headings, themed sections and their lines; contact lines and page furniture."""

from __future__ import annotations

import re

from briefing.importing.drafts import DraftTheme, Lines
from briefing.importing.readers import Block
from briefing.importing.vocabulary import (ABBREV_END, CORE, FURNITURE, MEETING, NOT_HEADING,
                                           PLACEHOLDER, QA, SECTIONS, TEMPLATE, strip_colon,
                                           word_list)
from briefing.model.registers import fold


# '3.1 Financiën', '2. Kernboodschap': a section number in front of a heading.
_SECTION_NUMBER = re.compile(r"^(?P<number>\d{1,2}(?:\.\d{1,2})*)\.?\s+(?=\S)")


def section_name(text: str) -> str:
    """A heading as the vocabulary knows it: no section number, qualifier in brackets or
    colon ('3. Achtergrond (niet voor uitspraak):' -> 'Achtergrond')."""
    text = _SECTION_NUMBER.sub("", strip_colon(text.strip()))
    return strip_colon(re.sub(r"\s*\([^()]*\)$", "", text).strip())


def named_section(text: str) -> bool:
    """A heading the genre names: core message, questions, or a known section."""
    name = section_name(text)
    return bool(name) and bool(CORE.match(name) or QA.match(name) or SECTIONS.match(name))


class SectionsMixin:
    # --- headings -----------------------------------------------------------------------

    def _numbered_heading(self, i: int) -> int | None:
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
            following = self._next_content(i)
            nxt = self.blocks[following] if following is not None else None
            if nxt is not None and nxt.kind == "para" and \
                    re.match(rf"^{block.number}\.\d{{1,2}}\.?\s+[A-Z]", nxt.text):
                return 1
            return None
        if block.kind == "para":
            number = _SECTION_NUMBER.match(block.text)
            if number and "." in number.group("number") and block.text[number.end():][:1].isupper():
                return number.group("number").count(".") + 1
        return None

    def _candidate(self, i: int) -> bool:
        """Could this block be a heading, judged by itself?"""
        block = self.blocks[i]
        if block.kind == "heading":
            return True
        text = block.text
        words = word_list(text)
        if block.kind in ("para", "item") and 0 < len(words) <= 12 and named_section(text) \
                and (block.kind == "para" or self._numbered_heading(i) is not None):
            return True  # 'Q&A', 'Achtergrond (niet voor uitspraak)', '2. Hoofdlijnen'
        if block.kind == "item":
            if self._numbered_heading(i) is not None:
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

    def _heading(self, i: int) -> tuple[str, int | None] | None:
        """(title, level) when block i is a heading in its context, else None."""
        if not self._candidate(i):
            return None
        block = self.blocks[i]
        title = strip_colon(block.text.lstrip("➤>•*– ").strip())
        if block.kind == "heading":
            return title, block.level
        level = self._numbered_heading(i)
        if level is not None:
            return strip_colon(_SECTION_NUMBER.sub("", title)), level
        following = self._next_content(i)
        if following is None:
            return None
        nxt = self.blocks[following]
        name = section_name(block.text)
        if named_section(block.text) and len(word_list(block.text)) <= 6 and \
                not (self.section == "qa" and block.text.endswith("?")) and (
                    CORE.match(name) or QA.match(name) or not (
                        block.text.endswith(":") and nxt.kind == "para")):
            return title, None  # 'Conclusie:' + its paragraph stays one line (below)
        if block.text.endswith(":") and nxt.kind == "para" and len(word_list(block.text)) <= 4:
            return None  # 'Overige toelichting:' + paragraph: one line, not a section
        if self.section == "qa" and block.text.endswith("?"):
            return None
        if nxt.kind in ("para", "item") and self._candidate(following) and \
                len(word_list(block.text)) > 6 and nxt.kind != "heading":
            # Two heading-like lines in a row: a long first one is a line of text.
            nxt_following = self._next_content(following)
            if nxt_following is not None:
                return None
        return title, None

    def _next_content(self, i: int) -> int | None:
        for j in range(i + 1, len(self.blocks)):
            if self.blocks[j].kind != "pm" and (self.blocks[j].text or self.blocks[j].rows):
                return j
        return None

    def _open_theme(self, title: str, level: int | None, block: Block | None) -> None:
        if block is not None:
            self._use(block)
        self._end_header()
        if self.section in ("core", "qa"):
            self.section = "body"
        current = self.theme
        if current is not None and current.blocks == 0 and current.title != "Algemeen":
            # A heading straight after a heading: the first is the parent ('Voortgang
            # WPI/Zuidoost' -> 'WPI'). With levels, only a deeper heading is a child.
            if level is None or current.level is None or level > current.level:
                self.themes.remove(current)
                self.parent = (current.title, current.level)
        elif self.parent is not None:
            parent_title, parent_level = self.parent
            if level is not None and parent_level is not None:
                if level <= parent_level:
                    self.parent = None
            elif not (fold(title) and re.search(rf"(?<![a-z]){re.escape(fold(title))}(?![a-z])",
                                                fold(parent_title))):
                self.parent = None
        full = f"{self.parent[0]} – {title}" if self.parent else title
        self.theme = DraftTheme(full, level)
        self.themes.append(self.theme)

    # --- content --------------------------------------------------------------------------

    def _content(self, i: int, target: Lines) -> int:
        block = self.blocks[i]
        self._use(block)
        text = block.text
        if block.kind == "item":
            target.add(text, block.level)
            return i + 1
        # 'Overige toelichting:' + its paragraph: one line.
        following = self._next_content(i)
        if text.endswith(":") and len(word_list(text)) <= 4 and following is not None and \
                self.blocks[following].kind == "para" and self._heading(following) is None:
            nxt = self.blocks[following]
            self._use(nxt)
            target.close()
            target.add(f"{text} {nxt.text}", 0)
            target.close()
            return following + 1
        target.close()
        target.add(text, 0)
        target.close()
        return i + 1

    def _contact(self, i: int) -> int | None:
        """'Behandelend ambtenaar (naam, ...)' and its (redacted) value: a fact."""
        block = self.blocks[i]
        match = re.match(r"^(?P<label>behandelend ambtenaar|contactpersoon|opsteller)\b\s*"
                         r"(?:\([^)]*\))?\s*:?\s*(?P<value>.*)$", block.text, re.IGNORECASE)
        if not match or block.kind != "para":
            return None
        self._use(block)
        label = match.group("label")[:1].upper() + match.group("label")[1:].lower()
        value = match.group("value").strip()
        following = self._next_content(i)
        if not value and following is not None and self.blocks[following].kind == "para" \
                and len(word_list(self.blocks[following].text)) <= 8 \
                and self.blocks[following].line - block.lines[-1] <= 3:
            value = self.blocks[following].text
            self._use(self.blocks[following])
            i = following
        if value:
            self.facts.close()
            self.facts.add(f"{label}: {value}", 0)
        return i + 1

    def _furniture(self, block: Block) -> bool:
        """Page headers and template remnants in the body: the meeting if still unknown,
        else an unrecognised line (kept, not dropped)."""
        text = block.text
        if block.kind != "para" or len(word_list(text)) > 8:
            return False
        if self.meeting and fold(text) == fold(self.meeting):
            self._unrecognised(block)  # the page header repeats the meeting
            return True
        if MEETING.match(text) and not self.meeting and len(word_list(text)) <= 6 and \
                re.match(r"^(?:college|gemeenteraad|raad)", text, re.IGNORECASE):
            self.meeting = text[:1].upper() + text[1:]
            self._use(block)
            return True
        if FURNITURE.match(text) or TEMPLATE.match(text) or PLACEHOLDER.fullmatch(text):
            self._unrecognised(block)
            return True
        return False

