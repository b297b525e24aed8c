"""A meeting survives a restart: the questions asked, the pinned lines and the active dossier,
kept in `vergadering.json` in the data folder as they change.

Only what the adviser typed and chose is kept for the conversation (the question, its follow-up
context, the card chosen); at the next start the questions are searched again in the knowledge
base as it is then, so no stale or since-embargoed text comes back from the file. Pinned lines
are kept as text, each with its marking, and the file carries the highest marking at the top.
The file is untrusted when read back: anything odd is dropped, never a crash.
Plain Python (no Textual)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from briefing.app.cheatsheet import Pin
from briefing.app.marking import highest
from briefing.fileio import write_atomic
from briefing.safetext import printable

MEETING_FILE = "vergadering.json"
VERSION = 1
# Bounds for reading the file back: a meeting has tens of questions, not thousands.
MAX_BYTES = 2_000_000
MAX_ITEMS = 500
MAX_TEXT = 5_000


@dataclass(frozen=True)
class AskedQuestion:
    query: str                     # as typed, with @-filters
    context: str | None = None     # the topic it followed up on
    card_id: str | None = None     # the card shown (an alternative when the adviser chose one)


@dataclass
class Meeting:
    active_dossier: str | None = None
    questions: list[AskedQuestion] = field(default_factory=list)
    pins: list[Pin] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.active_dossier or self.questions or self.pins)

    def to_json(self) -> str:
        marking = highest([p.marking for p in self.pins])
        data = {
            # First key, so a glance at the file (or a grep) shows what it holds.
            "markering": marking or "openbaar",
            "versie": VERSION,
            "actief_dossier": self.active_dossier,
            "vragen": [{"vraag": q.query, "vervolg_op": q.context, "kaart": q.card_id}
                       for q in self.questions],
            "spiekbriefje": [{"markering": p.marking, "tekst": p.text, "kaart": p.card_id,
                              "kaart_titel": p.card_title, "dossier": p.dossier_id,
                              "dossier_titel": p.dossier_title} for p in self.pins],
        }
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def meeting_path(data_dir: Path) -> Path:
    return data_dir / MEETING_FILE


def save_meeting(data_dir: Path, meeting: Meeting) -> None:
    """Write atomically; an empty meeting removes the file (nothing to keep)."""
    path = meeting_path(data_dir)
    if meeting.is_empty:
        path.unlink(missing_ok=True)
        return
    write_atomic(path, meeting.to_json())


def clear_meeting(data_dir: Path) -> None:
    meeting_path(data_dir).unlink(missing_ok=True)


def load_meeting(data_dir: Path) -> tuple[Meeting, str | None]:
    """The stored meeting (empty when there is none) and a Dutch problem when the file was
    unreadable (it is then left alone, so nothing is lost)."""
    path = meeting_path(data_dir)
    try:
        if not path.is_file():
            return Meeting(), None
        if path.stat().st_size > MAX_BYTES:
            return Meeting(), f"{path} is te groot om als vergadering in te lezen"
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        return Meeting(), f"{path} kon niet worden gelezen ({type(exc).__name__}); het "\
            "gesprek begint leeg"
    if not isinstance(data, dict):
        return Meeting(), f"{path} is geen vergadering van briefing; het gesprek begint leeg"
    meeting = Meeting(active_dossier=_text(data.get("actief_dossier")))
    for item in _items(data.get("vragen")):
        query = _text(item.get("vraag"))
        if query:
            meeting.questions.append(AskedQuestion(query, _text(item.get("vervolg_op")),
                                                   _text(item.get("kaart"))))
    for item in _items(data.get("spiekbriefje")):
        text = _text(item.get("tekst"))
        if text:
            meeting.pins.append(Pin(text=text, card_id=_text(item.get("kaart")) or "",
                                    card_title=_text(item.get("kaart_titel")) or "",
                                    dossier_title=_text(item.get("dossier_titel")) or "",
                                    marking=_text(item.get("markering")),
                                    dossier_id=_text(item.get("dossier")) or ""))
    return meeting, None


def _items(value: object) -> list[dict]:
    if not isinstance(value, list):
        return []
    return [item for item in value[:MAX_ITEMS] if isinstance(item, dict)]


def _text(value: object) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    return printable(value.strip())[:MAX_TEXT]
