"""Dossiers to plain data and readable, diff-friendly YAML (stable key order, no folding)."""

from __future__ import annotations

from typing import Any

import yaml

from briefing.model.dossier import Dossier, Line, Question


def _lines(lines: list[Line]) -> list[Any]:
    return [line.to_data() for line in lines]


def question_to_data(question: Question) -> dict[str, Any]:
    data: dict[str, Any] = {}
    if question.id:
        data["id"] = question.id
    data |= {
        "nummer": question.number,
        "raadslid": question.member,
        "fractie": question.party,
        "vraag": question.question,
        "varianten": [
            {"raadslid": v.member, "fractie": v.party, "vraag": v.question}
            for v in question.variants
        ],
        "antwoord": _lines(question.answer),
        "doorvragen": _lines(question.if_pressed),
        "notitie": question.note,
        "status": question.status.value,
    }
    return data


def dossier_to_data(dossier: Dossier) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": dossier.id,
        "titel": dossier.title,
        "vergadering": dossier.meeting,
        "datum": dossier.date,
        "agendapunt": dossier.agenda_item,
        "portefeuillehouder": dossier.portfolio_holder,
        "gevraagd_besluit": dossier.requested_decision,
        "status": dossier.status.value,
        **({"soort": dossier.kind.value} if dossier.kind else {}),
        "classificatie": dossier.classification.value,
        "embargo_tot": dossier.embargo_until,
        "bron": dossier.source,
    }
    if dossier.note:
        data["notitie"] = dossier.note
    data["kernboodschap"] = _lines(dossier.core_message)
    data["themas"] = [{"titel": t.title, "regels": _lines(t.lines)} for t in dossier.themes]
    data["vragen"] = [question_to_data(q) for q in dossier.questions]
    data["open_fracties"] = list(dossier.open_parties)
    for key, value in (
        ("open_punten", list(dossier.open_points)),
        ("redacties", list(dossier.redactions)),
        ("feiten", _lines(dossier.facts)),
        ("onherkend", [{"regel": s.line, "tekst": s.text} for s in dossier.unrecognised]),
    ):
        if value:
            data[key] = value
    return data


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:  # repeated lines stay readable, no &anchors
        return True


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def dump_yaml(data: Any) -> str:
    """YAML as people write it: block style, unicode as is, keys in the given order,
    and long lines never folded mid-sentence (so diffs stay one line per line)."""
    return yaml.dump(
        data, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
        default_flow_style=False, width=1_000_000, indent=2,
    )


def dossier_to_yaml(dossier: Dossier) -> str:
    return dump_yaml(dossier_to_data(dossier))
