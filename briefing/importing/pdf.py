"""PDF documents -> the text of their pages, laid out as a text export would be, then read
like any text file (plaintext.py). Read with pypdf (pure Python, pinned): its text keeps
line-end hyphens ('helm- en kentekenplicht') and finds word gaps; see docs/import.md for
the measurements behind the choice.

Per page the text pieces are placed by position: lines top to bottom, a blank line where
the gap between lines is larger than the leading, indentation from the left edge, a form
feed between pages. Running headers and footers (a line in the top or bottom band of the
page that comes back on other pages, or a page number) are page furniture: kept for
'onherkend', never content. A PDF without a text layer (a scan) is read through OCR
(ocrmypdf with Tesseract's Dutch data) when that is installed; otherwise the message says
what to install."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from briefing.importing.blocks import ReadError

MAX_PAGES = 300
# Less than this many letters per page on average: no text layer (a scanned document).
MIN_LETTERS_PER_PAGE = 40
_BAND = 0.09          # top and bottom share of the page where running headers and footers live
OCR_INSTALL = ("installeer OCR (Tesseract met Nederlandse taaldata) en probeer opnieuw: "
               "sudo apt-get install ocrmypdf tesseract-ocr-nld")


@dataclass
class Line:
    page: int
    x: float
    y: float
    size: float
    text: str
    bold: bool = False


def read_pdf_text(path: Path) -> tuple[str, set[int]]:
    """The document's text (a form feed starts each page) and the line numbers of its page
    furniture."""
    lines, pages = _lines(path)
    if sum(sum(c.isalpha() for c in line.text) for line in lines) < \
            MIN_LETTERS_PER_PAGE * max(1, pages):
        with tempfile.TemporaryDirectory(prefix="briefing-ocr-") as folder:
            lines, pages = _lines(_ocr(path, Path(folder)))
        if not any(line.text.strip() for line in lines):
            raise ReadError(f"{path.name}: deze PDF is een scan en OCR vond er geen tekst in")
    return layout_text(lines)


def _reader(path: Path):
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError:  # pragma: no cover - pypdf is a pinned dependency
        raise ReadError(f"{path.name}: PDF lezen kan niet (pypdf ontbreekt)") from None
    try:
        reader = PdfReader(str(path), strict=False)
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise ReadError(f"{path.name}: deze PDF is beveiligd met een wachtwoord; "
                                    "sla hem zonder beveiliging op en probeer opnieuw")
            except ReadError:
                raise
            except Exception:
                raise ReadError(f"{path.name}: deze PDF is versleuteld en kan niet gelezen "
                                "worden; sla hem zonder beveiliging op") from None
        return reader
    except ReadError:
        raise
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise ReadError(f"{path.name}: PDF-bestand is beschadigd of onleesbaar "
                        f"({type(exc).__name__})") from None


def _lines(path: Path) -> tuple[list[Line], int]:
    reader = _reader(path)
    try:
        pages = reader.pages
        count = len(pages)
    except Exception as exc:  # a broken page tree
        raise ReadError(f"{path.name}: PDF-bestand is beschadigd of onleesbaar "
                        f"({type(exc).__name__})") from None
    if count > MAX_PAGES:
        raise ReadError(f"{path.name}: de PDF heeft {count} pagina's (meer dan {MAX_PAGES}); "
                        "is dit wel één document?")
    out: list[Line] = []
    for number, page in enumerate(pages, start=1):
        try:
            out.extend(_page_lines(page, number))
        except Exception as exc:  # one unreadable page: the rest still counts
            raise ReadError(f"{path.name}: pagina {number} van de PDF is onleesbaar "
                            f"({type(exc).__name__})") from None
    return out, count


def _page_lines(page, number: int) -> list[Line]:
    pieces: list[tuple[float, float, float, str, bool]] = []

    def visit(text, cm, tm, font, size):
        if not text or not text.strip("\n"):
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = (abs(tm[3] * cm[3]) or 1.0) * (size or 0)
        name = str(font.get("/BaseFont", "")) if hasattr(font, "get") else ""
        pieces.append((x, y, scale, text.replace("\n", " "), bool(re.search(r"(?i)bold|black|heavy", name))))

    page.extract_text(visitor_text=visit)
    rows: dict[int, list[tuple[float, float, float, str, bool]]] = {}
    for piece in pieces:
        key = next((k for k in rows if abs(k - piece[1]) <= 2), round(piece[1]))
        rows.setdefault(key, []).append(piece)
    lines = []
    for y in sorted(rows, reverse=True):
        row = sorted(rows[y], key=lambda p: p[0])
        text = " ".join("".join(p[3] for p in row).split())
        if text:
            lines.append(Line(number, row[0][0], y, max(p[2] for p in row) or 10.0, text,
                              all(p[4] for p in row)))
    return lines


def layout_text(lines: list[Line]) -> tuple[str, set[int]]:
    """The lines as a text export: blank lines for vertical space, indentation, a form feed
    at each new page; and which output lines are running headers, footers or page numbers."""
    furniture_keys = _running(lines)
    left = min((line.x for line in lines), default=0.0)
    gaps = Counter(round(a.y - b.y) for a, b in zip(lines, lines[1:])
                   if a.page == b.page and 0 < a.y - b.y < 3 * a.size)
    leading = gaps.most_common(1)[0][0] if gaps else 12
    out: list[str] = []
    furniture: set[int] = set()
    previous: Line | None = None
    for line in lines:
        prefix = ""
        if previous is not None and line.page != previous.page:
            prefix = "\f"
        elif previous is not None and previous.y - line.y > leading * 1.4:
            out.append("")
        indent = " " * max(0, round((line.x - left) / max(line.size * 0.5, 1)))
        text = f"**{line.text}**" if line.bold and len(line.text.split()) <= 12 else line.text
        out.append(prefix + indent + text)
        if _key(line) in furniture_keys.get(line.page, set()):
            furniture.add(len(out))
        previous = line
    return "\n".join(out) + "\n", furniture


def _key(line: Line) -> str:
    return re.sub(r"\d+", "#", " ".join(line.text.lower().split()))


_PAGE_NUMBER = re.compile(r"(?i)^(?:pagina|pag\.?|blz\.?|page)?\s*#(?:\s*(?:van|/|of)\s*#)?$")


def _running(lines: list[Line]) -> dict[int, set[str]]:
    """Per page, the keys of lines in the top or bottom band that recur on another page in
    the same band (or are a page number there): running headers and footers."""
    by_page: dict[int, list[Line]] = {}
    for line in lines:
        by_page.setdefault(line.page, []).append(line)
    bands: dict[int, list[str]] = {}
    for page, page_lines in by_page.items():
        top = max(line.y for line in page_lines)
        bottom = min(line.y for line in page_lines)
        height = max(top - bottom, 1.0)
        # The page's own extent is not known here; the band is a share of the text's height
        # plus two lines, so a letter's first lines are not mistaken for a header.
        band = max(height * _BAND, 2.5 * max(line.size for line in page_lines))
        bands[page] = [_key(line) for line in page_lines
                       if line.y >= top - band or line.y <= bottom + band]
    seen = Counter(key for keys in bands.values() for key in set(keys))
    return {page: {key for key in keys if (seen[key] >= 2 and len(by_page) >= 2) or
                   _PAGE_NUMBER.match(key)}
            for page, keys in bands.items()}


def _ocr(path: Path, folder: Path) -> Path:
    """A copy of the PDF with a text layer from OCR (Dutch), or a ReadError saying what
    to install."""
    ocrmypdf = shutil.which("ocrmypdf")
    tesseract = shutil.which("tesseract")
    if not ocrmypdf or not tesseract:
        raise ReadError(f"{path.name}: deze PDF heeft geen tekstlaag (een scan); {OCR_INSTALL}")
    try:
        languages = subprocess.run([tesseract, "--list-langs"], capture_output=True, text=True,
                                   timeout=60).stdout.split()
    except (OSError, subprocess.SubprocessError):
        languages = []
    if "nld" not in languages:
        raise ReadError(f"{path.name}: deze PDF heeft geen tekstlaag (een scan) en Tesseract "
                        f"mist de Nederlandse taaldata; {OCR_INSTALL}")
    target = folder / "ocr.pdf"
    try:
        # Tesseract's own limit per page (default 180 s) would silently leave a page without
        # text on a busy machine: the whole run has one limit instead.
        result = subprocess.run([ocrmypdf, "-l", "nld", "--force-ocr", "--output-type", "pdf",
                                 "--tesseract-timeout", "900", "--quiet", str(path), str(target)],
                                capture_output=True, text=True, timeout=900,
                                stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        raise ReadError(f"{path.name}: OCR duurde langer dan 15 minuten; niets geïmporteerd") \
            from None
    except OSError as exc:
        raise ReadError(f"{path.name}: OCR kon niet starten ({exc.strerror or exc})") from None
    if result.returncode != 0 or not target.is_file():
        reason = (result.stderr.strip().splitlines() or ["onbekende fout"])[-1][:200]
        raise ReadError(f"{path.name}: OCR is mislukt ({reason})")
    return target
