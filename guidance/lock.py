"""The lock file: content hashes of every published version, so history is never rewritten.

``data/versions.lock`` is committed with the sources. ``guidance lock`` records versions in it
deliberately; ``guidance check`` fails when a version that has taken effect no longer matches
its hash. Versions still to come may be recorded early and changed freely until they apply.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from pathlib import Path as FilePath

from .errors import GuidanceError, Path as FieldPath, Problem, Severity, display_path
from .yamlio import Document

__all__ = ["LOCK_FILE", "Lock", "Locked", "Record", "check_lock", "check_published", "content_hash", "updated_entries"]

LOCK_FILE = "versions.lock"


def content_hash(content: object) -> str:
    """A hash of a version's whole content that does not depend on key order or YAML layout."""
    text = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Locked:
    """One version as the lock records it. ``key`` is 'kind/id/number', e.g. 'procedure/early-help/2'."""

    key: str
    effective: date
    sha256: str


class Lock:
    def __init__(self, path: Path, entries: dict[str, Locked], lines: dict[str, int]):
        self.path, self.entries, self.lines = path, entries, lines

    @classmethod
    def read(cls, data_dir: Path) -> Lock:
        path = data_dir / LOCK_FILE
        if not path.exists():
            return cls(path, {}, {})
        text = path.read_text(encoding="utf-8")
        try:
            raw = json.loads(text)
            entries = {k: Locked(k, date.fromisoformat(v["effective"]), v["sha256"]) for k, v in raw.items()}
            for key in entries:
                _order(key)
        except json.JSONDecodeError as exc:
            message = f"invalid lock file: {exc.msg}; restore it from version control (git checkout -- {display_path(path)})"
            raise GuidanceError([Problem(display_path(path), exc.lineno, exc.colno, "", message)]) from None
        except (AttributeError, KeyError, TypeError, ValueError) as exc:
            message = f"expected entries like \"procedure/early-help/1\": {{\"effective\": \"2024-03-01\", \"sha256\": \"...\"}}; {exc}"
            raise GuidanceError([Problem(display_path(path), 1, 1, "", f"invalid lock file: {message}; restore it from version control (git checkout -- {display_path(path)})")]) from None
        lines = {}
        for number, line in enumerate(text.splitlines(), 1):
            key = line.strip().split('"')[1] if line.strip().startswith('"') else None
            if key:
                lines[key] = number
        return cls(path, entries, lines)

    def write(self, entries: list[Locked]) -> None:
        body = ",\n".join(
            f'  {json.dumps(e.key)}: {{"effective": "{e.effective.isoformat()}", "sha256": "{e.sha256}"}}'
            for e in sorted(entries, key=lambda e: _order(e.key))
        )
        self.path.write_text("{\n" + body + "\n}\n", encoding="utf-8")

    def problem(self, key: str, message: str, severity: Severity = Severity.ERROR) -> Problem:
        return Problem(display_path(self.path), self.lines.get(key, 1), 3, "", message, severity)


def _order(key: str) -> tuple[str, str, int]:
    kind, ident, number = key.rsplit("/", 2)
    return kind, ident, int(number)


@dataclass(frozen=True)
class Record:
    """A version as the sources give it now, and where it is written."""

    kind: str
    ident: str
    number: int
    effective: date
    sha256: str
    document: Document
    path: FieldPath
    former_ids: tuple[str, ...] = ()
    latest: int = 0  # the highest version number of the same document

    @property
    def key(self) -> str:
        return f"{self.kind}/{self.ident}/{self.number}"

    @property
    def keys(self) -> list[str]:
        return [self.key, *(f"{self.kind}/{old}/{self.number}" for old in self.former_ids)]

    def label(self) -> str:
        return f"version {self.number} of '{self.ident}'"


def check_lock(lock: Lock, kind: str, records: list[Record], today: date) -> list[Problem]:
    """Published versions of one ``kind`` must match the lock; none that it holds may disappear.

    A version still to come may change, but the lock must follow it before it takes effect:
    otherwise the site would stop building on that day. Both are warnings now, not errors later.
    """
    problems = []
    covered: set[str] = set()
    for record in records:
        covered.update(record.keys)
        locked = next((lock.entries[k] for k in record.keys if k in lock.entries), None)
        published = record.effective <= today
        takes = f"took effect on {record.effective.isoformat()}" if published else f"takes effect on {record.effective.isoformat()}"
        message, severity = None, Severity.WARNING
        if locked is None:
            message = f"{record.label()} {takes} but is not in {display_path(lock.path)}: run `guidance lock` to record it"
        elif locked.sha256 != record.sha256 or locked.effective != record.effective:
            if published and locked.effective <= today:
                message = f"{record.label()} {takes} and cannot be changed; add version {record.latest + 1} instead"
                severity = Severity.ERROR
            else:
                message = f"{record.label()} {takes} and has changed since it was locked: run `guidance lock` to record it"
        if message:
            problems.append(record.document.problem(record.path, message, severity=severity))
    for key, locked in lock.entries.items():
        if key.startswith(f"{kind}/") and key not in covered and locked.effective <= today:
            kind, ident, number = _order(key)
            problems.append(
                lock.problem(
                    key,
                    f"version {number} of {kind} '{ident}' took effect on {locked.effective.isoformat()} and cannot be "
                    "removed: restore it in the sources (published history is kept)",
                )
            )
    return problems


def check_published(data_dir: FilePath, kind: str, records: list[Record], today: date) -> list[Problem]:
    """:func:`check_lock` against ``data_dir``'s lock file; a broken lock file is a problem, not a crash."""
    try:
        lock = Lock.read(data_dir)
    except GuidanceError as exc:
        return exc.problems
    return check_lock(lock, kind, records, today)


def updated_entries(lock: Lock, records: list[Record]) -> list[Locked]:
    """The lock with every current version recorded under its current id."""
    return [Locked(r.key, r.effective, r.sha256) for r in records]
