"""One structure recogniser: source blocks -> a dossier in the knowledge format.

It reads an annotatie the way an adviser does: a header (title, meeting, date, agenda item,
wethouder, requested decision), a core message, themed sections, and questions with askers,
answers, 'if pressed' lines and notes. Every block lands in a field or in `onherkend` with
its line number: nothing is dropped silently."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from briefing.importing import dates
from briefing.importing.names import Asker, Names
from briefing.importing.readers import Block
from briefing.importing.text import (CONTACT_LABELS, extract_pm, has_words, remove_redactions,
                                     tidy)
from briefing.model.dossier import (Classification, Dossier, Line, Question, SourceLine, Status,
                                    Theme, Variant)
from briefing.model.registers import Registers, fold

# --- vocabulary ------------------------------------------------------------------------------

_CORE = re.compile(r"^(?:de\s+)?(?:kern|hoofd)(?:boodschap(?:pen)?|punten|punt|lijn(?:en)?|bericht)"
                   r"(?:\s+(?:wethouder|voor de wethouder|in het kort))?$|^key messages?$|"
                   r"^boodschap(?:pen)?$|^in het kort$|^hoofdlijnen$", re.IGNORECASE)
_QA = re.compile(
    r"^(?:mogelijke|verwachte|eventuele|te verwachten|reactieve)?\s*(?:"
    r"vragen(?:\s+en\s+antwoorden)?(?:\s+(?:van\s+|uit\s+)?(?:de\s+)?(?:raadsleden|raad|"
    r"commissie(?:leden)?|fracties|leden))?|vraag\s+en\s+antwoord(?:en)?|q\s*&\s*a(?:'?s)?|"
    r"qa'?s|v\s*&\s*a|mondelinge\s+vragen|schriftelijke\s+vragen|beantwoording(?:\s+vragen)?|"
    r"reactieve\s+lijn(?:en)?|vragen\s+en\s+lijnen)$",
    re.IGNORECASE)
_SECTIONS = re.compile(
    r"^(?:achtergrond(?:informatie)?|aanleiding|context|toelichting|feiten(?:\s+en\s+cijfers)?|"
    r"cijfers|planning|financi[eë]n|financi[eë]le\s+\w+|communicatie|risico'?s|bijlage[n]?|"
    r"stand\s+van\s+zaken|proces|participatie|juridisch\w*|tijdlijn|vervolg|actuele\s+\w+|"
    r"bestuurlijke\s+\w+|wettelijke\s+grondslag|onderbouwing\s+besluit|reden\s+spoed|"
    r"documenten|classificatiegegevens|besluit\s+college.*)$", re.IGNORECASE)
# 'Vraag 2:', 'Vraag 3 (VVD, lid Bakker):', 'Vraag 5 *Van Pijpen*', 'Vraag 4 – GL', 'Vraag 1 van
# de VVD: ...'; not 'Vraag 1 van het onderzoek was ...' in running text.
_VRAAG = re.compile(
    r"^(?:vraag|v)\s*(?:nr\.?\s*|nummer\s*)?(?P<n>\d{1,3})\b\s*"
    r"(?:[:.)\-–]\s*|(?=[(*\[]|(?-i:[A-Z]))|(?=(?:van|namens)\s[^:?]{2,60}:)|$)(?P<rest>.*)$", re.IGNORECASE)
_VRAAG_BARE = re.compile(r"^(?:vraag|v)\s*(?P<who>\([^()]*\))?\s*[:.]\s*(?P<rest>.*)$",
                         re.IGNORECASE)
# 'Vraag van de VVD (lid Bakker): ...', 'Vraag namens D66: ...'
_VRAAG_WHO = re.compile(r"^vraag\s+(?:van|namens)\s+(?P<who>[^:?]{2,60}):\s*(?P<rest>.*)$",
                        re.IGNORECASE)
_ANSWER = re.compile(r"^(?:antwoord(?:lijn)?|a|reactie(?:\s+wethouder)?|beantwoording|lijn|"
                     r"antwoord\s+wethouder)\s*(?:[:.]\s*(?P<rest>.*))?$", re.IGNORECASE)
_PRESSED = re.compile(
    r"^(?:(?:indien|als|wanneer|mocht|mochten|bij|zo)\b[^:]{0,40}?"
    r"(?:doorvra\w*|doorgevraagd|door\s+wordt\s+gevraagd|verder\s+(?:wordt\s+)?gevraagd|"
    r"nog\s+(?:wordt\s+)?gevraagd)|door\s*vragen|doorvraag|doorvragen|if\s+pressed)"
    r"(?P<qual>[^:]*)(?::\s*(?P<rest>.*))?$",
    re.IGNORECASE)
_NOTE_BRACKETS = re.compile(r"^\[(?P<note>.+)\]\.?$", re.DOTALL)
_NOTE_PREFIX = re.compile(r"^(?:N\.?B\.?\d?|Noot|Let op|Intern|Niet uitspreken|Toelichting voor "
                          r"(?:de )?wethouder)\s*[:.]\s*", re.IGNORECASE)
_NOT_HEADING = re.compile(r"^(?:zie|pm|nb|n\.b\.|ad\s+\d+|let op|bron|noot|bijvoorbeeld)\b",
                          re.IGNORECASE)
_ABBREV_END = re.compile(r"\b(?:jl|e\.a|e\.d|o\.a|n\.a\.v|t\.a\.v|bijv|enz|etc|nr|d\.d|m\.b\.t|"
                         r"i\.o\.m|z\.s\.m|mln|mld)\.$", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"^\s*(?:<[^>]*>|\[[^\]]*\]|\.{2,}|…|x{2,}|PM)\s*", re.IGNORECASE)
_FURNITURE = re.compile(
    r"^(?:gemeente amsterdam|portefeuille|agendapunt|annotatie|pagina \d+(?: van \d+)?|"
    r"\d+\s*/\s*\d+|-\s*\d+\s*-|voordracht voor de vergadering van\s*<[^>]*>|"
    r"besluit college van burgemeester en wethouders|<[^>]*>)$", re.IGNORECASE)

# Header labels. The value follows a colon or a space, or sits on the next line(s).
_HEADER_LABELS = [
    ("title", r"titel|onderwerp|betreft|titel annotatie|nummer agendapunt"),
    ("meeting", r"vergadering|gremium|(?:raads)?commissie(?=\s*:)"),
    ("date", r"datum(?: vergadering)?|vergaderdatum|d\.d\."),
    ("agenda", r"agendapunt(?:\s*(?:nr\.?|nummer))?|agendanummer|agenda\s*punt"),
    ("holder", r"portefeuillehouder|bestuurder|verantwoordelijk wethouder|wethouder|burgemeester"),
    ("decision", r"(?:aan de (?:raads)?commissie )?gevraagd(?:e)? (?:besluit|beslissing)|"
                 r"voorgesteld besluit|beslispunten|besluit"),
    ("classification", r"classificatie|rubricering"),
    ("embargo", r"embargo"),
    ("portfolio", r"portefeuille"),
    ("contact", r"behandelend ambtenaar|contactpersoon|opsteller"),
]
_LABEL_RE = [(key, re.compile(rf"^(?P<label>{pattern})\s*(?::|\s+(?=\S)|$)\s*(?P<value>.*)$",
                              re.IGNORECASE)) for key, pattern in _HEADER_LABELS]
_ANNOTATIE_VOOR = re.compile(
    r"^annotatie\s+(?:voor|t\.b\.v\.|ten behoeve van|aan)\s+(?:de\s+)?"
    r"(?P<who>(?:wethouder|burgemeester|portefeuillehouder|gedeputeerde|wh)\b.*)$", re.IGNORECASE)
_ANNOTATIE_AGENDA = re.compile(r"^annotatie\s+agendapunt\s*(?:nr\.?|nummer)?\s*(?P<value>.*)$",
                               re.IGNORECASE)
_HOLDER = re.compile(r"^(?P<role>wethouder|burgemeester|wh\.?|portefeuillehouder)\s+(?P<name>.+)$",
                     re.IGNORECASE)
_MEETING = re.compile(
    r"^(?P<meeting>(?:de\s+)?(?:gemeenteraad|raadsvergadering|raadscommissie|commissie|"
    r"college\s+van\s+b(?:urgemeester)?\s*(?:en|&)\s*w(?:ethouders)?|collegevergadering|"
    r"stadsdeelcommissie|bestuurscommissie|raad))\b(?P<rest>.*)$", re.IGNORECASE)
_COMMITTEE_ABBR = re.compile(r"^(?P<meeting>(?i:(?:raads)?commissie)\s+[A-Z][A-Z&]{1,7}"
                             r"(?:\s*[-/&]\s*[A-Z][A-Z&]{1,7})?)(?![\w&])(?P<rest>.*)$")
_VOORDRACHT = re.compile(r"^voordracht\s+(?:voor\s+)?(?:de\s+)?(?:vergadering|raad|college)\b",
                         re.IGNORECASE)
_COLLEGE_DECIDES = re.compile(r"^het college van (?:burgemeester en wethouders|b\s*(?:en|&)\s*w)"
                              r"\s+besluit\b", re.IGNORECASE)
_DECISION_CONTENT = re.compile(r"^(?:ter|voor)\s+(?:bespreking|kennisgeving|kennisname|"
                               r"besluitvorming|advisering|informatie|consultatie|vaststelling)",
                               re.IGNORECASE)
_AGENDA_KIND = re.compile(r"^(?:(?:mondelinge?|schriftelijke)\s+)?vragenuur|^actualiteit(?:en)?\b|"
                          r"^interpellatie|^rondvraag|^mededelingen?\b|^motie\s+vreemd",
                          re.IGNORECASE)
_TEMPLATE = re.compile(r"^(?:indien van toepassing(?: aangeven)?|in te vullen|niet invullen|"
                       r"etc\.?|enz\.?|\.+)$", re.IGNORECASE)
_CLASSIFICATION = [
    (Classification.GEHEIM, re.compile(r"\b(?:strikt|zeer|staats)?\s*geheim\b", re.IGNORECASE)),
    (Classification.VERTROUWELIJK, re.compile(r"\b(?:vertrouwelijk|confidentieel)\b",
                                              re.IGNORECASE)),
    (Classification.INTERN, re.compile(r"\b(?:(?:voor|alleen)\s+intern\s+gebruik|intern\s+gebruik|"
                                       r"alleen\s+intern|intern\s+document|dep\.?\s*vertrouwelijk)\b",
                                       re.IGNORECASE)),
    (Classification.OPENBAAR, re.compile(r"^\s*openbaar\s*$", re.IGNORECASE)),
]
_CLASSIFICATION_LINE = re.compile(
    r"^(?:classificatie\s*:?\s*)?(?:strikt\s+|zeer\s+|staats)?(?:geheim|vertrouwelijk|"
    r"confidentieel|(?:voor\s+|alleen\s+)?intern(?:\s+gebruik)?|openbaar|niet\s+openbaar)"
    r"(?:\s+stuk)?\.?$", re.IGNORECASE)
_STAMP = re.compile(r"\s*\b(?:STRIKT\s+GEHEIM|ZEER\s+GEHEIM|GEHEIM|VERTROUWELIJK|"
                    r"INTERN(?:\s+GEBRUIK)?)\b\s*")
_EMBARGO = re.compile(
    r"(?:geheim(?:\s+gehouden)?|geheimhouding\s+(?:geldt|loopt)|embargo|vertrouwelijk|"
    r"niet\s+(?:openbaar|delen|verspreiden|naar\s+buiten))\w*\s+(?:\w+\s+){0,2}?"
    r"(?:tot|t/m)\s+(?:en\s+met\s+)?(?:uiterlijk\s+)?(?P<when>.{4,60})"
    r"|embargo\s*:\s*(?P<when2>.{4,60})"
    r"|geheimhouding\s+wordt\s+opgeheven\s+op\s+(?P<when3>.{4,60})",
    re.IGNORECASE)
_DUTCH_PREFIXES = ("van ", "de ", "der ", "den ", "ter ", "ten ", "te ", "het ", "in 't ", "op ")
_STOPWORDS = {"de", "het", "een", "en", "van", "voor", "over", "met", "aan", "op", "in", "naar",
              "bij", "tot", "om", "te", "of", "annotatie", "n", "a", "v", "d", "t", "inzake",
              "nav", "tav", "mbt", "dd", "dit", "is", "die", "dat", "wordt", "zijn", "the"}
_COLUMN_WORDS = {"naam", "nr", "nr.", "nummer", "registratienr", "registratienr.", "omschrijving",
                 "bedrag", "datum", "vraag", "antwoord", "fractie", "raadslid", "lid", "onderwerp",
                 "status", "actie", "wie", "wat", "wanneer", "toelichting", "jaar", "partij",
                 "kenmerk", "titel", "bijlage", "#", "doorvragen", "notitie", "indien doorgevraagd"}


def _words(text: str) -> list[str]:
    return text.split()


def _strip_colon(text: str) -> str:
    return text.rstrip().rstrip(":").rstrip()


# --- line trees ------------------------------------------------------------------------------


@dataclass
class _Node:
    text: str
    sub: list[_Node] = field(default_factory=list)

    def line(self) -> Line:
        return Line(text=self.text, sub=[s.line() for s in self.sub])


class _Lines:
    """Lines with nesting from list levels: a deeper item becomes a sub-line of the last
    shallower one. Level -1 is a label line ('Zuidoost', 'Een paar voorbeelden:') that
    takes the list after it as its sub-lines."""

    def __init__(self) -> None:
        self.roots: list[_Node] = []
        self.stack: list[tuple[int, _Node]] = []

    def add(self, text: str, level: int) -> None:
        node = _Node(text)
        while self.stack and self.stack[-1][0] >= level:
            self.stack.pop()
        if self.stack:
            self.stack[-1][1].sub.append(node)
        else:
            self.roots.append(node)
        self.stack.append((level, node))

    def close(self) -> None:
        self.stack.clear()

    def __len__(self) -> int:
        return sum(len(n.line().flatten()) for n in self.roots)

    def lines(self) -> list[Line]:
        return [n.line() for n in self.roots]


@dataclass
class _Segment:
    asker: Asker
    text: list[str] = field(default_factory=list)


@dataclass
class _Question:
    number: int | None
    line: int
    segments: list[_Segment] = field(default_factory=list)
    answer: _Lines = field(default_factory=_Lines)
    pressed: _Lines = field(default_factory=_Lines)
    notes: list[str] = field(default_factory=list)
    state: str = "ask"          # ask | answer | pressed
    answer_numbers: list[int] = field(default_factory=list)
    by_label: bool = False      # opened by a 'Vraag N' line: asker lines may follow
    item_level: int | None = None  # a bullet that is a question: answers are deeper bullets

    @property
    def has_text(self) -> bool:
        return any(s.text for s in self.segments)


@dataclass
class _Theme:
    title: str
    level: int | None
    lines: _Lines = field(default_factory=_Lines)
    blocks: int = 0


@dataclass
class _AskerGroup:
    askers: list[Asker]
    line: int
    questions: int = 0
    template_items: int = 0


@dataclass
class ImportResult:
    """A recognised annotatie: the dossier and remarks for the summary."""

    dossier: Dossier
    notes: list[str] = field(default_factory=list)


# --- the recogniser --------------------------------------------------------------------------


class Recogniser:
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
        # body
        self.section = "header"              # header | core | body | qa
        self.core = _Lines()
        self.themes: list[_Theme] = []
        self.theme: _Theme | None = None
        self.parent: tuple[str, int | None] | None = None
        self.facts = _Lines()
        self.questions: list[_Question] = []
        self.question: _Question | None = None
        self.group: _AskerGroup | None = None
        self.groups: list[_AskerGroup] = []
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

    def _prepare(self) -> None:
        kept: list[Block] = []
        previous_label = ""
        for block in self.blocks:
            if block.kind == "table":
                block.rows = [[self._redact(cell, block.line, previous_label) for cell in row]
                              for row in block.rows]
                kept.append(block)
                continue
            text = self._redact(block.text, block.line, previous_label)
            if text != block.text and (not has_words(text) or CONTACT_LABELS.fullmatch(
                    _strip_colon(text)) or re.fullmatch(r"\W*", text)):
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
            if len(_words(block.text)) <= 8:
                previous_label = _strip_colon(block.text)
            kept.append(block)
        self.blocks = kept

    def _redact(self, text: str, line: int, context: str) -> str:
        left, found = remove_redactions(text)
        self.last_label = ""
        contact = CONTACT_LABELS.match(context or "")
        for redaction in found:
            label = _strip_colon(" ".join(_words(redaction.label)[-6:]))
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
                match = _EMBARGO.search(text or "")
                if not match:
                    continue
                when = match.group("when") or match.group("when2") or match.group("when3")
                moment = dates.parse_moment(when, self.date or reference)
                if moment is not None:
                    self.embargo = moment
                    return

    # --- dispatch -----------------------------------------------------------------------

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
        heading = self._heading(i)

        # Sections by their headings.
        if heading is not None:
            title = heading[0]
            if _CORE.match(title):
                self._end_header()
                self._leave_qa()
                self.section = "core"
                self.core.close()
                self._use(block)
                return i + 1
            if _QA.match(title):
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

    # --- headings -----------------------------------------------------------------------

    def _candidate(self, i: int) -> bool:
        """Could this block be a heading, judged by itself?"""
        block = self.blocks[i]
        if block.kind == "heading":
            return True
        text = block.text
        words = _words(text)
        if block.kind == "item":
            return (block.bold and block.marker == "bullet" and block.gap_before
                    and block.gap_after and 0 < len(words) <= 15 and not text.endswith("."))
        if block.kind != "para" or not words:
            return False
        if not block.gap_after and i + 1 < len(self.blocks) and \
                self.blocks[i + 1].kind == "para":
            # A heading straight above its text: only when it reads like one.
            nxt = self.blocks[i + 1].text
            if not (_SECTIONS.match(_strip_colon(text)) or _CORE.match(_strip_colon(text)) or
                    _QA.match(_strip_colon(text)) or (len(words) <= 6 and (
                        len(_words(nxt)) >= 8 or re.search(r"[.!?]$", nxt)))):
                return False
        limit = 25 if block.bold else 20
        if len(words) > limit or len(text) > 170:
            return False
        first = text.lstrip("➤>•-–*([\"'“")[:1]
        if not first or (first.isalpha() and first.islower()):
            return False
        if text.endswith((".", ";", ",")) and not _ABBREV_END.search(text):
            return False
        if "=" in text or _NOT_HEADING.match(text) or _PLACEHOLDER.fullmatch(text):
            return False
        if re.search(r"[.!?]\s+[A-Z]", text):
            return False
        colon = text.find(":")
        if 0 < colon < len(text) - 1 and len(_words(text[colon + 1:])) <= 4 and block.kind != "heading":
            return False  # 'Financiële onderbouwing: Ja' is a line, not a section
        return sum(1 for w in words if sum(c.isalpha() for c in w) >= 3) >= 1

    def _heading(self, i: int) -> tuple[str, int | None] | None:
        """(title, level) when block i is a heading in its context, else None."""
        if not self._candidate(i):
            return None
        block = self.blocks[i]
        title = _strip_colon(block.text.lstrip("➤>•*– ").strip())
        if block.kind == "heading":
            return title, block.level
        following = self._next_content(i)
        if following is None:
            return None
        nxt = self.blocks[following]
        if block.text.endswith(":") and nxt.kind == "para" and len(_words(block.text)) <= 4:
            return None  # 'Overige toelichting:' + paragraph: one line, not a section
        if self.section == "qa" and block.text.endswith("?"):
            return None
        if nxt.kind in ("para", "item") and self._candidate(following) and \
                len(_words(block.text)) > 6 and nxt.kind != "heading":
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
        self.theme = _Theme(full, level)
        self.themes.append(self.theme)

    # --- header -------------------------------------------------------------------------

    def _end_header(self) -> None:
        if self.section == "header":
            self.section = "body"
            self.pending = None

    def _header(self, i: int, heading) -> int | None:
        """Consume a header block; None when the header has ended at this block."""
        block = self.blocks[i]
        text = block.text
        if block.kind in ("para", "heading") and (len(_words(text)) <= 15 or block.kind == "heading"):
            self._classify(text, block)
            if _CLASSIFICATION_LINE.match(text):
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

        if self.pending == "decision" and block.kind == "item":
            prefix = f"{block.number}. " if block.marker == "number" and block.number else ""
            self.decision.append(prefix + text)
            self._use(block)
            return i + 1
        if self.pending and self.pending != "decision" and block.kind in ("para", "heading"):
            key = self.pending
            self.pending = None
            if self._set_header(key, text, block):
                self._use(block)
                return i + 1
        self.pending = None

        if _COLLEGE_DECIDES.match(text):
            self.meeting = self.meeting or "College van burgemeester en wethouders"
            self.pending = "decision"
            self._use(block)
            return i + 1
        match = _ANNOTATIE_VOOR.match(text)
        if match:
            self.holder = self.holder or _holder(match.group("who"))
            self._use(block)
            return i + 1
        match = re.match(r"^annotatie\s+(?:voor\s+|bij\s+|t\.b\.v\.\s+)?(?:de\s+)?(?P<rest>.+)$",
                         text, re.IGNORECASE)
        if match and _MEETING.match(match.group("rest")) and self._meeting(match.group("rest")):
            self._use(block)  # 'Annotatie raadscommissie Mobiliteit, 12 maart 2025'
            return i + 1
        match = _ANNOTATIE_AGENDA.match(text)
        if match:
            self._set_header("agenda", match.group("value"), block)
            self._use(block)
            return i + 1
        if _VOORDRACHT.match(text):
            found = dates.find_date(text)
            if found:
                self.date = self.date or found.date
            self._use(block)
            return i + 1
        for key, pattern in _LABEL_RE:
            match = pattern.match(text)
            if not match:
                continue
            value = match.group("value").strip()
            if key == "holder" and match.group("label").lower() in ("wethouder", "burgemeester"):
                if not value or len(_words(value)) > 5 or value[:1].islower():
                    continue  # 'Wethouder heeft ...' is a sentence, not a label
                value = f"{match.group('label').lower()} {value}"
            if key == "decision" and not (text.rstrip().endswith(":") or ":" in text or
                                          not value or len(_words(text)) <= 4):
                continue
            if key == "title" and not value and heading is None and not text.endswith(":") \
                    and len(_words(text)) > 2:
                continue
            value, after = self._split_glued_label(value, block)
            if not value or _PLACEHOLDER.fullmatch(value):
                self.pending = after or (key if not match.group("value").strip() else None)
                self._use(block)
                return i + 1
            if self._set_header(key, value, block, match.group("label")):
                self._use(block)
                return i + 1
        if _AGENDA_KIND.match(text) and len(_words(text)) <= 6:
            self.agenda = self.agenda or _strip_colon(text)
            self._use(block)
            return i + 1
        meeting = self._meeting(text)
        if meeting:
            self._use(block)
            return i + 1
        if block.kind == "item" and _DECISION_CONTENT.match(text) and not self.decision:
            self.decision.append(text)
            self._use(block)
            return i + 1
        if _TEMPLATE.match(text):
            self._unrecognised(block)
            return i + 1
        if re.match(r"^annotatie\b", text, re.IGNORECASE) and len(_words(text)) > 1 \
                and self.title_rank < 2:
            self._set_title(re.sub(r"(?i)^annotatie\s*:\s*", "", text), 2)
            self._use(block)
            return i + 1
        if heading is not None:
            if self.title is None and not _SECTIONS.match(heading[0]) and (
                    block.kind == "heading" or block.bold or i == self._first_content()):
                self._set_title(heading[0], 1)
                self._use(block)
                return i + 1
            return None  # a section heading: the header is over
        if self._starts_question(block) or self._asker_header(block):
            return None
        if block.kind == "para" and self.title is None and i == self._first_content() \
                and len(_words(text)) <= 25:
            self._set_title(text, 1)
            self._use(block)
            return i + 1
        # Explanations above the core message (NB's, who put it on the agenda): a note.
        label = re.match(r"^(?P<label>[A-Z][\w .'/&-]{1,30}):\s+(?P<value>.{1,120})$", text)
        if label and not _NOTE_PREFIX.match(text) and len(_words(label.group("label"))) <= 4:
            self.facts.add(f"{label.group('label')}: {label.group('value')}", 0)
            self._use(block)
            return i + 1
        self.dossier_note.append(text)
        self._use(block)
        return i + 1

    def _set_title(self, text: str, rank: int) -> None:
        """Keep the strongest title (label > agenda or meeting line > first heading); the
        other candidate is kept in the note, never dropped."""
        text = _strip_colon(text).strip()
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
            if block.kind != "pm" and (block.text or block.rows):
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
        placeholder = _PLACEHOLDER.match(value)
        if placeholder:
            rest = value[placeholder.end():].strip()
            if rest:
                self.unrecognised.append((block.line, rest))
            value = ""
        return value, after

    def _set_header(self, key: str, value: str, block: Block, label: str = "") -> bool:
        value = _strip_colon(value).strip()
        if not value or _PLACEHOLDER.fullmatch(value):
            return True
        if key == "title":
            self._set_title(value, 3)
        elif key == "meeting":
            if not self._meeting(value, force=True):
                if not re.match(r"(?i)(?:raads)?commissie|raad|college|gemeenteraad", value) and \
                        re.match(r"(?i)(?:raads)?commissie", label):
                    value = f"Commissie {value}"  # 'Commissie: Mobiliteit, ...'
                self.meeting = self.meeting or value
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
            elif len(_words(value)) <= 6:
                self.agenda = self.agenda or value
            else:
                self._set_title(value, 2)
        elif key == "holder":
            self.holder = self.holder or _holder(value)
        elif key == "decision":
            self.decision.append(value)
        elif key == "classification":
            self._classify(value, block, force=True)
        elif key == "embargo":
            moment = dates.parse_moment(value, self.date)
            if moment:
                self.embargo = moment
            else:
                return False
        elif key == "portfolio":
            self.facts.add(f"Portefeuille: {value}", 0)
        elif key == "contact":
            self.facts.add(f"Behandelend ambtenaar: {value}", 0)
        return True

    def _meeting(self, text: str, force: bool = False) -> bool:
        """'Raadscommissie FKD Tussentijdse raadsbrief', 'Gemeenteraad, 18 september 2024',
        'Commissie WV d.d. 3 okt. 2024': meeting, date and perhaps the title."""
        found = dates.find_date(text)
        abbr = _COMMITTEE_ABBR.match(text)
        match = abbr or _MEETING.match(text)
        if not match:
            return False
        if not abbr and not force and len(_words(text)) > 8 and not found:
            return False
        meeting = match.group("meeting").strip()
        rest = match.group("rest")
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
        meeting = meeting[:1].upper() + meeting[1:]
        self.meeting = self.meeting or meeting
        if rest:
            if len(_words(rest)) >= 2 and self.title_rank < 2:
                self._set_title(rest, 2)
            elif rest.lower() not in ("", "vergadering"):
                self.dossier_note.append(rest)
        return True

    def _classify(self, text: str, block: Block, force: bool = False) -> None:
        for level, pattern in _CLASSIFICATION:
            if pattern.search(text):
                if self.classification is None or force:
                    self.classification = level
                return

    def _strip_stamp(self, text: str) -> str:
        return _STAMP.sub(" ", text).strip() if _STAMP.search(text) else text

    # --- questions ----------------------------------------------------------------------

    def _starts_question(self, block: Block) -> bool:
        if block.kind not in ("para", "heading", "item"):
            return False
        if _VRAAG.match(block.text):
            return True
        if block.kind != "item" and _VRAAG_BARE.match(block.text):
            return True
        who = _VRAAG_WHO.match(block.text)
        return bool(who and block.kind != "item" and self.names.parse_askers(who.group("who")))

    def _asker_header(self, block: Block) -> bool:
        """'Lid Mangal (DENK)', 'Fractie GL – raadslid Jansen': a strong asker line."""
        if block.kind not in ("para", "heading") and not (block.kind == "item" and block.bold):
            return False
        text = block.text
        if not re.match(r"^(?:vragen\s+(?:van\s+)?)?(?:het\s+|de\s+)?(?:raads)?lid\b|^fractie\b",
                        text, re.IGNORECASE):
            return False
        return self.names.parse_askers(text) is not None

    def _ends_qa(self, block: Block, heading) -> bool:
        title, level = heading
        if block.kind == "heading" and (self.qa_level is None or (level or 0) <= self.qa_level):
            return not self.names.parse_askers(title)
        if _SECTIONS.match(title) or _CORE.match(title):
            return True
        return False

    def _leave_qa(self) -> None:
        self._close_question()
        self._close_group()

    def _close_question(self) -> None:
        if self.question is not None:
            self.questions.append(self.question)
            self.question = None

    def _close_group(self) -> None:
        if self.group is not None:
            self.groups.append(self.group)
            self.group = None

    def _new_question(self, number: int | None, block: Block) -> _Question:
        self._close_question()
        question = _Question(number, block.line)
        self.question = question
        if self.group is not None:
            self.group.questions += 1
        return question

    def _qa(self, i: int, heading) -> int:
        block = self.blocks[i]
        text = block.text
        self._use(block)
        question = self.question

        # 'Vraag 2:', 'Vraag 5 *Van Pijpen*', 'Vraag 3 (VVD, lid Bakker): tekst'
        match = _VRAAG.match(text) or (_VRAAG_BARE.match(text) if block.kind != "item" else None)
        who = _VRAAG_WHO.match(text) if not match and block.kind != "item" else None
        if who and not self.names.parse_askers(who.group("who")):
            who = None
        if match or who:
            groups = (match or who).groupdict()
            number = int(groups["n"]) if groups.get("n") else None
            question = self._new_question(number, block)
            question.by_label = True
            if groups.get("who"):
                self._with_askers(question, _unwrap(groups["who"]), groups["rest"].strip())
            else:
                self._question_line(question, groups["rest"].strip())
            return i + 1

        # 'Antwoord:'
        match = _ANSWER.match(text)
        if match and question is not None and (block.kind != "item" or match.group("rest")):
            question.state = "answer"
            question.answer.close()
            if match.group("rest"):
                question.answer.add(match.group("rest").strip(), -1)
            return i + 1

        # 'Indien doorgevraagd:', 'Als wordt doorgevraagd over X: tekst'
        match = _PRESSED.match(text)
        if match and question is not None:
            question.state = "pressed"
            question.pressed.close()
            qualifier = (match.group("qual") or "").strip(" ,")
            rest = (match.group("rest") or "").strip()
            if qualifier and len(_words(qualifier)) >= 2:
                label = qualifier[:1].upper() + qualifier[1:]
                question.pressed.add(f"{label}: {rest}" if rest else f"{label}:", -1)
            elif rest:
                question.pressed.add(rest, -1)
            return i + 1

        # '[We interpreteren deze vraag als ...]': a note for the adviser, never read out.
        match = _NOTE_BRACKETS.match(text)
        if match and question is not None:
            question.notes.append(match.group("note").strip())
            return i + 1
        if question is not None and _NOTE_PREFIX.match(text) and block.kind == "para":
            question.notes.append(text)
            return i + 1

        # Asker lines: inside 'Vraag N' they add an asker; elsewhere they open a group.
        askers = None
        if block.kind in ("para", "heading") or (block.kind == "item" and block.bold
                                                 and block.marker == "bullet"):
            askers = self.names.parse_askers(text)
        if askers:
            if question is not None and question.state == "ask" and self._in_vraag_block():
                for asker in askers:
                    question.segments.append(_Segment(asker))
                return i + 1
            self._close_question()
            self._close_group()
            self.group = _AskerGroup(askers, block.line)
            return i + 1

        # Numbered questions under an asker ('- 1. Kan ik ...?**', '6. Klopt het ...?').
        if block.kind == "item" and block.marker == "number" and block.number is not None:
            if not has_words(re.sub(r"\d", "", text)) or _TEMPLATE.match(text):
                if self.group is not None:
                    self.group.template_items += 1
                return i + 1
            if self._numbered_question(block):
                question = self._new_question(block.number, block)
                who = _VRAAG_WHO.match(text) or re.match(
                    r"^(?P<who>\([^()]{2,60}\)|[^:?]{2,40}):\s*(?P<rest>.+)$", text)
                askers = self.names.parse_askers(_unwrap(who.group("who"))) if who else None
                if askers:
                    self._with_askers(question, _unwrap(who.group("who")), who.group("rest"))
                else:
                    question.segments.append(_Segment(self._group_asker(), [text]))
                return i + 1

        # '- Waarom ...?' with deeper bullets as its answer.
        if block.kind == "item" and text.endswith("?") and block.marker == "bullet" and (
                (question is None and self._followed_by_deeper(i)) or (
                    question is not None and question.item_level is not None
                    and block.level <= question.item_level)):
            question = self._new_question(None, block)
            question.item_level = block.level
            question.segments.append(_Segment(self._group_asker(), [text]))
            question.state = "answer"
            return i + 1

        if question is None:
            if block.kind in ("para", "heading") or block.bold:
                if self.group is not None or text.endswith("?") or block.bold:
                    if _TEMPLATE.match(text):
                        self._unrecognised_text(block)
                        return i + 1
                    question = self._new_question(None, block)
                    question.segments.append(_Segment(self._group_asker(), [text]))
                    return i + 1
            self._unrecognised_text(block)
            return i + 1

        # A new unnumbered question under the same asker: a question mark or bold, after an answer.
        if block.kind in ("para", "heading") and (text.endswith("?") or block.bold) and \
                question.state != "ask" and len(question.answer) and not self._in_vraag_block() \
                and (question.number is None or block.bold) and question.item_level is None:
            question = self._new_question(None, block)
            question.segments.append(_Segment(self._group_asker(), [text]))
            return i + 1

        if question.state == "ask":
            asked = " ".join(question.segments[-1].text) if question.segments else ""
            if block.kind == "para" and asked.endswith("?") and not text.endswith("?"):
                question.state = "answer"  # 'Vraag 3: ...?' then a plain line: the answer
            elif block.kind == "para" and not (heading is not None and self._followed_by_items(i)
                                               and question.has_text):
                if not question.segments:
                    question.segments.append(_Segment(self._group_asker()))
                question.segments[-1].text.append(text)
                return i + 1
            question.state = "answer"
        target = question.pressed if question.state == "pressed" else question.answer
        if block.kind == "item":
            if block.marker == "number" and block.number is not None:
                question.answer_numbers.append(block.number)
            target.add(text, block.level)
        elif heading is not None and len(_words(heading[0])) <= 4 and self._followed_by_items(i):
            target.add(heading[0] if not text.endswith(":") else text, -1)
        else:
            target.close()
            target.add(text, -1 if text.endswith(":") and self._followed_by_items(i) else 0)
            if not text.endswith(":"):
                target.close()
        return i + 1

    def _unrecognised_text(self, block: Block) -> None:
        self.unrecognised.append((block.line, block.text))

    def _question_line(self, question: _Question, rest: str) -> None:
        """The rest of a 'Vraag N' line: askers, question text, or both."""
        rest = rest.strip().strip("*").strip()
        rest = re.sub(r"^(?:van|namens)\s+(?:de\s+|het\s+)?", "", rest)  # 'van de VVD: ...'
        if not rest:
            return
        text = rest
        askers = None
        paren = re.match(r"^\((?P<who>[^()]+)\)\s*[:.\-–]?\s*(?P<text>.*)$", rest)
        colon = re.match(r"^(?P<who>[^:?]{2,60}):\s*(?P<text>.*)$", rest)
        trailing = re.match(r"^(?P<text>.+?[?.])\s*\((?P<who>[^()]+)\)$", rest)
        if trailing and self.names.parse_askers(trailing.group("who")):
            askers = self.names.parse_askers(trailing.group("who"))
            text = trailing.group("text")
        elif paren:
            askers = self.names.parse_askers(paren.group("who"), force=True)
            text = paren.group("text") if askers else rest
        elif colon and self.names.parse_askers(colon.group("who"), force=True):
            askers = self.names.parse_askers(colon.group("who"), force=True)
            text = colon.group("text")
        elif not rest.endswith("?") and len(_words(rest)) <= 6:
            askers = self.names.parse_askers(rest, force=True)
            text = "" if askers else rest
        for asker in askers or [self._group_asker()]:
            question.segments.append(_Segment(asker))
        if text:
            question.segments[0].text.append(text)

    def _with_askers(self, question: _Question, who: str, text: str) -> None:
        askers = self.names.parse_askers(who, force=True) or [self._group_asker()]
        for asker in askers:
            question.segments.append(_Segment(asker))
        if text.strip():
            question.segments[0].text.append(text.strip())

    def _in_vraag_block(self) -> bool:
        """The current question was opened by a 'Vraag N' line (askers may follow it)."""
        return self.question is not None and self.question.by_label

    def _block_text(self, line: int) -> str:
        for block in self.blocks:
            if block.lines and block.lines[0] == line:
                return block.text
        return ""

    def _group_asker(self) -> Asker:
        if self.group is not None and self.group.askers:
            return self.group.askers[0]
        return Asker()

    def _numbered_question(self, block: Block) -> bool:
        question = self.question
        last = question.number if question is not None else (
            self.questions[-1].number if self.questions else None)
        fresh_group = self.group is not None and self.group.questions == 0
        if question is not None and question.state != "ask" and question.answer_numbers \
                and question.answer_numbers[-1] + 1 == block.number and not fresh_group:
            return False  # the answer's own numbered list goes on ('1. ...', '2. ...')
        if fresh_group:
            return True
        if last is None:
            return self.section == "qa"
        return block.number == last + 1

    def _followed_by_deeper(self, i: int) -> bool:
        following = self._next_content(i)
        return following is not None and self.blocks[following].kind == "item" and \
            self.blocks[following].level > self.blocks[i].level

    def _followed_by_items(self, i: int) -> bool:
        following = self._next_content(i)
        return following is not None and self.blocks[following].kind == "item"

    # --- content --------------------------------------------------------------------------

    def _content(self, i: int, target: _Lines) -> int:
        block = self.blocks[i]
        self._use(block)
        text = block.text
        if block.kind == "item":
            target.add(text, block.level)
            return i + 1
        # 'Overige toelichting:' + its paragraph: one line.
        following = self._next_content(i)
        if text.endswith(":") and len(_words(text)) <= 4 and following is not None and \
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
                and len(_words(self.blocks[following].text)) <= 8 \
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
        if block.kind != "para" or len(_words(text)) > 8:
            return False
        if self.meeting and fold(text) == fold(self.meeting):
            self._unrecognised(block)  # the page header repeats the meeting
            return True
        if _MEETING.match(text) and not self.meeting and len(_words(text)) <= 6 and \
                re.match(r"^(?:college|gemeenteraad|raad)", text, re.IGNORECASE):
            self.meeting = text[:1].upper() + text[1:]
            self._use(block)
            return True
        if _FURNITURE.match(text) or _TEMPLATE.match(text) or _PLACEHOLDER.fullmatch(text):
            self._unrecognised(block)
            return True
        return False

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
        header = rows[0] if rows and _is_header_row(rows[0]) and len(rows) > 1 else None
        if header and self._qa_table(header, rows[1:], block):
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
            if not row[0] and len(cells) >= 2 and all(len(_words(c)) <= 3 for c in cells):
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
                for key, pattern in _LABEL_RE:
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

    def _qa_table(self, header: list[str], rows: list[list[str]], block: Block) -> bool:
        columns = {fold(h).strip(" .:#"): index for index, h in enumerate(header)}
        find = lambda *keys: next((columns[k] for k in keys if k in columns), None)  # noqa: E731
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
            if party and not member and not self.names.is_party(party) and \
                    self.names.member(party):
                member, party = party, None  # a member's name in the party column
            asker = Asker(member, party, True)
            line = block.row_lines[offset + 1] if offset + 1 < len(block.row_lines) else block.line
            question = _Question(int(number.group()) if number else None, line,
                                 [_Segment(asker, [cell(q_col).replace("\n", " ")])])
            for part in cell(a_col).split("\n"):
                _add_cell_line(question.answer, part)
            for part in cell(d_col).split("\n"):
                _add_cell_line(question.pressed, part)
            if cell(t_col):
                question.notes.append(cell(t_col))
            self.questions.append(question)
        self.section = "body"
        return True

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
        title = self.title or _title_from_name(self.source_name)
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

    def _questions(self) -> list[Question]:
        out: list[Question] = []
        for draft in self.questions:
            segments = [s for s in draft.segments if s.text or s.asker.member or s.asker.party]
            if not segments or not any(s.text for s in segments):
                if draft.answer.roots:
                    text = "(vraag niet gevonden)"
                    segments = segments or [_Segment(Asker())]
                    segments[0].text = [text]
                    self.notes.append(f"regel {draft.line}: een antwoord zonder vraagtekst")
                else:
                    self.unrecognised.append((draft.line, self._block_text(draft.line)))
                    continue
            # Askers without their own text share the question of the asker after them.
            texts = [" ".join(s.text) for s in segments]
            for index in range(len(texts) - 2, -1, -1):
                if not texts[index]:
                    texts[index] = texts[index + 1]
            for index in range(1, len(texts)):
                if not texts[index]:
                    texts[index] = texts[index - 1]
            askers = [self.names.resolve(s.asker) for s in segments]
            main, *rest = list(zip(askers, texts))
            out.append(Question(
                number=draft.number,
                member=main[0].member,
                party=main[0].party,
                question=_question_text(main[1]),
                variants=[Variant(member=a.member, party=a.party, question=_question_text(t))
                          for a, t in rest],
                answer=draft.answer.lines(),
                if_pressed=draft.pressed.lines(),
                note="\n".join(draft.notes) or None,
                status=Status.CONCEPT,
            ))
        numbers = [q.number for q in out if q.number is not None]
        if len(numbers) != len(set(numbers)):
            self.notes.append("vraagnummers kwamen dubbel voor (per fractie opnieuw genummerd?); "
                              "de vragen zijn doorlopend genummerd")
            for index, question in enumerate(out, start=1):
                question.number = index
        else:
            # Unnumbered questions follow the one before them, skipping numbers in use.
            used, current = set(numbers), 0
            for question in out:
                if question.number is not None:
                    current = question.number
                    continue
                current += 1
                while current in used:
                    current += 1
                question.number = current
                used.add(current)
        return out

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


# --- helpers ---------------------------------------------------------------------------------


def _unwrap(text: str) -> str:
    """'(VVD, lid Bakker)' -> 'VVD, lid Bakker'; other text unchanged."""
    text = text.strip()
    if text.startswith("(") and text.endswith(")") and text.count("(") == 1:
        return text[1:-1].strip()
    return text


def _holder(text: str) -> str | None:
    """'wethouder van Buren' -> 'wethouder Van Buren' (a surname without first name starts
    with a capital, also its 'van')."""
    text = _strip_colon(text).strip()
    match = _HOLDER.match(text)
    role, name = (match.group("role").lower(), match.group("name").strip()) if match else ("", text)
    if role.startswith("wh"):
        role = "wethouder"
    name = name.strip(" ,.")
    if not name:
        return None
    if name.lower().startswith(_DUTCH_PREFIXES):
        name = name[:1].upper() + name[1:]
    return f"{role} {name}".strip()


def _question_text(text: str) -> str:
    return tidy(text).strip().strip("*").strip() or "(vraag niet gevonden)"


def _title_from_name(name: str | None) -> str:
    if not name:
        return "Geïmporteerde annotatie"
    stem = re.sub(r"\.[A-Za-z]+$", "", name)
    return tidy(re.sub(r"[_]+", " ", stem)) or "Geïmporteerde annotatie"


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


def _is_header_row(row: list[str]) -> bool:
    cells = [c for c in row if c]
    if len(cells) < 2:
        return False
    if not row[0]:
        return True
    if any(len(_words(c)) > 3 for c in cells):
        return False
    return any(fold(c).strip(" .:") in _COLUMN_WORDS for c in cells)


def _add_cell_line(lines: _Lines, part: str) -> None:
    from briefing.importing.readers import parse_markers

    part = part.strip()
    if not has_words(part):
        return
    marker, body = parse_markers(part)
    lines.add(body.strip(), 1 if marker is not None and marker.kind == "o" else 0)


def slug_id(dossier: Dossier) -> str:
    """A readable, stable id: date and the title's first meaningful words."""
    folded = unicodedata.normalize("NFKD", dossier.title).encode("ascii", "ignore").decode()
    words = [w for w in re.split(r"[^a-z0-9]+", folded.lower())
             if w and w not in _STOPWORDS and not w.isdigit() and len(w) > 1]
    parts = ([dossier.date.isoformat()] if dossier.date else []) + words[:6]
    slug = "-".join(parts)[:70].strip("-")
    return slug or "annotatie"


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
