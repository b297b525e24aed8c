"""Load a knowledge folder. Never raises for bad content: problems are collected per file,
and a broken file is skipped (or its last good version kept) so the rest stays usable."""

from __future__ import annotations

import hashlib
import os
import re
import stat
import time
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from briefing.fileio import STALE_TEMP_SECONDS
from briefing.model.dossier import Dossier
from briefing.model.knowledge import KnowledgeBase
from briefing.model.problems import WARNING, Problem
from briefing.model.registers import Abbreviation, Member, Party, Registers
from briefing.model.validation import translate
from briefing.model.yamlsource import (
    SourceMap, YamlFileError, control_text_lines, file_kind, load_yaml_file, read_bytes_limited,
)
from briefing.safetext import printable, printable_data

REGISTER_FILES = {
    "raadsleden.yaml": ("raadsleden", Member),
    "fracties.yaml": ("fracties", Party),
    "afkortingen.yaml": ("afkortingen", Abbreviation),
}
SYNONYMS_FILE = "synoniemen.yaml"
DOSSIER_DIR = "dossiers"


# What fileio.write_atomic leaves behind when it is killed: .NAME.yaml.XXXXXXXX.tmp. Younger
# than STALE_TEMP_SECONDS it is probably a write in progress (an import, the app).
TEMP_FILE = re.compile(r"\..+\.ya?ml\.[A-Za-z0-9_]+\.tmp")


def knowledge_files(root: Path) -> list[Path]:
    """Every file that belongs to the knowledge base, in a stable order: regular files inside
    the knowledge folder only (see scan_knowledge)."""
    return scan_knowledge(root)[0]


def scan_knowledge(root: Path) -> tuple[list[Path], list[Problem]]:
    """The knowledge files, and problems with what was left out.

    A symbolic link is followed only when it stays inside the knowledge folder: a link in
    dossiers/ to a geheim dossier elsewhere, /etc/passwd or /proc/self/environ is never read
    (a knowledge base arrives by git, and git stores links). FIFOs, devices and sockets are
    never opened. Temporary files of an interrupted write are reported once they are stale."""
    root = Path(root)
    problems: list[Problem] = []
    try:
        real_root = root.resolve()
    except (OSError, RuntimeError):
        return [], problems
    candidates = [root / name for name in (*REGISTER_FILES, SYNONYMS_FILE)]
    folder = root / DOSSIER_DIR
    for directory in (root, folder):
        try:
            names = sorted(os.listdir(directory))
        except OSError:
            continue
        if directory == folder:
            candidates += [folder / n for n in names if n.endswith((".yaml", ".yml"))]
        for name in names:
            if TEMP_FILE.fullmatch(name):
                problem = _stale_temp_file(directory / name)
                if problem:
                    problems.append(problem)
    files = []
    for path in candidates:
        try:
            mode = os.lstat(path).st_mode
        except OSError:
            continue
        if stat.S_ISLNK(mode):
            try:
                target = path.resolve(strict=True)
                mode = os.stat(target).st_mode
            except (OSError, RuntimeError):
                problems.append(Problem(path, None, "symbolische link die nergens naar wijst; "
                                        "wordt overgeslagen", WARNING))
                continue
            if not target.is_relative_to(real_root):
                problems.append(Problem(
                    path, None,
                    f"symbolische link naar een bestand buiten de kennismap ({_link_text(path)});"
                    " wordt niet gelezen. Zet het bestand zelf in de kennismap als het erbij hoort"))
                continue
        if stat.S_ISDIR(mode):
            continue
        if not stat.S_ISREG(mode):
            problems.append(Problem(path, None, f"{file_kind(mode)}, geen gewoon bestand; "
                                    "wordt niet gelezen"))
            continue
        files.append(path)
    return files, problems


def _link_text(path: Path) -> str:
    try:
        return printable(os.readlink(path))
    except OSError:
        return "?"


def _stale_temp_file(path: Path) -> Problem | None:
    try:
        age = time.time() - os.lstat(path).st_mtime
    except OSError:
        return None
    if age < STALE_TEMP_SECONDS:
        return None
    return Problem(path, None, "tijdelijk bestand van een afgebroken schrijfactie (import, "
                   "export of de app werd onderbroken); controleer of de echte versie goed is en "
                   "verwijder dit bestand, anders neemt 'git add' het mee")


def load_knowledge(root: Path | str, previous: KnowledgeBase | None = None) -> KnowledgeBase:
    """Load everything under root. With `previous`, a file that broke keeps its last good version."""
    root = Path(root)
    kb = KnowledgeBase(root=root)
    if not root.is_dir():
        kb.problems.append(Problem(root, None, "map met kennisbestanden bestaat niet"))
        return kb
    digest = hashlib.sha256()
    files, scan_problems = scan_knowledge(root)
    kb.problems.extend(scan_problems)
    accepted = set(files)

    def read(path: Path) -> tuple[Any, SourceMap] | None:
        try:
            data, source, raw = load_yaml_file(path)
        except YamlFileError as exc:
            kb.problems.append(exc.problem)
            digest.update(str(path).encode())
            return None
        digest.update(str(path.relative_to(root)).encode() + b"\0" + raw + b"\0")
        kb.digests[path.relative_to(root).as_posix()] = hashlib.sha256(raw).hexdigest()
        return _cleaned(path, data, source, kb), source

    def validated(path: Path, validate) -> Any:
        """validate(loaded) for one file; a bug or an unforeseen value costs only that file."""
        try:
            loaded = read(path)
            return None if loaded is None else validate(loaded)
        except Exception as exc:  # noqa: BLE001 - one bad file must not take the rest down
            kb.problems.append(_internal_problem(path, exc))
            return None

    registers: dict[str, list[BaseModel]] = {}
    for name, (key, model) in REGISTER_FILES.items():
        path = root / name
        if path not in accepted:
            if not any(p.path == path for p in scan_problems):
                kb.problems.append(Problem(path, None, "registerbestand ontbreekt", WARNING))
            continue
        items = validated(path, lambda loaded: _validate_register(path, loaded, key, model, kb))
        if items is None and previous is not None:
            items = _previous_register(previous, key)
            _keep_digest(kb, previous, path)
            if items:
                kb.problems.append(Problem(path, None, "vorige versie blijft in gebruik", WARNING))
        registers[key] = items or []

    synonyms: list[list[str]] = []
    path = root / SYNONYMS_FILE
    if path in accepted:
        found = validated(path, lambda loaded: _validate_synonyms(path, *loaded, kb))
        if found is not None:
            synonyms = found
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
    for path in files:
        if path.parent != folder:
            continue
        dossier, source = _unchanged(kb, previous, path, digest)
        if dossier is None:
            start = len(kb.problems)
            dossier, source = validated(
                path, lambda loaded: _validate_dossier(path, loaded, kb)) or (None, None)
            if dossier is not None and path.relative_to(root).as_posix() in kb.digests:
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
        raw = read_bytes_limited(path)
    except YamlFileError:
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
    keeps the other files' cards and parses only a changed one): the same control-character
    cleaning, and an unforeseen error costs only this file."""
    kb = KnowledgeBase(root=path.parent)
    try:
        data, source, _ = load_yaml_file(path)
        data = _cleaned(path, data, source, kb)
        dossier, _ = _validate_dossier(path, (data, source), kb)
    except YamlFileError as exc:
        return None, [exc.problem]
    except Exception as exc:  # noqa: BLE001 - as in load_knowledge
        return None, [_internal_problem(path, exc)]
    return dossier, kb.problems


def _cleaned(path: Path, data: Any, source: SourceMap, kb: KnowledgeBase) -> Any:
    """data without control characters; a warning with file:line for each text that had some.
    Cleaned in the loader, so nothing after it (index, app, export) ever sees them."""
    controls = control_text_lines(source.root)
    for line, what in controls:
        kb.problems.append(Problem(
            path, line, f"tekst bevat stuurtekens ({what}); die worden nooit getoond. "
            "Verwijder ze (vaak meegekomen met plakken uit een ander programma)", WARNING))
    return printable_data(data) if controls else data


def _internal_problem(path: Path, exc: Exception) -> Problem:
    return Problem(path, None, f"bestand kon niet worden verwerkt ({type(exc).__name__}: "
                   f"{printable(str(exc))[:200]}); het wordt overgeslagen")


def _previous_dossier(previous: KnowledgeBase, path: Path):
    for dossier_id, old_path in previous.paths.items():
        if old_path == path:
            dossier = next((d for d in previous.dossiers if d.id == dossier_id), None)
            return dossier, previous.sources.get(dossier_id)
    return None, None
