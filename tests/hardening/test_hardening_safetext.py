"""printable(): no escape sequence, control character or bidi override survives; text does."""

from __future__ import annotations

import pytest

from briefing.safetext import describe_controls, has_controls, printable, printable_data

ESC = "\x1b"


@pytest.mark.parametrize("hostile, expected", [
    # OSC 52: writes the clipboard; the payload must go too.
    (f"voor {ESC}]52;c;aGFjaw==\x07 na", "voor  na"),
    (f"voor {ESC}]52;c;aGFjaw=={ESC}\\ na", "voor  na"),
    # OSC 8: a hidden link; the visible text stays.
    (f"{ESC}]8;;http://evil.example{ESC}\\klik{ESC}]8;;{ESC}\\", "klik"),
    # CSI: clear screen, colours, cursor movement.
    (f"a{ESC}[2Jb{ESC}[31;1mc{ESC}[0m{ESC}[10;10H", "abc"),
    # 8-bit (C1) CSI and OSC.
    ("a\x9b2Jb\x9d52;c;eA==\x07c", "abc"),
    # Other escapes: reset, charset.
    (f"a{ESC}cb{ESC}(Bc", "abc"),
    # C0 controls: bell and backspace go; CR, VT and FF become a space; tab and newline stay.
    ("a\x07b\x08c", "abc"),
    ("a\rb\x0bc\x0cd", "a b c d"),
    ("a\tb\nc", "a\tb\nc"),
    # DEL and C1.
    ("a\x7fb\x85c", "abc"),
    # Bidi overrides and isolates (Trojan Source); plain direction marks stay.
    ("abc\u202edef\u202c", "abcdef"),
    ("a\u2066b\u2069c", "abc"),
    ("naam \u200f", "naam \u200f"),
    # An unterminated OSC ends at the line end: the next line survives.
    (f"a{ESC}]52;c;xxx\nvolgende regel", "a\nvolgende regel"),
    # Ordinary Dutch and other scripts are untouched.
    ("Één café, €1.000 — ‘citaat’ 😀 الشرطة", "Één café, €1.000 — ‘citaat’ 😀 الشرطة"),
])
def test_printable_removes_what_drives_a_terminal(hostile, expected):
    cleaned = printable(hostile)
    assert cleaned == expected
    assert not has_controls(cleaned)
    assert printable(cleaned) == cleaned


def test_printable_data_cleans_nested_strings_and_keys():
    data = {"a\x1b[2J": [f"x{ESC}]52;c;eA==\x07", ("y\x07", 3)], "n": None}
    assert printable_data(data) == {"a": ["x", ("y", 3)], "n": None}


def test_describe_controls_names_what_it_found():
    assert describe_controls(f"{ESC}]52;c;x\x07 \u202e") == \
        "escape-reeks, U+0007, richtingsteken U+202E"
    assert describe_controls("gewone tekst") == ""
