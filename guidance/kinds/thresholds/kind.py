"""The thresholds kind: ``data/thresholds.yml``, the partnership's continuum of need."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from guidance.errors import Problem
from guidance.kind import Kind
from guidance.kinds.thresholds import pages as render
from guidance.kinds.thresholds.grid import THRESHOLDS, Thresholds, finder_page, level_page, matrix_page, overview_page
from guidance.kinds.thresholds.model import ThresholdsFile
from guidance.kinds.thresholds.new import new_indicator
from guidance.references import Target, Targets, check_references
from guidance.registry import all_targets
from guidance.render.markdown import page_url
from guidance.scaffold import Scaffold
from guidance.search import IN_LEVELS, PRACTITIONERS, Entry, LeftOut, PageInfo
from guidance.site import Page, SiteData, Source
from guidance.validate import duplicate_ids, unknown_reference
from guidance.yamlio import Document

__all__ = ["ThresholdsKind"]


class ThresholdsKind(Kind):
    name = THRESHOLDS.name
    patterns = ("thresholds.yml",)
    entry_types = ("indicator",)
    model = ThresholdsFile
    link_kinds = ("threshold", "indicator")
    required = False
    single = True
    index_page = overview_page

    browse = ("Levels of need", overview_page)

    def search_records(self, site: SiteData) -> list[Entry]:
        t = site[THRESHOLDS]
        return [
            Entry(
                f"{page_url(level_page(t.levels[str(i.level)]))}#{i.id}", i.text, IN_LEVELS,
                f"Threshold indicator (level {i.level})", PRACTITIONERS,
                keywords=tuple(i.keywords),
                text=f"{t.label(t.levels[str(i.level)])}. {t.domains[i.domain].name}.",
            )
            for i in t.source.indicators
        ]

    def search_entry(self, page: PageInfo, site: SiteData) -> Entry | LeftOut | None:
        if page.path == overview_page:
            return Entry(page.url, page.title, IN_LEVELS, "Levels of need", page.audience,
                         names=(page.title, "levels of need", "thresholds"))
        if page.path == matrix_page:
            return Entry(page.url, page.title, IN_LEVELS, "Levels of need", page.audience,
                         names=(page.title, "threshold matrix", "matrix"), keywords=("all levels", "at a glance", "continuum of need"))
        if page.path == finder_page:
            return Entry(page.url, page.title, IN_LEVELS, "Levels of need", page.audience,
                         names=(page.title, "indicator finder"), keywords=("search indicators", "find an indicator"))
        for level in site[THRESHOLDS].levels.values():
            if page.path == level_page(level):
                return Entry(page.url, page.title, IN_LEVELS, "Level of need", page.audience,
                             names=(page.title, f"level {level.id}", level.name), keywords=(f"level {level.id} {level.name}",))
        if page.path.startswith(overview_page.removesuffix("index.md")):
            return Entry(page.url, page.title, IN_LEVELS, "Levels of need", page.audience, names=(page.title,))
        return None

    def nav(self, site: SiteData) -> list[Any]:
        # A handful of levels: one entry each, then the whole matrix and the finder.
        t: Thresholds = site[THRESHOLDS]
        levels = [{t.label(lvl): level_page(lvl)} for lvl in t.source.levels]
        return [*levels, {"At a glance": matrix_page}, {"Find an indicator": finder_page}]

    def combine(self, sources: list[Source[Any]]) -> tuple[Thresholds, list[Problem]]:
        doc, data = sources[0].document, sources[0].model
        problems: list[Problem] = []
        for field, what in (("levels", "level"), ("domains", "domain"), ("age_bands", "age band"), ("indicators", "indicator")):
            items = getattr(data, field)
            problems += duplicate_ids(((item.id, doc, (field, i, "id")) for i, item in enumerate(items)), what)
        thresholds = Thresholds(data)
        problems += _indicator_references(doc, thresholds)
        for i, level in enumerate(data.levels):
            for domain in level.no_indicators:
                if domain not in thresholds.domains:
                    path = ("levels", i, "no_indicators", domain)
                    problems.append(unknown_reference(doc, path, "domain", domain, list(thresholds.domains)))
        if not problems:
            problems += _gaps(doc, thresholds)
        return thresholds, problems

    def targets(self, site: SiteData) -> Targets:
        t: Thresholds = site[THRESHOLDS]
        return {
            "threshold": {lvl.id: Target(t.label(lvl), level_page(lvl)) for lvl in t.source.levels},
            "indicator": {
                i.id: Target(i.text, level_page(t.levels[i.level]), i.id) for i in t.source.indicators
            },
        }

    def check(self, site: SiteData) -> list[Problem]:
        doc = site.sources[self.name][0].document
        t: Thresholds = site[THRESHOLDS]
        contacts = [c.id for c in site.partnership.contacts]
        targets = all_targets(site)
        problems = []
        for i, level in enumerate(t.source.levels):
            for j, contact in enumerate(level.contacts):
                if contact not in contacts:
                    problems.append(unknown_reference(doc, ("levels", i, "contacts", j), "contact", contact, contacts))
            problems += check_references(doc, ((("levels", i, "links", j), ref) for j, ref in enumerate(level.links)), targets)
        return problems

    def offline_pages(self, site: SiteData) -> list[str]:
        t: Thresholds = site[THRESHOLDS]
        return [overview_page, *(level_page(lvl) for lvl in t.source.levels), matrix_page, finder_page]

    def pages(self, site: SiteData) -> list[Page]:
        t: Thresholds = site[THRESHOLDS]
        targets = all_targets(site)
        partnership = site.partnership
        script = (Path(__file__).parent / "finder.js").read_text(encoding="utf-8")
        return [
            Page(overview_page, render.overview(t)),
            *(
                Page(level_page(lvl), render.level(t, lvl, [c for c in map(partnership.contact, lvl.contacts) if c is not None], targets))
                for lvl in t.source.levels
            ),
            Page(matrix_page, render.matrix(t)),
            Page(finder_page, render.finder(t)),
            Page(render.FINDER_SCRIPT, script),
        ]

    def scaffold(self, entry_type: str, title: str, site: SiteData, options: Mapping[str, str]) -> Scaffold:
        return new_indicator(title, site, options, self.name)


def _indicator_references(doc: Document, t: Thresholds) -> list[Problem]:
    problems = []
    for i, indicator in enumerate(t.source.indicators):
        for field, value, known, what in (
            ("level", indicator.level, t.levels, "level"),
            ("domain", indicator.domain, t.domains, "domain"),
        ):
            if value not in known:
                problems.append(unknown_reference(doc, ("indicators", i, field), what, value, list(known)))
        for j, band in enumerate(indicator.age_bands):
            if band not in t.age_bands:
                problems.append(unknown_reference(doc, ("indicators", i, "age_bands", j), "age band", band, list(t.age_bands)))
    return problems


def _gaps(doc: Document, t: Thresholds) -> list[Problem]:
    index = {level.id: i for i, level in enumerate(t.source.levels)}
    return [
        doc.problem(
            ("levels", index[level.id]),
            f"level '{level.id}' has no indicators in domain '{domain.id}': add one, "
            f"or give the reason under no_indicators",
        )
        for level, domain in t.gaps()
    ]
