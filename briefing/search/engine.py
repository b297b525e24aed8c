"""The search engine: Whoosh BM25F retrieves candidates, then a fusion with term coverage,
line focus and rapidfuzz similarity ranks them, and a calibrated certainty says how sure it is.

Thread safety: `search` may be called from several threads at once; each thread gets its own
Whoosh searcher (a searcher is not shared between threads)."""

from __future__ import annotations

import threading
import types
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Iterable

from rapidfuzz import fuzz

from briefing.model.knowledge import KnowledgeBase, is_under_embargo
from briefing.model.registers import Registers, fold as fold_name
from briefing.search.analysis import FILLER_WORDS, fold, is_content, words
from briefing.search.cards import Card, build_cards
from briefing.search.index import FIELD_WEIGHTS, Built, load_cached, open_or_build, weighting
from briefing.search.query import Concept, QueryPlan, QueryUnderstanding
from briefing.search.results import Result, SearchOptions

CANDIDATES = 40              # Whoosh's top-N that the fusion re-ranks
BEST_LINES = 3
CONCEPT_PENALTY = 0.85       # a concept answer ranks below an equally good vetted one
ACTIVE_DOSSIER_BONUS = 0.08
MEMBER_BONUS = 0.05

# Certainty: a quality in 0..1 (how much of the question a card answers, and how focused).
HIGH_QUALITY = 0.62
MEDIUM_QUALITY = 0.42


@dataclass
class _CardTerms:
    head: list[set[str]]       # per head text (question, variants / title)
    lines: list[set[str]]      # per answer line (as line_texts)
    extra: set[str]            # if-pressed lines
    meta: set[str]
    all_head: set[str]
    all_body: set[str]


class SearchEngine:
    """Search the answer cards of one knowledge base (one fingerprint)."""

    _engines: "OrderedDict[str, SearchEngine]" = OrderedDict()
    _lock = threading.Lock()

    def __init__(self, built: Built, registers: Registers, fingerprint: str):
        self.fingerprint = fingerprint
        self.registers = registers
        self._built = built
        self.cards: list[Card] = built.cards
        self._by_id = {card.card_id: i for i, card in enumerate(self.cards)}
        self.understanding = QueryUnderstanding(built.vocab, registers)
        self._analyzer = self.understanding.analyzer
        self._local = threading.local()
        self._terms: dict[int, _CardTerms] = {}
        self._embargo = {}
        for card in self.cards:
            if card.embargo_until is not None:
                self._embargo[card.dossier_id] = card.embargo_until
        self._dossiers = {}
        for card in self.cards:
            self._dossiers.setdefault(card.dossier_id, card.dossier_title)

    # --- opening -----------------------------------------------------------------------------
    @classmethod
    def open(cls, kb: KnowledgeBase, cache_dir: Path | None = None) -> "SearchEngine":
        """The engine for this knowledge base: from memory, from the cache, or built now.
        Cheap to call again with the same (or an identically loaded) knowledge base."""
        fingerprint = kb.fingerprint or _content_fingerprint(kb)
        memo_key = f"{fingerprint}|{cache_dir}"
        with cls._lock:
            engine = cls._engines.get(memo_key)
            if engine is not None:
                cls._engines.move_to_end(memo_key)
                return engine
            built = open_or_build(build_cards(kb), fingerprint, cache_dir, kb.registers)
            engine = cls(built, kb.registers, fingerprint)
            cls._remember(memo_key, engine)
            return engine

    @classmethod
    def open_folder(cls, root: Path | str, cache_dir: Path | None = None) -> "SearchEngine":
        """Fast start for the CLI: with a warm cache, the knowledge files are only hashed, not
        parsed. Falls back to loading the knowledge base."""
        from briefing.search.fingerprint import quick_fingerprint

        root = Path(root)
        fingerprint = quick_fingerprint(root)
        if fingerprint:
            memo_key = f"{fingerprint}|{cache_dir}"
            with cls._lock:
                engine = cls._engines.get(memo_key)
                if engine is not None:
                    return engine
            built = load_cached(fingerprint, cache_dir)
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
    def _searcher(self):
        searcher = getattr(self._local, "searcher", None)
        if searcher is None:
            searcher = self._built.index.searcher(weighting=weighting())
            self._local.searcher = searcher
        return searcher

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
        if plan.empty:
            return []
        hits = self._retrieve(plan, options)
        if not hits:
            return []
        return self._rank(plan, hits, options)

    @staticmethod
    def no_good_answer(results: list[Result]) -> bool:
        """True when there is no prepared answer worth reading out: nothing found, or the best
        card is only a weak match (certainty 'laag'). Show "Geen voorbereid antwoord" then."""
        return not results or results[0].certainty == "laag"

    def _retrieve(self, plan: QueryPlan, options: SearchOptions) -> list[tuple[int, float]]:
        from whoosh import query as Q

        terms = plan.weighted_terms()
        subqueries = []
        for term, weight in terms.items():
            for fieldname, field_weight in FIELD_WEIGHTS.items():
                subqueries.append(Q.Term(fieldname, term, boost=weight * field_weight))
        for term, weight in plan.weighted_terms(names=True).items():
            subqueries.append(Q.Term("meta", term, boost=weight * FIELD_WEIGHTS["meta"]))
        if not subqueries:
            return []
        whoosh_query = Q.Or(subqueries)
        restrict = self._restriction(options)
        if restrict is False:
            return []
        mask = self._mask(options)
        searcher = self._searcher()
        results = searcher.search(whoosh_query, limit=CANDIDATES, filter=restrict, mask=mask)
        out = []
        for hit in results:
            index = self._by_id.get(hit["card"])
            if index is not None:
                out.append((index, hit.score))
        return out

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
    def card_terms(self, index: int) -> _CardTerms:
        cached = self._terms.get(index)
        if cached is None:
            card = self.cards[index]
            terms = self._analyzer.terms
            head = [set(terms(t)) for t in card.head_texts]
            lines = [set(terms(t)) for t in card.line_texts]
            extra: set[str] = set()
            for text in card.if_pressed_texts:
                extra.update(terms(text))
            meta = set(terms(card.meta_text))
            all_body = set(extra)
            for line in lines:
                all_body |= line
            cached = _CardTerms(head, lines, extra, meta, set().union(*head) if head else set(),
                                all_body)
            self._terms[index] = cached  # racing threads compute the same value: harmless
        return cached

    def _rank(self, plan: QueryPlan, hits: list[tuple[int, float]],
              options: SearchOptions) -> list[Result]:
        concepts = plan.concepts
        total = sum(c.idf * c.weight for c in concepts) or 1.0
        own_total = sum(c.idf * c.weight for c in concepts if c.source != "context") or 1.0
        top_bm25 = max(score for _, score in hits) or 1.0
        active = self.active_dossier(options.dossier)
        member_key = fold_name(plan.member.name) if plan.member else None
        query_text = " ".join(plan.content_words)
        scored = []
        for index, bm25 in hits:
            card = self.cards[index]
            ct = self.card_terms(index)
            coverage = own = 0.0
            for concept in concepts:
                if concept.names_only:
                    m = _match(concept, ct.meta)
                else:
                    m = max(_match(concept, ct.all_head), _match(concept, ct.all_body),
                            0.8 * _match(concept, ct.extra), 0.5 * _match(concept, ct.meta))
                gain = concept.idf * concept.weight * m
                coverage += gain
                if concept.source != "context":
                    own += gain
            coverage /= total
            own /= own_total
            unit_scores = [_unit_score(concepts, unit) / total for unit in ct.head]
            line_scores = [_unit_score(concepts, unit) / total for unit in ct.lines]
            head_cover = max(unit_scores, default=0.0)
            focus = max([*unit_scores, *line_scores], default=0.0)
            best_line_order = sorted(range(len(line_scores)), key=lambda i: -line_scores[i])
            best_lines = [i for i in best_line_order[:BEST_LINES] if line_scores[i] > 0]
            similarity = 0.0
            if query_text:
                texts = list(card.head_texts)
                if best_lines:
                    texts.append(card.line_texts[best_lines[0]])
                similarity = max(fuzz.token_set_ratio(query_text, fold(t)) for t in texts) / 100
            quality = 0.65 * coverage + 0.35 * focus
            score = (0.40 * coverage + 0.15 * head_cover + 0.15 * focus
                     + 0.18 * (bm25 / top_bm25) + 0.12 * similarity)
            if active and card.dossier_id == active:
                score += ACTIVE_DOSSIER_BONUS
            if member_key and member_key in card.member_keys:
                score += MEMBER_BONUS
            if not card.vetted:
                score *= CONCEPT_PENALTY
            scored.append((score, quality, index, best_lines))
        scored.sort(key=lambda item: (-item[0], item[2]))
        limit = max(1, options.limit)
        top_score = scored[0][0] if scored else 1.0
        results = []
        for score, quality, index, best_lines in scored[:limit]:
            certainty = _certainty(quality, score / top_score if top_score else 0.0)
            results.append(self.cards[index].to_result(
                score=score, certainty=certainty, best_lines=best_lines))
        return results


def _match(concept: Concept, terms: set[str]) -> float:
    best = 0.0
    for alt in concept.alts:
        if alt.weight <= best:
            continue
        hit = sum(1 for t in alt.terms if t in terms)
        if hit:
            best = max(best, alt.weight * hit / len(alt.terms))
    return best


def _unit_score(concepts: list[Concept], unit: set[str]) -> float:
    return sum(c.idf * c.weight * _match(c, unit) for c in concepts if not c.names_only)


def _certainty(quality: float, relative: float) -> str:
    if quality >= HIGH_QUALITY and relative >= 0.85:
        return "hoog"
    if quality >= MEDIUM_QUALITY and relative >= 0.6:
        return "middel"
    return "laag"


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
