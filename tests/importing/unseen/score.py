"""Field-level agreement of an imported dossier with a hand-written expectation.

An expectation is a compact YAML file next to its fixture: header fields, core message and
theme lines (nested as in the knowledge format), questions with number, asker, variants,
answer and 'if pressed' lines and note, open parties, open points, the number of Woo
redactions, fact lines that must be present and text that must never be content.

    python -m tests.importing.unseen.score        # a table of all fixtures
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from briefing.importing import import_file
from briefing.importing.names import Asker, Names
from briefing.model.dossier import Dossier, Line, flatten_lines

HERE = Path(__file__).parent
HEADER = ["titel", "vergadering", "datum", "agendapunt", "portefeuillehouder",
          "gevraagd_besluit", "classificatie", "embargo_tot"]


@dataclass
class Score:
    name: str
    results: list[tuple[str, bool, str]] = field(default_factory=list)

    def check(self, key: str, ok: bool, detail: str = "") -> None:
        self.results.append((key, bool(ok), "" if ok else detail))

    @property
    def passed(self) -> int:
        return sum(ok for _, ok, _ in self.results)

    @property
    def total(self) -> int:
        return len(self.results)

    def failures(self) -> list[str]:
        return [f"{key}: {detail}" for key, ok, detail in self.results if not ok]


def _n(text: Any) -> str:
    return " ".join(str(text).split()) if text is not None else ""


def _tree(lines: list) -> list[tuple[int, str]]:
    """Expected lines (strings or {tekst, sub}) as (depth, text)."""
    parsed = [Line.model_validate(line) for line in lines or []]
    return [(d, _n(t)) for d, t in flatten_lines(parsed)]


def _actual(lines: list[Line]) -> list[tuple[int, str]]:
    return [(d, _n(t)) for d, t in flatten_lines(lines)]


def fixtures() -> list[Path]:
    """Expectation files, sorted."""
    return sorted(HERE.glob("*.expected.yaml"))


def is_word(expected: Path) -> bool:
    """Whether the fixture of an expectation is a Word file built by docx_fixtures."""
    from tests.importing.unseen.docx_fixtures import BUILDERS

    stem = expected.name.removesuffix(".expected.yaml")
    return any(name.startswith(stem + ".") for name in BUILDERS)


def source_for(expected: Path, folder: Path) -> Path:
    """The fixture file of an expectation; Word fixtures are built into folder."""
    from tests.importing.unseen.docx_fixtures import BUILDERS

    stem = expected.name.removesuffix(".expected.yaml")
    for name, build in BUILDERS.items():
        if name.startswith(stem + "."):
            path = folder / name
            if not path.exists():
                build(path)
            return path
    matches = [p for p in HERE.glob(stem + ".*") if not p.name.endswith(".expected.yaml")]
    if len(matches) != 1:
        raise FileNotFoundError(f"geen (of meer dan één) bronbestand voor {expected.name}")
    return matches[0]


def score(expected: dict, dossier: Dossier, names: Names, name: str = "") -> Score:
    result = Score(name)
    data = dossier.to_data()

    for key in HEADER:
        if key not in expected:
            continue
        want, got = expected[key], data.get(key)
        if key == "embargo_tot":
            got = got.strftime("%Y-%m-%dT%H:%M") if got else None
            want = (want.strftime("%Y-%m-%dT%H:%M") if isinstance(want, dt.datetime)
                    else want)
        elif key == "datum":
            want = want.isoformat() if isinstance(want, dt.date) else want
            got = got.isoformat() if got else None
        result.check(key, _n(want) == _n(got) if want is not None else got is None,
                     f"{got!r} i.p.v. {want!r}")

    if "kernboodschap" in expected:
        want, got = _tree(expected["kernboodschap"]), _actual(dossier.core_message)
        result.check("kernboodschap", want == got, _diff(want, got))
    if "themas" in expected:
        want_titles = [_n(t["titel"]) for t in expected["themas"]]
        got_titles = [_n(t.title) for t in dossier.themes]
        result.check("thematitels", want_titles == got_titles, f"{got_titles} i.p.v. {want_titles}")
        mine = {_n(t.title): t for t in dossier.themes}
        for theme in expected["themas"]:
            got_theme = mine.get(_n(theme["titel"]))
            want = _tree(theme.get("regels", []))
            got = _actual(got_theme.lines) if got_theme else []
            result.check(f"thema '{theme['titel']}'", want == got, _diff(want, got))
    if "feiten_bevat" in expected:
        facts = [t for _, t in _actual(dossier.facts)]
        missing = [f for f in expected["feiten_bevat"] if _n(f) not in facts]
        result.check("feiten", not missing, f"ontbreekt {missing}; wel: {facts}")

    def asker(member, party):
        resolved = names.resolve(Asker(member, party))
        return (resolved.member, resolved.party)

    if "vragen" in expected:
        wanted = expected["vragen"]
        result.check("aantal vragen", len(wanted) == len(dossier.questions),
                     f"{len(dossier.questions)} i.p.v. {len(wanted)}: "
                     f"{[q.question[:40] for q in dossier.questions]}")
        used: set[int] = set()
        for index, want in enumerate(wanted):
            label = f"vraag {want.get('nummer', index + 1)}"
            got = _match(want, dossier, index, used)
            if got is None:
                for part in ("nummer", "vragensteller", "vraag", "varianten", "antwoord",
                             "doorvragen", "notitie"):
                    result.check(f"{label} {part}", False, "vraag niet gevonden")
                continue
            result.check(f"{label} nummer", got.number == want.get("nummer", got.number),
                         f"{got.number}")
            result.check(f"{label} vragensteller",
                         asker(want.get("raadslid"), want.get("fractie")) ==
                         asker(got.member, got.party), f"{(got.member, got.party)}")
            result.check(f"{label} vraag", _n(want["vraag"]) == _n(got.question),
                         f"{got.question!r}")
            want_variants = [(*asker(v.get("raadslid"), v.get("fractie")),
                              _n(v.get("vraag", want["vraag"])))
                             for v in want.get("varianten", [])]
            got_variants = [(*asker(v.member, v.party), _n(v.question)) for v in got.variants]
            result.check(f"{label} varianten", want_variants == got_variants, f"{got_variants}")
            for key, lines in (("antwoord", got.answer), ("doorvragen", got.if_pressed)):
                w, g = _tree(want.get(key, [])), _actual(lines)
                result.check(f"{label} {key}", w == g, _diff(w, g))
            result.check(f"{label} notitie", _n(want.get("notitie")) == _n(got.note),
                         f"{got.note!r}")

    for key, got in (("open_fracties", [names.party(p) or p for p in dossier.open_parties]),
                     ("open_punten", [_n(p) for p in dossier.open_points])):
        if key in expected:
            want = [(names.party(p) or p) if key == "open_fracties" else _n(p)
                    for p in expected[key]]
            result.check(key, want == got, f"{got} i.p.v. {want}")
    if "redacties" in expected:
        result.check("redacties", expected["redacties"] == len(dossier.redactions),
                     f"{len(dossier.redactions)}: {dossier.redactions}")
    if expected.get("niet_in_inhoud"):
        content = dict(data)
        for key in ("onherkend", "redacties", "bron", "id"):
            content.pop(key, None)
        text = str(content)
        found = [s for s in expected["niet_in_inhoud"] if s in text]
        result.check("niet in inhoud", not found, f"gevonden: {found}")
    return result


def _match(want: dict, dossier: Dossier, index: int, used: set[int]):
    """The imported question for an expected one: same text first, else same position."""
    for position, question in enumerate(dossier.questions):
        if position not in used and _n(question.question) == _n(want["vraag"]):
            used.add(position)
            return question
    if index < len(dossier.questions) and index not in used:
        used.add(index)
        return dossier.questions[index]
    return None


def _diff(want: list, got: list) -> str:
    if want == got:
        return ""
    for i, (w, g) in enumerate(zip(want, got)):
        if w != g:
            return f"regel {i + 1}: {g!r} i.p.v. {w!r} ({len(got)} i.p.v. {len(want)} regels)"
    return f"{len(got)} i.p.v. {len(want)} regels: {got[len(want):] or want[len(got):]}"


def load_expected(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def run_all(registers, folder: Path) -> list[tuple[Score, Dossier]]:
    names = Names(registers)
    out = []
    for expected in fixtures():
        source = source_for(expected, folder)
        dossier = import_file(source, registers).dossier
        out.append((score(load_expected(expected), dossier, names, source.name), dossier))
    return out


def main() -> int:
    from briefing.model import load_knowledge

    registers = load_knowledge(HERE.parents[2] / "knowledge").registers
    verbose = "-v" in sys.argv
    passed = total = 0
    with tempfile.TemporaryDirectory() as folder:
        for result, _ in run_all(registers, Path(folder)):
            passed += result.passed
            total += result.total
            print(f"{result.name}: {result.passed}/{result.total}")
            if verbose:
                for failure in result.failures():
                    print(f"    - {failure}")
    print(f"totaal: {passed}/{total} velden ({passed / max(1, total):.0%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
