"""Whatever is typed, the engine answers with a list and never raises."""

from __future__ import annotations

import pytest

from briefing.search import SearchOptions

HOSTILE = [
    'AND OR NOT ( ) " * ? ~ ^ : [ ] { }',
    "meldpunt AND (kosten OR",
    'titel:"meldpunt',
    "meld* kost~2 ^3 field:value [a TO b] {x TO y}",
    "NOT",
    "\\",
    "\x00\x01\x02 meldpunt \x1b[31m kosten \x7f",
    "😀🔥 meldpunt 💶",
    "الشرطة 警察 полиция",
    "----",
    "''''''",
    "%s %d {0} ${HOME} $(rm -rf /)",
    "<script>alert(1)</script>",
    "a" * 5000,
    "meldpunt " * 2000,
    " ".join(f"woord{i}" for i in range(3000)),
    "\ud800",  # a lone surrogate, as a broken paste can give
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_never_raise(engine, query):
    results = engine.search(query, SearchOptions(limit=5))
    assert isinstance(results, list)
    for result in results:
        assert result.certainty in ("hoog", "middel", "laag")


def test_syntax_characters_are_plain_text(engine):
    plain = [r.card_id for r in engine.search("meldpunt kosten")]
    assert [r.card_id for r in engine.search("meldpunt AND kosten*")] == plain
    assert [r.card_id for r in engine.search('"meldpunt" (kosten)')] == plain


def test_hostile_options_never_raise(engine):
    options = SearchOptions(member="*) OR (", party="[a TO z]", dossier="../../etc",
                            context="NOT NOT ( ( (")
    assert isinstance(engine.search("meldpunt", options), list)


def test_very_long_input_is_capped(engine):
    plan = engine.plan("meldpunt " * 5000 + " kosten")
    assert len(plan.text) <= 1000
