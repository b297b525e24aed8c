"""The knowledge base fingerprint without parsing any YAML, for a fast warm start."""

from __future__ import annotations

import hashlib
from pathlib import Path

from briefing.model.loading import DOSSIER_DIR, knowledge_files


def quick_fingerprint(root: Path) -> str | None:
    """The fingerprint load_knowledge() gives a knowledge base whose files all parse (the same
    hash of relative paths and raw bytes). None when the folder cannot be read. When a file is
    broken the loader hashes it differently: the caller then finds no cached index and loads."""
    root = Path(root)
    if not (root / DOSSIER_DIR).is_dir():
        return None
    digest = hashlib.sha256()
    try:
        for path in knowledge_files(root):
            raw = path.read_bytes()
            digest.update(str(path.relative_to(root)).encode() + b"\0" + raw + b"\0")
    except OSError:
        return None
    return digest.hexdigest()
