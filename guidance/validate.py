"""Rules that span items and files: ids are unique, references resolve."""

from __future__ import annotations

from datetime import date
from typing import Iterable, Sequence

from .errors import Path, Problem, suggest
from .yamlio import Document

__all__ = ["Located", "duplicate_ids", "not_in_future", "unknown_reference"]

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


def unknown_reference(document: Document, path: Path, what: str, wrong: str, known: Sequence[str]) -> Problem:
    return document.problem(path, f"unknown {what} '{wrong}'{suggest(wrong, known)}")


def not_in_future(document: Document, path: Path, day: date | None, today: date) -> list[Problem]:
    """A date that records something done (published, reviewed, checked) cannot be after today."""
    if day is None or day <= today:
        return []
    return [document.problem(path, f"expected a date no later than today ({today}), got {day}")]
