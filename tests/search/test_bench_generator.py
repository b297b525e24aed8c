"""The benchmark's synthetic knowledge bases are valid knowledge bases (no timings here)."""

from __future__ import annotations

from briefing.bench.search import Generator, percentile, write_kb
from briefing.model import load_knowledge
from briefing.search import SearchEngine


def test_generated_knowledge_base_loads_cleanly_and_is_searchable(tmp_path):
    write_kb(tmp_path / "kb", 45)
    kb = load_knowledge(tmp_path / "kb")
    assert not kb.errors, kb.errors[:3]
    assert kb.stats()["vragen"] == 45 and kb.stats()["dossiers"] == 3
    engine = SearchEngine.open(kb)
    queries = Generator(7).queries(12)
    assert len({q for q in queries}) == 12
    assert sum(bool(engine.search(q)) for q in queries) >= 10


def test_percentile():
    assert percentile([1.0, 2.0, 3.0, 4.0, 5.0], 0.5) == 3.0
    assert percentile([1.0, 2.0], 0.95) == 1.95
