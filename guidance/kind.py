"""The kind protocol: how a kind of source plugs in (its files, model, rules, pages and addresses).

Each kind lives in its own package under ``guidance/kinds/<kind>/`` and has one class that
follows :class:`Kind`; :mod:`guidance.registry` lists them. The loader, the checks, the CLI, the
schemas and the engine adapter all work from that list, so the spine does not change when a kind
is added.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Protocol

from pydantic import BaseModel

from guidance.errors import Path, Problem
from guidance.lock import Record
from guidance.references import Target, Targets
from guidance.scaffold import Scaffold
from guidance.search import Entry, LeftOut, PageInfo
from guidance.site import Page, SiteData, Source
from guidance.yamlio import Document

__all__ = ["Kind"]


class Kind(Protocol):
    name: ClassVar[str]
    patterns: ClassVar[tuple[str, ...]]  # globs relative to data/, e.g. ("glossary.yml", "glossary/*.yml")
    model: ClassVar[type[BaseModel]]
    required: ClassVar[bool] = True
    single: ClassVar[bool] = False  # exactly one file, e.g. partnership.yml
    entry_types: ClassVar[tuple[str, ...]] = ()  # what ``guidance new`` can scaffold
    index_page: ClassVar[str | None] = None  # where nav() entries go in mkdocs.yml's nav
    link_kinds: ClassVar[tuple[str, ...]] = ()  # what links written kind:id can name here, e.g. ("procedure",)
    # Where a reader browses everything of this kind instead of searching: (link text, docs path).
    browse: ClassVar[tuple[str, str] | None] = None
    # Where a reader sees what changed in this kind, newest first: the "guidance has changed" notice links it.
    changes_page: ClassVar[str | None] = None

    def combine(self, sources: list[Source[Any]]) -> tuple[Any, list[Problem]]:
        """The kind's content from its files, and problems that span them (e.g. duplicate ids)."""
        raise NotImplementedError

    def check(self, site: SiteData) -> list[Problem]:
        """Rules that need other kinds, run once everything is loaded (references, mostly)."""
        return []

    def pages(self, site: SiteData) -> list[Page]:
        """Generated files: Markdown pages, and any script or stylesheet those pages need."""
        return []

    def nav(self, site: SiteData) -> list[Any]:
        """Navigation entries (as in mkdocs.yml) to list after :attr:`index_page`."""
        return []

    def offline_pages(self, site: SiteData) -> list[str]:
        """The pages (docs paths) a practitioner needs with no signal: saved after one visit when
        data/partnership.yml's ``offline.keep`` names this kind (guidance/offline.py)."""
        return []

    def versioned(self, site: SiteData) -> list[Record]:
        """Every version of every versioned document, for the lock file (see guidance.lock)."""
        return []

    def targets(self, site: SiteData) -> Targets:
        """What links written ``kind:id`` can point at in this kind (see guidance.references)."""
        return {}

    def links(self, site: SiteData) -> list[tuple[str, Target]]:
        """The links (``kind:id``) this kind's pages make, each with the page that makes it."""
        return []

    def public_text(self, site: SiteData) -> list[tuple[Document, list[tuple[Path, str]]]]:
        """Fields written for the public, by file: what the plain-language check reads."""
        return []

    def search_records(self, site: SiteData) -> list[Entry]:
        """Search results for things that share a page with others (terms, indicators, services)."""
        return []

    def search_entry(self, page: PageInfo, site: SiteData) -> Entry | LeftOut | None:
        """What search shows for one of this kind's pages, LEFT_OUT to leave it out, or None if the
        page is not this kind's."""
        return None

    def search_data(self, site: SiteData) -> object:
        """The data :meth:`search_entry` reads besides the page (a rebuild compares it)."""
        return None

    def scaffold(self, entry_type: str, title: str, site: SiteData, options: Mapping[str, str]) -> Scaffold:
        """A new, valid entry of ``entry_type`` (one of :attr:`entry_types`) for ``guidance new``,
        with ``TODO`` where an editor must write; ``options`` as given on the command line
        (e.g. ``level``). Raises :class:`guidance.scaffold.ScaffoldRefused` when it cannot."""
        raise ValueError(f"guidance new cannot make a {entry_type} yet")
