"""A round as Markdown for a rehearsal with colleagues playing the members.

First per member the questions to read out (in the round's order of first appearance), then a
separate answer sheet with the same numbers, then the parties still without prepared questions.
Knowledge text is plain text: Markdown characters in it are escaped.
"""

from __future__ import annotations

import re
from pathlib import Path

from briefing.fileio import write_atomic
from briefing.practice.selection import RoundItem
from briefing.practice.session import Gap, PracticeSession, dossier_heading, group_gaps

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")
_ORDER_NAMES = {"random": "willekeurig", "weakest": "zwakste eerst", "committee": "commissie"}


def md(text: str) -> str:
    """Escape text so Markdown shows it literally (one line)."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def grouped(items: list[RoundItem]) -> list[tuple[str, list[RoundItem]]]:
    """Items per asker, askers in order of first appearance."""
    groups: dict[str, list[RoundItem]] = {}
    for item in items:
        groups.setdefault(item.asker, []).append(item)
    return list(groups.items())


def round_markdown(session: PracticeSession, *, order: str | None = None,
                   command: str | None = None) -> str:
    """The whole round as Markdown. Same session (same seed) -> the same text."""
    groups = grouped(session.items)
    numbered = [item for _, members in groups for item in members]
    number = {id(item): index for index, item in enumerate(numbered, 1)}
    topics = list(dict.fromkeys(item.topic for item in numbered))

    out = ["# Oefenronde raadscommissie", ""]
    if topics:
        out.append(f"Onderwerp: {md('; '.join(topics))}  ")
    meta = [f"{len(numbered)} vragen"]
    if order:
        meta.append(f"volgorde: {_ORDER_NAMES.get(order, order)}")
    if session.seed is not None:
        meta.append(f"seed {session.seed}")
    if session.time_limit:
        meta.append(f"{round(session.time_limit)} seconden per antwoord")
    out.append(" · ".join(meta) + ("  " if command else ""))
    if command:
        out.append(f"Dezelfde ronde opnieuw maken: `{command.replace('`', '')}`")
    out += ["", "Lees de vragen voor in deze volgorde. De antwoorden staan op het aparte "
            "antwoordblad verderop: geef dat niet aan wie antwoordt.", ""]

    out += ["## Vragen per raadslid", ""]
    if not numbered:
        out += ["Geen vragen in deze ronde.", ""]
    for asker, members in groups:
        out += [f"### {md(asker)}", ""]
        for item in members:
            out.append(f"{number[id(item)]}. {md(item.text)}")
        out.append("")

    out += ["---", "", "## Antwoordblad", ""]
    for item in numbered:
        out += [f"### {number[id(item)]}. {md(item.asker)}", "", f"*{md(item.label)}*", "",
                f"> {md(item.text)}", ""]
        out += _bullets(item.answer_lines()) or ["- (geen antwoordregels)"]
        out.append("")
        if item.question.if_pressed:
            out += ["**Bij doorvragen**", ""] + _bullets(item.if_pressed_lines()) + [""]
        if item.question.note:
            out += [f"**Notitie (niet voorlezen):** {md(item.question.note)}", ""]

    if session.gaps:
        out += _gaps(session.gaps, numbered)
    return "\n".join(out).rstrip() + "\n"


def _bullets(lines: list[tuple[int, str]]) -> list[str]:
    return [f"{'  ' * depth}- {md(text)}" for depth, text in lines]


def _gaps(gaps: list[Gap], items: list[RoundItem]) -> list[str]:
    out = ["## Nog voor te bereiden", ""]
    # Name the dossier unless the whole round is about one agenda item.
    if len({gap.dossier.id for gap in gaps} | {item.dossier.id for item in items}) > 1:
        for dossier, group in group_gaps(gaps):
            out.append(f"- {md(dossier_heading(dossier))}")
            out += [f"  - {md(gap.text(with_dossier=False))}" for gap in group]
    else:
        out += [f"- {md(gap.text(with_dossier=False))}" for gap in gaps]
    return out + [""]


def write_export(path: Path | str, text: str, *, overwrite: bool = False) -> Path:
    """Write atomically; an existing file is only replaced with overwrite=True
    (else FileExistsError)."""
    path = Path(path)
    if path.exists() and not overwrite:
        raise FileExistsError(path)
    write_atomic(path, text, overwrite=overwrite)
    return path
