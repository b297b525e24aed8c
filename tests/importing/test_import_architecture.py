"""The importer's shape: readers -> blocks -> recognisers -> events -> one builder. No class
grows past ~300 lines (the old recogniser was one class of ~1,800 over four mixins) and no
module of the package imports one that imports it back."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import REPO

PACKAGE = REPO / "briefing" / "importing"
MAX_CLASS_LINES = 300


def _modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(REPO).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


def _imports(path: Path, modules: dict[str, Path], name: str) -> set[str]:
    """Modules of the package that `name` imports when it runs (not for type checking)."""
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                continue
            if isinstance(child, ast.ImportFrom) and child.module:
                subs = [f"{child.module}.{a.name}" for a in child.names]
                hits = [s for s in subs if s in modules]
                found.update(hits or ([child.module] if child.module in modules else []))
            elif isinstance(child, ast.Import):
                found.update(a.name for a in child.names if a.name in modules)
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    found.discard(name)
    return found


def test_no_import_circle_in_the_importer():
    modules = _modules()
    graph = {name: _imports(path, modules, name) for name, path in modules.items()}
    circles, state = [], {}

    def walk(node: str, stack: list[str]) -> None:
        state[node] = "open"
        stack.append(node)
        for target in sorted(graph[node]):
            if target.startswith(node + "."):
                continue  # a package presents its own modules
            if state.get(target) == "open":
                circles.append(" -> ".join(stack[stack.index(target):] + [target]))
            elif target not in state:
                walk(target, stack)
        stack.pop()
        state[node] = "done"

    for name in sorted(graph):
        if name not in state:
            walk(name, [])
    assert circles == []


def test_no_class_over_300_lines():
    long = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                size = node.end_lineno - node.lineno + 1
                if size > MAX_CLASS_LINES:
                    long.append(f"{path.name}:{node.name} ({size} regels)")
    assert long == []


def test_recognisers_are_plain_functions():
    """A recogniser is a function of the block in hand: it keeps nothing between blocks."""
    import types

    from briefing.importing import rules
    from briefing.importing.rules import header, questions

    for chain in (rules.PRELUDE, rules.BODY, header.HEADER_RULES, questions.QA_RULES):
        assert chain and all(isinstance(rule, types.FunctionType) for rule in chain)
