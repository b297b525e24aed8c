"""Safe YAML reading that keeps line numbers, and refuses hostile or unreadable files."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from briefing.model.problems import Problem

MAX_FILE_BYTES = 10 * 1024 * 1024
# Lists and mappings inside each other. A dossier needs about ten (a sub-line of a sub-line of an
# answer); libyaml's composer recurses in C and crashes the process at some 30,000 levels, so
# the depth is counted while composing, before anything deep is built.
MAX_DEPTH = 64

# Only the plain YAML types: anything else (e.g. !!python/object) is refused, never constructed.
SAFE_TAGS = {
    "tag:yaml.org,2002:" + name
    for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
}

_DUTCH_YAML_PROBLEMS = {
    "mapping values are not allowed here": "een dubbele punt op een plek waar dat niet mag "
    "(zet de tekst tussen aanhalingstekens)",
    "could not find expected ':'": "verwachtte een 'sleutel: waarde'-regel",
    "found character '\\t' that cannot start any token": "een tab-teken; gebruik spaties om in te springen",
    "expected <block end>, but found '-'": "een lijstregel ('-') die niet goed is ingesprongen",
    "expected <block end>, but found '<block mapping start>'": "een regel die niet goed is ingesprongen",
    "expected <block end>, but found '<scalar>'": "een regel die niet goed is ingesprongen",
    "found undefined alias": "een onbekende verwijzing (*alias)",
    "found unexpected end of stream": "het bestand houdt onverwacht op (aanhalingsteken niet gesloten?)",
    "found unknown escape character": "een onbekend escape-teken na '\\' (gebruik enkele aanhalingstekens)",
    "expected a single document in the stream": "meer dan één YAML-document ('---') in één bestand",
    "found duplicate anchor": "een dubbel anker (&naam)",
    # libyaml's wording (the C parser is used when present).
    "mapping values are not allowed in this context": "een dubbele punt op een plek waar dat "
    "niet mag (zet de tekst tussen aanhalingstekens)",
    "found unexpected ':'": "een dubbele punt op een plek waar dat niet mag (zet de tekst "
    "tussen aanhalingstekens)",
    "did not find expected key": "een regel die niet goed is ingesprongen, of tekst achter een "
    "waarde tussen aanhalingstekens",
    "did not find expected '-' indicator": "een lijstregel ('-') die niet goed is ingesprongen",
    "found character that cannot start any token": "een teken waarmee een waarde niet mag "
    "beginnen (een tab, @ of `); gebruik spaties of zet de tekst tussen aanhalingstekens",
    "but found another document": "meer dan één YAML-document ('---') in één bestand",
    "did not find expected ',' or ']'": "een lijst tussen [ ] die niet goed gesloten is (zet "
    "tekst met een dubbele punt of komma tussen aanhalingstekens)",
    "did not find expected ',' or '}'": "een opsomming tussen { } die niet goed gesloten is (zet "
    "de tekst tussen aanhalingstekens)",
    "did not find expected node content": "een waarde die ontbreekt of met een teken begint dat "
    "niet mag (zoals } of ]); zet de tekst tussen aanhalingstekens",
    "found unknown directive name": "een regel die met % begint; zet de tekst tussen "
    "aanhalingstekens",
    "did not find expected comment or line break": "tekst achter een waarde tussen "
    "aanhalingstekens op dezelfde regel",
}
# Said when the parser's problem is not in the list above: Dutch, never the English original.
_DUTCH_YAML_FALLBACK = ("de opbouw klopt hier niet (controleer inspringing, dubbele punten en "
                        "aanhalingstekens)")


# LibYAML's parser when present (about 10x faster on large knowledge bases); same safe
# constructor, same marks for line numbers.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _SafeLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """The safe loader, except that a value that looks like a date or number but is none
    (2024-02-30, a 5,000-digit number) stays text instead of raising ValueError from deep inside
    PyYAML: validation then reports it with its line, like any other wrong value."""


def _lenient(construct):
    def construct_or_text(loader, node):
        try:
            return construct(loader, node)
        except (ValueError, OverflowError):
            return loader.construct_scalar(node)
    return construct_or_text


for _tag, _construct in (("timestamp", SafeConstructor.construct_yaml_timestamp),
                         ("int", SafeConstructor.construct_yaml_int),
                         ("float", SafeConstructor.construct_yaml_float)):
    _SafeLoader.add_constructor("tag:yaml.org,2002:" + _tag, _lenient(_construct))


class YamlFileError(Exception):
    """A file that cannot be read as safe YAML; carries the Dutch problem."""

    def __init__(self, problem: Problem):
        super().__init__(problem.message)
        self.problem = problem


@dataclass
class SourceMap:
    """Finds the line (1-based) of a value by its path of keys and indexes."""

    root: yaml.Node | None

    def line(self, loc: tuple[Any, ...] = ()) -> int | None:
        node = self.root
        best = node.start_mark.line + 1 if node is not None else None
        for part in loc:
            child = _child(node, part)
            if child is None:
                break
            node = child
            best = node.start_mark.line + 1
        return best

    def key_line(self, loc: tuple[Any, ...]) -> int | None:
        """The line of the key itself (for unknown keys), else of the value."""
        if not loc:
            return self.line(loc)
        parent = self.root
        for part in loc[:-1]:
            parent = _child(parent, part)
            if parent is None:
                return self.line(loc[:-1])
        if isinstance(parent, yaml.MappingNode):
            for key, _ in parent.value:
                if isinstance(key, yaml.ScalarNode) and key.value == str(loc[-1]):
                    return key.start_mark.line + 1
        return self.line(loc)


def _child(node: yaml.Node | None, part: Any) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode) and key.value == str(part):
                return value
    elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
        if 0 <= part < len(node.value):
            return node.value[part]
    return None


def file_kind(mode: int) -> str:
    """Dutch name of a kind of file that is not a regular file."""
    if stat.S_ISDIR(mode):
        return "een map"
    if stat.S_ISFIFO(mode):
        return "een named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "een apparaatbestand"
    if stat.S_ISSOCK(mode):
        return "een socket"
    if stat.S_ISLNK(mode):
        return "een symbolische link"
    return "geen gewoon bestand"


def _too_big(path: Path, size: int) -> YamlFileError:
    return YamlFileError(Problem(
        path, None,
        f"bestand is te groot ({size / 1024 / 1024:.1f} MB; de grens is "
        f"{MAX_FILE_BYTES // 1024 // 1024} MB): is dit wel een kennisbestand?",
    ))


def read_bytes_limited(path: Path) -> bytes:
    """The bytes of a regular file of at most MAX_FILE_BYTES. A FIFO, device or socket is never
    opened for reading (it could block forever or never end), and the read is bounded even when
    the size the file system reports is wrong (/proc files say 0). Raises YamlFileError."""
    def unreadable(exc: OSError) -> YamlFileError:
        return YamlFileError(Problem(path, None, f"bestand niet te lezen: {exc.strerror or exc}"))

    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        raise unreadable(exc) from None
    if not stat.S_ISREG(mode):
        raise YamlFileError(Problem(path, None, f"{file_kind(mode)}, geen gewoon bestand; "
                                    "wordt niet gelezen"))
    try:
        # O_NONBLOCK: if the file was swapped for a FIFO since the stat, open does not hang.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise unreadable(exc) from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise YamlFileError(Problem(path, None, f"{file_kind(info.st_mode)}, geen gewoon "
                                        "bestand; wordt niet gelezen"))
        if info.st_size > MAX_FILE_BYTES:
            raise _too_big(path, info.st_size)
        try:
            raw = handle.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            raise unreadable(exc) from None
    if len(raw) > MAX_FILE_BYTES:
        raise _too_big(path, len(raw))
    return raw


def read_text(path: Path) -> tuple[str, bytes]:
    """The file's text (UTF-8, BOM removed) and raw bytes; Dutch errors for the usual trouble."""
    raw = read_bytes_limited(path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise YamlFileError(Problem(
            path, line,
            f"geen geldige UTF-8-tekst (byte 0x{raw[exc.start]:02x}); "
            "sla het bestand op als UTF-8",
        )) from None
    if "\x00" in text:
        raise YamlFileError(Problem(path, text[: text.index("\x00")].count("\n") + 1,
                                    "bestand bevat binaire gegevens (nul-tekens); geen YAML"))
    return text, raw


def parse_yaml(path: Path, text: str) -> tuple[Any, SourceMap]:
    """Parse text safely: the data and a map back to line numbers. Raises YamlFileError."""
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        raise YamlFileError(Problem(path, None, "bestand is leeg"))
    loader = _SafeLoader(text)
    try:
        node = _compose(path, loader)
        if node is None:
            raise YamlFileError(Problem(path, None, "bestand is leeg"))
        _check_node(path, node)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = str(exc.problem or exc.context or "onbekende fout").strip()
        message = _DUTCH_YAML_PROBLEMS.get(problem)
        if message is None:
            for english, dutch in _DUTCH_YAML_PROBLEMS.items():
                if problem.startswith(english):
                    message = dutch
                    break
        column = f", kolom {mark.column + 1}" if mark else ""
        raise YamlFileError(Problem(
            path, line, f"ongeldige YAML{column}: {message or _DUTCH_YAML_FALLBACK}"
        )) from None
    except yaml.YAMLError as exc:
        raise YamlFileError(Problem(path, None, f"ongeldige YAML: {exc}")) from None
    except RecursionError:
        raise YamlFileError(Problem(path, None, "YAML is te diep genest")) from None
    finally:
        loader.dispose()
    return data, SourceMap(node)


def _compose(path: Path, loader) -> yaml.Node | None:
    """The document's node tree, built from the parser's events with an explicit stack, so its
    depth is checked before it grows (PyYAML's composers recurse: libyaml's crashes the process
    on very deep nesting). Refuses aliases and a second document."""
    loader.get_event()  # stream start
    if loader.check_event(yaml.StreamEndEvent):
        return None
    loader.get_event()  # document start
    get_event, resolve = loader.get_event, loader.resolve
    scalar_node, sequence_node, mapping_node = yaml.ScalarNode, yaml.SequenceNode, yaml.MappingNode
    root: yaml.Node | None = None
    parents: list[yaml.Node] = []   # the open collections, innermost last
    keys: list[yaml.Node | None] = []  # per open mapping: the key waiting for its value

    while True:
        event = get_event()
        kind = event.__class__
        if kind is yaml.ScalarEvent:
            tag = event.tag
            if tag is None or tag == "!":
                tag = resolve(scalar_node, event.value, event.implicit)
            node = scalar_node(tag, event.value, event.start_mark, event.end_mark,
                               style=event.style)
        elif kind is yaml.SequenceStartEvent or kind is yaml.MappingStartEvent:
            if len(parents) >= MAX_DEPTH:
                raise YamlFileError(Problem(
                    path, event.start_mark.line + 1,
                    f"te diep genest (meer dan {MAX_DEPTH} lijsten of mappings in elkaar); "
                    "een kennisbestand heeft er hooguit een stuk of tien nodig",
                ))
            node_class = sequence_node if kind is yaml.SequenceStartEvent else mapping_node
            tag = event.tag
            if tag is None or tag == "!":
                tag = resolve(node_class, None, event.implicit)
            node = node_class(tag, [], event.start_mark, None, flow_style=event.flow_style)
        elif kind is yaml.SequenceEndEvent or kind is yaml.MappingEndEvent:
            parents.pop().end_mark = event.end_mark
            keys.pop()
            continue
        elif kind is yaml.DocumentEndEvent:
            break
        elif kind is yaml.AliasEvent:
            # An alias (*x) reuses a node: refused, because cycles and 'billion laughs'
            # expansions would hang validation, and knowledge files never need them.
            raise YamlFileError(Problem(
                path, event.start_mark.line + 1,
                "verwijzingen met &anker en *alias worden niet ondersteund; schrijf de tekst uit",
            ))
        else:
            continue
        if not parents:
            root = node
        else:
            parent = parents[-1]
            if parent.__class__ is sequence_node:
                parent.value.append(node)
            elif keys[-1] is None:
                keys[-1] = node
            else:
                parent.value.append((keys[-1], node))
                keys[-1] = None
        if node.__class__ is not scalar_node:
            parents.append(node)
            keys.append(None)
    if not loader.check_event(yaml.StreamEndEvent):
        event = loader.peek_event()
        raise YamlFileError(Problem(
            path, event.start_mark.line + 1 if event.start_mark else None,
            "ongeldige YAML: " + _DUTCH_YAML_PROBLEMS["expected a single document in the stream"]))
    return root


def _check_node(path: Path, root: yaml.Node) -> None:
    """Refuse unsafe tags and duplicate keys before anything is constructed."""
    stack = [root]
    while stack:
        node = stack.pop()
        if node.tag not in SAFE_TAGS:
            raise YamlFileError(Problem(
                path, node.start_mark.line + 1,
                f"onveilige of onbekende YAML-tag '{node.tag.replace('tag:yaml.org,2002:', '!!')}'"
                " (wordt niet uitgevoerd; gebruik gewone tekst)",
            ))
        if isinstance(node, yaml.MappingNode):
            keys: dict[str, int] = {}
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in keys:
                        raise YamlFileError(Problem(
                            path, key.start_mark.line + 1,
                            f"sleutel '{key.value}' staat dubbel (ook op regel {keys[key.value]})",
                        ))
                    keys[key.value] = key.start_mark.line + 1
                stack.extend((key, value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


def control_text_lines(root: yaml.Node | None) -> list[tuple[int, str]]:
    """(line, what) for every key or value whose text holds escape sequences, control
    characters or bidi overrides (what printable() removes), in file order."""
    from briefing.safetext import describe_controls, has_controls

    found = []
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            if has_controls(node.value):
                found.append((node.start_mark.line + 1, describe_controls(node.value)))
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.extend((key, value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return sorted(found)


def load_yaml_file(path: Path) -> tuple[Any, SourceMap, bytes]:
    text, raw = read_text(path)
    data, source = parse_yaml(path, text)
    return data, source, raw
