"""The index is updated per dossier: a changed file costs only its own cards, and the result
is exactly what a full build gives (ids, order, certainty, scores) on a query set."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml

from briefing.bench.search import Generator, write_kb
from briefing.model import load_knowledge
from briefing.search import SearchEngine, SearchOptions
from briefing.search.analysis import Analyzer
from tests.conftest import REPO

QUERIES = Generator(11).queries(60) + [
    "stalling", "fietsenstalling beleid", "zonnepanelen op het stadhuis", "wijkteam subsidie",
    "hoeveel meldingen", "@Jansen", "kosten van het programma", "fietsen",
]


def _results(engine: SearchEngine) -> list:
    out = []
    for query in QUERIES:
        for options in (SearchOptions(limit=5),
                        SearchOptions(limit=5, include_concept=True, include_embargo=True)):
            out.append([(r.card_id, r.certainty, r.score, r.best_lines)
                        for r in engine.search(query, options)])
    return out


def _full(root: Path, tmp_path: Path) -> SearchEngine:
    """A fresh build in a cache of its own."""
    cache = tmp_path / f"full-{len(list(tmp_path.iterdir()))}"
    SearchEngine._engines.clear()
    return SearchEngine.open(load_knowledge(root), cache_dir=cache)


def _same(incremental: SearchEngine, full: SearchEngine) -> None:
    a, b = incremental._built, full._built
    assert list(a.index.ids) == list(b.index.ids)
    assert a.vocab.doc_count == b.vocab.doc_count
    assert a.vocab.df == b.vocab.df
    assert list(a.vocab.surface.items()) == list(b.vocab.surface.items())
    assert a.index.stats.to_data() == b.index.stats.to_data()
    assert a.vocab.prepared == b.vocab.prepared
    assert [incremental.cards[i] for i in range(len(incremental.cards))] == list(full.cards)
    assert _results(incremental) == _results(full)


def _dump(path: Path, data) -> None:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _dossier(dossier_id: str, line: str, question: str = "Wat doen we hieraan?") -> dict:
    return {"id": dossier_id, "titel": f"Dossier {dossier_id}", "status": "vastgesteld",
            "themas": [{"titel": "Stand van zaken", "regels": [line]}],
            "vragen": [{"nummer": 1, "raadslid": "Jansen", "vraag": question,
                        "antwoord": [line]}]}


@pytest.fixture
def generated(tmp_path) -> Path:
    root = tmp_path / "kb"
    write_kb(root, 200)
    _dump(root / "dossiers" / "fietsen.yaml", _dossier(
        "fietsen", "Het fietsenstallingbeleid wordt dit jaar herzien."))
    return root


def test_one_edit_analyses_one_dossier_and_equals_a_full_build(generated, tmp_path):
    cache = tmp_path / "cache"
    first = SearchEngine.open(load_knowledge(generated), cache_dir=cache)
    assert first._built.analysed == len(first._built.dossiers)
    path = sorted((generated / "dossiers").glob("dossier-*.yaml"))[3]
    text = path.read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    data["themas"][0]["regels"][0] = "Er komen zonnepanelen op het stadhuis."
    _dump(path, data)
    SearchEngine._engines.clear()
    updated = SearchEngine.open(load_knowledge(generated), cache_dir=cache)
    # the edited dossier, plus any whose compound splits really change with the vocabulary
    assert updated.built_now and 1 <= updated._built.analysed <= 3
    assert updated.search("zonnepanelen op het stadhuis")[0].card_id == f"{data['id']}/thema-1"
    _same(updated, _full(generated, tmp_path))


def test_new_removed_and_renamed_files_and_vocabulary_changes(generated, tmp_path):
    cache = tmp_path / "cache"
    SearchEngine.open(load_knowledge(generated), cache_dir=cache)
    word = "fietsenstallingbeleid"
    before = Analyzer(["fietsenstallingbeleid"]).token(word).parts
    after = Analyzer(["fietsenstallingbeleid", "stalling", "fietsen"]).token(word).parts
    assert before != after  # the new dossier's words change how another dossier splits

    steps = [
        # a new file whose words change the compound split of the 'fietsen' dossier
        lambda: _dump(generated / "dossiers" / "stalling.yaml", _dossier(
            "stalling", "Een stalling voor fietsen bij het station.", "Komt er een stalling?")),
        # a removed file (its words leave the vocabulary again)
        lambda: (generated / "dossiers" / "stalling.yaml").unlink(),
        # a renamed file and an edit in another
        lambda: (generated / "dossiers" / "dossier-00002.yaml").rename(
            generated / "dossiers" / "dossier-99999.yaml"),
        lambda: _dump(generated / "dossiers" / "fietsen.yaml", _dossier(
            "fietsen", "Het fietsenstallingbeleid is herzien; stalling gratis.")),
        # two files with the same id: the second is skipped, as the loader does
        lambda: _dump(generated / "dossiers" / "zz-dubbel.yaml", _dossier(
            "fietsen", "Dit dossier heeft een dubbele id.")),
    ]
    for step in steps:
        step()
        SearchEngine._engines.clear()
        updated = SearchEngine.open(load_knowledge(generated), cache_dir=cache)
        assert updated._built.analysed < 6   # 0: this state was cached already
        _same(updated, _full(generated, tmp_path))


def test_many_edits_merge_segments_and_still_equal_a_full_build(generated, tmp_path):
    cache = tmp_path / "cache"
    SearchEngine.open(load_knowledge(generated), cache_dir=cache)
    paths = sorted((generated / "dossiers").glob("dossier-*.yaml"))[:5]
    counts = []
    for number, path in enumerate(paths):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data["kernboodschap"].append(f"Nieuwe kernregel nummer {number} over kademuren.")
        _dump(path, data)
        SearchEngine._engines.clear()
        updated = SearchEngine.open(load_knowledge(generated), cache_dir=cache)
        counts.append(len(updated._built.index.segments))
    assert max(counts) <= 6 and 1 in counts   # merged back into one segment on the way
    _same(updated, _full(generated, tmp_path))


def test_ask_after_an_edit_parses_only_the_changed_file(generated, tmp_path, monkeypatch):
    SearchEngine.open(load_knowledge(generated))
    path = generated / "dossiers" / "fietsen.yaml"
    _dump(path, _dossier("fietsen", "Er komt een tweede fietsenstalling bij het Amstelstation."))
    SearchEngine._engines.clear()
    import briefing.model
    import briefing.model.loading

    def fail(*args, **kwargs):
        raise AssertionError("the whole knowledge base was parsed")

    monkeypatch.setattr(briefing.model, "load_knowledge", fail)
    parsed = []
    real = briefing.model.loading.read_dossier
    monkeypatch.setattr(briefing.model.loading, "read_dossier",
                        lambda p: parsed.append(p.name) or real(p))
    engine = SearchEngine.open_folder(generated)
    assert parsed == ["fietsen.yaml"]
    assert engine.search("amstelstation")[0].card_id.startswith("fietsen/")
    monkeypatch.undo()
    _same(engine, _full(generated, tmp_path))


KILLED_UPDATE = """
import os, signal, sys
from pathlib import Path
import briefing.search.index as index
real = index._write
count = [0]
def write(path, raw):
    real(path, raw)
    count[0] += 1
    if count[0] == int(sys.argv[2]):
        os.kill(os.getpid(), signal.SIGKILL)
index._write = write
from briefing.model import load_knowledge
from briefing.search import SearchEngine
SearchEngine.open(load_knowledge(Path(sys.argv[1])))
"""


@pytest.mark.parametrize("after_writes", [1, 3, 5])
def test_kill_during_an_update_leaves_a_usable_index(generated, after_writes):
    SearchEngine.open(load_knowledge(generated))
    path = generated / "dossiers" / "fietsen.yaml"
    _dump(path, _dossier("fietsen", "De pontjes naar Noord varen vaker."))
    done = subprocess.run([sys.executable, "-c", KILLED_UPDATE, str(generated), str(after_writes)],
                          cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.returncode == -signal.SIGKILL, done.stderr
    SearchEngine._engines.clear()
    engine = SearchEngine.open_folder(generated)
    assert engine.search("pontjes naar noord")[0].card_id.startswith("fietsen/")
    done = subprocess.run([sys.executable, "-m", "briefing", "ask", "--kb", str(generated), "--",
                           "pontjes naar noord"], cwd=REPO, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0 and "Traceback" not in done.stderr
    assert "pontjes" in done.stdout.lower()


def test_two_processes_updating_at_once(generated):
    SearchEngine.open(load_knowledge(generated))
    _dump(generated / "dossiers" / "fietsen.yaml", _dossier("fietsen", "De veerpont vaart."))
    script = textwrap.dedent("""
        import sys
        from briefing.search import SearchEngine
        engine = SearchEngine.open_folder(sys.argv[1])
        print([r.card_id for r in engine.search("veerpont vaart")][:1])
    """)
    procs = [subprocess.Popen([sys.executable, "-c", script, str(generated)], cwd=REPO,
                              env=dict(os.environ), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(3)]
    outputs = [p.communicate(timeout=300) for p in procs]
    assert all(p.returncode == 0 for p in procs), [err for _, err in outputs]
    assert {out.strip() for out, _ in outputs} == {"['fietsen/thema-1']"}
