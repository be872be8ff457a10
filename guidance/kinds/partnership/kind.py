"""The partnership kind: one file, ``data/partnership.yml``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from guidance.errors import Path as ErrorPath
from guidance.errors import Problem, Severity
from guidance.kind import Kind
from guidance.kinds.partnership.cover import describe_gap, gaps
from guidance.kinds.partnership.model import PARTNERSHIP, Partnership
from guidance.kinds.partnership.pages import ACCESSIBILITY_PAGE, WORRIED_PAGE, accessibility_page, worried_page
from guidance.kinds.services.finder import HOURS_EXAMPLE, SERVICES, Opening, parse_hours
from guidance.site import Page, SiteData, Source
from guidance.validate import duplicate_ids, unknown_reference
from guidance.yamlio import Document

__all__ = ["EXIT_SCRIPT", "SITE_SCRIPT", "STYLESHEET", "PartnershipKind"]

# "Exit this page", on every page the public can reach (guidance/theme/partials/header.html places the button).
EXIT_SCRIPT = "assets/guidance/exit.js"
SITE_SCRIPT = "assets/guidance/site.js"  # on every page: glossary tooltips, keyboard-scrollable tables
STYLESHEET = "assets/guidance/guidance.css"  # on every page: the engine adapter adds it to extra_css


class PartnershipKind(Kind):
    name = PARTNERSHIP.name
    patterns = ("partnership.yml",)
    model = Partnership
    single = True

    def combine(self, sources: list[Source[Any]]) -> tuple[Partnership, list[Problem]]:
        source = sources[0]
        doc, partnership = source.document, source.model
        problems = duplicate_ids(((c.id, doc, ("contacts", i, "id")) for i, c in enumerate(partnership.contacts)), "contact")
        problems += duplicate_ids(((a.id, doc, ("audiences", i, "id")) for i, a in enumerate(partnership.audiences)), "audience")
        known = [c.id for c in partnership.contacts]
        named: list[tuple[ErrorPath, str]] = [(("main_contact",), partnership.main_contact)]
        if partnership.worried:
            named += [(("worried", "daytime"), partnership.worried.daytime), (("worried", "out_of_hours"), partnership.worried.out_of_hours)]
            named += [(("worried", "national", i), ident) for i, ident in enumerate(partnership.worried.national)]
        if partnership.accessibility:
            named.append((("accessibility", "contact"), partnership.accessibility.contact))
        if partnership.feedback:
            named.append((("feedback",), partnership.feedback))
        for path, ident in named:
            if partnership.contact(ident) is None:
                problems.append(unknown_reference(doc, path, "contact", ident, known))
        feedback = partnership.contact(partnership.feedback) if partnership.feedback else None
        if feedback is not None and not feedback.email:
            problems.append(doc.problem(("feedback",), f"contact '{feedback.id}' has no email: a report of a problem "
                                                      "with a page is sent by email"))
        problems += _hours(doc, partnership)
        return partnership, problems

    def public_text(self, site: SiteData) -> list[tuple[Any, list[tuple[Any, str]]]]:
        source = site.sources[self.name][0]
        p: Partnership = source.model
        # The emergency line above every page, and the contacts it and the worried page name.
        fields: list[tuple[ErrorPath, str]] = [(("emergency",), p.emergency)]
        public = {p.main_contact, *([p.worried.daytime, p.worried.out_of_hours, *p.worried.national] if p.worried else [])}
        for i, contact in enumerate(p.contacts):
            if contact.id not in public:
                continue
            fields += [(("contacts", i, "name"), contact.name)]
            fields += [(("contacts", i, "description"), contact.description)] if contact.description else []
        if p.worried:
            fields += [(("worried", "when_you_call", i), text) for i, text in enumerate(p.worried.when_you_call)]
        return [(source.document, fields)]

    def pages(self, site: SiteData) -> list[Page]:
        p: Partnership = site[PARTNERSHIP]
        here, shared = Path(__file__).parent, Path(__file__).parent.parent.parent / "assets"
        pages = [Page(EXIT_SCRIPT, (here / "exit.js").read_text(encoding="utf-8")),
                 Page(SITE_SCRIPT, (shared / "site.js").read_text(encoding="utf-8")),
                 Page(STYLESHEET, (shared / "guidance.css").read_text(encoding="utf-8"))]
        if p.worried:
            pages.append(Page(WORRIED_PAGE, worried_page(p, SERVICES in site)))
        if p.accessibility:
            pages.append(Page(ACCESSIBILITY_PAGE, accessibility_page(p)))
        return pages


def _hours(doc: Document, p: Partnership) -> list[Problem]:
    """Each contact's weekly hours read as services' are; and a warning for every stretch of the
    week in which neither the daytime nor the out-of-hours contact of the worried page answers."""
    problems: list[Problem] = []
    openings: dict[str, list[Opening]] = {}
    for i, contact in enumerate(p.contacts):
        for j, line in enumerate(contact.open):
            opening = parse_hours(line)
            if opening is None:
                problems.append(doc.problem(("contacts", i, "open", j), f"expected {HOURS_EXAMPLE}, got '{line}'"))
            else:
                openings.setdefault(contact.id, []).append(opening)
    w = p.worried
    if problems or w is None or w.daytime not in openings or w.out_of_hours not in openings:
        return problems
    for start, end in gaps(openings[w.daytime] + openings[w.out_of_hours]):
        problems.append(doc.problem(
            ("worried",), f"nobody answers from {describe_gap(start, end)}: neither '{w.daytime}' nor '{w.out_of_hours}' "
            "is open then (change their hours in contacts[].open, and give a national helpline in worried.national)",
            severity=Severity.WARNING,
        ))
    return problems
