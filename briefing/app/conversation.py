"""The conversation: questions asked with the answer card chosen, and card text for copying.

Plain Python (no Textual)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from briefing.model.dossier import Line, flatten_lines
from briefing.safetext import printable
from briefing.search.results import Result

# Most alternatives an exchange lists (keys 1-9 open one).
MAX_ALTERNATIVES = 9
# A follow-up ("en de kosten?") is short and opens with one of these words. Shortness alone is
# no signal: advisers type a few words for every question.
FOLLOW_UP_WORDS = 6
FOLLOW_UP_OPENERS = frozenset({"en", "maar", "ook", "dus", "of", "verder", "daarnaast", "nog",
                               "dan", "hoe", "waarom", "wanneer", "dat", "die", "dit", "daar",
                               "daarvan", "hetzelfde"})
# Openers that only mark a follow-up when the question is very short ("waarom?", "hoe dan?").
_WEAK_OPENERS = frozenset({"hoe", "waarom", "wanneer", "dan", "dat", "die", "dit", "daar"})

DUTCH_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                "september", "oktober", "november", "december")


@dataclass
class Exchange:
    """One question put into the conversation, with the results it got."""

    query: str                       # as typed (with @-filters)
    results: list[Result]
    no_answer: bool                  # no confident prepared answer
    context: str | None = None       # the previous question, when used as context
    filters: str = ""                # Dutch label of the @-filters
    chosen: int = 0                  # index into results of the card shown

    @property
    def card(self) -> Result | None:
        return self.results[self.chosen] if self.results else None

    @property
    def alternatives(self) -> list[tuple[int, Result]]:
        """(key, result) for results[1..9]: key n opens results[n]."""
        last = min(len(self.results), MAX_ALTERNATIVES + 1)
        return [(n, self.results[n]) for n in range(1, last)]

    def choose(self, index: int) -> bool:
        if 0 <= index < len(self.results) and index != self.chosen:
            self.chosen = index
            return True
        return False

    def topic(self) -> str:
        """What a follow-up question is about: this question (with the topic it followed up on),
        as words. Only what the adviser typed: a card's whole question would outweigh the few
        words of the follow-up."""
        own = " ".join(word.lstrip("@") for word in self.query.split())
        topic = f"{self.context} {own}" if self.context else own
        return " ".join(topic.split()[-12:])  # a chain of follow-ups keeps its recent topic


def follow_up_context(text: str, previous: Exchange | None) -> str | None:
    """The previous question's topic when `text` looks like a short follow-up, else None.

    The engine decides how much weight the context gets; the app only passes it for short
    questions that open like a follow-up, so a new question is never bent towards the previous
    topic."""
    if previous is None:
        return None
    words = [w.strip(".,:;?!").lower() for w in text.split() if not w.startswith("@")]
    words = [w for w in words if w]
    if not words or len(words) > FOLLOW_UP_WORDS or words[0] not in FOLLOW_UP_OPENERS:
        return None
    if words[0] in _WEAK_OPENERS and len(words) > 2:
        return None
    return previous.topic()


def format_date(value: date | None) -> str:
    if value is None:
        return ""
    return f"{value.day} {DUTCH_MONTHS[value.month - 1]} {value.year}"


@dataclass(frozen=True)
class CardLine:
    """A selectable line of a card: an answer line or a 'Doorvragen' line."""

    section: str       # "antwoord" | "doorvragen"
    depth: int
    text: str


def card_lines(result: Result) -> list[CardLine]:
    lines = [CardLine("antwoord", depth, text) for depth, text in flatten_lines(result.lines)]
    lines += [CardLine("doorvragen", depth, text)
              for depth, text in flatten_lines(result.if_pressed)]
    return lines


def who(result: Result) -> str:
    """'Mangal (DENK)', 'Mangal', 'DENK' or ''."""
    if result.member and result.party:
        return f"{result.member} ({result.party})"
    return result.member or result.party or ""


def _bullets(lines: list[Line]) -> list[str]:
    return [f"{'  ' * depth}- {text}" for depth, text in flatten_lines(lines)]


def card_text(result: Result) -> str:
    """The whole card as plain text, for the clipboard (the adviser's note is left out)."""
    head = result.question or result.title
    out = [head]
    if who(result):
        out.append(f"({who(result)})")
    out.append("")
    out += _bullets(result.lines)
    if result.if_pressed:
        out += ["", "Doorvragen:"] + _bullets(result.if_pressed)
    source = result.dossier_title
    if result.dossier_date:
        source += f", {format_date(result.dossier_date)}"
    out += ["", f"Bron: {source}"]
    return "\n".join(out).strip() + "\n"


@dataclass
class Conversation:
    exchanges: list[Exchange] = field(default_factory=list)

    @property
    def last(self) -> Exchange | None:
        return self.exchanges[-1] if self.exchanges else None


def visible(results: list[Result], *, include_concept: bool, include_embargo: bool,
            embargoed: frozenset[str] | set[str]) -> list[Result]:
    """The results the adviser may see. The engine filters too; this second check costs nothing
    and keeps an embargoed or unvetted line off the screen whatever the engine does."""
    out = []
    for result in results:
        if not include_concept and result.status != "vastgesteld":
            continue
        if not include_embargo and result.dossier_id in embargoed:
            continue
        out.append(result)
    return out


def _clean_lines(lines: list[Line]) -> list[Line]:
    return [line.model_copy(update={"text": printable(line.text),
                                    "sub": _clean_lines(line.sub)}) for line in lines]


def _clean(value: str | None) -> str | None:
    return printable(value) if value else value


def clean_result(result: Result) -> Result:
    """The result with every text free of terminal control sequences (knowledge is untrusted)."""
    texts = [result.title, result.dossier_title, result.question, result.member, result.party,
             result.source, result.note] + result.line_texts
    texts += [t for _, t in flatten_lines(result.if_pressed)]
    if all(not t or printable(t) == t for t in texts):
        return result
    return replace(result, title=printable(result.title),
                   dossier_title=printable(result.dossier_title),
                   question=_clean(result.question), member=_clean(result.member),
                   party=_clean(result.party), source=_clean(result.source),
                   note=_clean(result.note), lines=_clean_lines(result.lines),
                   if_pressed=_clean_lines(result.if_pressed))
