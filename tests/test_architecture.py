"""Architecture rules that keep the CLI fast and the core testable without a terminal."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO

CHECK_CORE = """
import pkgutil, importlib, sys, briefing
for info in pkgutil.walk_packages(briefing.__path__, "briefing."):
    if info.name.startswith(("briefing.app", "briefing.bench")) or info.name.endswith("__main__"):
        continue
    importlib.import_module(info.name)
bad = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
print("textual" if bad else "clean")
"""


def test_core_never_imports_textual():
    result = subprocess.run([sys.executable, "-c", CHECK_CORE], cwd=REPO,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "clean"


def test_cli_help_lists_dutch_subcommands():
    result = subprocess.run([sys.executable, "-m", "briefing", "--help"], cwd=REPO,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert "gebruik: briefing" in result.stdout
    assert "check" in result.stdout and "controleer" in result.stdout


def test_cli_usage_errors_are_dutch():
    result = subprocess.run([sys.executable, "-m", "briefing", "check", "--onzin"], cwd=REPO,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "onbekende argumenten: --onzin" in result.stderr
