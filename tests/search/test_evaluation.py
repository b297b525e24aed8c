"""The evaluator: query files (old and new format) and what it hands to the engine."""

from __future__ import annotations

from briefing.search.cards import Card
from briefing.search.evaluation import evaluate, load_queries
from briefing.search.results import SearchOptions


class _RecordingEngine:
    """Returns one card for every search and remembers the options it was given."""

    def __init__(self):
        self.cards = [Card(card_id="d/vraag-1", kind="vraag", dossier_id="d", dossier_title="D",
                           dossier_date=None, title="Wat kost het?", member=None, party=None,
                           question="Wat kost het?", lines=("Het kost 250.000 euro.",),
                           if_pressed=(), status="vastgesteld", dossier_status="vastgesteld",
                           classification="openbaar", source=None)]
        self.seen: list[tuple[str, SearchOptions]] = []

    def search(self, query: str, options: SearchOptions = SearchOptions()):
        self.seen.append((query, options))
        return [self.cards[0].to_result(certainty="hoog")]


def test_query_file_with_context_and_extra_fields(tmp_path):
    path = tmp_path / "ronde.yaml"
    path.write_text(
        "- id: r1-01\n  query: en wat kost dat?\n  expect: 250.000 euro\n"
        "  seed: 001.txt\n  kind: followup\n  context: Komt er een extern meldpunt?\n"
        "  note: vervolgvraag\n"
        "- {id: r1-02, query: meldpunt, expect: null, seed: null, kind: none}\n",
        encoding="utf-8")
    queries = load_queries(path)
    assert [q.context for q in queries] == ["Komt er een extern meldpunt?", None]
    assert queries[0].kind == "followup" and queries[1].expect is None


def test_evaluate_passes_the_context_to_the_engine(tmp_path):
    path = tmp_path / "ronde.yaml"
    path.write_text("- {id: a, query: 'en de kosten?', expect: 250.000 euro, kind: followup,"
                    " context: 'Komt er een meldpunt?'}\n"
                    "- {id: b, query: kosten meldpunt, expect: 250.000 euro, kind: half}\n",
                    encoding="utf-8")
    engine = _RecordingEngine()
    reports, _ = evaluate(engine, load_queries(path), baselines=False)
    contexts = {(q, o.context) for q, o in engine.seen}
    assert ("en de kosten?", "Komt er een meldpunt?") in contexts
    assert ("kosten meldpunt", None) in contexts
    assert reports[0].overall.r1 == 2
