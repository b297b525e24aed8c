"""Registers of members, parties, abbreviations and synonyms, with fuzzy name resolution."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from pydantic import Field
from rapidfuzz import fuzz, process

from briefing.model.dossier import _Model


class Member(_Model):
    name: str = Field(alias="naam")
    party: str | None = Field(default=None, alias="fractie")
    aliases: list[str] = Field(default_factory=list, alias="aliassen")


class Party(_Model):
    name: str = Field(alias="naam")
    abbreviations: list[str] = Field(default_factory=list, alias="afkortingen")
    seats: int | None = Field(default=None, alias="zetels")

    @property
    def short(self) -> str:
        """The name advisers use in a hurry: the first abbreviation, else the full name."""
        return self.abbreviations[0] if self.abbreviations else self.name

    @property
    def names(self) -> list[str]:
        return [self.name, *self.abbreviations]


class Abbreviation(_Model):
    abbreviation: str = Field(alias="afkorting")
    meaning: str | None = Field(default=None, alias="betekenis")


def fold(text: str) -> str:
    """Lowercase, strip accents and surrounding punctuation: 'Veldhuijzen.' -> 'veldhuijzen'."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.lower().replace("-", " ").split()).strip(".,:;()'\"")


# A spelled name must be this similar (0-100) to count as the same member or party.
NAME_THRESHOLD = 85


@dataclass
class Registers:
    members: list[Member] = field(default_factory=list)
    parties: list[Party] = field(default_factory=list)
    abbreviations: list[Abbreviation] = field(default_factory=list)
    synonyms: list[list[str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._member_keys: dict[str, Member] = {}
        for member in self.members:
            for name in [member.name, *member.aliases]:
                self._member_keys.setdefault(fold(name), member)
        self._party_keys: dict[str, Party] = {}
        for party in self.parties:
            for name in party.names:
                self._party_keys.setdefault(fold(name), party)

    def member(self, text: str | None, threshold: int = NAME_THRESHOLD) -> Member | None:
        """The member meant by a spelled name (aliases, typos, 'lid X'), or None.
        threshold=100 accepts only registered names and aliases (for validation)."""
        if not text:
            return None
        key = fold(text)
        for prefix in ("raadslid ", "het lid ", "lid "):
            if key.startswith(prefix):
                key = key[len(prefix):]
        if key in self._member_keys:
            return self._member_keys[key]
        if len(key) < 4 or not self._member_keys or threshold >= 100:
            return None
        best = process.extractOne(key, list(self._member_keys), scorer=fuzz.ratio)
        if best and best[1] >= threshold:
            return self._member_keys[best[0]]
        return None

    def party(self, text: str | None, threshold: int = NAME_THRESHOLD) -> Party | None:
        """The party meant by a name or abbreviation ('Partij voor de dieren', 'pvdd'), or None."""
        if not text:
            return None
        key = fold(text)
        for prefix in ("fractie ", "de "):
            if key.startswith(prefix):
                key = key[len(prefix):]
        if key in self._party_keys:
            return self._party_keys[key]
        # Short abbreviations must match exactly: 'GL' is not 'GS'.
        if len(key) < 5 or not self._party_keys or threshold >= 100:
            return None
        best = process.extractOne(key, list(self._party_keys), scorer=fuzz.ratio)
        if best and best[1] >= threshold:
            return self._party_keys[best[0]]
        return None

    def suggest_member(self, text: str) -> str | None:
        """The closest registered member name, for a 'bedoelde u ...?' hint."""
        return _suggest(text, {fold(m.name): m.name for m in self.members} | {
            fold(a): m.name for m in self.members for a in m.aliases})

    def suggest_party(self, text: str) -> str | None:
        return _suggest(text, {fold(n): p.short for p in self.parties for n in p.names})

    def same_party(self, a: str | None, b: str | None) -> bool:
        if not a or not b:
            return False
        pa, pb = self.party(a), self.party(b)
        if pa and pb:
            return pa is pb
        return fold(a) == fold(b)

    def meaning(self, abbreviation: str) -> str | None:
        key = abbreviation.lower()
        for item in self.abbreviations:
            if item.abbreviation.lower() == key:
                return item.meaning
        return None


def _suggest(text: str, choices: dict[str, str], cutoff: int = 60) -> str | None:
    if not choices:
        return None
    best = process.extractOne(fold(text), list(choices), scorer=fuzz.WRatio)
    if best and best[1] >= cutoff:
        return choices[best[0]]
    return None
