"""The header of an annotatie: title, meeting, date, agenda item, wethouder, requested
decision, classification; as label lines, a table or loose lines above the core message."""

from __future__ import annotations

import re

from briefing.importing import dates
from briefing.importing.readers import Block
from briefing.importing.sections import named_section
from briefing.importing.text import has_words
from briefing.importing.vocabulary import (AGENDA_KIND, FURNITURE, ANNOTATIE_AGENDA, ANNOTATIE_VOOR,
                                           CLASSIFICATION, CLASSIFICATION_LINE, COLLEGE_DECIDES,
                                           COMMITTEE_ABBR, DECISION_CONTENT, DUTCH_PREFIXES,
                                           HOLDER, LABEL_RE, MEETING, NOTE_PREFIX, PLACEHOLDER,
                                           QUESTIONS_OF, SECTIONS, STAMP, TEMPLATE, VOORDRACHT,
                                           stamp_level, strip_colon, word_list)
from briefing.model.registers import fold


class HeaderMixin:
    # --- header -------------------------------------------------------------------------

    def _end_header(self) -> None:
        if self.section == "header":
            self.section = "body"
            self.pending = None

    def _header(self, i: int, heading) -> int | None:
        """Consume a header block; None when the header has ended at this block."""
        block = self.blocks[i]
        text = block.text
        if block.kind in ("para", "heading") and (len(word_list(text)) <= 15 or block.kind == "heading"):
            self._classify(text)
            if CLASSIFICATION_LINE.match(text):
                self._use(block)  # 'Vertrouwelijk', 'STRIKT GEHEIM': the stamp, no content
                return i + 1
            text = self._strip_stamp(text)
        if re.fullmatch(r"(?i)annotatie|(?i:concept[- ]?)?annotatie\s+(?:wethouder|voor wethouder)?",
                        text.strip(" :")):
            self._unrecognised(block)  # the document type, not its title
            return i + 1
        if not text:
            self._use(block)
            return i + 1
        if block.kind == "para" and FURNITURE.match(text):
            self._unrecognised(block)  # 'Gemeente Amsterdam' above the annotatie: no title
            return i + 1

        if self.pending == "decision" and block.kind == "item":
            prefix = f"{block.number}. " if block.marker == "number" and block.number else ""
            self.decision.append(prefix + text)
            self._use(block)
            return i + 1
        if self.pending == "decision" and block.kind == "para" and not self.decision \
                and not any(p.match(text) for _, p in LABEL_RE):
            self.decision.append(text)  # 'Gevraagd besluit' / 'Ter bespreking.' on the next line
            self._use(block)
            return i + 1
        if self.pending and self.pending != "decision" and block.kind in ("para", "heading"):
            key = self.pending
            self.pending = None
            if self._set_header(key, text, block, self.pending_label):
                self._use(block)
                return i + 1
        self.pending = None

        if COLLEGE_DECIDES.match(text):
            self.meeting = self.meeting or "College van burgemeester en wethouders"
            self.pending = "decision"
            self._use(block)
            return i + 1
        match = ANNOTATIE_VOOR.match(text)
        if match:
            self._set_header("holder", match.group("who"), block)
            self._use(block)
            return i + 1
        match = QUESTIONS_OF.match(text)
        if match and self.names.parse_askers(match.group("who")):
            # The askers are learnt (for 'Vraag 2 (Ceder)'); the line names the subject.
            self._set_title(text, 2 if self.title_rank < 2 else 1)
            self._use(block)
            return i + 1
        match = re.match(r"^annotatie\s*[–—:-]?\s+(?:voor\s+|bij\s+|t\.b\.v\.\s+)?(?:de\s+)?"
                         r"(?P<rest>.+)$", text, re.IGNORECASE)
        if match and MEETING.match(match.group("rest")) and self._meeting(match.group("rest")):
            self.title_fallback = self.title_fallback or text
            self._use(block)  # 'Annotatie raadscommissie Mobiliteit, 12 maart 2025'
            return i + 1
        match = ANNOTATIE_AGENDA.match(text)
        if match:
            self._set_header("agenda", match.group("value"), block)
            self._use(block)
            return i + 1
        if VOORDRACHT.match(text):
            found = dates.find_date(text)
            if found:
                self.date = self.date or found.date
            self._use(block)
            return i + 1
        for key, pattern in LABEL_RE:
            match = pattern.match(text)
            if not match:
                continue
            value = match.group("value").strip()
            if key == "holder" and match.group("label").lower() in ("wethouder", "burgemeester"):
                if not value and not text.rstrip().endswith(":"):
                    continue
                if value and (len(word_list(value)) > 5 or value[:1].islower()):
                    continue  # 'Wethouder heeft ...' is a sentence, not a label
                value = f"{match.group('label').lower()} {value}" if value else ""
            if key == "decision" and not (text.rstrip().endswith(":") or ":" in text or
                                          not value or len(word_list(text)) <= 4):
                continue
            if key == "title" and not value and heading is None and not text.endswith(":") \
                    and len(word_list(text)) > 2:
                continue
            value, after = self._split_glued_label(value, block)
            if not value or PLACEHOLDER.fullmatch(value):
                self.pending = after or (key if not match.group("value").strip() else None)
                self.pending_label = match.group("label")
                self._use(block)
                return i + 1
            if self._set_header(key, value, block, match.group("label")):
                self._use(block)
                return i + 1
        found = dates.find_date(text)
        around = text[:found.start] + text[found.end:] if found else ""
        if found and found.has_year and not has_words(
                re.sub(r"(?i)\b(?:d\.d\.|datum|op|van)\b", "", around)):
            self.date = self.date or found.date  # a date on its own: the meeting's date
            self._use(block)
            return i + 1
        if AGENDA_KIND.match(text) and len(word_list(text)) <= 6:
            self.agenda = self.agenda or strip_colon(text)
            self._use(block)
            return i + 1
        meeting = self._meeting(text)
        if meeting:
            self._use(block)
            return i + 1
        if block.kind == "item" and DECISION_CONTENT.match(text) and not self.decision:
            self.decision.append(text)
            self._use(block)
            return i + 1
        if TEMPLATE.match(text):
            self._unrecognised(block)
            return i + 1
        if re.match(r"^annotatie\b", text, re.IGNORECASE) and len(word_list(text)) > 1 \
                and self.title_rank < 2:
            self._set_title(re.sub(r"(?i)^annotatie\s*:\s*", "", text), 2)
            self._use(block)
            return i + 1
        if heading is not None:
            if self.title is None and not SECTIONS.match(heading[0]) and (
                    block.kind == "heading" or block.bold or i == self._first_content()):
                self._set_title(heading[0], 1)
                self._use(block)
                return i + 1
            if self._header_follows(i) and not named_section(heading[0]):
                self.dossier_note.append(text)  # 'Sociaal Domein' above the header lines
                self._use(block)
                return i + 1
            return None  # a section heading: the header is over
        if self._starts_question(block) or self._asker_header(block):
            return None
        if block.kind == "para" and self.title is None and i == self._first_content() \
                and len(word_list(text)) <= 25:
            self._set_title(text, 1)
            self._use(block)
            return i + 1
        # Explanations above the core message (NB's, who put it on the agenda): a note.
        label = re.match(r"^(?P<label>[A-Z][\w .'/&-]{1,30}):\s+(?P<value>.{1,120})$", text)
        if label and not NOTE_PREFIX.match(text) and len(word_list(label.group("label"))) <= 4:
            self.facts.add(f"{label.group('label')}: {label.group('value')}", 0)
            self._use(block)
            return i + 1
        self.dossier_note.append(text)
        self._use(block)
        return i + 1

    def _header_follows(self, i: int) -> bool:
        """The next block is a header line (a label, 'Annotatie ...', a meeting with a
        date): a short line before it belongs to the header, it does not end it."""
        following = self._next_content(i)
        if following is None:
            return False
        text = self.blocks[following].text
        if re.match(r"(?i)^annotatie\b", text) or ANNOTATIE_VOOR.match(text):
            return True
        if any(p.match(text) and (":" in text[:40]) for _, p in LABEL_RE):
            return True
        return bool(MEETING.match(text) and dates.find_date(text))

    def _set_title(self, text: str, rank: int) -> None:
        """Keep the strongest title (label > agenda or meeting line > first heading); the
        other candidate is kept in the note, never dropped."""
        text = strip_colon(text).strip()
        if not text:
            return
        if rank > self.title_rank:
            if self.title and fold(self.title) != fold(text):
                self.dossier_note.append(self.title)
            self.title, self.title_rank = text, rank
        elif self.title and fold(self.title) != fold(text):
            self.dossier_note.append(text)

    def _first_content(self) -> int:
        for j, block in enumerate(self.blocks):
            if block.kind != "pm" and (block.text or block.rows) and not (
                    block.kind == "para" and FURNITURE.match(block.text)):
                return j
        return 0

    def _split_glued_label(self, value: str, block: Block) -> tuple[str, str | None]:
        """'<automatisch>Tekst ... Onderwerp': a label glued to the end of a line opens the
        next field; a placeholder is no value (what follows it is kept as unrecognised)."""
        after = None
        glued = re.search(r"\s(Onderwerp|Titel|Betreft)$", value)
        if glued:
            value = value[:glued.start()].strip()
            after = "title"
        placeholder = PLACEHOLDER.match(value)
        if placeholder:
            rest = value[placeholder.end():].strip()
            if rest:
                self.unrecognised.append((block.line, rest))
            value = ""
        return value, after

    def _set_header(self, key: str, value: str, block: Block, label: str = "") -> bool:
        value = strip_colon(value).strip()
        if not value or PLACEHOLDER.fullmatch(value):
            return True
        if key == "title":
            meeting = _ANNOTATIE_MEETING.match(value)
            if meeting and self._meeting(meeting.group("meeting"), force=True):
                value = meeting.group("title")  # 'Onderwerp: Annotatie commissie WB – X'
            self._set_title(value, 3)
        elif key == "meeting":
            if not self._meeting(value, force=True):
                if not re.match(r"(?i)(?:raads)?commissie|raad|college|gemeenteraad", value) and \
                        re.match(r"(?i)(?:raads)?commissie", label):
                    value = f"Commissie {value}"  # 'Commissie: Mobiliteit, ...'
                self.meeting = self.meeting or _uncapped(value)
        elif key == "date":
            found = dates.find_date(value)
            if found is None:
                return False
            self.date = self.date or found.date
        elif key == "agenda":
            number = re.match(r"^(?:nr\.?|nummer)?\s*(\d+[a-z]?(?:\.\d+)?)\b", value, re.IGNORECASE)
            if number:
                self.agenda = self.agenda or number.group(1)
                rest = value[number.end():].strip(" :-–")
                if rest:
                    self._set_title(rest, 2)
            elif len(word_list(value)) <= 6:
                self.agenda = self.agenda or value
            else:
                self._set_title(value, 2)
        elif key == "holder":
            role = re.search(r"(?i)wethouder|burgemeester", label)
            if role and not HOLDER.match(value):
                value = f"{role.group(0).lower()} {value}"  # 'Verantwoordelijk wethouder: X'
            portfolio = re.search(r"\s*\((?P<p>[^()]+)\)$", value)
            if portfolio:  # 'wethouder Pels (Duurzaamheid)'
                value = value[:portfolio.start()]
                self.facts.add(f"Portefeuille: {portfolio.group('p').strip()}", 0)
            self.holder = self.holder or _holder(value)
        elif key == "decision":
            self.decision.append(value)
        elif key == "classification":
            self._classify(value, force=True)
        elif key == "embargo":
            moment = dates.parse_moment(value, self.date)
            if moment:
                self.embargo = moment
                self._note_extra(block.text, value)
            else:
                return False
        elif key == "addressee":
            # A memo to the wethouder: 'Aan: wethouder Van Dantzig'; to others it is a fact.
            if HOLDER.match(value) and not self.holder:
                self._set_header("holder", value, block)
            else:
                self.facts.add(f"{label.strip().capitalize() or 'Aan'}: {value}", 0)
        elif key == "sender":
            self.facts.add(f"{label.strip().capitalize()}: {value}", 0)
        elif key == "portfolio":
            self.facts.add(f"Portefeuille: {value}", 0)
        elif key == "contact":
            self.facts.add(f"Behandelend ambtenaar: {value}", 0)
        return True

    def _note_extra(self, line: str, value: str) -> None:
        """A date field with more to say ('... 10.00 uur (publicatie rapport)'): the line is
        kept in the note, so the reason is not lost."""
        rest = value
        for found in reversed(dates.find_dates(value, 2000)):
            rest = rest[:found.start] + " " + rest[found.end:]
        rest = re.sub(r"(?i)\b(?:tot|t/m|om|vanaf|uur|uiterlijk|\d{1,2}[:.]\d{2}|u)\b", " ", rest)
        if any(len(w) >= 3 and w.isalpha() for w in re.findall(r"\w+", rest)):
            self.dossier_note.append(line)

    def _meeting(self, text: str, force: bool = False) -> bool:
        """'Raadscommissie FKD Tussentijdse raadsbrief', 'Gemeenteraad, 18 september 2024',
        'Commissie WV d.d. 3 okt. 2024': meeting, date and perhaps the title."""
        found = dates.find_date(text)
        abbr = COMMITTEE_ABBR.match(text)
        match = abbr or MEETING.match(text)
        if not match:
            return False
        if not abbr and not force and len(word_list(text)) > 8 and not found:
            return False
        meeting = match.group("meeting").strip()
        rest = match.group("rest")
        if not found and not abbr:
            if force:
                meeting, rest = text, ""
            else:
                # 'Commissie Onderwijs, Jeugd en Zorg': a committee's name is capitalised words.
                name = _COMMITTEE_NAME.match(rest)
                if name:
                    meeting += name.group(0).rstrip()
                    rest = rest[name.end():]
        if found:
            before = text[:found.start]
            after = text[found.end:]
            if abbr is None:
                meeting = before
            rest = (before[len(match.group("meeting")):] if abbr else "") + " " + after
            self.date = self.date or found.date
        meeting = re.sub(r"\s*(?:,|d\.d\.|van|op|dd)\s*$", "", meeting.strip(), flags=re.I)
        meeting = meeting.strip(" ,:-–")
        rest = re.sub(r"^\s*(?:d\.d\.|dd)\s*", "", rest.strip(" ,:-–")).strip(" ,:-–")
        if not meeting:
            return False
        meeting = re.sub(r"(?i)^cie\.", "Commissie", _uncapped(meeting))
        meeting = meeting[:1].upper() + meeting[1:]
        self.meeting = self.meeting or meeting
        kind = rest.strip("() ")
        if kind and AGENDA_KIND.match(kind):
            self.agenda = self.agenda or kind  # 'Gemeenteraad 5 maart 2025 (vragenuur)'
            rest = ""
        if rest:
            if len(word_list(rest)) >= 2 and self.title_rank < 2:
                self._set_title(rest, 2)
            elif rest.lower() not in ("", "vergadering"):
                self.dossier_note.append(rest)
        return True

    def _classify(self, text: str, force: bool = False) -> None:
        level = stamp_level(text) if force else None
        if level is not None:
            self.classification = level
            return
        for level, pattern in CLASSIFICATION:
            if pattern.search(text):
                if self.classification is None or force:
                    self.classification = level
                return

    def _strip_stamp(self, text: str) -> str:
        return STAMP.sub(" ", text).strip() if STAMP.search(text) else text



_ANNOTATIE_MEETING = re.compile(
    r"^annotatie\s+(?:voor\s+|bij\s+|t\.b\.v\.\s+)?(?:de\s+)?(?P<meeting>(?:raads)?commissie\s+.+?)"
    r"\s+[–—:-]\s+(?P<title>.+)$", re.IGNORECASE)
_SMALL_WORDS = {"en", "van", "de", "het", "der", "voor", "op", "in", "met", "over", "tot", "t.b.v."}


def _uncapped(name: str) -> str:
    """'RAADSCOMMISSIE MOBILITEIT, OPENBARE RUIMTE EN WATER' -> 'Raadscommissie Mobiliteit,
    Openbare Ruimte en Water': a name in capitals as the register writes it. Short words
    without vowels stay abbreviations ('FKD', 'WB')."""
    if any(c.islower() for c in name) or len(name.split()) < 2:
        return name
    words = []
    for word in name.split():
        bare = word.strip(",.;:()").lower()
        if bare in _SMALL_WORDS:
            words.append(word.lower())
        elif len(bare) <= 4 and not re.search(r"[aeiouy]", bare):
            words.append(word)
        else:
            words.append(word[:1] + word[1:].lower())
    return " ".join(words)


_COMMITTEE_NAME = re.compile(
    r"^\s+[A-Z][\w'’-]*(?:(?:,\s*|\s+(?:en|&)\s+|\s*&\s*|\s+)[A-Z][\w'’-]*)*"
    r"(?:\s*\([A-Z][A-Za-z&]{1,8}\))?")


def _holder(text: str) -> str | None:
    """'wethouder van Buren' -> 'wethouder Van Buren' (a surname without first name starts
    with a capital, also its 'van')."""
    text = strip_colon(text).strip()
    match = HOLDER.match(text)
    role, name = (match.group("role").lower(), match.group("name").strip()) if match else ("", text)
    if role.startswith("wh"):
        role = "wethouder"
    name = name.strip(" ,.")
    if not name:
        return None
    if name.lower().startswith(DUTCH_PREFIXES):
        name = name[:1].upper() + name[1:]
    return f"{role} {name}".strip()

