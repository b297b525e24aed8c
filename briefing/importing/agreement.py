"""How closely an imported dossier agrees with a hand-made one (the bundled transcriptions
of the seeds): per part, the share of lines that match, after whitespace normalisation.

    python -m briefing.importing.agreement [SEEDS_DIR] [KB]
"""

from __future__ import annotations

import difflib
import sys
from dataclasses import dataclass, field
from pathlib import Path

from briefing.importing.names import Asker, Names
from briefing.model.dossier import Dossier, flatten_lines, line_texts


def _n(text: str | None) -> str:
    return " ".join((text or "").split())


def ratio(expected: list, actual: list) -> float:
    """Matched items / the longer list (1.0 when both are empty)."""
    if not expected and not actual:
        return 1.0
    matcher = difflib.SequenceMatcher(None, expected, actual, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    return matched / max(len(expected), len(actual))


@dataclass
class Agreement:
    name: str
    parts: dict[str, float] = field(default_factory=dict)
    counts: dict[str, tuple[int, int]] = field(default_factory=dict)  # expected, matched
    mismatches: list[str] = field(default_factory=list)

    def line(self) -> str:
        return f"{self.name}: " + ", ".join(f"{k} {v:.0%}" for k, v in self.parts.items())


def compare(expected: Dossier, actual: Dossier, names: Names | None = None) -> Agreement:
    """Agreement of actual (imported) with expected (hand-made)."""
    names = names or Names()
    result = Agreement(expected.source or expected.id or "?")

    def asker(member, party):
        resolved = names.resolve(Asker(member, party))
        return (resolved.member, resolved.party)

    by_number = {q.number: q for q in actual.questions}
    numbers = [q.number for q in expected.questions]
    result.parts["vraagnummers"] = ratio(numbers, [q.number for q in actual.questions])
    same_asker = same_text = 0
    answer_expected: list[str] = []
    answer_actual: list[str] = []
    variants_expected: list[tuple] = []
    variants_actual: list[tuple] = []
    for q in expected.questions:
        mine = by_number.get(q.number)
        answer_expected += [f"{q.number}|{_n(t)}" for t in line_texts(q.answer)]
        answer_expected += [f"{q.number}|door|{_n(t)}" for t in line_texts(q.if_pressed)]
        variants_expected += [(q.number, *asker(v.member, v.party), _n(v.question))
                              for v in q.variants]
        if mine is None:
            result.mismatches.append(f"vraag {q.number} ontbreekt")
            continue
        if asker(q.member, q.party) == asker(mine.member, mine.party):
            same_asker += 1
        else:
            result.mismatches.append(f"vraag {q.number}: vragensteller {asker(mine.member, mine.party)}"
                                     f" i.p.v. {asker(q.member, q.party)}")
        if _n(q.question) == _n(mine.question):
            same_text += 1
        else:
            result.mismatches.append(f"vraag {q.number}: tekst '{_n(mine.question)[:70]}'")
    for q in actual.questions:
        answer_actual += [f"{q.number}|{_n(t)}" for t in line_texts(q.answer)]
        answer_actual += [f"{q.number}|door|{_n(t)}" for t in line_texts(q.if_pressed)]
        variants_actual += [(q.number, *asker(v.member, v.party), _n(v.question))
                            for v in q.variants]
    total = len(expected.questions)
    if total or actual.questions:
        result.parts["vragenstellers"] = same_asker / max(total, len(actual.questions))
        result.parts["vraagteksten"] = same_text / max(total, len(actual.questions))
        result.parts["varianten"] = ratio(variants_expected, variants_actual)
        result.parts["antwoordregels"] = ratio(answer_expected, answer_actual)
        result.counts["antwoordregels"] = (len(answer_expected), round(
            result.parts["antwoordregels"] * max(len(answer_expected), len(answer_actual))))
    result.parts["kernboodschap"] = ratio([_n(t) for t in line_texts(expected.core_message)],
                                          [_n(t) for t in line_texts(actual.core_message)])
    theme_expected = [_n(t) for theme in expected.themes for t in line_texts(theme.lines)]
    theme_actual = [_n(t) for theme in actual.themes for t in line_texts(theme.lines)]
    result.parts["themaregels"] = ratio(theme_expected, theme_actual)
    result.parts["themanesting"] = ratio(
        [(d, _n(t)) for theme in expected.themes for d, t in flatten_lines(theme.lines)],
        [(d, _n(t)) for theme in actual.themes for d, t in flatten_lines(theme.lines)])
    result.parts["thematitels"] = ratio([_n(t.title) for t in expected.themes],
                                        [_n(t.title) for t in actual.themes])
    header = ["title", "meeting", "date", "agenda_item", "portfolio_holder", "requested_decision",
              "classification", "embargo_until", "note"]
    same = [getattr(expected, f) == getattr(actual, f) for f in header]
    result.parts["kopvelden"] = sum(same) / len(header)
    for f, ok in zip(header, same):
        if not ok:
            result.mismatches.append(f"{f}: {getattr(actual, f)!r} i.p.v. {getattr(expected, f)!r}")
    result.parts["open_fracties"] = ratio(
        [names.party(p) or p for p in expected.open_parties],
        [names.party(p) or p for p in actual.open_parties])
    return result


def measure(seeds: Path, kb_root: Path) -> list[Agreement]:
    """Import every seed that a bundled dossier names as its source, and compare."""
    from briefing.importing import import_file
    from briefing.model import load_knowledge

    kb = load_knowledge(kb_root)
    names = Names(kb.registers)
    out = []
    for dossier in sorted(kb.dossiers, key=lambda d: d.source or ""):
        path = seeds / (dossier.source or "")
        if not dossier.source or not path.is_file():
            continue
        imported = import_file(path, kb.registers).dossier
        out.append(compare(dossier, imported, names))
    return out


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    here = Path(__file__).resolve().parents[2]
    seeds = Path(argv[0]) if argv else here.parent / "shared" / "seeds"
    kb = Path(argv[1]) if len(argv) > 1 else here / "knowledge"
    results = measure(seeds, kb)
    if not results:
        print(f"geen seeds gevonden in {seeds} bij de dossiers in {kb}", file=sys.stderr)
        return 1
    for result in results:
        print(result.line())
        for mismatch in result.mismatches:
            print(f"    - {mismatch}")
    parts = [value for result in results for value in result.parts.values()]
    print(f"gemiddeld: {sum(parts) / len(parts):.2%} over {len(parts)} onderdelen")
    return 0


if __name__ == "__main__":
    sys.exit(main())
