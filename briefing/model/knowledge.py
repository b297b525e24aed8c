"""A loaded knowledge base: dossiers, registers, and the problems found while loading."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Iterator

from briefing.model.dossier import Dossier, Question, Status
from briefing.model.problems import Problem
from briefing.model.registers import Registers, fold
from briefing.model.yamlsource import SourceMap


@dataclass
class KnowledgeBase:
    root: Path
    dossiers: list[Dossier] = field(default_factory=list)
    registers: Registers = field(default_factory=Registers)
    problems: list[Problem] = field(default_factory=list)
    fingerprint: str = ""
    # Per dossier id: its file and a map back to line numbers (for lint and errors).
    paths: dict[str, Path] = field(default_factory=dict)
    sources: dict[str, SourceMap] = field(default_factory=dict)
    # Per file (relative path): a hash of the bytes whose content is in use (a broken file that
    # keeps its last good version keeps that version's hash). The index is kept per file by it.
    digests: dict[str, str] = field(default_factory=dict)
    # Per dossier file: (hash, dossier, source map, problems) of its last parse, so that a
    # reload parses only the files that changed.
    parsed: dict[Path, tuple] = field(default_factory=dict, repr=False, compare=False)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    def dossier(self, key: str | None) -> Dossier | None:
        """A dossier by id, or by a unique prefix / part of its id or title."""
        if not key:
            return None
        for dossier in self.dossiers:
            if dossier.id == key:
                return dossier
        hits = self.dossiers_matching(key)
        return hits[0] if len(hits) == 1 else None

    def dossiers_matching(self, key: str) -> list[Dossier]:
        """The dossiers whose id or title contains key (folded: case and accents ignored)."""
        folded = fold(key)
        return [d for d in self.dossiers
                if folded in fold(d.id or "") or folded in fold(d.title)]

    def questions(self) -> Iterator[tuple[Dossier, Question]]:
        for dossier in self.dossiers:
            for question in dossier.questions:
                yield dossier, question

    def line_of(self, dossier: Dossier, loc: tuple = ()) -> tuple[Path, int | None]:
        """File and line of a value inside a dossier, by its YAML path."""
        path = self.paths.get(dossier.id or "", self.root)
        source = self.sources.get(dossier.id or "")
        return path, source.line(loc) if source else None

    def embargoed(self, now: datetime | None = None) -> list[Dossier]:
        """The dossiers whose embargo is still running."""
        return [d for d in self.dossiers if is_under_embargo(d, now)]

    def without(self, hidden: list[Dossier]) -> "KnowledgeBase":
        """A copy without these dossiers and without the problems found in their files, for
        output that must not show content under embargo (lint, stats, check's warnings)."""
        ids = {d.id for d in hidden}
        files = {self.paths[i] for i in ids if i in self.paths}
        return replace(
            self,
            dossiers=[d for d in self.dossiers if d.id not in ids],
            problems=[p for p in self.problems if p.path not in files],
            paths={i: p for i, p in self.paths.items() if i not in ids},
            sources={i: s for i, s in self.sources.items() if i not in ids},
        )

    def stats(self) -> dict[str, int]:
        return {
            "dossiers": len(self.dossiers),
            "vragen": sum(len(d.questions) for d in self.dossiers),
            "regels": sum(d.line_count() for d in self.dossiers),
            "raadsleden": len(self.registers.members),
            "fracties": len(self.registers.parties),
            "afkortingen": len(self.registers.abbreviations),
        }


def is_under_embargo(dossier: Dossier, now: datetime | None = None) -> bool:
    """True while the dossier's embargo has not passed. A naive time is Amsterdam time."""
    if dossier.embargo_until is None:
        return False
    until = dossier.embargo_until
    if until.tzinfo is None:
        until = until.replace(tzinfo=_amsterdam())
    now = now or datetime.now(tz=until.tzinfo)
    if now.tzinfo is None:
        now = now.replace(tzinfo=_amsterdam())
    return now < until


def is_vetted(dossier: Dossier, question: Question | None = None) -> bool:
    if dossier.status != Status.VASTGESTELD:
        return False
    return question is None or question.status == Status.VASTGESTELD


def _amsterdam():
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo("Europe/Amsterdam")
    except Exception:  # no tz database (rare): fall back to the machine's local zone
        return datetime.now().astimezone().tzinfo
