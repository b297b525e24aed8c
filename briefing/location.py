"""Where the knowledge base is: one rule, resolved by one function (`resolve_knowledge`), which
also says which part of the rule chose it. And the guard every writing command calls first
(`ensure_writable`): nothing is ever written into the bundled example or the installation.

The rule, first match wins:
1. `--kb MAP` on the command line;
2. the environment variable BRIEFING_KB;
3. `kennisbank: MAP` in instellingen.yaml (a relative path counts from that file's folder);
4. `./knowledge` in the current folder, when it holds a `dossiers/` folder;
5. the example knowledge base that ships with briefing (read-only).

A folder chosen by rules 1-3 is used even when it does not exist: the command then says so (and
which rule chose it) instead of silently falling through to another knowledge base."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

ENV_VAR = "BRIEFING_KB"
LOCAL_FOLDER = "knowledge"

# How each rule is named in messages (Dutch: users read them).
FLAG, ENV, SETTINGS, LOCAL, EXAMPLE = "--kb", ENV_VAR, "instellingen", "./knowledge", "voorbeeld"

RULE_HELP = f"""\
Waar staat de kennisbank? De eerste die van toepassing is:
  1. --kb MAP
  2. de omgevingsvariabele {ENV_VAR}
  3. 'kennisbank: MAP' in instellingen.yaml (in de map voor instellingen, zoals
     ~/.config/briefing/)
  4. de map ./{LOCAL_FOLDER} in de huidige map (als die een map dossiers/ heeft)
  5. de meegeleverde voorbeeldkennisbank (alleen lezen)
Een eigen kennisbank maakt u met 'briefing init MAP'."""

EXAMPLE_HINT = ("maak een eigen kennisbank met 'briefing init MAP' en gebruik die met "
                f"'--kb MAP' (of zet {ENV_VAR}=MAP)")
EXAMPLE_NOTICE = ("Dit is de meegeleverde voorbeeldkennisbank (alleen lezen): vijf Woo-annotaties "
                  f"van de gemeente Amsterdam. Voor uw eigen dossiers: {EXAMPLE_HINT}.")


def package_dir() -> Path:
    """The installed briefing package (in a source checkout: the briefing/ folder)."""
    return Path(__file__).resolve().parent


def bundled_example() -> Path:
    """The example knowledge base shipped with briefing: package data briefing/voorbeeld/ in an
    installed wheel; the top-level knowledge/ folder in a source checkout (setup.py maps the one
    to the other, so there is one copy in git)."""
    installed = package_dir() / "voorbeeld"
    if installed.is_dir():
        return installed
    return package_dir().parent / LOCAL_FOLDER


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def is_bundled_example(path: Path | str) -> bool:
    """True when path is (inside) the bundled example knowledge base."""
    return _inside(Path(path).expanduser().resolve(), bundled_example().resolve())


@dataclass(frozen=True)
class KnowledgeLocation:
    """A resolved knowledge folder and the rule that chose it."""

    path: Path
    rule: str          # FLAG, ENV, SETTINGS, LOCAL or EXAMPLE
    reason: str        # Dutch, for messages: "gekozen met --kb", ...

    @property
    def is_example(self) -> bool:
        """The bundled example: read-only; the desk shows it as 'voorbeeld'."""
        return self.rule == EXAMPLE or is_bundled_example(self.path)

    def describe(self) -> str:
        return f"{self.path} ({self.reason})"

    def problem(self) -> str | None:
        """A Dutch sentence when the folder cannot be a knowledge base, else None."""
        if not self.path.exists():
            return f"geen kennisbank gevonden: {self.path} bestaat niet ({self.reason})"
        if not self.path.is_dir():
            return f"geen kennisbank gevonden: {self.path} is geen map ({self.reason})"
        return None


def resolve_knowledge(flag: Path | str | None = None, *,
                      environ: Mapping[str, str] | None = None,
                      settings_file: Path | None = None,
                      cwd: Path | None = None) -> KnowledgeLocation:
    """Apply the rule (see the module docstring). Arguments other than `flag` are for tests."""
    environ = os.environ if environ is None else environ
    if flag is not None and str(flag).strip():
        return KnowledgeLocation(Path(flag).expanduser(), FLAG, "gekozen met --kb")
    value = (environ.get(ENV_VAR) or "").strip()
    if value:
        return KnowledgeLocation(Path(value).expanduser(), ENV,
                                 f"gekozen met de omgevingsvariabele {ENV_VAR}")
    configured = _from_settings(settings_file)
    if configured is not None:
        return configured
    local = (cwd or Path.cwd()) / LOCAL_FOLDER
    if (local / "dossiers").is_dir():
        return KnowledgeLocation(local, LOCAL, "de map knowledge in de huidige map")
    return KnowledgeLocation(bundled_example(), EXAMPLE,
                             "de meegeleverde voorbeeldkennisbank, alleen lezen")


def _from_settings(settings_file: Path | None) -> KnowledgeLocation | None:
    from briefing.settings import load_settings, settings_path

    path = settings_file or settings_path()
    value = load_settings(path).knowledge_base
    if not value:
        return None
    folder = Path(value).expanduser()
    if not folder.is_absolute():
        folder = path.parent / folder
    return KnowledgeLocation(folder, SETTINGS, f"gekozen met 'kennisbank:' in {path}")


class ReadOnlyKnowledge(Exception):
    """A write into the bundled example or the installation; the message is Dutch."""


WRITE_HINT = ("Maak een eigen kennisbank met 'briefing init MAP' en kies die met --kb MAP of "
              f"{ENV_VAR}=MAP (bij import: --out MAP).")


def ensure_writable(path: Path | str) -> None:
    """Refuse (ReadOnlyKnowledge) a write into the bundled example knowledge base or anywhere
    inside the installed package. Every command that writes into a knowledge base (import,
    init, learn, ...) calls this before it writes anything."""
    target = Path(path).expanduser().resolve()
    if _inside(target, bundled_example().resolve()):
        raise ReadOnlyKnowledge(
            f"{path} is de meegeleverde voorbeeldkennisbank: die is alleen te lezen. "
            + WRITE_HINT)
    if _inside(target, package_dir()):
        raise ReadOnlyKnowledge(
            f"{path} ligt in de installatie van briefing: daarin schrijft briefing niet. "
            + WRITE_HINT)
