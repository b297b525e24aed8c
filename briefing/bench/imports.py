"""Import of hostile text shapes (`make bench`): huge lines, deep brackets, runs of dots or Woo
marks (the inputs of tests/importing/test_import_robustness.py, which bounds their CPU time).
Each must import (or fail with a Dutch ReadError) in linear time. The wall-clock figures live
here, not in a test: a wall-clock bound fails on a busy machine. Target: every input <= 5 s on a
2-core machine.

    python -m briefing.bench.imports [--json]"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

TARGET_SECONDS = 5.0

# name -> text. Each is about 100-200 kB of one pathological shape.
HOSTILE_INPUTS: dict[str, str] = {
    "woorden.txt": "woord " * 100_000,
    "haakjes.txt": "(" * 50_000 + "a",
    "blokhaken.txt": "[" * 30_000 + "PM: x" + "]" * 30_000,
    "punten.txt": "Vraag 1 " + "." * 100_000,
    "sterren.txt": "**" * 50_000 + "x",
    "woo.txt": "5.1, 2, e " * 20_000,
    "datums.txt": "3 februari 2025 " * 20_000,
    "spaties.txt": "a" + " " * 100_000 + "b\nc" + " " * 100_000 + "d\n",
    "tabs.txt": "a\t" * 20_000 + "\n" + "b\t" * 20_000,
    "vraag.txt": "Vraag van " + "x" * 50_000 + ":\n",
    "lid.txt": "Lid " + "A " * 10_000 + "(VVD)\n",
}


def measure(registers=None) -> dict[str, float]:
    """Seconds per input for import_file (a ReadError counts: it is a clean answer)."""
    from briefing.importing import ReadError, import_file

    seconds: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="briefing-bench-import-") as tmp:
        for name, text in HOSTILE_INPUTS.items():
            path = Path(tmp) / name
            path.write_text(text, encoding="utf-8")
            started = time.perf_counter()
            try:
                import_file(path, registers)
            except ReadError:
                pass
            seconds[name] = time.perf_counter() - started
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Importtijd van vijandige invoer meten.")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    from briefing.location import bundled_example
    from briefing.model import load_knowledge

    seconds = measure(load_knowledge(bundled_example()).registers)
    worst = max(seconds, key=seconds.get)
    if args.json:
        print(json.dumps({"seconden": seconds, "doel": TARGET_SECONDS}))
        return 0
    print(f"import van vijandige invoer ({len(seconds)} bestanden van 100-200 kB):")
    for name, value in seconds.items():
        print(f"  {name:<14} {value:6.2f} s")
    verdict = "gehaald" if seconds[worst] <= TARGET_SECONDS else "NIET gehaald"
    print(f"  traagste: {worst} {seconds[worst]:.2f} s (doel <= {TARGET_SECONDS:.0f} s: {verdict})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
