"""Pydantic validation errors, rewritten as `path:line:col: field: message` diagnostics.

Pydantic's messages are written for programmers ("Input should be a valid dictionary or
instance of Persona"); authors need the field path, what was expected, what they wrote, and a
did-you-mean for typos. This module walks the model classes alongside the error locations.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from sparring.formats.common import first_sentence
from sparring.formats.diagnostics import Diagnostic, did_you_mean
from sparring.formats.yamlsource import Loc, YamlDocument

_KIND = {
    str: "text",
    int: "a whole number",
    float: "a number",
    bool: "true/false",
    list: "a list",
    dict: "a mapping",
    type(None): "nothing (null)",
}


def _quote_hint(value: Any) -> str:
    if value is None:
        return " (the value is empty)"
    if isinstance(value, bool | int | float) or type(value).__name__ in {"date", "datetime"}:
        return (
            " (YAML reads yes/no/on/off as true/false, and bare numbers and dates as numbers "
            "and dates: put the text in quotes)"
        )
    return ""


def _takes_text(root: type[BaseModel], path: Loc) -> bool:
    """Whether the field at `path` may be written as plain text (a persona line)."""
    model = model_at(root, path)
    return model is not None and model.__name__ == "Line"


def describe_value(value: Any) -> str:
    kind = (
        "a date"
        if type(value).__name__ in {"date", "datetime"}
        else _KIND.get(type(value), type(value).__name__)
    )
    if isinstance(value, bool | int | float) or value is None:
        return f"{kind} ({value!r})" if value is not None else kind
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"text '{shown}'"
    return kind


def field_path(loc: Loc) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(top level)"


def _unwrap(annotation: Any) -> list[Any]:
    """The concrete types inside Annotated/Optional/Union."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        out: list[Any] = []
        for arg in typing.get_args(annotation):
            out.extend(_unwrap(arg))
        return out
    return [annotation]


def model_at(root: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The model class that validates the mapping at `loc` (None if it is not a model)."""
    current: list[Any] = [root]
    for part in loc:
        following: list[Any] = []
        for ann in current:
            for t in _unwrap(ann):
                origin = typing.get_origin(t)
                if isinstance(t, type) and issubclass(t, BaseModel) and isinstance(part, str):
                    field = t.model_fields.get(part)
                    if field is not None:
                        following.append(field.annotation)
                elif origin is list and isinstance(part, int):
                    following.append(typing.get_args(t)[0])
                elif origin is dict:
                    following.append(typing.get_args(t)[1])
        current = following
        if not current:
            return None
    for ann in current:
        for t in _unwrap(ann):
            if isinstance(t, type) and issubclass(t, BaseModel):
                return t
    return None


_BRANCH_FITS = {
    "str": lambda v: isinstance(v, str),
    "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "none": lambda v: v is None,
}


def _branch_fits(tag: str, value: Any) -> bool | None:
    """Whether the union branch named `tag` is the one meant for `value` (None: unknown tag)."""
    if tag in _BRANCH_FITS:
        return bool(_BRANCH_FITS[tag](value))
    if tag.startswith("list["):
        return isinstance(value, list)
    if tag.startswith("dict["):
        return isinstance(value, dict)
    if tag.startswith("literal["):
        return isinstance(value, str)
    if tag[:1].isupper() or tag.startswith("function-"):
        return isinstance(value, dict) or tag.startswith("function-")
    return None


@dataclass(frozen=True)
class _Located:
    path: Loc
    value: Any
    fits: bool  # every union branch on the way matched the data's type
    anchor: Loc | None  # where the first union branch was chosen
    branches: tuple[str, ...]  # the union branch tags on the way
    is_key: bool  # the error is about a mapping key, not its value


def _data_loc(data: Any, loc: tuple[Any, ...]) -> _Located:
    """Map a pydantic location to a data path, dropping union-branch tags."""
    path: list[str | int] = []
    current = data
    fits = True
    anchor: Loc | None = None
    branches: list[str] = []
    is_key = False
    for part in loc:
        if part == "[key]":
            is_key = True
            current = path[-1] if path else current
            continue
        if (isinstance(current, dict) and part in current) or (
            isinstance(current, list) and isinstance(part, int) and 0 <= part < len(current)
        ):
            path.append(part)
            current = current[part]
        elif isinstance(part, str) and (fit := _branch_fits(part, current)) is not None:
            fits = fits and fit
            branches.append(part)
            if anchor is None:
                anchor = tuple(path)
        else:
            path.append(part)  # a missing field: the path points past the data
            current = None
    return _Located(tuple(path), current, fits, anchor, tuple(branches), is_key)


def _expected_from_ctx(error: ErrorDetails) -> list[str]:
    expected = (error.get("ctx") or {}).get("expected", "")
    return [
        part.strip(" '")
        for part in str(expected).replace(" or ", ",").split(",")
        if part.strip(" '")
    ]


def _union_has_list(root: type[BaseModel], path: Loc) -> bool:
    parent = model_at(root, path[:-1]) if path else None
    if parent is None or not path or not isinstance(path[-1], str):
        return False
    field = parent.model_fields.get(path[-1])
    return field is not None and any(
        typing.get_origin(t) is list for t in _unwrap(field.annotation)
    )


def _message(
    root: type[BaseModel],
    error: ErrorDetails,
    path: Loc,
    value: Any,
    branches: tuple[str, ...] = (),
    is_key: bool = False,
) -> tuple[str, bool]:
    """(message, point at the key rather than the value)."""
    if is_key:
        return _key_message(root, error, path, value, branches)
    for explain in (_field_message, _type_message, _value_message):
        found = explain(root, error, path, value, branches)
        if found is not None:
            return found
    msg = error["msg"].replace("Input should be", "expected")
    return f"{msg}, got {describe_value(value)}", False


Explained = tuple[str, bool] | None


def _key_message(
    root: type[BaseModel], error: ErrorDetails, path: Loc, value: Any, branches: tuple[str, ...]
) -> tuple[str, bool]:
    options = _expected_from_ctx(error)
    if error["type"] in {"literal_error", "enum"} and options:
        hint = did_you_mean(str(value), options) or "; expected one of: " + ", ".join(options)
        return f"unknown key '{value}'{hint}", True
    message, _ = _message(root, error, path, value, branches, is_key=False)
    return f"the key {value!r} is not allowed: {message}", True


def _field_message(
    root: type[BaseModel], error: ErrorDetails, path: Loc, value: Any, branches: tuple[str, ...]
) -> Explained:
    """A field that is missing, or one the format does not have."""
    kind = error["type"]
    if kind == "missing":
        name = path[-1]
        parent = model_at(root, path[:-1])
        field = parent.model_fields.get(str(name)) if parent else None
        why = first_sentence(field.description) if field else ""
        return f"missing required field '{name}'" + (f" ({why})" if why else ""), True
    if kind == "extra_forbidden":
        name = str(path[-1])
        parent = model_at(root, path[:-1])
        allowed = list(parent.model_fields) if parent else []
        hint = did_you_mean(name, allowed)
        if not hint and allowed:
            hint = "; expected one of: " + ", ".join(allowed)
        return f"unknown field '{name}'{hint}", True
    return None


_TYPES = {
    ("int_type", "int_parsing", "int_from_float"): "expected a whole number",
    ("bool_type", "bool_parsing"): "expected true or false",
    (
        "dict_type",
        "model_type",
        "model_attributes_type",
    ): "expected a mapping of 'key: value' lines",
    ("list_type",): "expected a list of '- item' lines",
}


def _type_message(
    root: type[BaseModel], error: ErrorDetails, path: Loc, value: Any, branches: tuple[str, ...]
) -> Explained:
    """A value of the wrong kind (text where a number goes, a list for a mapping...)."""
    kind = error["type"]
    got = describe_value(value)
    if kind in {"string_type", "str_type"} or (
        kind in {"dict_type", "model_type", "model_attributes_type"} and _takes_text(root, path)
    ):
        return f"expected text, got {got}{_quote_hint(value)}", False
    for kinds, expected in _TYPES.items():
        if kind in kinds:
            return f"{expected}, got {got}", False
    return None


_BOUNDS = {
    "greater_than_equal": ">=",
    "less_than_equal": "<=",
    "greater_than": ">",
    "less_than": "<",
}


def _value_message(
    root: type[BaseModel], error: ErrorDetails, path: Loc, value: Any, branches: tuple[str, ...]
) -> Explained:
    """A value of the right kind that is not one the format allows."""
    kind = error["type"]
    got = describe_value(value)
    ctx = error.get("ctx") or {}
    if kind in {"literal_error", "enum"}:
        options = _expected_from_ctx(error)
        hint = did_you_mean(str(value), options) if isinstance(value, str) else ""
        if any(b.startswith("list[") for b in branches) or _union_has_list(root, path):
            example = f"; write [{value}] for a list of one" if isinstance(value, str) else ""
            listed = " or ".join(repr(o) for o in options)
            return f"expected {listed} or a list, got {got}{hint}{example}", False
        return f"expected one of {', '.join(repr(o) for o in options)}, got {got}{hint}", False
    if kind == "string_pattern_mismatch":
        return f"expected a short id of lowercase letters, digits, '-' and '_', got {got}", False
    if kind in {"too_short", "string_too_short"}:
        minimum = ctx.get("min_length", 1)
        what = "character" if kind == "string_too_short" else "item"
        return f"expected at least {minimum} {what}{'s' if minimum != 1 else ''}, got {got}", False
    if kind in {"too_long", "string_too_long"}:
        what = "characters" if kind == "string_too_long" else "items"
        return f"too long: at most {ctx.get('max_length')} {what}", False
    if kind in _BOUNDS:
        return (
            f"expected a number {_BOUNDS[kind]} {next(iter(ctx.values()), '?')}, got {got}",
            False,
        )
    if kind == "value_error":
        return error["msg"].removeprefix("Value error, "), False
    return None


def diagnostics_from(
    exc: ValidationError, root: type[BaseModel], doc: YamlDocument
) -> list[Diagnostic]:
    """Turn a pydantic ValidationError into positioned diagnostics, one per real problem."""
    located = []
    for error in exc.errors(include_url=False):
        where = _data_loc(doc.data, tuple(error["loc"]))
        located.append((error, where))
    # Within one union, the branch that fits the data's type explains the problem; errors
    # from the other branches ("expected 'all', got a list") are noise.
    fitting_anchors = {w.anchor for _, w in located if w.anchor is not None and w.fits}
    kept = [(e, w) for e, w in located if w.fits or w.anchor not in fitting_anchors]

    by_path: dict[Loc, list[tuple[ErrorDetails, _Located]]] = {}
    for error, where in kept:
        by_path.setdefault(where.path, []).append((error, where))

    out: list[Diagnostic] = []
    seen: set[str] = set()

    def emit(path: Loc, message: str, *, at_key: bool = False, parent: bool = False) -> None:
        line, col = doc.position(path[:-1] if parent else path, prefer_key=at_key or parent)
        text = f"{field_path(path)}: {message}"
        if text not in seen:
            seen.add(text)
            out.append(Diagnostic(doc.path, line, col, text))

    handled: set[Loc] = set()
    for path, group in by_path.items():
        if any(path[: len(h)] == h for h in handled):
            continue
        owner = path[:-1] if group[0][0]["type"] in {"missing", "extra_forbidden"} else path
        value = _value_at(doc.data, owner)
        if _is_colon_line(root, owner, value):
            handled.add(owner)
            emit(
                owner,
                "this line contains ': ', so YAML reads it as a 'key: value' pair; put the whole "
                "line in quotes",
            )
            continue
        unfit = [g for g in group if not g[1].fits]
        if len(group) > 1 and len(unfit) == len(group) and group[0][1].anchor is not None:
            value = group[0][1].value
            kinds = sorted({_expected_kind(e) for e, _ in group} - {""})
            emit(path, f"expected {' or '.join(kinds)}, got {describe_value(value)}")
            continue
        for error, where in group:
            value = None if error["type"] == "missing" else where.value
            message, at_key = _message(root, error, path, value, where.branches, where.is_key)
            emit(path, message, at_key=at_key, parent=error["type"] == "missing")
    return out


def _value_at(data: Any, path: Loc) -> Any:
    current = data
    for part in path:
        try:
            current = current[part]
        except (KeyError, IndexError, TypeError):
            return None
    return current


def _is_colon_line(root: type[BaseModel], path: Loc, value: Any) -> bool:
    """A persona line like `- So it's on me now: great.` that YAML read as a mapping."""
    return (
        isinstance(value, dict)
        and len(value) == 1
        and " " in str(next(iter(value)))
        and _takes_text(root, path)
    )


def _expected_kind(error: ErrorDetails) -> str:
    kind = error["type"]
    if kind in {"string_type", "str_type"}:
        return "text"
    if kind == "list_type":
        return "a list"
    if kind in {"dict_type", "model_type", "model_attributes_type"}:
        return "a mapping"
    if kind in {"int_type", "int_parsing"}:
        return "a whole number"
    if kind == "literal_error":
        options = _expected_from_ctx(error)
        return " or ".join(repr(o) for o in options)
    return ""
