"""The search engine: Whoosh BM25F retrieves candidates, then a fusion with term coverage,
line focus and rapidfuzz similarity ranks them, and a calibrated certainty says how sure it is.

Thread safety: `search` may be called from several threads at once: searchers come from a
pool, never shared by two threads at a time. `open` may be called from any thread; building one
knowledge base's index does not block opening another."""

from __future__ import annotations

import threading
import types
from collections import OrderedDict
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Sequence

from briefing.model.knowledge import KnowledgeBase, is_under_embargo
from briefing.model.registers import Registers, fold as fold_name
from briefing.search.cards import Card, dossier_cards
from briefing.search.index import (
    BM25_B,
    BM25_K1,
    FIELD_B,
    FIELD_WEIGHTS,
    Built,
    Source,
    cache_root,
    load_cached,
    open_or_update,
    touch,
    weighting,
)
from briefing.search.query import MAX_FOLLOW_UP_CONCEPTS, QueryPlan, QueryUnderstanding
from briefing.search import cardterms
from briefing.search.cardterms import CardTerms
from briefing.search.ranking import Features, Scorer, certainty_of
from briefing.search.results import Result, SearchOptions

CANDIDATES = 30              # Whoosh's top-N that the fusion re-ranks
MAX_CONCEPT_CLAUSES = 12     # concepts sent to Whoosh, most telling first
FIELD_ORDER = ("head", "body", "meta")
TIEBREAK = 0.1               # other matching alternatives of a concept add a little
POSTINGS_BUDGET = 2500       # postings Whoosh may read per query (keeps p95 low at 10k questions)
CONCEPT_PENALTY = 0.85       # a concept answer ranks below an equally good vetted one
ACTIVE_DOSSIER_BONUS = 0.08
MEMBER_BONUS = 0.15          # the member named in the question asked this one
ANCHOR_CARD_BONUS = 0.12     # a follow-up: the card that answered the previous question
ANCHOR_DOSSIER_BONUS = 0.10  # ... and the other cards of its dossier (a follow-up stays on
                             # its subject: as strong as the dossier chosen for the meeting)


class SearchEngine:
    """Search the answer cards of one knowledge base (one fingerprint)."""

    _engines: "OrderedDict[str, SearchEngine]" = OrderedDict()
    _building: dict[str, threading.Lock] = {}
    _lock = threading.Lock()

    def __init__(self, built: Built, registers: Registers, fingerprint: str):
        self.fingerprint = fingerprint
        self.registers = registers
        self._built = built
        self.cards: Sequence[Card] = built.cards    # decoded on first use
        self._by_id = {card_id: i for i, card_id in enumerate(built.index.ids)}
        self.understanding = QueryUnderstanding(built.vocab, registers)
        self._analyzer = self.understanding.analyzer
        self._pool: list = []                       # idle Whoosh searchers
        self._pool_lock = threading.Lock()
        self._docsets: dict[str, frozenset[int]] = {}
        self._lengths: dict[str, dict[int, int]] = {}  # field -> docnum -> field length
        self._embargo = {}
        self._dossiers = {}
        for dossier_id, title, embargo_until in built.dossiers:
            if embargo_until is not None:
                self._embargo[dossier_id] = embargo_until
            self._dossiers.setdefault(dossier_id, title)

    # --- opening -----------------------------------------------------------------------------
    @classmethod
    def open(cls, kb: KnowledgeBase, cache_dir: Path | None = None) -> "SearchEngine":
        """The engine for this knowledge base: from memory, from the cache, or built now.
        Cheap to call again with the same (or an identically loaded) knowledge base."""
        fingerprint = kb.fingerprint or _content_fingerprint(kb)
        memo_key = f"{fingerprint}|{cache_dir or cache_root()}"
        with cls._lock:
            engine = cls._engines.get(memo_key)
            if engine is not None:
                cls._engines.move_to_end(memo_key)
                return engine
            building = cls._building.setdefault(memo_key, threading.Lock())
        with building:  # one build per knowledge base; other threads wait for it, not for all
            with cls._lock:
                engine = cls._engines.get(memo_key)
            if engine is None:
                sources, register_files = _sources(kb)
                built = open_or_update(sources, fingerprint, cache_dir, kb.registers,
                                       register_files)
                engine = cls(built, kb.registers, fingerprint)
                with cls._lock:
                    cls._remember(memo_key, engine)
        with cls._lock:
            cls._building.pop(memo_key, None)
        return engine

    @classmethod
    def open_folder(cls, root: Path | str, cache_dir: Path | None = None) -> "SearchEngine":
        """Fast start for the CLI: with a warm cache, the knowledge files are only hashed, not
        parsed. Falls back to loading the knowledge base."""
        from briefing.search.fingerprint import file_digests

        root = Path(root)
        found = file_digests(root)
        if found:
            fingerprint, files = found
            memo_key = f"{fingerprint}|{cache_dir or cache_root()}"
            with cls._lock:
                engine = cls._engines.get(memo_key)
                if engine is not None:
                    return engine
            built = load_cached(fingerprint, cache_dir)
            if built is None:
                # A dossier file changed: update the cached index from the files alone,
                # parsing only the changed ones (when the registers are unchanged).
                built = _update_from_files(files, fingerprint, cache_dir)
            if built is not None and built.registers is not None:
                engine = cls(built, built.registers, fingerprint)
                with cls._lock:
                    cls._remember(memo_key, engine)
                return engine
        from briefing.model import load_knowledge

        return cls.open(load_knowledge(root), cache_dir)

    @classmethod
    def _remember(cls, key: str, engine: "SearchEngine") -> None:
        cls._engines[key] = engine
        while len(cls._engines) > 4:
            cls._engines.popitem(last=False)

    @property
    def index_path(self) -> Path | None:
        """Where the index lives (None: in memory, the cache dir was not writable)."""
        return self._built.path

    @property
    def built_now(self) -> bool:
        return self._built.built_now

    def card(self, card_id: str) -> Card | None:
        index = self._by_id.get(card_id)
        return self.cards[index] if index is not None else None

    # --- searching ---------------------------------------------------------------------------
    @contextmanager
    def _searcher(self):
        """A Whoosh searcher for this thread's search. Searchers are pooled, not kept per
        thread: a Textual thread worker may run each keystroke in a new thread, and a searcher
        per dead thread would leak open files. Never two threads on one searcher."""
        with self._pool_lock:
            searcher = self._pool.pop() if self._pool else None
        if searcher is None:
            searcher = self._built.index.searcher(weighting=weighting())
            touch(self._built.path)
        try:
            yield searcher
        finally:
            with self._pool_lock:
                self._pool.append(searcher)

    def plan(self, query: str, options: SearchOptions = SearchOptions()) -> QueryPlan:
        return self.understanding.plan(query, options.context)

    def search(self, query: str, options: SearchOptions = SearchOptions()) -> list[Result]:
        """The best answer cards for what was typed, best first; [] for an empty query.

        Filters: options.member / options.party keep only prepared questions asked by that
        member / party (as a variant asker too); names are resolved fuzzily through the
        registers (aliases, abbreviations, small typos). Embargoed dossiers are left out unless
        options.include_embargo; concept content is left out when include_concept is False and
        otherwise ranks below equally good vetted content."""
        if not query or not query.strip():
            return []
        plan = self.plan(query, options)
        anchor = self._anchor(options) if plan.follow_up else None
        results = self._search_plan(plan, options, anchor)
        if options.context and not plan.follow_up and self._short(plan) \
                and self.no_good_answer(results):
            # A short question that finds nothing good on its own may lean on the previous
            # one without saying so ("kosten?"): try it in that context, keep the better.
            retry = self._search_plan(
                self.understanding.plan(query, options.context, follow_up=True), options,
                self._anchor(options))
            if retry and (not results or _rank_of(retry[0].certainty)
                          > _rank_of(results[0].certainty)):
                return retry
        return results

    def _anchor(self, options: SearchOptions) -> tuple[int, str] | None:
        """The card the previous question found (and its dossier): a follow-up stays there
        unless its own words clearly point elsewhere ("en de kosten?" after a question on a
        voordracht is about that voordracht, not about a line elsewhere that says 'kost')."""
        if not options.context or not options.context.strip():
            return None
        previous = self._search_plan(self.understanding.plan(options.context),
                                     replace(options, context=None, limit=1))
        if not previous:
            return None
        index = self._by_id.get(previous[0].card_id)
        return None if index is None else (index, previous[0].dossier_id)

    @staticmethod
    def _short(plan: QueryPlan) -> bool:
        own = [c for c in plan.concepts if c.source == "query"]
        return len(own) <= MAX_FOLLOW_UP_CONCEPTS

    def _search_plan(self, plan: QueryPlan, options: SearchOptions,
                     anchor: tuple[int, str] | None = None) -> list[Result]:
        if plan.empty:
            return []
        hits = self._retrieve(plan, options)
        if anchor is not None and all(index != anchor[0] for index, _, _ in hits) \
                and self._allowed(anchor[0], options):
            # The previous answer is always a candidate for its follow-up ("en waarom?").
            hits.append((anchor[0], 0.0, self.card_terms(anchor[0])))
        if not hits:
            return []
        return self._rank(plan, hits, options, anchor)

    def _allowed(self, index: int, options: SearchOptions) -> bool:
        """Whether the filters of these options let this card through (for the anchor card,
        which does not come from Whoosh)."""
        card = self.cards[index]
        if not options.include_concept and not card.vetted:
            return False
        if not options.include_embargo and card.embargo_until is not None and \
                is_under_embargo(types.SimpleNamespace(embargo_until=card.embargo_until),  # type: ignore[arg-type]
                                 datetime.now().astimezone()):
            return False
        if options.member or options.party:
            return False  # a filtered search keeps to what the filter finds
        return True

    @staticmethod
    def no_good_answer(results: list[Result]) -> bool:
        """True when there is no prepared answer worth reading out: nothing found, or the best
        card is only a weak match (certainty 'laag'). Show "Geen voorbereid antwoord" then."""
        return not results or results[0].certainty == "laag"

    def _retrieve(self, plan: QueryPlan,
                  options: SearchOptions) -> list[tuple[int, float, CardTerms]]:
        """The top candidates by Whoosh's BM25F, summed over concepts, where a concept scores
        the best of its alternatives (stem, forms, synonyms, abbreviation, correction) in any
        field: a word with three synonyms does not count three times. Terms only, never a
        query parser: no user text can be Whoosh syntax."""
        with self._searcher() as searcher:
            return self._retrieve_with(searcher, plan, options)

    def _retrieve_with(self, searcher, plan: QueryPlan,
                       options: SearchOptions) -> list[tuple[int, float, CardTerms]]:
        import heapq

        restrict = self._docset(searcher, self._restriction(options))
        mask = self._docset(searcher, self._mask(options))
        totals: dict[int, float] = {}
        for concept_terms in self._clauses(plan, searcher):
            best: dict[int, float] = {}
            extra: dict[int, float] = {}
            for fieldname, term, boost in concept_terms:
                lengths = self._lengths.setdefault(fieldname, {})
                for doc, score in scored_postings(searcher, fieldname, term, lengths):
                    if (mask is None or doc not in mask) and (restrict is None or doc in restrict):
                        score *= boost
                        old = best.get(doc)
                        if old is None:
                            best[doc] = score
                        elif score > old:
                            best[doc] = score
                            extra[doc] = extra.get(doc, 0.0) + old
                        else:
                            extra[doc] = extra.get(doc, 0.0) + score
            for doc, score in best.items():
                totals[doc] = totals.get(doc, 0.0) + score + TIEBREAK * extra.get(doc, 0.0)
        top = heapq.nlargest(CANDIDATES, totals.items(), key=lambda item: (item[1], -item[0]))
        out = []
        for doc, score in top:
            stored = searcher.stored_fields(doc)
            index = self._by_id.get(stored.get("card"))
            if index is not None:
                # The analysis stored at build time: parsed per search, not kept, so that a
                # long meeting does not pile up objects for the garbage collector to walk.
                analysis = stored.get("analysis")
                terms = cardterms.load(analysis) if analysis else self.card_terms(index)
                out.append((index, score, terms))
        return out

    def _docset(self, searcher, whoosh_query) -> frozenset[int] | None:
        """The documents of a filter or mask query, cached: embargo and member filters are the
        same for every keystroke (and docnums are the same for every searcher of the index)."""
        if whoosh_query is None:
            return None
        key = repr(whoosh_query)
        found = self._docsets.get(key)
        if found is None:
            found = frozenset(searcher.docs_for_query(whoosh_query))
            with self._pool_lock:
                if len(self._docsets) > 64:
                    self._docsets.clear()
                self._docsets[key] = found
        return found

    def _clauses(self, plan: QueryPlan, searcher) -> list[list[tuple[str, str, float]]]:
        """Per concept its (field, term, boost) postings to read, within a budget.

        Whoosh reads every posting in Python; a common word in a big knowledge base has
        thousands. So each concept's own word comes first (rarest concepts first), then the
        alternatives by value, and common terms only while the budget lasts: the ranking still
        sees every term on the candidates, so a common word still counts there; it just does
        not pull in candidates."""
        understanding = self.understanding
        concepts = sorted(plan.concepts, key=lambda c: -c.idf * c.weight)[:MAX_CONCEPT_CLAUSES]
        wanted = []   # (priority, concept number, term, [(field, boost)])
        for number, concept in enumerate(concepts):
            known = all(t in understanding.df for t in concept.alts[0].terms)
            for rank, alt in enumerate(concept.alts):
                if known and alt.broad:
                    continue
                share = alt.weight * concept.weight
                for term in alt.terms:
                    if term not in understanding.df:
                        continue
                    fields = []
                    for fieldname in ("meta",) if concept.names_only else FIELD_ORDER:
                        if fieldname == "meta" and not concept.names_only and alt.weight < 0.95:
                            continue  # the dossier title only for the words actually said
                        fields.append((fieldname, share * FIELD_WEIGHTS[fieldname]))
                    priority = (rank > 0, -share * understanding.idf(term))
                    wanted.append((priority, number, term, fields, known and rank > 0))
        wanted.sort(key=lambda item: item[0])
        budget = POSTINGS_BUDGET
        per_concept: dict[int, list[tuple[str, str, float]]] = {}
        skipped: set[int] = set()
        cheapest = None
        for _, number, term, fields, alternative in wanted:
            if alternative and number in skipped:
                continue  # the word itself is too common to pull candidates: so is its synonym
            # A term in all its fields or not at all: a common word read only where it is
            # rare (say the head) would favour cards that have it there.
            costs = [searcher.doc_frequency(fieldname, term) for fieldname, _ in fields]
            cost = sum(costs)
            if not cost:
                continue
            chosen = [(fieldname, term, boost) for (fieldname, boost), n in zip(fields, costs) if n]
            if cheapest is None or cost < cheapest[0]:
                # For the fallback: the fields where the word is rarest, within twice the budget.
                within, spent = [], 0
                for (fieldname, boost), n in sorted(zip(fields, costs), key=lambda fc: fc[1]):
                    if n and (not within or spent + n <= 2 * POSTINGS_BUDGET):
                        within.append((fieldname, term, boost))
                        spent += n
                cheapest = (cost, number, within)
            if cost > budget:
                if not alternative:
                    skipped.add(number)
                continue
            budget -= cost
            per_concept.setdefault(number, []).extend(chosen)
        if not per_concept and cheapest is not None:
            # Only common words: the least common one still pulls in candidates.
            per_concept[cheapest[1]] = cheapest[2]
        return list(per_concept.values())

    def _restriction(self, options: SearchOptions):
        """A Whoosh filter for the member/party options; False when nothing can match."""
        from whoosh import query as Q

        parts = []
        if options.member:
            member = self.registers.member(options.member)
            key = fold_name(member.name) if member else fold_name(options.member)
            parts.append(Q.Term("member", key))
        if options.party:
            party = self.registers.party(options.party)
            key = fold_name(party.name) if party else fold_name(options.party)
            parts.append(Q.Term("party", key))
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else Q.And(parts)

    def _mask(self, options: SearchOptions):
        from whoosh import query as Q

        parts = []
        if not options.include_embargo:
            now = datetime.now().astimezone()
            for dossier_id, until in self._embargo.items():
                if is_under_embargo(types.SimpleNamespace(embargo_until=until), now):  # type: ignore[arg-type]
                    parts.append(Q.Term("dossier", dossier_id))
        if not options.include_concept:
            parts.append(Q.Term("status", "concept"))
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else Q.Or(parts)

    def active_dossier(self, key: str | None) -> str | None:
        """The dossier id meant by options.dossier: an id, or a unique part of an id or title."""
        if not key:
            return None
        if key in self._dossiers:
            return key
        folded = fold_name(key)
        hits = [d for d, title in self._dossiers.items()
                if folded in fold_name(d) or folded in fold_name(title)]
        return hits[0] if len(hits) == 1 else None

    # --- ranking -----------------------------------------------------------------------------
    def card_terms(self, index: int) -> CardTerms:
        """A card's analysis computed now (the index normally stores it)."""
        return cardterms.analyse(self.cards[index], self._analyzer)

    def explain(self, query: str, options: SearchOptions = SearchOptions()) -> list[dict]:
        """The ranking features of the top cards, for tuning and for tests."""
        plan = self.plan(query, options)
        hits = self._retrieve(plan, options) if not plan.empty else []
        ranked = self._score(plan, hits, options)
        return [{"card": self.cards[f.index].card_id, "score": round(f.score, 4),
                 **{k: round(v, 3) for k, v in f.parts.items()}} for f in ranked]

    def _score(self, plan: QueryPlan, hits: list[tuple[int, float, CardTerms]],
               options: SearchOptions, anchor: tuple[int, str] | None = None) -> list[Features]:
        if not hits:
            return []
        scorer = Scorer(plan, max(score for _, score, _ in hits) or 1.0)
        active = self.active_dossier(options.dossier)
        member_key = fold_name(plan.member.name) if plan.member else None
        out = []
        for index, bm25, terms in hits:
            card = self.cards[index]
            features = scorer.features(index, card, terms, bm25)
            if active and card.dossier_id == active:
                features.score += ACTIVE_DOSSIER_BONUS
            if member_key and member_key in card.member_keys:
                features.score += MEMBER_BONUS
            if anchor is not None:
                if index == anchor[0]:
                    features.score += ANCHOR_CARD_BONUS
                elif card.dossier_id == anchor[1]:
                    features.score += ANCHOR_DOSSIER_BONUS
            if not card.vetted:
                features.score *= CONCEPT_PENALTY
            out.append(features)
        out.sort(key=lambda f: (-f.score, f.index))
        return out

    def _best_text(self, features: Features) -> str | None:
        card = self.cards[features.index]
        if not features.best_lines:
            return card.title
        return card.line_texts[features.best_lines[0]]

    def _lead(self, ranked: list[Features]) -> float:
        """How far the top card is ahead of the best card with another answer (a card that
        marks the same line, such as a question repeating a section, is no rival)."""
        best = self._best_text(ranked[0])
        for other in ranked[1:]:
            if self._best_text(other) != best:
                return ranked[0].score - other.score
        return ranked[0].score

    def _rank(self, plan: QueryPlan, hits: list[tuple[int, float, CardTerms]],
              options: SearchOptions, anchor: tuple[int, str] | None = None) -> list[Result]:
        ranked = self._score(plan, hits, options, anchor)
        top = ranked[0].score if ranked else 1.0
        results = []
        ceiling = "hoog"
        for rank, features in enumerate(ranked[:max(1, options.limit)]):
            certainty = certainty_of(features, features.score / top if top else 0.0,
                                     lead=self._lead(ranked) if rank == 0 else None)
            # Never surer further down the list than at the top.
            certainty = min(certainty, ceiling, key=_rank_of)
            ceiling = certainty
            results.append(self.cards[features.index].to_result(
                score=features.score, certainty=certainty, best_lines=features.best_lines))
        return results


def scored_postings(searcher, fieldname: str, term: str, lengths: dict[int, int] | None = None):
    """(docnum, BM25F score) for every posting of a term, with Whoosh's statistics and its
    BM25F formula (per-field B, as in index.weighting()). The index's own searcher (store.py)
    computes it directly; for a Whoosh searcher this reads whole postings blocks of the
    whoosh3 codec (pinned) instead of calling four methods per posting; any other matcher
    goes through Whoosh's public, slower interface."""
    own = getattr(searcher, "scored_postings", None)
    if own is not None:
        yield from own(fieldname, term)
        return
    reader = searcher.reader()
    matcher = reader.postings(fieldname, term) if searcher.is_atomic() else None
    if matcher is None or not all(hasattr(matcher, name) for name in _BLOCK_API):
        matcher = searcher.postings(fieldname, term)
        while matcher.is_active():
            yield matcher.id(), matcher.score()
            matcher.next()
        return
    idf = searcher.idf(fieldname, term)
    avgfl = searcher.avg_field_length(fieldname) or 1.0
    b = FIELD_B.get(fieldname, BM25_B)
    k1 = BM25_K1
    perdoc = getattr(reader, "_perdoc", None)
    if hasattr(perdoc, "doc_field_length_reader"):
        read_length = perdoc.doc_field_length_reader(fieldname)
    else:
        def read_length(doc: int) -> int:
            return reader.doc_field_length(doc, fieldname)
    if lengths is None:
        lengths = {}
    norm_base, norm_len = k1 * (1 - b), k1 * b / avgfl
    top = idf * (k1 + 1)
    while matcher.is_active():
        matcher._read_ids()
        matcher._read_weights()
        for doc, tf in zip(matcher._ids, matcher._weights):
            length = lengths.get(doc)
            if length is None:
                length = lengths[doc] = read_length(doc) or 0
            yield doc, top * tf / (tf + norm_base + norm_len * length)
        matcher._next_block()


_BLOCK_API = ("_read_ids", "_read_weights", "_ids", "_weights", "_next_block")


def _rank_of(certainty: str) -> int:
    return {"laag": 0, "middel": 1, "hoog": 2}.get(certainty, 0)


def _sources(kb: KnowledgeBase) -> tuple[list[Source], dict[str, str]]:
    """The dossiers of a loaded knowledge base as the index sees them: file, hash of the
    bytes in use, and how to make their cards (only called for changed dossiers)."""
    import hashlib
    import json

    from briefing.search.fingerprint import register_digests

    registers = kb.registers
    digests = kb.digests
    sources = []
    for dossier in kb.dossiers:
        dossier_id = dossier.id or ""
        path = kb.paths.get(dossier_id)
        relative = ""
        if path is not None:
            try:
                relative = path.relative_to(kb.root).as_posix()
            except ValueError:
                relative = ""
        digest = digests.get(relative) if relative else None
        if digest is None:
            raw = json.dumps(dossier.to_data(), sort_keys=True, default=str)
            digest = "content-" + hashlib.sha256(raw.encode()).hexdigest()

        def load(dossier=dossier, dossier_id=dossier_id):
            return (dossier_id, dossier.title, dossier.embargo_until,
                    dossier_cards(dossier, registers))
        sources.append(Source(relative, digest, load, dossier_id))
    return sources, register_digests(digests) if digests else {"code": "1"}


def _update_from_files(files, fingerprint: str, cache_dir: Path | None) -> Built | None:
    """The index of a knowledge folder from the closest cached generation with the same
    register files, parsing only dossier files it does not know. None: no such generation."""
    from briefing.model.loading import read_dossier
    from briefing.search.index import find_registers

    from briefing.search.fingerprint import register_digests

    register_files = register_digests({f.relative: f.digest for f in files})
    found = find_registers(register_files, cache_dir)
    if found is None:
        return None
    registers, hint = found
    sources = []
    for item in files:
        if not item.is_dossier:
            continue

        def load(path=item.path):
            dossier, _ = read_dossier(path)
            if dossier is None:
                return None
            return (dossier.id or "", dossier.title, dossier.embargo_until,
                    dossier_cards(dossier, registers))
        sources.append(Source(item.relative, item.digest, load))
    return open_or_update(sources, fingerprint, cache_dir, registers, register_files,
                          base_hint=hint)


def _content_fingerprint(kb: KnowledgeBase) -> str:
    """For a knowledge base built in code (no files, no fingerprint): hash its content."""
    import hashlib
    import json

    digest = hashlib.sha256()
    for dossier in kb.dossiers:
        digest.update(json.dumps(dossier.to_data(), sort_keys=True, default=str).encode())
    reg = kb.registers
    digest.update(repr((reg.members, reg.parties, reg.abbreviations, reg.synonyms)).encode())
    return "content-" + digest.hexdigest()
