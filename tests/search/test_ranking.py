"""Ranking on a small fixture: the right card on top, filters, certainty and best lines."""

from __future__ import annotations

from briefing.search import SearchEngine, SearchOptions


def top(engine, query, **options):
    results = engine.search(query, SearchOptions(**options))
    assert results, query
    return results[0]


def test_paraphrase_with_synonyms_finds_the_prepared_question(engine):
    result = top(engine, "hoe lang duurt het invullen van openstaande functies")
    assert result.card_id == "personeel/vraag-1"
    assert result.kind == "vraag" and result.member == "Jansen"
    assert result.certainty == "hoog"


def test_abbreviation_in_the_text_matches_the_spelled_out_question(engine):
    result = top(engine, "wat doet het bureau integriteit als eerste met de melder")
    assert result.card_id == "personeel/vraag-3"
    assert result.line_texts[result.best_lines[0]].startswith("BI gaat altijd eerst")


def test_typo_and_compound_words(engine):
    assert top(engine, "medewerkers tevredenheid onderzoek").card_id == "personeel/thema-3"
    assert top(engine, "sanktie rapportage").card_id == "personeel/thema-2"


def test_best_lines_point_at_the_matching_sub_line(engine):
    result = top(engine, "worden anonieme meldingen onderzocht")
    assert result.card_id == "personeel/thema-1"
    best = result.line_texts[result.best_lines[0]]
    assert best == "Anonieme meldingen worden niet op persoonsniveau onderzocht."


def test_quantity_question_prefers_the_line_with_a_count(engine):
    result = top(engine, "hoeveel sancties")
    assert result.line_texts[result.best_lines[0]] == "In 2023 zijn 45 sancties opgelegd."


def test_embargoed_dossier_only_when_asked(engine):
    assert not [r for r in engine.search("bezuiniging parkeerhandhaving")
                if r.dossier_id == "begroting-geheim"]
    result = top(engine, "bezuiniging parkeerhandhaving", include_embargo=True)
    assert result.dossier_id == "begroting-geheim"


def test_concept_content_left_out_or_ranked_below_vetted(engine):
    results = engine.search("streefcijfers diversiteit", SearchOptions(include_concept=False))
    assert all(r.status == "vastgesteld" for r in results)
    both = engine.search("bedrag begroting meldpunt kost")
    statuses = [r.status for r in both]
    assert "concept" in statuses  # shown when allowed ...
    assert both[0].status == "vastgesteld"  # ... but below the vetted answer


def test_member_and_party_filters_resolve_names_fuzzily(engine):
    results = engine.search("meldpunt melding", SearchOptions(member="janssen"))
    assert results and all(r.kind == "vraag" for r in results)
    assert {r.card_id for r in results} <= {"personeel/vraag-1", "personeel/vraag-3",
                                            "diversiteit-concept/vraag-1"}
    # a variant's asker counts too: De Wit (VVD) asked question 3 in other words
    vvd = {r.card_id for r in engine.search("integriteitsbureau meldingen",
                                            SearchOptions(party="vvd"))}
    assert "personeel/vraag-3" in vvd
    assert engine.search("meldpunt", SearchOptions(member="Onbekend Lid")) == []


def test_active_dossier_ranks_first(engine):
    plain = engine.search("streefcijfers", SearchOptions(include_concept=True))
    assert plain[0].dossier_id == "diversiteit-concept"
    boosted = engine.search("werkgever veilig", SearchOptions(dossier="personeel"))
    assert boosted[0].dossier_id == "personeel"
    assert engine.active_dossier("Raadsbrief voortgang") == "personeel"


def test_follow_up_question_uses_the_context(engine):
    context = "Wanneer is het externe meldpunt gestart?"
    assert top(engine, "en de kosten?", context=context).card_id == "personeel/vraag-4"
    assert top(engine, "wat kost dat per jaar?", context=context).card_id == "personeel/vraag-4"


def test_a_new_question_is_not_bent_by_the_previous_one(engine):
    result = top(engine, "link intranet", context="Wat kost het meldpunt per jaar?")
    assert result.card_id == "personeel/vraag-2" and result.certainty == "hoog"
    alone = engine.search("link intranet")
    assert [r.card_id for r in alone] == [
        r.card_id for r in engine.search("link intranet",
                                         SearchOptions(context="Wat kost het meldpunt?"))]


def test_no_prepared_answer_is_said_clearly(engine):
    results = engine.search("Wat vindt de wethouder van de Noord/Zuidlijn?")
    assert SearchEngine.no_good_answer(results)
    assert all(r.certainty == "laag" for r in results)
    good = engine.search("wat kost het meldpunt per jaar")
    assert not SearchEngine.no_good_answer(good)


def test_empty_and_whitespace_queries_return_nothing(engine):
    assert engine.search("") == []
    assert engine.search("   \n\t") == []


def test_result_json_has_the_contract_fields(engine):
    data = top(engine, "link intranet").to_json()
    for key in ("soort", "dossier", "titel", "raadslid", "fractie", "vraag", "regels",
                "doorvragen", "status", "classificatie", "score", "zekerheid", "bron"):
        assert key in data
    assert data["regels"] == ["We zetten de informatie voor 1 juni online.",
                              "Zodra dit beschikbaar is, ontvangt u een linkje."]
    assert data["zekerheid"] in ("hoog", "middel", "laag")


def test_if_pressed_lines_are_searched_and_returned(engine):
    result = top(engine, "snellere wervingsprocedures")
    assert result.card_id == "personeel/vraag-1"
    assert [line.text for line in result.if_pressed] == ["We werken aan snellere wervingsprocedures."]


def test_search_from_many_threads_at_once(engine):
    from concurrent.futures import ThreadPoolExecutor

    queries = ["meldpunt kosten", "vacature", "BI melding", "sancties", "link intranet"] * 8
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda q: [r.card_id for r in engine.search(q)], queries))
    assert results == [[r.card_id for r in engine.search(q)] for q in queries]
