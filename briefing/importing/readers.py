"""Readers: a .txt, .md, .docx or .pdf document -> one list of source blocks (blocks.py).

The recognisers see only blocks, so text exports, markdown, Word and PDF documents go
through one pipeline. This module only picks the reader and applies the limits every file
shares."""

from __future__ import annotations

from pathlib import Path

from briefing.importing.blocks import Block, ReadError, parse_markers
from briefing.importing.plaintext import decode, read_text, split_lines
from briefing.importing.pdf import read_pdf_text
from briefing.importing.word import read_docx

__all__ = ["Block", "ReadError", "SUPPORTED", "parse_markers", "read_blocks"]

MAX_BYTES = 20 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
WORD_SUFFIXES = {".docx"}
PDF_SUFFIXES = {".pdf"}
SUPPORTED = sorted(TEXT_SUFFIXES | WORD_SUFFIXES | PDF_SUFFIXES)


def read_blocks(path: Path) -> tuple[list[Block], dict[int, str]]:
    """Blocks of one file, and the source text per line number (for unrecognised lines)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        hint = " (sla een .doc eerst op als .docx)" if suffix == ".doc" else ""
        raise ReadError(f"{path.name}: bestandstype '{suffix or 'zonder extensie'}' wordt niet "
                        f"ondersteund; gebruik {', '.join(SUPPORTED)}{hint}")
    try:
        if not path.exists():
            raise ReadError(f"{path}: bestand bestaat niet")
        if path.is_dir():
            raise ReadError(f"{path}: dit is een map, geen bestand")
        size = path.stat().st_size
        if size == 0:
            raise ReadError(f"{path.name}: het bestand is leeg")
        if size > MAX_BYTES:
            raise ReadError(f"{path.name}: bestand is te groot ({size / 1024 / 1024:.0f} MB); "
                            "is dit wel een annotatie?")
        if suffix in WORD_SUFFIXES:
            blocks = read_docx(path)
            return blocks, {}
        if suffix in PDF_SUFFIXES:
            text, furniture = read_pdf_text(path)
            return _with_pages(read_text(text, markdown=False, furniture=furniture), text), \
                {n: line for n, line in enumerate(split_lines(text), start=1)}
        raw = path.read_bytes()
    except PermissionError:
        raise ReadError(f"{path.name}: geen toestemming om dit bestand te lezen") from None
    except OSError as exc:
        raise ReadError(f"{path.name}: bestand niet te lezen ({exc.strerror or exc})") from None
    text = decode(raw, path)
    source = {n: line for n, line in enumerate(split_lines(text), start=1)}
    return read_text(text, markdown=suffix in (".md", ".markdown")), source


def _with_pages(blocks: list[Block], text: str) -> list[Block]:
    """Each block's page: a form feed starts a page."""
    starts = [n for n, line in enumerate(split_lines(text), start=1) if "\f" in line]
    for block in blocks:
        block.page = 1 + sum(1 for n in starts if n <= block.line)
    return blocks
