"""Dated versions: which one is in force on a day, and the rules every versioned source obeys.

Procedures (and flows) keep every version they ever published. Versions are numbered from 1
in the order they take effect; each is in force from its effective date until the day before
the next one's, so exactly one applies on any date after the first.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, ClassVar, Generic, Protocol, TypeVar

from pydantic import BaseModel, ValidationError

from guidance.errors import Path, Problem
from guidance.lock import Record, content_hash
from guidance.validate import unknown_reference
from guidance.yamlio import Document

__all__ = [
    "Dated", "Edition", "Versioned", "carry_forward", "check_versions", "in_force_on", "unknown_releases", "until",
    "upcoming",
]


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


T = TypeVar("T", bound=BaseModel)
V = TypeVar("V", bound="Versioned[Any]")


@dataclass(frozen=True)
class Edition(Generic[T]):
    """One version of a document with its whole text, however little of it the version restated."""

    number: int
    effective: date
    change: str
    note: str | None
    release: str | None
    text: T

    @property
    def major(self) -> bool:
        return self.change == "major"


@dataclass
class Versioned(Generic[T]):
    """A document kept in every version it ever had: a procedure, a flow.

    Subclasses name the model of a version's whole text and the kind the lock file records.
    ``source`` is the file's model: an ``id`` and ``versions``, oldest first.
    """

    text_model: ClassVar[type[BaseModel]]
    lock_kind: ClassVar[str]

    source: Any
    editions: list[Edition[T]]

    @classmethod
    def build(cls: type[V], source: Any, document: Document) -> tuple[V, list[Problem]]:
        """The document with each version's whole text, and every problem with its versions."""
        problems = check_versions(document, ("versions",), source.versions)
        editions: list[Edition[Any]] = []
        missing: set[object] = set()  # a field missing from version 1 is missing from every later one too
        for i, fields in carry_forward(source.versions, tuple(cls.text_model.model_fields)):
            v = source.versions[i]
            try:
                text = cls.text_model.model_validate(fields)
            except ValidationError as exc:
                for field in {e["loc"][0] for e in exc.errors()} - missing:
                    missing.add(field)
                    problems.append(
                        document.problem(
                            ("versions", i),
                            f"missing required field '{field}' (version 1 gives the whole text; "
                            "later versions give only what they change)",
                        )
                    )
                continue
            editions.append(Edition(v.version, v.effective, v.change, v.note, v.release, text))
        return cls(source, editions), problems

    @property
    def id(self) -> str:
        return str(self.source.id)

    def in_force_on(self, day: date) -> Edition[T] | None:
        return in_force_on(self.editions, day)

    def shown(self, today: date) -> Edition[T]:
        """The version its main page shows: the one in force, or the first to come if none is yet."""
        return self.in_force_on(today) or self.editions[0]

    def upcoming(self, today: date) -> list[Edition[T]]:
        return upcoming(self.editions, today)

    def until(self, edition: Edition[T]) -> date | None:
        return until(self.editions, edition)

    def previous(self, edition: Edition[T]) -> Edition[T] | None:
        return self.editions[edition.number - 2] if edition.number > 1 else None

    def records(self, document: Document) -> list[Record]:
        """Each version as the lock file sees it: a hash of its date, note and whole text."""
        former = tuple(getattr(self.source, "former_ids", ()))
        return [
            Record(
                self.lock_kind, self.id, e.number, e.effective,
                content_hash({"effective": e.effective, "change": e.change, "note": e.note, "text": e.text.model_dump()}),
                document, ("versions", i), former, len(self.editions),
            )
            for i, e in enumerate(self.editions)
        ]


def unknown_releases(document: Document, versions: Sequence[Any], releases: Mapping[str, Any]) -> list[Problem]:
    """Versions that name a release data/releases.yml does not have."""
    return [
        unknown_reference(document, ("versions", i, "release"), "release", v.release, list(releases))
        for i, v in enumerate(versions)
        if v.release and v.release not in releases
    ]
