"""Importing documents (.txt, .md, .docx) into the knowledge format, as a pipeline:

    readers.py       a file -> source blocks (blocks.py: text, level, style, page); plaintext.py
                     for text and markdown (layout.py finds page furniture and hard wraps),
                     word.py for Word
    prepare.py       redaction marks, PM's, page furniture, the embargo: before structure
    rules/           the classifier: chains of small stateless recognisers that turn each
                     block into typed events (events.py), looking at it through context.py
    builder.py       the one builder that owns the dossier while it is read (with
                     header_draft.py, body_draft.py, qa_draft.py) and applies the events
    recognise.py     runs the pipeline; summary.py describes the result in Dutch for the
                     person who vets it; agreement.py measures an import against a hand-made
                     dossier

The genre's words are in vocabulary.py, names and parties in names.py, dates in dates.py."""

from __future__ import annotations

from pathlib import Path

from briefing.importing.readers import SUPPORTED, ReadError, read_blocks
from briefing.importing.recognise import ImportResult, recognise, to_json_data
from briefing.model.registers import Registers

__all__ = ["SUPPORTED", "ImportResult", "ReadError", "import_file", "to_json_data"]


def import_file(path: Path | str, registers: Registers | None = None) -> ImportResult:
    """Read and recognise one annotatie. Raises ReadError (Dutch message) for files that
    cannot be imported; never writes anything."""
    path = Path(path)
    blocks, source_lines = read_blocks(path)
    if not blocks:
        raise ReadError(f"{path.name}: geen tekst gevonden om te importeren")
    return recognise(blocks, registers, path.name, source_lines)
