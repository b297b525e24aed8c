"""The knowledge format: pydantic models, loading with line numbers, registers."""

from briefing.model.dossier import Dossier, Line, Question, Theme, Variant
from briefing.model.knowledge import KnowledgeBase
from briefing.model.loading import load_knowledge
from briefing.model.problems import Problem
from briefing.model.registers import Abbreviation, Member, Party, Registers

__all__ = [
    "Abbreviation",
    "Dossier",
    "KnowledgeBase",
    "Line",
    "Member",
    "Party",
    "Problem",
    "Question",
    "Registers",
    "Theme",
    "Variant",
    "load_knowledge",
]
