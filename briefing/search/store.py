"""The index of answer cards as plain data: segments of whole dossiers, read and written as
JSON (strings and numbers only: nothing in the cache can run code), searched in memory.

A *segment* holds the cards of one or more dossiers: per card its id, its data (a JSON string,
decoded only when the card is shown), its stored analysis, its quantised field lengths, and per
field an inverted list `term -> "doc tf doc tf ..."` (local document numbers). The filter fields
(kind, dossier, status, member, party) are inverted the same way. A *view* puts segments
together in knowledge-base order: document numbers are the cards' positions in that order, so a
view built from a base segment plus a few small ones numbers every card exactly as a view built
from one fresh segment does, and the statistics (document frequencies, field lengths) come from
exact counts, never from the segments' leftovers. BM25F is computed exactly as Whoosh's BM25F
(same idf, same quantised lengths), so the answers are the ones the Whoosh index gave."""

from __future__ import annotations

import datetime as dt
import json
import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Sequence

from briefing.search.cards import Card

FORMAT = "briefing-index"
STORE_VERSION = 1
FIELDS = ("head", "body", "meta")
FILTER_FIELDS = ("kind", "dossier", "status", "member", "party")
# BM25F parameters (as Whoosh's BM25F): heads are short and equally informative whatever
# their length, so little length penalty there.
BM25_B = 0.75
BM25_K1 = 1.2
FIELD_B = {"head": 0.3, "meta": 0.3}


class CacheError(Exception):
    """A cache file that is not what this version writes: the caller rebuilds."""


# --- field lengths, quantised as Whoosh does (one byte per field per document) --------------
def _length_table() -> tuple[list[int], Any]:
    from whoosh.util.numeric import byte_to_length, length_to_byte

    # Whoosh reads byte 0 (a length of 0 or 1) back as "no length": 0.
    return [byte_to_length(b) if b else 0 for b in range(256)], length_to_byte


_LENGTHS: list[int] | None = None
_TO_BYTE: Any = None


def quantise(length: int) -> int:
    global _LENGTHS, _TO_BYTE
    if _TO_BYTE is None:
        _LENGTHS, _TO_BYTE = _length_table()
    return _TO_BYTE(length)


def lengths_of(quantised: bytes) -> list[int]:
    global _LENGTHS, _TO_BYTE
    if _LENGTHS is None:
        _LENGTHS, _TO_BYTE = _length_table()
    table = _LENGTHS
    return [table[b] for b in quantised]


# --- cards as JSON ------------------------------------------------------------------------
def encode_card(card: Card) -> str:
    data = list(card)
    data[4] = card.dossier_date.isoformat() if card.dossier_date else None
    data[17] = card.embargo_until.isoformat() if card.embargo_until else None
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


_CARD_FIELDS = len(Card._fields)
_STR_OR_NONE = (3, 5, 6, 7, 8, 14, 16)       # positions that are str or None (title: str)


def decode_card(text: str) -> Card:
    """A card from its JSON form, checked field by field (CacheError when anything is off)."""
    try:
        data = json.loads(text)
    except (ValueError, TypeError) as exc:
        raise CacheError("card is not JSON") from exc
    if not isinstance(data, list) or len(data) != _CARD_FIELDS:
        raise CacheError("card has the wrong shape")
    for i in (0, 1, 2, 11, 12, 13, 20):
        if not isinstance(data[i], str):
            raise CacheError("card field is not text")
    for i in _STR_OR_NONE:
        if data[i] is not None and not isinstance(data[i], str):
            raise CacheError("card field is not text")
    try:
        date = dt.date.fromisoformat(data[4]) if data[4] is not None else None
        embargo = dt.datetime.fromisoformat(data[17]) if data[17] is not None else None
    except (TypeError, ValueError) as exc:
        raise CacheError("card date") from exc
    variants = data[15]
    if not isinstance(variants, list) or not all(
            isinstance(v, list) and len(v) == 3 and all(x is None or isinstance(x, str) for x in v)
            for v in variants):
        raise CacheError("card variants")
    for i in (18, 19):
        if not isinstance(data[i], list) or not all(isinstance(x, str) for x in data[i]):
            raise CacheError("card keys")
    return Card(data[0], data[1], data[2], data[3], date, data[5], data[6], data[7], data[8],
                _lines(data[9], 0), _lines(data[10], 0), data[11], data[12], data[13], data[14],
                tuple(tuple(v) for v in variants), data[16], embargo, tuple(data[18]),
                tuple(data[19]), data[20])


def _lines(data: Any, depth: int) -> tuple:
    """Frozen answer lines (str or [text, [sub-lines]]) back to tuples, checked."""
    if not isinstance(data, list) or depth > 50:
        raise CacheError("card lines")
    out: list = []
    for item in data:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, list) and len(item) == 2 and isinstance(item[0], str):
            out.append((item[0], _lines(item[1], depth + 1)))
        else:
            raise CacheError("card line")
    return tuple(out)


# --- analysed documents and segments --------------------------------------------------------
@dataclass
class Doc:
    """One analysed card, ready for a segment."""

    card_id: str
    card: str                                  # encode_card()
    analysis: str                              # cardterms.dump()
    terms: dict[str, list[str]]                # field -> terms in order (with repeats)
    filters: dict[str, list[str]]              # filter field -> values


@dataclass
class Segment:
    """Cards of whole dossiers with their inverted lists (see the module docstring)."""

    name: str
    ids: list[str]
    cards: list[str]
    analysis: list[str]
    lengths: dict[str, bytes]                  # field -> one quantised byte per document
    postings: dict[str, dict[str, str]]        # field -> term -> "doc tf doc tf ..."
    filters: dict[str, dict[str, str]]         # filter field -> value -> "doc doc ..."
    dossiers: list[tuple[str, int, int]]       # (dossier id, first doc, count)

    def __len__(self) -> int:
        return len(self.ids)

    # -- building --
    @classmethod
    def build(cls, name: str, groups: Iterable[tuple[str, list[Doc]]]) -> "Segment":
        builder = _Builder()
        for dossier_id, docs in groups:
            builder.start(dossier_id)
            for doc in docs:
                builder.add(doc)
        return builder.finish(name)

    @classmethod
    def merge(cls, name: str, parts: Iterable[tuple["Segment", str, int, int]]) -> "Segment":
        """A new segment of dossiers taken from others, in the given order: (segment,
        dossier id, first, count). No card is analysed again."""
        builder = _Builder()
        for segment, dossier_id, first, count in parts:
            builder.start(dossier_id)
            builder.take(segment, first, count)
        return builder.finish(name)

    # -- JSON --
    def to_json(self) -> bytes:
        data = {
            "format": FORMAT, "version": STORE_VERSION, "name": self.name,
            "ids": self.ids, "cards": self.cards, "analysis": self.analysis,
            "lengths": {f: self.lengths[f].hex() for f in FIELDS},
            "postings": self.postings, "filters": self.filters,
            "dossiers": [list(d) for d in self.dossiers],
        }
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    @classmethod
    def from_json(cls, raw: bytes) -> "Segment":
        """Checked on the way in: any surprise is a CacheError, never a half-read segment."""
        try:
            data = json.loads(raw)
        except (ValueError, UnicodeDecodeError) as exc:
            raise CacheError("segment is not JSON") from exc
        if not isinstance(data, dict) or data.get("format") != FORMAT \
                or data.get("version") != STORE_VERSION:
            raise CacheError("segment of another format or version")
        ids, cards, analysis = data.get("ids"), data.get("cards"), data.get("analysis")
        n = len(ids) if isinstance(ids, list) else -1
        for values in (ids, cards, analysis):
            if not isinstance(values, list) or len(values) != n \
                    or not all(isinstance(v, str) for v in values):
                raise CacheError("segment lists")
        lengths: dict[str, bytes] = {}
        raw_lengths = data.get("lengths")
        if not isinstance(raw_lengths, dict):
            raise CacheError("segment lengths")
        for f in FIELDS:
            try:
                lengths[f] = bytes.fromhex(raw_lengths.get(f))
            except (TypeError, ValueError) as exc:
                raise CacheError("segment lengths") from exc
            if len(lengths[f]) != n:
                raise CacheError("segment lengths")
        postings = _inverted(data.get("postings"), FIELDS)
        filters = _inverted(data.get("filters"), FILTER_FIELDS)
        dossiers = []
        total = 0
        for item in data.get("dossiers") or []:
            if not (isinstance(item, list) and len(item) == 3 and isinstance(item[0], str)
                    and isinstance(item[1], int) and isinstance(item[2], int)
                    and item[1] == total and item[2] >= 0):
                raise CacheError("segment dossiers")
            total += item[2]
            dossiers.append((item[0], item[1], item[2]))
        if total != n or not isinstance(data.get("name"), str):
            raise CacheError("segment dossiers")
        return cls(data["name"], ids, cards, analysis, lengths, postings, filters, dossiers)


def _inverted(data: Any, fields: Sequence[str]) -> dict[str, dict[str, str]]:
    if not isinstance(data, dict):
        raise CacheError("segment postings")
    out = {}
    for f in fields:
        table = data.get(f)
        if not isinstance(table, dict):
            raise CacheError("segment postings")
        out[f] = table
    return out


class _Builder:
    def __init__(self) -> None:
        self.ids: list[str] = []
        self.cards: list[str] = []
        self.analysis: list[str] = []
        self.lengths: dict[str, bytearray] = {f: bytearray() for f in FIELDS}
        self.postings: dict[str, dict[str, list[str]]] = {f: {} for f in FIELDS}
        self.filters: dict[str, dict[str, list[str]]] = {f: {} for f in FILTER_FIELDS}
        self.dossiers: list[list] = []

    def start(self, dossier_id: str) -> None:
        self.dossiers.append([dossier_id, len(self.ids), 0])

    def add(self, doc: Doc) -> None:
        number = str(len(self.ids))
        self.ids.append(doc.card_id)
        self.cards.append(doc.card)
        self.analysis.append(doc.analysis)
        for f in FIELDS:
            terms = doc.terms.get(f, ())
            self.lengths[f].append(quantise(len(terms)))
            table = self.postings[f]
            for term, tf in Counter(terms).items():
                entry = table.get(term)
                if entry is None:
                    table[term] = [number, str(tf)]
                else:
                    entry.append(number)
                    entry.append(str(tf))
        for f in FILTER_FIELDS:
            table = self.filters[f]
            for value in dict.fromkeys(doc.filters.get(f, ())):
                table.setdefault(value, []).append(number)
        self.dossiers[-1][2] += 1

    def take(self, segment: Segment, first: int, count: int) -> None:
        """Documents first..first+count of another segment, renumbered."""
        if not count:
            return
        offset = len(self.ids) - first
        end = first + count
        self.ids.extend(segment.ids[first:end])
        self.cards.extend(segment.cards[first:end])
        self.analysis.extend(segment.analysis[first:end])
        for f in FIELDS:
            self.lengths[f].extend(segment.lengths[f][first:end])
            table = self.postings[f]
            for term, text in segment.postings[f].items():
                values = text.split()
                kept = None
                for i in range(0, len(values), 2):
                    doc = int(values[i])
                    if first <= doc < end:
                        if kept is None:
                            kept = table.get(term)
                            if kept is None:
                                kept = table[term] = []
                        kept.append(str(doc + offset))
                        kept.append(values[i + 1])
        for f in FILTER_FIELDS:
            table = self.filters[f]
            for value, text in segment.filters[f].items():
                docs = [str(int(d) + offset) for d in text.split() if first <= int(d) < end]
                if docs:
                    table.setdefault(value, []).extend(docs)
        self.dossiers[-1][2] += count

    def finish(self, name: str) -> Segment:
        return Segment(
            name, self.ids, self.cards, self.analysis,
            {f: bytes(v) for f, v in self.lengths.items()},
            {f: {t: " ".join(v) for t, v in table.items()} for f, table in self.postings.items()},
            {f: {t: " ".join(v) for t, v in table.items()} for f, table in self.filters.items()},
            [tuple(d) for d in self.dossiers])  # type: ignore[misc]


# --- statistics ---------------------------------------------------------------------------
@dataclass
class FieldStats:
    """Exact BM25F statistics of a set of cards: per field, documents per term and the total
    length; mergeable by adding and subtracting per-dossier counts."""

    doc_count: int = 0
    df: dict[str, Counter] = field(default_factory=lambda: {f: Counter() for f in FIELDS})
    totals: dict[str, int] = field(default_factory=lambda: {f: 0 for f in FIELDS})

    def add_doc(self, doc: Doc) -> None:
        self.doc_count += 1
        for f in FIELDS:
            terms = doc.terms.get(f, ())
            self.totals[f] += len(terms)
            self.df[f].update(set(terms))

    def add(self, other: "FieldStats", sign: int = 1) -> None:
        self.doc_count += sign * other.doc_count
        for f in FIELDS:
            self.totals[f] += sign * other.totals[f]
            if sign > 0:
                self.df[f].update(other.df[f])
            else:
                counts = self.df[f]
                for term, n in other.df[f].items():
                    left = counts[term] - n
                    if left > 0:
                        counts[term] = left
                    else:
                        del counts[term]

    def to_data(self) -> dict:
        return {"docs": self.doc_count, "df": {f: dict(self.df[f]) for f in FIELDS},
                "totals": dict(self.totals)}

    @classmethod
    def from_data(cls, data: Any) -> "FieldStats":
        if not isinstance(data, dict) or not isinstance(data.get("docs"), int):
            raise CacheError("field statistics")
        stats = cls(data["docs"])
        df, totals = data.get("df"), data.get("totals")
        if not isinstance(df, dict) or not isinstance(totals, dict):
            raise CacheError("field statistics")
        for f in FIELDS:
            stats.df[f] = Counter(_counts(df.get(f)))
            if not isinstance(totals.get(f), int):
                raise CacheError("field statistics")
            stats.totals[f] = totals[f]
        return stats


def _counts(data: Any) -> dict[str, int]:
    if not isinstance(data, dict) or not all(
            isinstance(v, int) and not isinstance(v, bool) for v in data.values()):
        raise CacheError("counts")
    return data


# --- searching ----------------------------------------------------------------------------
class View:
    """Segments put together in knowledge-base order, searchable (see the module docstring).

    `entries` are (segment number, first local doc, count) per dossier in knowledge-base
    order; documents of a segment that no entry names are left out (replaced dossiers)."""

    def __init__(self, segments: list[Segment], entries: list[tuple[int, int, int]],
                 stats: FieldStats):
        self.segments = segments
        self.stats = stats
        self._remap: list[list[int]] = [[-1] * len(s) for s in segments]
        self.places: list[tuple[int, int]] = []        # doc -> (segment, local doc)
        for number, first, count in entries:
            remap = self._remap[number]
            start = len(self.places)
            remap[first:first + count] = range(start, start + count)
            self.places.extend((number, local) for local in range(first, first + count))
        self.ids = [segments[s].ids[local] for s, local in self.places]
        self._lengths: dict[tuple[int, str], list[int]] = {}
        self._idf: dict[tuple[str, str], float] = {}

    def __len__(self) -> int:
        return len(self.places)

    def card_json(self, doc: int) -> str:
        s, local = self.places[doc]
        return self.segments[s].cards[local]

    def analysis(self, doc: int) -> str:
        s, local = self.places[doc]
        return self.segments[s].analysis[local]

    def searcher(self, weighting: Any = None) -> "Searcher":
        return Searcher(self)

    def close(self) -> None:
        pass

    def _segment_lengths(self, number: int, fieldname: str) -> list[int]:
        key = (number, fieldname)
        found = self._lengths.get(key)
        if found is None:
            found = self._lengths[key] = lengths_of(self.segments[number].lengths[fieldname])
        return found

    def idf(self, fieldname: str, term: str) -> float:
        key = (fieldname, term)
        found = self._idf.get(key)
        if found is None:
            n = self.stats.df[fieldname].get(term, 0)
            found = self._idf[key] = math.log(self.stats.doc_count / (n + 1)) + 1
        return found

    def scored_postings(self, fieldname: str, term: str) -> Iterator[tuple[int, float]]:
        """(doc, BM25F score) for every card with the term in the field: Whoosh's BM25F with
        its per-field B, exact statistics and its quantised lengths."""
        idf = self.idf(fieldname, term)
        avgfl = (self.stats.totals[fieldname] / (self.stats.doc_count or 1)) or 1.0
        b = FIELD_B.get(fieldname, BM25_B)
        k1 = BM25_K1
        norm_base, norm_len = k1 * (1 - b), k1 * b / avgfl
        top = idf * (k1 + 1)
        for number, segment in enumerate(self.segments):
            text = segment.postings[fieldname].get(term)
            if not text:
                continue
            remap = self._remap[number]
            lengths = self._segment_lengths(number, fieldname)
            values = text.split()
            size = len(remap)
            for i in range(0, len(values) - 1, 2):
                try:
                    local, tf = int(values[i]), int(values[i + 1])
                except ValueError:
                    continue  # never from this program: skip rather than fail a search
                if not 0 <= local < size:
                    continue
                doc = remap[local]
                if doc >= 0:
                    yield doc, top * tf / (tf + norm_base + norm_len * lengths[local])

    def doc_frequency(self, fieldname: str, term: str) -> int:
        return self.stats.df[fieldname].get(term, 0)

    def filter_docs(self, fieldname: str, value: str) -> set[int]:
        out: set[int] = set()
        for number, segment in enumerate(self.segments):
            text = segment.filters.get(fieldname, {}).get(value)
            if not text:
                continue
            remap = self._remap[number]
            for item in text.split():
                try:
                    local = int(item)
                except ValueError:
                    continue
                if 0 <= local < len(remap) and remap[local] >= 0:
                    out.add(remap[local])
        return out


class Searcher:
    """The part of Whoosh's searcher interface that the engine uses, over a View."""

    def __init__(self, view: View):
        self.view = view

    def scored_postings(self, fieldname: str, term: str, lengths: Any = None):
        return self.view.scored_postings(fieldname, term)

    def doc_frequency(self, fieldname: str, term: str) -> int:
        return self.view.doc_frequency(fieldname, term)

    def stored_fields(self, doc: int) -> dict[str, str]:
        return {"card": self.view.ids[doc], "analysis": self.view.analysis(doc)}

    def docs_for_query(self, query: Any) -> set[int]:
        """Documents of a filter: whoosh.query Term, And and Or over the filter fields."""
        from whoosh import query as Q

        if isinstance(query, Q.Term):
            return self.view.filter_docs(query.fieldname, query.text)
        if isinstance(query, Q.And):
            sets = [self.docs_for_query(q) for q in query.subqueries]
            return set.intersection(*sets) if sets else set()
        if isinstance(query, Q.Or):
            out: set[int] = set()
            for q in query.subqueries:
                out |= self.docs_for_query(q)
            return out
        raise TypeError(f"filter not supported: {query!r}")

    def close(self) -> None:
        pass


class LazyCards(Sequence):
    """The cards of a view, decoded when first used (a warm start decodes only the cards it
    shows). A card that does not decode (a damaged cache) shows as an empty card."""

    def __init__(self, view: View):
        self._view = view
        self._cards: list[Card | None] = [None] * len(view)

    def __len__(self) -> int:
        return len(self._cards)

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        card = self._cards[index]
        if card is None:
            try:
                card = decode_card(self._view.card_json(index))
            except CacheError:
                card = _damaged(self._view.ids[index])
            self._cards[index] = card
        return card

    def __iter__(self):
        for i in range(len(self._cards)):
            yield self[i]


def _damaged(card_id: str) -> Card:
    dossier = card_id.split("/", 1)[0]
    return Card(card_id, "thema", dossier, dossier, None, "(kaart onleesbaar in de cache)",
                None, None, None, (), (), "concept", "concept", "openbaar", None)
