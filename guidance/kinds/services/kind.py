"""The services kind: ``data/services.yml``, the needs people come with and the services that help."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from guidance.errors import Path as ErrorPath
from guidance.errors import Problem, Severity
from guidance.kind import Kind
from guidance.kinds.calendar.kind import site_calendar
from guidance.kinds.services import pages as render
from guidance.kinds.services.finder import HOURS_EXAMPLE, SERVICES, Services, parse_hours
from guidance.kinds.services.model import ServicesFile
from guidance.kinds.services.new import new_need, new_service
from guidance.references import Target, Targets
from guidance.render.markdown import page_url
from guidance.scaffold import Scaffold
from guidance.search import IN_SERVICES, PUBLIC, Entry, LeftOut, PageInfo
from guidance.site import Page, SiteData, Source
from guidance.validate import duplicate_ids, unknown_reference

__all__ = ["ServicesKind"]


class ServicesKind(Kind):
    name = SERVICES.name
    patterns = ("services.yml",)
    entry_types = ("service", "need")
    model = ServicesFile
    required = False
    single = True
    link_kinds = ("service",)
    index_page = render.SERVICES_INDEX

    browse = ("Find help for your family", render.SERVICES_INDEX)

    def search_records(self, site: SiteData) -> list[Entry]:
        services = site[SERVICES]
        where = page_url(render.SERVICES_INDEX)
        return [
            Entry(f"{where}#{s.id}", s.name, IN_SERVICES, "Service", PUBLIC,
                  names=(s.name,), keywords=(*(services.needs[n].name for n in s.needs), *s.keywords), text=f"{s.who} {s.offers}")
            for s in services.services
        ]

    def search_entry(self, page: PageInfo, site: SiteData) -> Entry | LeftOut | None:
        folder = render.SERVICES_INDEX.removesuffix("index.md")
        if not page.path.startswith(folder):
            return None
        need = site[SERVICES].needs.get(page.path.removeprefix(folder).removesuffix(".md"))
        # A need's page answers to what the need is in the reader's words: its description and phrasings.
        return Entry(page.url, page.title, IN_SERVICES, "Help and services", page.audience,
                     names=(page.title, *([need.name] if need else [])),
                     keywords=(need.description, *need.keywords) if need else ())

    def search_data(self, site: SiteData) -> object:
        return [(n, need.name) for n, need in site[SERVICES].needs.items()]

    def combine(self, sources: list[Source[Any]]) -> tuple[Services, list[Problem]]:
        doc, data = sources[0].document, sources[0].model
        problems = duplicate_ids(((n.id, doc, ("needs", i, "id")) for i, n in enumerate(data.needs)), "need")
        problems += duplicate_ids(((s.id, doc, ("services", i, "id")) for i, s in enumerate(data.services)), "service")
        needs = [n.id for n in data.needs]
        for i, ident in enumerate(needs):
            if render.need_page(ident) in (render.SERVICES_INDEX, render.ALWAYS_PAGE):
                problems.append(doc.problem(("needs", i, "id"), f"'{ident}' is the address of another services page: choose another id"))
        for i, service in enumerate(data.services):
            where = ("services", i)
            for j, need in enumerate(service.needs):
                if need not in needs:
                    problems.append(unknown_reference(doc, (*where, "needs", j), "need", need, needs))
            for j, line in enumerate(service.hours):
                if parse_hours(line) is None:
                    problems.append(doc.problem((*where, "hours", j), f"expected {HOURS_EXAMPLE}, got '{line}'"))
            if not service.contact.routes():
                problems.append(doc.problem((*where, "contact"), "expected at least one way to get in touch (phone, text, web or email), found none"))
            if not service.example and service.source is None:
                problems.append(doc.problem(
                    where, f"'{service.id}' is a real service: add a source saying where its number is published, or mark it example: true"
                ))
        return Services({n.id: n for n in data.needs}, list(data.services), data.checked), problems

    def check(self, site: SiteData) -> list[Problem]:
        """Notice of details not checked for over a year: a number that has changed sends a parent nowhere."""
        doc, data = site.sources[self.name][0].document, site.sources[self.name][0].model
        found: list[tuple[ErrorPath, date, str]] = [(("checked",), data.checked, "the services' details were")] if data.checked else []
        found += [(("services", i, "checked"), s.checked, f"the details of '{s.id}' were") for i, s in enumerate(data.services) if s.checked]
        return [
            doc.problem(path, f"{what} last checked on {day}, over a year ago: check them and update the date", severity=Severity.NOTICE)
            for path, day, what in found if (site.today - day).days > 365
        ]

    def public_text(self, site: SiteData) -> list[tuple[Any, list[tuple[Any, str]]]]:
        source = site.sources[self.name][0]
        data = source.model
        fields: list[tuple[ErrorPath, str]] = [(("needs", i, "description"), n.description) for i, n in enumerate(data.needs)]
        for i, s in enumerate(data.services):
            fields += [(("services", i, "who"), s.who), (("services", i, "offers"), s.offers)]
        return [(source.document, fields)]

    def targets(self, site: SiteData) -> Targets:
        services: Services = site[SERVICES]
        return {"service": {s.id: Target(s.name, render.SERVICES_INDEX, s.id) for s in services.services}}

    def nav(self, site: SiteData) -> list[Any]:
        return [{"Open 24 hours": render.ALWAYS_PAGE}]

    def pages(self, site: SiteData) -> list[Page]:
        services: Services = site[SERVICES]
        # Opening hours are about now: this year's bank holidays and the next (a service's, not our closures).
        holidays = [d for d in site_calendar(site).holidays if site.today.year <= d.year <= site.today.year + 1]
        script = (Path(__file__).parent / "services.js").read_text(encoding="utf-8")
        pages = [
            Page(render.SERVICES_INDEX, render.index_page(services, holidays, site.partnership.area)),
            Page(render.ALWAYS_PAGE, render.always_page(services)),
            Page(render.SERVICES_SCRIPT, script),
        ]
        pages += [Page(render.need_page(n.id), render.need_page_text(services, n, holidays)) for n in services.needs.values()]
        return pages

    def scaffold(self, entry_type: str, title: str, site: SiteData, options: Mapping[str, str]) -> Scaffold:
        return (new_service if entry_type == "service" else new_need)(title, site, options, self.name)
