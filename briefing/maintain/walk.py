"""Walk the text of a dossier with the YAML path of every piece, so findings get line numbers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from briefing.model.dossier import Dossier, Line

# Kinds of text. Spoken lines are what the alderman may read out.
ANSWER = "antwoord"
IF_PRESSED = "doorvragen"
CORE = "kernboodschap"
THEME = "thema"
FACT = "feit"
QUESTION = "vraag"
VARIANT = "variant"
META = "kop"
NOTE = "notitie"
OPEN_POINT = "open punt"

SPOKEN = frozenset({ANSWER, IF_PRESSED, CORE})
LINES = frozenset({ANSWER, IF_PRESSED, CORE, THEME, FACT})


@dataclass(frozen=True)
class Text:
    """One piece of text in a dossier: its kind, YAML path, text and a Dutch description."""

    kind: str
    loc: tuple
    text: str
    label: str
    question: int | None = None  # index in dossier.questions, when the text belongs to one


def walk_lines(lines: list[Line], base: tuple, kind: str, label: str,
               question: int | None = None) -> Iterator[Text]:
    """Every line and sub-line; the path points at `tekst` when the line is a mapping
    (SourceMap falls back to the item itself when it is a plain string)."""
    for index, line in enumerate(lines):
        number = f"{index + 1}"
        yield Text(kind, base + (index, "tekst"), line.text, f"{label} {number}", question)
        if line.sub:
            yield from walk_lines(line.sub, base + (index, "sub"), kind,
                                  f"{label} {number}, subregel", question)


def walk_dossier(dossier: Dossier) -> Iterator[Text]:
    """All content of a dossier in reading order. Leaves out `bron`, `redacties` and
    `onherkend` (source bookkeeping, not content)."""
    yield Text(META, ("titel",), dossier.title, "titel")
    if dossier.requested_decision:
        yield Text(META, ("gevraagd_besluit",), dossier.requested_decision, "gevraagd besluit")
    if dossier.note:
        yield Text(NOTE, ("notitie",), dossier.note, "notitie")
    yield from walk_lines(dossier.core_message, ("kernboodschap",), CORE, "kernboodschap, regel")
    for ti, theme in enumerate(dossier.themes):
        yield Text(THEME, ("themas", ti, "titel"), theme.title, f"titel van thema '{theme.title}'")
        yield from walk_lines(theme.lines, ("themas", ti, "regels"), THEME,
                              f"thema '{theme.title}', regel")
    for qi, question in enumerate(dossier.questions):
        name = question_label(question, qi)
        yield Text(QUESTION, ("vragen", qi, "vraag"), question.question, f"{name}, vraagtekst", qi)
        for vi, variant in enumerate(question.variants):
            yield Text(VARIANT, ("vragen", qi, "varianten", vi, "vraag"), variant.question,
                       f"{name}, variant {vi + 1}", qi)
        yield from walk_lines(question.answer, ("vragen", qi, "antwoord"), ANSWER,
                              f"{name}, antwoordregel", qi)
        yield from walk_lines(question.if_pressed, ("vragen", qi, "doorvragen"), IF_PRESSED,
                              f"{name}, doorvraagregel", qi)
        if question.note:
            yield Text(NOTE, ("vragen", qi, "notitie"), question.note, f"{name}, notitie", qi)
    yield from walk_lines(dossier.facts, ("feiten",), FACT, "feit")
    for pi, point in enumerate(dossier.open_points):
        yield Text(OPEN_POINT, ("open_punten", pi), point, f"open punt {pi + 1}")


def question_label(question, index: int) -> str:
    """'vraag 3' by its number, else by its position in the file."""
    if question.number is not None:
        return f"vraag {question.number}"
    return f"vraag {index + 1} (zonder nummer)"


def excerpt(text: str, words: int = 8) -> str:
    """The first few words, for a message that must say which line is meant."""
    parts = text.split()
    short = " ".join(parts[:words])
    return f"'{short}…'" if len(parts) > words else f"'{short}'"
