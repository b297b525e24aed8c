"""Recorded choices -> proposed variants: "vraag ... -> kaart ..., n keer gekozen".

Rules (each with its reason):
- Only a question card can take a variant. A choice of a theme, the kernboodschap or the facts
  is listed (the adviser may want to write a prepared question for it) but never written.
- A phrasing is worth a variant only when the desk did not already get it right: the card was
  not the top one, or not with certainty `hoog`, or the question first got no prepared answer.
- Near-identical phrasings of one card are one proposal (case, accents, punctuation and small
  typing differences do not count); the most used wording is proposed.
- A phrasing that already is the card's question or one of its variants is skipped, and so is a
  phrasing of one word (a variant is a question as someone asks it, not a search term).
- A phrasing chosen for two cards goes to the card chosen more often; on a tie it is listed as
  doubtful and not written.
- A card that no longer exists, or whose question changed since the choice (its id may now name
  another question), is skipped. Dossiers under embargo are left out unless asked for."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz

from briefing.learn.recorder import card_mark
from briefing.learn.store import Choice
from briefing.model.dossier import Dossier, Question
from briefing.model.knowledge import KnowledgeBase, is_under_embargo
from briefing.model.registers import fold

# Two normalised phrasings at least this similar (rapidfuzz ratio, 0-100) are the same phrasing:
# a typo or an inflection, not another question.
SAME_PHRASING = 90
MIN_WORDS = 2

SKIP_REASONS = {
    "bekend": "staat al als vraag of variant op de kaart",
    "al_eerste": "werd al als eerste gevonden met zekerheid hoog",
    "te_kort": "te kort voor een variant (één woord)",
    "twijfel": "even vaak voor verschillende kaarten gekozen",
    "andere_kaart": "vaker voor een andere kaart gekozen",
    "kaart_weg": "kaart bestaat niet meer",
    "kaart_gewijzigd": "vraag op de kaart is gewijzigd sinds de keuze",
    "embargo": "dossier onder embargo (--embargo toont ze)",
    "minder_dan_min": "minder vaak gekozen dan --min",
}


def normalise(text: str) -> str:
    """Comparison key: lowercase, no accents, no punctuation, single spaces."""
    return " ".join(re.sub(r"[^\w]+", " ", fold(text)).split())


def same_phrasing(a: str, b: str) -> bool:
    return a == b or (bool(a) and bool(b) and fuzz.ratio(a, b) >= SAME_PHRASING)


@dataclass
class Target:
    """What a card id names in the knowledge base now."""

    card_id: str
    dossier: Dossier
    kind: str                      # vraag | thema | kernboodschap
    title: str                     # the question, or the theme title
    path: Path | None
    question_index: int | None = None
    question: Question | None = None


@dataclass
class Proposal:
    text: str                      # the phrasing to write, as the adviser typed it
    target: Target
    choices: list[Choice] = field(default_factory=list)
    member: str | None = None
    party: str | None = None
    file_hash: str | None = None   # sha256 of the dossier file when the proposal was made
    key: str = ""                  # normalised phrasing

    @property
    def count(self) -> int:
        return len(self.choices)

    @property
    def card_id(self) -> str:
        return self.target.card_id

    @property
    def classification(self) -> str:
        value = self.target.dossier.classification
        return getattr(value, "value", str(value))

    @property
    def last(self) -> datetime | None:
        times = [c.when for c in self.choices if c.when]
        return max(times, key=_sort_time) if times else None

    @property
    def ranks(self) -> list[int | None]:
        return [c.rank for c in self.choices if c.via == "keuze"]

    @property
    def missed(self) -> int:
        return sum(1 for c in self.choices if c.via == "gemist" or c.no_answer)

    def to_data(self) -> dict[str, Any]:
        question = self.target.question
        return {
            "vraag": self.text, "kaart": self.card_id, "soort": self.target.kind,
            "aantal": self.count, "plaatsen": self.ranks, "gemist": self.missed,
            "raadslid": self.member, "fractie": self.party,
            "kaartvraag": self.target.title, "dossier": self.target.dossier.id,
            "classificatie": self.classification,
            "bestand": str(self.target.path) if self.target.path else None,
            "vraagnummer": question.number if question else None,
            "laatst": self.last.isoformat(timespec="seconds") if self.last else None,
        }


@dataclass
class Skipped:
    reason: str                    # a key of SKIP_REASONS
    text: str
    card_id: str
    count: int


@dataclass
class Proposals:
    variants: list[Proposal] = field(default_factory=list)      # can be written
    listed: list[Proposal] = field(default_factory=list)        # theme/kernboodschap: list only
    skipped: list[Skipped] = field(default_factory=list)

    def skipped_counts(self) -> Counter:
        counts: Counter = Counter()
        for item in self.skipped:
            counts[item.reason] += item.count
        return counts


def _sort_time(moment: datetime | None) -> float:
    if moment is None:
        return float("-inf")
    try:
        return moment.timestamp()
    except (OverflowError, OSError, ValueError):
        return float("-inf")


def targets(kb: KnowledgeBase) -> dict[str, Target]:
    """Every card id of the knowledge base -> what it names."""
    out: dict[str, Target] = {}
    for dossier in kb.dossiers:
        path = kb.paths.get(dossier.id or "")
        did = dossier.id
        if dossier.core_message:
            out[f"{did}/kernboodschap"] = Target(f"{did}/kernboodschap", dossier, "kernboodschap",
                                                 "Kernboodschap", path)
        for number, theme in enumerate(dossier.themes, start=1):
            card = f"{did}/thema-{number}"
            out[card] = Target(card, dossier, "thema", theme.title, path)
        if dossier.facts:
            out[f"{did}/feiten"] = Target(f"{did}/feiten", dossier, "thema", "Feiten en cijfers",
                                          path)
        for index, question in enumerate(dossier.questions):
            card = dossier.question_id(question)
            out[card] = Target(card, dossier, "vraag", question.question, path, index, question)
    return out


def file_hash(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _needed(choices: list[Choice]) -> bool:
    """Did the desk need help for this phrasing (not the top card with certainty hoog)?"""
    return any(c.via == "gemist" or c.no_answer or c.rank != 0
               or (c.certainty is not None and c.certainty != "hoog") for c in choices)


def build_proposals(choices: list[Choice], kb: KnowledgeBase, *, include_embargo: bool = False,
                    min_count: int = 1, now: datetime | None = None) -> Proposals:
    result = Proposals()
    cards = targets(kb)
    clusters: list[Proposal] = []
    per_card: dict[str, list[Proposal]] = {}
    for choice in choices:
        target = cards.get(choice.card_id)
        if target is None:
            result.skipped.append(Skipped("kaart_weg", choice.query, choice.card_id, 1))
            continue
        if choice.card_mark and choice.card_mark != card_mark(target.title):
            result.skipped.append(Skipped("kaart_gewijzigd", choice.query, choice.card_id, 1))
            continue
        if not include_embargo and is_under_embargo(target.dossier, now):
            # Counted, never shown: the phrasing and the card would say what is under embargo.
            result.skipped.append(Skipped("embargo", "", "", 1))
            continue
        key = normalise(choice.query)
        siblings = per_card.setdefault(choice.card_id, [])
        cluster = next((p for p in siblings if same_phrasing(p.key, key)), None)
        if cluster is None:
            cluster = Proposal(text=choice.query, target=target, key=key)
            clusters.append(cluster)
            siblings.append(cluster)
        cluster.choices.append(choice)

    for cluster in clusters:
        _settle_wording(cluster)
    clusters.sort(key=lambda p: (-p.count, -_sort_time(p.last), p.card_id, p.key))

    kept: list[Proposal] = []
    tied: set[int] = set()         # ids of kept clusters that a rival card tied with
    for cluster in clusters:
        rival = next((p for p in kept if p.card_id != cluster.card_id
                      and same_phrasing(p.key, cluster.key)), None)
        if rival is None:
            kept.append(cluster)
            continue
        if rival.count == cluster.count:
            tied.add(id(rival))
        reason = "twijfel" if rival.count == cluster.count else "andere_kaart"
        result.skipped.append(Skipped(reason, cluster.text, cluster.card_id, cluster.count))

    for cluster in kept:
        if id(cluster) in tied:
            result.skipped.append(Skipped("twijfel", cluster.text, cluster.card_id, cluster.count))
            continue
        reason = _skip_reason(cluster, min_count)
        if reason:
            result.skipped.append(Skipped(reason, cluster.text, cluster.card_id, cluster.count))
        elif cluster.target.kind == "vraag":
            cluster.file_hash = file_hash(cluster.target.path) if cluster.target.path else None
            result.variants.append(cluster)
        else:
            result.listed.append(cluster)
    return result


def _settle_wording(cluster: Proposal) -> None:
    """The most used wording (the latest on a tie) and the asker most often filtered on."""
    wordings = Counter(c.query for c in cluster.choices)
    latest = {c.query: _sort_time(c.when) for c in cluster.choices}
    cluster.text = max(wordings, key=lambda w: (wordings[w], latest[w], w))
    cluster.key = normalise(cluster.text)
    members = Counter(c.member for c in cluster.choices if c.member)
    parties = Counter(c.party for c in cluster.choices if c.party)
    cluster.member = members.most_common(1)[0][0] if members else None
    cluster.party = parties.most_common(1)[0][0] if parties else None


def _skip_reason(cluster: Proposal, min_count: int) -> str | None:
    if len(cluster.key.split()) < MIN_WORDS:
        return "te_kort"
    question = cluster.target.question
    if question is not None:
        known = [question.question, *(v.question for v in question.variants)]
        if any(same_phrasing(cluster.key, normalise(text)) for text in known):
            return "bekend"
    if not _needed(cluster.choices):
        return "al_eerste"
    if cluster.count < min_count:
        return "minder_dan_min"
    return None
