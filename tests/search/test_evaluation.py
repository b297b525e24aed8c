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


def test_calibration_counts_per_level_and_no_answer(tmp_path):
    path = tmp_path / "ronde.yaml"
    path.write_text("- {id: a, query: kosten, expect: 250.000 euro, kind: half}\n"
                    "- {id: b, query: iets anders, expect: niet in de kaart, kind: half}\n"
                    "- {id: c, query: parkeren, expect: null, kind: none}\n", encoding="utf-8")
    engine = _RecordingEngine()
    _, negative = evaluate(engine, load_queries(path), baselines=False)
    calibration = negative.calibration()
    assert calibration["per_niveau"]["hoog"] == {"vragen": 2, "bovenste_juist": 1,
                                                 "aandeel_juist": 0.5}
    assert calibration["geen_antwoord"]["bij_juiste_top"]["van"] == 1
    assert calibration["geen_antwoord"]["bij_foute_top"]["van"] == 1
    assert calibration["geen_antwoord"]["zonder_voorbereid_antwoord"] == {
        "gezegd": 0, "van": 1, "aandeel": 0.0}
    assert calibration["foute_top_met_hoog"]["aantal"] == 1
    from briefing.search.evaluation import format_calibration

    text = "\n".join(format_calibration(negative))
    assert "hoog" in text and "50%" in text and "geen voorbereid antwoord" in text
