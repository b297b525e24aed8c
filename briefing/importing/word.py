"""Word annotaties (.docx) -> source blocks, via python-docx: heading styles, list styles
and automatic numbering with their levels, bold paragraphs, tables."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from briefing.importing.blocks import Block, ListLevels, ReadError, join_broken, parse_markers
from briefing.importing.text import clean_inline, has_words, normalise_chars

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
# Containers Word wraps around paragraphs and tables: content controls (templates put the
# header fields in them), custom XML, tracked moves and insertions at block level.
_BLOCK_WRAPPERS = {f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}ins", f"{_W}moveTo",
                   f"{_W}smartTag"}
_HEADING_STYLE = re.compile(r"^(?:heading|kop)\s*(\d)$", re.IGNORECASE)
_LIST_STYLE = re.compile(r"^(?:list|lijst)\s*(bullet|number|opsommingsteken|nummering|"
                         r"paragraph|alinea|continue)?\s*(\d)?$", re.IGNORECASE)


# A Word file is a zip archive: what it unpacks to is limited, not only the file itself (a
# 1 MB file can unpack to 1 GiB of XML). Real annotaties with photos stay far below this.
MAX_UNPACKED = 200 * 1024 * 1024
MAX_MEMBERS = 5000
_CHUNK = 1024 * 1024


def check_unpacked_size(archive: zipfile.ZipFile, name: str) -> None:
    """Refuse an archive that unpacks to more than MAX_UNPACKED: first by the sizes it
    declares (at once), then by reading every member with a bounded read, so an archive
    that declares less than it holds is caught before anything parses it."""
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise ReadError(f"{name}: het Word-bestand bevat {len(members)} onderdelen (meer dan "
                        f"{MAX_MEMBERS}); dit is geen gewoon document")
    declared = sum(member.file_size for member in members)
    if declared > MAX_UNPACKED:
        raise ReadError(_too_big(name, declared))
    total = 0
    for member in members:
        with archive.open(member) as stream:
            while True:
                chunk = stream.read(min(_CHUNK, MAX_UNPACKED - total + 1))
                if not chunk:
                    break
                total += len(chunk)
                if total > MAX_UNPACKED:
                    raise ReadError(_too_big(name, total))


def _too_big(name: str, size: int) -> str:
    megabytes = f"{size / 2**20:,.0f}".replace(",", ".")
    return (f"{name}: het Word-bestand pakt uit tot {megabytes} MB, meer dan de "
            f"{MAX_UNPACKED // 2**20} MB die een document mag hebben (een zip-bom?); "
            "niets geïmporteerd")


def read_docx(path: Path) -> list[Block]:
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError as exc:  # pragma: no cover - python-docx is a pinned dependency
        raise ReadError(f"{path.name}: Word-bestanden lezen kan niet (python-docx ontbreekt)") \
            from exc
    if not zipfile.is_zipfile(path):
        raise ReadError(f"{path.name}: dit is geen geldig Word-bestand (.docx is een zip-archief; "
                        "dit bestand niet). Is het een oud .doc-bestand of een hernoemd bestand?")
    try:
        with zipfile.ZipFile(path) as archive:
            if "word/document.xml" not in archive.namelist():
                raise ReadError(f"{path.name}: dit zip-bestand is geen Word-document "
                                "(word/document.xml ontbreekt)")
            check_unpacked_size(archive, path.name)
        document = docx.Document(str(path))
    except ReadError:
        raise
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ReadError(f"{path.name}: Word-bestand is beschadigd of onleesbaar ({exc})") from None
    except Exception as exc:  # lxml errors and the like: still a broken file, not a crash
        raise ReadError(f"{path.name}: Word-bestand is beschadigd of onleesbaar "
                        f"({type(exc).__name__})") from None
    try:
        return _WordReader(document).blocks()
    except ReadError:
        raise
    except Exception as exc:  # odd XML that python-docx opens but cannot walk: broken input
        raise ReadError(f"{path.name}: Word-bestand is beschadigd of onleesbaar "
                        f"({type(exc).__name__})") from None


class _WordReader:
    def __init__(self, document) -> None:
        self.document = document
        self.counter = 0
        self.numbers: dict[tuple[str, int], int] = {}
        self.formats = self._numbering_formats()
        self.levels = ListLevels()

    def _numbering_formats(self) -> dict[tuple[str, int], tuple[str, int]]:
        """(numId, ilvl) -> (numFmt, start) from the numbering part."""
        try:
            return self._read_numbering(self.document.part.numbering_part.element)
        except Exception:  # no (or a damaged) numbering part: no automatic lists
            return {}

    def _read_numbering(self, numbering) -> dict[tuple[str, int], tuple[str, int]]:
        abstract: dict[str, dict[int, tuple[str, int]]] = {}
        for node in numbering.findall(f"{_W}abstractNum"):
            levels = {}
            for lvl in node.findall(f"{_W}lvl"):
                fmt = lvl.find(f"{_W}numFmt")
                start = lvl.find(f"{_W}start")
                levels[int(lvl.get(f"{_W}ilvl", "0"))] = (
                    fmt.get(f"{_W}val") if fmt is not None else "decimal",
                    int(start.get(f"{_W}val")) if start is not None else 1,
                )
            abstract[node.get(f"{_W}abstractNumId")] = levels
        formats = {}
        for num in numbering.findall(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            if ref is None:
                continue
            num_id = num.get(f"{_W}numId")
            for ilvl, value in abstract.get(ref.get(f"{_W}val"), {}).items():
                formats[(num_id, ilvl)] = value
            for override in num.findall(f"{_W}lvlOverride"):
                start = override.find(f"{_W}startOverride")
                ilvl = int(override.get(f"{_W}ilvl", "0"))
                if start is not None and (num_id, ilvl) in formats:
                    formats[(num_id, ilvl)] = (formats[(num_id, ilvl)][0],
                                               int(start.get(f"{_W}val", "1")))
        return formats

    def blocks(self) -> list[Block]:
        self.out: list[Block] = []
        self.gap = True
        self._walk(self.document.element.body)
        out = self.out
        if out:
            out[-1].gap_after = True
        # Word paragraphs are paragraphs: a heading needs no blank line around it.
        for block in out:
            if block.kind == "para" and not block.gap_after:
                block.gap_after = True
        return join_broken(out) + self._page_furniture()

    def _walk(self, element) -> None:
        """Paragraphs and tables in reading order, also inside content controls."""
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        for child in element.iterchildren():
            if child.tag in _BLOCK_WRAPPERS:
                self._walk(child)
            elif child.tag == f"{_W}p":
                self.counter += 1
                made = self._paragraph(Paragraph(child, self.document), self.gap)
                if made:
                    if self.out:
                        self.out[-1].gap_after = self.gap
                    self.out.extend(made)
                    self.gap = False
                else:
                    self.gap = True
                    if self.out:
                        self.out[-1].gap_after = True
                for box in _text_boxes(child):  # text in a text box: paragraphs of their own
                    self._walk(box)
            elif child.tag == f"{_W}tbl":
                table = self._table(Table(child, self.document))
                if table is not None:
                    table.gap_before = True
                    if self.out:
                        self.out[-1].gap_after = True
                    self.out.append(table)
                self.gap = True
                self.levels.reset()

    def _page_furniture(self) -> list[Block]:
        """Page headers and footers: not content, but kept (for 'onherkend') and read for a
        classification stamp ('VERTROUWELIJK' in the header)."""
        out: list[Block] = []
        seen: set[str] = set()
        try:
            sections = list(self.document.sections)
        except Exception:  # a damaged section: the body was read, the pages are no content
            return out
        for section in sections:
            for part in ("first_page_header", "header", "even_page_header", "first_page_footer",
                         "footer", "even_page_footer"):
                try:
                    story = getattr(section, part)
                    if story.is_linked_to_previous:
                        continue
                    element = story._element
                except Exception:  # no such part
                    continue
                for paragraph in element.iter(f"{_W}p"):
                    text = " ".join(paragraph_text(paragraph).split())
                    if has_words(text) and text not in seen:
                        seen.add(text)
                        self.counter += 1
                        out.append(Block("furniture", clean_inline(text, markdown=False),
                                         [self.counter], raw=text))
        return out

    def _paragraph(self, paragraph, gap: bool) -> list[Block]:
        text = normalise_chars(paragraph_text(paragraph._p))
        if not has_words(text):
            return []
        style = paragraph.style.name if paragraph.style is not None else ""
        bold = self._bold(paragraph)
        number = self.counter
        heading = _HEADING_STYLE.match(style)
        outline = paragraph._p.find(f"{_W}pPr/{_W}outlineLvl")
        if heading or style.lower() in ("title", "titel", "subtitle", "ondertitel") \
                or outline is not None:
            if heading:
                level = int(heading.group(1))
            elif outline is not None:
                level = int(outline.get(f"{_W}val", "0")) + 1
            else:
                level = 0 if style.lower() in ("title", "titel") else 1
            self.levels.reset()
            marker, body = parse_markers(" ".join(text.split()))
            return [Block("heading", clean_inline(body, markdown=False), [number], raw=text.strip(),
                          level=level, bold=bold, gap_before=True)]
        num = self._numbering(paragraph, style)
        parts = [p for p in text.split("\n") if has_words(p)]
        blocks = []
        for index, part in enumerate(parts):
            stripped = part.strip()
            if num is not None and index == 0:
                fmt, ilvl, value = num
                marker, body = parse_markers(stripped)  # typed markers inside a list item
                level = ilvl
                blocks.append(Block("item", clean_inline(body, markdown=False), [number],
                                    raw=stripped, level=level,
                                    marker="bullet" if fmt == "bullet" else "number",
                                    number=None if fmt == "bullet" else value,
                                    bold=bold, gap_before=gap))
                continue
            marker, body = parse_markers(stripped)
            if marker is not None:
                indent = self._indent(paragraph)
                key = marker.kind if marker.compound else (marker.kind, indent)
                level = self.levels.level(key, indent)
                blocks.append(Block("item", clean_inline(body, markdown=False), [number],
                                    raw=stripped, level=level, marker=marker.marker,
                                    number=marker.number, bold=bold, gap_before=gap))
            else:
                self.levels.reset()
                blocks.append(Block("para", clean_inline(stripped, markdown=False), [number],
                                    raw=stripped, bold=bold, gap_before=gap or index > 0))
        return blocks

    def _indent(self, paragraph) -> int:
        try:
            indent = paragraph.paragraph_format.left_indent
        except Exception:  # odd units in hand-made files
            return 0
        return int(indent.pt // 18) if indent else 0

    def _numbering(self, paragraph, style: str) -> tuple[str, int, int] | None:
        """(format, level, number) of an automatically numbered or bulleted paragraph."""
        num_id, ilvl = None, 0
        num_pr = paragraph._p.find(f"{_W}pPr/{_W}numPr")
        if num_pr is not None:
            node = num_pr.find(f"{_W}numId")
            num_id = node.get(f"{_W}val") if node is not None else None
            node = num_pr.find(f"{_W}ilvl")
            ilvl = int(node.get(f"{_W}val", "0")) if node is not None else 0
        style_extra = 0
        list_style = _LIST_STYLE.match(style)
        if num_id is None:
            current = paragraph.style
            while current is not None and num_id is None:
                pPr = current.element.pPr
                if pPr is not None and pPr.numPr is not None and pPr.numPr.numId is not None:
                    num_id = str(pPr.numPr.numId.val)
                    if pPr.numPr.ilvl is not None:
                        ilvl = int(pPr.numPr.ilvl.val)
                current = current.base_style
            if list_style and list_style.group(2):
                # 'List Bullet 2' in Word's default template is level 2 by its name.
                style_extra = int(list_style.group(2)) - 1
        if num_id is None or num_id == "0":
            if list_style and list_style.group(1) and list_style.group(1).lower() in (
                    "bullet", "number", "opsommingsteken", "nummering"):
                kind = "bullet" if list_style.group(1).lower() in ("bullet", "opsommingsteken") \
                    else "decimal"
                num_id = f"style:{style}"
                self.formats.setdefault((num_id, 0), (kind, 1))
                style_extra = int(list_style.group(2) or 1) - 1
            else:
                return None
        fmt, start = self.formats.get((num_id, ilvl), ("decimal", 1))
        level = ilvl + style_extra
        # Counters per list and level; a shallower item restarts the deeper counters.
        key = (num_id, ilvl)
        value = self.numbers.get(key, start - 1) + 1
        self.numbers[key] = value
        for other in list(self.numbers):
            if other[0] == num_id and other[1] > ilvl:
                del self.numbers[other]
        return ("bullet" if fmt in ("bullet", "none") else fmt), level, value

    def _bold(self, paragraph) -> bool:
        from docx.text.run import Run

        runs = [Run(r, paragraph) for r in _runs(paragraph._p)]
        runs = [r for r in runs if r.text.strip()]
        if not runs:
            return False
        style_bold = bool(paragraph.style is not None and paragraph.style.font.bold)
        return all(r.bold or (r.bold is None and (style_bold or (
            r.style is not None and r.style.font.bold))) for r in runs)

    def _table(self, table) -> Block | None:
        rows: list[list[str]] = []
        row_lines: list[int] = []
        for row in table.rows:
            self.counter += 1
            cells: list[str] = []
            seen: set[int] = set()
            for cell in row.cells:
                if id(cell._tc) in seen:  # merged cells repeat; read each once
                    continue
                seen.add(id(cell._tc))
                cells.append("\n".join(clean_inline(part, markdown=False)
                                       for part in _cell_lines(cell._tc) if has_words(part)))
            if any(has_words(c) for c in cells):
                rows.append(cells)
                row_lines.append(self.counter)
        if not rows:
            return None
        return Block("table", "", list(row_lines), raw=" | ".join(rows[0]), rows=rows,
                     row_lines=row_lines)


# --- text of Word elements -------------------------------------------------------------------


def _inside(element, tags: set[str], stop) -> bool:
    parent = element.getparent()
    while parent is not None and parent is not stop:
        if parent.tag in tags:
            return True
        parent = parent.getparent()
    return False


_SKIP = {f"{_W}txbxContent", f"{_MC}Fallback", f"{_W}del", f"{_W}moveFrom"}


def _runs(paragraph):
    """The runs of a paragraph wherever Word put them: in hyperlinks, fields, tracked
    insertions, inline content controls; not deleted text, not text boxes."""
    for run in paragraph.iter(f"{_W}r"):
        if not _inside(run, _SKIP | {f"{_W}p"}, paragraph):
            yield run


def paragraph_text(paragraph) -> str:
    """What a reader sees of a paragraph: text, tabs and line breaks of all its runs."""
    parts: list[str] = []
    for run in _runs(paragraph):
        for node in run.iterchildren():
            tag = node.tag
            if tag == f"{_W}t":
                parts.append(node.text or "")
            elif tag == f"{_W}tab":
                parts.append("\t")
            elif tag in (f"{_W}br", f"{_W}cr"):
                parts.append("\n")
            elif tag == f"{_W}noBreakHyphen":
                parts.append("-")
    return "".join(parts).replace("\r", "\n")


def _text_boxes(paragraph):
    """Text boxes anchored in a paragraph (the modern copy only, not the VML fallback)."""
    for box in paragraph.iter(f"{_W}txbxContent"):
        if not _inside(box, {f"{_MC}Fallback", f"{_W}txbxContent"}, paragraph):
            yield box


def _cell_lines(cell) -> list[str]:
    """Lines of a table cell: its paragraphs, and the rows of a table nested in it."""
    lines: list[str] = []
    for child in cell.iterchildren():
        if child.tag in _BLOCK_WRAPPERS:
            lines.extend(_cell_lines(child))
        elif child.tag == f"{_W}p":
            lines.extend(paragraph_text(child).split("\n"))
        elif child.tag == f"{_W}tbl":
            for row in child.iter(f"{_W}tr"):
                cells = [" ".join(" ".join(_cell_lines(tc)).split())
                         for tc in row.iterchildren(f"{_W}tc")]
                lines.append(" | ".join(c for c in cells if c))
    return lines
