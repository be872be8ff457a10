"""What loading ``data/`` gives: every source, its content by kind, and the pages to publish."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from pydantic import BaseModel

from .errors import Problem
from .yamlio import Document

if TYPE_CHECKING:
    from .glossary import Glossary
    from .models import Partnership

__all__ = ["Page", "SiteData", "Source"]

M = TypeVar("M", bound=BaseModel)


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


@dataclass
class SiteData:
    data_dir: Path
    sources: dict[str, list[Source[Any]]] = field(default_factory=dict)
    content: dict[str, Any] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)

    @property
    def glossary(self) -> Glossary:
        return self.content["glossary"]

    @property
    def partnership(self) -> Partnership:
        return self.content["partnership"]

    def documents(self) -> list[Document]:
        return [source.document for sources in self.sources.values() for source in sources]
