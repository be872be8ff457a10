"""The partnership kind: one file, ``data/partnership.yml``."""

from __future__ import annotations

from typing import Any

from ..errors import Problem
from pathlib import Path

from ..models import Partnership
from ..render.partnership import ACCESSIBILITY_PAGE, WORRIED_PAGE, accessibility_page, worried_page

from ..site import Page, SiteData, Source
from ..validate import duplicate_ids, unknown_reference
from . import Kind

__all__ = ["EXIT_SCRIPT", "PartnershipKind"]

# "Exit this page", on every public page and every flow (overrides/main.html places the button).
EXIT_SCRIPT = "assets/guidance/exit.js"


class PartnershipKind(Kind):
    name = "partnership"
    patterns = ("partnership.yml",)
    model = Partnership
    single = True

    def combine(self, sources: list[Source[Any]]) -> tuple[Partnership, list[Problem]]:
        source = sources[0]
        doc, partnership = source.document, source.model
        problems = duplicate_ids(((c.id, doc, ("contacts", i, "id")) for i, c in enumerate(partnership.contacts)), "contact")
        problems += duplicate_ids(((a.id, doc, ("audiences", i, "id")) for i, a in enumerate(partnership.audiences)), "audience")
        known = [c.id for c in partnership.contacts]
        named = [(("main_contact",), partnership.main_contact)]
        if partnership.worried:
            named += [(("worried", "daytime"), partnership.worried.daytime), (("worried", "out_of_hours"), partnership.worried.out_of_hours)]
        if partnership.accessibility:
            named.append((("accessibility", "contact"), partnership.accessibility.contact))
        for path, ident in named:
            if partnership.contact(ident) is None:
                problems.append(unknown_reference(doc, path, "contact", ident, known))
        return partnership, problems

    def public_text(self, site: SiteData) -> list[tuple[Any, list[tuple[Any, str]]]]:
        source = site.sources[self.name][0]
        p: Partnership = source.model
        fields = [(("emergency",), p.emergency)]
        if p.worried:
            fields += [(("worried", "when_you_call", i), text) for i, text in enumerate(p.worried.when_you_call)]
        return [(source.document, fields)]

    def pages(self, site: SiteData) -> list[Page]:
        p: Partnership = site.content[self.name]
        pages = [Page(EXIT_SCRIPT, (Path(__file__).parent.parent / "assets" / "exit.js").read_text(encoding="utf-8"))]
        if p.worried:
            pages.append(Page(WORRIED_PAGE, worried_page(p, "services" in site.content)))
        if p.accessibility:
            pages.append(Page(ACCESSIBILITY_PAGE, accessibility_page(p)))
        return pages
