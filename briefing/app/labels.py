"""Short labels for narrow terminals: shorten by meaning, never by cutting a word in half.

A dossier title like "Instemmen met de Bestuursopdracht Inclusie en Diversiteit 2024-2028, en
bijbehorende bijlagen" is mostly genre: every voordracht starts with a procedure verb, many
titles end in a clause about annexes or dates. Those parts are the same for every dossier, so
they go first; the words that tell this dossier from the others stay. Plain Python."""

from __future__ import annotations

import re

# Words of the genre (procedure verbs, document types, connectives) that do not tell one
# dossier from another. Folded to lower case.
GENERIC = frozenset("""
    instemmen bespreken bespreking kennisnemen kennisname vaststellen vaststelling besluiten
    annotatie voordracht raadsbrief raadsinformatiebrief collegebesluit memo notitie overzicht
    tussentijdse tussentijds update tweede eerste afdoening bijbehorende bijlagen bijlage
    raadsvragen schriftelijke vragen beantwoording agendapunt commissie raadscommissie brief
    met van de het een en in op over voor inzake betreffende n.a.v. t.a.v. m.b.t. d.d. aan
    lid het de
""".split())
# A title's first clause usually holds its subject; what follows a comma or dash is a tail
# ("en bijbehorende bijlagen", "d.d. 14-09-2024", "voor intern gebruik").
_CLAUSE = re.compile(r"\s*(?:,|\s[-–—]\s|\(|\bd\.d\.)")


def _generic(word: str) -> bool:
    word = word.lower().rstrip(",")
    return word in GENERIC or word.rstrip(".") in GENERIC


def _fits(text: str, width: int) -> bool:
    return len(text) <= width


def short_title(title: str, width: int) -> str:
    """title in at most width characters, shortened by meaning (see the module docstring)."""
    text = " ".join(title.split()).strip(" .")
    if width <= 0:
        return ""
    if _fits(text, width):
        return text
    head = _CLAUSE.split(text, maxsplit=1)[0].strip(" ,.")
    if len(head.split()) >= 2:
        text = head
    if _fits(text, width):
        return text
    words = text.split()
    # Leading genre words go first ("Instemmen met de ..."), then genre words anywhere.
    while len(words) > 1 and _generic(words[0]):
        words.pop(0)
    text = " ".join(words)
    if _fits(text, width):
        return _capital(text)
    kept = [w for w in words if not _generic(w)] or words
    text = " ".join(kept)
    if _fits(text, width):
        return _capital(text)
    return _capital(truncate_words(text, width))


def truncate_words(text: str, width: int) -> str:
    """text cut at a word boundary with '…' (a single long word is cut inside)."""
    if len(text) <= width:
        return text
    if width <= 1:
        return "…"[:width]
    cut = text[: width - 1]
    if " " in cut and not text[width - 1].isspace():
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,.-–") + "…"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:] if text[:1].islower() else text
