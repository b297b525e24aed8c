"""The Whoosh index of answer cards, cached in the user cache dir.

Layout: <user cache>/briefing/index/<key>/ with the Whoosh files, `cards.pickle` (the cards as
plain data), `vocab.pickle` (term document frequencies and the surface vocabulary) and
`meta.json`. The key hashes the knowledge base fingerprint and the analysis version, so a change
to any knowledge file (or to the analysis chain) means a new folder. A build happens in a
`.tmp-*` sibling and is renamed into place in one step: readers in other processes see the old
index or the complete new one, never half of one. The knowledge folder is never written to."""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing.search.analysis import ANALYSIS_VERSION, Analyzer, words
from briefing.search.cards import Card

SCHEMA_VERSION = 8
INDEX_NAME = "cards"
# Field weights for candidate retrieval: the head counts more, but not so much that a common
# word in a title outweighs a rare word in an answer (the ranking weighs the head again).
FIELD_WEIGHTS = {"head": 1.3, "body": 1.0, "meta": 0.35}
# Index folders nobody opened for this long are removed (the newest few always stay): a
# long-running app keeps its folder fresh, see touch().
STALE_SECONDS = 3 * 24 * 3600
TMP_STALE_SECONDS = 3600      # a build folder this old belongs to a crashed build
KEEP_INDEXES = 4


def cache_root() -> Path:
    """<user cache dir>/index (platformdirs: honours XDG_CACHE_HOME)."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("briefing", appauthor=False)) / "index"


def index_key(fingerprint: str) -> str:
    raw = f"{fingerprint}|analysis={ANALYSIS_VERSION}|schema={SCHEMA_VERSION}"
    return hashlib.sha256(raw.encode()).hexdigest()[:32]


def schema():
    from whoosh.analysis import SpaceSeparatedTokenizer
    from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema

    terms = SpaceSeparatedTokenizer()
    return Schema(
        card=ID(stored=True, unique=True),
        kind=ID(),
        dossier=ID(),
        status=ID(),
        member=KEYWORD(lowercase=False, commas=True, scorable=False),
        party=KEYWORD(lowercase=False, commas=True, scorable=False),
        head=TEXT(analyzer=terms, phrase=False),
        body=TEXT(analyzer=terms, phrase=False),
        meta=TEXT(analyzer=terms, phrase=False),
        analysis=STORED(),
    )


# BM25F parameters. Heads are short and equally informative whatever their length: little
# length penalty there.
BM25_B = 0.75
BM25_K1 = 1.2
FIELD_B = {"head": 0.3, "meta": 0.3}


def weighting():
    from whoosh import scoring

    return scoring.BM25F(B=BM25_B, K1=BM25_K1, **{f"{f}_B": b for f, b in FIELD_B.items()})


@dataclass
class Vocabulary:
    """Statistics the query side needs without touching Whoosh."""

    doc_count: int = 0
    df: dict[str, int] = field(default_factory=dict)          # index term -> number of cards
    surface: dict[str, int] = field(default_factory=dict)     # folded word -> occurrences
    prepared: dict[str, Any] | None = None                     # see query.prepare_vocabulary

    def analyzer(self) -> Analyzer:
        return Analyzer(self.surface)


@dataclass
class Built:
    index: Any                    # whoosh.index.Index
    cards: list[Card]
    vocab: Vocabulary
    path: Path | None             # None: in memory (cache dir not writable)
    built_now: bool
    registers: Any = None         # briefing.model.Registers, for starting without the YAML


def card_documents(cards: list[Card]) -> tuple[list[dict[str, str]], Vocabulary]:
    """Analyse every card once: the Whoosh documents (with the stored analysis the ranking
    uses) and the vocabulary statistics."""
    from briefing.search import cardterms

    surface: Counter[str] = Counter()
    for card in cards:
        for text in (*card.head_texts, *card.line_texts, *card.if_pressed_texts):
            surface.update(w for w in words(text) if w.isalpha() and len(w) > 2)
    analyzer = Analyzer(surface)
    df: Counter[str] = Counter()
    docs = []
    for card in cards:
        ct, body_terms = cardterms.analyse_with_terms(card, analyzer)
        head_terms = [t for tokens in ct.head_tokens for terms in tokens for t in terms]
        if card.kind == "kernboodschap":
            head_terms = analyzer.terms(card.title)
        df.update(ct.all_head | ct.all_body | ct.meta)
        docs.append({
            "card": card.card_id, "kind": card.kind, "dossier": card.dossier_id,
            "status": "vastgesteld" if card.vetted else "concept",
            "member": ",".join(card.member_keys), "party": ",".join(card.party_keys),
            "head": " ".join(head_terms), "body": " ".join(body_terms),
            "meta": " ".join(analyzer.terms(card.meta_text)), "analysis": cardterms.dump(ct),
        })
    return docs, Vocabulary(doc_count=len(cards), df=dict(df), surface=dict(surface))


def _write_index(storage_dir: Path | None, docs: list[dict[str, str]]):
    from whoosh import index as whoosh_index
    from whoosh.filedb.filestore import RamStorage

    if storage_dir is None:
        ix = RamStorage().create_index(schema(), indexname=INDEX_NAME)
    else:
        ix = whoosh_index.create_in(str(storage_dir), schema(), indexname=INDEX_NAME)
    writer = ix.writer(limitmb=256)
    for doc in docs:
        writer.add_document(**doc)
    writer.commit()
    return ix


def open_or_build(cards: list[Card], fingerprint: str, root: Path | None = None,
                  registers: Any = None) -> Built:
    """The cached index for this knowledge base, built (aside, then swapped in) when missing."""
    key = index_key(fingerprint)
    base = root or cache_root()
    final = base / key
    loaded = _load(final)
    if loaded is not None:
        return loaded
    docs, vocab = card_documents(cards)
    if registers is not None:
        from briefing.search.query import prepare_vocabulary

        prepare_vocabulary(vocab, registers)
    try:
        base.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".tmp-{key[:8]}-", dir=base))
    except OSError:
        # No writable cache: an in-memory index still answers, it is just built every start.
        return Built(_write_index(None, docs), cards, vocab, None, True, registers)
    try:
        ix = _write_index(tmp, docs)
        ix.close()
        with open(tmp / "cards.pickle", "wb") as handle:
            pickle.dump(cards, handle, protocol=pickle.HIGHEST_PROTOCOL)
        with open(tmp / "vocab.pickle", "wb") as handle:
            pickle.dump(vocab, handle, protocol=pickle.HIGHEST_PROTOCOL)
        with open(tmp / "registers.pickle", "wb") as handle:
            pickle.dump(registers, handle, protocol=pickle.HIGHEST_PROTOCOL)
        # meta.json last: a folder with it is complete.
        (tmp / "meta.json").write_text(json.dumps({
            "fingerprint": fingerprint, "analysis": ANALYSIS_VERSION, "schema": SCHEMA_VERSION,
            "cards": len(cards), "built": time.time(),
        }), encoding="utf-8")
        if final.exists() and _load(final) is None:
            # A damaged folder (a crash, a full disk, an old version): move it out of the way.
            stale = base / f".stale-{key[:8]}-{os.getpid()}-{time.time_ns()}"
            try:
                os.rename(final, stale)
            except OSError:
                pass
        try:
            os.rename(tmp, final)
        except OSError:
            # Another process won the race with an identical index: use theirs.
            shutil.rmtree(tmp, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _cleanup(base, keep=final)
    loaded = _load(final)
    if loaded is None:  # e.g. the folder vanished under us: fall back to memory
        return Built(_write_index(None, docs), cards, vocab, None, True, registers)
    loaded.built_now = True
    return loaded


def load_cached(fingerprint: str, root: Path | None = None) -> Built | None:
    """The cached index and cards for a fingerprint, or None (no knowledge base needed)."""
    return _load((root or cache_root()) / index_key(fingerprint))


def _load(folder: Path) -> Built | None:
    if not (folder / "meta.json").is_file():
        return None
    from whoosh import index as whoosh_index

    try:
        with open(folder / "cards.pickle", "rb") as handle:
            cards = pickle.load(handle)
        with open(folder / "vocab.pickle", "rb") as handle:
            vocab = pickle.load(handle)
        with open(folder / "registers.pickle", "rb") as handle:
            registers = pickle.load(handle)
        ix = whoosh_index.open_dir(str(folder), indexname=INDEX_NAME)
    except Exception:
        return None  # damaged or from an incompatible version: the caller rebuilds
    touch(folder)
    return Built(ix, cards, vocab, folder, False, registers)


def _cleanup(base: Path, keep: Path) -> None:
    """Remove crashed builds and old indexes nobody used for a while (best effort)."""
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
