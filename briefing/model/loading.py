"""Load a knowledge folder. Never raises for bad content: problems are collected per file,
and a broken file is skipped (or its last good version kept) so the rest stays usable."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from briefing.model.dossier import Dossier
from briefing.model.knowledge import KnowledgeBase
from briefing.model.problems import WARNING, Problem
from briefing.model.registers import Abbreviation, Member, Party, Registers
from briefing.model.validation import translate
from briefing.model.yamlsource import MAX_FILE_BYTES, SourceMap, YamlFileError, load_yaml_file

REGISTER_FILES = {
    "raadsleden.yaml": ("raadsleden", Member),
    "fracties.yaml": ("fracties", Party),
    "afkortingen.yaml": ("afkortingen", Abbreviation),
}
SYNONYMS_FILE = "synoniemen.yaml"
DOSSIER_DIR = "dossiers"


def knowledge_files(root: Path) -> list[Path]:
    """Every file that belongs to the knowledge base, in a stable order."""
    files = [root / name for name in (*REGISTER_FILES, SYNONYMS_FILE) if (root / name).is_file()]
    folder = root / DOSSIER_DIR
    if folder.is_dir():
        files += sorted(p for p in folder.iterdir()
                        if p.suffix in (".yaml", ".yml") and p.is_file())
    return files


def load_knowledge(root: Path | str, previous: KnowledgeBase | None = None) -> KnowledgeBase:
    """Load everything under root. With `previous`, a file that broke keeps its last good version."""
    root = Path(root)
    kb = KnowledgeBase(root=root)
    if not root.is_dir():
        kb.problems.append(Problem(root, None, "map met kennisbestanden bestaat niet"))
        return kb
    digest = hashlib.sha256()

    def read(path: Path) -> tuple[Any, SourceMap] | None:
        try:
            data, source, raw = load_yaml_file(path)
        except YamlFileError as exc:
            kb.problems.append(exc.problem)
            digest.update(str(path).encode())
            return None
        digest.update(str(path.relative_to(root)).encode() + b"\0" + raw + b"\0")
        kb.digests[path.relative_to(root).as_posix()] = hashlib.sha256(raw).hexdigest()
        return data, source

    registers: dict[str, list[BaseModel]] = {}
    for name, (key, model) in REGISTER_FILES.items():
        path = root / name
        if not path.is_file():
            kb.problems.append(Problem(path, None, "registerbestand ontbreekt", WARNING))
            continue
        loaded = read(path)
        items = _validate_register(path, loaded, key, model, kb) if loaded else None
        if items is None and previous is not None:
            items = _previous_register(previous, key)
            _keep_digest(kb, previous, path)
            if items:
                kb.problems.append(Problem(path, None, "vorige versie blijft in gebruik", WARNING))
        registers[key] = items or []

    synonyms: list[list[str]] = []
    path = root / SYNONYMS_FILE
    if path.is_file():
        loaded = read(path)
        if loaded is not None:
            synonyms = _validate_synonyms(path, *loaded, kb)
        elif previous is not None:
            synonyms = previous.registers.synonyms
            _keep_digest(kb, previous, path)

    kb.registers = Registers(
        members=registers.get("raadsleden", []),  # type: ignore[arg-type]
        parties=registers.get("fracties", []),  # type: ignore[arg-type]
        abbreviations=registers.get("afkortingen", []),  # type: ignore[arg-type]
        synonyms=synonyms,
    )

    folder = root / DOSSIER_DIR
    if not folder.is_dir():
        kb.problems.append(Problem(folder, None, "map 'dossiers' ontbreekt", WARNING))
    ids: dict[str, Path] = {}
    for path in knowledge_files(root):
        if path.parent != folder:
            continue
        dossier, source = _unchanged(kb, previous, path, digest)
        if dossier is None:
            start = len(kb.problems)
            loaded = read(path)
            dossier, source = _validate_dossier(path, loaded, kb) if loaded else (None, None)
            if dossier is not None:
                kb.parsed[path] = (kb.digests[path.relative_to(root).as_posix()], dossier,
                                   source, kb.problems[start:])
        if dossier is None and previous is not None:
            dossier, source = _previous_dossier(previous, path)
            _keep_digest(kb, previous, path)
            if dossier is not None:
                kb.problems.append(Problem(
                    path, None, "dit bestand is kapot; de vorige goede versie blijft in gebruik",
                    WARNING))
        if dossier is None:
            continue
        if dossier.id in ids:
            line = source.line(("id",)) if source else None
            kb.problems.append(Problem(
                path, line, f"dubbele id '{dossier.id}' (ook in {ids[dossier.id].name}); "
                "dit dossier wordt overgeslagen"))
            continue
        ids[dossier.id] = path
        kb.dossiers.append(dossier)
        kb.paths[dossier.id] = path
        if source is not None:
            kb.sources[dossier.id] = source
    kb.fingerprint = digest.hexdigest()
    _check_references(kb)
    return kb


def _validate_register(path, loaded, key, model, kb) -> list[BaseModel] | None:
    data, source = loaded
    prefix: tuple = ()
    if isinstance(data, dict) and list(data) == [key]:
        data, prefix = data[key], (key,)
    if not isinstance(data, list):
        kb.problems.append(Problem(path, source.line(),
                                   f"verwacht een lijst van {key} (regels met '- ')"))
        return None
    items, ok = [], True
    for index, item in enumerate(data):
        try:
            items.append(model.model_validate(item))
        except ValidationError as exc:
            ok = False
            kb.problems.extend(translate(exc, path, source, model, prefix + (index,)))
    return items if ok else None


def _validate_synonyms(path, data, source, kb) -> list[list[str]]:
    if isinstance(data, dict) and list(data) == ["synoniemen"]:
        data = data["synoniemen"]
    try:
        groups = TypeAdapter(list[list[str]]).validate_python(data)
    except ValidationError as exc:
        kb.problems.extend(translate(exc, path, source, None))
        return []
    return [[term.strip() for term in group if term.strip()] for group in groups]


def _validate_dossier(path: Path, loaded, kb) -> tuple[Dossier | None, SourceMap | None]:
    data, source = loaded
    if not isinstance(data, dict):
        kb.problems.append(Problem(path, source.line(),
                                   "een dossier moet een mapping zijn (titel:, vragen:, ...)"))
        return None, source
    try:
        dossier = Dossier.model_validate(data)
    except ValidationError as exc:
        kb.problems.extend(translate(exc, path, source, Dossier))
        return None, source
    if dossier.id is None:
        dossier.id = path.stem
    numbers: dict[int, int] = {}
    for index, question in enumerate(dossier.questions):
        if question.number is None:
            continue
        if question.number in numbers:
            kb.problems.append(Problem(
                path, source.line(("vragen", index, "nummer")),
                f"vraagnummer {question.number} staat dubbel (ook vraag {numbers[question.number]} "
                "in de lijst); nummers maken de voortgang van oefenrondes stabiel"))
        numbers[question.number] = index + 1
    return dossier, source


def _check_references(kb: KnowledgeBase) -> None:
    """Members and parties that the registers do not know: warnings with a suggestion."""
    reg = kb.registers

    def warn_unknown(path: Path, line: int | None, kind: str, name: str | None) -> None:
        if not name:
            return
        if kind == "raadslid":
            if not reg.members or reg.member(name, threshold=100):
                return
            register, hint = "raadsleden.yaml", reg.suggest_member(name)
        else:
            if not reg.parties or reg.party(name, threshold=100):
                return
            register, hint = "fracties.yaml", reg.suggest_party(name)
        kb.problems.append(Problem(
            path, line, f"{kind} '{name}' staat niet in {register}"
            + (f"; bedoelde u '{hint}'?" if hint else ""), WARNING))

    for dossier in kb.dossiers:
        source = kb.sources.get(dossier.id)
        path = kb.paths[dossier.id]

        def line(loc: tuple) -> int | None:
            return source.line(loc) if source else None

        for qi, question in enumerate(dossier.questions):
            askers = [(("vragen", qi), question.member, question.party)]
            askers += [(("vragen", qi, "varianten", vi), v.member, v.party)
                       for vi, v in enumerate(question.variants)]
            for loc, member, party in askers:
                warn_unknown(path, line(loc + ("raadslid",)), "raadslid", member)
                warn_unknown(path, line(loc + ("fractie",)), "fractie", party)
        for pi, party in enumerate(dossier.open_parties):
            warn_unknown(path, line(("open_fracties", pi)), "fractie", party)
    for member in reg.members:
        if member.party and reg.parties and reg.party(member.party, threshold=100) is None:
            kb.problems.append(Problem(
                kb.root / "raadsleden.yaml", None,
                f"fractie '{member.party}' van raadslid {member.name} staat niet in fracties.yaml",
                WARNING))


def _previous_register(previous: KnowledgeBase, key: str) -> list[BaseModel]:
    reg = previous.registers
    return {"raadsleden": reg.members, "fracties": reg.parties,
            "afkortingen": reg.abbreviations}[key]  # type: ignore[return-value]


def _unchanged(kb: KnowledgeBase, previous: KnowledgeBase | None, path: Path, digest):
    """The dossier of the previous load when the file's bytes are the same (no parsing)."""
    memo = previous.parsed.get(path) if previous is not None else None
    if memo is None:
        return None, None
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return None, None
        raw = path.read_bytes()
    except OSError:
        return None, None
    file_digest = hashlib.sha256(raw).hexdigest()
    if file_digest != memo[0]:
        return None, None
    relative = path.relative_to(kb.root)
    digest.update(str(relative).encode() + b"\0" + raw + b"\0")
    kb.digests[relative.as_posix()] = file_digest
    kb.problems.extend(memo[3])
    kb.parsed[path] = memo
    return memo[1], memo[2]


def _keep_digest(kb: KnowledgeBase, previous: KnowledgeBase, path: Path) -> None:
    """A file that keeps its previous version keeps that version's hash."""
    relative = path.relative_to(kb.root).as_posix()
    if relative in previous.digests:
        kb.digests[relative] = previous.digests[relative]
    else:
        kb.digests.pop(relative, None)


def read_dossier(path: Path) -> tuple[Dossier | None, list[Problem]]:
    """One dossier file on its own, as load_knowledge() reads it (for the index, which
    keeps the other files' cards and parses only a changed one)."""
    kb = KnowledgeBase(root=path.parent)
    try:
        data, source, _ = load_yaml_file(path)
    except YamlFileError as exc:
        return None, [exc.problem]
    dossier, _ = _validate_dossier(path, (data, source), kb)
    return dossier, kb.problems


def _previous_dossier(previous: KnowledgeBase, path: Path):
    for dossier_id, old_path in previous.paths.items():
        if old_path == path:
            dossier = next((d for d in previous.dossiers if d.id == dossier_id), None)
            return dossier, previous.sources.get(dossier_id)
    return None, None
