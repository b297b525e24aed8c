"""The lint rules, one small function each. See docs/lint.md for the table of rules and levels."""

from __future__ import annotations

import re
from typing import Iterator

from rapidfuzz import fuzz, process

from briefing.maintain.registry import ERROR, WARNING, Hit, LintContext, rule
from briefing.maintain.walk import (
    LINES, META, QUESTION, SPOKEN, VARIANT, excerpt, question_label, walk_dossier, walk_lines,
)
from briefing.model import Dossier, Question
from briefing.model.dossier import Status, line_texts
from briefing.model.registers import fold

def _matches(ctx: LintContext, patterns: list[re.Pattern], kinds=None):
    """(dossier, item, match) for every walked item where one of the patterns first matches."""
    for dossier in ctx.kb.dossiers:
        for item in walk_dossier(dossier):
            if kinds is not None and item.kind not in kinds:
                continue
            for pattern in patterns:
                match = pattern.search(item.text)
                if match:
                    yield dossier, item, match
                    break


# --- placeholders -------------------------------------------------------------------------------

# Text that marks a line as unfinished. Each pattern is matched case-insensitively unless noted.
PLACEHOLDERS = [
    # "PM", "PM:", "PM-punt", "€ p.m.", "pm" (post memorie) as a word of its own; not "PMO",
    # "pm'er" (a project manager) or the "pm" inside a word.
    re.compile(r"(?<![\w.'’])(?:p\.\s?m\.?|pm)(?![\w'’])", re.I),
    re.compile(r"\b(?:TODO|FIXME|TBD)\b", re.I),
    re.compile(r"\bvolgt\s+(?:nog|later)\b", re.I),
    re.compile(r"\b(?:nog|nader)\s+(?:in\s+te\s+vullen|aan\s+te\s+vullen|te\s+bepalen|invullen|aanvullen)\b",
               re.I),
    re.compile(r"(?<![\w.])n\.?t\.?b\.(?!\w)", re.I),  # nader te bepalen
    re.compile(r"(?<![a-z])x{2,}(?![a-z])", re.I),  # "xx", "€ xx mln", "20xx"
    re.compile(r"(?<!\.)\.\.(?!\.)"),  # exactly two dots: an unfinished sentence
    # "..." as the whole line, "[...]", or a line that trails off into a gap ("Dat kost ...").
    re.compile(r"^\s*(?:\.{3,}|…)\s*$|[\[(<]\s*(?:\.{2,}|…)\s*[\])>]|\s(?:\.{3,}|…)\s*$"),
    re.compile(r"\?{3,}"),
    # A bracketed blank: "[X]", "[xx]", "<naam>", "[datum]", "[bedrag]", "[invullen]", ...
    re.compile(r"[\[<]\s*(?:x+|invullen|aanvullen|nog invullen|naam|namen|datum|bedrag|aantal|"
               r"getal|nummer|jaar|titel|pm|tbd|todo|volgt)\s*[\]>]", re.I),
]
# Where a placeholder is an error: everything a card shows (lines, titles, questions), not the
# adviser's notes and open points, whose job is to hold what is still open.
PLACEHOLDER_KINDS = LINES | {META, QUESTION, VARIANT}


@rule("tijdelijke-tekst", ERROR,
      "Tijdelijke tekst in wat een kaart toont (regels, titels, vragen): 'PM', 'TODO', 'xx', '[X]', "
      "'[naam]', 'volgt nog', '..', een regel die eindigt op '...', 'n.t.b.', '[invullen]'.")
def placeholder_text(ctx: LintContext) -> Iterator[Hit]:
    for dossier, item, match in _matches(ctx, PLACEHOLDERS, PLACEHOLDER_KINDS):
        yield Hit(dossier, item.loc,
                  f"tijdelijke tekst '{match.group().strip()}' in {item.label} "
                  f"({excerpt(item.text)}): maak de regel af of haal hem weg")


# --- references to material outside the knowledge base -----------------------------------------

REFERENCE = re.compile(
    r"\[\s*zie\b[^\]]*\]"
    r"|\bzie\s+(?:de\s+|het\s+)?(?:bijlage|bijlagen|cijferoverzicht|cijfer\s+overzicht|overzicht|tabel|"
    r"annotatie|hieronder|hierboven|brief)\b",
    re.I,
)


@rule("verwijzing", WARNING,
      "Een regel verwijst naar iets buiten de kennisbank ('[Zie cijfer overzicht]', 'zie bijlage'): "
      "de live-app kan dat stuk niet tonen.")
def reference_outside(ctx: LintContext) -> Iterator[Hit]:
    for dossier, item, match in _matches(ctx, [REFERENCE], LINES):
        yield Hit(dossier, item.loc,
                  f"{item.label} verwijst naar '{match.group()}': zorg dat dat stuk bij de "
                  "hand is, of neem de inhoud op in de kennisbank")


# --- Woo redaction marks ------------------------------------------------------------------------

# "5.1, 2, e", "5.1.2.e", "5.1 lid 2 sub e", "5.1, 2, e₃", "5.1, 2, i": the ground for a Woo
# redaction (art. 5.1 lid 2 sub e: privacy) printed where text was blacked out. Legal prose
# ("artikel 5.1, tweede lid onder i") does not match: it spells the member out.
WOO_MARK = re.compile(
    r"(?<![\d.,])5\s*[.,]\s*1[\s,.]+(?:lid\s*)?[12][\s,.]*(?:sub\s*|onder\s*)?[a-j](?![a-z])",
    re.I,
)


@rule("woo-lakking", ERROR,
      "Een Woo-lakmarkering ('5.1, 2, e' en varianten) staat in de inhoud: daar is tekst "
      "weggelakt, dus de regel is onvolledig (namen horen in 'redacties').")
def woo_redaction(ctx: LintContext) -> Iterator[Hit]:
    for dossier, item, match in _matches(ctx, [WOO_MARK]):
        yield Hit(dossier, item.loc,
                  f"Woo-lakmarkering '{match.group().strip()}' in {item.label} "
                  f"({excerpt(item.text)}): hier is tekst weggelakt; herschrijf de regel "
                  "zonder de markering")


# --- the same question, a different answer ------------------------------------------------------

# Two questions count as the same when their wording is this similar (0-100, word order ignored).
SAME_QUESTION = 85
# Answers this similar (0-100) count as equal (typo fixes, punctuation).
SAME_ANSWER = 97
# The desk's own view: searching one question's wording (or a variant), another question's card
# scores at least this share of the question's own card. The engine gives a card within 90% of
# the top the same certainty as the top (briefing.search.ranking.certainty_of), so the adviser
# would see both as equally good answers: the two are confusable. Catches a question restated
# with a clause added, which the word-order ratio above misses.
CLOSE_RUNNER_UP = 0.9
RUNNER_UP_DEPTH = 5  # results looked at per search


def _asked(question: Question) -> list[str]:
    return [fold(q) for q in [question.question, *(v.question for v in question.variants)] if q]


def _answer_text(question: Question) -> str:
    return fold(" ".join(line_texts(question.answer)))


def _dated(dossier: Dossier) -> str:
    return dossier.date.isoformat() if dossier.date else "datum onbekend"


def _similar_pairs(entries: list[tuple]) -> set[tuple[int, int]]:
    """Index pairs (i < j) of entries in different dossiers whose questions (or variants) are
    near-duplicates. Word order is ignored by sorting words once up front; the comparisons then
    run inside rapidfuzz (fast enough for thousands of questions)."""
    keys: list[str] = []
    owners: list[int] = []
    for index, entry in enumerate(entries):
        for text in entry[3]:
            keys.append(" ".join(sorted(text.split())))
            owners.append(index)
    pairs: set[tuple[int, int]] = set()
    for i, key in enumerate(keys[:-1]):
        # Each pair once: compare with the keys after this one.
        for _, _, offset in process.extract(key, keys[i + 1:], scorer=fuzz.ratio,
                                            score_cutoff=SAME_QUESTION, limit=None):
            a, b = owners[i], owners[i + 1 + offset]
            if a != b and entries[a][0] is not entries[b][0]:
                pairs.add((min(a, b), max(a, b)))
    return pairs


def _confused_pairs(ctx: LintContext, entries: list[tuple]) -> set[tuple[int, int]]:
    """Index pairs (i < j) of entries in different dossiers that the search engine confuses:
    for the wording of one (question or variant), the other's card is a close runner-up (or
    ranks above it). Empty when the engine cannot be opened."""
    engine = ctx.engine()
    if engine is None:
        return set()
    from briefing.search.results import SearchOptions

    owner = {d.question_id(q): index for index, (d, _, q, _, _) in enumerate(entries)}
    options = SearchOptions(limit=RUNNER_UP_DEPTH, include_concept=True, include_embargo=True)
    pairs: set[tuple[int, int]] = set()
    for index, (dossier, _, question, _, _) in enumerate(entries):
        own = dossier.question_id(question)
        for text in [question.question, *(v.question for v in question.variants)]:
            results = engine.search(text, options)
            own_score = next((r.score for r in results if r.card_id == own), None)
            if not own_score:
                continue  # its own card is not even found: another rule's business
            for result in results:
                other = owner.get(result.card_id)
                if other is None or other == index or entries[other][0] is dossier:
                    continue
                if result.score >= CLOSE_RUNNER_UP * own_score:
                    pairs.add((min(index, other), max(index, other)))
    return pairs


@rule("tegenstrijdig-antwoord", WARNING,
      "Bijna dezelfde vraag staat in twee dossiers met een ander antwoord: mogelijk is één van "
      "beide verouderd. Bijna dezelfde: zo gelijk geformuleerd, of zo dat de zoekmachine bij de "
      "ene vraag de kaart van de andere als bijna even goed toont (ook een vraag die een andere "
      "herhaalt met een toevoeging). Toont beide, met datum.")
def diverging_answers(ctx: LintContext) -> Iterator[Hit]:
    entries = [(d, qi, q, _asked(q), _answer_text(q))
               for d in ctx.kb.dossiers for qi, q in enumerate(d.questions) if q.answer]
    for a, b in sorted(_similar_pairs(entries) | _confused_pairs(ctx, entries)):
        (d1, i1, q1, _, ans1), (d2, i2, q2, _, ans2) = entries[a], entries[b]
        if fuzz.ratio(ans1, ans2) >= SAME_ANSWER:
            continue
        # Report at the newer dossier: that is where an adviser is most likely working.
        if d1.date and d2.date and d1.date > d2.date:
            (d1, i1, q1), (d2, i2, q2) = (d2, i2, q2), (d1, i1, q1)
        here, there = (d2, i2, q2), (d1, i1, q1)
        details = tuple(
            f"{name} ({_dated(d)}, {ctx.where(d, ('vragen', i, 'vraag'))}): {excerpt(q.question, 30)}"
            f" -> {excerpt(' '.join(line_texts(q.answer)), 16)}"
            for name, (d, i, q) in (("hier", here), ("daar", there))
        )
        yield Hit(here[0], ("vragen", here[1], "vraag"),
                  f"{question_label(here[2], here[1])} lijkt op "
                  f"{question_label(there[2], there[1])} in {ctx.where(there[0])} "
                  "maar het antwoord verschilt: controleer welk antwoord klopt",
                  details)


# --- members and parties ------------------------------------------------------------------------

def _askers(dossier: Dossier):
    for qi, question in enumerate(dossier.questions):
        yield ("vragen", qi), question_label(question, qi), question.member, question.party
        for vi, variant in enumerate(question.variants):
            yield (("vragen", qi, "varianten", vi),
                   f"{question_label(question, qi)}, variant {vi + 1}", variant.member, variant.party)


def _exact_keys(ctx: LintContext) -> tuple[set[str], set[str]]:
    reg = ctx.kb.registers
    members = {fold(n) for m in reg.members for n in [m.name, *m.aliases]}
    parties = {fold(n) for p in reg.parties for n in p.names}
    return members, parties


def _strip(key: str, prefixes: tuple[str, ...]) -> str:
    for prefix in prefixes:
        if key.startswith(prefix):
            return key[len(prefix):]
    return key


def _name_hit(kind: str, name: str, label: str, register: str, resolved: bool,
              hint: str | None) -> str:
    if resolved:
        # The desk finds it anyway (fuzzy), but spelling should match the register.
        return (f"{kind} '{name}' ({label}) staat zo niet in {register}; bedoelde u '{hint}'? "
                f"(of voeg '{name}' toe als schrijfwijze)")
    return (f"{kind} '{name}' ({label}) staat niet in {register}"
            + (f"; bedoelde u '{hint}'?" if hint else f"; voeg {'het raadslid' if kind == 'raadslid' else 'de fractie'} toe"))


@rule("onbekende-naam", WARNING,
      "Een raadslid of fractie staat niet (of anders gespeld) in raadsleden.yaml of fracties.yaml, "
      "met 'bedoelde u ...?': een tikfout maakt de vraag lastig te vinden op naam.")
def unknown_names(ctx: LintContext) -> Iterator[Hit]:
    reg = ctx.kb.registers
    member_keys, party_keys = _exact_keys(ctx)

    def check_party(dossier, loc, party, label):
        if not reg.parties or _strip(fold(party), ("fractie ", "de ")) in party_keys:
            return None
        known = reg.party(party)
        hint = known.short if known else reg.suggest_party(party)
        return Hit(dossier, loc, _name_hit("fractie", party, label, "fracties.yaml",
                                           known is not None, hint))

    for dossier in ctx.kb.dossiers:
        for loc, label, member, party in _askers(dossier):
            if member and reg.members and _strip(
                    fold(member), ("raadslid ", "het lid ", "lid ")) not in member_keys:
                known = reg.member(member)
                hint = known.name if known else reg.suggest_member(member)
                yield Hit(dossier, loc + ("raadslid",),
                          _name_hit("raadslid", member, label, "raadsleden.yaml",
                                    known is not None, hint))
            if party:
                hit = check_party(dossier, loc + ("fractie",), party, label)
                if hit:
                    yield hit
        for pi, party in enumerate(dossier.open_parties):
            hit = check_party(dossier, ("open_fracties", pi), party, "open_fracties")
            if hit:
                yield hit


@rule("andere-fractie", WARNING,
      "Een raadslid staat bij een vraag met een andere fractie dan in raadsleden.yaml.")
def member_party_mismatch(ctx: LintContext) -> Iterator[Hit]:
    reg = ctx.kb.registers
    for dossier in ctx.kb.dossiers:
        for loc, label, member_name, party in _askers(dossier):
            member = reg.member(member_name)
            if member is None or not member.party or not party:
                continue
            if reg.party(party) is None:
                continue  # onbekende-naam already reports it
            if not reg.same_party(member.party, party):
                yield Hit(dossier, loc + ("fractie",),
                          f"{label}: {member.name} staat in raadsleden.yaml bij {member.party}, "
                          f"hier bij {party}; pas een van beide aan")


@rule("vraagsteller-ontbreekt", WARNING,
      "Een vraag of variant zonder raadslid en zonder fractie: niet te vinden op wie hem stelt.")
def missing_asker(ctx: LintContext) -> Iterator[Hit]:
    for dossier in ctx.kb.dossiers:
        for loc, label, member, party in _askers(dossier):
            if not member and not party:
                yield Hit(dossier, loc,
                          f"{label} heeft geen raadslid en geen fractie; vul minstens één van "
                          "beide in")


# --- status -------------------------------------------------------------------------------------

@rule("concept-in-vastgesteld", WARNING,
      "Een vraag met status concept in een dossier met status vastgesteld: het dossier is dan "
      "niet helemaal vastgesteld.")
def concept_in_vetted(ctx: LintContext) -> Iterator[Hit]:
    for dossier in ctx.kb.dossiers:
        if dossier.status != Status.VASTGESTELD:
            continue
        for qi, question in enumerate(dossier.questions):
            if question.status == Status.CONCEPT:
                yield Hit(dossier, ("vragen", qi, "status"),
                          f"{question_label(question, qi)} is concept in een vastgesteld dossier; "
                          "stel het antwoord vast of zet het dossier op concept")


# --- answers ------------------------------------------------------------------------------------

@rule("leeg-antwoord", ERROR,
      "Een vraag zonder antwoordregels, of een lege regel in een antwoord: in de vergadering is er "
      "dan niets te zeggen (verwachte vragen zonder antwoord horen in open_fracties).")
def empty_answer(ctx: LintContext) -> Iterator[Hit]:
    for dossier in ctx.kb.dossiers:
        for qi, question in enumerate(dossier.questions):
            label = question_label(question, qi)
            if not any(text.strip() for text in line_texts(question.answer)):
                yield Hit(dossier, ("vragen", qi, "antwoord") if question.answer else ("vragen", qi),
                          f"{label} heeft geen antwoord ({excerpt(question.question)})")
                continue
            for base, kind in ((("vragen", qi, "antwoord"), "antwoordregel"),
                               (("vragen", qi, "doorvragen"), "doorvraagregel")):
                lines = question.answer if kind == "antwoordregel" else question.if_pressed
                for item in walk_lines(lines, base, kind, f"{label}, {kind}", qi):
                    if not item.text.strip():
                        yield Hit(dossier, item.loc, f"{item.label} is leeg")


@rule("te-lang", WARNING,
      "Een regel van kernboodschap, antwoord of doorvragen is te lang om voor te lezen "
      "(standaard meer dan 60 woorden; instelbaar met --max-woorden).")
def too_long(ctx: LintContext) -> Iterator[Hit]:
    for dossier in ctx.kb.dossiers:
        for item in walk_dossier(dossier):
            if item.kind not in SPOKEN:
                continue
            words = len(item.text.split())
            if words > ctx.max_words:
                yield Hit(dossier, item.loc,
                          f"{item.label} telt {words} woorden (meer dan {ctx.max_words}): "
                          f"te lang om voor te lezen; splits {excerpt(item.text)} in kortere regels")


# Imported for its rule registrations (time references have their own module: it is long).
from briefing.maintain import timerefs  # noqa: E402,F401
