"""Classification travels with the text: the marking of a dossier that is not plain `openbaar`.

A line copied or pinned from a geheim dossier carries `[GEHEIM]`; while an embargo runs it also
says until when (`[GEHEIM · embargo tot 23 oktober 2024 17:00]`). Plain Python (no Textual)."""

from __future__ import annotations

from datetime import datetime

from briefing.model.dossier import Dossier
from briefing.model.knowledge import is_under_embargo
from briefing.safetext import printable

DUTCH_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                "september", "oktober", "november", "december")
# Most severe first: a sheet with lines from several dossiers carries the highest marking.
LEVELS = ("geheim", "vertrouwelijk", "intern", "openbaar")


def dutch_datetime(value: datetime) -> str:
    text = f"{value.day} {DUTCH_MONTHS[value.month - 1]} {value.year}"
    if (value.hour, value.minute) != (0, 0):
        text += f" {value:%H:%M}"
    return text


def dossier_marking(dossier: Dossier | None, now: datetime | None = None) -> str | None:
    """'[GEHEIM]', '[INTERN · embargo tot ...]', '[embargo tot ...]' or None (openbaar)."""
    if dossier is None:
        return None
    parts = []
    level = dossier.classification.value
    if level != "openbaar":
        parts.append(level.upper())
    if dossier.embargo_until is not None and is_under_embargo(dossier, now):
        parts.append(f"embargo tot {dutch_datetime(dossier.embargo_until)}")
    return f"[{' · '.join(parts)}]" if parts else None


def marked_line(text: str, marking: str | None) -> str:
    """One line with its marking in front."""
    text = printable(text)
    return f"{marking} {text}" if marking else text


def marked_block(text: str, marking: str | None) -> str:
    """A block of text (a whole card) with its marking on the first and the last line."""
    text = printable(text).rstrip("\n") + "\n"
    return f"{marking}\n{text}{marking}\n" if marking else text


def highest(markings: list[str | None]) -> str | None:
    """The most severe classification among markings, as '[GEHEIM]' (embargo parts left out)."""
    found = [m for m in markings if m]
    if not found:
        return None
    for level in LEVELS:
        if any(m.startswith(f"[{level.upper()}") for m in found):
            return f"[{level.upper()}]"
    return "[EMBARGO]"
