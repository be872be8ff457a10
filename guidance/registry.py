"""Every kind the site is built from, in the order they load, and what spans kinds: link targets and backlinks."""

from __future__ import annotations

from guidance.kind import Kind
from guidance.references import Target, Targets, split
from guidance.site import Key, SiteData

__all__ = ["KINDS", "all_targets", "backlinks"]


def all_targets(site: SiteData) -> Targets:
    """Every link target offered by every kind; a kind with no content offers none, so links to it fail."""
    return site.derived("targets", _targets)


def _targets(site: SiteData) -> Targets:
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
        if k.name == kind and Key(k.name) in site:
            for reference, source in k.links(site):
                ref_kind, ident = split(reference)
                target = targets.get(ref_kind, {}).get(ident)
                if target is not None and source not in found.setdefault(target.href(), []):
                    found[target.href()].append(source)
    return found


def _kinds() -> list[Kind]:
    from guidance.kinds.briefs.kind import AnonymityKind, BriefsKind, ThemesKind
    from guidance.kinds.calendar.kind import CalendarKind
    from guidance.kinds.flows.kind import FlowsKind
    from guidance.kinds.glossary.kind import GlossaryKind
    from guidance.kinds.partnership.kind import PartnershipKind
    from guidance.kinds.procedures.kind import ProceduresKind
    from guidance.kinds.releases.kind import ReleasesKind
    from guidance.kinds.search.kind import SearchKind
    from guidance.kinds.services.kind import ServicesKind
    from guidance.kinds.thresholds.kind import ThresholdsKind

    return [
        PartnershipKind(), GlossaryKind(), ThresholdsKind(), ReleasesKind(), CalendarKind(), ProceduresKind(), FlowsKind(),
        ThemesKind(), AnonymityKind(), BriefsKind(), ServicesKind(), SearchKind(),
    ]


KINDS: list[Kind] = _kinds()
