"""One error type and one message format for every problem in the sources.

A problem reads ``data/glossary.yml:14:5: terms[3].related[0]: unknown term 'csrp'
(did you mean 'cspr'?)``: where, which field, what was expected and what was found.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum

__all__ = ["MacroProblem",
    "GuidanceError",
    "Path",
    "Problem",
    "Severity",
    "describe",
    "in_order",
    "display_path",
    "format_path",
    "suggest",
]

Path = tuple[str | int, ...]


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"  # fatal with --strict and in strict MkDocs builds
    NOTICE = "notice"  # depends on the date, not on an edit (an overdue review): never stops a build


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: int
    path: str
    message: str
    severity: Severity = Severity.ERROR
    # An entry named but not found: while some file cannot be read, it may be in that file.
    reference: bool = field(default=False, compare=False)

    def __str__(self) -> str:
        label = "" if self.severity is Severity.ERROR else f"{self.severity.value}: "
        field = f"{self.path}: " if self.path else ""
        return f"{self.file}:{self.line}:{self.column}: {label}{field}{self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    @property
    def is_warning(self) -> bool:
        return self.severity is Severity.WARNING


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.NOTICE: 2}


def in_order(problems: Iterable[Problem]) -> list[Problem]:
    """Errors first, then warnings, then notices; each by file and position."""
    return sorted(problems, key=lambda p: (_RANK[p.severity], p))


class GuidanceError(Exception):
    """Raised with every problem found, so that all of them can be reported at once."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = in_order(set(problems))  # one line per problem, however many rules met it
        self.waiting: list[str] = []  # kinds whose failure kept the checks across kinds from running
        super().__init__(self.report())

    def report(self) -> str:
        return "\n".join(str(problem) for problem in self.problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


def format_path(path: Path) -> str:
    """``('terms', 3, 'related', 0)`` -> ``terms[3].related[0]``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


def suggest(wrong: str, choices: Sequence[str]) -> str:
    """A ``(did you mean 'x'?)`` suffix when a close match exists, else nothing."""
    lowered = {choice.lower(): choice for choice in choices}
    match = difflib.get_close_matches(wrong.lower(), list(lowered), n=1, cutoff=0.6)
    return f" (did you mean '{lowered[match[0]]}'?)" if match else ""


def describe(value: object) -> str:
    """How a found value is named in messages: its kind, and the value when it is short."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{'true' if value else 'false'} (a yes/no value)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"'{shown}'" if value else "empty text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def display_path(path: os.PathLike[str] | str) -> str:
    """Paths in messages are relative to where the command runs, as editors expect."""
    try:
        return os.path.relpath(path)
    except ValueError:  # pragma: no cover - another drive on Windows
        return str(path)


class MacroProblem(ValueError):
    """What a macro in a hand-written page cannot do, said as the author wrote the call:
    ``term('CSRP'): unknown glossary term 'CSRP' (did you mean 'CSPR'?)``."""
