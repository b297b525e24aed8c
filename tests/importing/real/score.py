"""Fields a user relies on, scored on real documents against blind expectations.

A folder holds `<name>.txt` (or another importable file `<name>.*`) and
`<name>.expected.yaml`, written by someone who read only the document (the format is in
FORMAT.md next to this file). Per document the scored fields are:

- `soort`: the kind of document (annotatie, beantwoording, qa-lijst, kamervragen, vragen);
  a dossier without the field counts as `annotatie`, what the importer made of every file
  before the field existed;
- `titel`: the expected fragment is part of the dossier's title, or the title (3 words or
  more) is part of the fragment; an expected `null` is not scored;
- `datum`: the same date, or no date when the document has none;
- each asker: a question (or variant) of the dossier names that member and/or party;
- each question with text: a dossier question whose text contains the fragment;
- each question's answer: the fragment is in the answer of the dossier question found for
  it; an expected `null` means that question has no answer lines (nothing invented). A
  question whose text the OCR lost (`vraag: null`) counts when its answer is attached to a
  dossier question that no other expected question took;
- each `niet_in_antwoorden` fragment: in no answer or 'if pressed' line.

Matching is on a fuzzy normal form: case, accents, punctuation and all whitespace dropped
(OCR splits and joins words); a fragment that must be present may also differ in a few
characters (partial ratio >= 90), a fragment that must be absent counts only when it is
there exactly in that normal form.

    python -m tests.importing.real.score FOLDER [FOLDER...] [-v]
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz

from briefing.importing.names import Asker, Names
from briefing.model.dossier import Dossier, line_texts
from briefing.model.registers import fold

HERE = Path(__file__).parent
REPO = HERE.parents[2]
GROUPS = ("soort", "titel", "datum", "vragenstellers", "vragen", "antwoorden",
          "niet_in_antwoorden")
FUZZY = 90


def norm(text: Any) -> str:
    """Lower case letters and digits only: OCR whitespace and punctuation do not count."""
    text = unicodedata.normalize("NFKD", str(text or ""))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return re.sub(r"[^a-z0-9]+", "", text)


def present(fragment: str, text: str) -> bool:
    """The fragment is in text, in the normal form, allowing a few different characters."""
    f, t = norm(fragment), norm(text)
    if not f:
        return False
    if f in t:
        return True
    return len(f) >= 12 and len(t) >= len(f) * 0.8 and fuzz.partial_ratio(f, t) >= FUZZY


def exactly_present(fragment: str, text: str) -> bool:
    f = norm(fragment)
    return bool(f) and f in norm(text)


@dataclass
class Result:
    name: str
    fields: list[tuple[str, str, bool, str]] = field(default_factory=list)  # group, key, ok, why
    info: list[str] = field(default_factory=list)

    def check(self, group: str, key: str, ok: bool, why: str = "") -> None:
        self.fields.append((group, key, bool(ok), "" if ok else why))

    def count(self, group: str | None = None) -> tuple[int, int]:
        chosen = [f for f in self.fields if group is None or f[0] == group]
        return sum(ok for _, _, ok, _ in chosen), len(chosen)

    def failures(self) -> list[str]:
        return [f"{key}: {why}" for _, key, ok, why in self.fields if not ok]


def _kind(dossier: Dossier) -> str:
    data = dossier.to_data()
    return str(data.get("soort") or "annotatie")


def _same_party(names: Names, want: str, got: str | None) -> bool:
    if not got:
        return False
    a, b = fold(names.party(want) or want), fold(names.party(got) or got)
    if a == b:
        return True
    # 'VVD Zuid' is the VVD; 'GroenLinks' is 'GL' through the register.
    wa, wb = set(a.split()), set(b.split())
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def _same_member(want: str, got: str | None) -> bool:
    return bool(got) and norm(want) == norm(got)


def _askers(dossier: Dossier, names: Names) -> list[Asker]:
    out = []
    for question in dossier.questions:
        for member, party in [(question.member, question.party)] + \
                [(v.member, v.party) for v in question.variants]:
            if member or party:
                out.append(names.resolve(Asker(member, party)))
    return out


def _answer_text(question) -> str:
    return "\n".join(line_texts(question.answer) + line_texts(question.if_pressed))


def score(expected: dict, dossier: Dossier, names: Names, name: str = "") -> Result:
    result = Result(name)

    want_kind = expected.get("soort")
    if want_kind:
        got = _kind(dossier)
        result.check("soort", "soort", got == want_kind, f"{got!r} i.p.v. {want_kind!r}")

    want_title = expected.get("titel")
    if want_title:
        got = dossier.title or ""
        ok = present(want_title, got) or (len(got.split()) >= 3 and exactly_present(got, want_title))
        result.check("titel", "titel", ok, f"{got!r} i.p.v. {want_title!r}")

    if "datum" in expected:
        want = expected["datum"]
        want = want.isoformat() if isinstance(want, dt.date) else want
        got = dossier.date.isoformat() if dossier.date else None
        result.check("datum", "datum", (want or None) == got, f"{got!r} i.p.v. {want!r}")

    askers = _askers(dossier, names)
    for index, want in enumerate(expected.get("vragenstellers") or [], start=1):
        member, party = want.get("raadslid"), want.get("fractie")
        ok = any((not member or _same_member(member, a.member)) and
                 (not party or _same_party(names, party, a.party)) for a in askers)
        result.check("vragenstellers", f"vragensteller {member or ''} ({party or ''})".replace(
            " ()", ""), ok and bool(member or party),
            f"gevonden: {sorted({(a.member, a.party) for a in askers}, key=str)}")

    questions = dossier.questions
    taken: dict[int, int] = {}  # expected index -> dossier index
    wanted = expected.get("vragen") or []
    for index, want in enumerate(wanted):
        fragment = want.get("vraag")
        if not fragment:
            continue
        for position, question in enumerate(questions):
            if position not in taken.values() and present(fragment, question.question):
                taken[index] = position
                break
    for index, want in enumerate(wanted):
        label = f"vraag {want.get('nummer') or index + 1}"
        fragment, answer = want.get("vraag"), want.get("antwoord")
        if fragment:
            found = index in taken
            result.check("vragen", label, found, f"niet gevonden: {fragment!r}")
            if not found:
                result.check("antwoorden", f"{label} antwoord", False, "vraag niet gevonden")
                continue
            got = questions[taken[index]]
            if answer:
                result.check("antwoorden", f"{label} antwoord", present(answer, _answer_text(got)),
                             f"{answer!r} niet in het antwoord: {_answer_text(got)[:120]!r}")
            else:
                result.check("antwoorden", f"{label} antwoord", not _answer_text(got).strip(),
                             f"verzonnen antwoord: {_answer_text(got)[:120]!r}")
        elif answer:
            # The OCR lost the question: its answer must still stand on a question of its own.
            free = [q for p, q in enumerate(questions) if p not in taken.values()]
            ok = any(present(answer, _answer_text(q)) for q in free)
            result.check("antwoorden", f"{label} antwoord (vraag onleesbaar)", ok,
                         f"{answer!r} niet bij een eigen vraag")

    answers = "\n".join(_answer_text(q) for q in questions)
    for fragment in expected.get("niet_in_antwoorden") or []:
        result.check("niet_in_antwoorden", f"niet in antwoord: {fragment!r}",
                     not exactly_present(fragment, answers), "staat in een antwoord")

    result.info.append(f"{len(questions)} vragen geïmporteerd, {len(wanted)} verwacht")
    return result


# --- running over folders --------------------------------------------------------------------


def documents(folder: Path) -> list[tuple[Path, Path]]:
    """(source, expectation) pairs of a folder, sorted by name."""
    pairs = []
    for expected in sorted(folder.glob("*.expected.yaml")):
        stem = expected.name.removesuffix(".expected.yaml")
        text = folder / f"{stem}.txt"
        if text.is_file():
            pairs.append((text, expected))
            continue
        others = sorted(p for p in folder.glob(f"{stem}.*")
                        if p != expected and not p.name.endswith(".yaml"))
        if others:
            pairs.append((others[0], expected))
    return pairs


def load_expected(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def score_folder(folder: Path, registers=None) -> list[Result]:
    from briefing.importing import ReadError, import_file

    names = Names(registers)
    out = []
    for source, expected_path in documents(folder):
        expected = load_expected(expected_path)
        try:
            dossier = import_file(source, registers).dossier
        except ReadError as exc:
            dossier = Dossier(title="", unrecognised=[])
            result = score(expected, dossier, names, source.stem)
            result.info.append(f"niet geïmporteerd: {exc}")
            out.append(result)
            continue
        out.append(score(expected, dossier, names, source.stem))
    return out


def summary(results: list[Result]) -> dict[str, tuple[int, int]]:
    totals = {}
    for group in GROUPS + (None,):
        passed = sum(r.count(group)[0] for r in results)
        total = sum(r.count(group)[1] for r in results)
        totals[group or "totaal"] = (passed, total)
    return totals


def _pct(passed: int, total: int) -> str:
    return f"{passed}/{total} ({passed / total:.0%})" if total else "-"


def report(results: list[Result], verbose: bool = False) -> list[str]:
    lines = []
    for result in results:
        parts = [f"{g} {result.count(g)[0]}/{result.count(g)[1]}" for g in GROUPS
                 if result.count(g)[1]]
        lines.append(f"{result.name}: {_pct(*result.count())}  " + " · ".join(parts))
        if verbose:
            lines.extend(f"    ({info})" for info in result.info)
            lines.extend(f"    - {failure}" for failure in result.failures())
    totals = summary(results)
    lines.append("per veld: " + " · ".join(f"{g} {_pct(*totals[g])}" for g in GROUPS
                                           if totals[g][1]))
    lines.append(f"totaal: {_pct(*totals['totaal'])} velden")
    return lines


def main(argv: list[str] | None = None) -> int:
    from briefing.model import load_knowledge

    argv = sys.argv[1:] if argv is None else argv
    verbose = "-v" in argv
    folders = [Path(a) for a in argv if a != "-v"] or [HERE]
    registers = load_knowledge(REPO / "knowledge").registers
    everything: list[Result] = []
    for folder in folders:
        if not folder.is_dir():
            print(f"geen map: {folder}", file=sys.stderr)
            return 2
        results = score_folder(folder, registers)
        if not results:
            print(f"geen <naam>.expected.yaml met een bron in {folder}", file=sys.stderr)
            return 2
        if len(folders) > 1:
            print(f"== {folder}")
        print("\n".join(report(results, verbose)))
        everything.extend(results)
    if len(folders) > 1:
        print(f"== alle mappen: {_pct(*summary(everything)['totaal'])} velden")
    return 0


if __name__ == "__main__":
    sys.exit(main())
