"""A printable annotatie from one dossier, as Markdown or self-contained HTML, in the usual order:
header with classification, requested decision, kernboodschap, themes, facts, questions grouped
by member, open parties and open points. All dossier text is treated as plain text: escaped for
HTML and for Markdown."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from briefing.maintain.templates import CSS, PAGE
from briefing.model import Dossier, KnowledgeBase, Registers
from briefing.model.dossier import Line, Question, Status
from briefing.model.knowledge import is_under_embargo
from briefing.maintain.timerefs import dutch_date

FORMATS = ("md", "html")


class ExportError(Exception):
    """A Dutch message for the user (unknown dossier, embargo, existing file)."""


# --- the document, independent of format --------------------------------------------------------

@dataclass
class QuestionItem:
    question: Question
    asker: str  # "Namane (PvdA)"
    variants: list[tuple[str, str]]  # (asker, wording)
    concept: bool


@dataclass
class Group:
    title: str
    items: list[QuestionItem] = field(default_factory=list)


def _dutch_datetime(value: datetime) -> str:
    return f"{dutch_date(value)} {value:%H:%M}"


def marking(dossier: Dossier) -> str:
    """The line printed at the top and bottom of every page: classification and embargo."""
    text = dossier.classification.value.upper()
    if dossier.embargo_until:
        text += f" · EMBARGO TOT {_dutch_datetime(dossier.embargo_until).upper()}"
    return text


def header_fields(dossier: Dossier) -> list[tuple[str, str]]:
    fields = [
        ("Vergadering", dossier.meeting),
        ("Datum", dutch_date(dossier.date) if dossier.date else None),
        ("Agendapunt", dossier.agenda_item),
        ("Portefeuillehouder", dossier.portfolio_holder),
        ("Classificatie", dossier.classification.value),
        ("Embargo tot", _dutch_datetime(dossier.embargo_until) if dossier.embargo_until else None),
        ("Status", dossier.status.value),
    ]
    return [(label, value) for label, value in fields if value]


def _asker(registers: Registers | None, member: str | None, party: str | None) -> tuple[str, str]:
    """(group key, display) for who asks: 'Namane (PvdA)', or the party alone."""
    known_member = registers.member(member) if registers and member else None
    name = known_member.name if known_member else (member or "").strip()
    party_text = party or (known_member.party if known_member else None)
    known_party = registers.party(party_text) if registers and party_text else None
    party_name = known_party.short if known_party else (party_text or "").strip()
    if name:
        return f"lid:{name.lower()}", f"{name} ({party_name})" if party_name else name
    if party_name:
        full = known_party.name if known_party else party_name
        return f"fractie:{party_name.lower()}", f"Fractie {full}"
    return "geen", "Zonder vraagsteller"


def question_groups(dossier: Dossier, registers: Registers | None = None) -> list[Group]:
    """Questions grouped by member (or party), in order of first appearance."""
    groups: dict[str, Group] = {}
    for question in dossier.questions:
        key, title = _asker(registers, question.member, question.party)
        variants = [(_asker(registers, v.member, v.party)[1], v.question) for v in question.variants]
        concept = dossier.status == Status.CONCEPT or question.status == Status.CONCEPT
        groups.setdefault(key, Group(title)).items.append(
            QuestionItem(question, title, variants, concept))
    return list(groups.values())


# --- Markdown -----------------------------------------------------------------------------------

_MD_INLINE = re.compile(r"([\\`*_\[\]<>|])")
_MD_START = re.compile(r"^(\s*)(?:([#+\->=])|(\d+)([.)]))")


def md_escape(text: str) -> str:
    """Plain text that Markdown shows literally (no emphasis, links, HTML or list markers)."""
    out = []
    for line in text.splitlines() or [""]:
        line = _MD_INLINE.sub(r"\\\1", line)
        line = re.sub(r"&(?=#?\w+;)", r"\\&", line)  # '&amp;' stays text, not an entity
        # '# x' and '- x' lose their meaning with a backslash; '1. x' needs it on the period.
        line = _MD_START.sub(lambda m: m.group(1) + (f"\\{m.group(2)}" if m.group(2)
                                                     else f"{m.group(3)}\\{m.group(4)}"), line)
        out.append(line)
    return "\\\n".join(out)  # a backslash at line end is a hard line break


def _md_lines(lines: list[Line], depth: int = 0) -> list[str]:
    out = []
    for line in lines:
        out.append(f"{'  ' * depth}- {md_escape(line.text)}")
        out.extend(_md_lines(line.sub, depth + 1))
    return out


def to_markdown(dossier: Dossier, registers: Registers | None = None,
                generated: datetime | None = None) -> str:
    mark = marking(dossier)
    out = [f"**{md_escape(mark)}**", "", f"# {md_escape(dossier.title)}", ""]
    for label, value in header_fields(dossier):
        out.append(f"- **{label}:** {md_escape(value)}")
    out.append("")
    if dossier.note:
        out += [f"*Notitie (niet voorlezen):* {md_escape(dossier.note)}", ""]
    if dossier.requested_decision:
        out += ["## Gevraagd besluit", "", md_escape(dossier.requested_decision), ""]
    if dossier.core_message:
        out += ["## Kernboodschap", "", *_md_lines(dossier.core_message), ""]
    if dossier.themes:
        out += ["## Thema's", ""]
        for theme in dossier.themes:
            out += [f"### {md_escape(theme.title)}", ""]
            out += [*_md_lines(theme.lines), ""] if theme.lines else ["*(geen regels)*", ""]
    if dossier.facts:
        out += ["## Feiten en cijfers", "", *_md_lines(dossier.facts), ""]
    groups = question_groups(dossier, registers)
    if groups or dossier.open_parties:
        out += ["## Vragen per raadslid", ""]
    for group in groups:
        out += [f"### {md_escape(group.title)}", ""]
        for item in group.items:
            q = item.question
            number = f"Vraag {q.number}" if q.number is not None else "Vraag"
            concept = " *(concept)*" if item.concept else ""
            out += [f"**{number}.** {md_escape(q.question)}{concept}", ""]
            for asker, wording in item.variants:
                out += [f"*Ook gesteld door {md_escape(asker)}:* {md_escape(wording)}", ""]
            out += ["Antwoord:", "", *(_md_lines(q.answer) or ["- *(geen antwoord)*"]), ""]
            if q.if_pressed:
                out += ["Bij doorvragen:", "", *_md_lines(q.if_pressed), ""]
            if q.note:
                out += [f"*Notitie (niet voorlezen):* {md_escape(q.note)}", ""]
    if dossier.open_parties:
        out += ["### Nog geen antwoorden voorbereid", "",
                md_escape(", ".join(dossier.open_parties)), ""]
    if dossier.open_points:
        out += ["## Open punten", "", *(f"- {md_escape(p)}" for p in dossier.open_points), ""]
    out += ["---", "", f"**{md_escape(mark)}**  ", md_escape(_footer(dossier, generated)), ""]
    return "\n".join(out)


# --- HTML ---------------------------------------------------------------------------------------

def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _html_lines(lines: list[Line]) -> str:
    if not lines:
        return ""
    items = []
    for line in lines:
        items.append(f"<li>{_e(line.text)}{_html_lines(line.sub)}</li>")
    return "<ul>" + "".join(items) + "</ul>"


def _footer(dossier: Dossier, generated: datetime | None) -> str:
    moment = generated or datetime.now()
    parts = [dossier.id or "", f"afgedrukt {_dutch_datetime(moment)}"]
    if dossier.source:
        parts.append(f"bron: {dossier.source}")
    return " · ".join(p for p in parts if p)


def to_html(dossier: Dossier, registers: Registers | None = None,
            generated: datetime | None = None) -> str:
    body: list[str] = [f"<h1>{_e(dossier.title)}</h1>"]
    rows = "".join(f"<tr><th>{_e(label)}</th><td>{_e(value)}</td></tr>"
                   for label, value in header_fields(dossier))
    body.append(f'<table class="meta">{rows}</table>')
    if dossier.note:
        body.append(f'<p class="notitie besluit">Notitie (niet voorlezen): {_e(dossier.note)}</p>')
    if dossier.requested_decision:
        body.append('<section><h2>Gevraagd besluit</h2>'
                    f'<p class="besluit">{_e(dossier.requested_decision)}</p></section>')
    if dossier.core_message:
        body.append(f"<section><h2>Kernboodschap</h2>{_html_lines(dossier.core_message)}</section>")
    if dossier.themes:
        parts = ["<section><h2>Thema's</h2>"]
        for theme in dossier.themes:
            lines = _html_lines(theme.lines) or '<p class="notitie">(geen regels)</p>'
            parts.append(f"<h3>{_e(theme.title)}</h3>{lines}")
        body.append("".join(parts) + "</section>")
    if dossier.facts:
        body.append(f"<section><h2>Feiten en cijfers</h2>{_html_lines(dossier.facts)}</section>")
    groups = question_groups(dossier, registers)
    if groups or dossier.open_parties:
        parts = ["<section><h2>Vragen per raadslid</h2>"]
        for group in groups:
            parts.append(f"<h3>{_e(group.title)}</h3>")
            for item in group.items:
                q = item.question
                number = f"Vraag {q.number}. " if q.number is not None else ""
                concept = ' <span class="concept">concept</span>' if item.concept else ""
                block = [f'<div class="vraag"><p class="tekst">{_e(number)}{_e(q.question)}{concept}</p>']
                for asker, wording in item.variants:
                    block.append(f'<p class="variant">Ook gesteld door {_e(asker)}: {_e(wording)}</p>')
                block.append('<p class="label">Antwoord</p>')
                block.append(_html_lines(q.answer) or '<p class="notitie">(geen antwoord)</p>')
                if q.if_pressed:
                    block.append(f'<p class="label">Bij doorvragen</p>{_html_lines(q.if_pressed)}')
                if q.note:
                    block.append(f'<p class="notitie">Notitie (niet voorlezen): {_e(q.note)}</p>')
                parts.append("".join(block) + "</div>")
        if dossier.open_parties:
            parts.append("<h3>Nog geen antwoorden voorbereid</h3>"
                         f"<p>{_e(', '.join(dossier.open_parties))}</p>")
        body.append("".join(parts) + "</section>")
    if dossier.open_points:
        items = "".join(f"<li>{_e(p)}</li>" for p in dossier.open_points)
        body.append(f"<section><h2>Open punten</h2><ul>{items}</ul></section>")
    return PAGE.substitute(
        title=_e(f"{dossier.title} ({dossier.classification.value})"),
        css=CSS,
        marking=_e(marking(dossier)),
        footer=_e(_footer(dossier, generated)),
        body="\n".join(body),
    )


# --- the command's core -------------------------------------------------------------------------

def find_dossier(kb: KnowledgeBase, key: str) -> Dossier:
    dossier = kb.dossier(key)
    if dossier is not None:
        return dossier
    ids = [d.id or "" for d in kb.dossiers]
    hits = [d.id or "" for d in kb.dossiers_matching(key)]
    if len(hits) > 1:
        raise ExportError(f"'{key}' past op meer dossiers: {', '.join(hits)}; wees specifieker")
    raise ExportError(f"geen dossier '{key}' in {kb.root}; kies uit: {', '.join(ids) or '(geen)'}")


def render(dossier: Dossier, fmt: str, registers: Registers | None = None,
           generated: datetime | None = None) -> str:
    if fmt == "md":
        return to_markdown(dossier, registers, generated)
    if fmt == "html":
        return to_html(dossier, registers, generated)
    raise ValueError(fmt)


def export(kb: KnowledgeBase, key: str, fmt: str = "html", *, out: Path | None = None,
           force: bool = False, embargo: bool = False, now: datetime | None = None) -> str:
    """Render a dossier; with `out`, write it atomically (never over an existing file unless
    force). Refuses a dossier under embargo unless `embargo` is set."""
    from briefing.fileio import write_atomic

    dossier = find_dossier(kb, key)
    if is_under_embargo(dossier, now) and not embargo:
        raise ExportError(
            f"dossier '{dossier.id}' staat onder embargo tot {_dutch_datetime(dossier.embargo_until)}; "
            "gebruik --embargo om het toch te exporteren (het embargo staat dan op elke pagina)")
    text = render(dossier, fmt, kb.registers, now)
    if out is not None:
        try:
            write_atomic(out, text, overwrite=force)
        except FileExistsError:
            raise ExportError(f"{out} bestaat al; gebruik --force om het te overschrijven") from None
        except OSError as exc:
            raise ExportError(f"kan {out} niet schrijven: {exc.strerror or exc}") from None
    return text
