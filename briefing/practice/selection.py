"""Which questions a round asks, phrased as which member asks them, in which order.

Eligible: questions with an answer, from dossiers not under embargo, and (unless concept is
asked for) only vetted ones: dossier and question `vastgesteld`. Each question is asked in one
of its phrasings (the prepared question or a variant, each with its own asker), chosen with the
round's seed. Orders:

- random: shuffled with the seed.
- weakest: by the schedule (failed first, then due, new, not yet due; lowest ease first);
  ties broken by the seed.
- committee: parties in the order they usually speak (fracties.yaml: most seats first when
  `zetels` is given, else the order of the file), each party's questions together. With
  --count smaller than the pool, the questions are drawn in turn per party so every party
  gets a say.

The same knowledge, filters, progress and seed always give the same round.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timezone

from briefing.model.dossier import Dossier, Question, flatten_lines
from briefing.model.knowledge import KnowledgeBase, is_under_embargo, is_vetted
from briefing.model.registers import Registers, fold
from briefing.practice import scheduling

ORDERS = ("random", "weakest", "committee")
DEFAULT_COUNT = 10
DEFAULT_TIME = 60   # seconds to think per question (0 = no limit)


class SelectionError(ValueError):
    """A round cannot be made; the message is Dutch and meant for the user."""


@dataclass(frozen=True)
class Filters:
    dossier: str | None = None
    party: str | None = None
    member: str | None = None
    include_concept: bool = False
    include_embargoed: bool = False


@dataclass(frozen=True)
class Phrasing:
    member: str | None
    party: str | None        # as the registers spell it in a hurry (PvdA, PvdD), else as written
    text: str
    variant: int | None      # index into question.variants; None: the prepared question


@dataclass(frozen=True)
class RoundItem:
    """One question of a round, as its member asks it."""

    qid: str
    dossier: Dossier
    question: Question
    phrasing: Phrasing

    @property
    def member(self) -> str | None:
        return self.phrasing.member

    @property
    def party(self) -> str | None:
        return self.phrasing.party

    @property
    def text(self) -> str:
        return self.phrasing.text

    @property
    def asker(self) -> str:
        return asker_label(self.phrasing.member, self.phrasing.party)

    @property
    def prompt(self) -> str:
        return f"{self.asker}: {self.text}"

    @property
    def topic(self) -> str:
        return self.dossier.title

    @property
    def label(self) -> str:
        """Where the question comes from: 'Dossiertitel, vraag 9'."""
        number = f", vraag {self.question.number}" if self.question.number is not None else ""
        return f"{self.dossier.title}{number}"

    def answer_lines(self) -> list[tuple[int, str]]:
        return flatten_lines(self.question.answer)

    def if_pressed_lines(self) -> list[tuple[int, str]]:
        return flatten_lines(self.question.if_pressed)


def asker_label(member: str | None, party: str | None) -> str:
    if member and party:
        return f"Lid {member} ({party})"
    if member:
        return f"Lid {member}"
    if party:
        return f"Fractie {party}"
    return "Een commissielid"


def party_order(registers: Registers) -> list[str]:
    """Short party names in speaking order: most seats first, else as listed."""
    indexed = list(enumerate(registers.parties))
    indexed.sort(key=lambda pair: (-(pair[1].seats or 0), pair[0]))
    return [party.short for _, party in indexed]


def phrasings(question: Question, registers: Registers) -> list[Phrasing]:
    out = [_phrasing(question.member, question.party, question.question, None, registers)]
    for index, variant in enumerate(question.variants):
        out.append(_phrasing(variant.member, variant.party, variant.question, index, registers))
    return out


def _phrasing(member, party, text, variant, registers: Registers) -> Phrasing:
    if not party and member:
        known = registers.member(member)
        party = known.party if known else None
    if party:
        known_party = registers.party(party)
        party = known_party.short if known_party else party
    return Phrasing(member, party, text, variant)


def eligible(kb: KnowledgeBase, filters: Filters, now: datetime | None = None
             ) -> list[tuple[Dossier, Question, list[Phrasing]]]:
    """Questions a round may ask, in knowledge-base order, each with its matching phrasings."""
    now = now or datetime.now(timezone.utc)
    dossiers = kb.dossiers
    if filters.dossier:
        chosen = kb.dossier(filters.dossier)
        if chosen is None:
            names = ", ".join(d.id or d.title for d in kb.dossiers) or "geen"
            raise SelectionError(f"Dossier '{filters.dossier}' niet gevonden (of niet eenduidig). "
                                 f"Kies uit: {names}.")
        dossiers = [chosen]
    skipped_concept = skipped_embargo = 0
    out = []
    for dossier in dossiers:
        embargoed = is_under_embargo(dossier, now)
        for question in dossier.questions:
            if not question.answer:
                continue
            matching = [p for p in phrasings(question, kb.registers)
                        if _matches(p, filters, kb.registers)]
            if not matching:
                continue
            if embargoed and not filters.include_embargoed:
                skipped_embargo += 1
            elif not filters.include_concept and not is_vetted(dossier, question):
                skipped_concept += 1
            else:
                out.append((dossier, question, matching))
    if not out:
        raise SelectionError(_nothing_message(filters, skipped_concept, skipped_embargo))
    return out


def _matches(phrasing: Phrasing, filters: Filters, registers: Registers) -> bool:
    if filters.party and not registers.same_party(phrasing.party, filters.party):
        return False
    if filters.member:
        if not phrasing.member:
            return False
        wanted, actual = registers.member(filters.member), registers.member(phrasing.member)
        if wanted is not None or actual is not None:
            return wanted is actual
        return fold(filters.member) == fold(phrasing.member)
    return True


def _nothing_message(filters: Filters, concept: int, embargo: int) -> str:
    parts = []
    if filters.dossier:
        parts.append(f"dossier {filters.dossier}")
    if filters.party:
        parts.append(f"fractie {filters.party}")
    if filters.member:
        parts.append(f"raadslid {filters.member}")
    scope = f" voor {', '.join(parts)}" if parts else ""
    message = f"Geen vragen met een antwoord om te oefenen{scope}."
    if concept:
        message += f" {concept} vraag/vragen zijn nog concept (neem ze mee met --concept)."
    if embargo:
        message += f" {embargo} vraag/vragen staan onder embargo."
    return message


def select_round(kb: KnowledgeBase, filters: Filters | None = None, *,
                 count: int | None = DEFAULT_COUNT, order: str = "random", seed: int = 0,
                 progress=None, now: datetime | None = None) -> list[RoundItem]:
    """The questions of a round. `progress` (a ProgressStore) is only read, for 'weakest'."""
    if order not in ORDERS:
        raise SelectionError(f"Onbekende volgorde '{order}': kies uit {', '.join(ORDERS)}.")
    filters = filters or Filters()
    now = now or datetime.now(timezone.utc)
    rng = random.Random(seed)
    items = [RoundItem(dossier.question_id(question), dossier, question, rng.choice(options))
             for dossier, question, options in eligible(kb, filters, now)]
    limit = len(items) if not count or count < 0 else min(count, len(items))

    if order == "random":
        rng.shuffle(items)
        return items[:limit]
    if order == "weakest":
        rng.shuffle(items)  # the seed breaks ties between equally weak questions
        states = {item.qid: (progress.state(item.qid) if progress is not None
                             else scheduling.CardState()) for item in items}
        items.sort(key=lambda item: scheduling.weakness_key(states[item.qid], now))
        return items[:limit]
    return _committee(items, limit, party_order(kb.registers), rng)


def _committee(items: list[RoundItem], limit: int, speaking: list[str],
               rng: random.Random) -> list[RoundItem]:
    rank = {fold(name): index for index, name in enumerate(speaking)}
    position = {item.qid: index for index, item in enumerate(items)}  # knowledge-base order

    def party_rank(item: RoundItem) -> tuple[int, str]:
        if not item.party:
            return (len(rank) + 1, "")
        return (rank.get(fold(item.party), len(rank)), fold(item.party))

    chosen = items
    if limit < len(items):
        per_party: dict[tuple[int, str], list[RoundItem]] = defaultdict(list)
        for item in items:
            per_party[party_rank(item)].append(item)
        queues = [per_party[key] for key in sorted(per_party)]
        for queue in queues:
            rng.shuffle(queue)
        chosen = []
        while len(chosen) < limit:
            for queue in queues:
                if queue and len(chosen) < limit:
                    chosen.append(queue.pop())
    return sorted(chosen, key=lambda item: (party_rank(item), position[item.qid]))
