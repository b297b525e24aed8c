"""What the adviser typed: the question text and `@name` filters for a member or party.

Plain Python (no Textual) so it is cheap to test."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing.model.registers import Registers

_AT = re.compile(r"@(\S+)")


@dataclass(frozen=True)
class ParsedQuery:
    raw: str
    text: str                          # the question without @-filters
    member: str | None = None          # a registered member's name
    party: str | None = None           # a registered party's short name
    unknown: tuple[str, ...] = field(default_factory=tuple)  # @words nobody is called

    @property
    def search_text(self) -> str:
        """What to search for: the words, or the filter itself when only a filter was typed."""
        if self.text:
            return self.text
        return self.member or self.party or ""

    @property
    def is_empty(self) -> bool:
        return not self.text and not self.member and not self.party

    def filter_label(self) -> str:
        """Dutch description of the active filters, for the live preview."""
        parts = []
        if self.member:
            parts.append(f"raadslid {self.member}")
        if self.party:
            parts.append(f"fractie {self.party}")
        return ", ".join(parts)


def parse_query(raw: str, registers: Registers | None) -> ParsedQuery:
    """Split `@Mangal kosten brochure` into words and filters. Never raises."""
    raw = raw or ""
    member: str | None = None
    party: str | None = None
    unknown: list[str] = []
    words = raw.split()
    kept: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        match = _AT.fullmatch(word)
        if not match:
            kept.append(word)
            index += 1
            continue
        name = match.group(1).strip(".,:;?!")
        # Two-word names ("@Van Pijpen") are tried before the single word.
        following = words[index + 1] if index + 1 < len(words) else None
        resolved = None
        if following and not following.startswith("@"):
            resolved = _resolve(f"{name} {following}", registers)
            if resolved:
                index += 1
        resolved = resolved or _resolve(name, registers)
        index += 1
        if resolved is None:
            if name:
                unknown.append(name)
            continue
        kind, value = resolved
        if kind == "member" and member is None:
            member = value
        elif kind == "party" and party is None:
            party = value
    return ParsedQuery(raw=raw, text=" ".join(kept).strip(), member=member, party=party,
                       unknown=tuple(unknown))


def _resolve(name: str, registers: Registers | None) -> tuple[str, str] | None:
    if not name or registers is None:
        return None
    # An exact party name or abbreviation wins: '@GL' is a party, not a typo of a member.
    party = registers.party(name, threshold=101)
    if party is not None:
        return "party", party.short
    member = registers.member(name)
    if member is not None:
        return "member", member.name
    party = registers.party(name)
    if party is not None:
        return "party", party.short
    return None
