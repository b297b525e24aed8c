"""Atomic file writing (readers see the old file or the new one, never half of one), and the
user data folder."""

from __future__ import annotations

import errno
import os
import secrets
import stat
import time
from pathlib import Path

# A temp file of ours that is older than this was left by a writer that was killed.
STALE_TEMP_SECONDS = 10 * 60


class NotARegularFile(OSError):
    """The target exists but is a device, FIFO, symbolic link, folder or socket: never replaced
    (`--out /dev/null --force` must not turn /dev/null into a file)."""


def user_data_dir() -> Path:
    """briefing's user data folder (platformdirs; honours XDG_DATA_HOME where platformdirs does)."""
    from platformdirs import user_data_dir as platform_data_dir

    return Path(platform_data_dir("briefing", appauthor=False))


def temp_name(path: Path) -> Path:
    """Where write_atomic writes before the rename: .NAME.XXXXXXXX.tmp beside the target."""
    return path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")


def write_atomic(path: Path | str, text: str, *, overwrite: bool = True,
                 private: bool = False) -> None:
    """Write text (UTF-8) to path via a temp file in the same folder and an atomic rename.

    With overwrite=False an existing file is never replaced (FileExistsError). Only a regular
    file is ever replaced (NotARegularFile otherwise, also with overwrite). A replaced file keeps
    its permission bits; a new file gets the usual ones (0666 less the umask), or 0600 with
    private=True (the user's own files: clipboard text, practice progress)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        existing = os.lstat(path)
    except FileNotFoundError:
        existing = None
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        raise NotARegularFile(errno.EPERM, _not_regular(existing.st_mode), str(path))
    if existing is not None and not overwrite:
        raise FileExistsError(errno.EEXIST, "bestaat al", str(path))
    _remove_stale_temp_files(path)
    tmp = temp_name(path)
    # os.open with 0o666 lets the kernel apply the umask, as for any new file (mkstemp would
    # give 0600, and an existing 0644 dossier would silently become 0600).
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0),
                 0o600 if private else 0o666)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            if existing is not None and not private:
                os.fchmod(handle.fileno(), stat.S_IMODE(existing.st_mode))
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


def _not_regular(mode: int) -> str:
    if stat.S_ISLNK(mode):
        kind = "een symbolische link"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "een apparaatbestand"
    elif stat.S_ISFIFO(mode):
        kind = "een named pipe (FIFO)"
    elif stat.S_ISDIR(mode):
        kind = "een map"
    else:
        kind = "geen gewoon bestand"
    return f"is {kind}; alleen een gewoon bestand wordt overschreven"


def _remove_stale_temp_files(path: Path) -> None:
    """Temp files of this target left by a writer that was killed (kill -9, power loss): they
    would otherwise lie around in the knowledge folder until someone commits them."""
    prefix = f".{path.name}."
    try:
        names = os.listdir(path.parent)
    except OSError:
        return
    now = time.time()
    for name in names:
        if not (name.startswith(prefix) and name.endswith(".tmp")):
            continue
        middle = name[len(prefix):-len(".tmp")]
        if not middle or not all(c.isalnum() or c == "_" for c in middle):
            continue
        stale = path.parent / name
        try:
            info = os.lstat(stale)
            if stat.S_ISREG(info.st_mode) and now - info.st_mtime > STALE_TEMP_SECONDS:
                os.unlink(stale)
        except OSError:
            pass
