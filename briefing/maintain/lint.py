"""Run the lint rules over a knowledge base: findings as `file:line: level: message [rule]`,
errors before warnings. Loader problems (kb.problems) are findings too (rule 'laden')."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterable

from briefing.maintain import rules as _rules  # noqa: F401  (registers the rules)
from briefing.maintain.registry import (
    DEFAULT_MAX_WORDS, ERROR, RULES, WARNING, Hit, LintContext, Rule,
)
from briefing.model import KnowledgeBase

LOADER_RULE = "laden"

__all__ = ["ERROR", "WARNING", "Finding", "LOADER_RULE", "RULES", "lint", "rules_table"]


@dataclass(frozen=True)
class Finding:
    path: Path
    line: int | None
    message: str
    level: str
    rule: str
    details: tuple[str, ...] = ()

    @property
    def is_error(self) -> bool:
        return self.level == ERROR

    def shown_path(self, base: Path | None = None) -> Path:
        if base is not None:
            try:
                return self.path.resolve().relative_to(base.resolve())
            except ValueError:
                pass
        return self.path

    def location(self, base: Path | None = None) -> str:
        path = self.shown_path(base)
        return f"{path}:{self.line}" if self.line else str(path)

    def format(self, base: Path | None = None) -> str:
        head = f"{self.location(base)}: {self.level}: {self.message} [{self.rule}]"
        return "\n".join([head, *(f"    {d}" for d in self.details)])

    def to_data(self, base: Path | None = None) -> dict:
        return {"bestand": str(self.shown_path(base)), "regel": self.line, "niveau": self.level, "code": self.rule,
                "bericht": self.message, "details": list(self.details)}


def _finding(kb: KnowledgeBase, rule: Rule, hit: Hit) -> Finding:
    if hit.dossier is not None:
        path, line = kb.line_of(hit.dossier, hit.loc)
    else:
        path, line = hit.path or kb.root, hit.line
    return Finding(path, line, hit.message, rule.level, rule.code, hit.details)


def lint(kb: KnowledgeBase, *, today: date | None = None, max_words: int = DEFAULT_MAX_WORDS,
         skip: Iterable[str] = ()) -> list[Finding]:
    """All findings for a loaded knowledge base, errors first, then by file and line.

    `today` is the reference date for expired time references (injectable for tests and for
    'what will have expired by the meeting?')."""
    skip = set(skip)
    ctx = LintContext(kb=kb, today=today or date.today(), max_words=max_words)
    findings: list[Finding] = []
    for code, rule in RULES.items():
        if code in skip:
            continue
        findings.extend(_finding(kb, rule, hit) for hit in rule.check(ctx))
    if LOADER_RULE not in skip:
        # The loader also warns about unknown members and parties; our rule says it with more
        # context, so the loader's warning at the same spot is dropped.
        named = {(f.path, f.line) for f in findings if f.rule == "onbekende-naam"}
        for problem in kb.problems:
            if not problem.is_error and (problem.path, problem.line) in named:
                continue
            findings.append(Finding(problem.path, problem.line, problem.message,
                                    problem.level, LOADER_RULE))
    findings = list(dict.fromkeys(findings))
    return sorted(findings, key=lambda f: (not f.is_error, str(f.path), f.line or 0, f.rule))


def rules_table() -> list[tuple[str, str, str]]:
    """(code, level, summary) for every rule, for `briefing lint --regels` and the docs."""
    table = [(r.code, r.level, r.summary) for r in RULES.values()]
    table.append((LOADER_RULE, f"{ERROR}/{WARNING}",
                  "Problemen die de lader vindt (syntax, typen, onbekende sleutels, dubbele id's); "
                  "dezelfde als bij 'briefing check'."))
    return table
