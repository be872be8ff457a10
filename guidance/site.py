"""What loading ``data/`` gives: every source, its content by kind, and the pages to publish."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

from pydantic import BaseModel

from guidance.errors import Problem
from guidance.yamlio import Document

if TYPE_CHECKING:
    from guidance.kinds.glossary.terms import Glossary
    from guidance.kinds.partnership.model import Partnership
    from guidance.readability import Readability

__all__ = ["Key", "Page", "SiteData", "Source", "build_date"]

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")


@dataclass(frozen=True)
class Key(Generic[T]):
    """The name a kind keeps its content under, with the content's type: each kind declares its own
    (``PROCEDURES: Key[Procedures]``), so ``site[PROCEDURES]`` is typed where it is read."""

    name: str


@dataclass(frozen=True)
class Source(Generic[M]):
    """One file of one kind: its parsed text (for positions) and its validated model."""

    document: Document
    model: M


@dataclass(frozen=True)
class Page:
    """A page generated from data. ``path`` is relative to the docs root, e.g. ``glossary/index.md``."""

    path: str
    markdown: str


def build_date() -> date:
    """The day the site is built for: today, or ``GUIDANCE_TODAY`` (YYYY-MM-DD) to preview another day.

    Which version of a procedure is current, which versions are locked and which reviews are
    overdue all depend on it.
    """
    given = os.environ.get("GUIDANCE_TODAY")
    if not given:
        return date.today()
    try:
        return date.fromisoformat(given)
    except ValueError:
        raise ValueError(f"GUIDANCE_TODAY: expected a date as YYYY-MM-DD, got '{given}'") from None


@dataclass
class SiteData:
    data_dir: Path
    today: date = field(default_factory=build_date)
    docs_dir: Path | None = None  # the hand-written pages, when loaded with them
    sources: dict[str, list[Source[Any]]] = field(default_factory=dict)
    content: dict[str, object] = field(default_factory=dict)  # by kind name: read it through a kind's Key
    warnings: list[Problem] = field(default_factory=list)
    readability: list[Readability] = field(default_factory=list)  # pages and sources for the public
    unreadable: list[str] = field(default_factory=list)  # files that did not parse or fit their model
    failed: set[str] = field(default_factory=set)  # the kinds those files belong to
    _made: dict[str, tuple[object, object]] = field(default_factory=dict, repr=False, compare=False)

    def __getitem__(self, key: Key[T]) -> T:
        return cast(T, self.content[key.name])

    def __contains__(self, key: Key[Any]) -> bool:
        return key.name in self.content

    def get(self, key: Key[T]) -> T | None:
        """The kind's content, or None when the site has none of that kind."""
        return cast("T | None", self.content.get(key.name))

    @property
    def glossary(self) -> Glossary:
        return cast("Glossary", self.content["glossary"])

    @property
    def partnership(self) -> Partnership:
        return cast("Partnership", self.content["partnership"])

    def has_failed(self, kind: str) -> bool:
        """Whether a file of ``kind`` could not be read, or its entries do not hold together."""
        return kind in self.failed

    def derived(self, name: str, make: Callable[[SiteData], T]) -> T:
        """``make(self)``, a value made from many kinds (every link target, say), made once while
        the content stays the same. Work watched for ``guidance serve`` depends on its value, not
        on every kind it reads (guidance/reads.py)."""
        content = tuple((k, id(v)) for k, v in self.content.items())
        made = self._made.get(name)
        if made is None or made[0] != content:
            made = self._made[name] = (content, make(self))
        return cast(T, made[1])

    def documents(self) -> list[Document]:
        return [source.document for sources in self.sources.values() for source in sources]
