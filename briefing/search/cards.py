"""Answer cards: what the engine indexes and returns. One card per prepared question (with its
variants, answer and if-pressed lines), per theme section, per dossier's kernboodschap and
feiten. Cards hold plain data only, so they pickle fast next to the index."""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

from briefing.model.dossier import Dossier, Line
from briefing.model.knowledge import KnowledgeBase
from briefing.model.registers import Registers, fold
from briefing.search.results import Result


class Card(NamedTuple):
    """One answer card as plain, immutable data (tuples and strings only: a big knowledge base
    adds no work for Python's garbage collector, which keeps keystrokes free of pauses)."""

    card_id: str
    kind: str                               # vraag | thema | kernboodschap
    dossier_id: str
    dossier_title: str
    dossier_date: dt.date | None
    title: str
    member: str | None
    party: str | None
    question: str | None
    lines: tuple                            # answer lines: str or (text, (sub-lines...))
    if_pressed: tuple
    status: str
    dossier_status: str
    classification: str
    source: str | None
    variants: tuple = ()                    # (member, party, question) per variant
    note: str | None = None
    embargo_until: dt.datetime | None = None
    member_keys: tuple = ()                 # folded canonical names of everyone asking it
    party_keys: tuple = ()
    meta_text: str = ""                     # dossier title, meeting, askers: searched lightly

    @property
    def vetted(self) -> bool:
        return self.status == "vastgesteld" and self.dossier_status == "vastgesteld"

    @property
    def line_texts(self) -> list[str]:
        """Answer lines, sub-lines included, in reading order (as Result.line_texts)."""
        return flatten_data(self.lines)

    @property
    def if_pressed_texts(self) -> list[str]:
        return flatten_data(self.if_pressed)

    @property
    def head_texts(self) -> list[str]:
        """The question and its variants (vraag), else the section title."""
        if self.kind == "vraag":
            return [self.question or "", *(question for _, _, question in self.variants)]
        return [self.title]

    def to_result(self, score: float = 0.0, certainty: str = "laag",
                  best_lines: list[int] | None = None) -> Result:
        return Result(
            card_id=self.card_id, kind=self.kind, dossier_id=self.dossier_id,  # type: ignore[arg-type]
            dossier_title=self.dossier_title, dossier_date=self.dossier_date, title=self.title,
            member=self.member, party=self.party, question=self.question,
            lines=_lines(self.lines), if_pressed=_lines(self.if_pressed), status=self.status,
            classification=self.classification, source=self.source, score=score,
            certainty=certainty,  # type: ignore[arg-type]
            best_lines=list(best_lines or []),
            variants=[{"raadslid": m, "fractie": p, "vraag": q} for m, p, q in self.variants],
            note=self.note,
        )


def flatten_data(data) -> list[str]:
    """Texts of lines in their frozen form (str or (text, sub-lines)), in reading order."""
    out: list[str] = []
    for item in data:
        if isinstance(item, str):
            out.append(item)
        else:
            out.append(item[0])
            out.extend(flatten_data(item[1]))
    return out


def freeze_lines(lines: list[Line]) -> tuple:
    return tuple(line.text if not line.sub else (line.text, freeze_lines(line.sub))
                 for line in lines)


def _thaw(item) -> Any:
    if isinstance(item, str):
        return item
    return {"tekst": item[0], "sub": [_thaw(sub) for sub in item[1]]}


def _lines(data) -> list[Line]:
    return [Line.model_validate(_thaw(item)) for item in data]


def _value(enum_or_str: Any) -> str:
    return getattr(enum_or_str, "value", enum_or_str)


def build_cards(kb: KnowledgeBase) -> list[Card]:
    """Every card of the knowledge base, in a stable order."""
    cards: list[Card] = []
    registers = kb.registers
    for dossier in kb.dossiers:
        cards.extend(dossier_cards(dossier, registers))
    return cards


def dossier_cards(dossier: Dossier, registers: Registers) -> list[Card]:
    did = dossier.id or ""
    status = _value(dossier.status)
    common = dict(
        dossier_id=did, dossier_title=dossier.title, dossier_date=dossier.date,
        dossier_status=status, classification=_value(dossier.classification),
        source=dossier.source, embargo_until=dossier.embargo_until,
    )
    base_meta = " ".join(filter(None, [dossier.title, dossier.meeting, dossier.agenda_item]))
    cards: list[Card] = []
    if dossier.core_message:
        cards.append(Card(
            card_id=f"{did}/kernboodschap", kind="kernboodschap", title="Kernboodschap",
            member=None, party=None, question=None,
            lines=freeze_lines(dossier.core_message), if_pressed=(),
            status=status, meta_text=base_meta, **common))
    for number, theme in enumerate(dossier.themes, start=1):
        if not theme.lines:
            continue  # a heading without lines has nothing to say in a meeting
        cards.append(Card(
            card_id=f"{did}/thema-{number}", kind="thema", title=theme.title,
            member=None, party=None, question=None,
            lines=freeze_lines(theme.lines), if_pressed=(),
            status=status, meta_text=base_meta, **common))
    if dossier.facts:
        cards.append(Card(
            card_id=f"{did}/feiten", kind="thema", title="Feiten en cijfers",
            member=None, party=None, question=None,
            lines=freeze_lines(dossier.facts), if_pressed=(),
            status=status, meta_text=base_meta, **common))
    for question in dossier.questions:
        askers = [(question.member, question.party)]
        askers += [(v.member, v.party) for v in question.variants]
        member_keys: list[str] = []
        party_keys: list[str] = []
        names: list[str] = []
        for member_name, party_name in askers:
            member = registers.member(member_name) if member_name else None
            if member_name:
                key = fold(member.name) if member else fold(member_name)
                if key not in member_keys:
                    member_keys.append(key)
                names.append(member.name if member else member_name)
                if member:
                    names.extend(member.aliases)
            party_name = party_name or (member.party if member else None)
            if party_name:
                party = registers.party(party_name)
                key = fold(party.name) if party else fold(party_name)
                if key not in party_keys:
                    party_keys.append(key)
                names.extend(party.names if party else [party_name])
        question_status = _value(question.status)
        cards.append(Card(
            card_id=dossier.question_id(question), kind="vraag",
            title=question.question, member=question.member, party=question.party,
            question=question.question,
            lines=freeze_lines(question.answer),
            if_pressed=freeze_lines(question.if_pressed),
            status=question_status if status == "vastgesteld" else status,
            variants=tuple((v.member, v.party, v.question) for v in question.variants),
            note=question.note, member_keys=tuple(member_keys), party_keys=tuple(party_keys),
            meta_text=" ".join([base_meta, *names]), **common))
    return cards
