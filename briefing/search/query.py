"""Query understanding: from what an adviser typed to weighted concepts.

A *concept* is one thing the question is about (usually one content word), with alternative
term groups that all count as a match: its stem, the parts of a compound, an abbreviation's
meaning (or the abbreviation of a spelled-out name), a synonym from `synoniemen.yaml`, a typo
correction from the index vocabulary, the completion of a word still being typed. Stop words and
filler words of spoken questions ("voorzitter", "dank u wel", "ik wil even") weigh nothing.
Members and parties are recognised (aliases, typos) and become concepts of their own.

User text is only ever split into words here: nothing reaches a Whoosh parser."""

from __future__ import annotations

import bisect
import math
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from briefing.model.registers import Member, Party, Registers
from briefing.search.analysis import (
    FILLER_WORDS,
    PARTICLES,
    STOP_WORDS,
    Analyzer,
    fold,
    is_content,
    phonetic,
    separable_verb,
    stem,
)
from briefing.search.index import Vocabulary
from briefing.search.lexicon import dutch_zipf_table, salience

MAX_QUERY_CHARS = 1000      # a question read out in full is rarely longer; the rest is noise
MAX_CONCEPTS = 40
TYPO_CUTOFF = 80            # rapidfuzz ratio (0-100) for a typo correction
TYPO_MAX_ZIPF = 3.5         # words more common than this in everyday Dutch are not typos
FOLLOW_UP_WORDS = frozenset({"en", "maar", "ook", "dus", "tenslotte", "verder", "nog"})
# Words that point back at what was just discussed: "wat kost dat?", "hoeveel zijn het er?"
ANAPHORA = frozenset({"dat", "dit", "die", "deze", "daar", "daarvan", "daarvoor", "daarmee",
                      "daarover", "hiervan", "hiervoor", "hiermee", "hierover", "ervan", "ervoor",
                      "erover", "ermee", "zij", "ze", "hun", "hen"})
MAX_FOLLOW_UP_CONCEPTS = 3
# A follow-up is a short turn: "en wat voegen die dan toe naast de mensen die er al zitten?"
# A long question that happens to start with "En" brings its own subject.
FOLLOW_UP_MAX_WORDS = 15
# How much everyday frequency counts for a word the knowledge base knows (1: fully, as for an
# unknown word; 0: not at all, its idf in the knowledge base alone decides).
KNOWN_SALIENCE = 0.5


def is_follow_up(words_: list[str]) -> bool:
    """A question that leans on the previous one: it starts with "en"/"maar"/"ook" or points
    back ("dat", "daar", "ervan") instead of naming its subject."""
    if not words_:
        return False
    return words_[0] in FOLLOW_UP_WORDS or any(w in ANAPHORA for w in words_)

_RAW_WORD_RE = re.compile(r"[^\W_]+(?:[&-][^\W_]+)*")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@dataclass
class Alt:
    terms: tuple[str, ...]
    weight: float
    kind: str = "stem"     # stem | form | parts | synonym | head-synonym | abbreviation | repair

    @property
    def broad(self) -> bool:
        """Alternatives that widen a known word: not worth pulling in candidates for when the
        word itself is in the index (the ranking still counts them)."""
        return self.kind in ("parts", "head-synonym")


@dataclass
class Concept:
    word: str
    alts: list[Alt]
    weight: float = 1.0            # importance: 1 for the question's own words
    idf: float = 1.0
    source: str = "query"          # query | member | party | context
    unknown: bool = False          # no word of it (nor a correction) is in the knowledge base
    # Known only through the parts of a compound: 'ondernemingsraad' has 'raad', 'thuiswerk-
    # beleid' has 'werk' and 'beleid', but the knowledge base never speaks of the thing itself.
    parts_only: bool = False

    @property
    def names_only(self) -> bool:
        """A member or party: matches the askers and dossier title, not words in answers
        ('DENK' is not 'denken')."""
        return self.source in ("member", "party")

    @property
    def known(self) -> bool:
        return self.idf > 0


@dataclass
class QueryPlan:
    text: str
    concepts: list[Concept] = field(default_factory=list)
    member: Member | None = None
    party: Party | None = None
    follow_up: bool = False
    content_words: list[str] = field(default_factory=list)   # for fuzzy similarity
    answer_type: str | None = None     # "aantal" (hoeveel ...) or "datum" (wanneer ...)
    explicit_count: bool = False       # asks for a number in so many words: hoeveel, aantal

    def weighted_terms(self, names: bool = False) -> dict[str, float]:
        """Every index term worth asking Whoosh for, with its weight; names=True: only the
        member and party concepts (searched in the meta field alone)."""
        out: dict[str, float] = {}
        for concept in self.concepts:
            if concept.names_only != names:
                continue
            for alt in concept.alts:
                share = alt.weight * concept.weight / (1 + 0.35 * (len(alt.terms) - 1))
                for term in alt.terms:
                    if share > out.get(term, 0.0):
                        out[term] = share
        return out

    @property
    def empty(self) -> bool:
        return not self.concepts


def clean(text: str) -> str:
    """Control characters out, length capped: any string is a safe query."""
    text = _CONTROL_RE.sub(" ", text or "")
    return text[:MAX_QUERY_CHARS]


class QueryUnderstanding:
    def __init__(self, vocab: Vocabulary, registers: Registers):
        self.vocab = vocab
        self.registers = registers
        self.analyzer: Analyzer = vocab.analyzer()
        self.df = vocab.df
        self.n = max(vocab.doc_count, 1)
        self._surface_sorted = sorted(vocab.surface)
        self._surface_list = list(vocab.surface)
        self._long_words = [w for w in vocab.surface if len(w) >= 9]
        self.unknown_idf = 0.7 * self.idf_of_df(0)
        # Prepared once when the index is built (see prepare_vocabulary) and kept with it.
        if getattr(vocab, "prepared", None) is None:
            prepare_vocabulary(vocab, registers, self)
        prepared = vocab.prepared
        self._phonetic: dict[str, list[str]] = prepared["phonetic"]
        self._abbrev = prepared["abbreviations"]
        self._synonyms = prepared["synonyms"]
        self._zipf: dict[str, float] = prepared.get("zipf") or {}

    # --- statistics -------------------------------------------------------------------------
    def idf_of_df(self, df: int) -> float:
        return math.log(1 + (self.n - df + 0.5) / (df + 0.5))

    def idf(self, term: str) -> float:
        df = self.df.get(term)
        return self.idf_of_df(df) if df else 0.0

    # --- registers ---------------------------------------------------------------------------
    def _abbreviations(self) -> dict[tuple[str, ...], tuple[str, tuple[tuple[str, ...], ...]]]:
        """Word sequence of an abbreviation -> (its index term, stems of each of its meanings).
        An abbreviation may be listed more than once: each entry is another way to say it
        ('WPI' is 'Werk, Participatie en Inkomen' and, in Amsterdam, 'de sociale dienst')."""
        out: dict[tuple[str, ...], tuple[str, tuple[tuple[str, ...], ...]]] = {}
        for item in self.registers.abbreviations:
            if not item.meaning:
                continue
            key = tuple(_fold_words(item.abbreviation))
            meaning = tuple(t.stem for t in self.analyzer.tokens(item.meaning))
            if not key or not meaning:
                continue
            terms = self.analyzer.terms(item.abbreviation)
            if len(terms) != 1:
                continue  # 'B en W': only its meaning can be searched
            term, meanings = out.get(key, (terms[0], ()))
            if meaning not in meanings:
                out[key] = (term, (*meanings, meaning))
        return out

    def _meanings(self):
        """(abbreviation term, meaning) for every meaning of every abbreviation."""
        for term, meanings in self._abbrev.values():
            for meaning in meanings:
                yield term, meaning

    def _synonym_map(self) -> dict[tuple[str, ...], list[tuple[str, ...]]]:
        """Stem sequence of a phrase -> stem sequences of its synonyms."""
        out: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
        for group in self.registers.synonyms:
            phrases = [tuple(t.stem for t in self.analyzer.tokens(p)) for p in group]
            phrases = [p for p in phrases if p]
            for phrase in phrases:
                others = [o for o in phrases if o != phrase]
                out.setdefault(phrase, [])
                out[phrase].extend(o for o in others if o not in out[phrase])
        return out

    # --- the plan ----------------------------------------------------------------------------
    def plan(self, text: str, context: str | None = None,
             follow_up: bool | None = None) -> QueryPlan:
        """The concepts of a query. With a context (the previous question), a short follow-up
        ("en de kosten?", "wat kost dat?") also gets the context's concepts at a lower weight;
        follow_up=None decides by the wording, True/False forces it."""
        text = clean(text)
        plan = QueryPlan(text=text)
        normalised = unicodedata.normalize("NFC", text)
        matches = list(_RAW_WORD_RE.finditer(normalised))
        raw = [(fold(m.group()), m.group()) for m in matches]
        words_ = [w for w, _ in raw]
        clause_weight = clause_weights(normalised, [m.start() for m in matches], words_)
        still_typing = bool(text) and not (text[-1].isspace() or text[-1] in ".?!,;:")
        used = [False] * len(words_)
        concepts: list[Concept] = []
        self._names(raw, used, plan, concepts)
        content: list[tuple[int, Concept, tuple[str, ...]]] = []  # (position, concept, stems)
        heads: list[tuple[Concept, str]] = []            # compound concepts and their last part
        compounds: list[tuple[Concept, tuple[str, ...]]] = []
        i = 0
        while i < len(words_):
            if used[i]:
                i += 1
                continue
            found = self._abbreviation_at(words_, i)
            if found:
                length, term, meanings = found
                concept = Concept(" ".join(words_[i:i + length]),
                                  [Alt((term,), 1.0), *(Alt(meaning, 0.9, "abbreviation")
                                                        for meaning in meanings)])
                concepts.append(concept)
                content.append((i, concept, (term,)))
                i += length
                continue
            word = words_[i]
            i += 1
            if i >= 2 and words_[i - 2] == "hoe" and word in HOW_WORDS:
                continue    # 'hoe lang', 'hoe vaak': the question word, not the topic
            for part in word.split("-"):
                if not part or not is_content(part) or part in FILLER_WORDS:
                    continue
                token = self.analyzer.token(part)
                alts = [Alt((token.stem,), 1.0)]
                alts.extend(Alt((form,), 0.9, "form") for form in token.forms)
                if token.parts:
                    alts.append(Alt(token.parts, 0.8, "parts"))
                verb = separable_verb(words_, i - 1)
                if verb and verb != token.stem:
                    alts.append(Alt((verb,), 0.95, "form"))
                concept = Concept(part, alts)
                concepts.append(concept)
                content.append((i - 1, concept, (token.stem, *token.forms)))
                if token.parts:
                    heads.append((concept, token.parts[-1]))
                    compounds.append((concept, token.parts))
                plan.content_words.append(part)
            if "-" in word:
                joined = word.replace("-", "")
                if concepts and joined:
                    concepts[-1].alts.append(Alt((stem(joined),), 0.9, "form"))
        last_index = len(words_) - 1
        for position, concept, _ in content:
            if not self._matches_index(concept):
                typing = still_typing and position == last_index
                if typing or self._zipf.get(concept.word, 0.0) < TYPO_MAX_ZIPF:
                    # A common Dutch word the knowledge base lacks is not a typo of a word it
                    # has: 'mooie' is not 'motie', 'kwijt' is not 'kwint'.
                    concept.alts.extend(self._repairs(concept.word, typing))
        # Corrected words take part in phrases ('gemeentelijk managment team' is GMT), with
        # the weight of their correction.
        readings = []
        for position, concept, forms in content:
            weighted = {form: 1.0 for form in forms}
            for alt in concept.alts[1:]:
                if len(alt.terms) == 1 and alt.terms[0] not in weighted and alt.weight >= 0.7:
                    weighted[alt.terms[0]] = alt.weight
            readings.append((position, concept, tuple(weighted.items())))
        dropped = self._phrases(readings)
        concepts = [c for c in concepts if id(c) not in dropped]
        self._compound_abbreviations(compounds)
        self._joined_words(content)
        self._separated_particles(normalised, matches, words_, content)
        # A compound is a kind of its last part: 'diversiteitsdoelen' are 'doelen', so the
        # synonyms of 'doel' count too, a little less.
        for concept, head in heads:
            for other in self._synonyms.get((head,), ()):
                if all(a.terms != other for a in concept.alts):
                    concept.alts.append(Alt(other, 0.6, "head-synonym"))
        for position, concept, _ in content:
            concept.weight *= clause_weight[position]
        plan.concepts = _dedupe(concepts)[:MAX_CONCEPTS]
        plan.answer_type = answer_type(words_)
        plan.explicit_count = explicit_amount(words_)
        if context:
            own = [c for c in plan.concepts if c.source == "query"]
            if follow_up is None:
                follow_up = len(words_) <= FOLLOW_UP_MAX_WORDS and is_follow_up(words_)
            if follow_up:
                plan.follow_up = True
                context_plan = self.plan(context)
                have = {a.terms for c in plan.concepts for a in c.alts}
                for concept in context_plan.concepts:
                    if concept.source == "query" and concept.alts[0].terms not in have:
                        concept.source, concept.weight = "context", 0.45
                        plan.concepts.append(concept)
                if plan.member is None:
                    plan.member = context_plan.member
                if plan.party is None:
                    plan.party = context_plan.party
        for concept in plan.concepts:
            idfs = [self.idf(t) for a in concept.alts for t in a.terms]
            best = max(idfs, default=0.0)
            concept.idf = best if best > 0 else self.unknown_idf
            concept.unknown = best == 0
            concept.parts_only = best > 0 and not concept.names_only and not any(
                a.kind not in ("parts", "head-synonym") and all(t in self.df for t in a.terms)
                for a in concept.alts)
            if best == 0:
                concept.alts = [a for a in concept.alts if a.weight >= 1.0] or concept.alts[:1]
            if not concept.names_only:
                concept.weight *= self.salience(concept)
        return plan

    def salience(self, concept: Concept) -> float:
        """A word of everyday Dutch ('niks', 'simpel', 'gewoon') tells less about what is
        asked than a rare one ('ziekteverzuim', 'streefcijfers'); a knowledge base of a few
        dossiers cannot see that from its own counts. Names and abbreviations count fully."""
        word = concept.word
        if not word.isalpha() or any(a.kind == "abbreviation" and a.weight >= 0.95
                                     for a in concept.alts):
            return 1.0
        factor = salience(self._zipf.get(word))
        return factor if concept.unknown else factor ** KNOWN_SALIENCE

    def _names(self, raw, used, plan: QueryPlan, concepts: list[Concept]) -> None:
        """Members and parties named in the query: 'Mangal (DENK)', 'lid Veldhuizen', 'pvdd'."""
        reg = self.registers
        n = len(raw)
        for size in (3, 2, 1):
            for i in range(n - size + 1):
                if any(used[i:i + size]):
                    continue
                folded = " ".join(w for w, _ in raw[i:i + size])
                original = " ".join(r for _, r in raw[i:i + size])
                common = size == 1 and (folded in STOP_WORDS or folded in FILLER_WORDS)
                member = reg.member(folded, threshold=101)  # exact names and aliases
                if member is None and size == 1 and len(folded) >= 5 and not common \
                        and folded not in self.vocab.surface and not folded.isdigit():
                    member = reg.member(folded)  # typos: 'Veldhuizn'
                if member is not None and (not common or original[:1].isupper()):
                    self._add_name(member.name, [member.name, *member.aliases],
                                   "member", concepts)
                    plan.member = plan.member or member
                    used[i:i + size] = [True] * size
                    continue
                party = reg.party(folded, threshold=101)
                if party is None and size == 1 and len(folded) >= 6 and not common \
                        and folded not in self.vocab.surface:
                    party = reg.party(folded)
                # 'denk' is also a verb: a party that is a common word must be written as one.
                if party is not None and (not common or original.isupper()
                                          or original in party.names):
                    self._add_name(party.name, party.names, "party", concepts)
                    plan.party = plan.party or party
                    used[i:i + size] = [True] * size

    def _add_name(self, word: str, names: list[str], source: str, concepts: list[Concept]):
        alts = []
        for name in names:
            terms = tuple(self.analyzer.terms(name))
            if terms and all(a.terms != terms for a in alts):
                alts.append(Alt(terms, 1.0))
        if alts:
            concepts.append(Concept(word, alts, weight=0.6, source=source))

    def _abbreviation_at(self, words_: list[str], i: int):
        for length in (3, 2, 1):
            key = tuple(words_[i:i + length])
            if len(key) == length and key in self._abbrev:
                term, meanings = self._abbrev[key]
                return length, term, meanings
        return None

    def _phrases(self, content: list[tuple[int, Concept, tuple[tuple[str, float], ...]]]):
        """Synonyms and spelled-out abbreviations over runs of content words; a word matches
        a phrase word by its stem, another form of it ('gemist' is a form of 'missen') or its
        typo correction (weighted by how sure the correction is)."""
        readings = [r for _, _, r in content]
        merges: list[tuple[list, str, tuple[str, ...]]] = []
        merged: set[int] = set()
        for start in range(len(readings)):
            for length in (4, 3, 2, 1):
                if start + length > len(readings):
                    continue
                targets = content[start:start + length]
                for span, weight in _spans(readings[start:start + length]):
                    for other in self._synonyms.get(span, ()):
                        for _, concept, _ in targets:
                            _add_alt(concept, other, 0.8 * weight, "synonym")
                    for term, meaning in self._meanings():
                        if meaning == span:
                            for _, concept, _ in targets:
                                _add_alt(concept, (term,), 0.9 * weight, "abbreviation")
                            if length > 1 and weight >= 0.75 and not any(
                                    id(c) in merged for _, c, _ in targets):
                                merges.append((targets, term, meaning))
                                merged.update(id(c) for _, c, _ in targets)
        # A spelled-out abbreviation ('Werk, Participatie en Inkomen') is one thing asked
        # about, not three: one concept, the words together or the abbreviation.
        dropped: set[int] = set()
        for targets, term, meaning in merges:
            first = targets[0][1]
            first.word = " ".join(c.word for _, c, _ in targets)
            first.alts = [Alt(meaning, 1.0), Alt((term,), 0.95, "abbreviation")]
            dropped.update(id(c) for _, c, _ in targets[1:])
        return dropped

    def _separated_particles(self, text: str, matches, words_: list[str], content) -> None:
        """A separable verb whose particle ends the clause: 'wat raden de onderzoekers de
        leiding aan?' is 'aanraden', 'hoe vullen jullie die vacatures in?' is 'invullen'. Each
        word of the clause joined with the particle becomes a form of it when the knowledge
        base (or a synonym group) knows the joined verb."""
        if not content:
            return
        bounds = [m.end() for m in _SENTENCE_END_RE.finditer(text)] + [len(text)]
        by_position = {position: concept for position, concept, _ in content}
        clause_start = 0
        for bound in bounds:
            inside = [i for i, m in enumerate(matches) if clause_start <= m.start() < bound]
            clause_start = bound
            if len(inside) < 3 or words_[inside[-1]] not in PARTICLES:
                continue
            particle = words_[inside[-1]]
            for i in inside[1:-1]:
                concept = by_position.get(i)
                word = words_[i]
                # only what can be a finite verb: 'raden', 'vult', 'stel'; not 'leiding'
                if concept is None or not word.isalpha() or not (
                        word.endswith(("en", "t", "d")) or len(word) <= 5) \
                        or word.endswith(("ing", "heid", "tie", "teit", "schap")):
                    continue
                joined = self.analyzer.token(particle + word).stem
                if joined in self.df:
                    _add_alt(concept, (joined,), 0.9, "form")
                for other in self._synonyms.get((joined,), ()):
                    _add_alt(concept, other, 0.8, "synonym")

    def _joined_words(self, content) -> None:
        """A compound typed as two words ('antidiscriminatie voorziening', 'vertrouwens
        persoon') also matches the compound, and the compound's synonyms."""
        for (p1, first, _), (p2, second, _) in zip(content, content[1:]):
            if p2 != p1 + 1 or not first.word.isalpha() or not second.word.isalpha():
                continue
            joined = self.analyzer.token(first.word + second.word).stem
            alternatives = [(joined,)] if joined in self.df else []
            alternatives += self._synonyms.get((joined,), [])
            for terms in alternatives:
                weight = 0.9 if terms == (joined,) else 0.75
                _add_alt(first, terms, weight, "form")
                _add_alt(second, terms, weight, "form")

    def _compound_abbreviations(self, compounds) -> None:
        """'integriteitsbureau' has the parts of 'Bureau Integriteit', so it is also 'BI'."""
        for concept, parts in compounds:
            for term, meaning in self._meanings():
                if len(meaning) > 1 and set(meaning) == set(parts):
                    _add_alt(concept, (term,), 0.85, "abbreviation")

    def _matches_index(self, concept: Concept) -> bool:
        return any(all(t in self.df for t in alt.terms) for alt in concept.alts)

    def _repairs(self, word: str, typing: bool) -> list[Alt]:
        """Alternatives for a word the index does not know: a completion of the word being
        typed, a typo correction, or compounds in the index that contain it."""
        return [Alt(terms, weight, "repair")
                for terms, weight in _repairs_cached(self, word, typing)]

    def repairs(self, word: str, typing: bool) -> list[tuple[tuple[str, ...], float]]:
        out: list[tuple[tuple[str, ...], float]] = []
        seen: set[str] = set()

        def add(surface: str, weight: float) -> None:
            term = self.analyzer.token(surface).stem
            if term in self.df and term not in seen:
                seen.add(term)
                out.append(((term,), round(weight, 3)))

        if typing and len(word) >= 3:
            start = bisect.bisect_left(self._surface_sorted, word)
            completions = []
            for candidate in self._surface_sorted[start:start + 400]:
                if not candidate.startswith(word):
                    break
                completions.append(candidate)
            completions.sort(key=lambda w: -self.vocab.surface[w])
            for candidate in completions[:5]:
                add(candidate, 0.75)
        if len(word) >= 4 and not word.isdigit():
            for candidate in self._phonetic.get(phonetic(word), ()):
                add(candidate, 0.9)  # sounds the same: klagten / klachten
            for candidate, score, _ in process.extract(
                    word, self._surface_list, scorer=fuzz.ratio, limit=3,
                    score_cutoff=TYPO_CUTOFF):
                # A wrong first letter is a rare typo, a different word far more often; and
                # a typo is a slip of a key or two, not three extra letters ('vrouwen' is not
                # 'vertrouwen').
                if (candidate[0] == word[0] or score >= 88) \
                        and OSA.distance(word, candidate) <= _max_edits(len(word)):
                    add(candidate, 0.9 * score / 100)
        if len(word) >= 5 and not out:
            containing = [w for w in self._long_words if word in w]
            containing.sort(key=lambda w: -self.vocab.surface[w])
            for candidate in containing[:4]:
                add(candidate, 0.55)
        return out


def _max_edits(length: int) -> int:
    """How many slips (a transposition is one) a typed word of this length may have."""
    return 1 if length <= 5 else 2 if length <= 10 else 3


def prepare_vocabulary(vocab: Vocabulary, registers: Registers,
                       understanding: "QueryUnderstanding | None" = None) -> None:
    """What query understanding derives from the vocabulary and the registers (a phonetic key
    per word, analysed synonym phrases and abbreviations): computed at build time and pickled
    with the index, so a warm start does not redo it."""
    understanding = understanding or QueryUnderstanding.__new__(QueryUnderstanding)
    if not hasattr(understanding, "analyzer"):
        understanding.vocab, understanding.registers = vocab, registers
        understanding.analyzer = vocab.analyzer()
    keys: dict[str, list[str]] = {}
    for word in vocab.surface:
        if len(word) >= 4:
            keys.setdefault(phonetic(word), []).append(word)
    vocab.prepared = {"phonetic": keys, "abbreviations": understanding._abbreviations(),
                      "synonyms": understanding._synonym_map(), "zipf": dutch_zipf_table()}


@lru_cache(maxsize=50_000)
def _repairs_cached(understanding: QueryUnderstanding, word: str, typing: bool):
    return tuple(understanding.repairs(word, typing))


HOW_WORDS = frozenset({"lang", "vaak", "groot", "hoog", "veel", "laat", "snel"})
QUANTITY_WORDS = frozenset({"hoeveel", "aantal", "percentage", "procent", "hoeveelheid"})
TIME_WORDS = frozenset({"wanneer", "hoelang", "datum", "tijdpad", "termijn"})


COST_WORDS = frozenset({"kost", "kosten", "gekost", "kostte", "kostten"})


def explicit_amount(words_: list[str]) -> bool:
    """A question that asks for a number in so many words: 'hoeveel', 'aantal', 'percentage',
    'hoe veel/hoog/groot', 'wat kost/heeft ... gekost'. A card without any number in it cannot
    answer it (whereas 'de kosten' alone may be answered by how they are covered)."""
    if any(w in QUANTITY_WORDS for w in words_):
        return True
    if any(a == "hoe" and b in ("veel", "hoog", "groot") for a, b in zip(words_, words_[1:])):
        return True
    return "wat" in words_ and any(w in COST_WORDS and w != "kosten" for w in words_)


def answer_type(words_: list[str]) -> str | None:
    """What kind of answer a question wants: 'aantal' for "hoeveel ...", 'datum' for
    "wanneer ..." / "sinds wanneer ..." (not "wanneer" as a mere conjunction mid-sentence)."""
    for i, word in enumerate(words_):
        following = words_[i + 1:i + 2]
        if word in QUANTITY_WORDS or (word == "hoe" and following in (["vaak"], ["groot"],
                                                                    ["hoog"], ["veel"])):
            return "aantal"
        if word == "hoe" and following == ["lang"]:
            return "datum"      # a period: 'vijf maanden', 'tot eind 2024'
        if word in ("welk", "welke") and following in (["jaar"], ["datum"], ["dag"],
                                                       ["maand"]):
            return "datum"
        if word in TIME_WORDS and (i == 0 or word != "wanneer"
                                   or words_[i - 1] in ("sinds", "vanaf", "tot", "per", "en")):
            return "datum"
    return None


def _spans(readings: list[tuple[tuple[str, float], ...]], limit: int = 12):
    """Combinations of readings of consecutive words with the weight of the weakest."""
    spans: list[tuple[tuple[str, ...], float]] = [((), 1.0)]
    for options in readings:
        spans = [(span + (term,), min(weight, w)) for span, weight in spans
                 for term, w in options][:limit]
    return spans


def _add_alt(concept: Concept, terms: tuple[str, ...], weight: float, kind: str) -> None:
    for alt in concept.alts:
        if alt.terms == terms:
            alt.weight = max(alt.weight, weight)
            return
    concept.alts.append(Alt(terms, weight, kind))


def _dedupe(concepts: list[Concept]) -> list[Concept]:
    """A word said twice ('WPI ... wpi') is one concept, as heavy as its heaviest mention (a
    word of the question itself outweighs the same word in the preamble)."""
    seen: dict[tuple[str, ...], Concept] = {}
    out = []
    for concept in concepts:
        key = concept.alts[0].terms if concept.alts else (concept.word,)
        if key in seen:
            seen[key].weight = max(seen[key].weight, concept.weight)
            continue
        seen[key] = concept
        out.append(concept)
    return out


# A spoken turn in a committee: "Dank u wel, voorzitter. Ik lees in de brief dat ... Prima,
# mooie woorden. Maar waarom duurt het invullen van een vacature zo lang?" The question itself
# is the sentence with a question mark or one that opens like a question; the rest (thanks,
# preamble, side remarks, opinions) still says what it is about, but weighs less.
_SENTENCE_END_RE = re.compile(r"[.?!;:]+(?=\s|$)|\n")
QUESTION_OPENERS = frozenset("""
wat wie waarom hoe wanneer waar welke welk hoeveel hoelang waarover waardoor waarvoor
kan kunt kunnen is zijn wordt worden gaat gaan komt komen heeft hebben klopt zit zitten
krijgen krijg krijgt moet moeten mag mogen wil wilt zou zouden herkent herkennen weet weten
deelt delen vindt ziet staat staan doet doen
""".split())
PREAMBLE_WEIGHT = 0.6


def clause_weights(text: str, starts: list[int], words_: list[str]) -> list[float]:
    """Per word of a question: 1 inside a question sentence, PREAMBLE_WEIGHT elsewhere when
    the turn has several sentences of which at least one asks something; 1 for all otherwise."""
    if not starts:
        return []
    bounds = [m.end() for m in _SENTENCE_END_RE.finditer(text)]
    sentence_of = []
    sentence = 0
    for start in starts:
        while sentence < len(bounds) and bounds[sentence] <= start:
            sentence += 1
        sentence_of.append(sentence)
    count = sentence_of[-1] + 1
    if count < 2:
        return [1.0] * len(starts)
    asking = set()
    for number in range(count):
        members = [i for i, s in enumerate(sentence_of) if s == number]
        if not members:
            continue
        end = bounds[number] if number < len(bounds) else len(text)
        opener = words_[members[0]]
        if "?" in text[starts[members[-1]]:end] or opener in QUESTION_OPENERS:
            asking.add(number)
    if not asking or len(asking) == count:
        return [1.0] * len(starts)
    return [1.0 if s in asking else PREAMBLE_WEIGHT for s in sentence_of]


def _fold_words(text: str) -> list[str]:
    return [fold(m.group()) for m in _RAW_WORD_RE.finditer(text)]
