"""Rules that span items and files: ids are unique, references resolve."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from guidance.errors import Path, Problem, Severity, suggest
from guidance.yamlio import Document, once_per_document

__all__ = ["Located", "duplicate_ids", "duplicate_ids_in_lists", "not_in_future", "unknown_reference"]

# An id, and where it was written: the document and the path of the id's value.
Located = tuple[str, Document, Path]


def duplicate_ids(items: Iterable[Located], what: str) -> list[Problem]:
    """One problem for every id that was already used, pointing back at its first use."""
    first: dict[str, tuple[Document, Path]] = {}
    problems = []
    for ident, document, path in items:
        if ident in first:
            earlier, earlier_path = first[ident]
            line, column = earlier.where(earlier_path)
            where = f"line {line}" if earlier is document else f"{earlier.file}:{line}:{column}"
            problems.append(document.problem(path, f"duplicate {what} id '{ident}' (first used at {where})"))
        else:
            first[ident] = (document, path)
    return problems


def duplicate_ids_in_lists(document: Document) -> list[Problem]:
    """In every list of entries with ids (steps, answers, recommendations, needs...), each id once.

    Two steps with one id would give two elements with one HTML id, and a link to either would
    reach the first. Named by the list: ``steps`` -> "duplicate step id".
    """
    problems: list[Problem] = []

    def walk(value: object, path: Path) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, path + (key,))
        elif isinstance(value, list):
            what = str(path[-1]).removesuffix("s").replace("_", " ") if path and isinstance(path[-1], str) else "item"
            entries = [(item["id"], document, path + (i, "id")) for i, item in enumerate(value)
                       if isinstance(item, dict) and isinstance(item.get("id"), str)]
            problems.extend(duplicate_ids(entries, what))
            for i, item in enumerate(value):
                walk(item, path + (i,))

    walk(document.data, ())
    return problems


def unknown_reference(document: Document, path: Path, what: str, wrong: str, known: Sequence[str]) -> Problem:
    return document.problem(path, f"unknown {what} '{wrong}'{suggest(wrong, known)}", reference=True)


def not_in_future(document: Document, path: Path, day: date | None, today: date) -> list[Problem]:
    """A date that records something done (published, reviewed, checked) cannot be after today."""
    if day is None or day <= today:
        return []
    return [document.problem(path, f"expected a date no later than today ({today}), got {day}")]


@once_per_document
def todo_notices(document: Document) -> tuple[Problem, ...]:
    """A notice for each value that still says ``TODO`` (what ``guidance init`` and ``guidance new``
    write for an editor to fill in): listed by ``guidance check``, never stopping a build."""
    found: list[Problem] = []

    def walk(value: object, path: Path) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, (*path, key))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                walk(item, (*path, i))
        elif isinstance(value, str) and "TODO" in value:
            found.append(document.problem(path, f"still to write: {value.strip()}", severity=Severity.NOTICE))

    walk(document.data, ())
    return tuple(found)
