"""Check a parsed document against its model, turning pydantic's errors into our messages.

pydantic gives the path of each error (``terms.3.related.0``); the document gives the line
and column of that path; this module says what was expected and what was found.
"""

from __future__ import annotations

import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from guidance.errors import GuidanceError, Path, Problem, describe, suggest
from guidance.fields import PATTERN_NAMES, REPEATED
from guidance.yamlio import Document

__all__ = ["validate_document"]

M = TypeVar("M", bound=BaseModel)

_DATE_ERRORS = {"date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact"}


def validate_document(document: Document, model: type[M]) -> M:
    """The document's data as ``model``, or :class:`GuidanceError` with every mismatch."""
    try:
        return model.model_validate(document.data)
    except ValidationError as exc:
        errors = _without_misspelt_missing(exc.errors())
        raise GuidanceError(_problem(document, model, error) for error in errors) from None


def _without_misspelt_missing(errors: list[Any]) -> list[Any]:
    """Drop "missing 'definition'" where "unknown field 'defintion'" already says it."""
    unknown = {(tuple(e["loc"][:-1]), str(e["loc"][-1])) for e in errors if e["type"] == "extra_forbidden"}

    def misspelt(error: Any) -> bool:
        parent, name = tuple(error["loc"][:-1]), str(error["loc"][-1])
        return any(p == parent and suggest(wrong, [name]) for p, wrong in unknown)

    return [e for e in errors if not (e["type"] == "missing" and misspelt(e))]


def _problem(document: Document, model: type[BaseModel], error: Any) -> Problem:
    path: Path = tuple(error["loc"])
    kind = error["type"]
    if kind == "extra_forbidden":
        allowed = _field_names(model, path[:-1])
        name = str(path[-1])
        hint = suggest(name, allowed) or f" (expected one of: {', '.join(allowed)})"
        return document.problem(path, f"unknown field '{name}'{hint}", key=True)
    if kind == REPEATED:  # at the item that repeats, not the list
        return document.problem((*path, error["ctx"]["at"]), error["msg"])
    if kind == "missing":
        return document.problem(path[:-1], f"missing required field '{path[-1]}'")
    if kind == "string_type" and not isinstance(error.get("input"), (dict, list)):
        pattern = _pattern(_annotation_at(model, path))
        if pattern in PATTERN_NAMES:  # a phone number written as a number: say what text is wanted
            found = describe(error.get("input"))
            return document.problem(path, f"expected {PATTERN_NAMES[pattern]} (as text, in quotes), got {found}")
    return document.problem(path, _mismatch(kind, error))


def _mismatch(kind: str, error: Any) -> str:
    found = describe(error.get("input"))
    ctx = error.get("ctx") or {}
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern"))
        return f"expected {PATTERN_NAMES.get(pattern, f'text matching {pattern}')}, got {found}"
    if kind in _DATE_ERRORS:
        return f"expected a date as YYYY-MM-DD, got {found}"
    if kind in ("too_short", "string_too_short") and ctx.get("min_length", 0) > 1:
        return f"expected at least {ctx['min_length']} items, got {ctx.get('actual_length', 0)}"
    if kind == "value_error":
        return str(ctx.get("error") or error["msg"])
    expected = _EXPECTED.get(kind)
    if kind == "literal_error":
        expected = f"one of: {ctx.get('expected')}"
    if expected:
        return f"expected {expected}, got {found}"
    return f"{error['msg'][0].lower()}{error['msg'][1:]}, got {found}"


_EXPECTED = {
    "string_type": "text",
    "string_too_short": "some text",
    "too_short": "at least one item",
    "list_type": "a list",
    "dict_type": "a mapping of fields",
    "model_type": "a mapping of fields",
    "model_attributes_type": "a mapping of fields",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "enum": "one of the listed values",
}


def _field_names(model: type[BaseModel], path: Path) -> list[str]:
    """The field names of the model that stands at ``path`` inside ``model``."""
    current = _inner(_annotation_at(model, path))
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _pattern(annotation: Any) -> str | None:
    """The pattern an ``Annotated[str, StringConstraints(pattern=...)]`` (maybe optional) requires."""
    while typing.get_origin(annotation) in (typing.Union, types.UnionType):
        annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
    for meta in getattr(annotation, "__metadata__", ()):
        if getattr(meta, "pattern", None):
            return str(meta.pattern)
    return None


def _annotation_at(model: type[BaseModel], path: Path) -> Any:
    """The annotation of what stands at ``path`` inside ``model``."""
    current: Any = model
    for part in path:
        current = _inner(current)
        if isinstance(part, int):
            args = typing.get_args(current)
            current = args[0] if args else current
        elif typing.get_origin(current) is dict:  # a mapping keyed by id, e.g. a flow's nodes
            current = typing.get_args(current)[1]
        elif isinstance(current, type) and issubclass(current, BaseModel) and part in current.model_fields:
            field = current.model_fields[part]
            current = typing.Annotated[(field.annotation, *field.metadata)] if field.metadata else field.annotation
    return current


def _inner(annotation: Any) -> Any:
    """``Optional[X]`` and ``Annotated[X, ...]`` -> ``X``."""
    while typing.get_origin(annotation) in (typing.Union, types.UnionType, typing.Annotated):
        annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
    return annotation
