"""`briefing lint` on a synthetic knowledge base (`make bench`): the whole lint, and the part
where the search engine looks for questions it would confuse (one search per question and
variant, see briefing.maintain.rules). The index is built first, as after any `briefing ask`.
Target at 1,000 questions on a 2-core machine: the whole lint <= 30 s.

    python -m briefing.bench.lint [--sizes 1000] [--json]"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

TARGET_SECONDS = 30.0


def bench_size(questions: int, workdir: Path) -> dict:
    from briefing.bench.search import write_kb
    from briefing.maintain import rules
    from briefing.maintain.lint import lint
    from briefing.maintain.registry import LintContext
    from briefing.model import load_knowledge
    from briefing.search.engine import SearchEngine

    root = workdir / f"kb-{questions}"
    write_kb(root, questions)
    kb = load_knowledge(root)
    SearchEngine.open(kb)  # the index, as a user's earlier ask or app start leaves it
    today = date(2026, 1, 1)
    entries = [(d, qi, q, rules._asked(q), rules._answer_text(q))
               for d in kb.dossiers for qi, q in enumerate(d.questions) if q.answer]
    started = time.perf_counter()
    rules._confused_pairs(LintContext(kb=kb, today=today), entries)
    engine_part = time.perf_counter() - started
    started = time.perf_counter()
    lint(kb, today=today)
    whole = time.perf_counter() - started
    searches = sum(1 + len(e[2].variants) for e in entries)
    return {"vragen": questions, "zoekopdrachten": searches, "zoekmachine_s": round(engine_part, 2),
            "lint_s": round(whole, 2), "doel_s": TARGET_SECONDS}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Duur van briefing lint meten.")
    parser.add_argument("--sizes", default="1000")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory(prefix="briefing-bench-lint-") as tmp:
        os.environ["XDG_CACHE_HOME"] = str(Path(tmp) / "cache")
        for size in (int(s) for s in args.sizes.split(",")):
            rows.append(bench_size(size, Path(tmp)))
    if args.json:
        print(json.dumps(rows))
        return 0
    for row in rows:
        verdict = "gehaald" if row["lint_s"] <= TARGET_SECONDS else "NIET gehaald"
        print(f"briefing lint, {row['vragen']} vragen: {row['lint_s']:.1f} s (doel <= "
              f"{TARGET_SECONDS:.0f} s: {verdict}); waarvan verwarde vragen zoeken "
              f"{row['zoekmachine_s']:.1f} s ({row['zoekopdrachten']} zoekopdrachten)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
