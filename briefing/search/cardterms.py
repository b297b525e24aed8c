"""The analysed form of a card, computed once at build time and stored in the index, so that
ranking a candidate never re-analyses its text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.search.analysis import Analyzer, fold
from briefing.search.cards import Card

# A count, not a year or a date: "45 afgerond", "zestig acties", "drie vertrouwenspersonen".
_COUNT_RE = re.compile(
    # a range of a count: 'minimaal 8-10 raadsleden', '30-40 fractieleden'
    r"(?:(?<![\d/-])\d+\s?-\s?\d+(?=\s+[a-z])(?!\s+(?:januari|februari|maart|april|mei|juni|"
    r"juli|augustus|september|oktober|november|december)\b)"
    r"|(?<![\d/-])(?!(?:19|20)\d\d\b)\d+(?:[.,]\d+)?(?!\s*(?:januari|februari|maart|april|mei|"
    r"juni|juli|augustus|september|oktober|november|december)\b)(?![\d/-]|[.,]\d)"
    r"|\b(?:twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|"
    r"twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig|honderd|duizend|"
    r"tientallen|honderden|duizenden|procent|helft|kwart|percentage|miljoen|miljard)\b)"
    # 'vier jaar', '5 maanden' is a period (a date answer), not a count of things
    r"(?!\s+(?:dagen|dag|weken|week|maanden|maand|jaar|jaren|uur)\b)")
_DATE_RE = re.compile(
    r"\b(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|"
    r"december|voorjaar|najaar|zomer|winter|(?:19|20)\d\d|\d{1,2}[-/]\d{1,2})\b"
    # a period: '5 maanden', 'twee jaar'
    r"|\b(?:\d+|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|twaalf)\s+"
    r"(?:dagen|dag|weken|week|maanden|maand|jaar|jaren)\b")

# Separators in the stored form (control characters never occur in analysed terms).
_GROUP, _UNIT, _FORM = "\x1d", "\x1e", "|"


@dataclass
class CardTerms:
    head: list[set[str]]                  # per head text (question, variants / title)
    head_tokens: list[list[tuple[str, ...]]]  # per head text: each word's terms (stem first)
    lines: list[set[str]]                 # per answer line (as Result.line_texts)
    line_kinds: list[tuple[bool, bool]]   # (has a count, has a date) per line
    extra: set[str]                       # if-pressed lines
    meta: set[str]                        # dossier title, meeting, askers
    all_head: set[str]
    all_body: set[str]


def analyse(card: Card, analyzer: Analyzer) -> CardTerms:
    return analyse_with_terms(card, analyzer)[0]


def analyse_with_terms(card: Card, analyzer: Analyzer) -> tuple[CardTerms, list[str]]:
    """The card's analysis, and its body terms in order with repeats (for BM25 frequencies)."""
    if card.kind == "kernboodschap":
        head_tokens: list[list[tuple[str, ...]]] = []  # "Kernboodschap" is a label, not a topic
    else:
        head_tokens = [[token.terms for token in analyzer.tokens(t)] for t in card.head_texts]
    texts = card.line_texts
    line_terms = [analyzer.terms(t) for t in texts]
    lines = [set(terms) for terms in line_terms]
    kinds = [(bool(_COUNT_RE.search(fold(t))), bool(_DATE_RE.search(fold(t)))) for t in texts]
    extra: set[str] = set()
    body = [t for terms in line_terms for t in terms]
    for text in card.if_pressed_texts:
        terms = analyzer.terms(text)
        extra.update(terms)
        body.extend(terms)
    meta = set(analyzer.terms(card.meta_text))
    return _complete(head_tokens, lines, kinds, extra, meta), body


def _complete(head_tokens, lines, kinds, extra, meta) -> CardTerms:
    head = [{term for terms in tokens for term in terms} for tokens in head_tokens]
    all_body = set(extra)
    for line in lines:
        all_body |= line
    return CardTerms(head, head_tokens, lines, kinds, extra, meta,
                     set().union(*head) if head else set(), all_body)


def dump(ct: CardTerms) -> str:
    head = _UNIT.join(" ".join(_FORM.join(terms) for terms in tokens) for tokens in ct.head_tokens)
    lines = _UNIT.join(" ".join(sorted(line)) for line in ct.lines)
    kinds = "".join(f"{int(a)}{int(b)}" for a, b in ct.line_kinds)
    return _GROUP.join([head, lines, kinds, " ".join(sorted(ct.extra)), " ".join(sorted(ct.meta))])


def load(text: str) -> CardTerms:
    head, lines, kinds, extra, meta = text.split(_GROUP)
    head_tokens = [[tuple(word.split(_FORM)) for word in unit.split()]
                   for unit in head.split(_UNIT)] if head else []
    line_sets = [set(unit.split()) for unit in lines.split(_UNIT)] if lines else []
    line_kinds = [(kinds[i] == "1", kinds[i + 1] == "1") for i in range(0, len(kinds), 2)]
    return _complete(head_tokens, line_sets, line_kinds, set(extra.split()), set(meta.split()))
