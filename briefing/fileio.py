"""Atomic file writing (readers see the old file or the new one, never half of one), and the
user data folder."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def user_data_dir() -> Path:
    """briefing's user data folder (platformdirs; honours XDG_DATA_HOME where platformdirs does)."""
    from platformdirs import user_data_dir as platform_data_dir

    return Path(platform_data_dir("briefing", appauthor=False))


def write_atomic(path: Path | str, text: str, *, overwrite: bool = True) -> None:
    """Write text (UTF-8) to path via a temp file in the same folder and an atomic rename.

    With overwrite=False an existing file is never replaced (FileExistsError)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if overwrite:
            os.replace(tmp, path)
        else:
            # link() fails if the target exists: no window where another writer is overwritten.
            os.link(tmp, path)
            os.unlink(tmp)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
