"""The importer as a pipeline: blocks -> (prepare) -> the classifier's events -> the builder
-> a dossier in the knowledge format.

It reads a document the way an adviser does: a header (title, meeting, date, agenda item,
wethouder, requested decision), a core message, themed sections, and questions with askers,
answers, 'if pressed' lines and notes. Every block lands in a field or in `onherkend` with
its line number: nothing is dropped silently."""

from __future__ import annotations

import datetime as dt
from typing import Any

from briefing.importing.blocks import Block
from briefing.importing.builder import Builder, ImportResult, leftover_lines
from briefing.importing.context import Doc
from briefing.importing.names import Names
from briefing.importing.prepare import find_embargo, prepare
from briefing.importing.events import Genre
from briefing.importing.rules import classify, genre
from briefing.importing.vocabulary import STOPWORDS
from briefing.model.dossier import Dossier, slug
from briefing.model.registers import Registers

__all__ = ["ImportResult", "recognise", "slug_id", "to_json_data"]


def recognise(blocks: list[Block], registers: Registers | None = None,
              source_name: str | None = None,
              source_lines: dict[int, str] | None = None) -> ImportResult:
    names = Names(registers)
    builder = Builder(names, source_name)
    blocks, events = prepare(blocks)
    builder.apply_all(events)
    embargo = find_embargo(blocks)
    if embargo is not None:
        builder.apply(embargo)
    kind = genre.detect(blocks)
    builder.apply(Genre(kind))
    doc = Doc(blocks, names, kind)
    i = 0
    while i < len(blocks):
        step = classify(doc, builder, i)
        builder.apply_all(step.events)
        i = step.next
    result = builder.finish(doc.block_text, leftover_lines(blocks, source_lines or {}))
    result.dossier.id = slug_id(result.dossier)
    return result


def slug_id(dossier: Dossier) -> str:
    """A readable, stable id: date and the title's first meaningful words."""
    words = [w for w in slug(dossier.title).split("-")
             if w and w not in STOPWORDS and not w.isdigit() and len(w) > 1]
    parts = ([dossier.date.isoformat()] if dossier.date else []) + words[:6]
    return "-".join(parts)[:70].strip("-") or "annotatie"


def to_json_data(dossier: Dossier) -> dict[str, Any]:
    """The dossier with the YAML keys, dates as ISO text (for --json)."""
    def convert(value: Any) -> Any:
        if isinstance(value, (dt.date, dt.datetime)):
            return value.isoformat()
        if isinstance(value, dict):
            return {k: convert(v) for k, v in value.items()}
        if isinstance(value, list):
            return [convert(v) for v in value]
        return value

    return convert(dossier.to_data())
