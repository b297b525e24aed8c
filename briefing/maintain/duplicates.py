"""The same annotatie twice in one knowledge base: the desk would show both cards, and an edit to
one leaves the other stale. Used by `briefing import` (refuse) and `briefing check` (warn).

Two dossiers are the same document when they share
- the source file name (`bron`), or
- their content (a fingerprint of every text line, so a renamed copy of the file is caught), or
- their title and date (only when both dates are known: two undated notes may share a title).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import PurePath
from typing import Iterable

from briefing.model import Dossier, KnowledgeBase
from briefing.model.dossier import line_texts
from briefing.model.problems import WARNING, Problem
from briefing.model.registers import fold


def content_fingerprint(dossier: Dossier) -> str | None:
    """A hash of the dossier's text (title, core message, themes, questions, answers, facts),
    folded so that case, accents and spacing do not count; None for a dossier without content
    (an empty shell says nothing about which document it came from)."""
    parts: list[str] = []
    parts += line_texts(dossier.core_message) + line_texts(dossier.facts)
    for theme in dossier.themes:
        parts += [theme.title, *line_texts(theme.lines)]
    for question in dossier.questions:
        parts += [question.question, *line_texts(question.answer), *line_texts(question.if_pressed)]
    parts = [fold(text) for text in parts if text and text.strip()]
    if not parts:
        return None
    digest = hashlib.sha256()
    for text in [fold(dossier.title), *parts]:
        digest.update(text.encode("utf-8") + b"\0")
    return digest.hexdigest()


def _source_key(dossier: Dossier) -> str | None:
    if not dossier.source or not dossier.source.strip():
        return None
    return PurePath(dossier.source.strip().replace("\\", "/")).name.casefold()


@dataclass(frozen=True)
class Match:
    """An existing dossier that is the same document, and why (Dutch)."""

    dossier: Dossier
    reason: str


def same_document(new: Dossier, old: Dossier, new_fingerprint: str | None = None,
                  old_fingerprint: str | None = None) -> str | None:
    """Why new and old are the same document (Dutch), or None."""
    source = _source_key(new)
    if source is not None and source == _source_key(old):
        return f"zelfde bronbestand '{old.source}'"
    new_fingerprint = new_fingerprint or content_fingerprint(new)
    if new_fingerprint is not None and new_fingerprint == (old_fingerprint or content_fingerprint(old)):
        return "zelfde inhoud"
    if new.date is not None and new.date == old.date and fold(new.title) == fold(old.title):
        return f"zelfde titel en datum ({old.date.isoformat()})"
    return None


def find_matches(new: Dossier, existing: Iterable[Dossier]) -> list[Match]:
    """The existing dossiers that are the same document as new."""
    fingerprint = content_fingerprint(new)
    matches = []
    for old in existing:
        reason = same_document(new, old, fingerprint)
        if reason is not None:
            matches.append(Match(old, reason))
    return matches


def duplicate_problems(kb: KnowledgeBase) -> list[Problem]:
    """A warning per dossier that repeats an earlier one (in file order); linear in the number
    of dossiers (each key looked up in a dict)."""
    problems: list[Problem] = []
    seen: dict[tuple, Dossier] = {}
    for dossier in kb.dossiers:
        keys = []
        source = _source_key(dossier)
        if source is not None:
            keys.append((("bron", source), f"zelfde bronbestand '{dossier.source}'"))
        fingerprint = content_fingerprint(dossier)
        if fingerprint is not None:
            keys.append((("inhoud", fingerprint), "zelfde inhoud"))
        if dossier.date is not None:
            keys.append((("titel", fold(dossier.title), dossier.date),
                         f"zelfde titel en datum ({dossier.date.isoformat()})"))
        for key, reason in keys:
            earlier = seen.get(key)
            if earlier is not None:
                path, line = kb.line_of(dossier, ("titel",))
                other = kb.paths.get(earlier.id or "")
                problems.append(Problem(
                    path, line,
                    f"lijkt hetzelfde document als {other.name if other else earlier.id} "
                    f"({reason}): de live-app toont dan beide; houd er één over",
                    WARNING))
                break
        for key, _ in keys:
            seen.setdefault(key, dossier)
    return problems
