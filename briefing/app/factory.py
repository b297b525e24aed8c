"""One factory for the CLI, the tests and the benchmark: `make_app(kb_path, embargo=...)`."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

# Where briefing keeps clipboard fallbacks and saved spiekbriefjes.
from briefing.fileio import user_data_dir


def make_app(kb_path: Path | str, *, embargo: bool = False, data_dir: Path | None = None,
             **options: Any):
    """Build the app. Options (for tests and benchmarks): engine_factory, clipboard_commands,
    watch_interval (seconds, None = no watching), now, on_ready, theme."""
    from briefing.app.app import BriefingApp

    return BriefingApp(Path(kb_path), embargo=embargo,
                       data_dir=data_dir if data_dir is not None else user_data_dir(),
                       **options)


def run_app(kb: Path, embargo: bool = False, example: bool = False, **options: Any) -> int:
    """Run the live desk in this terminal; returns the exit code. example=True: kb is the
    bundled example knowledge base (briefing.location), which the desk marks as such."""
    kb = Path(kb)
    if not kb.is_dir():
        print(f"briefing: fout: map met de kennisbank bestaat niet: {kb}", file=sys.stderr)
        return 2
    options.setdefault("theme", os.environ.get("BRIEFING_THEME") or None)
    app = make_app(kb, embargo=embargo, example=example, **options)
    result = app.run()
    return int(result or 0)
