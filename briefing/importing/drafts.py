"""Drafts the recogniser fills while reading: line trees with nesting, questions with
their askers, themes and asker groups."""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing.importing.names import Asker
from briefing.model.dossier import Line


# --- line trees ------------------------------------------------------------------------------


@dataclass
class Node:
    text: str
    sub: list[Node] = field(default_factory=list)

    def line(self) -> Line:
        return Line(text=self.text, sub=[s.line() for s in self.sub])


class Lines:
    """Lines with nesting from list levels: a deeper item becomes a sub-line of the last
    shallower one. Level -1 is a label line ('Zuidoost', 'Een paar voorbeelden:') that
    takes the list after it as its sub-lines."""

    def __init__(self) -> None:
        self.roots: list[Node] = []
        self.stack: list[tuple[int, Node]] = []

    def add(self, text: str, level: int) -> None:
        node = Node(text)
        while self.stack and self.stack[-1][0] >= level:
            self.stack.pop()
        if self.stack:
            self.stack[-1][1].sub.append(node)
        else:
            self.roots.append(node)
        self.stack.append((level, node))

    def close(self) -> None:
        self.stack.clear()

    def __len__(self) -> int:
        return sum(len(n.line().flatten()) for n in self.roots)

    def lines(self) -> list[Line]:
        return [n.line() for n in self.roots]


@dataclass
class Segment:
    asker: Asker
    text: list[str] = field(default_factory=list)


@dataclass
class DraftQuestion:
    number: int | None
    line: int
    segments: list[Segment] = field(default_factory=list)
    answer: Lines = field(default_factory=Lines)
    pressed: Lines = field(default_factory=Lines)
    notes: list[str] = field(default_factory=list)
    state: str = "ask"          # ask | answer | pressed
    answer_numbers: list[int] = field(default_factory=list)
    by_label: bool = False      # opened by a 'Vraag N' line: asker lines may follow
    item_level: int | None = None  # a bullet that is a question: answers are deeper bullets

    @property
    def has_text(self) -> bool:
        return any(s.text for s in self.segments)


@dataclass
class DraftTheme:
    title: str
    level: int | None
    lines: Lines = field(default_factory=Lines)
    blocks: int = 0


@dataclass
class AskerGroup:
    askers: list[Asker]
    line: int
    questions: int = 0
    template_items: int = 0

