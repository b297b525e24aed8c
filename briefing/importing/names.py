"""Who asks: members and parties in asker lines ('Lid Mangal (DENK)', 'Fractie GL – raadslid
Jansen', 'Vraag 3 (VVD, lid Bakker)'), resolved against the target knowledge base's registers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.model.registers import Party, Registers, fold

# Parties an annotatie may name that a young register does not list yet. Used to recognise an
# asker line only; the output keeps the name as written unless the register knows it.
KNOWN_PARTIES = [
    "GroenLinks", "GL", "Partij van de Arbeid", "PvdA", "GroenLinks-PvdA", "GL-PvdA", "GL/PvdA",
    "VVD", "Volkspartij voor Vrijheid en Democratie", "D66", "Democraten 66", "PvdD",
    "Partij voor de Dieren", "SP", "Socialistische Partij", "CDA", "ChristenUnie", "CU",
    "Volt", "JA21", "DENK", "BIJ1", "Bij1", "FvD", "Forum voor Democratie", "PVV", "BBB", "NSC",
    "50PLUS", "SGP", "Lijst AV", "Lijst Ahmadi-Veldhuyzen", "Partij voor Amsterdam", "OPA",
]
_KNOWN = {fold(name) for name in KNOWN_PARTIES}

# 'lid X', 'het raadslid X', 'commissielid X', 'mevrouw X', 'de heer X', 'dhr. X'.
_MEMBER_KEY = re.compile(r"^(?:het\s+|de\s+)?(?:(?:raads|commissie|fractie)?lid|mevrouw|mevr\.|"
                         r"mw\.|heer|dhr\.)\s+(?P<name>.+)$", re.IGNORECASE)
# 'fractie X', 'de fractie van de VVD', 'de VVD-fractie'.
_PARTY_KEY = re.compile(r"^(?:de\s+)?fractie\s+(?:van\s+(?:de\s+)?)?(?P<name>.+)$"
                        r"|^(?:de\s+)?(?P<suffixed>[\w&/]+(?:[-\s][\w&/]+)?)-fractie$",
                        re.IGNORECASE)
_INITIALS = re.compile(r"^(?:[A-Z]\.\s*)+(?=\S)")
_LEAD = re.compile(r"^(?:(?:vragen|vraag)(?:\s+van)?|(?:(?:en\s+)?(?:ook|tevens|eveneens)\s+)?"
                   r"(?:gesteld|gevraagd)\s+door|namens|mede\s+namens|(?:en\s+)?ook)\b[\s:]*",
                   re.IGNORECASE)
# Between askers: 'lid X en lid Y', 'VVD; CDA', 'D66 / ook CDA', 'VVD, ook gevraagd door CDA'.
_SPLIT_ASKERS = re.compile(
    r"\s+(?:en|&|\+)\s+(?=(?:het\s+|de\s+)?(?:(?:raads)?lid|mevrouw|heer|dhr|mevr)\b|fractie\b)"
    r"|\s*;\s*"
    r"|\s*[,/;]?\s+(?:en\s+)?(?:ook|tevens|eveneens)\b(?:\s+(?:gevraagd|gesteld)\s+door)?"
    r"\s*:?\s*", re.IGNORECASE)
_LIST = re.compile(r"\s*,\s*|\s+(?:en|&)\s+")
_PARTS = re.compile(r"\s*(?:[,|/]|\s[-–—]\s|[–—])\s*")
_NAME = re.compile(r"^(?:[A-Z]\.\s*)*(?:[A-Z][\w'’-]*|van|de|der|den|ten|ter|te|vd|el|al|d'|'t)"
                   r"(?:\s+(?:[A-Z][\w'’-]*|van|de|der|den|ten|ter|te|el|al|d'|'t)){0,3}$")
_CAPS_WORD = re.compile(r"^[A-Z0-9][A-Za-z0-9&-]{0,7}$")


@dataclass
class Asker:
    member: str | None = None
    party: str | None = None
    explicit: bool = False  # named with 'lid', 'raadslid' or 'fractie', or known to the registers


def party_label(party: Party) -> str:
    """The name advisers use: the first abbreviation (PvdD, GL, Lijst AV); the name itself
    when the abbreviation is only a spelling of it (JA21 / Ja21) or there is none (Volt)."""
    if party.abbreviations and fold(party.abbreviations[0]) != fold(party.name):
        return party.abbreviations[0]
    return party.name


class Names:
    """Registers of the target knowledge base, with the importer's rules on top."""

    def __init__(self, registers: Registers | None = None):
        self.registers = registers or Registers()
        # Members the document itself names with their party ('het lid Ceder (ChristenUnie)'),
        # for later lines that give only the surname ('Vraag 2 (Ceder)').
        self.learned: dict[str, str] = {}

    # --- resolution ---------------------------------------------------------------------

    def party(self, text: str | None) -> str | None:
        """Canonical party label if the register knows it, else None."""
        text = _bare_party(text)
        if not text:
            return None
        found = self.registers.party(text)
        return party_label(found) if found else None

    def is_party(self, text: str | None) -> bool:
        text = _bare_party(text)
        return bool(text) and (self.party(text) is not None or fold(text) in _KNOWN)

    def member(self, text: str | None) -> str | None:
        text = _bare_member(text)
        if not text:
            return None
        found = self.registers.member(text)
        return found.name if found else None

    def member_party(self, member: str | None) -> str | None:
        found = self.registers.member(member) if member else None
        if found is None or not found.party:
            return self.learned.get(fold(member)) if member else None
        return self.party(found.party) or found.party

    def learn(self, askers: list[Asker]) -> None:
        for asker in askers:
            member, party = _bare_member(asker.member), _bare_party(asker.party)
            if member and party and asker.explicit:
                self.learned.setdefault(fold(member), self.party(party) or party)

    def resolve(self, asker: Asker) -> Asker:
        """Register spelling where matched, the text as written where not; a known member
        without a party gets the register's party."""
        member = _bare_member(asker.member) or None
        party = _bare_party(asker.party) or None
        if member:
            # A surname without first name starts with a capital, also its 'van' ('Van der Berg').
            member = self.member(member) or (member[:1].upper() + member[1:])
        if party:
            party = self.party(party) or party
        if member and not party:
            party = self.member_party(member)
        return Asker(member, party, asker.explicit)

    # --- recognition --------------------------------------------------------------------

    def parse_askers(self, text: str, force: bool = False) -> list[Asker] | None:
        """The askers named by a short line, or None when the line is not an asker line.
        With force, an unknown capitalised name counts as a member ('Vraag 5 *Van Pijpen*').
        Nothing is learnt here: the builder learns from the askers a recogniser reports."""
        text = text.strip().strip("*_\"'“”:").strip()
        text = _LEAD.sub("", text).strip()
        if not text or len(text) > 90 or len(text.split()) > 12:
            return None
        # A sentence is no asker line; initials and titles ('J.', 'dhr.') are no sentence end.
        probe = re.sub(r"(?i)\b(?:[A-Z]|dhr|mevr|mw)\.", "X", text)
        if text.endswith("?") or re.search(r"[.!]\s+\w", probe) or re.search(r"\d{3,}", text):
            return None
        askers = []
        for chunk in _SPLIT_ASKERS.split(text):
            chunk = _LEAD.sub("", chunk.strip()).strip() if chunk else ""
            if not chunk:
                continue
            asker = self._one(chunk, force)
            if asker is not None:
                askers.append(asker)
                continue
            # 'GroenLinks, Partij voor de Dieren', 'VVD en D66': several askers in one chunk.
            parts = [p for p in _LIST.split(chunk) if p.strip()]
            several = [self._one(p.strip(), force) for p in parts] if len(parts) > 1 else [None]
            if any(a is None or not a.explicit for a in several):
                return None
            askers.extend(several)
        return askers or None

    def _one(self, text: str, force: bool) -> Asker | None:
        inner = re.findall(r"\(([^()]*)\)", text)
        outer = re.sub(r"\([^()]*\)", " ", text).strip(" ,:;-–")
        parts = [p for p in _PARTS.split(outer) if p.strip()]
        paren_parts = [p for group in inner for p in _PARTS.split(group) if p.strip()]
        asker = Asker()
        unknown: list[tuple[str, bool]] = []  # (text, was inside parentheses)
        for part, in_paren in [(p, False) for p in parts] + [(p, True) for p in paren_parts]:
            part = part.strip().strip(".:")
            if not part:
                continue
            if fold(part) in ("fractie", "raadslid", "lid", "het lid"):
                continue
            member_key = _MEMBER_KEY.match(part)
            party_key = _PARTY_KEY.match(part)
            if member_key and not asker.member:
                name = _INITIALS.sub("", member_key.group("name").strip())
                if not (_NAME.match(name) or self.member(name)):
                    return None  # 'Lid Mangal heeft eerder gevraagd ...' is a sentence
                asker.member = name
                asker.explicit = True
            elif party_key and not asker.party:
                name = (party_key.group("name") or party_key.group("suffixed")).strip()
                if not (self.is_party(name) or _NAME.match(name) or _CAPS_WORD.match(name)):
                    return None
                asker.party = name
                asker.explicit = True
            elif not asker.party and self.is_party(part):
                asker.party = part
                asker.explicit = asker.explicit or self.party(part) is not None \
                    or fold(part) in _KNOWN
            elif not asker.member and self.member(part):
                asker.member = part
                asker.explicit = True
            else:
                unknown.append((part, in_paren))
        for part, in_paren in unknown:
            # 'Lid Jansen (Nieuwe Partij)': the unknown word in brackets is the party;
            # 'VVD (Bakker)': the unknown name next to a party is the member.
            if asker.member and not asker.party and (in_paren or _CAPS_WORD.match(part)):
                asker.party = part
            elif asker.party and not asker.member and _NAME.match(part) and \
                    not self.is_party(part):
                asker.member = part
            elif force and not asker.member and _NAME.match(part):
                asker.member = part
                asker.explicit = True
            else:
                return None
        if not asker.member and not asker.party:
            return None
        if not asker.explicit and not force:
            return None
        return asker


def _bare_member(text: str | None) -> str:
    if not text:
        return ""
    text = text.strip().strip("*_:,.()").strip()
    match = _MEMBER_KEY.match(text)
    return _INITIALS.sub("", match.group("name").strip() if match else text)


def _bare_party(text: str | None) -> str:
    if not text:
        return ""
    text = text.strip().strip("*_:,.()").strip()
    match = _PARTY_KEY.match(text)
    return (match.group("name") or match.group("suffixed")).strip() if match else text
