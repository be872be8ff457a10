"""How a kind of source plugs in: its files, its model, its rules and its pages.

A new kind (thresholds, procedures, flows...) is a module here with a :class:`Kind`
subclass, added to :data:`KINDS`. The loader, the checks, the CLI, the schemas and the
MkDocs plugin all work from this list, so the spine does not change.
"""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import BaseModel

from guidance.errors import Path, Problem
from guidance.lock import Record
from guidance.references import Target, Targets, split
from guidance.site import Page, SiteData, Source
from guidance.yamlio import Document

__all__ = ["KINDS", "Kind", "Scaffold", "all_targets", "backlinks"]


class Scaffold:
    """A new, valid entry of a kind, as YAML text to add to one of its files."""

    def __init__(self, file: str, text: str, ident: str):
        self.file, self.text, self.ident = file, text, ident


class Kind:
    name: ClassVar[str]
    patterns: ClassVar[tuple[str, ...]]  # globs relative to data/, e.g. ("glossary.yml", "glossary/*.yml")
    model: ClassVar[type[BaseModel]]
    required: ClassVar[bool] = True
    single: ClassVar[bool] = False  # exactly one file, e.g. partnership.yml
    entry_types: ClassVar[tuple[str, ...]] = ()  # what ``guidance new`` can scaffold
    index_page: ClassVar[str | None] = None  # where nav() entries go in mkdocs.yml's nav
    link_kinds: ClassVar[tuple[str, ...]] = ()  # what links written kind:id can name here, e.g. ("procedure",)

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

    def scaffold(self, entry_type: str, title: str, site: SiteData) -> Scaffold:
        raise NotImplementedError


def all_targets(site: SiteData) -> Targets:
    """Every link target offered by every kind; a kind with no content offers none, so links to it fail."""
    targets: Targets = {name: {} for kind in KINDS for name in kind.link_kinds}
    for kind in KINDS:
        if kind.name in site.content:
            targets.update(kind.targets(site))
    return targets


def backlinks(site: SiteData, kind: str) -> dict[str, list[Target]]:
    """For each linked-to place (a target's href), the pages of ``kind`` that link to it.

    Keyed by where the target is, not how the link was written, so a link to a procedure's
    former id counts as a link to the procedure.
    """
    targets = all_targets(site)
    found: dict[str, list[Target]] = {}
    for k in KINDS:
        if k.name == kind and k.name in site.content:
            for reference, source in k.links(site):
                ref_kind, ident = split(reference)
                target = targets.get(ref_kind, {}).get(ident)
                if target is not None and source not in found.setdefault(target.href(), []):
                    found[target.href()].append(source)
    return found


def _kinds() -> list[Kind]:
    from guidance.kinds.briefs import AnonymityKind, BriefsKind, ThemesKind
    from guidance.kinds.calendar import CalendarKind
    from guidance.kinds.flows import FlowsKind
    from guidance.kinds.glossary import GlossaryKind
    from guidance.kinds.partnership import PartnershipKind
    from guidance.kinds.procedures import ProceduresKind
    from guidance.kinds.releases import ReleasesKind
    from guidance.kinds.services import ServicesKind
    from guidance.kinds.thresholds import ThresholdsKind

    return [
        PartnershipKind(), GlossaryKind(), ThresholdsKind(), ReleasesKind(), CalendarKind(), ProceduresKind(), FlowsKind(),
        ThemesKind(), AnonymityKind(), BriefsKind(), ServicesKind(),
    ]


KINDS: list[Kind] = _kinds()
