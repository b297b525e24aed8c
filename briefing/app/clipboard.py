"""Copying where OSC 52 does not reach: a native clipboard tool when present, and always a file.

`App.copy_to_clipboard` writes an OSC 52 sequence, which many terminals (and tmux without
`set-clipboard on`, and macOS Terminal) ignore. This fallback runs in a worker thread.
Plain Python (no Textual)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from briefing.fileio import write_atomic

CLIPBOARD_FILE = "klembord.txt"


@dataclass(frozen=True)
class CopyOutcome:
    file: Path | None
    tool: str | None          # the native tool that took the text, if any
    error: str | None = None


def detect_commands(env: dict[str, str] | None = None) -> list[list[str]]:
    """Native clipboard commands that can work in this environment, most specific first."""
    env = dict(os.environ if env is None else env)
    found: list[list[str]] = []

    def have(name: str) -> bool:
        return shutil.which(name, path=env.get("PATH")) is not None

    if env.get("TMUX") and have("tmux"):
        # -w also hands the buffer to the outer terminal's clipboard (tmux >= 3.2).
        found.append(["tmux", "load-buffer", "-w", "-"])
    if sys.platform == "darwin" and have("pbcopy"):
        found.append(["pbcopy"])
    if env.get("WAYLAND_DISPLAY") and have("wl-copy"):
        found.append(["wl-copy"])
    if env.get("DISPLAY"):
        if have("xclip"):
            found.append(["xclip", "-selection", "clipboard"])
        elif have("xsel"):
            found.append(["xsel", "--clipboard", "--input"])
    if have("clip.exe"):  # WSL
        found.append(["clip.exe"])
    return found


def fallback_copy(text: str, folder: Path | None, commands: list[list[str]]) -> CopyOutcome:
    """Write text to folder/klembord.txt and offer it to the first native tool that accepts it."""
    file: Path | None = None
    error: str | None = None
    if folder is not None:
        try:
            file = folder / CLIPBOARD_FILE
            write_atomic(file, text, private=True)
        except OSError as exc:
            file, error = None, f"kon {CLIPBOARD_FILE} niet schrijven: {exc.strerror or exc}"
    for argv in commands:
        try:
            done = subprocess.run(argv, input=text.encode("utf-8"), timeout=3,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        except (OSError, subprocess.SubprocessError):
            continue
        if done.returncode == 0:
            return CopyOutcome(file, argv[0], error)
        # `tmux load-buffer -w` is refused by tmux < 3.2: retry without -w.
        if argv[:3] == ["tmux", "load-buffer", "-w"]:
            try:
                retry = subprocess.run(["tmux", "load-buffer", "-"], input=text.encode("utf-8"),
                                       timeout=3, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL)
                if retry.returncode == 0:
                    return CopyOutcome(file, "tmux", error)
            except (OSError, subprocess.SubprocessError):
                pass
    return CopyOutcome(file, None, error)
