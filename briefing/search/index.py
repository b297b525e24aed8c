"""The index of answer cards, cached per dossier in the user cache dir and updated in place of
a rebuild: when one dossier file changes, only its cards leave and enter the index.

Layout: <user cache>/briefing/index/<key>/ is one *generation*: the index of one state of a
knowledge base (the key hashes the knowledge files and the analysis version). It holds
`manifest.json` (the dossiers in order: file, content hash, dossier id, segment, first card,
count; and a checksum of every other file), `vocab.json` (exact statistics: documents per term
per field, field lengths, the surface vocabulary, what query understanding prepares from them),
`words.json` (which dossiers use which long words, see below), `registers.json`, and segments
(`seg-*.json`, see store.py). Everything is JSON: the cache holds data, never code, and every
file is checked on load (format, version, shape, checksum); on any doubt the index is rebuilt.

A new state is built in a `.tmp-*` sibling and renamed into place in one step, as before:
readers in other processes see a complete generation or none. Segments never change once
written, so a new generation *links* the segments it keeps from the one it starts from
(copy-on-write) and writes only a small segment with the changed dossiers; when too many cards
of the old segments are replaced, the segments are merged into one (no card analysed again).

Incremental equals full. Everything knowledge-base-wide is kept as exact counts that are
updated by subtracting a dossier's old contribution and adding its new one: documents per term
(per field and overall), field lengths, the number of cards, the surface vocabulary (kept in
sorted order, so it does not depend on the order dossiers arrived in). A card's document number
is its position in the knowledge base's order, in every generation. The one analysis step that
depends on the whole knowledge base is compound splitting, against the vocabulary of all
dossiers: a word's split can change only when a word inside it enters or leaves that vocabulary,
so `words.json` lists for every long word the dossiers that use it, and those dossiers are
analysed again. The knowledge folder is never written to."""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import json
import os
import shutil
import tempfile
import threading
import time
import uuid
from collections import Counter, OrderedDict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Iterable

from briefing.search.analysis import ANALYSIS_VERSION, Analyzer, words
from briefing.search.cards import Card
from briefing.search.store import (
    BM25_B,
    BM25_K1,
    FIELD_B,
    FIELDS,
    STORE_VERSION,
    CacheError,
    Doc,
    FieldStats,
    LazyCards,
    Segment,
    View,
    _counts,
    decode_card,
    encode_card,
)

__all__ = ["BM25_B", "BM25_K1", "FIELD_B", "FIELD_WEIGHTS", "Built", "Source", "Vocabulary",
           "cache_root", "index_key", "load_cached", "open_or_build", "open_or_update", "touch",
           "weighting"]

SCHEMA_VERSION = 9
FORMAT = "briefing-generation"
# Field weights for candidate retrieval: the head counts more, but not so much that a common
# word in a title outweighs a rare word in an answer (the ranking weighs the head again).
FIELD_WEIGHTS = {"head": 1.3, "body": 1.0, "meta": 0.35}
# Generations nobody opened for this long are removed (the newest few always stay). Any
# generation is a cheap starting point for the next, so they need not be kept long.
STALE_SECONDS = 3600
TMP_STALE_SECONDS = 3600      # a build folder this old belongs to a crashed build
KEEP_INDEXES = 4
# Merge the segments into one when more than this share of their cards is replaced, or when
# there are more segments than this (each segment costs a look-up per term when searching).
MERGE_DEAD_SHARE = 0.25
MAX_SEGMENTS = 6
LONG_WORD = 8                 # split_compound() leaves shorter words alone
MAX_JSON_BYTES = 1 << 30      # no cache file of ours is this big


def cache_root() -> Path:
    """<user cache dir>/index (platformdirs: honours XDG_CACHE_HOME)."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("briefing", appauthor=False)) / "index"


def index_key(fingerprint: str) -> str:
    raw = f"{fingerprint}|analysis={ANALYSIS_VERSION}|schema={SCHEMA_VERSION}|store={STORE_VERSION}"
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


def schema():
    """The fields of the index, as a Whoosh schema (kept for tools that want Whoosh)."""
    from whoosh.analysis import SpaceSeparatedTokenizer
    from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema

    terms = SpaceSeparatedTokenizer()
    return Schema(
        card=ID(stored=True, unique=True), kind=ID(), dossier=ID(), status=ID(),
        member=KEYWORD(lowercase=False, commas=True, scorable=False),
        party=KEYWORD(lowercase=False, commas=True, scorable=False),
        head=TEXT(analyzer=terms, phrase=False), body=TEXT(analyzer=terms, phrase=False),
        meta=TEXT(analyzer=terms, phrase=False), analysis=STORED(),
    )


def weighting():
    from whoosh import scoring

    return scoring.BM25F(B=BM25_B, K1=BM25_K1, **{f"{f}_B": b for f, b in FIELD_B.items()})


@dataclass
class Vocabulary:
    """Statistics the query side needs without touching the index."""

    doc_count: int = 0
    df: dict[str, int] = field(default_factory=dict)          # index term -> number of cards
    surface: dict[str, int] = field(default_factory=dict)     # folded word -> occurrences
    prepared: dict[str, Any] | None = None                     # see query.prepare_vocabulary

    def analyzer(self) -> Analyzer:
        return Analyzer(self.surface)


@dataclass
class Built:
    index: Any                    # store.View: .searcher() gives a searcher
    cards: Any                    # store.LazyCards (a sequence of Card)
    vocab: Vocabulary
    path: Path | None             # None: in memory (cache dir not writable)
    built_now: bool
    registers: Any = None         # briefing.model.Registers, for starting without the YAML
    dossiers: list[tuple[str, str, Any]] = field(default_factory=list)  # (id, title, embargo)
    analysed: int = 0             # dossiers analysed to make it (0: read from the cache)


@dataclass
class Source:
    """One dossier of the knowledge base as the index sees it. `load` gives (dossier id,
    title, embargo or None, cards), or None for a file that does not load."""

    path: str                     # the file, relative to the knowledge folder ("" if none)
    digest: str                   # hash of the file's bytes (or of the dossier's content)
    load: Callable[[], tuple[str, str, Any, list[Card]] | None]
    dossier_id: str | None = None


# --- analysing dossiers -------------------------------------------------------------------
class _Recorder(Analyzer):
    """The analysis chain, noting every long word it analyses: the words whose compound
    split depends on the vocabulary of the whole knowledge base."""

    def __init__(self, vocabulary: Iterable[str] = ()):
        super().__init__(vocabulary)
        self.long_words: set[str] = set()

    def token(self, word: str):
        if len(word) >= LONG_WORD:
            self.long_words.add(word)
        return super().token(word)


def card_surface(cards: list[Card]) -> Counter:
    """The folded words of the cards' texts: the vocabulary compounds are split against, and
    what typo correction and completion choose from."""
    surface: Counter[str] = Counter()
    for card in cards:
        for text in (*card.head_texts, *card.line_texts, *card.if_pressed_texts):
            surface.update(w for w in words(text) if w.isalpha() and len(w) > 2)
    return surface


@dataclass
class Analysed:
    """One dossier analysed with a given vocabulary: its documents and what it adds to the
    knowledge-base-wide statistics."""

    docs: list[Doc]
    df: Counter
    fields: FieldStats
    long_words: set[str]


def analyse_cards(cards: list[Card], analyzer: _Recorder) -> Analysed:
    """Analyse every card once: the documents (with the stored analysis the ranking uses)."""
    from briefing.search import cardterms

    analyzer.long_words = set()
    df: Counter[str] = Counter()
    stats = FieldStats()
    docs = []
    for card in cards:
        ct, body_terms = cardterms.analyse_with_terms(card, analyzer)
        head_terms = [t for tokens in ct.head_tokens for terms in tokens for t in terms]
        if card.kind == "kernboodschap":
            head_terms = analyzer.terms(card.title)
        df.update(ct.all_head | ct.all_body | ct.meta)
        doc = Doc(card.card_id, encode_card(card), cardterms.dump(ct),
                  {"head": head_terms, "body": body_terms,
                   "meta": analyzer.terms(card.meta_text)},
                  {"kind": [card.kind], "dossier": [card.dossier_id],
                   "status": ["vastgesteld" if card.vetted else "concept"],
                   "member": list(card.member_keys), "party": list(card.party_keys)})
        stats.add_doc(doc)
        docs.append(doc)
    return Analysed(docs, df, stats, analyzer.long_words)


# --- one generation in memory -------------------------------------------------------------
@dataclass
class Entry:
    path: str
    digest: str
    dossier_id: str
    segment: str
    first: int
    count: int
    title: str
    embargo: str | None

    def to_data(self) -> list:
        return [self.path, self.digest, self.dossier_id, self.segment, self.first, self.count,
                self.title, self.embargo]

    @classmethod
    def from_data(cls, data: Any) -> "Entry":
        if not (isinstance(data, list) and len(data) == 8
                and all(isinstance(data[i], str) for i in (0, 1, 2, 3, 6))
                and all(isinstance(data[i], int) and data[i] >= 0 for i in (4, 5))
                and (data[7] is None or isinstance(data[7], str))):
            raise CacheError("manifest entry")
        if data[7] is not None:
            try:
                dt.datetime.fromisoformat(data[7])
            except ValueError as exc:
                raise CacheError("manifest entry") from exc
        return cls(*data)


@dataclass
class State:
    """A generation: entries in knowledge-base order, its segments and its statistics."""

    fingerprint: str
    registers_hash: str
    register_files: dict[str, str]
    entries: list[Entry]
    segments: dict[str, Segment]
    surface: Counter
    df: Counter
    fields: FieldStats
    long_words: dict[str, list[str]]          # long word -> dossier ids using it
    registers: Any
    prepared: dict[str, Any] | None = None
    path: Path | None = None
    homes: dict[str, Path] = field(default_factory=dict)   # segment -> folder holding it
    sums: dict[str, str] = field(default_factory=dict)     # segment -> checksum
    analysed: int = 0                                      # dossiers analysed for it

    def vocabulary(self) -> Vocabulary:
        return Vocabulary(doc_count=self.fields.doc_count, df=dict(self.df),
                          surface={w: self.surface[w] for w in sorted(self.surface)},
                          prepared=self.prepared)

    def built(self, built_now: bool) -> Built:
        names = list(self.segments)
        number = {name: i for i, name in enumerate(names)}
        view = View([self.segments[n] for n in names],
                    [(number[e.segment], e.first, e.count) for e in self.entries], self.fields)
        vocab = self.vocabulary()
        if vocab.prepared is None and self.registers is not None:
            from briefing.search.query import prepare_vocabulary

            prepare_vocabulary(vocab, self.registers)
            self.prepared = vocab.prepared
        dossiers = []
        for e in self.entries:
            if e.count:
                embargo = dt.datetime.fromisoformat(e.embargo) if e.embargo else None
                dossiers.append((e.dossier_id, e.title, embargo))
        return Built(view, LazyCards(view), vocab, self.path, built_now, self.registers,
                     dossiers, self.analysed if built_now else 0)


# Segments already read in this process, by (name, checksum): the app's next generation
# shares most of them with the last one.
_SEGMENTS: "OrderedDict[tuple[str, str], Segment]" = OrderedDict()
_SEGMENTS_LOCK = threading.Lock()
_KEEP_SEGMENTS = 12


def _remember_segment(key: tuple[str, str], segment: Segment) -> None:
    with _SEGMENTS_LOCK:
        _SEGMENTS[key] = segment
        _SEGMENTS.move_to_end(key)
        while len(_SEGMENTS) > _KEEP_SEGMENTS:
            _SEGMENTS.popitem(last=False)


# --- reading a generation -----------------------------------------------------------------
def _read_json(path: Path, checksum: str | None = None) -> tuple[Any, bytes]:
    try:
        size = path.stat().st_size
        if size > MAX_JSON_BYTES:
            raise CacheError(f"{path.name} too big")
        raw = path.read_bytes()
    except OSError as exc:
        raise CacheError(f"{path.name} unreadable") from exc
    if checksum is not None and _checksum(raw) != checksum:
        raise CacheError(f"{path.name} damaged")
    try:
        return json.loads(raw), raw
    except (ValueError, UnicodeDecodeError) as exc:
        raise CacheError(f"{path.name} is not JSON") from exc


def _checksum(raw: bytes) -> str:
    return hashlib.blake2b(raw, digest_size=20).hexdigest()


def _read_state(folder: Path) -> State:
    """A generation from disk, checked throughout (CacheError on any doubt)."""
    manifest, _ = _read_json(folder / "manifest.json")
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT \
            or manifest.get("schema") != SCHEMA_VERSION \
            or manifest.get("analysis") != ANALYSIS_VERSION \
            or manifest.get("store") != STORE_VERSION:
        raise CacheError("manifest of another version")
    files = manifest.get("files")
    if not isinstance(files, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in files.items()):
        raise CacheError("manifest files")
    entries = [Entry.from_data(item) for item in manifest.get("entries") or []]
    for name in files:
        if "/" in name or "\\" in name or name.startswith("."):
            raise CacheError("manifest file name")
    segments: dict[str, Segment] = {}
    for entry in entries:
        name = entry.segment
        if name in segments:
            continue
        if name not in files or not name.startswith("seg-"):
            raise CacheError("manifest segment")
        key = (name, files[name])
        with _SEGMENTS_LOCK:
            segment = _SEGMENTS.get(key)
        if segment is None:
            _, raw = _read_json(folder / name, files[name])
            segment = Segment.from_json(raw)
            _remember_segment(key, segment)
        segments[name] = segment
    for entry in entries:
        segment = segments[entry.segment]
        if (entry.dossier_id, entry.first, entry.count) not in segment.dossiers:
            raise CacheError("manifest and segment disagree")
    vocab, _ = _read_json(folder / "vocab.json", files.get("vocab.json", "?"))
    if not isinstance(vocab, dict):
        raise CacheError("vocab")
    fields = FieldStats.from_data(vocab.get("fields"))
    if fields.doc_count != sum(e.count for e in entries):
        raise CacheError("vocab and manifest disagree")
    surface = Counter(_counts(vocab.get("surface")))
    df = Counter(_counts(vocab.get("df")))
    prepared = from_plain(vocab.get("prepared")) if vocab.get("prepared") is not None else None
    if prepared is not None and not isinstance(prepared, dict):
        raise CacheError("prepared vocabulary")
    registers_data, _ = _read_json(folder / "registers.json", files.get("registers.json", "?"))
    registers = registers_from_data(registers_data)
    register_files = manifest.get("register_files")
    if not isinstance(register_files, dict) or not all(
            isinstance(v, str) for v in register_files.values()):
        raise CacheError("register files")
    fingerprint, registers_hash = manifest.get("fingerprint"), manifest.get("registers")
    if not isinstance(fingerprint, str) or not isinstance(registers_hash, str):
        raise CacheError("manifest")
    return State(fingerprint, registers_hash, register_files, entries, segments, surface, df,
                 fields, {}, registers, prepared, folder,
                 homes={name: folder for name in segments},
                 sums={name: files[name] for name in segments})


def _read_long_words(folder: Path, files: dict[str, str]) -> dict[str, list[str]]:
    data, _ = _read_json(folder / "words.json", files.get("words.json", "?"))
    if not isinstance(data, dict) or not all(
            isinstance(v, list) and all(isinstance(x, str) for x in v) for v in data.values()):
        raise CacheError("words")
    return data


def _manifest_files(folder: Path) -> dict[str, str]:
    manifest, _ = _read_json(folder / "manifest.json")
    files = manifest.get("files") if isinstance(manifest, dict) else None
    if not isinstance(files, dict):
        raise CacheError("manifest files")
    return files


def load_cached(fingerprint: str, root: Path | None = None) -> Built | None:
    """The cached index for a fingerprint, or None (no knowledge base needed)."""
    folder = (root or cache_root()) / index_key(fingerprint)
    state = _load(folder)
    return state.built(False) if state is not None else None


def _load(folder: Path) -> State | None:
    if not (folder / "manifest.json").is_file():
        return None
    try:
        state = _read_state(folder)
    except (CacheError, OSError, ValueError, TypeError, KeyError):
        return None  # damaged or from an incompatible version: the caller rebuilds
    touch(folder)
    return state


# --- registers as JSON ----------------------------------------------------------------------
def registers_to_data(registers: Any) -> dict:
    if registers is None:
        return {"none": True}
    return {
        "members": [m.model_dump(by_alias=True) for m in registers.members],
        "parties": [p.model_dump(by_alias=True) for p in registers.parties],
        "abbreviations": [a.model_dump(by_alias=True) for a in registers.abbreviations],
        "synonyms": [list(group) for group in registers.synonyms],
    }


def registers_from_data(data: Any) -> Any:
    from pydantic import ValidationError

    from briefing.model.registers import Abbreviation, Member, Party, Registers

    if not isinstance(data, dict):
        raise CacheError("registers")
    if data.get("none") is True:
        return None
    try:
        synonyms = data.get("synonyms")
        if not isinstance(synonyms, list) or not all(
                isinstance(g, list) and all(isinstance(t, str) for t in g) for g in synonyms):
            raise CacheError("synonyms")
        return Registers(
            members=[Member.model_validate(m) for m in _list(data.get("members"))],
            parties=[Party.model_validate(p) for p in _list(data.get("parties"))],
            abbreviations=[Abbreviation.model_validate(a)
                           for a in _list(data.get("abbreviations"))],
            synonyms=synonyms)
    except ValidationError as exc:
        raise CacheError("registers") from exc


def _list(value: Any) -> list:
    if not isinstance(value, list):
        raise CacheError("registers")
    return value


def registers_hash(registers: Any) -> str:
    raw = json.dumps(registers_to_data(registers), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(raw.encode()).hexdigest()


# --- tagged plain data (what query understanding prepares: tuples, tuple keys) -----------
def to_plain(value: Any) -> Any:
    """Nested data to JSON with its tuples and non-text keys kept (no code, ever)."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, tuple):
        return {"t": [to_plain(v) for v in value]}
    if isinstance(value, list):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        if all(isinstance(k, str) for k in value):
            return {"d": {k: to_plain(v) for k, v in value.items()}}
        return {"m": [[to_plain(k), to_plain(v)] for k, v in value.items()]}
    raise TypeError(f"cannot store {type(value).__name__}")


def from_plain(value: Any, depth: int = 0) -> Any:
    if depth > 20:
        raise CacheError("prepared vocabulary too deep")
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, list):
        return [from_plain(v, depth + 1) for v in value]
    if isinstance(value, dict) and len(value) == 1:
        (tag, inner), = value.items()
        if tag == "t" and isinstance(inner, list):
            return tuple(from_plain(v, depth + 1) for v in inner)
        if tag == "d" and isinstance(inner, dict):
            return {k: from_plain(v, depth + 1) for k, v in inner.items()}
        if tag == "m" and isinstance(inner, list):
            out = {}
            for pair in inner:
                if not isinstance(pair, list) or len(pair) != 2:
                    raise CacheError("prepared vocabulary")
                key = from_plain(pair[0], depth + 1)
                if isinstance(key, (list, dict)):
                    raise CacheError("prepared vocabulary")
                out[key] = from_plain(pair[1], depth + 1)
            return out
    raise CacheError("prepared vocabulary")


# --- building and updating ----------------------------------------------------------------
def open_or_build(cards: list[Card], fingerprint: str, root: Path | None = None,
                  registers: Any = None) -> Built:
    """The index of these cards (one source per dossier, in order), from the cache or built."""
    groups: dict[str, list[Card]] = {}
    for card in cards:
        groups.setdefault(card.dossier_id, []).append(card)
    sources = []
    for dossier_id, group in groups.items():
        digest = hashlib.sha256("\0".join(encode_card(c) for c in group).encode()).hexdigest()
        first = group[0]
        embargo = first.embargo_until

        def load(dossier_id=dossier_id, group=group, title=first.dossier_title, embargo=embargo):
            return dossier_id, title, embargo, group
        sources.append(Source("", digest, load, dossier_id))
    return open_or_update(sources, fingerprint, root, registers)


def open_or_update(sources: list[Source], fingerprint: str, root: Path | None = None,
                   registers: Any = None, register_files: dict[str, str] | None = None,
                   base_hint: Path | None = None) -> Built:
    """The cached index of this knowledge base; when missing, made from the closest cached
    generation (only changed dossiers analysed) or from scratch, aside, then swapped in."""
    base = root or cache_root()
    key = index_key(fingerprint)
    final = base / key
    state = _load(final)
    if state is not None:
        return state.built(False)
    reg_hash = registers_hash(registers)
    previous = _find_base(base, sources, reg_hash, exclude=final, hint=base_hint)
    state = _update(previous, sources, fingerprint, reg_hash, register_files or {}, registers)
    return _save(state, base, final)


def find_registers(register_files: dict[str, str], root: Path | None = None
                   ) -> tuple[Any, Path] | None:
    """The registers of the newest cached generation made with these register files (and
    that generation's folder), or None."""
    base = root or cache_root()
    try:
        folders = sorted((p for p in base.iterdir() if not p.name.startswith(".")),
                         key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return None
    for folder in folders:
        try:
            manifest, _ = _read_json(folder / "manifest.json")
            if not isinstance(manifest, dict) or manifest.get("register_files") != register_files \
                    or manifest.get("schema") != SCHEMA_VERSION \
                    or manifest.get("store") != STORE_VERSION:
                continue
            files = manifest.get("files")
            if not isinstance(files, dict):
                continue
            data, _ = _read_json(folder / "registers.json", files.get("registers.json", "?"))
            registers = registers_from_data(data)
        except (CacheError, OSError):
            continue
        if registers is not None:
            return registers, folder
    return None


def _find_base(base: Path, sources: list[Source], reg_hash: str, exclude: Path,
               hint: Path | None = None) -> State | None:
    """The cached generation sharing the most dossiers with these sources (same registers
    and versions), or None."""
    wanted = {(s.path, s.digest) for s in sources}
    # The last generations this process made (the app's reload): no need to read them back.
    recent: tuple[int, State] | None = None
    with _STATES_LOCK:
        states = list(_STATES)
    for state in states:
        if state.registers_hash == reg_hash and (state.path is None or state.path.parent == base):
            shared = sum(1 for e in state.entries if (e.path, e.digest) in wanted)
            if shared and (recent is None or shared > recent[0]):
                recent = (shared, state)
    best: tuple[int, float, Path] | None = None
    candidates = []
    try:
        candidates = [p for p in base.iterdir() if not p.name.startswith(".") and p != exclude]
    except OSError:
        return None
    if hint is not None and hint in candidates:
        candidates.remove(hint)
        candidates.insert(0, hint)
    for folder in candidates:
        try:
            manifest, _ = _read_json(folder / "manifest.json")
            if not isinstance(manifest, dict) or manifest.get("registers") != reg_hash \
                    or manifest.get("schema") != SCHEMA_VERSION \
                    or manifest.get("analysis") != ANALYSIS_VERSION \
                    or manifest.get("store") != STORE_VERSION:
                continue
            shared = sum(1 for item in manifest.get("entries") or []
                         if isinstance(item, list) and len(item) > 1
                         and (item[0], item[1]) in wanted)
            mtime = folder.stat().st_mtime
        except (CacheError, OSError):
            continue
        if shared and (best is None or (shared, mtime) > best[:2]):
            best = (shared, mtime, folder)
    if recent is not None and (best is None or recent[0] >= best[0]):
        return recent[1]
    if best is None:
        return None
    state = _load(best[2])
    if state is None:
        return None
    try:
        state.long_words = _read_long_words(best[2], _manifest_files(best[2]))
    except CacheError:
        return None
    return state


def _update(previous: State | None, sources: list[Source], fingerprint: str, reg_hash: str,
            register_files: dict[str, str], registers: Any) -> State:
    """The next generation: dossiers whose file is unchanged keep their documents; changed,
    new and removed ones (and those whose compound splits change) are analysed again."""
    old_entries = {}
    if previous is not None:
        old_entries = {(e.path, e.digest, e.dossier_id): e for e in previous.entries}
        by_file = {(e.path, e.digest): e for e in previous.entries}
    else:
        by_file = {}
    # 1. Which dossiers stay as they are, which are new or changed.
    plan: list[tuple[Source, Entry | None, tuple | None]] = []   # (source, kept entry, loaded)
    seen_ids: set[str] = set()
    for source in sources:
        kept = by_file.get((source.path, source.digest))
        if kept is not None and (source.dossier_id in (None, kept.dossier_id)):
            if kept.dossier_id in seen_ids:
                continue  # a second file with the same id: skipped, as the loader does
            seen_ids.add(kept.dossier_id)
            plan.append((source, kept, None))
            continue
        loaded = source.load()
        if loaded is None or loaded[0] in seen_ids:
            continue
        seen_ids.add(loaded[0])
        plan.append((source, None, loaded))
    kept_keys = {(e.path, e.digest, e.dossier_id) for _, e, _ in plan if e is not None}
    removed = [e for k, e in old_entries.items() if k not in kept_keys]
    # 2. The surface vocabulary: counts of every dossier, old ones out, new ones in.
    surface = Counter(previous.surface) if previous else Counter()
    old_cards: dict[tuple, list[Card]] = {}
    for entry in removed:
        cards = _entry_cards(previous, entry)
        old_cards[(entry.path, entry.digest, entry.dossier_id)] = cards
        _subtract(surface, card_surface(cards))
    for _, kept, loaded in plan:
        if loaded is not None:
            surface.update(card_surface(loaded[3]))
    old_analyzer = _Recorder(previous.surface) if previous else None
    new_analyzer = _Recorder(surface)
    # 3. Kept dossiers whose compound splits change with the vocabulary are analysed again.
    affected: set[str] = set()
    long_words = {w: list(ids) for w, ids in previous.long_words.items()} if previous else {}
    if old_analyzer is not None:
        delta = old_analyzer.vocabulary ^ new_analyzer.vocabulary
        if delta:
            affected = _affected(delta, long_words, old_analyzer, new_analyzer)
    # 4. Statistics: old contributions out (analysed as they were), new ones in.
    df = Counter(previous.df) if previous else Counter()
    fields = FieldStats()
    if previous is not None:
        fields.add(previous.fields)
    again: list[tuple[Source, Entry]] = []
    for source, kept, _ in plan:
        if kept is not None and kept.dossier_id in affected:
            again.append((source, kept))
    for entry in [*removed, *(e for _, e in again)]:
        cards = old_cards.get((entry.path, entry.digest, entry.dossier_id)) \
            or _entry_cards(previous, entry)
        old = analyse_cards(cards, old_analyzer)  # type: ignore[arg-type]
        _subtract(df, old.df)
        fields.add(old.fields, -1)
        for word in old.long_words:
            ids = long_words.get(word)
            if ids and entry.dossier_id in ids:
                ids.remove(entry.dossier_id)
                if not ids:
                    del long_words[word]
    # 5. Analyse new, changed and affected dossiers with the new vocabulary.
    fresh: dict[int, tuple[str, str, Any, Analysed]] = {}
    again_ids = {e.dossier_id for _, e in again}
    for number, (source, kept, loaded) in enumerate(plan):
        if kept is not None and kept.dossier_id not in again_ids:
            continue
        if loaded is None:
            cards = _entry_cards(previous, kept)  # type: ignore[arg-type]
            loaded = (kept.dossier_id, kept.title, kept.embargo, cards)  # type: ignore[union-attr]
        dossier_id, title, embargo, cards = loaded
        analysed = analyse_cards(cards, new_analyzer)
        df.update(analysed.df)
        fields.add(analysed.fields)
        for word in analysed.long_words:
            ids = long_words.setdefault(word, [])
            if dossier_id not in ids:
                ids.append(dossier_id)
        if embargo is not None and not isinstance(embargo, str):
            embargo = embargo.isoformat()
        fresh[number] = (dossier_id, title, embargo, analysed)
    # 6. Segments: the kept ones, plus one with everything analysed now.
    segments: dict[str, Segment] = {}
    entries: list[Entry] = []
    name = f"seg-{time.time_ns():x}-{uuid.uuid4().hex[:8]}.json"
    groups = []
    first = 0
    for number, (source, kept, _) in enumerate(plan):
        if number in fresh:
            dossier_id, title, embargo, analysed = fresh[number]
            groups.append((dossier_id, analysed.docs))
            entries.append(Entry(source.path, source.digest, dossier_id, name, first,
                                 len(analysed.docs), title, embargo))
            first += len(analysed.docs)
        else:
            entries.append(replace(kept))  # type: ignore[arg-type]
            segments[kept.segment] = previous.segments[kept.segment]  # type: ignore[union-attr]
    if groups:
        segments[name] = Segment.build(name, groups)
    state = State(fingerprint, reg_hash, register_files, entries, segments, surface, df, fields,
                  long_words, registers)
    state.analysed = len(fresh)
    if previous is not None:
        state.homes = {n: previous.homes[n] for n in segments if n in previous.homes}
        state.sums = {n: previous.sums[n] for n in segments if n in previous.sums}
    if previous is not None and previous.prepared is not None:
        state.prepared = _prepare_again(previous.prepared, set(previous.surface), state)
    _maybe_merge(state)
    return state


def _prepare_again(prepared: dict[str, Any], old_words: set[str], state: State
                   ) -> dict[str, Any] | None:
    """What query.prepare_vocabulary() would give for the new vocabulary, from the previous
    preparation: the phonetic keys of words that came or went, the registers' phrases analysed
    again (cheap); the rest (the everyday-Dutch table) does not depend on the knowledge base.
    The incremental tests compare the result with a full preparation."""
    from briefing.search.analysis import phonetic
    from briefing.search.query import QueryUnderstanding

    new_words = set(state.surface)
    if new_words == old_words:
        return prepared
    keys = prepared.get("phonetic")
    if not isinstance(keys, dict):
        return None
    keys = {k: list(v) for k, v in keys.items()}
    for word in old_words - new_words:
        if len(word) >= 4:
            group = keys.get(phonetic(word))
            if group and word in group:
                group.remove(word)
                if not group:
                    del keys[phonetic(word)]
    for word in sorted(new_words - old_words):
        if len(word) >= 4:
            group = keys.setdefault(phonetic(word), [])
            group.insert(bisect.bisect_left(group, word), word)
    understanding = QueryUnderstanding.__new__(QueryUnderstanding)
    understanding.vocab, understanding.registers = state.vocabulary(), state.registers
    understanding.analyzer = understanding.vocab.analyzer()
    out = dict(prepared)
    out.update(phonetic=keys, abbreviations=understanding._abbreviations(),
               synonyms=understanding._synonym_map())
    return out


def _entry_cards(state: State | None, entry: Entry) -> list[Card]:
    segment = state.segments[entry.segment]  # type: ignore[union-attr]
    return [decode_card(text) for text in segment.cards[entry.first:entry.first + entry.count]]


def _subtract(counts: Counter, other: Counter) -> None:
    for key, n in other.items():
        left = counts[key] - n
        if left > 0:
            counts[key] = left
        else:
            del counts[key]


def _affected(delta: set[str], long_words: dict[str, list[str]], old: Analyzer,
              new: Analyzer) -> set[str]:
    """Dossiers using a long word that splits differently now. Only a word that contains a
    word that entered or left the vocabulary can; those are analysed both ways."""
    candidates = []
    if len(delta) <= 64:
        parts = sorted(delta)
        candidates = [w for w in long_words if any(part in w for part in parts)]
    else:
        shortest = min(len(d) for d in delta)
        for word in long_words:
            n = len(word)
            if any(word[i:j] in delta for i in range(n) for j in range(i + shortest, n + 1)):
                candidates.append(word)
    out: set[str] = set()
    for word in candidates:
        if old.token(word) != new.token(word):
            out.update(long_words[word])
    return out


def _maybe_merge(state: State) -> None:
    """One segment again when the others carry too many replaced cards or are too many."""
    if len(state.segments) <= 1:
        return
    live = sum(e.count for e in state.entries)
    stored = sum(len(s) for s in state.segments.values())
    if len(state.segments) <= MAX_SEGMENTS and stored - live <= MERGE_DEAD_SHARE * max(live, 1):
        return
    name = f"seg-{time.time_ns():x}-{uuid.uuid4().hex[:8]}.json"
    merged = Segment.merge(name, [(state.segments[e.segment], e.dossier_id, e.first, e.count)
                                  for e in state.entries])
    first = 0
    for entry in state.entries:
        entry.segment, entry.first = name, first
        first += entry.count
    state.segments = {name: merged}


# The newest generations made by this process, with their long words (for the next update).
_STATES: list[State] = []
_STATES_LOCK = threading.Lock()


def _remember_state(state: State) -> None:
    with _STATES_LOCK:
        _STATES.insert(0, state)
        del _STATES[2:]


# --- writing a generation -----------------------------------------------------------------
def _save(state: State, base: Path, final: Path) -> Built:
    """Write the generation aside and rename it into place; any write error leaves the index
    in memory (as a read-only cache does), never a traceback."""
    try:
        base.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".tmp-{final.name[:8]}-", dir=base))
    except OSError:
        _remember_state(state)
        return state.built(True)
    try:
        _write_state(state, tmp)
        if final.exists() and _load(final) is None:
            # A damaged folder (a crash, a full disk, an old version): move it out of the way.
            stale = base / f".stale-{final.name[:8]}-{os.getpid()}-{time.time_ns()}"
            try:
                os.rename(final, stale)
            except OSError:
                pass
        try:
            os.rename(tmp, final)
        except OSError:
            # Another process won the race with an identical index: use theirs.
            shutil.rmtree(tmp, ignore_errors=True)
            loaded = _load(final)
            if loaded is not None:
                return loaded.built(True)
            return state.built(True)
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)
        state.path = None
        _remember_state(state)
        return state.built(True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    state.path = final
    state.homes = {name: final for name in state.segments}
    _remember_state(state)
    _cleanup(base, keep=final)
    return state.built(True)


def _write_state(state: State, folder: Path) -> None:
    files: dict[str, str] = {}
    for name, segment in state.segments.items():
        home, checksum = state.homes.get(name), state.sums.get(name)
        if home is not None and checksum is not None and _link(home / name, folder / name):
            files[name] = checksum
            continue
        raw = segment.to_json()
        checksum = _checksum(raw)
        _write(folder / name, raw)
        _remember_segment((name, checksum), segment)
        files[name] = checksum
        state.sums[name] = checksum
    vocab = state.vocabulary()
    if state.prepared is None and state.registers is not None:
        from briefing.search.query import prepare_vocabulary

        prepare_vocabulary(vocab, state.registers)
        state.prepared = vocab.prepared
    raw = _dump({"df": dict(state.df), "surface": vocab.surface,
                 "fields": state.fields.to_data(),
                 "prepared": to_plain(state.prepared) if state.prepared is not None else None})
    files["vocab.json"] = _checksum(raw)
    _write(folder / "vocab.json", raw)
    raw = _dump({w: state.long_words[w] for w in sorted(state.long_words)})
    files["words.json"] = _checksum(raw)
    _write(folder / "words.json", raw)
    raw = _dump(registers_to_data(state.registers))
    files["registers.json"] = _checksum(raw)
    _write(folder / "registers.json", raw)
    # manifest.json last: a folder with it is complete.
    _write(folder / "manifest.json", _dump({
        "format": FORMAT, "schema": SCHEMA_VERSION, "analysis": ANALYSIS_VERSION,
        "store": STORE_VERSION, "fingerprint": state.fingerprint,
        "registers": state.registers_hash, "register_files": state.register_files,
        "entries": [e.to_data() for e in state.entries], "files": files,
        "cards": state.fields.doc_count, "built": time.time()}))


def _dump(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _write(path: Path, raw: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(raw)


def _link(source: Path, target: Path) -> bool:
    """Share an unchanged segment with the generation it comes from (a hard link; a copy
    where links are not possible). False when the source is gone."""
    try:
        os.link(source, target)
        return True
    except FileNotFoundError:
        return False
    except OSError:
        pass
    try:
        shutil.copyfile(source, target)
        return True
    except FileNotFoundError:
        return False


def _cleanup(base: Path, keep: Path) -> None:
    """Remove crashed builds and old generations nobody used for a while (best effort)."""
    now = time.time()
    try:
        entries = [p for p in base.iterdir() if p.is_dir()]
    except OSError:
        return
    finished = sorted((p for p in entries if not p.name.startswith(".")),
                      key=lambda p: p.stat().st_mtime, reverse=True)
    for path in entries:
        try:
            age = now - path.stat().st_mtime
        except OSError:
            continue
        if path == keep:
            continue
        if path.name.startswith((".tmp-", ".stale-")):
            if age > TMP_STALE_SECONDS:
                shutil.rmtree(path, ignore_errors=True)
        elif age > STALE_SECONDS and path in finished[KEEP_INDEXES:]:
            shutil.rmtree(path, ignore_errors=True)


def touch(folder: Path | None) -> None:
    """Mark an index folder as in use (cleanup by other processes leaves it alone)."""
    if folder is None:
        return
    try:
        os.utime(folder)
    except OSError:
        pass
