"""The procedures kind: one file per procedure in ``data/procedures/``, with every version."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from guidance.errors import Problem, Severity
from guidance.kind import Kind
from guidance.kinds.procedures import pages as render
from guidance.kinds.procedures.model import RELEASES, ProcedureFile
from guidance.kinds.procedures.new import new_procedure, new_version
from guidance.kinds.procedures.texts import AS_AT_PAGE, CHANGES_FEED, CHANGES_PAGE, INDEX_PAGE, PROCEDURES, Procedure, Procedures
from guidance.lock import Record, check_published, site_lock
from guidance.references import Target, Targets, check_references
from guidance.registry import all_targets, backlinks
from guidance.render import history
from guidance.render.feed import FeedEntry, atom_feed
from guidance.render.markdown import long_date, page_url
from guidance.render.redirects import redirect_file, redirect_page
from guidance.scaffold import Scaffold
from guidance.search import IN_PROCEDURES, LEFT_OUT, Entry, LeftOut, PageInfo
from guidance.site import Page, SiteData, Source
from guidance.validate import duplicate_ids, not_in_future
from guidance.versions import unknown_releases

__all__ = ["ProceduresKind"]


class ProceduresKind(Kind):
    name = PROCEDURES.name
    patterns = ("procedures/*.yml",)
    entry_types = ("procedure", "procedure-version")
    model = ProcedureFile
    link_kinds = ("procedure",)
    required = False
    index_page = INDEX_PAGE

    browse = ("Procedures", INDEX_PAGE)
    changes_page = CHANGES_PAGE

    def search_entry(self, page: PageInfo, site: SiteData) -> Entry | LeftOut | None:
        about = str(page.meta.get("description") or "")
        if page.path == CHANGES_PAGE:  # what readers call it: "procedure updates", "what's new"
            return Entry(page.url, page.title, IN_PROCEDURES, "Changes to procedures", page.audience,
                         names=(page.title, "changes to procedures", "procedure updates"),
                         keywords=("what's new", "recent changes", "new versions", "updated procedures"), text=about, listing=True)
        if page.path in (INDEX_PAGE, AS_AT_PAGE):  # lists of the procedures, each found on its own
            return Entry(page.url, page.title, IN_PROCEDURES, "Procedures", page.audience,
                         names=(page.title, "all procedures" if page.path == INDEX_PAGE else "procedures as at a date"),
                         text=about, listing=True)
        if "procedure" not in page.meta:
            return None
        p = site[PROCEDURES].by_id[page.meta["procedure"]]
        if page.path != p.page:
            return LEFT_OUT  # past versions, comparisons and the history are reached from the procedure
        return Entry(page.url, page.title, IN_PROCEDURES, "Procedure", page.audience,
                     names=(page.title,), keywords=tuple(p.source.keywords))

    def search_data(self, site: SiteData) -> object:
        return [(p.id, p.page, p.source.keywords) for p in site[PROCEDURES]]

    def combine(self, sources: list[Source[Any]]) -> tuple[Procedures, list[Problem]]:
        problems = duplicate_ids(((s.model.id, s.document, ("id",)) for s in sources), "procedure")
        by_id: dict[str, Procedure] = {}
        for source in sources:
            procedure, found = Procedure.build(source.model, source.document)
            problems += found
            by_id.setdefault(procedure.id, procedure)
        return Procedures(by_id), problems

    def check(self, site: SiteData) -> list[Problem]:
        targets = all_targets(site)
        releases = site.get(RELEASES) or {}
        problems = _renames(site.sources[self.name])
        for source in site.sources[self.name]:
            doc, data = source.document, source.model
            problems += _review_dates(source, site)
            problems += unknown_releases(doc, data.versions, releases)
            for i, v in enumerate(data.versions):
                links = (("versions", i, "links", j) for j in range(len(v.links or [])))
                problems += check_references(doc, zip(links, v.links or [], strict=False), targets)
        return problems + check_published(site_lock(site), "procedure", self.versioned(site), site.today)

    def versioned(self, site: SiteData) -> list[Record]:
        procedures: Procedures = site[PROCEDURES]
        records = []
        for source in site.sources[self.name]:
            procedure = procedures.by_id[source.model.id]
            if procedure.source is source.model:  # not a duplicate id, which is reported already
                records += procedure.records(source.document)
        return records

    def targets(self, site: SiteData) -> Targets:
        procedures: Procedures = site[PROCEDURES]
        targets = {p.id: Target(p.title(site.today), p.page) for p in procedures}
        # A former id still names the procedure: published text that links to it cannot change.
        targets.update({old: targets[p.id] for p in procedures for old in p.source.former_ids})
        return {"procedure": targets}

    def nav(self, site: SiteData) -> list[Any]:
        # Not one entry per procedure: Material renders the nav into every page, so a nav that
        # grows with the content makes the build grow with its square. The index lists them all.
        return [{"What's changed": CHANGES_PAGE}, {"Guidance as at a date": AS_AT_PAGE}]

    def offline_pages(self, site: SiteData) -> list[str]:
        # Each procedure as it is today (its page names what comes into force, and when), and the lists.
        return [INDEX_PAGE, CHANGES_PAGE, *(p.page for p in site[PROCEDURES])]

    def pages(self, site: SiteData) -> list[Page]:
        procedures: Procedures = site[PROCEDURES]
        releases = site.get(RELEASES) or {}
        today, targets = site.today, all_targets(site)
        learning = backlinks(site, "briefs")
        script = (Path(__file__).parent / "versions.js").read_text(encoding="utf-8")
        pages = [
            Page(INDEX_PAGE, render.index_page(procedures, today)),
            Page(CHANGES_PAGE, history.whats_changed_page(procedures, releases, today)),
            Page(CHANGES_FEED, _feed(procedures, site)),
            Page(AS_AT_PAGE, history.as_at_page(procedures, today)),
            Page(render.VERSIONS_SCRIPT, script),
        ]
        for p in procedures:
            pages += [Page(p.page, render.current_page(p, today, targets, learning.get(p.page))), Page(p.history_page, history.history_page(p, today))]
            pages += [Page(p.version_page(e), render.version_page(p, e, today, targets)) for e in p.editions]
            pages += [Page(p.changes_page(e), history.changes_page(p, e, targets)) for e in p.editions[1:]]
            pages += _redirects(p, site)
        return pages

    def scaffold(self, entry_type: str, title: str, site: SiteData, options: Mapping[str, str]) -> Scaffold:
        return (new_procedure if entry_type == "procedure" else new_version)(title, site, options, self.name)


def _feed(procedures: Procedures, site: SiteData) -> str:
    entries = [
        FeedEntry(
            f"procedure/{c.procedure.id}/{c.edition.number}",
            f"{c.edition.text.title}: " + (f"version {c.edition.number}" if c.edition.number > 1 else "new procedure"),
            c.procedure.changes_page(c.edition),
            c.edition.effective,
            f"In force from {long_date(c.edition.effective)}. " + (c.edition.note or c.edition.text.summary),
        )
        for c in procedures.changes(site.today)
    ]
    partnership = site.partnership
    return atom_feed(
        entries, title=f"What's changed: {partnership.name}", author=partnership.name,
        feed=CHANGES_FEED, page=CHANGES_PAGE, site_url=partnership.site_url,
    )


def _redirects(p: Procedure, site: SiteData) -> list[Page]:
    """Every former address of the procedure, and of each of its pages under a former id, moves here."""
    title = p.title(site.today)
    moves = [(old, page_url(p.page)) for old in p.source.former_urls]
    for old_id in p.source.former_ids:
        for page in [p.page, p.history_page, *(p.version_page(e) for e in p.editions),
                     *(p.changes_page(e) for e in p.editions[1:])]:
            moves.append((page_url(page.replace(f"procedures/{p.id}/", f"procedures/{old_id}/")), page_url(page)))
    site_url = site.partnership.site_url
    return [Page(redirect_file(old), redirect_page(redirect_file(old), new, title, site_url)) for old, new in moves]


def _review_dates(source: Source[ProcedureFile], site: SiteData) -> list[Problem]:
    doc, data = source.document, source.model
    if data.review_due <= data.reviewed:
        return [doc.problem(("review_due",), f"expected a date after reviewed ({data.reviewed}), got {data.review_due}")]
    if data.reviewed > site.today:
        return not_in_future(doc, ("reviewed",), data.reviewed, site.today)
    if data.review_due < site.today:
        return [
            doc.problem(
                ("review_due",),
                f"review of '{data.id}' has been overdue since {data.review_due}: review it, then update reviewed and review_due",
                severity=Severity.NOTICE,
            )
        ]
    return []


def _renames(sources: list[Source[ProcedureFile]]) -> list[Problem]:
    """Former ids and addresses belong to one procedure each and never shadow a live one."""
    ids = {s.model.id for s in sources}
    problems = duplicate_ids(
        ((old, s.document, ("former_ids", i)) for s in sources for i, old in enumerate(s.model.former_ids)), "former"
    )
    problems += duplicate_ids(
        ((re.sub(r"/index\.html$|/$", "", old), s.document, ("former_urls", i))
         for s in sources for i, old in enumerate(s.model.former_urls)),
        "former address",
    )
    for s in sources:
        for i, old in enumerate(s.model.former_ids):
            if old in ids:
                problems.append(s.document.problem(("former_ids", i), f"'{old}' is the id of a procedure in use: a former id must be free"))
    return problems
