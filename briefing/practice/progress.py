"""Practice progress on disk: one JSON file in the user data dir, keyed by stable question ids.

- Where: $XDG_DATA_HOME/briefing/oefenen.json when XDG_DATA_HOME is set (on every platform),
  else platformdirs' user data dir for "briefing".
- Keys are `Dossier.question_id(question)` ("<dossier-id>/vraag-9"), so rewording a question or
  its answer keeps its progress; entries of questions that disappeared are kept, not pruned
  (a file that is broken today may load again tomorrow).
- Writes are atomic. On save the file is read again and only the questions graded in this
  process are replaced, so the app and a CLI round at the same time do not erase each other.
- A file that cannot be read is renamed aside (oefenen.json.kapot-<timestamp>) and a fresh one
  started; `messages` then holds a Dutch explanation for the user.
"""

from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from briefing.fileio import user_data_dir, write_atomic
from briefing.practice.scheduling import CardState, Grade

APP_NAME = "briefing"
FILE_NAME = "oefenen.json"
FORMAT_VERSION = 1
HISTORY_LIMIT = 20   # reviews kept per question (for "time per answer" over time)


def data_dir() -> Path:
    xdg = os.environ.get("XDG_DATA_HOME")
    if xdg and os.path.isabs(xdg):
        return Path(xdg) / APP_NAME
    return user_data_dir()


def default_path() -> Path:
    return data_dir() / FILE_NAME


class ProgressStore:
    """Schedule states and recent reviews per question id."""

    def __init__(self, path: Path | str | None = None, *, now: datetime | None = None) -> None:
        self.path = Path(path) if path is not None else default_path()
        self.messages: list[str] = []
        self.read_only = False
        self._entries: dict[str, dict[str, Any]] = {}
        self._dirty: set[str] = set()
        self._entries = self._read(now=now, report=True)

    # -- reading -------------------------------------------------------------------------

    def _read(self, *, now: datetime | None, report: bool) -> dict[str, dict[str, Any]]:
        if not self.path.exists():
            return {}
        problem = None
        entries: dict[str, dict[str, Any]] = {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            problem = f"niet leesbaar ({type(exc).__name__})"
        else:
            if not isinstance(data, dict) or not isinstance(data.get("vragen"), dict):
                problem = "onverwachte inhoud"
            else:
                for qid, raw in data["vragen"].items():
                    try:
                        _state_from_json(raw)
                    except (TypeError, ValueError, KeyError, AttributeError):
                        problem = problem or f"ongeldige gegevens bij {qid}"
                        continue
                    entries[qid] = raw
        if problem is None:
            return entries
        if report:
            self._set_aside(problem, now or datetime.now(), salvaged=len(entries))
        return entries

    def _set_aside(self, problem: str, now: datetime, salvaged: int) -> None:
        stamp = now.strftime("%Y%m%dT%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.kapot-{stamp}")
        counter = 1
        while aside.exists():
            counter += 1
            aside = self.path.with_name(f"{self.path.name}.kapot-{stamp}-{counter}")
        try:
            os.replace(self.path, aside)
        except OSError as exc:
            self.messages.append(
                f"Het voortgangsbestand {self.path} is beschadigd ({problem}) en kon niet "
                f"apart worden gezet ({exc.strerror}); deze keer wordt de voortgang niet bewaard.")
            self.read_only = True  # never overwrite a file we could not keep aside
            return
        kept = (f" {salvaged} bruikbare vraag/vragen zijn overgenomen." if salvaged
                else " Er wordt opnieuw begonnen.")
        self.messages.append(
            f"Het voortgangsbestand was beschadigd ({problem}). Het is bewaard als {aside.name} "
            f"in {aside.parent}.{kept}")

    # -- access ---------------------------------------------------------------------------

    def __contains__(self, qid: str) -> bool:
        return qid in self._entries

    def __len__(self) -> int:
        return len(self._entries)

    def ids(self) -> list[str]:
        return sorted(self._entries)

    def state(self, qid: str) -> CardState:
        raw = self._entries.get(qid)
        return _state_from_json(raw) if raw else CardState()

    def history(self, qid: str) -> list[dict[str, Any]]:
        raw = self._entries.get(qid) or {}
        return list(raw.get("geschiedenis", []))

    def record(self, qid: str, state: CardState, *, seconds: float | None = None,
               coverage: float | None = None, label: str | None = None) -> None:
        """Store the new state of a question and append the review to its history."""
        entry = _state_to_json(state)
        history = self.history(qid)
        history.append({
            "moment": _dt(state.last_review),
            "beoordeling": state.last_grade.label.lower() if state.last_grade else None,
            "seconden": round(seconds, 1) if seconds is not None else None,
            "dekking": round(coverage, 3) if coverage is not None else None,
        })
        entry["geschiedenis"] = history[-HISTORY_LIMIT:]
        if label:
            entry["vraag"] = label  # for a human reading the file; never used as a key
        self._entries[qid] = entry
        self._dirty.add(qid)

    # -- writing --------------------------------------------------------------------------

    def save(self) -> None:
        """Write atomically, merged with what another process may have written meanwhile."""
        if self.read_only:
            return
        on_disk = self._read(now=None, report=False) if self.path.exists() else {}
        merged = {**on_disk, **{qid: self._entries[qid] for qid in self._dirty}}
        merged.update({qid: e for qid, e in self._entries.items() if qid not in merged})
        self._entries = merged
        data = {"versie": FORMAT_VERSION, "vragen": dict(sorted(merged.items()))}
        write_atomic(self.path, json.dumps(data, ensure_ascii=False, indent=1) + "\n",
                     private=True)
        self._dirty.clear()


def _dt(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _parse_dt(value: Any) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError("datum verwacht")
    parsed = datetime.fromisoformat(value)
    # Times are stored in UTC; a hand-edited naive time is read as UTC too, so comparisons work.
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def _state_to_json(state: CardState) -> dict[str, Any]:
    return {
        "gemak": round(state.ease, 4),
        "interval_dagen": round(state.interval_days, 6),
        "op_rij": state.reps,
        "missers": state.lapses,
        "beoordelingen": state.reviews,
        "vervalt": _dt(state.due),
        "laatste_beoordeling": state.last_grade.label.lower() if state.last_grade else None,
        "laatst_geoefend": _dt(state.last_review),
    }


def _state_from_json(raw: Any) -> CardState:
    if not isinstance(raw, dict):
        raise TypeError("object verwacht")
    grade = raw.get("laatste_beoordeling")
    if grade is not None:
        grade = Grade[str(grade).upper()]
    state = CardState(
        ease=float(raw.get("gemak", 2.5)),
        interval_days=float(raw.get("interval_dagen", 0.0)),
        reps=int(raw.get("op_rij", 0)),
        lapses=int(raw.get("missers", 0)),
        reviews=int(raw.get("beoordelingen", 0)),
        due=_parse_dt(raw.get("vervalt")),
        last_grade=grade,
        last_review=_parse_dt(raw.get("laatst_geoefend")),
    )
    if state.ease != state.ease or state.interval_days < 0 or state.reviews < 0:
        raise ValueError("ongeldige waarde")
    return state
