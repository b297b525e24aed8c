"""Turn pydantic validation errors into Dutch problems with line numbers and suggestions."""

from __future__ import annotations

import difflib
import types
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from briefing.model.problems import Problem
from briefing.model.yamlsource import SourceMap

_TYPE_NAMES = {
    str: "tekst", int: "geheel getal", float: "getal", bool: "ja/nee", list: "lijst",
    dict: "mapping (sleutel: waarde)", type(None): "leeg (null)",
}


def _yaml_type(value: Any) -> str:
    for py_type, name in _TYPE_NAMES.items():
        if type(value) is py_type:
            return name
    return type(value).__name__


def _unwrap(annotation: Any) -> Any:
    """list[X] / X | None -> X, so we can walk to the model at a location."""
    while True:
        origin = typing.get_origin(annotation)
        if origin in (list, typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            if not args:
                return None
            annotation = args[0]
        else:
            return annotation


def _shown(value: Any, limit: int = 40) -> str:
    """A value as quoted in a message: printable, and short (a 5,000-digit number or a pasted
    page must not fill the screen)."""
    from briefing.safetext import printable

    text = printable(str(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _model_at(model: type[BaseModel] | None, loc: tuple[Any, ...]) -> type[BaseModel] | None:
    for part in loc:
        if model is None:
            return None
        if isinstance(part, int):
            continue
        field = next(
            (f for name, f in model.model_fields.items() if (f.alias or name) == part), None
        )
        if field is None:
            return None
        inner = _unwrap(field.annotation)
        model = inner if isinstance(inner, type) and issubclass(inner, BaseModel) else None
    return model


def allowed_keys(model: type[BaseModel]) -> list[str]:
    return [f.alias or name for name, f in model.model_fields.items()]


def translate(
    exc: ValidationError,
    path: Path,
    source: SourceMap,
    root_model: type[BaseModel] | None,
    prefix: tuple[Any, ...] = (),
) -> list[Problem]:
    problems = []
    for error in exc.errors():
        loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and "[" in p))
        # A line given as plain text is validated as {tekst: ...}: report at the string itself.
        kind = error["type"]
        value = error.get("input")
        full = prefix + loc
        where = " > ".join(str(p + 1) if isinstance(p, int) else str(p) for p in loc) or "bestand"
        if kind == "extra_forbidden":
            key = str(loc[-1])
            model = _model_at(root_model, loc[:-1])
            keys = allowed_keys(model) if model else []
            close = difflib.get_close_matches(key, keys, n=1, cutoff=0.5)
            hint = f"; bedoelde u '{close[0]}'?" if close else (
                f"; toegestaan: {', '.join(keys)}" if keys else "")
            problems.append(Problem(path, source.key_line(full),
                                    f"onbekende sleutel '{_shown(key)}'{hint}"))
            continue
        line = source.line(full)
        if kind == "missing":
            parent_line = source.line(full[:-1])
            problems.append(Problem(path, parent_line, f"verplichte sleutel '{loc[-1]}' ontbreekt"
                                    + (f" (in {' > '.join(map(str, loc[:-1]))})" if loc[:-1] else "")))
            continue
        if kind in ("string_type",):
            msg = f"verwacht tekst, maar vond {_yaml_type(value)}"
        elif kind in ("int_type", "int_parsing", "int_parsing_size", "int_from_float"):
            msg = f"verwacht een geheel getal, maar vond '{_shown(value)}'"
        elif kind in ("less_than_equal", "less_than"):
            limit = error.get("ctx", {}).get("le", error.get("ctx", {}).get("lt"))
            msg = f"getal '{_shown(value)}' is te groot (hoogstens {limit})"
        elif kind in ("greater_than_equal", "greater_than"):
            limit = error.get("ctx", {}).get("ge", error.get("ctx", {}).get("gt"))
            msg = f"getal '{_shown(value)}' is te klein (minstens {limit})"
        elif kind == "list_type":
            msg = f"verwacht een lijst (regels met '- '), maar vond {_yaml_type(value)}"
        elif kind in ("model_type", "model_attributes_type", "dict_type"):
            msg = f"verwacht een mapping (sleutel: waarde), maar vond {_yaml_type(value)}"
        elif kind == "enum":
            expected = error.get("ctx", {}).get("expected", "")
            msg = f"ongeldige waarde '{_shown(value)}'; kies uit {expected.replace(' or ', ' of ')}"
        elif kind.startswith("datetime"):
            msg = f"ongeldig tijdstip '{_shown(value)}'; schrijf als 2024-10-23T17:00:00+02:00"
        elif kind.startswith("date"):
            # date_parsing, date_from_datetime_parsing (2024-02-30: no such day), ...
            msg = f"ongeldige datum '{_shown(value)}'; schrijf als 2024-09-18"
        elif kind == "value_error":
            msg = str(error.get("ctx", {}).get("error", error["msg"]))
        else:
            msg = error["msg"]
        problems.append(Problem(path, line, f"{where}: {msg}"))
    return problems
