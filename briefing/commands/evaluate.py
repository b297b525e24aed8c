"""`briefing eval VRAGEN.yaml`: measure retrieval quality against two baselines."""

from __future__ import annotations

import json
import sys
from pathlib import Path

NAME = "eval"
HELP = "meet de zoekkwaliteit (Recall@1, Recall@3, MRR) tegen twee basislijnen"


def add_arguments(parser) -> None:
    from briefing.cli import add_kb_option

    parser.add_argument("queries", type=Path, metavar="VRAGEN.yaml",
                        help="YAML-lijst met query, expect (deel van de juiste antwoordregel) "
                             "en kind")
    add_kb_option(parser)
    parser.add_argument("--json", action="store_true", help="uitvoer als JSON")
    parser.add_argument("--per-vraag", dest="per_query", action="store_true",
                        help="toon ook de rang van het juiste antwoord per vraag")


def run(args) -> int:
    from briefing.cli import knowledge_location
    from briefing.model import load_knowledge
    from briefing.search.engine import SearchEngine
    from briefing.search.evaluation import evaluate, format_table, load_queries, to_json

    if not args.queries.is_file():
        print(f"briefing eval: fout: {args.queries} bestaat niet", file=sys.stderr)
        return 2
    try:
        queries = load_queries(args.queries)
    except Exception as exc:  # a broken YAML file: a message, not a traceback
        print(f"briefing eval: fout: {args.queries} is niet te lezen: {exc}", file=sys.stderr)
        return 2
    if not queries:
        print(f"briefing eval: fout: geen vragen gevonden in {args.queries}", file=sys.stderr)
        return 2
    location = knowledge_location(args, NAME)
    if location is None:
        return 2
    kb = load_knowledge(location.path)
    engine = SearchEngine.open(kb)
    reports, negative = evaluate(engine, queries)
    if args.json:
        print(json.dumps(to_json(reports, negative), ensure_ascii=False, indent=2))
        return 0
    print(f"{len(queries)} vragen uit {args.queries}; kennisbank {kb.root} "
          f"({len(engine.cards)} antwoordkaarten)")
    print()
    print(format_table(reports, negative))
    if args.per_query:
        print()
        for q in queries:
            if q.expect is None:
                continue
            ranks = "  ".join(f"{r.name}={r.ranks.get(q.id) or '-'}" for r in reports)
            print(f"{q.id:>8} {q.kind:<13} {ranks}  {q.query[:60]}")
    return 0
