"""The local store of choices: one JSON file in the user data folder, never sent anywhere.

A choice names the card (its id) and holds the adviser's own words; it never holds text of the
card itself, so a classified card leaves only its id here. The file is rewritten atomically on
every change, capped in entries and bytes, and a file that cannot be read as a store is moved
aside (with a Dutch message) instead of stopping the desk or being overwritten unseen."""

from __future__ import annotations

import json
import logging
import os
import re
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Iterator

from briefing.fileio import user_data_dir, write_atomic

log = logging.getLogger(__name__)

CHOICES_FILE = "keuzes.json"
FORMAT_VERSION = 1
# A meeting yields tens of choices; thousands are years of meetings. The oldest go first.
MAX_ENTRIES = 5_000
# Far above MAX_ENTRIES full entries (~400 bytes each); a bigger file is not ours.
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_QUERY_CHARS = 300     # a question as typed is a few words; cap a stuck key or a paste
MAX_ID_CHARS = 300
ACTIONS = ("copy", "pin")
VIA = ("keuze", "gemist")
CERTAINTIES = ("hoog", "middel", "laag")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def clean_text(text: Any, limit: int = MAX_QUERY_CHARS) -> str:
    """One line of plain text: control characters out, whitespace collapsed, capped."""
    return " ".join(_CONTROL.sub(" ", str(text)).split())[:limit]


@dataclass(frozen=True)
class Choice:
    """One question for which the adviser used a card (copied or pinned from it).

    via "keuze": the card was chosen for this question; via "gemist": this question got no
    prepared answer and the very next question was answered from this card."""

    query: str                    # the adviser's own words, without @-filters
    card_id: str
    rank: int | None              # place in the results (0 = top); None: not among them
    action: str                   # copy | pin
    when: datetime | None
    certainty: str | None = None  # of the chosen card when it was shown
    no_answer: bool = False       # the desk said "geen voorbereid antwoord"
    member: str | None = None     # from an @-filter: who asked
    party: str | None = None
    via: str = "keuze"
    card_mark: str | None = None  # short hash of the card's question: spots a renumbered card

    def to_data(self) -> dict[str, Any]:
        return {
            "vraag": self.query, "kaart": self.card_id, "plaats": self.rank,
            "actie": self.action,
            "tijd": self.when.isoformat(timespec="seconds") if self.when else None,
            "zekerheid": self.certainty, "geen_antwoord": self.no_answer,
            "raadslid": self.member, "fractie": self.party, "via": self.via,
            "kenmerk": self.card_mark,
        }

    @classmethod
    def from_data(cls, data: Any) -> Choice | None:
        """A choice from stored data, or None when the entry is not one (never raises)."""
        if not isinstance(data, dict):
            return None
        query = clean_text(data.get("vraag") or "")
        card = clean_text(data.get("kaart") or "", MAX_ID_CHARS)
        if not query or not card or "/" not in card:
            return None
        rank = data.get("plaats")
        if isinstance(rank, bool) or not (rank is None or isinstance(rank, int)) or (
                isinstance(rank, int) and not 0 <= rank < 1000):
            return None
        action = data.get("actie")
        via = data.get("via", "keuze")
        certainty = data.get("zekerheid")
        if action not in ACTIONS or via not in VIA or certainty not in (*CERTAINTIES, None):
            return None
        when = None
        if isinstance(data.get("tijd"), str):
            try:
                when = datetime.fromisoformat(data["tijd"])
            except ValueError:
                return None
        names = [data.get(key) for key in ("raadslid", "fractie", "kenmerk")]
        if any(value is not None and not isinstance(value, str) for value in names):
            return None
        member, party, mark = (clean_text(v, 100) or None if v else None for v in names)
        return cls(query=query, card_id=card, rank=rank, action=action, when=when,
                   certainty=certainty, no_answer=data.get("geen_antwoord") is True,
                   member=member, party=party, via=via, card_mark=mark)


def choices_path() -> Path:
    return user_data_dir() / CHOICES_FILE


@dataclass
class Loaded:
    choices: list[Choice]
    messages: list[str]          # Dutch: what was wrong with the file and what was done


def load_choices(path: Path | None = None, *, repair: bool = True) -> Loaded:
    """All stored choices, oldest first. A file that is not a store (bad JSON, wrong shape, too
    big, not UTF-8) is moved aside when `repair`, so the next write starts clean and the old
    file can still be looked at. Single bad entries are skipped. Never raises on bad content."""
    path = path or choices_path()
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return Loaded([], [])
    except OSError as exc:
        return Loaded([], [f"{path}: keuzes niet te lezen ({exc.strerror or exc})"])
    problem = None
    data: Any = None
    if size > MAX_FILE_BYTES:
        problem = f"te groot ({size // 1024} kB; de grens is {MAX_FILE_BYTES // 1024 // 1024} MB)"
    else:
        try:
            data = json.loads(path.read_bytes().decode("utf-8"))
        except OSError as exc:
            return Loaded([], [f"{path}: keuzes niet te lezen ({exc.strerror or exc})"])
        except UnicodeDecodeError:
            problem = "geen UTF-8-tekst"
        except ValueError as exc:
            problem = f"geen geldige JSON ({exc})"
        else:
            if not (isinstance(data, dict) and isinstance(data.get("keuzes"), list)):
                problem = "geen keuzebestand van briefing (verwacht een object met 'keuzes')"
            elif data.get("versie") != FORMAT_VERSION:
                problem = f"onbekende versie {data.get('versie')!r}"
    if problem is not None:
        if not repair:
            return Loaded([], [f"{path}: {problem}"])
        return Loaded([], [_move_aside(path, problem)])
    choices = [c for c in (Choice.from_data(item) for item in data["keuzes"]) if c is not None]
    messages = []
    if skipped := len(data["keuzes"]) - len(choices):
        messages.append(f"{path}: {skipped} onleesbare keuze(s) overgeslagen")
    return Loaded(choices, messages)


def _move_aside(path: Path, problem: str) -> str:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.kapot-{stamp}")
    number = 1
    while target.exists():
        number += 1
        target = path.with_name(f"{path.name}.kapot-{stamp}-{number}")
    try:
        os.replace(path, target)
    except OSError as exc:
        log.warning("keuzebestand niet opzij te zetten: %s", path, exc_info=True)
        return (f"{path}: {problem}; het kon niet opzij worden gezet ({exc.strerror or exc}). "
                "Keuzes worden pas weer bewaard als u het bestand weghaalt")
    return (f"{path}: {problem}. Het bestand is opzij gezet als {target.name}; "
            "briefing begint met een lege lijst keuzes")


def _dump(choices: list[Choice]) -> str:
    payload = {"versie": FORMAT_VERSION, "keuzes": [c.to_data() for c in choices]}
    return json.dumps(payload, ensure_ascii=False, indent=1) + "\n"


def _trim(choices: list[Choice]) -> list[Choice]:
    choices = choices[-MAX_ENTRIES:]
    # The entry cap bounds the size too, unless entries are huge: then drop oldest until it fits.
    while len(choices) > 1 and len(_dump(choices).encode("utf-8")) > MAX_FILE_BYTES:
        choices = choices[len(choices) // 10 or 1:]
    return choices


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Serialise read-modify-write between two desks on one laptop (where the OS allows)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks; one desk at a time is the normal case
        yield
        return
    fd = os.open(path.with_name(f".{path.name}.lock"), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def add_choices(new: list[Choice], path: Path | None = None) -> list[str]:
    """Append choices (atomically, within the limits). Returns Dutch messages about the file
    (e.g. it was corrupt and moved aside). Raises OSError when the folder is not writable."""
    path = path or choices_path()
    if not new:
        return []
    with _locked(path):
        loaded = load_choices(path)
        # private: 0600 from the first byte (write_atomic now follows the umask otherwise)
        write_atomic(path, _dump(_trim(loaded.choices + list(new))), private=True)
    try:
        os.chmod(path, 0o600)  # the adviser's own words: for this user only
    except OSError:
        pass
    return loaded.messages


def clear_choices(path: Path | None = None) -> int:
    """Delete the store; returns how many choices it held."""
    path = path or choices_path()
    with _locked(path):
        count = len(load_choices(path, repair=False).choices)
        try:
            path.unlink()
        except FileNotFoundError:
            pass
    return count
