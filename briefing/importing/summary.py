"""A Dutch summary of one import, for the person who vets the new dossier."""

from __future__ import annotations

import re

from briefing.importing.names import Names
from briefing.importing.recognise import ImportResult
from briefing.model.dossier import flatten_lines

MAX_TEXT = 110


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_TEXT else text[:MAX_TEXT - 1] + "…"


def _unique(values) -> list[str]:
    out: list[str] = []
    for value in values:
        if value and value not in out:
            out.append(value)
    return out


def _grouped(items) -> list[tuple[list, str]]:
    """Unrecognised lines, a running header or page number repeated on every page once
    ('Pagina 1 van 5' ... 'Pagina 5 van 5')."""
    groups: dict[str, tuple[list, str]] = {}
    for item in items:
        key = re.sub(r"\d+", "#", " ".join(item.text.split()).lower())
        numbers, _ = groups.setdefault(key, ([], item.text))
        numbers.append(item.line)
    return list(groups.values())


def summarise(result: ImportResult, source: str, target: str | None, names: Names) -> list[str]:
    """Lines to print: what was recognised, and everything a person must look at."""
    d = result.dossier
    members = _unique([q.member for q in d.questions] +
                      [v.member for q in d.questions for v in q.variants])
    parties = _unique([q.party for q in d.questions] +
                      [v.party for q in d.questions for v in q.variants])
    themes_lines = sum(len(flatten_lines(t.lines)) for t in d.themes)
    answers = sum(len(flatten_lines(q.answer)) for q in d.questions)
    lines = [f"{source} -> {target}" if target else source,
             f"  id: {d.id}   (status: concept: laat een collega de inhoud controleren)",
             f"  titel: {_short(d.title)}"]
    header = []
    if d.meeting:
        header.append(f"vergadering: {d.meeting}")
    header.append(f"datum: {d.date.isoformat() if d.date else 'niet gevonden'}")
    if d.agenda_item:
        header.append(f"agendapunt: {d.agenda_item}")
    if d.portfolio_holder:
        header.append(d.portfolio_holder)
    lines.append("  " + " · ".join(header))
    lines.append(
        f"  kernboodschap: {len(flatten_lines(d.core_message))} regels · thema's: {len(d.themes)}"
        f" ({themes_lines} regels) · vragen: {len(d.questions)} ({answers} antwoordregels)")
    lines.append(f"  raadsleden: {len(members)}" + (f" ({', '.join(members)})" if members else "")
                 + f" · fracties: {len(parties)}" + (f" ({', '.join(parties)})" if parties else ""))
    unknown = [f"raadslid '{m}'" for m in members if names.member(m) is None] + \
              [f"fractie '{p}'" for p in parties if names.party(p) is None]
    if unknown and (names.registers.members or names.registers.parties):
        lines.append(f"  niet in de registers: {', '.join(unknown)}")
    if d.open_parties:
        lines.append(f"  open fracties (nog geen antwoorden): {', '.join(d.open_parties)}")
    if d.classification.value != "openbaar" or d.embargo_until:
        extra = f" · embargo tot {d.embargo_until:%Y-%m-%d %H:%M}" if d.embargo_until else ""
        lines.append(f"  classificatie: {d.classification.value}{extra}")
    if d.facts:
        lines.append(f"  feiten (uit tabellen en kopregels): {len(flatten_lines(d.facts))} regels")
    lines.append(f"  redacties (Woo): {len(d.redactions)} · open punten: {len(d.open_points)}")
    for point in d.open_points:
        lines.append(f"    PM: {_short(point)}")
    for note in result.notes:
        lines.append(f"  let op: {note}")
    if d.unrecognised:
        lines.append(f"  niet herkend: {len(d.unrecognised)} regel(s) (staan onder 'onherkend'):")
        for numbers, text in _grouped(d.unrecognised):
            where = f"regel {numbers[0]}" if len(numbers) == 1 else \
                f"regels {', '.join(map(str, numbers[:4]))}{' …' if len(numbers) > 4 else ''}"
            times = f" ({len(numbers)}×)" if len(numbers) > 1 else ""
            lines.append(f"    {where}: {_short(text)}{times}")
    else:
        lines.append("  niet herkend: geen")
    return lines
