"""How common a word is in everyday Dutch, and so how little it can say about a topic.

A knowledge base of a few dossiers cannot tell chit-chat from a subject it lacks: "niks",
"simpel", "inmiddels" and "ziekteverzuim" are all words it has never seen. Everyday Dutch can:
the first three are among the most common words of spoken Dutch (subtitles, the web), the last
is rare. wordfreq (Robyn Speer, Apache-2.0; data CC BY-SA 4.0, with SUBTLEX-NL by Brysbaert et
al. and OpenSubtitles) gives that frequency on the Zipf scale: log10 of occurrences per billion
words, about 7 for "de", 5.5 for "niks", 3 for "ziekteverzuim", below 3 for rare words.

The table is read once when an index is built and kept with it (query.prepare_vocabulary), so
searching never loads wordfreq."""

from __future__ import annotations

from briefing.search.analysis import fold

# Words at or below this Zipf frequency are as telling as any rare word; common words above it
# weigh less, down to COMMON_FLOOR at COMMON_ZIPF (the most common words of spoken Dutch).
RARE_ZIPF = 3.5
COMMON_ZIPF = 6.0
COMMON_FLOOR = 0.3


def dutch_zipf_table() -> dict[str, float]:
    """Folded Dutch word -> Zipf frequency (one decimal), for every word wordfreq's small Dutch
    list holds (Zipf >= 3); {} when wordfreq is not installed (then every word counts fully)."""
    try:
        from wordfreq import get_frequency_dict
    except ImportError:  # pragma: no cover - a pinned dependency; degrade, never fail
        return {}
    import math

    table: dict[str, float] = {}
    for word, frequency in get_frequency_dict("nl", "small").items():
        key = fold(word)
        if not key.isalpha():
            continue
        zipf = round(math.log10(frequency * 1e9), 1)
        if zipf > table.get(key, 0.0):
            table[key] = zipf
    return table


def salience(zipf: float | None) -> float:
    """How much a word can tell about a topic, from its everyday frequency: 1 for a rare word
    (or one the table does not hold), less for a common one, COMMON_FLOOR for the commonest."""
    if zipf is None or zipf <= RARE_ZIPF:
        return 1.0
    share = min(1.0, (zipf - RARE_ZIPF) / (COMMON_ZIPF - RARE_ZIPF))
    return 1.0 - (1.0 - COMMON_FLOOR) * share
