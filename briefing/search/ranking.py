"""Ranking fusion over Whoosh's candidates, and the certainty of a result.

Per candidate card (never per line of the whole knowledge base):
- coverage: the idf-weighted share of the question's concepts the card contains;
- head: the same share within the prepared question / section title alone;
- title recall: how much of a section title or prepared question the query itself says
  (a section titled "Rapporteren" is about a question on reporting);
- focus: the best share within one line or head (a card that answers in one line beats one
  whose matches are scattered), with a small bonus for a line with a number or date when the
  question asks "hoeveel" or "wanneer";
- bm25: Whoosh's BM25F score relative to the best candidate;
- similarity: rapidfuzz token-set similarity of the question to the head and best line.

The certainty comes from absolute measures (coverage, focus), not from the rank: a card that
covers half of a question is 'laag' even when it is the best there is."""

from __future__ import annotations

from dataclasses import dataclass, field

from rapidfuzz import fuzz

from briefing.search.analysis import fold
from briefing.search.cards import Card
from briefing.search.cardterms import CardTerms
from briefing.search.query import Concept, QueryPlan

BEST_LINES = 3
# Other lines are marked only when they score at least this share of the best line, so a
# card highlights the lines that really answer, not every line that shares a word.
BEST_LINE_SHARE = 0.75
META_FACTOR = 0.7           # a match in the dossier title counts, somewhat less
IF_PRESSED_FACTOR = 0.8
ANSWER_TYPE_BONUS = 0.12
THEME_HEAD_FACTOR = 1.0
PARTIAL_FACTOR = 0.5        # some but not all words of a multi-word alternative
UNKNOWN_PENALTY = 0.3       # quality lost per share of the question in unknown words
MAIN_SHARE = 0.35           # a concept with this share of the question is what it is about
MAIN_MISSING_PENALTY = 0.1  # quality lost by a card that lacks it

# Chosen on a coarse grid over both development sets, then rounded towards the middle of the
# flat optimum (no single query decides a weight).
WEIGHTS = {"coverage": 0.36, "head": 0.13, "title": 0.12, "focus": 0.14, "bm25": 0.08,
           "similarity": 0.17}

# Certainty thresholds on quality (0..1), set on two development sets with questions that have
# no prepared answer (see docs/search.md): below MEDIUM the engine says "geen voorbereid
# antwoord". CONTESTED: a runner-up with another answer this close keeps the top from 'hoog'.
HIGH_QUALITY = 0.75
MEDIUM_QUALITY = 0.40
CONTESTED_MARGIN = 0.03

@dataclass
class Features:
    index: int
    score: float
    quality: float
    best_lines: list[int]
    parts: dict[str, float] = field(default_factory=dict)


class Scorer:
    def __init__(self, plan: QueryPlan, top_bm25: float):
        self.plan = plan
        self.concepts = list(plan.concepts)
        self.topical = [c for c in self.concepts if not c.names_only]
        self.total = sum(c.idf * c.weight for c in self.concepts) or 1.0
        self.top_bm25 = top_bm25 or 1.0
        self.query_text = " ".join(plan.content_words)
        self.query_terms = {t for c in self.topical for a in c.alts if a.weight >= 0.8
                            for t in a.terms}
        self.answer_type = plan.answer_type
        # The share of the question in words the knowledge base has never seen (no correction
        # either): 'parkeervergunningen', 'loonkloof'. No card answers those, whatever else it
        # matches, so they lower the certainty beyond the coverage they already miss.
        self.unknown = sum(c.idf * c.weight for c in self.concepts if c.unknown) / self.total
        self.main = max(self.topical, key=lambda c: c.idf * c.weight, default=None)
        self.main_share = self.main.idf * self.main.weight / self.total if self.main else 0.0

    def features(self, index: int, card: Card, ct: CardTerms, bm25: float) -> Features:
        coverage = 0.0
        for concept in self.concepts:
            if concept.names_only:
                m = _match(concept, ct.meta)
            else:
                m = max(_match(concept, ct.all_head), _match(concept, ct.all_body),
                        IF_PRESSED_FACTOR * _match(concept, ct.extra),
                        META_FACTOR * _match(concept, ct.meta))
            coverage += concept.idf * concept.weight * m
        coverage /= self.total
        head_scores = [self._unit(unit) for unit in ct.head]
        line_scores = [self._unit(unit) for unit in ct.lines]
        if self.answer_type:
            wanted = 0 if self.answer_type == "aantal" else 1
            line_scores = [s + ANSWER_TYPE_BONUS if s > 0 and ct.line_kinds[i][wanted] else s
                           for i, s in enumerate(line_scores)]
        ranked_lines = sorted(range(len(line_scores)), key=lambda i: -line_scores[i])
        # The best line, and others only when they come close (a card marks few lines).
        floor = BEST_LINE_SHARE * line_scores[ranked_lines[0]] if ranked_lines else 0.0
        best_lines = [i for i in ranked_lines[:BEST_LINES]
                      if line_scores[i] > 0 and line_scores[i] >= floor]
        head = max(head_scores, default=0.0)
        # Not capped at 1: a line that covers the whole question AND has the number or date
        # asked for beats one that only covers it (the certainty uses the capped value).
        focus = max([*head_scores, *line_scores], default=0.0)
        title = max((self._recall(tokens) for tokens in ct.head_tokens), default=0.0)
        if card.kind != "vraag":
            # A section title names a topic; a prepared question is a question: it counts more.
            head *= THEME_HEAD_FACTOR
            title *= THEME_HEAD_FACTOR
        similarity = 0.0
        if self.query_text:
            texts = list(card.head_texts) if card.kind != "kernboodschap" else []
            if best_lines:
                texts.append(card.line_texts[best_lines[0]])
            if texts:
                similarity = max(fuzz.token_set_ratio(self.query_text, fold(t))
                                 for t in texts) / 100
        parts = {"coverage": coverage, "head": head, "title": title, "focus": focus,
                 "bm25": bm25 / self.top_bm25, "similarity": similarity}
        score = sum(WEIGHTS[k] * v for k, v in parts.items())
        quality = 0.65 * coverage + 0.35 * min(1.0, focus) - UNKNOWN_PENALTY * self.unknown
        if self.main is not None and self.main_share >= MAIN_SHARE and not any(
                _match(self.main, terms) for terms in (ct.all_head, ct.all_body, ct.extra)):
            # The card lacks what the question is mainly about ('hoe hoog is het budget van
            # BI': a card on BI without any money in it): it does not answer it.
            quality -= MAIN_MISSING_PENALTY
        parts["quality"] = quality
        return Features(index, score, quality, best_lines, parts)

    def _unit(self, unit: set[str]) -> float:
        return sum(c.idf * c.weight * _match(c, unit) for c in self.topical) / self.total

    def _recall(self, tokens: list[tuple[str, ...]]) -> float:
        """Share of a head's own words that the query says (a short title fully said = 1)."""
        if not tokens:
            return 0.0
        said = sum(1 for terms in tokens if any(t in self.query_terms for t in terms))
        return said / len(tokens)


def _match(concept: Concept, terms: set[str]) -> float:
    best = 0.0
    for alt in concept.alts:
        if alt.weight <= best:
            continue
        hit = sum(1 for t in alt.terms if t in terms)
        if hit:
            share = hit / len(alt.terms)
            if share < 1.0:
                # Part of a compound or of a phrase ('thuis|werk|beleid' in a card about
                # 'werk' and 'beleid') is weak evidence for the whole: it counts half.
                share *= PARTIAL_FACTOR
            best = max(best, alt.weight * share)
    return best


def certainty_of(features: Features, relative: float, contested: bool = False) -> str:
    """hoog / middel / laag from the card's own quality (how much of the question it answers,
    and how focused), capped by its distance to the best card. `contested`: another card with a
    different answer scores almost the same, so the top one is at most 'middel'."""
    if features.quality >= HIGH_QUALITY and relative >= 0.9 and not contested:
        return "hoog"
    if features.quality >= MEDIUM_QUALITY and relative >= 0.6:
        return "middel"
    return "laag"
