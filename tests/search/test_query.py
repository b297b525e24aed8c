"""Query understanding: members and parties, abbreviations both ways, synonyms, fillers, typos."""

from __future__ import annotations

from briefing.search.analysis import stem


def _terms(concept):
    return {t for alt in concept.alts for t in alt.terms}


def _all_terms(plan):
    return {t for c in plan.concepts for t in _terms(c)}


def test_member_recognised_with_alias_typo_and_party(engine):
    plan = engine.plan("Janssen (PvdA) vraagt naar vacatures")
    assert plan.member is not None and plan.member.name == "Jansen"
    assert plan.party is not None and plan.party.name == "Partij van de Arbeid"
    plan = engine.plan("elamrani wil de link")
    assert plan.member is not None and plan.member.name == "El Amrani"
    plan = engine.plan("wat vroeg de wit over het meldpunt")
    assert plan.member is not None and plan.member.name == "De Wit"


def test_party_that_is_also_a_word_needs_to_be_written_as_a_party(engine):
    assert engine.plan("DENK wil de link").party is not None
    assert engine.plan("ik denk dat de link er is").party is None


def test_member_names_only_match_askers_not_answer_words(engine):
    plan = engine.plan("DENK link intranet")
    names = [c for c in plan.concepts if c.source == "party"]
    assert names and all(c.names_only for c in names)


def test_filler_words_of_spoken_questions_weigh_nothing(engine):
    spoken = engine.plan("Ja, dank u wel voorzitter. Ik wil even vragen: wat kost het meldpunt?")
    plain = engine.plan("kost meldpunt")
    assert [c.word for c in spoken.concepts] == [c.word for c in plain.concepts]
    assert engine.plan("Dank u wel, voorzitter.").empty


def test_abbreviation_expands_to_its_meaning_and_back(engine):
    short = engine.plan("BI melding")
    assert {stem("bureau"), stem("integriteit")} <= _all_terms(short)
    long = engine.plan("bureau integriteit melding")
    assert "bi" in _all_terms(long)


def test_compound_with_the_parts_of_an_abbreviation(engine):
    plan = engine.plan("integriteitsbureau")
    assert "bi" in _all_terms(plan)


def test_synonyms_apply_both_ways_and_to_phrases(engine):
    assert stem("sanctie") in _all_terms(engine.plan("straffen"))
    assert stem("straf") in _all_terms(engine.plan("sancties"))
    assert stem("vacature") in _all_terms(engine.plan("openstaande functies"))


def test_typo_corrected_against_the_index_vocabulary(engine):
    plan = engine.plan("vacaturs")
    assert stem("vacature") in _all_terms(plan)
    plan = engine.plan("medewekers")
    assert stem("medewerker") in _all_terms(plan)


def test_last_word_still_being_typed_is_completed(engine):
    plan = engine.plan("kosten meldp")
    assert stem("meldpunt") in _all_terms(plan)


def test_follow_up_takes_the_topic_of_the_previous_question(engine):
    plan = engine.understanding.plan("en de kosten?", context="het externe meldpunt")
    assert plan.follow_up
    assert any(c.source == "context" and stem("meldpunt") in _terms(c) for c in plan.concepts)


def test_answer_type_of_quantity_and_time_questions(engine):
    assert engine.plan("Hoeveel sancties zijn opgelegd?").answer_type == "aantal"
    assert engine.plan("Sinds wanneer is het meldpunt open?").answer_type == "datum"
    assert engine.plan("Wat gebeurt er wanneer iemand meldt?").answer_type is None


def test_compound_typed_as_two_words(engine):
    plan = engine.plan("snellere wervings procedures")
    assert stem("wervingsprocedures") in _all_terms(plan)
    result = engine.search("wervings procedures")[0]
    assert result.card_id == "personeel/vraag-1"


def test_everyday_words_weigh_less_than_rare_ones(engine):
    """'niks' and 'ziekteverzuim' are both unknown to the knowledge base; everyday Dutch says
    the first is chit-chat and the second a subject the knowledge base lacks."""
    plan = engine.plan("niks over ziekteverzuim")
    weight = {c.word: c.weight for c in plan.concepts}
    assert weight["niks"] < 0.6 * weight["ziekteverzuim"]
    assert all(c.unknown for c in plan.concepts)


def test_an_abbreviation_listed_twice_has_two_meanings(tmp_path):
    from briefing.model import load_knowledge
    from briefing.search import SearchEngine
    from tests.search.conftest import VETTED, write_kb

    dossier = {**VETTED, "themas": [*VETTED["themas"], {"titel": "Sociale dienst", "regels": [
        "Bij WPI werken ruim 2000 mensen."]}]}
    root = write_kb(tmp_path / "kb", dossiers=(dossier,))
    (root / "afkortingen.yaml").write_text(
        "- {afkorting: WPI, betekenis: 'Werk, Participatie en Inkomen'}\n"
        "- {afkorting: WPI, betekenis: sociale dienst}\n", encoding="utf-8")
    engine = SearchEngine.open(load_knowledge(root), cache_dir=tmp_path / "cache")
    for text in ("de sociale dienst", "werk participatie en inkomen"):
        concepts = engine.plan(text).concepts
        assert len(concepts) == 1 and any(a.terms == ("wpi",) for a in concepts[0].alts)


def test_a_particle_at_the_end_of_the_clause_joins_its_verb(engine):
    """'hoe vullen jullie die vacatures in?' is about 'invullen' (Dutch puts the particle of a
    separable verb at the end of a main clause)."""
    plan = engine.plan("hoe vullen jullie die vacatures nu in?")
    vullen = next(c for c in plan.concepts if c.word == "vullen")
    assert (stem("invullen"),) in [a.terms for a in vullen.alts]
    plan = engine.plan("hoe is de leiding geregeld in?")
    leiding = next(c for c in plan.concepts if c.word == "leiding")
    assert all(a.kind != "form" for a in leiding.alts)
