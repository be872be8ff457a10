"""The flows kind: one decision flow per file in ``data/flows/``, proven free of dead ends."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from guidance.errors import Problem
from guidance.kind import Kind
from guidance.kinds.calendar.kind import site_calendar
from guidance.kinds.flows import pages as render
from guidance.kinds.flows.diagram import DiagramError, layout_faults
from guidance.kinds.flows.logic import FLOWS, FLOWS_INDEX, Flow, FlowEdition, graph_problems
from guidance.kinds.flows.model import FlowFile
from guidance.kinds.flows.new import new_flow
from guidance.kinds.flows.versions import version_page, version_path
from guidance.kinds.procedures.model import RELEASES
from guidance.lock import Record, check_published, site_lock
from guidance.references import Target, Targets, check_references
from guidance.registry import all_targets, backlinks
from guidance.scaffold import Scaffold
from guidance.search import IN_FLOWS, LEFT_OUT, Entry, LeftOut, PageInfo
from guidance.site import Page, SiteData, Source
from guidance.validate import duplicate_ids, unknown_reference
from guidance.versions import unknown_releases
from guidance.yamlio import Document

__all__ = ["FlowsKind"]


class FlowsKind(Kind):
    name = FLOWS.name
    patterns = ("flows/*.yml",)
    entry_types = ("flow",)
    model = FlowFile
    link_kinds = ("flow",)
    required = False

    browse = ("Decision flows", FLOWS_INDEX)

    def search_entry(self, page: PageInfo, site: SiteData) -> Entry | LeftOut | None:
        if "flow" not in page.meta:
            return None
        flow = site[FLOWS][page.meta["flow"]]
        if page.path != flow.page:
            return LEFT_OUT  # past versions are reached from the flow, as a procedure's are
        return Entry(page.url, page.title, IN_FLOWS, "Flowchart", page.audience,
                     names=(page.title,), keywords=tuple(flow.source.keywords))

    def search_data(self, site: SiteData) -> object:
        return [(f.id, f.source.keywords) for f in site[FLOWS].values()]

    def combine(self, sources: list[Source[Any]]) -> tuple[dict[str, Flow], list[Problem]]:
        problems = duplicate_ids(((s.model.id, s.document, ("id",)) for s in sources), "flow")
        flows: dict[str, Flow] = {}
        for source in sources:
            doc, data = source.document, source.model
            flow, found = Flow.build(data, doc)
            problems += found
            seen: set[tuple[object, ...]] = set()
            for edition in flow.editions:
                found_here = graph_problems(edition.text)
                for path, message in found_here:
                    i = _written_in(data, edition.number, str(path[0]))
                    if (i, path, message) not in seen:
                        seen.add((i, path, message))
                        problems.append(doc.problem(("versions", i, *path), message))
                if not found_here and not found:
                    problems += _diagram_problems(doc, data, edition)
            flows.setdefault(data.id, flow)
        return flows, problems

    def check(self, site: SiteData) -> list[Problem]:
        targets = all_targets(site)
        contacts = [c.id for c in site.partnership.contacts]
        releases = site.get(RELEASES) or {}
        problems = []
        for source in site.sources[self.name]:
            doc = source.document
            problems += unknown_releases(doc, source.model.versions, releases)
            for i, version in enumerate(source.model.versions):
                for ident, node in (version.nodes or {}).items():
                    where = ("versions", i, "nodes", ident)
                    problems += check_references(doc, (((*where, "links", j), r) for j, r in enumerate(node.links)), targets)
                    problems += check_references(
                        doc, (((*where, "terms", j), f"glossary:{t}") for j, t in enumerate(node.terms)), targets
                    )
                    for j, contact in enumerate(node.contacts):
                        if contact not in contacts:
                            problems.append(unknown_reference(doc, (*where, "contacts", j), "contact", contact, contacts))
        return problems + check_published(site_lock(site), "flow", self.versioned(site), site.today)

    def versioned(self, site: SiteData) -> list[Record]:
        flows: dict[str, Flow] = site[FLOWS]
        records = []
        for source in site.sources[self.name]:
            flow = flows[source.model.id]
            if flow.source is source.model:  # not a duplicate id, which is reported already
                records += flow.records(source.document)
        return records

    def targets(self, site: SiteData) -> Targets:
        flows: dict[str, Flow] = site[FLOWS]
        return {"flow": {f.id: Target(f.shown(site.today).text.title, f.page) for f in flows.values()}}

    def offline_pages(self, site: SiteData) -> list[str]:
        return [FLOWS_INDEX, *(flow.page for flow in site[FLOWS].values())]

    def pages(self, site: SiteData) -> list[Page]:
        flows: dict[str, Flow] = site[FLOWS]
        targets = all_targets(site)
        holidays = site_calendar(site)
        learning = backlinks(site, "briefs")
        script = (Path(__file__).parent / "flow.js").read_text(encoding="utf-8")
        pages = [Page(FLOWS_INDEX, render.index_page(list(flows.values()), site.today)), Page(render.FLOW_SCRIPT, script)]
        for flow in flows.values():
            pages.append(Page(flow.page, render.flow_page(flow, site, targets, holidays, learning.get(flow.page))))
            current = flow.in_force_on(site.today)
            pages += [Page(version_path(flow, e), version_page(flow, e, current=current)) for e in flow.editions]
        return pages

    def scaffold(self, entry_type: str, title: str, site: SiteData, options: Mapping[str, str]) -> Scaffold:
        return new_flow(title, site, options, self.name)


def _diagram_problems(doc: Document, data: FlowFile, edition: FlowEdition) -> list[Problem]:
    """A diagram that would mislead (a hidden label, a line through a box) is an error, not a picture."""
    try:
        faults = layout_faults(edition.text)
    except DiagramError as exc:
        return [doc.problem(("versions", edition.number - 1), str(exc))]
    if not faults:
        return []
    shown = "; ".join(faults[:5]) + (f"; and {len(faults) - 5} more" if len(faults) > 5 else "")
    return [doc.problem(("versions", edition.number - 1), f"the diagram of version {edition.number} of '{data.id}' cannot be "
                        f"drawn cleanly: {shown}. Shorten those questions or answers, or split a question in two")]


def _written_in(data: FlowFile, number: int, field: str) -> int:
    """The index of the version, up to ``number``, that last wrote ``field`` (carried forward after)."""
    return max(i for i, v in enumerate(data.versions[:number]) if i == 0 or getattr(v, field, None) is not None)
