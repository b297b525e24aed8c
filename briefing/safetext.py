"""Text that is safe to show: knowledge text, file names and recorded queries never drive the
terminal (or the app).

Knowledge files, imported documents, file names and caches are untrusted. A YAML string such as
"\\e]52;c;...\\a" decodes to an OSC 52 sequence that writes the clipboard; "\\e]8;;URL" makes a
hidden link; "\\e[2J" clears the screen; U+202E (right-to-left override) shows text in another
order than it is stored. `printable` removes all of that and keeps the readable text:

- whole escape sequences (CSI, OSC, DCS, SOS, PM, APC, and two-character ESC sequences), in
  their 7-bit (ESC ...) and 8-bit (C1) forms, so no payload is left behind as garbage;
- every other C0 control character except tab and newline; carriage return, vertical tab and
  form feed become a space (Word uses vertical tab as a manual line break between words);
- DEL and the C1 controls (U+0080..U+009F);
- the bidi embeddings, overrides and isolates (U+202A..U+202E, U+2066..U+2069). Plain direction
  marks (U+200E, U+200F, U+061C) stay: they cannot reorder text.

Pure functions without imports from the rest of briefing: the model, the commands, the importer
and the app all use them."""

from __future__ import annotations

import re
from typing import Any

# One alternation, tried left to right at every position:
_SEQUENCE = re.compile(
    # CSI: ESC [ or C1 CSI, parameter bytes, intermediate bytes, one final byte.
    r"(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?"
    # OSC, DCS, SOS, PM, APC (7-bit or C1): a string up to BEL or ST (ESC \ or C1 ST). An
    # unterminated string ends at the line end, so one bad line never swallows the next ones.
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"
    # Any other escape: ESC, intermediate bytes, one final byte (ESC c resets the terminal).
    r"|\x1b[\x20-\x2f]*[\x30-\x7e]?"
)
_SPACE_LIKE = re.compile(r"[\r\x0b\x0c]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Anything printable() would change: a cheap test before doing the work.
_ANY = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """text without escape sequences, control characters (tab and newline stay) and bidi
    overrides; safe to print to a terminal or show in the app."""
    if not _ANY.search(text):
        return text
    text = _SEQUENCE.sub("", text)
    text = _SPACE_LIKE.sub(" ", text)
    return _CONTROL.sub("", text)


def printable_data(value: Any) -> Any:
    """printable() applied to every string (keys too) in nested dicts, lists and tuples; other
    values unchanged. For JSON output and for cleaning parsed data."""
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, dict):
        return {printable_data(k): printable_data(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(printable_data(v) for v in value)
    return value


def has_controls(text: str) -> bool:
    """True when printable() would change text."""
    return bool(_ANY.search(text))


def describe_controls(text: str, limit: int = 3) -> str:
    """A short Dutch description of what printable() would remove, for `check`:
    'escape-reeks, U+0007' (the first few kinds, in order of appearance)."""
    found: list[str] = []
    for match in _ANY.finditer(text):
        char = match.group()
        if char in "\x1b\x9b\x9d":
            name = "escape-reeks"
        elif "\u202a" <= char <= "\u202e" or "\u2066" <= char <= "\u2069":
            name = f"richtingsteken U+{ord(char):04X}"
        else:
            name = f"U+{ord(char):04X}"
        if name not in found:
            found.append(name)
        if len(found) > limit:
            break
    more = ", ..." if len(found) > limit else ""
    return ", ".join(found[:limit]) + more
