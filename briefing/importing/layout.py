"""The page layout of text exports (PDF to text, Word to text): page furniture (running
headers and footers, page numbers) and hard-wrapped lines.

Both are judged on the whole file before any structure is read: a running header is a
line that comes back at every page boundary, a hard wrap is a line that ends where the
next line's first word would not have fitted."""

from __future__ import annotations

import bisect
import re

# 'Pagina 2 van 5', 'pag. 2', 'blz. 3', 'Page 2 of 5', '- 2 -'; alone on a line also '2/5'.
_PAGE_WORDED = (r"(?:(?:pagina|pag\.?|blz\.?|page)\s*\d{1,3}(?:\s*(?:van|/|of)\s*\d{1,3})?"
                r"|[-–]\s*\d{1,3}\s*[-–])")
_PAGE_LINE = re.compile(rf"^\s*(?:{_PAGE_WORDED}|\d{{1,3}}\s*(?:/|van)\s*\d{{1,3}})\s*$",
                        re.IGNORECASE)
# A page number beside a footer's text, after a column gap: 'Titel        Pagina 2 van 5'.
_GAP = r"(?:\s{3,}|\t|\s+[|·•]\s+)"
_PAGE_TAIL = re.compile(rf"{_GAP}{_PAGE_WORDED}\s*$", re.IGNORECASE)
_PAGE_HEAD = re.compile(rf"^\s*{_PAGE_WORDED}{_GAP}", re.IGNORECASE)
_BARE_NUMBER = re.compile(r"^\s*(\d{1,3})\s*$")
_RUNNING_MAX_WORDS = 15
_NEAR = 3  # non-blank lines between a page boundary and a running header or footer


def _key(line: str) -> str:
    """A running line compared without its page number, digits and spacing."""
    return re.sub(r"\d+", "#", " ".join(line.split()).lower())


def page_furniture(lines: list[str]) -> set[int]:
    """Line numbers (1-based) of page numbers, running headers and running footers."""
    marks: set[int] = set()     # lines that are (or end in) a page number
    breaks: set[int] = set()    # lines that start a page (form feed)
    for number, line in enumerate(lines, start=1):
        if "\f" in line:
            breaks.add(number)
        text = line.replace("\f", "")
        if not text.strip():
            continue
        # A page number is short: only the ends of a line are searched (also keeps a line
        # of thousands of spaces from costing quadratic time).
        if _PAGE_LINE.match(text[:80]) and len(text.strip()) <= 40 or \
                _PAGE_TAIL.search(text.rstrip()[-60:]) or _PAGE_HEAD.match(text.lstrip()[:60]):
            marks.add(number)
    marks |= _bare_page_numbers(lines)
    furniture = set(marks)
    content = [n for n, line in enumerate(lines, start=1) if line.replace("\f", "").strip()]
    if not content:
        return furniture
    position = {n: index for index, n in enumerate(content)}
    boundaries = {position[n] for n in marks if n in position}
    for n in breaks:  # a form feed (perhaps on a blank line): the page starts at the next line
        index = bisect.bisect_left(content, n)
        if index < len(content):
            boundaries.add(index)
    if len(boundaries) < 2:
        return furniture  # one page: nothing runs
    boundaries |= {0, len(content) - 1}
    ordered = sorted(boundaries)
    occurrences: dict[str, list[int]] = {}
    for index, n in enumerate(content):
        text = lines[n - 1].replace("\f", "")
        if len(text.split()) <= _RUNNING_MAX_WORDS:
            occurrences.setdefault(_key(text), []).append(index)
    for key, indices in occurrences.items():
        if len(indices) < 2 or sum(c.isalpha() for c in key) < 3:
            continue
        # Each occurrence at its own page boundary: a line repeated within one page is content.
        nearest = [_nearest(i, ordered) for i in indices]
        if None not in nearest and len(set(nearest)) == len(nearest):
            furniture.update(content[i] for i in indices)
    return furniture


def _nearest(index: int, ordered: list[int]) -> int | None:
    """The page boundary within reach of a content line, if any."""
    at = bisect.bisect_left(ordered, index)
    near = [ordered[j] for j in (at - 1, at) if 0 <= j < len(ordered)
            and abs(index - ordered[j]) <= _NEAR]
    return min(near, key=lambda b: abs(index - b)) if near else None


def _bare_page_numbers(lines: list[str]) -> set[int]:
    """Bare numbers alone between blank lines that count up through the file: page numbers."""
    found: list[tuple[int, int]] = []
    for number, line in enumerate(lines, start=1):
        m = _BARE_NUMBER.match(line.replace("\f", ""))
        if not m:
            continue
        before = lines[number - 2] if number >= 2 else ""
        after = lines[number] if number < len(lines) else ""
        if before.strip() and after.strip():
            continue
        found.append((number, int(m.group(1))))
    values = [v for _, v in found]
    if len(found) >= 2 and values == sorted(values) and len(set(values)) == len(values):
        return {n for n, _ in found}
    return set()


def wrap_width(lines: list[str]) -> int | None:
    """The width a text export was hard-wrapped at, or None when lines run to their
    paragraph's end (as in most exports, and in markdown)."""
    lengths = sorted(len(line.rstrip()) for line in lines if len(line.split()) >= 4)
    if len(lengths) < 6:
        return None
    width = lengths[int(len(lengths) * 0.95) - 1] if len(lengths) >= 20 else lengths[-1]
    if width > 130 or width < 40:
        return None
    full = sum(1 for n in lengths if n >= width * 0.8)
    return width if full >= max(4, len(lengths) // 3) else None


def wrapped(previous_line: str, next_text: str, width: int | None) -> bool:
    """Whether previous_line ended only because the next line's first word did not fit."""
    if not width or not next_text.strip():
        return False
    length = len(previous_line.rstrip())
    first = next_text.split()[0]
    return length >= width * 0.6 and length + 1 + len(first) > width - 2
