"""Mark each answer line covered or missed against the key points the adviser typed.

The rule (explained for users in docs/practice.md and `briefing practice --help`):

1. The key words of a line are its words of four or more letters, every abbreviation in
   capitals (MWO, BI, GMT) and every number, minus common Dutch words (de, het, wordt,
   omdat, ...). Accents and capitals do not count when comparing.
2. A key word is found when a typed word is at least 80% similar to it (rapidfuzz ratio,
   so "verlengd" finds "verlengen" and a typo is forgiven), when both share a Dutch stem
   (the search's analysis: "brief" finds "brieven", "informeren" finds "geïnformeerd"), or
   when a typed word of five or more letters is the start of it ("vertrouwensp" finds
   "vertrouwenspersonen"). Numbers and short abbreviations must match exactly: 2023 is not
   2024.
3. A line is covered when at least half of its key words are found, with at most three
   needed (typed key points are short). A line without key words ("Nee.") is covered when
   the typed text contains it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from briefing.model.registers import fold

try:  # Dutch stems from the search's analysis chain; coverage still works without them.
    from briefing.search import analysis as _analysis
except Exception:  # noqa: BLE001 - a broken search layer must not take practice down
    _analysis = None

SIMILARITY = 80          # rapidfuzz ratio (0-100) for a typed word to count as a key word
PREFIX_MIN = 5           # a typed word this long may stand for a longer word it starts
MIN_WORD = 4             # shorter words are not key words (numbers always are)
MAX_NEEDED = 3           # a line never needs more than this many key words

# Frequent Dutch words that carry no content of their own (4+ letters; shorter words are
# ignored anyway).
STOPWORDS = frozenset("""
aan aangezien achter alle alleen alles als altijd andere anders bent beide bij binnen
daar daarbij daardoor daarin daarmee daarna daarnaast daarom daarop daarover daarvan dan dat
deze dezelfde die dient dit doen door dus echter eens een eigen eigenlijk elke en enkele enz
erg even geen gaan gaat geeft gehad geweest goed graag haar heb hebben hebt heeft hem hen het
hier hierbij hierin hiermee hierop hierover hiervan hierdoor hij hoe hun iets ieder iedere
ik in is jij jou jouw juist kan komen komt kunnen kunt laat laten maar maken meer meest men
met mij mijn moet moeten mogen na naar namelijk nee niet niets nog nooit nu of om omdat onder
ons onze ook op over pas reeds rond samen sinds slechts sommige steeds tegen ten ter terwijl
tot tussen uit veel verder vooral voor vanuit vanaf vrij waar waarbij waardoor waarin waarmee
waarom waarop waarover waarvan wanneer want waren was wat we wel welk welke werd werden wie
wij wil willen worden wordt zal zeer zich zij zijn zo zoals zodat zonder zou zouden zullen
zelf zelfs zien ziet zowel verschillende daarvoor hiervoor daaraan hieraan bijvoorbeeld
""".split())

_WORD = re.compile(r"[0-9]+(?:[.,][0-9]+)*|[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)


@dataclass(frozen=True)
class LineMark:
    """One answer line (depth for nesting) and whether the typed key points covered it."""

    depth: int
    text: str
    covered: bool
    key_words: tuple[str, ...] = ()
    found: tuple[str, ...] = ()


@dataclass(frozen=True)
class Coverage:
    lines: tuple[LineMark, ...] = field(default_factory=tuple)

    @property
    def covered(self) -> int:
        return sum(1 for line in self.lines if line.covered)

    @property
    def total(self) -> int:
        return len(self.lines)

    @property
    def ratio(self) -> float:
        return self.covered / self.total if self.total else 0.0


def words(text: str) -> list[str]:
    """Folded words and numbers of a text (plain text: nothing is interpreted)."""
    return [w.replace("’", "'") for w in _WORD.findall(fold(text))]


def key_words(text: str) -> list[str]:
    """The words of a line that carry its content, in order, without repeats."""
    out: list[str] = []
    for raw in _WORD.findall(text.replace("-", " ")):
        word = fold(raw).replace("’", "'")
        if not word:
            continue
        if word[0].isdigit():
            keep = True
        elif len(raw) >= 2 and raw.isupper():
            keep = True  # an abbreviation: short, but the heart of the line
        else:
            keep = len(word) >= MIN_WORD and word not in STOPWORDS
        if keep and word not in out:
            out.append(word)
    return out


def stems(word: str) -> set[str]:
    """The word's Dutch stem, plus the verb stem when it is a past participle."""
    if _analysis is None:
        return {word}
    out = {_analysis.stem(word)}
    participle = getattr(_analysis, "participle_stem", None)
    extra = participle(word) if participle else None
    if extra:
        out.add(extra)
    return out


def word_found(key: str, typed: set[str]) -> bool:
    if key[0].isdigit() or len(key) < MIN_WORD:
        return key in typed  # numbers and short abbreviations: exactly
    key_stems = None
    for word in typed:
        if word[0].isdigit():
            continue
        if fuzz.ratio(key, word) >= SIMILARITY:
            return True
        if len(word) >= PREFIX_MIN and key.startswith(word):
            return True
        if len(word) >= MIN_WORD and word.isalpha() and key.isalpha():
            key_stems = key_stems or stems(key)
            if key_stems & stems(word):
                return True
    return False


def needed(count: int) -> int:
    """Key words a line of `count` key words needs for it to count as covered."""
    return min(MAX_NEEDED, math.ceil(count / 2))


def mark_line(text: str, typed_text: str, depth: int = 0, *, _typed: set[str] | None = None) -> LineMark:
    typed = _typed if _typed is not None else set(words(typed_text))
    keys = key_words(text)
    if not keys:
        line = " ".join(words(text))
        covered = bool(line) and bool(typed) and fuzz.partial_ratio(line, " ".join(words(typed_text))) >= 90
        return LineMark(depth, text, covered)
    found = tuple(k for k in keys if word_found(k, typed))
    return LineMark(depth, text, len(found) >= needed(len(keys)), tuple(keys), found)


def mark(lines: list[tuple[int, str]], typed_text: str) -> Coverage:
    """Mark every (depth, text) answer line against what was typed."""
    typed = set(words(typed_text))
    return Coverage(tuple(mark_line(text, typed_text, depth, _typed=typed) for depth, text in lines))
