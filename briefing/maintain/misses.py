"""Missed questions: what the live desk could not answer with confidence, kept locally (and only
when the user switched it on) so advisers can add answers or variants. Never sent anywhere.

The live desk calls `record_miss(query)`; it never raises and costs one small append."""

from __future__ import annotations

import json
import logging
import os
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

log = logging.getLogger(__name__)

MISSES_FILE = "gemiste-vragen.jsonl"
MAX_QUERY_CHARS = 500  # a query is a few words; cap what a stuck key or a paste can write
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True)
class Miss:
    query: str
    when: datetime | None
    dossier: str | None = None


@dataclass
class MissGroup:
    """Misses with the same normalised text."""

    key: str
    text: str  # the most recent wording
    count: int = 0
    last: datetime | None = None
    dossiers: list[str] = field(default_factory=list)

    def to_data(self) -> dict:
        return {"vraag": self.text, "aantal": self.count,
                "laatst": self.last.isoformat(timespec="seconds") if self.last else None,
                "dossiers": self.dossiers}


def misses_path() -> Path:
    from briefing.fileio import user_data_dir

    return user_data_dir() / MISSES_FILE


def misses_enabled() -> bool:
    """True only when the user set `gemiste_vragen_bijhouden: true` in the settings."""
    try:
        from briefing.settings import load_settings

        return load_settings().record_misses
    except Exception:  # settings trouble means: do not record
        log.exception("instellingen niet te lezen; gemiste vragen worden niet bijgehouden")
        return False


def record_miss(query: str, when: datetime | None = None, dossier: str | None = None) -> None:
    """Append a missed question to the local list when enabled. Never raises."""
    try:
        if not misses_enabled():
            return
        text = " ".join(_CONTROL.sub(" ", str(query)).split())[:MAX_QUERY_CHARS]
        if not text:
            return
        moment = (when or datetime.now().astimezone()).isoformat(timespec="seconds")
        line = json.dumps({"vraag": text, "tijd": moment, "dossier": dossier},
                          ensure_ascii=False) + "\n"
        path = misses_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        # One write() of one line with O_APPEND: concurrent desks never interleave lines.
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(fd, line.encode("utf-8"))
        finally:
            os.close(fd)
    except Exception:  # the live desk must keep going whatever happens here
        log.warning("gemiste vraag niet opgeslagen", exc_info=True)


def load_misses(path: Path | None = None) -> list[Miss]:
    """All recorded misses, oldest first; unreadable lines are skipped (and logged)."""
    path = path or misses_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return []
    except OSError:
        log.warning("gemiste vragen niet te lezen: %s", path, exc_info=True)
        return []
    misses: list[Miss] = []
    for number, line in enumerate(raw.decode("utf-8", errors="replace").splitlines(), 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            query = str(data["vraag"])
            when = _parse_time(data.get("tijd"))
            dossier = data.get("dossier")
        except (ValueError, KeyError, TypeError, AttributeError):
            log.warning("%s:%d: onleesbare regel overgeslagen", path, number)
            continue
        misses.append(Miss(query, when, str(dossier) if dossier else None))
    return misses


def _parse_time(value) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return None


def normalise(query: str) -> str:
    """Group key: lowercase, no accents, no punctuation, single spaces."""
    from briefing.model.registers import fold

    return " ".join(re.sub(r"[^\w]+", " ", fold(query)).split())


def _sort_time(moment: datetime | None) -> float:
    return moment.timestamp() if moment else float("-inf")


def group_misses(misses: list[Miss]) -> list[MissGroup]:
    """Grouped by normalised text, most frequent first, then most recent."""
    groups: dict[str, MissGroup] = {}
    for miss in misses:
        key = normalise(miss.query)
        if not key:
            continue
        group = groups.setdefault(key, MissGroup(key, miss.query))
        group.count += 1
        if group.last is None or _sort_time(miss.when) >= _sort_time(group.last):
            group.last = miss.when or group.last
            group.text = miss.query
        if miss.dossier and miss.dossier not in group.dossiers:
            group.dossiers.append(miss.dossier)
    return sorted(groups.values(), key=lambda g: (-g.count, -_sort_time(g.last), g.key))


def clear_misses(path: Path | None = None) -> int:
    """Delete the list; returns how many misses it held."""
    path = path or misses_path()
    count = len(load_misses(path))
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    return count
