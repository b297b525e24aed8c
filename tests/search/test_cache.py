"""The index cache: in the user cache dir, keyed by the knowledge files, rebuilt when they
change, never written into the knowledge folder, safe with several processes at once."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.model import load_knowledge
from briefing.search import SearchEngine
from briefing.search.fingerprint import quick_fingerprint
from briefing.search.index import cache_root
from tests.conftest import REPO


def _snapshot(root: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(root)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in sorted(root.rglob("*"))}


def test_index_lives_in_the_user_cache_dir(small_kb):
    engine = SearchEngine.open(small_kb)
    cache = Path(os.environ["XDG_CACHE_HOME"])
    assert engine.index_path is not None
    assert cache in engine.index_path.parents
    assert engine.index_path.parent == cache_root()


def test_open_again_is_cheap_and_reuses_the_cache(small_kb_path):
    first = SearchEngine.open(load_knowledge(small_kb_path))
    again = SearchEngine.open(load_knowledge(small_kb_path))
    assert again is first  # same fingerprint: the engine from memory
    SearchEngine._engines.clear()
    reopened = SearchEngine.open(load_knowledge(small_kb_path))
    assert reopened.index_path == first.index_path and not reopened.built_now


def test_rebuilt_when_a_knowledge_file_changes(small_kb_path):
    before = SearchEngine.open(load_knowledge(small_kb_path))
    assert not before.search("zonnepanelen op het stadhuis")
    path = small_kb_path / "dossiers" / "personeel.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "Het externe meldpunt is op 1 maart 2024 gestart.",
        "Er komen zonnepanelen op het stadhuis."), encoding="utf-8")
    after = SearchEngine.open(load_knowledge(small_kb_path))
    assert after.fingerprint != before.fingerprint
    assert after.index_path != before.index_path and after.built_now
    assert after.search("zonnepanelen op het stadhuis")[0].card_id == "personeel/thema-1"


def test_knowledge_folder_is_never_written_and_may_be_read_only(small_kb_path):
    before = _snapshot(small_kb_path)
    modes = {p: p.stat().st_mode for p in [small_kb_path, *small_kb_path.rglob("*")]}
    for path in modes:
        path.chmod(path.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    try:
        engine = SearchEngine.open(load_knowledge(small_kb_path))
        assert engine.search("wat kost het meldpunt")
        assert engine.index_path is not None and small_kb_path not in engine.index_path.parents
    finally:
        for path, mode in modes.items():
            path.chmod(mode)
    assert _snapshot(small_kb_path) == before


def test_unwritable_cache_falls_back_to_memory(small_kb, tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    engine = SearchEngine.open(small_kb)
    assert engine.index_path is None
    assert engine.search("wat kost het meldpunt")[0].card_id == "personeel/vraag-4"


def _forget_segments() -> None:
    """As a new process would: no segment remembered from earlier reads."""
    from briefing.search import index

    SearchEngine._engines.clear()
    index._SEGMENTS.clear()


@pytest.mark.parametrize("damage", ["manifest", "segment", "vocab", "registers", "words"])
def test_damaged_cache_is_rebuilt(small_kb_path, damage):
    engine = SearchEngine.open(load_knowledge(small_kb_path))
    folder = engine.index_path
    name = {"manifest": "manifest.json", "vocab": "vocab.json", "registers": "registers.json",
            "words": "words.json"}.get(damage) or next(p.name for p in folder.glob("seg-*"))
    path = folder / name
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])   # truncated
    _forget_segments()
    reopened = SearchEngine.open(load_knowledge(small_kb_path))
    if damage != "words":   # words.json is only read to update: a damaged one costs a rebuild then
        assert reopened.built_now and reopened.index_path == folder
    assert reopened.search("wat kost het meldpunt")[0].card_id == "personeel/vraag-4"
    _forget_segments()
    done = subprocess.run([sys.executable, "-m", "briefing", "ask", "--kb", str(small_kb_path),
                           "--", "wat kost het meldpunt"], cwd=REPO, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0 and "Traceback" not in done.stderr


class Planted:
    """A pickle that would create a file when unpickled."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (open, (str(self.marker), "w"))


def test_a_planted_pickle_is_never_unpickled(small_kb_path, tmp_path):
    import pickle

    engine = SearchEngine.open(load_knowledge(small_kb_path))
    folder = engine.index_path
    marker = tmp_path / "pwned"
    planted = pickle.dumps(Planted(marker))
    for name in ("cards.pickle", "vocab.pickle", "registers.pickle", "manifest.json",
                 *(p.name for p in folder.glob("seg-*"))):
        (folder / name).write_bytes(planted)
    _forget_segments()
    reopened = SearchEngine.open(load_knowledge(small_kb_path))
    assert reopened.search("wat kost het meldpunt")[0].card_id == "personeel/vraag-4"
    _forget_segments()
    done = subprocess.run([sys.executable, "-m", "briefing", "ask", "--kb", str(small_kb_path),
                           "--", "wat kost het meldpunt"], cwd=REPO, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert not marker.exists()


def test_the_search_package_never_unpickles_or_evals():
    for path in (REPO / "briefing" / "search").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        for word in ("import pickle", "pickle.load", "marshal", "eval(", "exec("):
            assert word not in text, f"{path.name}: {word}"


def test_a_write_error_in_the_cache_falls_back_to_memory(small_kb, monkeypatch):
    import errno

    from briefing.search import index

    def full(path, raw):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(index, "_write", full)
    engine = SearchEngine.open(small_kb)
    assert engine.index_path is None
    assert engine.search("wat kost het meldpunt")[0].card_id == "personeel/vraag-4"
    assert not [p for p in cache_root().iterdir() if not p.name.startswith(".")]


FULL_DISK = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)      # a write past the limit fails with EFBIG
resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
from briefing.cli import main
sys.exit(main(["ask", "--kb", sys.argv[1], "--", "wat kost het meldpunt"]))
"""


def test_a_full_disk_gives_an_answer_and_no_traceback(small_kb_path):
    done = subprocess.run([sys.executable, "-c", FULL_DISK, str(small_kb_path)], cwd=REPO,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert "250.000 euro" in done.stdout


def test_quick_fingerprint_matches_the_loader(small_kb_path, bundled_kb):
    assert quick_fingerprint(small_kb_path) == load_knowledge(small_kb_path).fingerprint
    assert quick_fingerprint(bundled_kb) == load_knowledge(bundled_kb).fingerprint


def test_warm_start_does_not_parse_the_knowledge_files(small_kb_path, monkeypatch):
    SearchEngine.open(load_knowledge(small_kb_path))
    SearchEngine._engines.clear()
    import briefing.model

    def fail(*args, **kwargs):
        raise AssertionError("the YAML was parsed on a warm start")

    monkeypatch.setattr(briefing.model, "load_knowledge", fail)
    engine = SearchEngine.open_folder(small_kb_path)
    assert engine.search("wat kost het meldpunt")[0].card_id == "personeel/vraag-4"
    # ... and the registers came along: members are still recognised
    assert engine.plan("janssen vacature").member.name == "Jansen"


TWO_PROCESSES = """
import sys
from briefing.model import load_knowledge
from briefing.search import SearchEngine
engine = SearchEngine.open(load_knowledge(sys.argv[1]))
print(engine.index_path, [r.card_id for r in engine.search("wat kost het meldpunt")][:1])
"""


def test_two_processes_building_at_once(small_kb_path):
    env = dict(os.environ)
    procs = [subprocess.Popen([sys.executable, "-c", TWO_PROCESSES, str(small_kb_path)],
                              cwd=REPO, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(3)]
    outputs = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), [err for _, err in outputs]
    lines = {out.strip() for out, _ in outputs}
    assert len(lines) == 1 and "personeel/vraag-4" in lines.pop()
    folders = [p for p in cache_root().iterdir()]
    assert len([p for p in folders if not p.name.startswith(".")]) == 1
    assert not [p for p in folders if p.name.startswith(".tmp-")]


@pytest.mark.parametrize("kb_fixture", ["small_kb_path"])
def test_briefing_ask_uses_the_same_cache(kb_fixture, request):
    root = request.getfixturevalue(kb_fixture)
    engine = SearchEngine.open(load_knowledge(root))
    done = subprocess.run([sys.executable, "-m", "briefing", "ask", "--kb", str(root), "--json",
                           "--", "wat kost het meldpunt"], cwd=REPO, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert '"personeel/vraag-4"' in done.stdout
    assert sorted(p.name for p in cache_root().iterdir() if not p.name.startswith(".")) == [
        engine.index_path.name]


def test_old_indexes_and_crashed_builds_are_cleaned_up(small_kb_path):
    import time

    root = cache_root()
    root.mkdir(parents=True)
    old = time.time() - 30 * 24 * 3600
    names = [f"old{i}" for i in range(6)] + [".tmp-crashed", ".tmp-building-now"]
    for name in names:
        (root / name).mkdir()
        (root / name / "meta.json").write_text("{}", encoding="utf-8")
        if name != ".tmp-building-now":
            os.utime(root / name, (old, old))
    engine = SearchEngine.open(load_knowledge(small_kb_path))
    left = {p.name for p in root.iterdir()}
    assert engine.index_path.name in left
    assert ".tmp-crashed" not in left
    assert ".tmp-building-now" in left          # another process may still be building
    assert len([n for n in left if n.startswith("old")]) == 3   # the newest few stay


def test_open_from_many_threads_builds_once(small_kb_path):
    from concurrent.futures import ThreadPoolExecutor

    kb = load_knowledge(small_kb_path)
    with ThreadPoolExecutor(max_workers=4) as pool:
        engines = list(pool.map(lambda _: SearchEngine.open(kb), range(8)))
    assert all(engine is engines[0] for engine in engines)
