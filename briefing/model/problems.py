"""Problems found in knowledge files, reported as `file:line: message` in Dutch."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ERROR = "fout"
WARNING = "waarschuwing"


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int | None
    message: str
    level: str = ERROR

    @property
    def is_error(self) -> bool:
        return self.level == ERROR

    def location(self, base: Path | None = None) -> str:
        path = self.path
        if base is not None:
            try:
                path = self.path.relative_to(base)
            except ValueError:
                pass
        return f"{path}:{self.line}" if self.line else f"{path}"

    def format(self, base: Path | None = None) -> str:
        """One line for a terminal or the app; a file name or a quoted value with escape codes
        in it is shown without them."""
        from briefing.safetext import printable

        return printable(f"{self.location(base)}: {self.level}: {self.message}")

    def __str__(self) -> str:
        return self.format()
