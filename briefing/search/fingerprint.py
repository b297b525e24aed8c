"""The knowledge base fingerprint and per-file hashes without parsing any YAML, for a fast
warm start and for updating the index file by file."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from briefing.model.loading import DOSSIER_DIR, REGISTER_FILES, SYNONYMS_FILE, knowledge_files


@dataclass
class FileDigest:
    path: Path
    relative: str        # posix path relative to the knowledge folder
    digest: str          # sha256 of the bytes, as KnowledgeBase.digests
    is_dossier: bool


def file_digests(root: Path) -> tuple[str, list[FileDigest]] | None:
    """The fingerprint load_knowledge() gives a knowledge base whose files all parse (the same
    hash of relative paths and raw bytes), and each file's own hash. None when the folder
    cannot be read. When a file is broken the loader hashes it differently: the caller then
    finds no cached index under this fingerprint."""
    root = Path(root)
    folder = root / DOSSIER_DIR
    if not folder.is_dir():
        return None
    digest = hashlib.sha256()
    out = []
    try:
        for path in knowledge_files(root):
            raw = path.read_bytes()
            relative = path.relative_to(root)
            digest.update(str(relative).encode() + b"\0" + raw + b"\0")
            out.append(FileDigest(path, relative.as_posix(), hashlib.sha256(raw).hexdigest(),
                                  path.parent == folder))
    except OSError:
        return None
    return digest.hexdigest(), out


def quick_fingerprint(root: Path) -> str | None:
    found = file_digests(root)
    return found[0] if found else None


def register_digests(digests: dict[str, str]) -> dict[str, str]:
    """The hashes of the register files ("-" for a missing one): a cached index made with the
    same register files has the same registers."""
    return {name: digests.get(name, "-") for name in (*REGISTER_FILES, SYNONYMS_FILE)}
