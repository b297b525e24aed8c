"""Does a YAML round-trip library leave dossier files byte-identical? (issue 10, section 4)

Loads and dumps, without any change, every dossier of: the bundled knowledge base, dossiers
written by `briefing import` from ../shared/real and ../shared/seeds, and hand-edited samples
(tests/learn/fixtures/handwerk.yaml and a bundled dossier with Windows line endings), under
several ruamel.yaml settings, and counts the files that come back byte for byte.

ruamel.yaml is not a dependency of briefing (the measurement is why); to run this:

    .venv/bin/pip install ruamel.yaml==0.19.1
    .venv/bin/python scripts/measure_roundtrip.py
"""

from __future__ import annotations

import difflib
import io
import subprocess
import sys
import tempfile
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml import __version__ as RUAMEL_VERSION

REPO = Path(__file__).resolve().parent.parent
# ../shared beside the clone (or beside the folder of a git worktree)
SHARED = next((folder / "shared" for folder in REPO.parents if (folder / "shared").is_dir()),
              REPO.parent / "shared")


def _null(representer, _value):
    return representer.represent_scalar("tag:yaml.org,2002:null", "null")


def round_trip(text: str, *, quotes=False, width=None, indent=None, null=False) -> str:
    yaml = YAML()  # round-trip mode
    yaml.preserve_quotes = quotes
    if width:
        yaml.width = width
    if indent:
        yaml.indent(**indent)
    if null:
        yaml.representer.add_representer(type(None), _null)
    out = io.StringIO()
    yaml.dump(yaml.load(text), out)
    return out.getvalue()


SETTINGS = {
    "standaard": {},
    "preserve_quotes + width": dict(quotes=True, width=10**9),
    "+ indent(2, 4, 2)": dict(quotes=True, width=10**9,
                              indent=dict(mapping=2, sequence=4, offset=2)),
    "+ indent(2, 4, 2) + null": dict(quotes=True, width=10**9,
                                     indent=dict(mapping=2, sequence=4, offset=2), null=True),
    "+ indent(2, 2, 0) + null": dict(quotes=True, width=10**9,
                                     indent=dict(mapping=2, sequence=2, offset=0), null=True),
}


def corpora(tmp: Path) -> dict[str, list[tuple[str, str]]]:
    def read(paths):
        return [(p.name, p.read_bytes().decode("utf-8")) for p in paths]

    bundled = sorted((REPO / "knowledge" / "dossiers").glob("*.yaml"))
    sources = sorted((SHARED / "real").glob("*.txt")) + sorted((SHARED / "seeds").glob("*"))
    for source in sources:
        subprocess.run([sys.executable, "-m", "briefing", "import", str(source), "--out", str(tmp)],
                       capture_output=True, cwd=REPO, check=False)
    imported = sorted((tmp / "dossiers").glob("*.yaml"))
    crlf = bundled[2].read_bytes().decode("utf-8").replace("\n", "\r\n")
    hand = read([REPO / "tests" / "learn" / "fixtures" / "handwerk.yaml"])
    return {"meegeleverd": read(bundled), "geschreven door briefing import": read(imported),
            "met de hand bewerkt": hand + [(bundled[2].name + " (CRLF)", crlf)]}


def main() -> None:
    print(f"ruamel.yaml {RUAMEL_VERSION}: load + dump zonder wijziging, bestanden byte-identiek")
    with tempfile.TemporaryDirectory() as tmp:
        groups = corpora(Path(tmp))
    for name, options in SETTINGS.items():
        cells = []
        for group, files in groups.items():
            same = changed = 0
            for _, text in files:
                out = round_trip(text, **options)
                if out == text:
                    same += 1
                else:
                    changed += sum(1 for line in difflib.ndiff(text.splitlines(True),
                                                              out.splitlines(True))
                                   if line.startswith("- "))
            cells.append(f"{group}: {same}/{len(files)} ({changed} regels anders)")
        print(f"- {name}: " + "; ".join(cells))


if __name__ == "__main__":
    main()
