"""Retrieval quality: Recall@1, Recall@3 and MRR of the engine and two baselines over the same
cards, overall and per kind of query.

A query file is a YAML list of {id, query, expect, kind, context}; `context` is the previous
question of a follow-up and is passed to the engine as SearchOptions.context. A hit is `expect` (a substring of an
answer line) inside the lines of one of the top results. Items with `expect: null` are questions
without a prepared answer: they measure whether the engine says so (certainty 'laag' on top)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from briefing.search.cards import Card

DEPTH = 10   # MRR counts a hit down to this rank


@dataclass
class EvalQuery:
    id: str
    query: str
    expect: str | None
    kind: str = "onbekend"
    context: str | None = None       # the previous question, for a follow-up (kind followup)


@dataclass
class Scores:
    n: int = 0
    r1: int = 0
    r3: int = 0
    rr: float = 0.0

    def add(self, rank: int | None) -> None:
        self.n += 1
        if rank is not None:
            self.r1 += rank == 1
            self.r3 += rank <= 3
            self.rr += 1.0 / rank

    def as_dict(self) -> dict[str, float]:
        n = self.n or 1
        return {"n": self.n, "recall@1": self.r1 / n, "recall@3": self.r3 / n, "mrr": self.rr / n}


@dataclass
class SystemReport:
    name: str
    overall: Scores = field(default_factory=Scores)
    per_kind: dict[str, Scores] = field(default_factory=dict)
    ranks: dict[str, int | None] = field(default_factory=dict)


@dataclass
class NegativeReport:
    n: int = 0
    said_no_answer: int = 0          # negatives where the engine said "geen voorbereid antwoord"
    positives_confident: int = 0     # positives hit at rank 1 with certainty hoog/middel
    positives: int = 0
    wrong_confident: int = 0         # positives whose top result is wrong yet not 'laag'
    wrong_high: int = 0              # ... and even 'hoog'
    # The calibration of the certainty label (positives only): per level of the top result,
    # how many questions and how many of those had the right card on top ...
    levels: dict[str, list[int]] = field(
        default_factory=lambda: {"hoog": [0, 0], "middel": [0, 0], "laag": [0, 0]})
    # ... and how often "geen voorbereid antwoord" was said when the top was right / wrong.
    top_right: int = 0
    top_right_no_answer: int = 0
    top_wrong: int = 0
    top_wrong_no_answer: int = 0

    def calibration(self) -> dict[str, Any]:
        def share(k: int, n: int) -> float | None:
            return round(k / n, 3) if n else None

        return {
            "per_niveau": {level: {"vragen": n, "bovenste_juist": k, "aandeel_juist": share(k, n)}
                           for level, (n, k) in self.levels.items()},
            "geen_antwoord": {
                "bij_juiste_top": {"gezegd": self.top_right_no_answer, "van": self.top_right,
                                   "aandeel": share(self.top_right_no_answer, self.top_right)},
                "bij_foute_top": {"gezegd": self.top_wrong_no_answer, "van": self.top_wrong,
                                  "aandeel": share(self.top_wrong_no_answer, self.top_wrong)},
                "zonder_voorbereid_antwoord": {"gezegd": self.said_no_answer, "van": self.n,
                                               "aandeel": share(self.said_no_answer, self.n)},
            },
            "foute_top_met_hoog": {"aantal": self.wrong_high, "van": self.positives,
                                   "aandeel": share(self.wrong_high, self.positives)},
        }


def load_queries(path: Path | str) -> list[EvalQuery]:
    import yaml

    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or []
    if isinstance(data, dict):
        data = data.get("queries") or data.get("vragen") or []
    out = []
    for i, item in enumerate(data):
        if not isinstance(item, dict) or not item.get("query"):
            continue
        expect = item.get("expect")
        context = item.get("context")
        out.append(EvalQuery(id=str(item.get("id", i + 1)), query=str(item["query"]),
                             expect=None if expect is None else str(expect),
                             kind=str(item.get("kind", "onbekend")),
                             context=str(context) if context else None))
    return out


def _norm(text: str) -> str:
    return " ".join(text.split())


def first_hit(card_ids: list[str], cards: dict[str, Card], expect: str) -> int | None:
    needle = _norm(expect)
    for rank, card_id in enumerate(card_ids[:DEPTH], start=1):
        card = cards.get(card_id)
        if card and any(needle in _norm(t) for t in card.line_texts):
            return rank
    return None


def evaluate(engine, queries: list[EvalQuery], baselines: bool = True):
    """Reports for the engine (and the baselines), plus the no-answer detection figures."""
    from briefing.search.engine import SearchEngine
    from briefing.search.results import SearchOptions

    cards = {card.card_id: card for card in engine.cards}
    systems: list[tuple[str, Callable[[EvalQuery], list[str]]]] = []

    def options(q: EvalQuery) -> SearchOptions:
        return SearchOptions(limit=DEPTH, context=q.context)

    def run_engine(q: EvalQuery) -> list[str]:
        return [r.card_id for r in engine.search(q.query, options(q))]

    systems.append(("engine", run_engine))
    if baselines:
        # The baselines have no notion of a conversation: a follow-up is searched together
        # with its previous question, the fairest plain reading.
        whoosh, fuzzy = WhooshBaseline(engine.cards), FuzzyBaseline(engine.cards)
        systems.append(("whoosh-standaard", lambda q: whoosh.search(_with_context(q))))
        systems.append(("rapidfuzz", lambda q: fuzzy.search(_with_context(q))))
    reports = []
    positives = [q for q in queries if q.expect is not None]
    for name, search in systems:
        report = SystemReport(name)
        for q in positives:
            rank = first_hit(search(q), cards, q.expect or "")
            report.overall.add(rank)
            report.per_kind.setdefault(q.kind, Scores()).add(rank)
            report.ranks[q.id] = rank
        reports.append(report)
    negative = NegativeReport()
    for q in queries:
        results = engine.search(q.query, options(q))
        if q.expect is None:
            negative.n += 1
            negative.said_no_answer += SearchEngine.no_good_answer(results)
        else:
            negative.positives += 1
            rank = first_hit([r.card_id for r in results], cards, q.expect)
            confident = bool(results) and results[0].certainty != "laag"
            negative.positives_confident += rank == 1 and confident
            negative.wrong_confident += rank != 1 and confident
            negative.wrong_high += rank != 1 and bool(results) and results[0].certainty == "hoog"
            no_answer = SearchEngine.no_good_answer(results)
            if results:
                level = negative.levels.setdefault(results[0].certainty, [0, 0])
                level[0] += 1
                level[1] += rank == 1
            if rank == 1:
                negative.top_right += 1
                negative.top_right_no_answer += no_answer
            else:
                negative.top_wrong += 1
                negative.top_wrong_no_answer += no_answer
    return reports, negative


def _with_context(q: EvalQuery) -> str:
    return f"{q.context} {q.query}" if q.context else q.query


class WhooshBaseline:
    """Whoosh out of the box: StandardAnalyzer, BM25F, question and lines as fields."""

    def __init__(self, cards: list[Card]):
        from whoosh.fields import ID, TEXT, Schema
        from whoosh.filedb.filestore import RamStorage

        self.schema = Schema(card=ID(stored=True), head=TEXT(), body=TEXT())
        self.index = RamStorage().create_index(self.schema)
        writer = self.index.writer()
        for card in cards:
            writer.add_document(card=card.card_id, head=" ".join(card.head_texts),
                                body=" ".join([*card.line_texts, *card.if_pressed_texts]))
        writer.commit()
        self.analyzer = self.schema["body"].analyzer
        self.searcher = self.index.searcher()

    def search(self, text: str) -> list[str]:
        from whoosh import query as Q

        terms = {t.text for t in self.analyzer(text)}
        if not terms:
            return []
        q = Q.Or([Q.Term(f, t) for t in terms for f in ("head", "body")])
        return [hit["card"] for hit in self.searcher.search(q, limit=DEPTH)]


class FuzzyBaseline:
    """rapidfuzz alone: the best token-set similarity of the query to a card's question, title
    or any of its lines (the strongest of rapidfuzz's scorers on the dev sets)."""

    def __init__(self, cards: list[Card]):
        from briefing.search.analysis import fold

        self.units = [(card.card_id, fold(text)) for card in cards
                      for text in (*card.head_texts, *card.line_texts)]
        self.texts = [text for _, text in self.units]

    def search(self, text: str) -> list[str]:
        from rapidfuzz import fuzz, process

        from briefing.search.analysis import fold

        found = process.extract(fold(text), self.texts, scorer=fuzz.token_set_ratio,
                                limit=DEPTH * 20)
        ids: list[str] = []
        for _, _, index in found:
            card_id = self.units[index][0]
            if card_id not in ids:
                ids.append(card_id)
        return ids[:DEPTH]


def format_table(reports: list[SystemReport], negative: NegativeReport) -> str:
    """A plain-text table in Dutch: per system and kind, Recall@1, Recall@3, MRR."""
    kinds = sorted({k for r in reports for k in r.per_kind})
    rows = [("soort", "n", *[f"{r.name} R@1 / R@3 / MRR" for r in reports])]

    def cell(scores: Scores | None) -> str:
        if scores is None or not scores.n:
            return "-"
        d = scores.as_dict()
        return f"{d['recall@1']:.2f} / {d['recall@3']:.2f} / {d['mrr']:.2f}"

    for kind in kinds:
        n = reports[0].per_kind.get(kind, Scores()).n
        rows.append((kind, str(n), *[cell(r.per_kind.get(kind)) for r in reports]))
    rows.append(("totaal", str(reports[0].overall.n), *[cell(r.overall) for r in reports]))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = []
    for j, row in enumerate(rows):
        lines.append("  ".join(value.ljust(widths[i]) for i, value in enumerate(row)).rstrip())
        if j == 0 or j == len(rows) - 2:
            lines.append("  ".join("-" * w for w in widths))
    if negative.positives:
        lines.append("")
        lines.append(f"zeker en goed (top-1 juist, zekerheid hoog/middel): "
                     f"{negative.positives_confident}/{negative.positives}; "
                     f"fout bovenaan met zekerheid hoog/middel: "
                     f"{negative.wrong_confident}/{negative.positives} "
                     f"(waarvan hoog: {negative.wrong_high})")
    if negative.n:
        lines.append(f"vragen zonder voorbereid antwoord herkend: "
                     f"{negative.said_no_answer}/{negative.n}")
    if negative.positives or negative.n:
        lines.append("")
        lines.extend(format_calibration(negative))
    return "\n".join(lines)


def _fraction(k: int, n: int) -> str:
    return f"{k}/{n} ({k / n:.0%})" if n else f"{k}/0"


def format_calibration(negative: NegativeReport) -> list[str]:
    """The calibration of the certainty label, in Dutch: can the adviser trust it?"""
    lines = ["kalibratie van de zekerheid (bovenste resultaat):",
             "  zekerheid  vragen  bovenste juist"]
    for level, (n, k) in negative.levels.items():
        right = f"{k / n:.0%}" if n else "-"
        lines.append(f"  {level:<9}  {n:>6}  {right:>14}")
    lines.append('  "geen voorbereid antwoord" gezegd:')
    lines.append(f"    bij een juist antwoord bovenaan:   "
                 f"{_fraction(negative.top_right_no_answer, negative.top_right)}")
    lines.append(f"    bij een fout antwoord bovenaan:    "
                 f"{_fraction(negative.top_wrong_no_answer, negative.top_wrong)}")
    lines.append(f"    bij een vraag zonder voorbereid antwoord: "
                 f"{_fraction(negative.said_no_answer, negative.n)}")
    lines.append(f"  fout antwoord bovenaan met zekerheid hoog: "
                 f"{_fraction(negative.wrong_high, negative.positives)}")
    return lines


def to_json(reports: list[SystemReport], negative: NegativeReport) -> dict[str, Any]:
    return {
        "systemen": {
            r.name: {"totaal": r.overall.as_dict(),
                     "per_soort": {k: s.as_dict() for k, s in sorted(r.per_kind.items())},
                     "rangen": r.ranks}
            for r in reports
        },
        "zekerheid": {
            "positief": negative.positives,
            "top1_juist_en_zeker": negative.positives_confident,
            "zeker_maar_fout": negative.wrong_confident,
            "hoog_maar_fout": negative.wrong_high,
            "zonder_antwoord": negative.n,
            "zonder_antwoord_herkend": negative.said_no_answer,
        },
        "kalibratie": negative.calibration(),
    }
