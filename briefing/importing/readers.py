"""Readers: a .txt, .md or .docx annotatie -> one list of source blocks.

A block is one paragraph, list item, heading or table with its source line numbers, list
level, bold flag and whether a blank line surrounds it. The recogniser sees only blocks, so
text exports of PDFs, markdown and Word documents go through one structure recogniser."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from briefing.importing.layout import page_furniture, wrap_width, wrapped
from briefing.importing.text import clean_inline, has_words, normalise_chars

MAX_BYTES = 20 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
WORD_SUFFIXES = {".docx"}
SUPPORTED = sorted(TEXT_SUFFIXES | WORD_SUFFIXES)


class ReadError(Exception):
    """A file that cannot be imported; the message is Dutch and names no internals."""


@dataclass
class Block:
    kind: str                       # "para" | "item" | "heading" | "table" | "furniture"
    text: str
    lines: list[int]                # source line numbers (a joined block has several)
    raw: str = ""                   # the first source line as written, for messages
    level: int = 0                  # list level (items) or heading level (1 = top)
    marker: str | None = None       # "bullet" | "number" (items)
    number: int | None = None       # the item's number in a numbered list
    bold: bool = False              # the whole block is bold
    gap_before: bool = True         # a blank line (or the start) precedes it
    gap_after: bool = True          # a blank line (or the end) follows it
    rows: list[list[str]] = field(default_factory=list)      # table cells
    row_lines: list[int] = field(default_factory=list)       # a source line per table row

    @property
    def line(self) -> int:
        return self.lines[0]


# --- list markers -------------------------------------------------------------------------

_BULLETS = "-–—•◦▪▫·*>➤➢►▶→o§✓✔■□●○\uf0a7\uf0b7\uf0d8\uf0fc\uf076\uf0e0"
_BULLET = re.compile(rf"^([{re.escape(_BULLETS)}])(?:\s+|$)")
_NUMBERED = re.compile(r"^\(?(\d{1,3}|[a-z])([.)])(?=\s|$)\s*")
_HEADING_MD = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


@dataclass
class _Marker:
    kind: str            # what identifies this list style for nesting
    marker: str          # "bullet" | "number"
    number: int | None
    compound: bool       # '- o', '- 1.': an outer dash around the real marker


def parse_markers(text: str) -> tuple[_Marker | None, str]:
    """Split leading list markers off a stripped line: '- o tekst' -> (o-bullet, 'tekst')."""
    found: list[tuple[str, str, int | None]] = []
    rest = text
    while len(found) < 3:
        m = _NUMBERED.match(rest)
        if m and not (m.group(1).isalpha() and m.group(2) == "." and len(rest) > 2
                      and rest[2:3].isalpha()):
            token = m.group(1)
            if token.isdigit():
                found.append((f"num{m.group(2)}", "number", int(token)))
            elif token == "o" and m.group(2) == ")":
                found.append(("alpha)", "number", ord(token) - 96))
            else:
                found.append((f"alpha{m.group(2)}", "number", ord(token) - 96))
            rest = rest[m.end():]
            continue
        m = _BULLET.match(rest)
        if m:
            char = m.group(1)
            if char == "*" and rest.startswith("**"):
                break
            if char == "o" and not (len(rest) == 1 or rest[1] in " \t"):
                break
            char = {"—": "–", "\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➤", "\uf0fc": "✓"}.get(
                char, char)
            found.append((char, "bullet", None))
            rest = rest[m.end():]
            continue
        break
    if not found:
        return None, text
    kind, marker, number = found[-1]
    return _Marker(kind, marker, number, compound=len(found) > 1), rest


class ListLevels:
    """List levels from marker styles, as a reader would see them: a new style nests one
    deeper, a style seen before returns to its level, less indentation closes deeper levels.
    This copes with PDF exports that lose indentation after a page break ('- o ...')."""

    def __init__(self) -> None:
        self.stack: list[tuple[object, int]] = []
        self.last: tuple[object, int, bool, str] | None = None  # key, indent, compound, text

    def reset(self) -> None:
        self.stack.clear()
        self.last = None

    def level(self, key: object, indent: int, compound: bool = False, text: str = "") -> int:
        last, self.last = self.last, (key, indent, compound, text)
        if last is not None and isinstance(last[0], tuple) and last[0][-1] == "deeper" \
                and last[0][:-1] == key:
            key = last[0]  # more items of the deeper list
            self.last = (key, indent, compound, text)
        elif last is not None and last[2] and not compound and last[1] == indent > 0 \
                and key in [k for k, _ in self.stack[:-1]] and text[:1].isupper() \
                and not re.search(r"[.:;!?]$", last[3].strip()):
            # ' - o Muzus (...)' then ' - Kwalitatief onderzoek': a PDF export draws a third
            # level with the same dash as the first; after a label-like 'o' item it is deeper.
            key = (*key, "deeper") if isinstance(key, tuple) else (key, "deeper")
            self.last = (key, indent, compound, text)
        for index, (seen, _) in enumerate(self.stack):
            if seen == key:
                del self.stack[index + 1:]
                return index
        while self.stack and self.stack[-1][1] > indent:
            self.stack.pop()
        self.stack.append((key, indent))
        return len(self.stack) - 1


# --- plain text and markdown ---------------------------------------------------------------


def decode(raw: bytes, path: Path) -> str:
    """Text of a file as people save it: UTF-8 (with or without BOM), Windows cp1252, a mix
    of both (a file pasted together), or UTF-16 ('Unicode' in Notepad)."""
    if not raw.strip():
        raise ReadError(f"{path.name}: het bestand is leeg")
    if raw.startswith(b"%PDF"):
        raise ReadError(f"{path.name}: dit is een PDF-bestand, geen tekst; exporteer het eerst "
                        "naar tekst (of sla het in Word op als .docx)")
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


def read_text(text: str, markdown: bool) -> list[Block]:
    lines = split_lines(text)
    # Page furniture of a PDF export: kept as its own blocks (for 'onherkend'), read as a
    # blank line so that a sentence split by a page break joins again.
    furniture_lines = set() if markdown else page_furniture(lines)
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
            bold = _is_bold(body)
            blocks.append(Block("heading", clean_inline(body), [number], raw=stripped,
                                level=len(heading.group(1)), bold=bold, gap_before=gap))
            levels.reset()
            continue
        marker, body = parse_markers(stripped)
        bold = _is_bold(body)
        text_clean = clean_inline(body)
        if marker is None:
            block = Block("para", text_clean, [number], raw=stripped, bold=bold, gap_before=gap)
            block.level = indent  # an indented line after an item continues that item
            prev = blocks[-1] if blocks else None
            if prev is not None and prev.kind in ("para", "item") and prev.text and text_clean \
                    and (_should_join(prev, block, markdown) or (
                        not gap and wrapped(lines[prev.lines[-1] - 1], text_clean, width)
                        and not _LABEL_LINE.match(text_clean))):
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


def _is_bold(body: str) -> bool:
    body = body.strip()
    if body.startswith("**") and body.rstrip(" .:").endswith("**") and len(body) > 4:
        return True
    return body.endswith("**") and not body.startswith("**") and body.count("**") % 2 == 1


# --- joining lines that a page break or a hard wrap split ----------------------------------

_FUNCTION_WORDS = {
    "de", "het", "een", "en", "of", "van", "in", "op", "te", "voor", "met", "om", "aan", "bij",
    "dat", "die", "tot", "naar", "door", "als", "over", "uit", "onder", "is", "zijn", "wordt",
    "worden", "we", "wij", "ik", "u", "hun", "haar", "zijn", "deze", "dit", "ook", "maar",
    "want", "dus", "niet", "nog", "er", "zo", "waar", "wat", "wie", "heeft", "hebben", "kan",
    "kunnen", "moet", "moeten", "zal", "zullen", "the", "and", "of", "per", "via", "tussen",
    "tijdens", "binnen", "buiten", "zonder", "omdat", "zodat", "welke", "waarbij", "waarin",
}
_TERMINAL = re.compile(r"[.!?:;…]['\"”’)\]]*$")


def _ends_open(text: str) -> bool:
    """True when text stops mid-sentence: no closing punctuation."""
    return bool(text) and not _TERMINAL.search(text)


def _ends_with_function_word(text: str) -> bool:
    if text.endswith((",", "-", "–")):
        return True
    words = text.split()
    return bool(words) and words[-1].lower() in _FUNCTION_WORDS


def _starts_lower(text: str) -> bool:
    first = text.lstrip("(\"'“‘")[:1]
    return first.isalpha() and first.islower()


def join_broken(blocks: list[Block], markdown: bool = False) -> list[Block]:
    """Join a paragraph to the block before it when a hard wrap or a page break split a
    sentence: 'meer aandacht hebben' / '' / 'voor situatie en context'."""
    out: list[Block] = []
    for block in blocks:
        prev = out[-1] if out else None
        if prev is not None and block.kind == "para" and prev.kind in ("para", "item") \
                and prev.text and block.text and _should_join(prev, block, markdown):
            prev.text = f"{prev.text} {block.text}"
            prev.lines.extend(block.lines)
            prev.gap_after = block.gap_after
            prev.bold = prev.bold and block.bold
            continue
        out.append(block)
    for block in out:
        if block.kind == "para":
            block.level = 0
    return out


_LABEL_LINE = re.compile(r"^[A-Z][\w .'/&()-]{0,30}:(?:\s|$)")


def _should_join(prev: Block, block: Block, markdown: bool) -> bool:
    if _LABEL_LINE.match(block.text) or (_LABEL_LINE.match(prev.text) and not block.gap_before
                                          and not _starts_lower(block.text)):
        return False  # 'Wethouder: X' under 'Onderwerp: Y': separate fields, not one sentence
    if not block.gap_before:
        # Consecutive lines: one paragraph in markdown; in a text export only a wrapped one.
        if markdown and prev.kind == "para":
            return True
        if prev.kind == "item" and block.level >= 2:
            # An indented line continues its item, unless the item asked a question and the
            # line starts a sentence: that is the answer ('1. Hoe lang? [D66]' / '   De ...').
            return not (re.search(r"\?\W*(?:\[[^\]]*\]|\([^)]*\))?\W*$", prev.text)
                        and block.text[:1].isupper())
        return _starts_lower(block.text) or (len(prev.text) >= 60 and _ends_open(prev.text)
                                             and not block.text[:1].isdigit())
    if not _ends_open(prev.text):
        return False
    if _ends_with_function_word(prev.text):
        return True
    # A page break splits a sentence, not a heading from the line below it ('Vragen' /
    # 'mevrouw Kat (SP)').
    return _starts_lower(block.text) and len(prev.text.split()) >= 4


# --- entry point ---------------------------------------------------------------------------


def read_blocks(path: Path) -> tuple[list[Block], dict[int, str]]:
    """Blocks of one file, and the source text per line number (for unrecognised lines)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES and suffix not in WORD_SUFFIXES:
        hint = " (sla een .doc eerst op als .docx)" if suffix == ".doc" else (
            " (exporteer een PDF eerst naar tekst)" if suffix == ".pdf" else "")
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
            from briefing.importing.word import read_docx  # Word needs the text readers' parts

            blocks = read_docx(path)
            return blocks, {}
        raw = path.read_bytes()
    except PermissionError:
        raise ReadError(f"{path.name}: geen toestemming om dit bestand te lezen") from None
    except OSError as exc:
        raise ReadError(f"{path.name}: bestand niet te lezen ({exc.strerror or exc})") from None
    text = decode(raw, path)
    source = {n: line for n, line in enumerate(split_lines(text), start=1)}
    return read_text(text, markdown=suffix in (".md", ".markdown")), source
