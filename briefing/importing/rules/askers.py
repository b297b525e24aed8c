"""Who asks a question, as written with it: 'Vraag 3 (VVD, lid Bakker): ...', '(VVD) Waarom
...?', 'Wat kost dit? (VVD)', '... (ook gevraagd door JA21)'. Each function gives the
question's segments (an asker and their text) and remembers the askers it parsed, for the
builder to learn."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing.importing import events as ev
from briefing.importing.drafts import Segment
from briefing.importing.names import Asker, Names
from briefing.importing.text import has_words

# 'Ook gevraagd door: GroenLinks', '(ook gevraagd door lid Bakker, CDA)', '(ook: CDA, lid Bakker)',
# 'Tevens gesteld door VVD': the same question from other askers (variants).
_ALSO = (r"(?:en\s+)?(?:ook|tevens|eveneens)(?:\s+(?:gevraagd|gesteld|ingebracht))?(?:\s+door)?"
         r"\s*:?\s*")
ALSO_LINE = re.compile(rf"^[(\[]?\s*{_ALSO}(?P<who>[^()\[\]]+?)\s*[)\]]?\s*\.?$", re.IGNORECASE)
ALSO_TRAILING = re.compile(rf"\s*[(\[]\s*{_ALSO}(?P<who>[^()\[\]]+?)\s*[)\]]\s*\.?$",
                           re.IGNORECASE)
# An asker named before the question: '(VVD) Waarom ...?', 'CDA (lid Bakker): Zijn ...?'.
ASKER_LEADING = re.compile(r"^(?:\((?P<paren>[^()]{2,60})\)|"
                           r"(?P<who>[^:?()]{2,40}(?:\([^()]{2,40}\))?)\s*:)\s+(?=\S)")
# An asker named after the question: 'Wat kost dit? (VVD, lid Bakker)'.
ASKER_TRAILING = re.compile(r"(?<=[?.])\s*(?:\((?P<who>[^()]{2,60})\)|"
                            r"\[(?P<square>[^\[\]]{2,60})\])\s*$")


def unwrap(text: str) -> str:
    """'(VVD, lid Bakker)' -> 'VVD, lid Bakker'; other text unchanged."""
    text = text.strip()
    if text.startswith("(") and text.endswith(")") and text.count("(") == 1:
        return text[1:-1].strip()
    return text


@dataclass
class AskerReader:
    """Parses askers for one recogniser call and keeps what it parsed (for a Learn event)."""

    names: Names
    default: Asker = field(default_factory=Asker)   # the asker group's asker, if any
    parsed: list[Asker] = field(default_factory=list)

    def parse(self, text: str, force: bool = False) -> list[Asker] | None:
        askers = self.names.parse_askers(text, force)
        if askers:
            self.parsed.extend(askers)
        return askers

    def learn(self) -> list[ev.Event]:
        return [ev.Learn(tuple(self.parsed))] if self.parsed else []

    def split_also(self, text: str) -> tuple[str, list[Asker]]:
        """'Waarom ...? (ook gevraagd door JA21)' -> ('Waarom ...?', [JA21])."""
        match = ALSO_TRAILING.search(text)
        if match:
            askers = self.parse(match.group("who"), force=True)
            if askers:
                return text[:match.start()].rstrip(), askers
        return text, []

    def named(self, text: str) -> tuple[list[Asker] | None, str]:
        """Askers written with the question: '(VVD) Waarom ...?', 'CDA (lid Bakker): Zijn
        ...?', 'Wat kost dit? (VVD)'. Only names the registers or the genre know count."""
        for pattern in (ASKER_LEADING, ASKER_TRAILING):
            match = pattern.search(text)
            if match:
                groups = match.groupdict()
                named = self.parse(groups.get("paren") or groups.get("square") or groups["who"])
                rest = (text[:match.start()] + text[match.end():]).strip()
                if named and has_words(rest):
                    return named, rest
        return None, text

    def first_text(self, text: str) -> list[Segment]:
        """The opening text of a question without a 'Vraag N' label: the group's asker, or
        the asker named with it, and the askers of '(ook: CDA)'."""
        text, also = self.split_also(text)
        named, text = self.named(text)
        askers = named or [self.default]
        segments = [Segment(askers[0], [text] if text else [])]
        segments.extend(Segment(asker) for asker in askers[1:] + also)
        return segments

    def with_askers(self, who: str, text: str) -> list[Segment]:
        askers = self.parse(who, force=True) or [self.default]
        segments = [Segment(asker) for asker in askers]
        text, also = self.split_also(text.strip())
        if text:
            segments[0].text.append(text)
        segments.extend(Segment(asker) for asker in also)
        return segments

    def question_line(self, rest: str) -> list[Segment]:
        """The rest of a 'Vraag N' line: askers, question text, or both."""
        rest = rest.strip().strip("*").strip()
        rest = re.sub(r"^(?:van|namens)\s+(?:de\s+|het\s+)?", "", rest)  # 'van de VVD: ...'
        rest, also = self.split_also(rest)
        if not rest:
            return [Segment(asker) for asker in also]
        text = rest
        askers = None
        paren = re.match(r"^\((?P<who>[^()]+)\)\s*[:.\-–]?\s*(?P<text>.*)$", rest)
        colon = re.match(r"^(?P<who>[^:?]{2,60}):\s*(?P<text>.*)$", rest)
        trailing = re.match(r"^(?P<text>.+?[?.])\s*\((?P<who>[^()]+)\)$", rest)
        if trailing and self.parse(trailing.group("who")):
            askers = self.parse(trailing.group("who"))
            text = trailing.group("text")
        elif paren:
            askers = self.parse(paren.group("who"), force=True)
            text = paren.group("text") if askers else rest
        elif colon and self.parse(colon.group("who"), force=True):
            askers = self.parse(colon.group("who"), force=True)
            text = colon.group("text")
        elif not rest.endswith("?") and self.parse(rest, force=True):
            askers = self.parse(rest, force=True)
            text = ""
        segments = [Segment(asker) for asker in askers or [self.default]]
        if text:
            segments[0].text.append(text)
        segments.extend(Segment(asker) for asker in also)
        return segments
