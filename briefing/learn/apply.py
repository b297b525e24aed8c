"""`briefing learn --apply`: write proposed variants into their dossier files.

One atomic write per file, and only when the file is still byte for byte what the proposal was
made from (sha256): a file someone edited in between is left alone with a Dutch message, never
overwritten. Inside a file only lines are inserted (see `yamledit`)."""

from __future__ import annotations

import difflib
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from briefing.fileio import write_atomic
from briefing.location import ReadOnlyKnowledge, ensure_writable  # noqa: F401  (used by commands.learn)
from briefing.learn.proposals import Proposal
from briefing.learn.yamledit import Addition, EditError, add_variants
from briefing.model.dossier import Dossier

BOM = b"\xef\xbb\xbf"


# The shared guard (briefing.location): the bundled example and the installation are never
# written to; the message is Dutch and points to `briefing init`.
ReadOnlyKnowledgeBase = ReadOnlyKnowledge


@dataclass
class FileOutcome:
    path: Path
    proposals: list[Proposal]
    written: bool = False
    error: str | None = None
    lines: list[int] = field(default_factory=list)   # first line of each inserted block


def _sha256(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def apply_proposals(proposals: list[Proposal]) -> list[FileOutcome]:
    """Write each proposal as a variant of its card's question; grouped per file."""
    by_path: dict[Path, list[Proposal]] = {}
    for proposal in proposals:
        if proposal.target.kind != "vraag" or proposal.target.path is None:
            continue
        by_path.setdefault(proposal.target.path, []).append(proposal)
    return [_apply_file(path, group) for path, group in by_path.items()]


def _apply_file(path: Path, group: list[Proposal]) -> FileOutcome:
    outcome = FileOutcome(path, group)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        outcome.error = f"niet te lezen ({exc.strerror or exc})"
        return outcome
    expected = {p.file_hash for p in group}
    if expected != {_sha256(raw)}:
        outcome.error = ("het bestand is gewijzigd sinds het voorstel is gemaakt; niets "
                         "geschreven. Draai 'briefing learn' opnieuw")
        return outcome
    bom = BOM if raw.startswith(BOM) else b""
    try:
        text = raw[len(bom):].decode("utf-8")
    except UnicodeDecodeError:
        outcome.error = "geen UTF-8-tekst; niets geschreven"
        return outcome
    problem = _still_same_cards(path, text, group)
    if problem:
        outcome.error = problem
        return outcome
    additions = [Addition(p.target.question_index, p.text, p.member, p.party) for p in group]
    try:
        new = add_variants(text, additions)
    except EditError as exc:
        outcome.error = f"{exc}"
        return outcome
    try:
        # Checked once more right before the write: an editor may have saved meanwhile.
        if _sha256(path.read_bytes()) != _sha256(raw):
            outcome.error = ("het bestand is net gewijzigd (door iemand anders?); niets "
                             "geschreven. Draai 'briefing learn' opnieuw")
            return outcome
        mode = os.stat(path).st_mode & 0o777
        write_atomic(path, bom.decode("utf-8") + new)
        os.chmod(path, mode)  # the temp file behind the atomic write is private (0600)
    except OSError as exc:
        outcome.error = f"niet te schrijven ({exc.strerror or exc})"
        return outcome
    outcome.written = True
    outcome.lines = _inserted_lines(text, new)
    return outcome


def _still_same_cards(path: Path, text: str, group: list[Proposal]) -> str | None:
    """The question at each index still has the proposal's card id (the hash says the file is
    unchanged; this also holds if the knowledge base was loaded from an older version)."""
    try:
        data = yaml.safe_load(text)
        dossier = Dossier.model_validate(data)
    except Exception:  # noqa: BLE001 - any trouble reading means: do not write
        return "het bestand is niet (meer) als dossier te lezen; draai 'briefing check'"
    if dossier.id is None:
        dossier.id = path.stem
    for proposal in group:
        index = proposal.target.question_index
        if index is None or not 0 <= index < len(dossier.questions) or \
                dossier.question_id(dossier.questions[index]) != proposal.card_id:
            return (f"kaart {proposal.card_id} staat niet meer op dezelfde plek; niets "
                    "geschreven. Draai 'briefing learn' opnieuw")
    return None


def _inserted_lines(old: str, new: str) -> list[int]:
    matcher = difflib.SequenceMatcher(a=old.splitlines(), b=new.splitlines(), autojunk=False)
    return [j1 + 1 for tag, _, _, j1, _ in matcher.get_opcodes() if tag in ("insert", "replace")]
