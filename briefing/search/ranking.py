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
PARTS_ONLY_UNKNOWN = 0.5    # a compound known only by its parts counts half as unknown
MAIN_SHARE = 0.35           # a concept with this share of the question is what it is about
MAIN_MISSING_PENALTY = 0.1  # quality lost by a card that lacks it

# Chosen on a coarse grid over both development sets, then rounded towards the middle of the
# flat optimum (no single query decides a weight).
WEIGHTS = {"coverage": 0.28, "passage": 0.08, "head": 0.13, "title": 0.12, "focus": 0.14,
           "bm25": 0.08, "similarity": 0.17}
CONTEXT_FACTOR = 0.9        # a word in the question/title or parent line of a line, for its passage
NEIGHBOUR_FACTOR = 0.5      # a word in the line before it

# Certainty, calibrated on the blind query rounds (questions written by people who never saw
# the engine; docs/search.md), checked on the team's own sets:
# - 'laag' ("geen voorbereid antwoord") when quality + MARGIN_WEIGHT * lead (capped at
#   MARGIN_CAP) is below MEDIUM_QUALITY, where the lead is the top's score minus that of the
#   best card with another answer. A clear lead is evidence of its own: a question in the
#   everyday words of a member covers a card's words only partly even when it is the one.
# - 'hoog' when the quality alone is at least HIGH_QUALITY and the lead at least HIGH_LEAD.
# - a count asked for in so many words ('hoeveel') that no line of the card holds: 'laag';
#   a count or date that none of the marked lines holds: at most 'middel'.
HIGH_QUALITY = 0.70
HIGH_LEAD = 0.08
MEDIUM_QUALITY = 0.34
MARGIN_WEIGHT = 2.0
MARGIN_CAP = 0.15
CONTESTED_MARGIN = 0.03     # kept for the results below the top: relative score as before

@dataclass
class Features:
    index: int
    score: float
    quality: float
    best_lines: list[int]
    parts: dict[str, float] = field(default_factory=dict)
    # The question asks for a count or a date and none of the marked lines holds one: the
    # card may be about the subject, but it does not give what was asked.
    lacks_wanted: bool = False
    # ... and no line of the card holds one at all (only for a count the question asks for in
    # so many words: 'hoeveel', 'aantal', 'percentage'): the card cannot answer it.
    cannot_answer: bool = False


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
        self.unknown = sum(c.idf * c.weight * (1.0 if c.unknown else PARTS_ONLY_UNKNOWN)
                           for c in self.concepts if c.unknown or c.parts_only) / self.total
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
        passage = self._passage(card, ct)
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
                 "bm25": bm25 / self.top_bm25, "similarity": similarity, "passage": passage}
        score = sum(WEIGHTS[k] * v for k, v in parts.items())
        quality = 0.65 * coverage + 0.35 * min(1.0, focus) - UNKNOWN_PENALTY * self.unknown
        if self.main is not None and self.main_share >= MAIN_SHARE and not any(
                _match(self.main, terms) for terms in (ct.all_head, ct.all_body, ct.extra)):
            # The card lacks what the question is mainly about ('hoe hoog is het budget van
            # BI': a card on BI without any money in it): it does not answer it.
            quality -= MAIN_MISSING_PENALTY
        parts["quality"] = quality
        lacks = self.answer_type is not None and not any(
            ct.line_kinds[i][0 if self.answer_type == "aantal" else 1] for i in best_lines)
        cannot = self.plan.explicit_count and not any(kind[0] for kind in ct.line_kinds)
        return Features(index, score, quality, best_lines, parts, lacks, cannot)

    def _passage(self, card: Card, ct: CardTerms) -> float:
        """The best passage: one answer line read with what frames it (the prepared question
        or section title, the line a sub-line hangs under, and, weaker, the line before it).
        A card answers a question when one of its passages does, not when its many lines
        happen to hold the question's words between them."""
        if not ct.lines:
            return 0.0
        parents = line_parents(card.lines)
        head = ct.all_head
        wanted = None
        if self.answer_type:
            wanted = 0 if self.answer_type == "aantal" else 1
        best = 0.0
        for i, line in enumerate(ct.lines):
            parent = ct.lines[parents[i]] if parents[i] is not None else None
            before = ct.lines[i - 1] if i > 0 else None
            total = 0.0
            for c in self.topical:
                m = _match(c, line)
                if m < 1.0:
                    m = max(m, CONTEXT_FACTOR * _match(c, head))
                    if parent is not None:
                        m = max(m, CONTEXT_FACTOR * _match(c, parent))
                    if before is not None and before is not parent:
                        m = max(m, NEIGHBOUR_FACTOR * _match(c, before))
                total += c.idf * c.weight * m
            total /= self.total
            if wanted is not None and total > 0 and ct.line_kinds[i][wanted]:
                total += ANSWER_TYPE_BONUS
            best = max(best, total)
        return best

    def _unit(self, unit: set[str]) -> float:
        return sum(c.idf * c.weight * _match(c, unit) for c in self.topical) / self.total

    def _recall(self, tokens: list[tuple[str, ...]]) -> float:
        """Share of a head's own words that the query says (a short title fully said = 1)."""
        if not tokens:
            return 0.0
        said = sum(1 for terms in tokens if any(t in self.query_terms for t in terms))
        return said / len(tokens)


def line_parents(lines) -> list[int | None]:
    """For each line in reading order (as Card.line_texts), the index of the line it is a
    sub-line of, or None."""
    out: list[int | None] = []

    def walk(items, parent: int | None) -> None:
        for item in items:
            out.append(parent)
            if not isinstance(item, str):
                walk(item[1], len(out) - 1)

    walk(lines, None)
    return out


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


def certainty_of(features: Features, relative: float, lead: float | None = None) -> str:
    """hoog / middel / laag from the card's own quality (how much of the question it answers,
    and how focused) and, for the top result, its lead over the best card with another answer
    (`lead`; None for the results below it, which are judged by their score relative to the
    top and are never surer than the top)."""
    if features.cannot_answer:
        return "laag"
    if lead is None:
        if features.quality >= HIGH_QUALITY and relative >= 0.9 and not features.lacks_wanted:
            return "hoog"
        return "middel" if features.quality >= MEDIUM_QUALITY and relative >= 0.6 else "laag"
    if features.quality + MARGIN_WEIGHT * min(lead, MARGIN_CAP) < MEDIUM_QUALITY:
        return "laag"
    if features.quality >= HIGH_QUALITY and lead >= HIGH_LEAD and not features.lacks_wanted:
        return "hoog"
    return "middel"
