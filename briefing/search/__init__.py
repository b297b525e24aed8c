"""Search: the Dutch analysis chain, the cached Whoosh index, query understanding, ranking.

    from briefing.search import SearchEngine, SearchOptions, Result
    engine = SearchEngine.open(kb)               # cached per knowledge base fingerprint
    results = engine.search("vacatures duren lang", SearchOptions(limit=5))
    if SearchEngine.no_good_answer(results): ...  # say "Geen voorbereid antwoord"
"""

from briefing.search.results import Certainty, Kind, Result, SearchOptions

__all__ = ["Certainty", "Kind", "Result", "SearchEngine", "SearchOptions", "no_good_answer"]


def __getattr__(name: str):
    # The engine pulls in Whoosh and rapidfuzz: only when it is actually used.
    if name == "SearchEngine":
        from briefing.search.engine import SearchEngine

        return SearchEngine
    if name == "no_good_answer":
        from briefing.search.engine import SearchEngine

        return SearchEngine.no_good_answer
    raise AttributeError(name)
