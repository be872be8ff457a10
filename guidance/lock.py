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

from guidance.errors import GuidanceError, Problem, Severity, describe, display_path
from guidance.errors import Path as FieldPath
from guidance.site import SiteData
from guidance.yamlio import Document

__all__ = ["LOCK_FILE", "Lock", "Locked", "Record", "check_lock", "check_published", "content_hash", "seal", "site_lock",
           "updated_entries"]

LOCK_FILE = "versions.lock"


def content_hash(content: object) -> str:
    """A hash of a version's whole content that does not depend on key order or YAML layout."""
    text = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Locked:
    """One version as the lock records it. ``key`` is 'kind/id/number', e.g. 'procedure/early-help/2'.

    ``locked`` is the day it was recorded: with ``effective``, it says what was published when.
    """

    key: str
    effective: date
    sha256: str
    locked: date | None = None

    def line(self) -> str:
        locked = f', "locked": "{self.locked.isoformat()}"' if self.locked else ""
        return f'{json.dumps(self.key)}: {{"effective": "{self.effective.isoformat()}"{locked}, "sha256": "{self.sha256}"}}'


# The lock's own hash, over every entry: an entry deleted or edited by hand breaks it.
SEAL = "seal"
_RESTORE = "restore it from version control (git checkout -- {path})"


def seal(entries: list[Locked]) -> str:
    return hashlib.sha256("\n".join(e.line() for e in sorted(entries, key=lambda e: _order(e.key))).encode()).hexdigest()


class Lock:
    def __init__(self, path: Path, entries: dict[str, Locked], lines: dict[str, int], sealed: str | None = None):
        self.path, self.entries, self.lines, self.sealed = path, entries, lines, sealed

    @property
    def exists(self) -> bool:
        return self.path.exists()

    def __eq__(self, other: object) -> bool:  # the same file read twice is the same lock
        return isinstance(other, Lock) and (self.path, self.entries, self.lines, self.sealed, self.exists) == (
            other.path, other.entries, other.lines, other.sealed, other.exists)

    __hash__ = None  # type: ignore[assignment]

    @classmethod
    def read(cls, data_dir: Path) -> Lock:
        path = data_dir / LOCK_FILE
        if not path.exists():
            return cls(path, {}, {})
        text = path.read_text(encoding="utf-8")
        lines = {}
        for number, line in enumerate(text.splitlines(), 1):
            key = line.strip().split('"')[1] if line.strip().startswith('"') else None
            if key:
                lines[key] = number
        restore = _RESTORE.format(path=display_path(path))
        try:
            raw = json.loads(text)
        except json.JSONDecodeError as exc:
            message = f"invalid lock file: {exc.msg}; {restore}"
            raise GuidanceError([Problem(display_path(path), exc.lineno, exc.colno, "", message)]) from None
        if not isinstance(raw, dict):
            raise GuidanceError([Problem(display_path(path), 1, 1, "", f"invalid lock file: expected a mapping of versions; {restore}")])
        sealed = raw.pop(SEAL, {})
        entries, problems = {}, []
        for key, value in raw.items():
            try:
                _order(key)
                entries[key] = Locked(
                    key, date.fromisoformat(value["effective"]), value["sha256"],
                    date.fromisoformat(value["locked"]) if "locked" in value else None,
                )
            except (AttributeError, KeyError, TypeError, ValueError) as exc:
                message = (
                    'expected entries like "procedure/early-help/1": {"effective": "2024-03-01", "locked": '
                    f'"2024-02-20", "sha256": "..."}}, got {describe(value)} ({exc}); {restore}'
                )
                problems.append(Problem(display_path(path), lines.get(key, 1), 3, key, f"invalid lock file: {message}"))
        if problems:
            raise GuidanceError(problems)
        return cls(path, entries, lines, sealed.get("sha256") if isinstance(sealed, dict) else None)

    def write(self, entries: list[Locked]) -> None:
        lines = [f"  {e.line()}" for e in sorted(entries, key=lambda e: _order(e.key))]
        lines.append(f'  "{SEAL}": {{"sha256": "{seal(entries)}"}}')
        self.path.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")

    def problem(self, key: str, message: str, severity: Severity = Severity.ERROR) -> Problem:
        return Problem(display_path(self.path), self.lines.get(key, 1), 3, "", message, severity)

    def integrity(self) -> list[Problem]:
        """The lock as ``guidance lock`` wrote it, or the problem: edited by hand, or never sealed."""
        if self.sealed is None:
            return [self.problem(SEAL, "the lock is not sealed (written by an older version): run `guidance lock` to seal it",
                                 Severity.WARNING)]
        if self.sealed != seal(list(self.entries.values())):
            return [self.problem(SEAL, "the lock has been edited by hand (its seal does not match its entries): "
                                 f"{_RESTORE.format(path=display_path(self.path))}; only `guidance lock` may change it")]
        return []


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
            # Published as the lock says, whatever the source now says: moving the date into the
            # future does not make the version editable again.
            if locked.effective <= today:
                takes = f"took effect on {locked.effective.isoformat()}"
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


def site_lock(site: SiteData) -> Lock | list[Problem]:
    """The site's lock file as read, or its problems: read once per load, through
    ``site.derived``, so that serve keeps a kind's checks while the lock is unchanged."""
    def read(site: SiteData) -> Lock | list[Problem]:
        try:
            return Lock.read(site.data_dir)
        except GuidanceError as exc:
            return list(exc.problems)
    return site.derived("lock", read)


def check_published(lock: Lock | list[Problem], kind: str, records: list[Record], today: date) -> list[Problem]:
    """:func:`check_lock` against the site's lock file (:func:`site_lock`); a broken lock file is a
    problem, not a crash."""
    if isinstance(lock, list):
        return lock
    if not lock.exists and any(r.effective <= today for r in records):
        where = display_path(lock.path)
        return [Problem(where, 1, 1, "", f"{where} is missing, so published versions cannot be checked: "
                        f"{_RESTORE.format(path=where)}, or for a new site run `guidance lock --new`")]
    return lock.integrity() + check_lock(lock, kind, records, today)


def updated_entries(lock: Lock, records: list[Record], today: date) -> list[Locked]:
    """The lock with every current version recorded under its current id, and when it was recorded.

    An entry already recorded keeps its date; one whose content is unchanged is kept as it is.
    (A published version that changed never gets here: checking refuses it first.)
    """
    entries = []
    for r in records:
        before = next((lock.entries[k] for k in r.keys if k in lock.entries), None)
        same = before is not None and before.sha256 == r.sha256 and before.effective == r.effective
        entries.append(Locked(r.key, r.effective, r.sha256, (before.locked if same and before is not None and before.locked else today)))
    return entries
