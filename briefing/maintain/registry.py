"""The registry of lint rules. A rule is a small function that yields Hits for one knowledge
base; the runner (briefing.maintain.lint) turns them into Findings with file and line."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Iterable

from briefing.model import Dossier, KnowledgeBase
from briefing.model.problems import ERROR, WARNING

__all__ = ["ERROR", "WARNING", "Hit", "LintContext", "Rule", "RULES", "rule"]

# Longest answer line (in words) that is still comfortable to read out in a meeting.
DEFAULT_MAX_WORDS = 60


@dataclass(frozen=True)
class Hit:
    """What a rule found: where (dossier and YAML path, or a file) and a Dutch message.
    `details` are extra lines printed indented under the finding."""

    dossier: Dossier | None
    loc: tuple
    message: str
    details: tuple[str, ...] = ()
    path: Path | None = None  # for findings outside a dossier (a register file)
    line: int | None = None


@dataclass
class LintContext:
    kb: KnowledgeBase
    today: date
    max_words: int = DEFAULT_MAX_WORDS
    _engine: object = field(default=None, repr=False)
    _engine_failed: bool = field(default=False, repr=False)

    def engine(self):
        """The search engine on this knowledge base (opened once, on first use), so rules can
        ask what the desk would show; None when it cannot be opened (the rule then does
        without)."""
        if self._engine is None and not self._engine_failed:
            try:
                from briefing.search.engine import SearchEngine

                self._engine = SearchEngine.open(self.kb)
            except Exception:  # lint must report what it can, never crash on the index
                self._engine_failed = True
        return self._engine

    def where(self, dossier: Dossier, loc: tuple = ()) -> str:
        """'file:line' of a value, relative to the knowledge base folder, for messages."""
        path, line = self.kb.line_of(dossier, loc)
        try:
            shown = path.relative_to(self.kb.root)
        except ValueError:
            shown = path
        return f"{shown}:{line}" if line else str(shown)


@dataclass(frozen=True)
class Rule:
    code: str
    level: str
    summary: str  # one Dutch sentence: what the rule catches (also in docs/lint.md)
    check: Callable[[LintContext], Iterable[Hit]] = field(compare=False)


RULES: dict[str, Rule] = {}


def rule(code: str, level: str, summary: str):
    """Register a check function under a stable code (used in output and --negeer)."""
    if level not in (ERROR, WARNING):
        raise ValueError(level)

    def register(check: Callable[[LintContext], Iterable[Hit]]):
        if code in RULES:
            raise ValueError(f"lint rule {code!r} registered twice")
        RULES[code] = Rule(code, level, summary, check)
        return check

    return register
