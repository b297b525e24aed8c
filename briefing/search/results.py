"""What a search returns: answer cards with their best lines and a certainty.

This is the contract between the search engine and its users (CLI, app, practice)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from briefing.model.dossier import Line, flatten_lines

Kind = Literal["vraag", "thema", "kernboodschap"]
Certainty = Literal["hoog", "middel", "laag"]


@dataclass(frozen=True)
class SearchOptions:
    limit: int = 10
    member: str | None = None          # filter or boost: a member name as typed (fuzzy)
    party: str | None = None           # filter or boost: a party name or abbreviation (fuzzy)
    dossier: str | None = None         # the active dossier id: ranks first
    include_concept: bool = True       # the app passes False unless the toggle is on
    include_embargo: bool = False      # content under embargo only when asked for
    context: str | None = None         # the previous question, for short follow-ups


@dataclass
class Result:
    """One answer card."""

    card_id: str                      # stable: e.g. "<dossier>/vraag-9", "<dossier>/thema-3", "<dossier>/kernboodschap"
    kind: Kind
    dossier_id: str
    dossier_title: str
    dossier_date: date | None
    title: str                        # the prepared question, theme title, or "Kernboodschap"
    member: str | None
    party: str | None
    question: str | None              # the prepared question (kind == "vraag")
    lines: list[Line]                 # the answer lines, nested as in the source
    if_pressed: list[Line]            # "Doorvragen" lines
    status: str                       # vastgesteld | concept
    classification: str               # openbaar | intern | vertrouwelijk | geheim
    source: str | None                # the dossier's `bron`
    score: float = 0.0
    certainty: Certainty = "laag"
    best_lines: list[int] = field(default_factory=list)  # indexes into line_texts, best first
    variants: list[dict[str, Any]] = field(default_factory=list)
    note: str | None = None           # adviser's note, never read out

    @property
    def line_texts(self) -> list[str]:
        """Answer lines as strings, sub-lines included, in reading order."""
        return [text for _, text in flatten_lines(self.lines)]

    def to_json(self) -> dict[str, Any]:
        return {
            "soort": self.kind,
            "kaart": self.card_id,
            "dossier": self.dossier_id,
            "dossier_titel": self.dossier_title,
            "datum": self.dossier_date.isoformat() if self.dossier_date else None,
            "titel": self.title,
            "raadslid": self.member,
            "fractie": self.party,
            "vraag": self.question,
            "regels": self.line_texts,
            "doorvragen": [t for _, t in flatten_lines(self.if_pressed)],
            "beste_regels": self.best_lines,
            "status": self.status,
            "classificatie": self.classification,
            "score": round(self.score, 4),
            "zekerheid": self.certainty,
            "bron": self.source,
        }
