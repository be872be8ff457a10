"""Procedures as their readers see them: every version's whole text, and which is in force when.

Page paths live here too, so that links, redirects and the pages themselves agree.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from guidance import versions
from guidance.kinds.procedures.model import ProcedureFile, ProcedureText, Release
from guidance.site import Key

__all__ = [
    "CHANGES_FEED", "CHANGES_PAGE", "INDEX_PAGE", "AS_AT_PAGE", "Change", "Edition", "Procedure", "Procedures",
]

PROCEDURES: Key[Procedures] = Key("procedures")

INDEX_PAGE = "procedures/index.md"
CHANGES_PAGE = "procedures/changes.md"
CHANGES_FEED = "procedures/changes.xml"
AS_AT_PAGE = "procedures/as-at.md"

Edition = versions.Edition[ProcedureText]


@dataclass
class Procedure(versions.Versioned[ProcedureText]):
    text_model = ProcedureText
    lock_kind = "procedure"
    source: ProcedureFile

    def last_major(self, edition: Edition) -> Edition:
        """The latest major change up to ``edition``: what a minor version's readers last saw change."""
        return next(e for e in reversed(self.editions[: edition.number]) if e.major or e.number == 1)

    def title(self, today: date) -> str:
        return self.shown(today).text.title

    # Pages, relative to the docs root.
    @property
    def page(self) -> str:
        return f"procedures/{self.id}/index.md"

    @property
    def history_page(self) -> str:
        return f"procedures/{self.id}/history.md"

    def version_page(self, edition: Edition) -> str:
        return f"procedures/{self.id}/v{edition.number}.md"

    def changes_page(self, edition: Edition) -> str:
        """What changed in ``edition``; the first version has no earlier text, so its own page."""
        return f"procedures/{self.id}/v{edition.number}-changes.md" if edition.number > 1 else self.version_page(edition)


@dataclass(frozen=True)
class Change:
    """A published change, as the "What's changed" page and feed list it."""

    procedure: Procedure
    edition: Edition


@dataclass
class Procedures:
    by_id: dict[str, Procedure]

    def __iter__(self) -> Iterator[Procedure]:
        return iter(self.by_id.values())

    def __len__(self) -> int:
        return len(self.by_id)

    def changes(self, today: date, *, since: date | None = None, include_upcoming: bool = False) -> list[Change]:
        """Major changes (and first versions), newest first; minor ones get no public note."""
        found = [
            Change(p, e)
            for p in self
            for e in p.editions
            if e.major
            and (include_upcoming or e.effective <= today)
            and (since is None or e.effective >= since)
        ]
        return sorted(found, key=lambda c: (c.edition.effective, c.procedure.id), reverse=True)

    @staticmethod
    def grouped(changes: list[Change], releases: dict[str, Release]) -> list[tuple[Release | None, date, list[Change]]]:
        """Changes by release, newest first; a change outside any release stands alone under its date."""
        groups: dict[str, tuple[Release | None, date, list[Change]]] = {}
        for change in changes:
            release = releases.get(change.edition.release or "")
            key = release.id if release else f"{change.edition.effective}:{change.procedure.id}"
            groups.setdefault(key, (release, release.date if release else change.edition.effective, []))[2].append(change)
        return sorted(groups.values(), key=lambda g: g[1], reverse=True)

    def in_force_on(self, day: date) -> list[tuple[Procedure, Edition]]:
        found = [(p, e) for p in self if (e := p.in_force_on(day)) is not None]
        return sorted(found, key=lambda pe: pe[1].text.title)
