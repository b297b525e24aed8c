"""Inline text cleanup shared by the readers and the recogniser: emphasis marks, markdown
links, HTML remnants, Woo redaction marks and 'PM:' notes."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Woo redaction marks as PDF exports render them: '5.1, 2, e', '5.1.2.e', '5.1 2e', '5.1.2e',
# '5.1 lid 2 sub e', '5.1.2 e', often followed by a stray letter or subscript digit ('5.1, 2, e₃',
# '5.1, 2, e e'). Not a ground cited in running text ('artikel 5.1 lid 2 sub i').
WOO_MARK = re.compile(
    r"(?<![\w.])(?<!artikel )(?<!art\. )(?<!grond van )"
    r"5\.\s?(?P<art>[12])\s*[,.]?\s*(?:lid\s*)?(?P<lid>[12])\s*[,.]?\s*(?:(?:sub|onder)\s*)?"
    r"(?P<grond>[a-i])"
    r"(?![a-z\-])[₀-₉]*(?:\s+[a-i₀-₉](?=\s|$|[,;]))?",
    re.IGNORECASE,
)
SUBSCRIPTS = re.compile(r"[₀-₉]+")
_EMPTY_BRACKETS = re.compile(r"[(\[]\s*[)\]]")
# Contact details next to a redacted name: a phone prefix before it, a mail domain glued to it.
_PHONE_BEFORE = re.compile(r"(?:\+31|0)\d{0,3}[\s-]*$")
_MAIL_AFTER = re.compile(r"^@[\w.-]+")
CONTACT_LABELS = re.compile(
    r"^(?:naam|telefoon(?:nummer)?|tel\.?|mobiel|e-?mail(?:adres)?|mail|adres|"
    r"behandelend ambtenaar|contactpersoon|opsteller|auteur|ambtenaar|"
    r"ambtelijk contact(?:persoon)?|opgesteld door)\b",
    re.IGNORECASE,
)

_HTML_TAG = re.compile(
    r"</?(?:p|br|b|i|u|em|strong|span|div|sup|sub|ul|ol|li|a|font|tr|td|th|table)\b[^>]*>",
    re.IGNORECASE,
)
# Bounded: a line of thousands of '[' must not cost quadratic time.
_MD_LINK = re.compile(r"!?\[([^\[\]]{0,400})\]\((?:[^()]|\([^)]{0,400}\)){0,800}\)")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|])")
_STARS = re.compile(r"\*+")
_UNDERSCORE_EMPH = re.compile(r"(?<![\w])__?([^_\n]+?)__?(?![\w])")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([.,;:!?)\]])")
_SPACE_AFTER_OPEN = re.compile(r"([(\[])\s+")
_PM_INLINE = re.compile(r"\(\s*PM\s*:\s*(?P<text>[^()]*(?:\([^()]*\)[^()]*)*)\)"
                        r"|\[\s*PM\s*:\s*(?P<square>[^\[\]]*)\]", re.IGNORECASE)
_PM_TAIL = re.compile(r"(?<=[.!?])\s+PM\s*:\s*(?P<text>.+)$")
_PM_LINE = re.compile(r"^\s*PM\s*[:.]\s*(?P<text>.*)$", re.IGNORECASE)


def _stars(match: re.Match) -> str:
    text = match.string
    before = text[match.start() - 1] if match.start() > 0 else " "
    after = text[match.end()] if match.end() < len(text) else " "
    # 'STRIKT**GEHEIM**' is two words; '**IZI-Solutions**.' is one word with emphasis.
    return " " if before.isalnum() and after.isalnum() else ""


# Characters a reader does not see: zero-width spaces and joiners, word joiners, byte order
# marks, soft hyphens, directional marks. Word and PDF exports scatter them inside words.
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
# Spaces of other widths (no-break, thin, figure, ideographic) read as a plain space.
_SPACES = re.compile("[\u00a0\u2000-\u200a\u202f\u205f\u3000]")


def normalise_chars(text: str) -> str:
    """Invisible characters removed, odd spaces made plain (line structure untouched)."""
    return _SPACES.sub(" ", _INVISIBLE.sub("", text))


def strip_emphasis(text: str) -> str:
    text = _STARS.sub(_stars, text)
    return _UNDERSCORE_EMPH.sub(r"\1", text)


def tidy(text: str, punctuation: bool = False) -> str:
    """Whitespace collapsed; with punctuation, no space before closing punctuation (for
    text that lost a word, like a removed redaction mark)."""
    text = " ".join(text.split())
    if punctuation:
        text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
        text = _SPACE_AFTER_OPEN.sub(r"\1", text)
    return text.strip()


def clean_inline(text: str, markdown: bool = True) -> str:
    """Text as a person would read it: no emphasis marks, links as their label, no tags."""
    text = normalise_chars(text).replace("\t", " ")
    text = _HTML_TAG.sub(" ", text)
    if markdown:
        text = _MD_LINK.sub(r"\1", text)
        text = _MD_ESCAPE.sub(r"\1", text)
    text = strip_emphasis(text)
    return tidy(text)


def has_words(text: str) -> bool:
    return any(c.isalnum() for c in text)


@dataclass
class Redaction:
    label: str
    ground: str


def remove_redactions(text: str) -> tuple[str, list[Redaction]]:
    """Remove Woo marks from text. Returns what is left (without the labels that only
    described the redacted value) and one Redaction per mark, labelled by the text before it."""
    marks = list(WOO_MARK.finditer(text))
    if not marks:
        return text, []
    redactions: list[Redaction] = []
    kept: list[str] = []
    pos = 0
    for mark in marks:
        segment = _PHONE_BEFORE.sub("", text[pos:mark.start()])
        label = segment.strip(" ,;:-–([")
        if not label and redactions:  # '5.1, 2, e , 5.1, 2, e': a second name for the same label
            label = redactions[-1].label
        ground = f"5.{mark.group('art')}.{mark.group('lid')}.{mark.group('grond')}"
        redactions.append(Redaction(label, ground))
        # 'telefoonnummer:' before a redacted number only described it; keep real content.
        if not has_words(segment):
            kept.append(segment)  # punctuation around the mark; tidied below
        elif not CONTACT_LABELS.match(label):
            kept.append(segment)
        pos = mark.end()
        glued = _MAIL_AFTER.match(text[pos:])
        if glued:
            pos += glued.end()
    kept.append(text[pos:])
    left = _EMPTY_BRACKETS.sub("", " ".join(kept))  # '(5.1.2.e)': the brackets held only the mark
    left = SUBSCRIPTS.sub("", tidy(left, punctuation=True)).strip(" ,;:-–")
    return left, redactions


def extract_pm(text: str) -> tuple[str, list[str]]:
    """'PM: ...' as a whole line, or '(PM: ...)' inside a line: open points, removed from text."""
    whole = _PM_LINE.match(text)
    if whole:
        return "", [whole.group("text").strip()]
    points = [(m.group("text") or m.group("square") or "").strip()
              for m in _PM_INLINE.finditer(text)]
    tail = _PM_TAIL.search(text)
    if tail and not points:
        return text[:tail.start()].rstrip(), [tail.group("text").strip()]
    if not points:
        return text, []
    left = _PM_INLINE.sub("", text)
    left = re.sub(r"([.!?])\s*\.\s*$", r"\1", tidy(left, punctuation=True))
    return left, [p for p in points if p]
