"""Noticing edits in the knowledge folder by polling file names, sizes and mtimes.

Polling a handful of files once a second costs microseconds and needs no dependency; it also
works on network drives and in containers where inotify does not. Plain Python (no Textual)."""

from __future__ import annotations

import os
from pathlib import Path

from briefing.model.loading import DOSSIER_DIR, knowledge_files

Signature = tuple[tuple[str, int, int], ...]


def signature(root: Path) -> Signature:
    """(relative name, size, mtime_ns) of every knowledge file; empty when the folder is gone."""
    out = []
    try:
        files = knowledge_files(root)
    except OSError:
        return ()
    for path in files:
        try:
            stat = path.stat()
        except OSError:
            continue
        out.append((path.relative_to(root).as_posix(), stat.st_size, stat.st_mtime_ns))
    # A folder's own mtime changes when a file is added or removed.
    folder = root / DOSSIER_DIR
    try:
        out.append((DOSSIER_DIR + "/", 0, os.stat(folder).st_mtime_ns))
    except OSError:
        pass
    return tuple(out)


def changed_files(old: Signature, new: Signature) -> list[str]:
    """Names of files added, removed or changed between two signatures."""
    before = {name: (size, mtime) for name, size, mtime in old if not name.endswith("/")}
    after = {name: (size, mtime) for name, size, mtime in new if not name.endswith("/")}
    names = {n for n in before.keys() | after.keys() if before.get(n) != after.get(n)}
    return sorted(names)
