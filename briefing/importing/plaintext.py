"""Plain text and markdown files -> source blocks: decoding as people save text, tables
(tabs, pipes, aligned columns), list markers and levels, headings, and the page layout of
text exports (page furniture, hard wraps; see layout.py)."""

from __future__ import annotations

import re
from pathlib import Path

from briefing.importing.blocks import (LABEL_LINE, Block, ListLevels, ReadError, is_bold,
                                       parse_markers, should_join)
from briefing.importing.layout import page_furniture, wrap_width, wrapped
from briefing.importing.text import clean_inline, has_words, normalise_chars

_HEADING_MD = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def decode(raw: bytes, path: Path) -> str:
    """Text of a file as people save it: UTF-8 (with or without BOM), Windows cp1252, a mix
    of both (a file pasted together), or UTF-16 ('Unicode' in Notepad)."""
    if not raw.strip():
        raise ReadError(f"{path.name}: het bestand is leeg")
    if raw.startswith(b"%PDF"):
        raise ReadError(f"{path.name}: dit is een PDF-bestand, geen tekst; geef het de "
                        "extensie .pdf")
    if raw.startswith(b"PK\x03\x04"):
        raise ReadError(f"{path.name}: dit is een binair bestand, geen tekst (een Word-bestand? "
                        "geef het de extensie .docx)")
    text = _utf16(raw)
    if text is None:
        if b"\x00" in raw[:8192]:
            raise ReadError(f"{path.name}: dit is een binair bestand, geen tekst (of een "
                            "Word-bestand met de verkeerde extensie?)")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = _per_line(raw)
            if text is None:
                raise ReadError(f"{path.name}: dit is geen leesbare tekst (geen UTF-8 en geen "
                                "Windows-tekst); sla het op als UTF-8") from None
    sample = text[:20000]
    bad = len(_CONTROL.findall(sample))
    if bad > 3 and bad / max(1, len(sample)) > 0.01:
        raise ReadError(f"{path.name}: dit is een binair bestand, geen tekst")
    # A stray control character is noise; a vertical tab is Word's manual line break.
    text = _CONTROL.sub("", text.replace("\x0b", " ")).lstrip("\ufeff")
    if not has_words(text):
        raise ReadError(f"{path.name}: het bestand bevat geen tekst")
    return text


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _utf16(raw: bytes) -> str | None:
    """UTF-16 text, by its byte order mark or by the zero bytes of mostly-ASCII text."""
    encoding = None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    elif len(raw) >= 8:
        half = len(raw) // 2
        if raw[1::2].count(0) >= 0.4 * half and raw[0::2].count(0) < 0.05 * half:
            encoding = "utf-16-le"
        elif raw[0::2].count(0) >= 0.4 * half and raw[1::2].count(0) < 0.05 * half:
            encoding = "utf-16-be"
    if encoding is None:
        return None
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        return None


def _per_line(raw: bytes) -> str | None:
    """UTF-8 where a line is UTF-8, Windows cp1252 where it is not; None when the result
    does not look like text."""
    lines = []
    for line in raw.split(b"\n"):
        try:
            lines.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(line.decode("cp1252", errors="replace"))
    text = "\n".join(lines).lstrip("\ufeff")
    if text.count("\ufffd") > 3:
        return None
    return text


def _cells(line: str, neighbours: tuple[str, ...] = ()) -> list[str] | None:
    """Table cells of a line: tab-separated (PDF and Word exports), a markdown pipe row, or
    columns aligned with runs of spaces (pdftotext -layout) when a neighbouring line has the
    same columns."""
    stripped = line.strip()
    if stripped.startswith("|") and stripped.endswith("|") and stripped.count("|") >= 2:
        return [_cell(c) for c in stripped[1:-1].split("|")]
    if "\t" in line.strip("\n") and has_words(line):
        body = line.lstrip(" \t")
        marker, _ = parse_markers(body.replace("\t", " ", 1))
        if marker is not None and re.match(r"^\S{1,4}\t", body):
            return None  # '•<tab>text', '1.<tab>text': a list item from a Word export
        cells = [_cell(c) for c in line.rstrip("\n").split("\t")]
        filled = [c for c in cells if c]
        if len(filled) == 2 and filled[0].endswith(":") and cells[0] == filled[0]:
            return None  # 'Onderwerp:<tab>waarde': a label line
        return cells
    columns = _space_columns(line)
    if columns is not None and any(_aligned(columns, _space_columns(n)) for n in neighbours):
        if len(columns) == 2 and columns[0][1].endswith(":"):
            return None  # 'Datum:        3 maart': a label line
        return [_cell(text) for _, text in columns]
    return None


_COLUMN_GAP = re.compile(r"\S(\s{3,})(?=\S)")


def _space_columns(line: str | None) -> list[tuple[int, str]] | None:
    """(offset, text) per column of a line laid out with runs of three or more spaces."""
    if not line or "\t" in line or not has_words(line):
        return None
    body = line.rstrip()
    indent = len(body) - len(body.lstrip())
    marker, _ = parse_markers(body.strip())
    if marker is not None:
        return None  # '•   tekst': a list item with a wide marker gap
    columns, start = [], indent
    for gap in _COLUMN_GAP.finditer(body, indent):
        columns.append((start, body[start:gap.start(1)]))
        start = gap.end(1)
    columns.append((start, body[start:]))
    return columns if len(columns) >= 2 else None


def _aligned(a: list[tuple[int, str]], b: list[tuple[int, str]] | None) -> bool:
    """Two lines share their column layout: as many columns, starting at the same places."""
    if b is None or len(a) != len(b):
        return False
    return all(abs(x[0] - y[0]) <= 2 for x, y in zip(a[1:], b[1:]))


def _near_table(lines: list[str], number: int) -> bool:
    """A row with one filled cell ('LASTEN<tab><tab>') belongs to a table next to it."""
    for other in range(max(1, number - 2), min(len(lines), number + 2) + 1):
        if other != number:
            cells = _cells(lines[other - 1], _around(lines, other))
            if cells is not None and sum(1 for c in cells if c) >= 2:
                return True
    return False


def _cell(text: str) -> str:
    """A cell's text; HTML paragraphs ('<p>..</p> <p>..</p>') become separate lines."""
    parts = re.split(r"</p>\s*<p[^>]*>|<br\s*/?>", text, flags=re.IGNORECASE)
    return "\n".join(c for c in (clean_inline(p) for p in parts) if c)


def _around(lines: list[str], number: int) -> tuple[str, ...]:
    return tuple(lines[n - 1] for n in (number - 1, number + 1) if 1 <= n <= len(lines))


def split_lines(text: str) -> list[str]:
    """Source lines as an editor numbers them (a form feed stays inside its line)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def read_text(text: str, markdown: bool, furniture: set[int] | None = None) -> list[Block]:
    """Blocks of a text; furniture: line numbers already known to be page furniture (the
    PDF reader finds them by their place on the page)."""
    lines = split_lines(text)
    # Page furniture of a PDF export: kept as its own blocks (for 'onherkend'), read as a
    # blank line so that a sentence split by a page break joins again.
    furniture_lines = set() if markdown else page_furniture(lines) | (furniture or set())
    lines = [normalise_chars(line.replace("\f", " ")) for line in lines]
    width = None if markdown else wrap_width(lines)
    furniture: list[Block] = []
    blocks: list[Block] = []
    levels = ListLevels()
    table: Block | None = None
    blank_run = 1
    for number, line in enumerate(lines, start=1):
        if number in furniture_lines:
            furniture.append(Block("furniture", clean_inline(line, markdown), [number],
                                   raw=line.strip()))
            blank_run += 1
            if blocks:
                blocks[-1].gap_after = True
            continue
        if not has_words(line) and not (_TABLE_SEP.match(line) and table is not None):
            # Blank, or an empty bullet ('-', '**'): a separator, no content.
            blank_run += 1
            if blocks:
                blocks[-1].gap_after = True
            continue
        if markdown and _TABLE_SEP.match(line) and table is not None:
            table.lines.append(number)
            continue
        cells = _cells(line, _around(lines, number))
        if cells is not None and sum(1 for c in cells if c) < 2 and not _near_table(lines, number):
            cells = None
            line = line.replace("\t", " ")
        if cells is not None:
            if table is not None and blank_run <= 1:
                table.rows.append(cells)
                table.row_lines.append(number)
                table.lines.append(number)
            else:
                table = Block("table", "", [number], raw=line.strip(), rows=[cells],
                              row_lines=[number], gap_before=blank_run > 0)
                blocks.append(table)
            blank_run = 0
            levels.reset()
            continue
        table = None
        gap = blank_run > 0 or not blocks
        blank_run = 0
        if blocks:
            blocks[-1].gap_after = gap
        lead = len(line) - len(line.lstrip(" \t"))
        expanded = line[:lead].expandtabs(4) + line[lead:].replace("\t", " ")
        indent = len(expanded) - len(expanded.lstrip())
        stripped = expanded.strip()
        heading = _HEADING_MD.match(stripped)
        if heading:
            marker, body = parse_markers(heading.group(2).strip())
            bold = is_bold(body)
            blocks.append(Block("heading", clean_inline(body), [number], raw=stripped,
                                level=len(heading.group(1)), bold=bold, gap_before=gap))
            levels.reset()
            continue
        marker, body = parse_markers(stripped)
        bold = is_bold(body)
        text_clean = clean_inline(body)
        if marker is None:
            block = Block("para", text_clean, [number], raw=stripped, bold=bold, gap_before=gap)
            block.level = indent  # an indented line after an item continues that item
            prev = blocks[-1] if blocks else None
            if prev is not None and prev.kind in ("para", "item") and prev.text and text_clean \
                    and (should_join(prev, block, markdown, lines[prev.lines[-1] - 1]) or (
                        not gap and wrapped(lines[prev.lines[-1] - 1], text_clean, width)
                        and not LABEL_LINE.match(text_clean))):
                # A wrapped line or a page break: the same paragraph, and the same list.
                prev.text = f"{prev.text} {text_clean}"
                prev.lines.append(number)
                prev.bold = prev.bold and bold
                continue
            blocks.append(block)
            levels.reset()
            continue
        key = marker.kind if marker.compound else (marker.kind, indent)
        level = levels.level(key, indent, marker.compound, text_clean)
        blocks.append(Block("item", text_clean, [number], raw=stripped, level=level,
                            marker=marker.marker, number=marker.number, bold=bold, gap_before=gap))
    if blocks:
        blocks[-1].gap_after = True
    for block in blocks:
        if block.kind == "para":
            block.level = 0
    return blocks + furniture

