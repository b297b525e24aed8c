"""Coverage statistics per dossier, party and member: how well are we prepared, and for whom?"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from briefing.model import KnowledgeBase
from briefing.model.dossier import flatten_lines
from briefing.model.knowledge import is_vetted

NO_PARTY = "(geen fractie)"


@dataclass
class Row:
    """One line of a table. `regels`: answer and if-pressed lines (all lines for a dossier)."""

    naam: str
    vragen: int = 0
    varianten: int = 0
    regels: int = 0
    concept: int = 0
    vastgesteld: int = 0
    open_fracties: int = 0
    extra: dict[str, str | None] = field(default_factory=dict)

    def to_data(self) -> dict:
        data = asdict(self)
        data.update(data.pop("extra"))
        return data


@dataclass
class Stats:
    dossiers: list[Row]
    parties: list[Row]
    members: list[Row]
    total: Row

    def to_data(self) -> dict:
        return {
            "dossiers": [r.to_data() for r in self.dossiers],
            "fracties": [r.to_data() for r in self.parties],
            "raadsleden": [r.to_data() for r in self.members],
            "totaal": self.total.to_data(),
        }


def compute_stats(kb: KnowledgeBase) -> Stats:
    """Counts per dossier, party and member. Registered parties and members without questions
    are listed too (with zeros): that is where preparation is missing."""
    reg = kb.registers

    def party_key(text: str | None) -> str:
        if not text:
            return NO_PARTY
        party = reg.party(text)
        return party.short if party else text.strip()

    parties: dict[str, Row] = {p.short: Row(p.short, extra={"volledige_naam": p.name})
                               for p in reg.parties}
    members: dict[str, Row] = {m.name: Row(m.name, extra={"fractie": party_key(m.party)
                                                          if m.party else None})
                               for m in reg.members}

    def party_row(text: str | None) -> Row:
        key = party_key(text)
        return parties.setdefault(key, Row(key, extra={"volledige_naam": None}))

    def member_row(name: str, party: str | None) -> Row:
        member = reg.member(name)
        key = member.name if member else name.strip()
        return members.setdefault(key, Row(key, extra={"fractie": party_key(party) if party else None}))

    dossiers: list[Row] = []
    total = Row("totaal")
    for dossier in kb.dossiers:
        row = Row(dossier.id or "", extra={"titel": dossier.title, "status": dossier.status.value})
        row.vragen = len(dossier.questions)
        row.varianten = sum(len(q.variants) for q in dossier.questions)
        row.regels = dossier.line_count()
        row.open_fracties = len(dossier.open_parties)
        for question in dossier.questions:
            vetted = is_vetted(dossier, question)
            row.vastgesteld += vetted
            row.concept += not vetted
            lines = len(flatten_lines(question.answer)) + len(flatten_lines(question.if_pressed))
            member_party = reg.member(question.member) if question.member else None
            party_text = question.party or (member_party.party if member_party else None)
            targets = [party_row(party_text)]
            if question.member:
                targets.append(member_row(question.member, party_text))
            for target in targets:
                target.vragen += 1
                target.regels += lines
                target.vastgesteld += vetted
                target.concept += not vetted
            for variant in question.variants:
                registered = reg.member(variant.member) if variant.member else None
                variant_party = variant.party or (registered.party if registered else None)
                if variant_party:
                    party_row(variant_party).varianten += 1
                if variant.member:
                    member_row(variant.member, variant_party).varianten += 1
        for party in dict.fromkeys(party_key(p) for p in dossier.open_parties):
            party_row(party).open_fracties += 1
        dossiers.append(row)
        for name in ("vragen", "varianten", "regels", "concept", "vastgesteld", "open_fracties"):
            setattr(total, name, getattr(total, name) + getattr(row, name))
    order = lambda r: (-r.vragen, -r.varianten, r.naam.lower())  # noqa: E731
    return Stats(dossiers, sorted(parties.values(), key=order),
                 sorted(members.values(), key=order), total)


# --- terminal table -----------------------------------------------------------------------------

def _table(headers: list[str], rows: list[list[str]], numeric: set[int], max_width: int = 44) -> list[str]:
    def cut(text: str) -> str:
        return text if len(text) <= max_width else text[: max_width - 1] + "…"

    rows = [[cut(c) for c in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h)
              for i, h in enumerate(headers)]

    def fmt(cells: list[str]) -> str:
        return "  ".join(c.rjust(w) if i in numeric else c.ljust(w)
                         for i, (c, w) in enumerate(zip(cells, widths))).rstrip()

    return [fmt(headers), fmt(["-" * w for w in widths]), *(fmt(r) for r in rows)]


def render_stats(stats: Stats) -> str:
    """Three aligned tables for the terminal."""
    out: list[str] = []
    nums = ["vragen", "varianten", "regels", "concept", "vastgesteld"]
    out.append("Dossiers")
    rows = [[r.naam, str(r.extra["status"]), *(str(getattr(r, n)) for n in nums), str(r.open_fracties)]
            for r in stats.dossiers]
    t = stats.total
    rows.append(["totaal", "", *(str(getattr(t, n)) for n in nums), str(t.open_fracties)])
    out += _table(["dossier", "status", *nums, "open fracties"], rows, set(range(2, 8)))
    out.append("")
    out.append("Fracties  (open: in hoeveel dossiers de fractie nog zonder voorbereide antwoorden staat)")
    rows = [[r.naam, *(str(getattr(r, n)) for n in nums), str(r.open_fracties)] for r in stats.parties]
    out += _table(["fractie", *nums, "open"], rows, set(range(1, 7)))
    out.append("")
    out.append("Raadsleden")
    rows = [[r.naam, r.extra.get("fractie") or "", *(str(getattr(r, n)) for n in nums)]
            for r in stats.members]
    out += _table(["raadslid", "fractie", *nums], rows, set(range(2, 7)))
    out.append("")
    out.append("regels: antwoord- en doorvraagregels (bij dossiers: alle regels); concept telt ook "
               "vragen in een conceptdossier")
    return "\n".join(out)
