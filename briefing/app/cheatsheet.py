"""The spiekbriefje: lines pinned during a meeting, in the adviser's order, saved as Markdown.

Plain Python (no Textual)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from briefing.app.marking import highest, marked_line
from briefing.fileio import write_atomic


@dataclass(frozen=True)
class Pin:
    text: str
    card_id: str
    card_title: str
    dossier_title: str
    marking: str | None = None     # '[GEHEIM]' etc. when the dossier is not openbaar
    dossier_id: str = ""

    @property
    def marked_text(self) -> str:
        """The line as it may travel: with its marking in front."""
        return marked_line(self.text, self.marking)


@dataclass
class Cheatsheet:
    pins: list[Pin] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.pins)

    def add(self, pin: Pin) -> bool:
        """Pin a line; False when the same line is already pinned."""
        if any(p.text == pin.text and p.card_id == pin.card_id for p in self.pins):
            return False
        self.pins.append(pin)
        return True

    def move(self, index: int, delta: int) -> int:
        """Move a pin up (-1) or down (+1); returns its new index."""
        if not 0 <= index < len(self.pins):
            return index
        target = max(0, min(len(self.pins) - 1, index + delta))
        pin = self.pins.pop(index)
        self.pins.insert(target, pin)
        return target

    def remove(self, index: int) -> Pin | None:
        if 0 <= index < len(self.pins):
            return self.pins.pop(index)
        return None

    def clear(self) -> int:
        count = len(self.pins)
        self.pins.clear()
        return count

    @property
    def marking(self) -> str | None:
        """The highest marking of the pinned lines ('[GEHEIM]'), or None when all are openbaar."""
        return highest([p.marking for p in self.pins])

    def to_markdown(self, when: datetime | None = None, dossier: str | None = None) -> str:
        """Markdown with the pinned lines in order, each with the card it came from; the
        highest marking stands at the top and the bottom, and each line carries its own."""
        lines = []
        top = self.marking
        if top:
            lines += [f"**{top}** Dit spiekbriefje bevat tekst uit een dossier dat niet "
                      "openbaar is.", ""]
        lines += ["# Spiekbriefje", ""]
        meta = []
        if dossier:
            meta.append(f"Dossier: {dossier}")
        if when is not None:
            meta.append(f"Opgeslagen: {when:%Y-%m-%d %H:%M}")
        if meta:
            lines += [f"_{' · '.join(meta)}_", ""]
        for pin in self.pins:
            lines.append(f"- {_one_line(pin.marked_text)}")
            source = f"{_one_line(pin.card_title)} — {_one_line(pin.dossier_title)}"
            lines.append(f"  <sub>{source}</sub>")
        if top:
            lines += ["", f"**{top}**"]
        return "\n".join(lines).rstrip() + "\n"

    def save(self, folder: Path, when: datetime, dossier: str | None = None) -> Path:
        """Write the Markdown atomically to a new file in folder (never overwrites one)."""
        text = self.to_markdown(when, dossier)
        stem = f"spiekbriefje-{when:%Y-%m-%d-%H%M}"
        for n in range(1, 1000):
            path = folder / (f"{stem}.md" if n == 1 else f"{stem}-{n}.md")
            try:
                write_atomic(path, text, overwrite=False)
                return path
            except FileExistsError:
                continue
        raise FileExistsError(folder / f"{stem}.md")


def _one_line(text: str) -> str:
    return " ".join(text.split())
