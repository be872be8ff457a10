"""Dated versions: which one is in force on a day, and the rules every versioned source obeys.

Procedures (and flows) keep every version they ever published. Versions are numbered from 1
in the order they take effect; each is in force from its effective date until the day before
the next one's, so exactly one applies on any date after the first.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Iterator, Protocol, Sequence, TypeVar

from .errors import Path, Problem
from .yamlio import Document

__all__ = ["Dated", "carry_forward", "check_versions", "in_force_on", "until", "upcoming"]


class Dated(Protocol):
    @property
    def number(self) -> int: ...

    @property
    def effective(self) -> date: ...


D = TypeVar("D", bound=Dated)


def in_force_on(versions: Sequence[D], day: date) -> D | None:
    """The version in force on ``day``: the last to take effect on or before it."""
    found = None
    for version in versions:
        if version.effective <= day:
            found = version
    return found


def upcoming(versions: Sequence[D], day: date) -> list[D]:
    """Versions that take effect after ``day``: published ahead, not yet in force."""
    return [v for v in versions if v.effective > day]


def until(versions: Sequence[D], version: D) -> date | None:
    """The last day ``version`` is in force, or None while no later version is set."""
    later = [v.effective for v in versions if v.number == version.number + 1]
    return later[0] - timedelta(days=1) if later else None


class SourceVersion(Protocol):
    version: int
    effective: date
    change: str
    note: str | None


def check_versions(document: Document, path: Path, versions: Sequence[SourceVersion]) -> list[Problem]:
    """Numbered 1, 2, 3...; each takes effect after the one before; major changes say what changed."""
    problems = []
    for i, v in enumerate(versions):
        where = (*path, i)
        if v.version != i + 1:
            problems.append(
                document.problem((*where, "version"), f"expected {i + 1} (versions are numbered in order from 1), got {v.version}")
            )
        if i and v.effective <= versions[i - 1].effective:
            problems.append(
                document.problem(
                    (*where, "effective"),
                    f"expected a date after {versions[i - 1].effective.isoformat()} (version {versions[i - 1].version} "
                    f"takes effect then, and two versions cannot be in force at once), got {v.effective.isoformat()}",
                )
            )
        if v.change == "major" and i and not v.note:
            problems.append(document.problem(where, "a major change needs a note saying what changed, in one sentence"))
        if v.change == "minor" and v.note:
            problems.append(
                document.problem(
                    (*where, "note"),
                    "minor changes get no public note (GOV.UK's rule): remove the note, or make the change major",
                )
            )
    return problems


def carry_forward(source: Sequence[Any], fields: Sequence[str]) -> Iterator[tuple[int, dict[str, Any]]]:
    """Each version's text ``fields`` as plain data, those it leaves out taken from the version before."""
    text: dict[str, Any] = {}
    for i, version in enumerate(source):
        given = {f: _plain(getattr(version, f)) for f in fields if getattr(version, f) is not None}
        text = {**text, **given}
        yield i, text


def _plain(value: Any) -> Any:
    """Models back to data, so a whole text validates as one model."""
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value.model_dump(exclude_none=True) if hasattr(value, "model_dump") else value
