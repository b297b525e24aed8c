"""Add `varianten` entries to questions in a dossier file by inserting lines, so that every other
byte of the file (comments, order, quoting, wrapping, indentation, line endings) stays as it was.

Why not a YAML round-trip library: ruamel.yaml 0.19.1 (round-trip mode) was measured on load
and dump without change (scripts/measure_roundtrip.py). With its defaults none of the five
bundled dossiers came back byte-identical; with preserve_quotes, an unlimited width,
indent(mapping=2, sequence=4, offset=2) and `null` written as `null` all five did, but the same
settings changed 10 of 10 dossiers written by `briefing import` (which indents lists differently)
and both hand-edited samples (CRLF line endings, `~`, a wrapped plain scalar, mixed list
indentation). ruamel documents that indentation is made consistent, never preserved. An adviser's
own file must not be reformatted by a tool that only adds a line, so this module finds the place
with the parser's own marks (the same PyYAML the loader uses), inserts the new lines there, and
then checks the result: parsed again it must be the old data plus exactly the new variants, and
the old lines must all still be there in order (only inserted lines, plus at most the one line
that held an empty `varianten: []`, or a flow list that gets the new entry)."""

from __future__ import annotations

import copy
import difflib
from dataclasses import dataclass, field
from typing import Any

import yaml

from briefing.model.serialize import dump_yaml

DEFAULT_SEQUENCE_OFFSET = 2  # `key:` then `  - item`, as in the bundled dossiers


class EditError(Exception):
    """The file cannot take the variant safely; the message is Dutch and names the line."""


@dataclass
class Addition:
    """A variant for the question at index `question` of the file's `vragen` list."""

    question: int
    text: str
    member: str | None = None
    party: str | None = None

    def item(self) -> dict[str, str]:
        data: dict[str, str] = {}
        if self.member:
            data["raadslid"] = self.member
        if self.party:
            data["fractie"] = self.party
        data["vraag"] = self.text
        return data


@dataclass
class _Edit:
    start: int            # character offsets into the text
    end: int
    insert: str
    lines: list[int] = field(default_factory=list)


def newline_of(text: str) -> str:
    """The file's own line ending: CRLF when every line break is CRLF, else LF."""
    return "\r\n" if "\r\n" in text and text.count("\r\n") == text.count("\n") else "\n"


def add_variants(text: str, additions: list[Addition]) -> str:
    """The text with each addition inserted as a `varianten` entry. Raises EditError."""
    if not additions:
        return text
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)  # pure Python: marks are str offsets
        old_data = yaml.load(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        raise EditError(f"het bestand is geen geldige YAML meer ({exc})") from None
    questions = _questions_node(root)
    nl = newline_of(text)
    by_question: dict[int, list[Addition]] = {}
    for addition in additions:
        if not 0 <= addition.question < len(questions.value):
            raise EditError(f"vraag {addition.question + 1} staat niet (meer) in het bestand")
        by_question.setdefault(addition.question, []).append(addition)

    edits = [_edit_for(text, questions.value[index], adds, nl)
             for index, adds in sorted(by_question.items())]
    new = text
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        new = new[:edit.start] + edit.insert + new[edit.end:]
    _verify(text, new, old_data, by_question)
    return new


def _questions_node(root: yaml.Node | None) -> yaml.SequenceNode:
    if not isinstance(root, yaml.MappingNode):
        raise EditError("het bestand is geen dossier (geen mapping bovenaan)")
    value = _get(root, "vragen")
    if not isinstance(value, yaml.SequenceNode):
        raise EditError("het dossier heeft geen lijst 'vragen'")
    return value


def _get(node: yaml.MappingNode, key: str) -> yaml.Node | None:
    pair = _pair(node, key)
    return pair[1] if pair else None


def _pair(node: yaml.MappingNode, key: str) -> tuple[yaml.Node, yaml.Node] | None:
    for k, v in node.value:
        if isinstance(k, yaml.ScalarNode) and k.value == key:
            return k, v
    return None


def _line(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def _content_end(node: yaml.Node) -> int:
    """Offset just past the node's own text. A block collection's end mark lies at the next
    token (possibly lines further on), so descend to its last scalar or flow collection."""
    while isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and not node.flow_style \
            and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(node, yaml.MappingNode) else last
    return node.end_mark.index


def _after_line_of(text: str, end: int) -> int:
    """Where new lines go after content ending at `end`: the start of the next line. A block
    scalar (`|`, `>`) ends at the start of the line after it: that is the place itself."""
    line_start = text.rfind("\n", 0, end) + 1
    if not text[line_start:end].strip():
        return line_start
    newline = text.find("\n", end)
    return len(text) if newline < 0 else newline + 1


def _sequence_offset(question: yaml.MappingNode) -> int:
    """How this file indents a list under its key (`antwoord:` then `  - ...` or `- ...`)."""
    for key, value in question.value:
        if isinstance(value, yaml.SequenceNode) and not value.flow_style and value.value:
            if value.start_mark.line > key.start_mark.line:
                return max(0, value.start_mark.column - key.start_mark.column)
    return DEFAULT_SEQUENCE_OFFSET


def _items_text(additions: list[Addition], dash_column: int, nl: str) -> str:
    block = dump_yaml([a.item() for a in additions])
    pad = " " * dash_column
    return "".join(pad + line + nl for line in block.splitlines())


def _flow_items_text(additions: list[Addition]) -> str:
    parts = []
    for addition in additions:
        flow = yaml.safe_dump(addition.item(), default_flow_style=True, allow_unicode=True,
                              sort_keys=False, width=1_000_000).strip()
        parts.append(flow)
    return ", ".join(parts)


def _edit_for(text: str, question: yaml.Node, additions: list[Addition], nl: str) -> _Edit:
    if not isinstance(question, yaml.MappingNode) or question.flow_style:
        line = question.start_mark.line + 1
        raise EditError(f"regel {line}: deze vraag staat niet in blokvorm ('sleutel: waarde' "
                        "onder elkaar); voeg de variant met de hand toe")
    pair = _pair(question, "varianten")
    if pair is None:
        vraag = _pair(question, "vraag")
        if vraag is None:
            raise EditError(f"regel {question.start_mark.line + 1}: vraag zonder 'vraag:'")
        key_column = vraag[0].start_mark.column
        at = _after_line_of(text, _content_end(vraag[1]))
        prefix = nl if at == len(text) and text and not text.endswith("\n") else ""
        insert = (prefix + " " * key_column + "varianten:" + nl
                  + _items_text(additions, key_column + _sequence_offset(question), nl))
        return _Edit(at, at, insert)
    key, value = pair
    if isinstance(value, yaml.SequenceNode) and not value.flow_style:
        at = _after_line_of(text, _content_end(value))
        prefix = nl if at == len(text) and not text.endswith("\n") else ""
        return _Edit(at, at, prefix + _items_text(additions, value.start_mark.column, nl))
    empty_flow = isinstance(value, yaml.SequenceNode) and not value.value
    empty_null = isinstance(value, yaml.ScalarNode) and value.tag == "tag:yaml.org,2002:null"
    if (empty_flow or empty_null) and value.start_mark.line == key.start_mark.line:
        # `varianten: []` (or `varianten:` / `varianten: ~`): the empty value goes, the entries
        # follow as a block list; anything after it on the line (a comment) stays.
        start, end = value.start_mark.index, value.end_mark.index
        while start > 0 and text[start - 1] == " " and start > key.end_mark.index + 1:
            start -= 1
        newline = text.find("\n", end)
        rest = text[end:] if newline < 0 else text[end:newline + 1]
        if newline < 0:
            rest += nl
        at = len(text) if newline < 0 else newline + 1
        block = _items_text(additions, key.start_mark.column + _sequence_offset(question), nl)
        return _Edit(start, at, rest + block)
    if isinstance(value, yaml.SequenceNode) and value.flow_style:
        close = value.end_mark.index - 1  # the `]`
        if text[close] != "]":
            raise EditError(f"regel {_line(text, close)}: lijst 'varianten' niet te lezen")
        separator = ", " if value.value else ""
        return _Edit(close, close, separator + _flow_items_text(additions))
    raise EditError(f"regel {key.start_mark.line + 1}: 'varianten' is geen lijst; "
                    "voeg de variant met de hand toe")


def _verify(old: str, new: str, old_data: Any, by_question: dict[int, list[Addition]]) -> None:
    """The edit did only what it should, or nothing is written."""
    expected = copy.deepcopy(old_data)
    for index, additions in by_question.items():
        question = expected["vragen"][index]
        if not isinstance(question.get("varianten"), list):
            question["varianten"] = []
        question["varianten"].extend(a.item() for a in additions)
    try:
        got = yaml.load(new, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        raise EditError(f"interne controle: het resultaat is geen geldige YAML ({exc}); "
                        "niets geschreven") from None
    if got != expected:
        raise EditError("interne controle: het resultaat wijkt af van het bestand plus de "
                        "nieuwe varianten; niets geschreven")
    old_lines, new_lines = old.splitlines(), new.splitlines()
    changed = 0
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    for tag, i1, i2, _, _ in matcher.get_opcodes():
        if tag in ("replace", "delete"):
            changed += i2 - i1
    if changed > len(by_question):
        raise EditError("interne controle: er zouden bestaande regels veranderen; niets "
                        "geschreven")
