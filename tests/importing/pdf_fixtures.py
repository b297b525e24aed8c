"""Print a text to PDF as a word processor would, without any PDF library: A4 pages,
Helvetica 10 pt, long lines wrapped at the right margin (a bullet's wrapped lines hang
under its text), blank lines as space, a running header and 'Pagina N van M' on every
page. Enough to test the PDF reader on the seeds and real texts."""

from __future__ import annotations

import re
from pathlib import Path

PAGE_W, PAGE_H = 595, 842
LEFT, RIGHT, TOP, BOTTOM = 72, 523, 770, 72
SIZE, LEADING = 10, 13
# Helvetica's advance widths (1/1000 em, from its AFM) for ASCII; accented letters as their
# base letter, anything else 556.
_ASCII = [278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556,
          556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667,
          667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722,
          667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500,
          556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278,
          556, 500, 722, 500, 500, 500, 334, 260, 334, 584]
_OTHER = {"’": 222, "‘": 222, "“": 333, "”": 333, "–": 556, "—": 1000, "ï": 278, "ç": 500,
          "É": 667}
_BULLET = re.compile(r"^(\s*(?:[-•*–]|\d{1,2}[.)]|[a-z][.)])\s+)")


def _advance(char: str) -> int:
    if " " <= char <= "~":
        return _ASCII[ord(char) - 32]
    return _OTHER.get(char, 556)


def width(text: str) -> float:
    return sum(_advance(c) for c in text) * SIZE / 1000


def _wrap(line: str) -> list[tuple[float, str]]:
    """(x, text) per printed line: wrapped at the margin, bullets with a hanging indent."""
    indent = len(line) - len(line.lstrip())
    body = line.strip()
    marker = _BULLET.match(body)
    x = LEFT + indent * 6
    hang = x + (width(marker.group(1)) if marker else 0)
    out, current, start = [], "", x
    for word in body.split():
        candidate = f"{current} {word}" if current else word
        if current and start + width(candidate) > RIGHT:
            out.append((start, current))
            current, start = word, hang
        else:
            current = candidate
    if current:
        out.append((start, current))
    return out


def _escape(text: str) -> bytes:
    # Bullets outside WinAnsi (Word's Wingdings arrows and checks) print as a plain bullet.
    text = "".join(c if c.encode("cp1252", errors="ignore") else "•" for c in text)
    raw = text.encode("cp1252", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def pages_of(text: str) -> list[list[tuple[float, float, str]]]:
    """(x, y, text) per page, body only."""
    pages: list[list[tuple[float, float, str]]] = [[]]
    y = TOP
    for line in text.replace("\f", "\n").split("\n"):
        if not line.strip():
            y -= LEADING * 0.8
            continue
        for x, part in _wrap(line):
            if y < BOTTOM + LEADING:
                pages.append([])
                y = TOP
            pages[-1].append((x, y, part))
            y -= LEADING
    return [p for p in pages if p] or [[]]


def write_pdf(text: str, path: Path, header: str = "Gemeente Amsterdam",
              word_gaps: bool = False) -> Path:
    """word_gaps: every word is placed on its own, spaces are only gaps (as many PDF
    producers do), so the reader must infer them."""
    pages = pages_of(text)
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
               b"/Encoding /WinAnsiEncoding >>")
    kids = []
    pages_ref = len(objects) + 1 + 2 * len(pages)  # the Pages object comes after the pages
    for number, lines in enumerate(pages, start=1):
        stream = [b"BT /F1 %d Tf" % SIZE]
        furniture = [(LEFT, PAGE_H - 40, header),
                     (RIGHT - 70, 40, f"Pagina {number} van {len(pages)}")]
        for x, y, part in furniture + lines:
            if not word_gaps:
                stream.append(b"1 0 0 1 %.2f %.2f Tm (%s) Tj" % (x, y, _escape(part)))
                continue
            for word in part.split(" "):
                stream.append(b"1 0 0 1 %.2f %.2f Tm (%s) Tj" % (x, y, _escape(word)))
                x += width(word + " ")
        stream.append(b"ET")
        data = b"\n".join(stream)
        content = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(data), data))
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
                        b"/Resources << /Font << /F1 %d 0 R >> >> >>"
                        % (pages_ref, PAGE_W, PAGE_H, content, font)))
    assert add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids), len(kids))) == pages_ref
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_ref)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for index, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (index, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, catalog, xref)
    path.write_bytes(bytes(out))
    return path
