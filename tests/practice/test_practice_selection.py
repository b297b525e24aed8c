"""Which questions a round asks, phrased by whom, in which order; filters and seeds."""

from __future__ import annotations

from datetime import timedelta

import pytest

from briefing.model import load_knowledge
from briefing.practice.progress import ProgressStore
from briefing.practice.scheduling import Grade, review, CardState
from briefing.practice.selection import (Filters, SelectionError, asker_label, party_order,
                                         select_round)

from practice_kb import NOW


def qids(items):
    return [item.qid for item in items]


def test_default_round_has_only_vetted_answered_questions_outside_embargo(kb):
    items = select_round(kb, count=0, seed=1, now=NOW)
    assert sorted(qids(items)) == [f"meldpunt/vraag-{n}" for n in (1, 2, 3, 4, 7)]


def test_concept_questions_only_on_request(kb):
    items = select_round(kb, Filters(include_concept=True), count=0, seed=1, now=NOW)
    assert {"meldpunt/vraag-5", "concept-dossier/vraag-1"} <= set(qids(items))
    assert "meldpunt/vraag-6" not in qids(items)  # no answer: nothing to drill


def test_embargoed_dossier_is_excluded_until_asked_for(kb):
    assert "geheim/vraag-1" not in qids(select_round(kb, count=0, seed=1, now=NOW))
    items = select_round(kb, Filters(include_embargoed=True), count=0, seed=1, now=NOW)
    assert "geheim/vraag-1" in qids(items)


def test_party_filter_uses_the_variant_asker(kb):
    items = select_round(kb, Filters(party="ja21"), count=0, seed=3, now=NOW)
    assert sorted(qids(items)) == ["meldpunt/vraag-1", "meldpunt/vraag-7"]
    prompts = {item.qid: item.prompt for item in items}
    assert prompts["meldpunt/vraag-1"] == "Lid Kreuger (JA21): Gaat dat meldpunt nog langer door?"


def test_party_filter_accepts_full_names(kb):
    items = select_round(kb, Filters(party="Partij voor de Dieren"), count=0, seed=3, now=NOW)
    assert qids(items) == ["meldpunt/vraag-3"]
    assert items[0].prompt == "Fractie PvdD: Zit er al schot in de werkcultuur?"


def test_member_filter_resolves_aliases_and_typos(kb):
    for spelled in ("Veldhuyzen", "veldhuijzen", "Veldhuizen"):
        items = select_round(kb, Filters(member=spelled), count=0, seed=3, now=NOW)
        assert qids(items) == ["meldpunt/vraag-4"], spelled
    items = select_round(kb, Filters(member="Namane"), count=0, seed=3, now=NOW)
    assert qids(items) == ["meldpunt/vraag-1"]
    assert items[0].asker == "Lid Namane (PvdA)"


def test_party_of_member_comes_from_the_register(kb):
    items = select_round(kb, Filters(member="Mangal"), count=0, seed=3, now=NOW)
    assert items[0].prompt == "Lid Mangal (DENK): Kan ik de vragenlijst van het MWO krijgen?"


def test_dossier_filter(kb):
    items = select_round(kb, Filters(dossier="concept", include_concept=True), count=0, seed=1,
                         now=NOW)
    assert qids(items) == ["concept-dossier/vraag-1"]


def test_unknown_dossier_is_a_dutch_error(kb):
    with pytest.raises(SelectionError, match="Dossier 'bestaatniet' niet gevonden"):
        select_round(kb, Filters(dossier="bestaatniet"), now=NOW)


def test_nothing_to_practise_explains_why(kb):
    with pytest.raises(SelectionError) as caught:
        select_round(kb, Filters(dossier="concept-dossier"), now=NOW)
    assert "concept" in str(caught.value) and "--concept" in str(caught.value)
    with pytest.raises(SelectionError, match="onder embargo"):
        select_round(kb, Filters(dossier="geheim"), now=NOW)


def test_same_seed_same_round_other_seed_other_round(kb):
    def round_for(seed):
        return [(i.qid, i.prompt) for i in select_round(kb, count=4, seed=seed, now=NOW)]

    assert round_for(42) == round_for(42)
    assert len({tuple(round_for(seed)) for seed in range(10)}) > 1


def test_count_limits_and_zero_means_all(kb):
    assert len(select_round(kb, count=2, seed=1, now=NOW)) == 2
    assert len(select_round(kb, count=0, seed=1, now=NOW)) == 5
    assert len(select_round(kb, count=99, seed=1, now=NOW)) == 5


def test_committee_order_follows_fracties_yaml(kb):
    assert party_order(kb.registers) == ["GL", "PvdA", "VVD", "PvdD", "JA21", "DENK"]
    speaking = party_order(kb.registers)
    for seed in range(8):
        items = select_round(kb, count=0, order="committee", seed=seed, now=NOW)
        ranks = [speaking.index(item.party) for item in items]
        assert ranks == sorted(ranks), [item.prompt for item in items]
        assert items[0].party == "GL"


def test_committee_with_a_small_count_gives_the_largest_parties_a_turn(kb):
    items = select_round(kb, count=3, order="committee", seed=5, now=NOW)
    parties = [item.party for item in items]
    assert parties[0] == "GL" and len(set(parties)) == 3


def test_committee_uses_seats_when_given(tmp_path):
    from practice_kb import write_kb

    root = write_kb(tmp_path / "kb")
    (root / "fracties.yaml").write_text(
        "- {naam: GroenLinks, afkortingen: [GL], zetels: 3}\n"
        "- {naam: Partij van de Arbeid, afkortingen: [PvdA], zetels: 9}\n"
        "- {naam: Partij voor de Dieren, afkortingen: [PvdD]}\n", encoding="utf-8")
    kb = load_knowledge(root)
    assert party_order(kb.registers)[:2] == ["PvdA", "GL"]


def test_weakest_order_brings_back_what_went_badly(kb, tmp_path):
    store = ProgressStore(tmp_path / "p.json")
    day = timedelta(days=1)
    # vraag-2: answered well long ago and due now; vraag-3: failed; vraag-4: easy, not due.
    good = review(review(CardState(), Grade.GOED, NOW - 10 * day), Grade.GOED, NOW - 9 * day)
    store.record("meldpunt/vraag-2", good)
    store.record("meldpunt/vraag-3", review(CardState(), Grade.OPNIEUW, NOW - day))
    store.record("meldpunt/vraag-4", review(CardState(), Grade.MAKKELIJK, NOW))
    items = select_round(kb, count=0, order="weakest", seed=7, progress=store, now=NOW)
    order = qids(items)
    assert order[0] == "meldpunt/vraag-3"
    assert order[1] == "meldpunt/vraag-2"
    assert set(order[2:4]) == {"meldpunt/vraag-1", "meldpunt/vraag-7"}  # never practised
    assert order[4] == "meldpunt/vraag-4"


def test_asker_labels():
    assert asker_label("Namane", "PvdA") == "Lid Namane (PvdA)"
    assert asker_label(None, "PvdD") == "Fractie PvdD"
    assert asker_label("Van Pijpen", None) == "Lid Van Pijpen"
    assert asker_label(None, None) == "Een commissielid"


def test_bundled_knowledge_gives_a_committee_round(bundled_kb):
    kb = load_knowledge(bundled_kb)
    items = select_round(kb, count=5, order="committee", seed=1)
    assert len(items) == 5
    assert all(item.prompt.startswith(("Lid ", "Fractie ")) for item in items)
    assert all(item.answer_lines() for item in items)
