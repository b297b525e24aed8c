"""Choices -> proposed variants: what is proposed, merged, skipped and only listed."""

from __future__ import annotations

import pytest

from briefing.learn.proposals import build_proposals
from briefing.learn.recorder import card_mark
from briefing.model.loading import load_knowledge
from tests.conftest import BUNDLED_KB
from tests.learn.conftest import CARD, QUERY, choice

OTHER = "raad-2024-09-18-paroolartikel/vraag-5"
THEME = "motie-780-racisme-wpi/thema-6"


@pytest.fixture(scope="module")
def kb():
    return load_knowledge(BUNDLED_KB)


def test_a_choice_of_an_alternative_is_proposed(kb):
    result = build_proposals([choice(), choice(action="pin")], kb)
    [proposal] = result.variants
    assert (proposal.text, proposal.card_id, proposal.count) == (QUERY, CARD, 2)
    assert proposal.target.question_index == 9 and proposal.target.path.name.startswith("fkd")
    assert proposal.file_hash and len(proposal.file_hash) == 64
    assert proposal.to_data()["plaatsen"] == [2, 2]


def test_near_identical_phrasings_are_one_proposal_with_the_most_used_wording(kb):
    result = build_proposals([
        choice("Welke opleidingen zijn er voor leidinggevenden?"),
        choice("welke opleidingen zijn er voor leidinggevende"),      # a typo
        choice("welke opleidingen zijn er voor leidinggevende"),
        choice("WELKE opleidingen zijn er voor leidinggevenden"),
    ], kb)
    [proposal] = result.variants
    assert proposal.count == 4 and proposal.text == "welke opleidingen zijn er voor leidinggevende"


def test_a_phrasing_that_is_already_the_question_or_a_variant_is_skipped(kb):
    card = kb.dossier("raad-2024-09-18-paroolartikel").questions[0]
    variant = card.variants[0].question
    result = build_proposals([
        choice(card.question.upper(), "raad-2024-09-18-paroolartikel/vraag-1", 1),
        choice(variant.rstrip("?") + "!", "raad-2024-09-18-paroolartikel/vraag-1", 1),
    ], kb)
    assert result.variants == [] and result.skipped_counts() == {"bekend": 2}


def test_the_top_card_with_certainty_hoog_needs_no_variant(kb):
    result = build_proposals([choice(rank=0, certainty="hoog")], kb)
    assert result.variants == [] and result.skipped_counts() == {"al_eerste": 1}
    # ... but the top card that the desk was not sure of does
    assert build_proposals([choice(rank=0, certainty="laag", no_answer=True)], kb).variants


def test_a_missed_question_answered_later_counts(kb):
    result = build_proposals([choice("waar kunnen leidinggevenden leren", rank=None,
                                     via="gemist", no_answer=True, certainty=None)], kb)
    [proposal] = result.variants
    assert proposal.missed == 1


def test_one_word_is_not_a_variant(kb):
    result = build_proposals([choice("opleidingen")], kb)
    assert result.variants == [] and result.skipped_counts() == {"te_kort": 1}


def test_phrasing_chosen_for_two_cards_goes_to_the_more_chosen_one(kb):
    result = build_proposals([choice(), choice(), choice(card=OTHER, rank=1)], kb)
    assert [p.card_id for p in result.variants] == [CARD]
    assert result.skipped_counts() == {"andere_kaart": 1}


def test_a_tie_between_two_cards_writes_neither(kb):
    result = build_proposals([choice(), choice(card=OTHER, rank=1)], kb)
    assert result.variants == [] and result.skipped_counts() == {"twijfel": 2}


def test_theme_cards_are_listed_not_proposed(kb):
    result = build_proposals([choice("rapport werkgeluk wanneer", THEME, 0)], kb)
    assert result.variants == []
    [listed] = result.listed
    assert listed.card_id == THEME and listed.target.kind == "thema"


def test_unknown_or_changed_cards_are_skipped(kb):
    result = build_proposals([
        choice(card="weg-dossier/vraag-1"),
        choice(card_mark=card_mark("een heel andere vraag")),
        choice("nog een andere vraag", card_mark=card_mark(
            kb.dossier("fkd-vervolgstappen-onderzoeken").questions[9].question)),
    ], kb)
    assert result.skipped_counts() == {"kaart_weg": 1, "kaart_gewijzigd": 1}
    assert [p.text for p in result.variants] == ["nog een andere vraag"]


def test_min_count(kb):
    choices = [choice(), choice(), choice("andere woorden voor opleidingen")]
    result = build_proposals(choices, kb, min_count=2)
    assert [p.count for p in result.variants] == [2]
    assert result.skipped_counts() == {"minder_dan_min": 1}


def test_embargo_is_counted_but_never_shown(kb_copy):
    path = kb_copy / "dossiers" / "fkd-vervolgstappen-onderzoeken.yaml"
    path.write_text(path.read_text("utf-8").replace(
        "embargo_tot: null", "embargo_tot: 2099-01-01T09:00:00+01:00"), "utf-8")
    kb = load_knowledge(kb_copy)
    hidden = build_proposals([choice()], kb)
    assert hidden.variants == [] and hidden.skipped_counts() == {"embargo": 1}
    assert all(not s.text and not s.card_id for s in hidden.skipped)
    assert build_proposals([choice()], kb, include_embargo=True).variants


def test_most_chosen_first(kb):
    result = build_proposals([choice(card=OTHER, rank=1, query="hoe zit het met melden"),
                              choice(), choice()], kb)
    assert [p.card_id for p in result.variants] == [CARD, OTHER]
