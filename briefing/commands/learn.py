"""`briefing learn`: recorded choices from the live desk as proposed variants; `--apply` writes
them into the dossier files."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

NAME = "learn"
HELP = "stel varianten voor uit de antwoorden die u in de live-app koos (--apply schrijft ze)"

EPILOG = """\
Alleen als 'keuzes_bijhouden: ja' in instellingen.yaml staat, onthoudt de live-app welke kaart u
kiest (een regel kopieert of vastpint) na een vraag. De lijst staat alleen op deze computer en
wordt nooit verstuurd. briefing learn stelt voor om uw woorden als variant bij de vraag van die
kaart te zetten, vooral als het niet het eerste antwoord was; een vraag die eerst geen
voorbereid antwoord kreeg en daarna via een andere formulering een kaart vond, telt ook mee.
Zonder --apply wordt niets geschreven. Met --apply worden alleen regels toegevoegd: de rest van
het bestand (commentaar, volgorde, aanhalingstekens) blijft zoals het was. Zie docs/leren.md.
"""

STYLE = {"openbaar": None, "intern": "INTERN", "vertrouwelijk": "VERTROUWELIJK",
         "geheim": "GEHEIM"}


def add_arguments(parser) -> None:
    from briefing.cli import add_kb_option

    parser.epilog = EPILOG
    add_kb_option(parser)
    parser.add_argument("--apply", action="store_true",
                        help="schrijf de voorgestelde varianten in de dossierbestanden")
    parser.add_argument("--alleen", metavar="NUMMERS",
                        help="met --apply: alleen deze voorstellen, bijvoorbeeld 1,3")
    parser.add_argument("--min", type=int, default=1, metavar="N",
                        help="alleen vragen die minstens N keer gekozen zijn (standaard 1)")
    parser.add_argument("--embargo", action="store_true",
                        help="neem ook dossiers mee die nog onder embargo staan")
    parser.add_argument("--json", action="store_true", help="als JSON (voor scripts)")
    parser.add_argument("--clear", action="store_true",
                        help="wis de bijgehouden keuzes (schrijft niets in de kennisbank)")


def _err(message: str) -> None:
    print(f"briefing learn: {message}", file=sys.stderr)


def run(args) -> int:
    from briefing.learn.store import choices_path, clear_choices, load_choices
    from briefing.settings import read_settings, settings_path

    settings, problems = read_settings()
    for problem in problems:
        print(f"instellingen: {problem}", file=sys.stderr)
    path = choices_path()
    if args.clear:
        removed = clear_choices(path)
        if args.json:
            print(json.dumps({"verwijderd": removed}))
        else:
            print(f"{removed} keuze(s) gewist ({path})")
        return 0
    if args.min < 1:
        _err("fout: --min moet minstens 1 zijn")
        return 2
    if args.alleen and not args.apply:
        _err("fout: --alleen hoort bij --apply")
        return 2

    from briefing.cli import default_kb

    root = Path(args.kb or default_kb())
    if not (root / "dossiers").is_dir():
        _err(f"fout: geen kennisbank gevonden in {root} (map 'dossiers' ontbreekt)")
        return 2

    loaded = load_choices(path)
    for message in loaded.messages:
        print(message, file=sys.stderr)

    from briefing.learn.proposals import build_proposals
    from briefing.model.loading import load_knowledge

    kb = load_knowledge(root)
    proposals = build_proposals(loaded.choices, kb, include_embargo=args.embargo,
                                min_count=args.min)
    selected = proposals.variants
    if args.alleen:
        numbers = _parse_numbers(args.alleen, len(proposals.variants))
        if numbers is None:
            _err(f"fout: --alleen verwacht nummers uit de lijst (1 tot en met "
                 f"{len(proposals.variants)}), bijvoorbeeld 1,3")
            return 2
        selected = [proposals.variants[n - 1] for n in numbers]

    if args.json:
        payload = {
            "bijhouden": settings.record_choices, "bestand": str(path), "kennisbank": str(root),
            "aantal_keuzes": len(loaded.choices),
            "voorstellen": [p.to_data() for p in proposals.variants],
            "alleen_getoond": [p.to_data() for p in proposals.listed],
            "overgeslagen": dict(proposals.skipped_counts()),
        }
    else:
        if not settings.record_choices:
            print("Keuzes worden niet bijgehouden. Zet 'keuzes_bijhouden: ja' in "
                  f"{settings_path()} om dat aan te zetten (alleen op deze computer, nooit "
                  "verstuurd).")
        _print_listing(proposals, len(loaded.choices), path, args.apply)

    if not args.apply:
        if args.json:
            print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0
    code = _apply(root, kb, selected, args, payload if args.json else None)
    if args.json:
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    return code


def _parse_numbers(text: str, count: int) -> list[int] | None:
    numbers: list[int] = []
    for part in text.replace(" ", ",").split(","):
        if not part:
            continue
        if not part.isdigit() or not 1 <= int(part) <= count:
            return None
        if int(part) not in numbers:
            numbers.append(int(part))
    return numbers or None


def _clean(text: str | None, limit: int = 200) -> str:
    """One line of text that is safe to print (knowledge and store files are untrusted)."""
    from briefing.safetext import printable

    text = " ".join(printable(text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _how(proposal) -> str:
    """'als alternatief 3 (2x), als eerste antwoord met zekerheid laag (1x); eerst gemist 1x'"""
    parts: Counter = Counter()
    for choice in proposal.choices:
        if choice.via == "gemist":
            continue
        if choice.rank is None:
            parts["buiten de resultaten"] += 1
        elif choice.rank == 0:
            parts[f"als eerste antwoord (zekerheid {choice.certainty or 'onbekend'})"] += 1
        else:
            parts[f"als alternatief {choice.rank}"] += 1
    text = ", ".join(f"{label} ({n}x)" for label, n in parts.most_common())
    missed = sum(1 for c in proposal.choices if c.via == "gemist")
    if missed:
        text += ("; " if text else "") + f"vraag eerst zonder voorbereid antwoord ({missed}x)"
    return text


def _card_label(proposal) -> str:
    marks = []
    if STYLE.get(proposal.classification):
        marks.append(STYLE[proposal.classification])
    dossier = proposal.target.dossier
    question = proposal.target.question
    status = getattr(question.status if question else dossier.status, "value", "")
    if dossier.status.value == "concept" or status == "concept":
        marks.append("CONCEPT")
    return f"kaart {proposal.card_id}" + (f" [{', '.join(marks)}]" if marks else "")


def _print_listing(proposals, total: int, path: Path, applying: bool) -> None:
    from briefing.learn.proposals import SKIP_REASONS

    if not total:
        print(f"Nog geen keuzes bijgehouden ({path}).")
        return
    variants = proposals.variants
    if variants:
        hint = "" if applying else " (schrijf ze met: briefing learn --apply)"
        print(f"Voorstellen voor nieuwe varianten: {len(variants)}{hint}")
        for number, proposal in enumerate(variants, 1):
            card = _clean(_card_label(proposal))
            print(f"{number:>3}. vraag \"{_clean(proposal.text)}\" -> {card}, "
                  f"{proposal.count} keer gekozen")
            print(f"     {_how(proposal)}")
            target = proposal.target
            where = target.path.name if target.path else target.dossier.id
            number_text = (f", vraag {target.question.number}"
                           if target.question and target.question.number is not None else "")
            print(f"     op de kaart: {_clean(target.title, 110)}")
            asker = proposal.member or proposal.party
            print(f"     in {_clean(where)}{number_text}"
                  + (f"; als variant van {_clean(asker)}" if asker else ""))
    else:
        print("Geen nieuwe varianten voor te stellen.")
    if proposals.listed:
        print("\nGekozen thema's en kernboodschappen (alleen ter informatie: zulke kaarten hebben "
              "geen varianten; schrijf er zo nodig een voorbereide vraag bij):")
        for proposal in proposals.listed:
            print(f"  - vraag \"{_clean(proposal.text)}\" -> {_clean(_card_label(proposal))} "
                  f"({_clean(proposal.target.title, 80)}), {proposal.count} keer gekozen")
    counts = proposals.skipped_counts()
    if counts:
        print("\nOvergeslagen keuzes: " + "; ".join(
            f"{n} {SKIP_REASONS.get(reason, reason)}" for reason, n in counts.most_common()))
    print(f"\n{total} keuze(s) bijgehouden in {path}")


def _apply(root: Path, kb, selected, args, payload) -> int:
    from briefing.learn.apply import ReadOnlyKnowledgeBase, apply_proposals, ensure_writable

    try:
        ensure_writable(root)
    except ReadOnlyKnowledgeBase as exc:
        _err(f"fout: {exc}")
        return 2
    if kb.errors:
        first = kb.errors[0]
        _err(f"fout: de kennisbank heeft {len(kb.errors)} fout(en), bijvoorbeeld "
             f"{first.path}:{first.line or ''}: {first.message}. Los die eerst op "
             "(briefing check); er is niets geschreven")
        return 1
    if not selected:
        if payload is None:
            print("\nNiets te schrijven.")
        else:
            payload["toegepast"] = []
        return 0
    outcomes = apply_proposals(selected)
    written = [o for o in outcomes if o.written]
    failed = [o for o in outcomes if o.error]
    count = sum(len(o.proposals) for o in written)
    if payload is None:
        print(f"\nGeschreven: {count} variant(en) in {len(written)} bestand(en)")
        for outcome in written:
            lines = ", ".join(str(n) for n in outcome.lines)
            print(f"  {outcome.path}: {len(outcome.proposals)} variant(en), regel {lines}")
        for outcome in failed:
            print(f"  {outcome.path}: NIET geschreven: {outcome.error}", file=sys.stderr)

    verified = _verify(root, [p for o in written for p in o.proposals], args)
    if payload is not None:
        payload["toegepast"] = [
            {"bestand": str(o.path), "geschreven": o.written, "fout": o.error,
             "regels": o.lines, "varianten": [p.text for p in o.proposals]} for o in outcomes]
        payload["controle"] = verified
    else:
        if verified["fouten"]:
            print("Controle (briefing check): FOUTEN", file=sys.stderr)
            for problem in verified["fouten"]:
                print(f"  {problem}", file=sys.stderr)
        elif written:
            print("Controle (briefing check): in orde")
        for item in verified["gevonden"]:
            place = item["plaats"]
            said = ("nu als eerste gevonden" if place == 1 else
                    f"nu op plaats {place}" if place else "nog niet bij de eerste 10")
            print(f"  \"{_clean(item['vraag'], 80)}\" -> {_clean(item['kaart'])}: {said}")
    return 1 if failed or verified["fouten"] else 0


def _verify(root: Path, proposals, args) -> dict:
    """After writing: the knowledge base still loads without errors, and where each written
    phrasing now puts its card (the same search `briefing ask` does)."""
    from briefing.model.loading import load_knowledge

    report: dict = {"fouten": [], "gevonden": []}
    if not proposals:
        return report
    kb = load_knowledge(root)
    report["fouten"] = [f"{p.path}:{p.line or ''}: {p.message}" for p in kb.errors]
    if kb.errors:
        return report
    from briefing.search.engine import SearchEngine
    from briefing.search.results import SearchOptions

    engine = SearchEngine.open(kb)
    options = SearchOptions(limit=10, include_embargo=bool(args.embargo))
    for proposal in proposals:
        results = engine.search(proposal.text, options)
        place = next((n for n, r in enumerate(results, 1) if r.card_id == proposal.card_id), None)
        report["gevonden"].append({"vraag": proposal.text, "kaart": proposal.card_id,
                                   "plaats": place})
    return report
