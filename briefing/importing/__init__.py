"""Importing annotaties (.txt, .md, .docx) into the knowledge format.

readers.py turns a text file into source blocks (layout.py finds the page furniture and hard
wraps of PDF exports; word.py reads Word files); recognise.py turns blocks into a Dossier
with the help of vocabulary.py (the genre's words), header.py, sections.py, questions.py and
tables.py; summary.py describes the result in Dutch for the person who vets it; agreement.py
measures an import against a hand-made dossier."""

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
