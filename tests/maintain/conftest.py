"""Fixtures for the maintenance tests: a tiny knowledge base written from YAML snippets."""

from __future__ import annotations

import pytest
from maintain_helpers import ABBREVIATIONS, MEMBERS, PARTIES

from briefing.model import KnowledgeBase, load_knowledge


@pytest.fixture
def make_kb(tmp_path):
    """make_kb({"a.yaml": text, ...}) -> loaded KnowledgeBase in a fresh folder."""
    counter = iter(range(1000))

    def make(dossiers: dict[str, str], *, members: str = MEMBERS,
             parties: str = PARTIES) -> KnowledgeBase:
        root = tmp_path / f"kb{next(counter)}"
        (root / "dossiers").mkdir(parents=True)
        (root / "raadsleden.yaml").write_text(members, encoding="utf-8")
        (root / "fracties.yaml").write_text(parties, encoding="utf-8")
        (root / "afkortingen.yaml").write_text(ABBREVIATIONS, encoding="utf-8")
        for name, text in dossiers.items():
            (root / "dossiers" / name).write_text(text, encoding="utf-8")
        return load_knowledge(root)

    return make
